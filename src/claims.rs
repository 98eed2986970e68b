//! Stage 3: document + actors → claims. Finds who claims what about whom:
//! direct quotes (attribution before, after or around the quote, and
//! quotes continued across sentences and paragraphs), reported speech with a
//! reporting verb, according-to attributions, possessive statements
//! ("Pakistan's message is clear: …"), lists of demands, and unnamed
//! sources. Resolves pronoun and role speakers to the named actor, sets the
//! claim kind and target, and reads the figures a claim carries.
//!
//! Every scan is bounded by the sentence or paragraph it works in, so the
//! cost stays linear in the text.

use crate::actors::{Actors, Form};
use crate::document::{BlockKind, Document};
use crate::lexicon as lx;
use crate::model::{ActorKind, ClaimKind};
use crate::text::{self, Tok};

/// The claims of a document, with byte offsets.
#[derive(Default)]
pub struct Claims {
    /// In text order.
    pub list: Vec<ClaimData>,
    /// Unnamed sources referred to by claims.
    pub sources: Vec<SourceData>,
}

/// Who makes a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaker {
    /// An actor (index into [`Actors::list`]).
    Actor(usize),
    /// An unnamed source (index into [`Claims::sources`]).
    Unnamed(usize),
    /// Not known.
    None,
}

/// An unnamed source: "officials", "sources", "analysts".
pub struct SourceData {
    /// Plural head noun.
    pub label: &'static str,
    /// Affiliated actor ("Afghan officials").
    pub affiliation: Option<usize>,
    /// Where the source is named (byte ranges).
    pub spans: Vec<(usize, usize)>,
}

/// A claim with byte offsets.
#[derive(Debug, Clone)]
pub struct ClaimData {
    /// Content start byte.
    pub start: usize,
    /// Content end byte.
    pub end: usize,
    /// Speaker.
    pub speaker: Speaker,
    /// Where the speaker is named for this claim.
    pub speaker_span: Option<(usize, usize)>,
    /// Kind.
    pub kind: ClaimKind,
    /// Target actor.
    pub target: Option<usize>,
    /// Direct quotation.
    pub quote: bool,
    /// The reporting cue.
    pub cue: Option<(usize, usize)>,
    /// Figures in the content.
    pub figures: Vec<FigureData>,
}

/// A figure with byte offsets.
#[derive(Debug, Clone)]
pub struct FigureData {
    /// The number.
    pub value: f64,
    /// "at least", "more than"…
    pub qualifier: Option<&'static str>,
    /// killed, wounded, captured, attacks…
    pub measure: &'static str,
    /// What is counted (byte range).
    pub counted: (usize, usize),
    /// Actor the counted belong to.
    pub side: Option<usize>,
    /// Figure start byte.
    pub start: usize,
    /// Figure end byte.
    pub end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Say,
    Report,
    Assess,
    Threat,
    Deny,
    Accuse,
    Demand,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Frame {
    Content,
    Told,
    Clause,
    Of,
    For,
    To,
    As,
    Inclusive,
}

/// A reporting cue's class and frame from its word's lexicon mask (see
/// [`lx::cue_bits`]), `None` for a word that is no cue.
fn cue_of(mask: u32) -> Option<(Class, Frame)> {
    use Class::*;
    use Frame::*;
    const CLASSES: [Class; 8] = [Say, Report, Assess, Threat, Deny, Accuse, Demand, Say];
    const FRAMES: [Frame; 8] = [Content, Told, Clause, Of, For, To, As, Inclusive];
    if mask & lx::CUE == 0 {
        return None;
    }
    let c = (mask >> lx::CUE_SHIFT) as usize;
    Some((CLASSES[c & 7], FRAMES[c >> 3 & 7]))
}

fn base_kind(c: Class) -> ClaimKind {
    match c {
        Class::Say => ClaimKind::Statement,
        Class::Report => ClaimKind::Report,
        Class::Assess => ClaimKind::Assessment,
        Class::Threat => ClaimKind::Threat,
        Class::Deny => ClaimKind::Denial,
        Class::Accuse => ClaimKind::Accusation,
        Class::Demand => ClaimKind::Demand,
    }
}

/// `w` is the head noun of an unnamed source ("officials", "sources").
fn is_unnamed_source(w: &str) -> bool {
    lx::UNNAMED_SOURCES.iter().any(|(n, _)| *n == w)
}

fn has(list: &[&str], w: &str) -> bool {
    lx::contains(list, w)
}

/// A list announced by "X's demands included:": speaker, where named, kind.
type ListIntro = (Speaker, Option<(usize, usize)>, ClaimKind);

/// Per-document scanning state.
struct Scan<'d> {
    text: &'d str,
    doc: &'d Document<'d>,
    actors: &'d Actors,
    claims: Vec<ClaimData>,
    sources: Vec<SourceData>,
    /// Most recent person named (for he/she).
    last_person: Option<usize>,
    /// Most recent person who spoke.
    last_person_speaker: Option<usize>,
    /// Most recent non-person actor that spoke or acted as subject (for they/it).
    last_group: Option<usize>,
    /// The speaker of the current transcript turn (I/we).
    turn: Option<usize>,
    /// The last named speaker of a transcript turn (for "A:").
    last_turn: Option<usize>,
    /// First mention token of each actor.
    first_mention: Vec<usize>,
}

impl<'d> Scan<'d> {
    fn w(&self, i: usize) -> &'d str {
        self.doc.tokens[i].text(self.text)
    }
    #[inline(always)]
    fn f(&self, i: usize) -> &'d str {
        self.doc.folded.get(i)
    }
    fn kind(&self, i: usize) -> Tok {
        self.doc.tokens[i].kind
    }
    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Tok::Word
    }
    fn start(&self, i: usize) -> usize {
        self.doc.tokens[i].start as usize
    }
    fn end(&self, i: usize) -> usize {
        self.doc.tokens[i].end as usize
    }
    fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Tok::Punct && matches!(self.w(i), "—" | "–" | "-")
    }
    /// Token `i`'s folded form is in `list` (see [`Document::in_list`]).
    #[inline(always)]
    fn in_list(&self, list: &[&str], i: usize) -> bool {
        self.doc.in_list(list, i)
    }
    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Tok::Punct && self.w(i) == p
    }
    /// Token `i`'s cue class and frame, if its folded form is a cue: read
    /// from the lexicon mask the document keeps for each token.
    #[inline(always)]
    fn cue(&self, i: usize) -> Option<(Class, Frame)> {
        self.doc.lists.get(i).and_then(|&m| cue_of(m))
    }
    /// Token `i`'s folded form is a cue (see [`Scan::cue`]).
    #[inline(always)]
    fn is_cue(&self, i: usize) -> bool {
        self.doc.is_cue(i)
    }
}

/// Finds the claims of `doc`.
pub fn find(doc: &Document, actors: &Actors) -> Claims {
    let text: &str = &doc.text;
    let mut sc = Scan {
        text,
        doc,
        actors,
        claims: Vec::new(),
        sources: Vec::new(),
        last_person: None,
        last_person_speaker: None,
        last_group: None,
        turn: None,
        last_turn: None,
        first_mention: first_mentions(actors),
    };

    // sentences grouped by block, in order: block `b`'s are
    // `by_block[first[b]..first[b + 1]]` (one list, not a vector per block)
    let mut first = vec![0usize; doc.blocks.len() + 1];
    for s in &doc.sentences {
        first[s.block + 1] += 1;
    }
    for b in 0..doc.blocks.len() {
        first[b + 1] += first[b];
    }
    let mut by_block = vec![0usize; doc.sentences.len()];
    let mut next = first.clone();
    for (i, s) in doc.sentences.iter().enumerate() {
        by_block[next[s.block]] = i;
        next[s.block] += 1;
    }
    let mut pending_list: Option<ListIntro> = None;
    let mut prev_para_speaker: Option<(Speaker, Option<(usize, usize)>)> = None;
    let mut prev_para_open_quote = false;
    for (bi, block) in doc.blocks.iter().enumerate() {
        let sents = &by_block[first[bi]..first[bi + 1]];
        if sents.is_empty() {
            continue;
        }
        match block.kind {
            BlockKind::Heading => {
                pending_list = None;
                continue;
            }
            BlockKind::ListItem => {
                if let Some((speaker, span, kind)) = pending_list {
                    let (s, e) = text::trim_range(text, block.start, block.end, &['.', ';', ',']);
                    if s < e {
                        sc.push(ClaimData {
                            start: s,
                            end: e,
                            speaker,
                            speaker_span: span,
                            kind,
                            target: None,
                            quote: false,
                            cue: None,
                            figures: Vec::new(),
                        });
                    }
                }
                continue;
            }
            BlockKind::Paragraph => pending_list = None,
        }
        let first_claim = sc.claims.len();
        // transcript turns: "MAO NING: …" — I/we are the speaker; "Q:" asks, claims nothing
        // a question claims nothing itself, but may report what others claim
        let label = block
            .label
            .map(|(ls, le)| crate::case::upper_str(&text[ls..le]));
        let turn = match (actors.turns.get(bi).copied().flatten(), label.as_deref()) {
            (Some(a), _) => Some(a),
            (None, Some("A" | "ANSWER")) => sc.last_turn,
            _ => None,
        };
        if turn.is_some() {
            sc.last_turn = turn;
        }
        sc.turn = turn;
        for &si in sents {
            let s = doc.sentences[si];
            let before = sc.claims.len();
            sc.sentence(s.tok_start, s.tok_end);
            if let Some(t) = turn {
                let covered = sc.claims[before..]
                    .iter()
                    .any(|c| c.start < s.end && s.start < c.end);
                if !covered && !text[s.start..s.end].trim_end().ends_with('?') {
                    let span = block.label;
                    let (cs, ce) = text::trim_range(text, s.start, s.end, &['.', ' ']);
                    let target = sc.content_target(s.tok_start, s.tok_end, &Speaker::Actor(t));
                    sc.add_claim(
                        cs,
                        ce,
                        NpResult {
                            speaker: Speaker::Actor(t),
                            span,
                        },
                        ClaimKind::Statement,
                        target,
                        true,
                        None,
                    );
                }
            }
            // "Pakistan's key demands included:" → the list items that follow
            if text[s.start..s.end].ends_with(':') {
                if let Some(l) = sc.list_intro(s.tok_start, s.tok_end) {
                    pending_list = Some(l);
                }
            }
        }
        let tok_a = doc.sentences[sents[0]].tok_start;
        let tok_b = doc.sentences[*sents.last().unwrap_or(&sents[0])].tok_end;
        let last_sentence = &text[doc.sentences[*sents.last().unwrap_or(&sents[0])].start
            ..doc.sentences[*sents.last().unwrap_or(&sents[0])].end];
        let carried = if prev_para_open_quote || prev_para_speaker.is_some() {
            prev_para_speaker
        } else {
            None
        };
        let open = sc.quotes(tok_a, tok_b, first_claim, carried);
        // a paragraph ending "… said:" hands its speaker to the next paragraph's quote
        prev_para_open_quote = open;
        let last_start = doc.sentences[*sents.last().unwrap_or(&sents[0])].tok_start;
        prev_para_speaker = if last_sentence.ends_with(':') {
            sc.colon_speaker(last_start, tok_b).or_else(|| {
                sc.claims[first_claim..]
                    .last()
                    .map(|c| (c.speaker, c.speaker_span))
            })
        } else if open {
            sc.claims[first_claim..]
                .last()
                .map(|c| (c.speaker, c.speaker_span))
        } else {
            None
        };
    }
    sc.finish()
}

#[derive(Clone, Copy)]
struct NpResult {
    speaker: Speaker,
    span: Option<(usize, usize)>,
}

impl<'d> Scan<'d> {
    fn push(&mut self, c: ClaimData) {
        if let Speaker::Actor(a) = c.speaker {
            if self.actors.list[a].kind == ActorKind::Person {
                self.last_person_speaker = Some(a);
                self.last_person = Some(a);
            } else {
                self.last_group = Some(a);
            }
        }
        self.claims.push(c);
    }

    fn source(
        &mut self,
        label: &'static str,
        affiliation: Option<usize>,
        span: (usize, usize),
    ) -> usize {
        let i = match self
            .sources
            .iter()
            .position(|s| s.label == label && s.affiliation == affiliation)
        {
            Some(i) => i,
            None => {
                self.sources.push(SourceData {
                    label,
                    affiliation,
                    spans: Vec::new(),
                });
                self.sources.len() - 1
            }
        };
        if !self.sources[i].spans.contains(&span) {
            self.sources[i].spans.push(span);
        }
        i
    }

    /// Tracks the last person named, for pronouns.
    fn note_people(&mut self, a: usize, b: usize) {
        for i in a..b {
            if let Some(m) = self.actors.at(i) {
                if self.actors.list[m.actor].kind == ActorKind::Person {
                    self.last_person = Some(m.actor);
                }
            }
        }
    }

    // ------------------------------------------------------------ sentences

    fn sentence(&mut self, a: usize, b: usize) {
        let first_claim = self.claims.len();
        let mut depth = 0i32;
        let mut i = a;
        let mut consumed_until = a;
        while i < b {
            match self.kind(i) {
                Tok::OpenQuote => depth += 1,
                Tok::CloseQuote => depth = (depth - 1).max(0),
                _ => {}
            }
            if depth > 0 || i < consumed_until || !self.is_word(i) {
                self.note_people(i, i + 1);
                i += 1;
                continue;
            }
            let f = self.f(i);
            let next = if i + 1 < b { self.f(i + 1) } else { "" };
            let handled = if f == "according" && next == "to" {
                self.according_to(a, b, i)
            } else if f == "as" && next == "claimed" && i + 2 < b && self.f(i + 2) == "by" {
                self.as_claimed_by(a, b, i)
            } else if f == "reports"
                && next == "of"
                && (i == a
                    || !crate::text::one_of(
                        self.f(i - 1),
                        const { &crate::text::Words::new(&["the", "these", "those", "such"]) },
                    ))
            {
                self.reports_of(a, b, i)
            } else if matches!(f, "made" | "making" | "makes" | "make")
                && next == "it"
                && i + 2 < b
                && self.f(i + 2) == "clear"
            {
                self.cue_at(a, b, i, i + 3, Class::Say, Frame::Content)
            } else if matches!(f, "brushed" | "brushes" | "brushing") && next == "aside" {
                self.cue_at(a, b, i, i + 2, Class::Deny, Frame::Content)
            } else if f == "critical" && next == "of" {
                self.cue_at(a, b, i, i + 1, Class::Accuse, Frame::For)
            } else if self.in_list(lx::SPEECH_NOUNS, i) && self.owned(a, i) {
                self.possessive_statement(a, b, i)
            } else if let Some((class, frame)) = self.cue(i) {
                self.verb_cue(a, b, i, class, frame)
            } else {
                None
            };
            self.note_people(i, i + 1);
            if let Some(end) = handled {
                consumed_until = end;
            }
            i += 1;
        }
        self.merge_elaborations(first_claim, b);
    }

    /// The noun at `i` has an owner: "Pakistan's message", "Pakistan's key demand", "His statement".
    fn owned(&self, a: usize, i: usize) -> bool {
        i > a
            && (crate::text::one_of(self.f(i - 1), &POSSESSIVE_PRONOUNS)
                || self.kind(i - 1) == Tok::Possessive
                || (i > a + 1 && self.kind(i - 2) == Tok::Possessive && self.is_word(i - 1)))
    }

    /// "Pakistan's key demands included:" → (speaker, span, kind) for the list below.
    fn list_intro(&mut self, a: usize, b: usize) -> Option<ListIntro> {
        let noun = (a..b).find(|&i| self.in_list(lx::SPEECH_NOUNS, i) || self.is_cue(i))?;
        let kind = match self.f(noun) {
            "demands" | "demand" | "conditions" | "terms" => ClaimKind::Demand,
            w => cue_of(lx::lists_of(w)).map_or(ClaimKind::Statement, |c| base_kind(c.0)),
        };
        let np_end = (a..noun)
            .rev()
            .find(|&i| self.kind(i) == Tok::Possessive)
            .unwrap_or(noun);
        let r = self.resolve_np(a, np_end);
        let r = if r.speaker == Speaker::None {
            self.resolve_np(a, noun)
        } else {
            r
        };
        (r.speaker != Speaker::None).then_some((r.speaker, r.span, kind))
    }

    /// The speaker of "X said:" at the end of a paragraph.
    fn colon_speaker(&mut self, a: usize, b: usize) -> Option<(Speaker, Option<(usize, usize)>)> {
        let cue = (a..b).rev().find(|&i| {
            self.cue(i)
                .is_some_and(|c| matches!(c.0, Class::Say | Class::Assess))
        })?;
        let r = self.subject(a, cue);
        (r.speaker != Speaker::None).then_some((r.speaker, r.span))
    }

    /// Clause start: after a leading subordinate clause or "according to X,".
    fn clause_start(&self, a: usize, before: usize) -> usize {
        // a clause is looked for within a bounded window before the cue, so a
        // sentence of many cues costs linear time, not quadratic
        let a = a.max(before.saturating_sub(CLAUSE_WINDOW));
        let mut start = a;
        let mut depth = 0;
        for i in a..before {
            match self.kind(i) {
                Tok::OpenQuote => depth += 1,
                Tok::CloseQuote => depth -= 1,
                _ => {}
            }
            if depth == 0
                && (self.is_punct(i, ";")
                    || (self.is_punct(i, ",")
                        && i + 1 < before
                        && crate::text::one_of(
                            self.f(i + 1),
                            const {
                                &crate::text::Words::new(&[
                                    "while", "whereas", "but", "although", "though",
                                ])
                            },
                        )))
            {
                start = i + 1;
            }
        }
        start
    }

    /// The subject of the clause starting at `a`, up to `limit`.
    fn clause_subject(&mut self, a: usize, limit: usize) -> NpResult {
        let mut s = self.clause_start(a, limit);
        // skip a leading adverbial phrase ending in a comma when it names no actor
        if let Some(c) = (s..limit.min(s + 12)).find(|&i| self.is_punct(i, ",")) {
            let has_actor = (s..c).any(|i| self.actors.at(i).is_some());
            // "Asked about the strikes, …" may skip; "X said, …" may not
            let has_verb = (s + 1..c).any(|i| self.is_cue(i));
            if (!has_actor
                || crate::text::one_of(
                    self.f(s),
                    const {
                        &crate::text::Words::new(&[
                            "according",
                            "following",
                            "after",
                            "despite",
                            "in",
                            "on",
                            "for",
                            "when",
                            "while",
                            "since",
                            "though",
                            "although",
                        ])
                    },
                ))
                && !has_verb
            {
                if self.f(s) == "according" {
                    // "According to X, Islamabad has sent …": the content's own subject
                    s = c + 1;
                } else {
                    s = c + 1;
                }
            }
        }
        if crate::text::one_of(
            self.f(s),
            const {
                &crate::text::Words::new(&[
                    "while", "although", "though", "when", "as", "and", "but", "yet", "also",
                ])
            },
        ) {
            s += 1;
        }
        // the noun phrase: up to an auxiliary, a verb-looking word, a comma or a cue
        let mut e = s;
        while e < limit {
            let w = self.f(e);
            let cap = text::is_capitalized(self.w(e));
            if self.is_punct(e, ",") || self.is_dash(e) || self.kind(e) == Tok::OpenQuote {
                break;
            }
            if !cap
                && (self.in_list(lx::SKIP_BEFORE_CUE, e)
                    || self.is_cue(e)
                    || self.in_list(lx::NP_BOUNDARY, e)
                    || crate::text::one_of(
                        w,
                        const { &crate::text::Words::new(&["on", "in", "at", "with", "from"]) },
                    )
                    || (w.ends_with("ed") && w.len() > 4 && e > s))
            {
                break;
            }
            e += 1;
            if e - s > 14 {
                break;
            }
        }
        self.resolve_np(s, e)
    }

    /// The subject noun phrase left of a cue at `cue` (sentence starts at `a`).
    fn subject(&mut self, a: usize, cue: usize) -> NpResult {
        let mut k = cue;
        // "I want to stress", "I would like to say"
        if k >= a + 2
            && self.f(k - 1) == "to"
            && crate::text::one_of(
                self.f(k - 2),
                const { &crate::text::Words::new(&["want", "wants", "like"]) },
            )
        {
            k -= 2;
            while k > a
                && crate::text::one_of(
                    self.f(k - 1),
                    const { &crate::text::Words::new(&["would", "also", "just"]) },
                )
            {
                k -= 1;
            }
        }
        let mut appositive: Option<(usize, usize)> = None;
        // skip auxiliaries, adverbs, time phrases
        loop {
            if k <= a {
                return self.clause_subject(a, cue);
            }
            let w = self.f(k - 1);
            if self.in_list(lx::SKIP_BEFORE_CUE, k - 1) && !text::is_capitalized(self.w(k - 1))
                || w == "it" && k < cue && self.f(k) == "clear"
            {
                k -= 1;
                continue;
            }
            // "on Tuesday", "in April", "on 19 October", "last week"
            if k >= a + 2
                && (self.in_list(lx::TIME_WORDS, k - 1)
                    || self.in_list(lx::MONTHS, k - 1)
                    || self.kind(k - 1) == Tok::Number)
                && crate::text::one_of(
                    self.f(k - 2),
                    const {
                        &crate::text::Words::new(&[
                            "on", "in", "last", "this", "earlier", "late", "early",
                        ])
                    },
                )
            {
                k -= 2;
                continue;
            }
            if k >= a + 3 && self.kind(k - 1) == Tok::Number && self.in_list(lx::MONTHS, k - 2) {
                k -= 1;
                continue;
            }
            if k >= a + 3
                && self.in_list(lx::MONTHS, k - 1)
                && self.kind(k - 2) == Tok::Number
                && self.f(k - 3) == "on"
            {
                k -= 3;
                continue;
            }
            break;
        }
        // parenthetical before the verb: ", in turn,", "— particularly in X —", ", a researcher at …,"
        if self.is_punct(k - 1, ",") || self.is_dash(k - 1) || self.is_punct(k - 1, ")") {
            let closer = self.w(k - 1).to_string();
            let opener = if closer == ")" {
                "(".to_string()
            } else {
                closer.clone()
            };
            let open = (a.max(k.saturating_sub(CLAUSE_WINDOW))..k - 1)
                .rev()
                .find(|&i| {
                    self.kind(i) == Tok::Punct
                        && (self.w(i) == opener
                            || (closer != ")" && self.is_dash(i) && self.is_dash(k - 1)))
                });
            match open {
                Some(o) if !(o + 1..k - 1).any(|i| self.is_cue(i)) => {
                    appositive = Some((o + 1, k - 1));
                    k = o;
                }
                _ => {
                    let r = self.clause_subject(a, cue);
                    return r;
                }
            }
            // skip any adverbs before the parenthetical too
            while k > a
                && self.in_list(lx::SKIP_BEFORE_CUE, k - 1)
                && !text::is_capitalized(self.w(k - 1))
            {
                k -= 1;
            }
        }
        // the noun phrase itself
        let end = k;
        let mut s = k;
        let mut depth = 0;
        while s > a {
            let i = s - 1;
            let kind = self.kind(i);
            if kind == Tok::CloseQuote {
                depth += 1;
                if depth > 0 && s == end {
                    break; // "…,” Tarar said: the quote is not part of the subject
                }
            }
            if kind == Tok::OpenQuote {
                break;
            }
            if kind == Tok::Punct
                && !crate::text::one_of(
                    self.w(i),
                    const { &crate::text::Words::new(&["&", "(", ")"]) },
                )
            {
                break;
            }
            let w = self.f(i);
            let cap = text::is_capitalized(self.w(i));
            let as_well_as =
                w == "as" && i >= a + 2 && self.f(i - 1) == "well" && self.f(i - 2) == "as";
            if as_well_as {
                s = i - 2;
                continue;
            }
            if kind == Tok::Word
                && !cap
                && (self.in_list(lx::NP_BOUNDARY, i) || self.is_cue(i) || is_finite_verb(w))
            {
                break;
            }
            if end - i > 14 {
                break;
            }
            s = i;
        }
        let r = self.resolve_np(s, end);
        let is_person = |sc: &Self, r: &NpResult| matches!(r.speaker, Speaker::Actor(x) if sc.actors.list[x].kind == ActorKind::Person);
        let head_named = end > s
            && self
                .actors
                .at(end - 1)
                .is_some_and(|m| m.form == Form::Name);
        if let Some((x, y)) = appositive {
            // "A spokesman for the group, who uses the nom de guerre Captain Orrin, denied":
            // a name in the appositive beats a role or a generic head
            if !is_person(self, &r) && !head_named {
                let named = (x..y).any(|i| self.actors.at(i).is_some_and(|m| m.form == Form::Name));
                if named {
                    let ar = self.resolve_np(x, y);
                    if ar.speaker != Speaker::None
                        && (is_person(self, &ar)
                            || r.speaker == Speaker::None
                            || matches!(r.speaker, Speaker::Unnamed(_))
                            || !self.np_has_name(s, end))
                    {
                        return ar;
                    }
                }
            }
        }
        // "Jens Laerke, a spokesman for the U.N. humanitarian office, OCHA, told": the
        // noun phrase is itself an appositive of a name before it
        if !is_person(self, &r)
            && s > a + 1
            && self.is_punct(s - 1, ",")
            && crate::text::one_of(self.f(s), &ARTICLES)
            && (s..end).any(|i| self.in_list(lx::ROLE_NOUNS, i))
        {
            let before = self.subject(a, s - 1 + 1);
            if is_person(self, &before) {
                return before;
            }
        }
        if r.speaker != Speaker::None {
            return r;
        }
        if let Some((x, y)) = appositive {
            // "Regional powers — China, Iran, and Russia — have urged": the listed actors
            let r = self.resolve_np(x, y);
            if r.speaker != Speaker::None {
                return r;
            }
        }
        if s < end && self.kind(end - 1) == Tok::Word && self.f(end - 1) != "it" {
            // a noun phrase naming nobody ("the room", "the trip"): use the clause subject
            return self.clause_subject(a, s);
        }
        if s == end {
            return self.clause_subject(a, cue);
        }
        NpResult {
            speaker: Speaker::None,
            span: None,
        }
    }

    /// Resolves the noun phrase `a..b` to a speaker.
    fn resolve_np(&mut self, a: usize, b: usize) -> NpResult {
        if a >= b {
            return NpResult {
                speaker: Speaker::None,
                span: None,
            };
        }
        // cut at participle modifiers and relative clauses: "a delegation led by …"
        let mut b = b;
        for i in a..b {
            if matches!(
                self.f(i),
                "led" | "headed" | "backed" | "based" | "who" | "which" | "that"
            ) && i > a
            {
                b = i;
                break;
            }
        }
        // first conjunct only, unless the conjuncts share one head noun
        // ("senior diplomatic and intelligence sources")
        let shared_head = is_unnamed_source(self.f(b - 1));
        for i in (a + 1..b).filter(|_| !shared_head) {
            if self.f(i) == "and"
                || (self.f(i) == "as"
                    && i + 2 < b
                    && self.f(i + 1) == "well"
                    && self.f(i + 2) == "as")
                || self.f(i) == "or"
            {
                // keep "and" inside one mention ("Bosnia and Herzegovina")
                if self.actors.at(i).is_none() {
                    b = i;
                    break;
                }
            }
        }
        let mut a = a;
        while a + 1 < b
            && self.in_list(lx::COMMON_WORDS, a)
            && !has(
                &["he", "she", "they", "it", "his", "her", "their", "its"],
                self.f(a),
            )
            && self.actors.at(a).is_none()
            && !is_unnamed_source(self.f(a))
        {
            a += 1;
        }
        let np_span = text::trim_range(
            self.text,
            self.start(a),
            self.end(b - 1),
            &[',', '(', ')', '—', '–'],
        );
        let span = Some(np_span);
        // the head comes before a prepositional phrase: "a medical source at the Saudi Hospital"
        let pp = (a + 1..b)
            .find(|&i| {
                matches!(
                    self.f(i),
                    "at" | "in" | "from" | "with" | "inside" | "within" | "near" | "on"
                ) && self.actors.at(i).is_none()
            })
            .unwrap_or(b);
        let last = pp - 1;
        let head = self.f(last);
        // pronouns
        if b - a == 1 || (b - a == 2 && matches!(self.f(a), "and" | "but")) {
            match head {
                "he" | "she" | "his" | "her" => {
                    if let Some(p) = self.last_person.or(self.last_person_speaker) {
                        return NpResult {
                            speaker: Speaker::Actor(p),
                            span,
                        };
                    }
                }
                "i" | "we" | "my" | "our" if self.turn.is_some() => {
                    return NpResult {
                        speaker: Speaker::Actor(self.turn.unwrap_or(0)),
                        span,
                    };
                }
                "they" | "it" | "its" | "their" => {
                    if let Some(g) = self.last_group {
                        return NpResult {
                            speaker: Speaker::Actor(g),
                            span,
                        };
                    }
                }
                _ => {}
            }
        }
        let mentions: Vec<(usize, usize, Form)> = {
            let mut v = Vec::new();
            let mut i = a;
            while i < b {
                if let Some(m) = self.actors.at(i) {
                    v.push((i, m.actor, m.form));
                    i = m.tok_end.max(i + 1);
                } else {
                    i += 1;
                }
            }
            v
        };
        // "X's messaging", "his statement": the possessor of a speech noun
        if self.in_list(lx::SPEECH_NOUNS, last) {
            if let Some(p) = (a..last).rev().find(|&i| {
                self.kind(i) == Tok::Possessive
                    || crate::text::one_of(self.f(i), &POSSESSIVE_PRONOUNS)
            }) {
                if self.kind(p) == Tok::Possessive {
                    return self.resolve_np(a, p);
                }
                return self.resolve_np(p, p + 1);
            }
        }
        // the last person named in the phrase: "Taliban spokesperson Zabihullah Mujahid"
        if let Some(&(_, p, _)) = mentions
            .iter()
            .rev()
            .find(|(_, x, _)| self.actors.list[*x].kind == ActorKind::Person)
        {
            return NpResult {
                speaker: Speaker::Actor(p),
                span,
            };
        }
        // unnamed sources: "senior diplomatic and intelligence sources", "Afghan officials"
        let source_at = (a..pp).rev().find(|&i| {
            is_unnamed_source(self.f(i))
                && (i == a || !text::is_capitalized(self.w(i)))
                && i + 2 >= pp
        });
        let source = source_at.and_then(|i| {
            let head = self.f(i);
            lx::UNNAMED_SOURCES
                .iter()
                .find(|(n, _)| *n == head)
                .map(|(_, l)| *l)
        });
        if let Some(label) = source {
            {
                let aff = mentions.first().map(|m| m.1);
                let s = self.source(label, aff, np_span);
                return NpResult {
                    speaker: Speaker::Unnamed(s),
                    span,
                };
            }
        }
        // a role without a name: "the minister", "Pakistan's Minister of Defence"
        let role_word = (a..b).rev().find(|&i| {
            (self.in_list(lx::ROLE_NOUNS, i)
                || matches!(
                    self.f(i),
                    "minister" | "spokesman" | "spokesperson" | "general" | "president"
                ))
                && self.actors.at(i).is_none()
        });
        if let Some(r) = role_word {
            if !mentions.iter().any(|(i, ..)| *i > r) {
                let phrase: Vec<String> = (a..b)
                    .filter(|&i| self.is_word(i))
                    .map(|i| self.f(i).to_string())
                    .filter(|w| {
                        !crate::text::one_of(
                            w.as_str(),
                            const { &crate::text::Words::new(&["the", "of", "for", "a", "an"]) },
                        )
                    })
                    .collect();
                if let Some(p) = self.person_by_role(&phrase, self.f(r)) {
                    return NpResult {
                        speaker: Speaker::Actor(p),
                        span,
                    };
                }
            }
        }
        // "Pakistan's military establishment" → the country's army, when the text names one
        if crate::text::one_of(
            head,
            const { &crate::text::Words::new(&["establishment", "military", "army"]) },
        ) {
            if let Some(&(_, c, _)) = mentions.first() {
                if let Some(army) = self.actors.list.iter().position(|x| {
                    x.kind == ActorKind::Organization
                        && x.affiliation == Some(c)
                        && (x.name.ends_with("Army")
                            || x.name.ends_with("Armed Forces")
                            || x.name.ends_with("military"))
                }) {
                    return NpResult {
                        speaker: Speaker::Actor(army),
                        span,
                    };
                }
            }
        }
        // a list ("China, Iran, and Russia"): its first actor
        if mentions.len() >= 2
            && (mentions[0].0..mentions[1].0).any(|i| self.is_punct(i, ","))
            && mentions
                .iter()
                .all(|m| self.actors.list[m.1].kind == ActorKind::Country)
        {
            return NpResult {
                speaker: Speaker::Actor(mentions[0].1),
                span,
            };
        }
        // otherwise the first actor named outside a prepositional phrase
        let prep = (a..b).find(|&i| {
            matches!(
                self.f(i),
                "in" | "of" | "from" | "at" | "inside" | "within" | "among" | "with"
            ) && self.actors.at(i).is_none()
        });
        let pick = mentions
            .iter()
            .rev()
            .find(|(i, _, f)| prep.is_none_or(|p| *i < p) && *f != Form::Demonym)
            .or_else(|| mentions.iter().find(|(i, ..)| prep.is_none_or(|p| *i < p)))
            .or_else(|| mentions.first());
        if let Some(&(_, x, _)) = pick {
            return NpResult {
                speaker: Speaker::Actor(x),
                span,
            };
        }
        // role nouns for groups: "the group", "the movement", "the ministry"
        if has(GROUP_NOUNS, head) && (a..b).all(|i| !text::is_capitalized(self.w(i))) {
            // "the army said", "the agency said": the latest actor whose name has that head, else of that kind
            let forces = crate::text::one_of(
                head,
                const { &crate::text::Words::new(&["army", "military", "navy", "police", "forces"]) },
            );
            let names_head = |n: &str| {
                let n = crate::case::lower_str(n);
                n.split_whitespace().last() == Some(head)
                    || (forces
                        && (n.contains("armed forces")
                            || n.contains("defence forces")
                            || n.contains("defense forces")
                            || n.ends_with(" army")
                            || n.ends_with(" military")))
            };
            let by_name = (0..self.actors.list.len()).rev().find(|&g| {
                self.actors.list[g].kind != ActorKind::Person
                    && names_head(&self.actors.list[g].name)
                    && self.mentioned_before(g, a)
            });
            let want = match head {
                "group" | "movement" | "militants" | "militia" | "rebels" | "insurgents"
                | "paramilitary" | "paramilitaries" => Some(ActorKind::ArmedGroup),
                "country" | "government" | "state" => Some(ActorKind::Country),
                "army" | "military" | "ministry" | "agency" | "office" | "organisation"
                | "organization" | "council" | "committee" | "body" | "court" | "mission"
                | "police" | "navy" | "forces" => Some(ActorKind::Organization),
                _ => None,
            };
            // an armed force must be named as one; other nouns take the latest actor of their kind
            let recent = if forces {
                None
            } else {
                self.recent_actor(a, |k| want.is_none_or(|w| w == k))
            };
            if let Some(g) = by_name.or(recent) {
                return NpResult {
                    speaker: Speaker::Actor(g),
                    span,
                };
            }
        }
        NpResult {
            speaker: Speaker::None,
            span: None,
        }
    }

    /// A name-form mention of a non-person actor lies in `a..b`.
    fn np_has_name(&self, a: usize, b: usize) -> bool {
        (a..b).any(|i| self.actors.at(i).is_some_and(|m| m.form == Form::Name))
    }

    fn mentioned_before(&self, actor: usize, tok: usize) -> bool {
        self.first_mention.get(actor).is_some_and(|&f| f < tok)
    }

    /// The sentence holding token `tok` (binary search).
    fn sentence_of(&self, tok: usize) -> Option<&crate::document::Sentence> {
        let i = self.doc.sentences.partition_point(|s| s.tok_end <= tok);
        self.doc.sentences.get(i).filter(|s| s.tok_start <= tok)
    }

    /// The actor of the latest mention before token `tok` whose kind passes `ok`.
    fn recent_actor(&self, tok: usize, ok: impl Fn(ActorKind) -> bool) -> Option<usize> {
        let upto = self.actors.mentions.partition_point(|m| m.tok_start < tok);
        self.actors.mentions[..upto]
            .iter()
            .rev()
            .map(|m| m.actor)
            .find(|&x| ok(self.actors.list[x].kind))
    }

    fn person_by_role(&self, phrase: &[String], word: &str) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, a) in self.actors.list.iter().enumerate() {
            if a.kind != ActorKind::Person {
                continue;
            }
            let Some(role) = &a.role else { continue };
            let role_words: Vec<String> = role.split_whitespace().map(text::fold).collect();
            if !role_words.iter().any(|r| r == word) {
                continue;
            }
            let overlap = phrase.iter().filter(|w| role_words.contains(w)).count();
            if best.is_none_or(|(_, o)| overlap > o) {
                best = Some((i, overlap));
            }
        }
        let generic = crate::text::one_of(
            word,
            const {
                &crate::text::Words::new(&[
                    "minister",
                    "spokesman",
                    "spokesperson",
                    "president",
                    "general",
                ])
            },
        );
        best.map(|(i, _)| i).or(if generic {
            self.last_person_speaker
        } else {
            None
        })
    }

    // ------------------------------------------------------------ frames

    /// A reporting verb at `i`.
    fn verb_cue(
        &mut self,
        a: usize,
        b: usize,
        i: usize,
        class: Class,
        frame: Frame,
    ) -> Option<usize> {
        let f = self.f(i);
        let prev = if i > a { self.f(i - 1) } else { "" };
        // nouns, not verbs: "these demands", "the claims", "a warning"
        if i > a
            && (matches!(
                prev,
                "the"
                    | "a"
                    | "an"
                    | "these"
                    | "those"
                    | "such"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "key"
                    | "primary"
                    | "main"
                    | "of"
                    | "new"
                    | "any"
                    | "no"
            ) || self.kind(i - 1) == Tok::Possessive)
        {
            return None;
        }
        // bare forms need a subject right before (not "to impose …, demand …")
        let bare = !f.ends_with('s')
            && !f.ends_with("ed")
            && !f.ends_with("ing")
            && !crate::text::one_of(
                f,
                const { &crate::text::Words::new(&["said", "told", "wrote", "saw", "forecast"]) },
            );
        if bare && i > a && matches!(prev, "to") {
            // "continues to deny", "to seek"
            let before = if i > a + 1 { self.f(i - 2) } else { "" };
            if !(crate::text::one_of(before, &TO_GOVERNORS) || f == "seek") {
                return None;
            }
        } else if f == "seek" {
            return None;
        }
        if bare
            && i > a
            && self.is_punct(i - 1, ",")
            && !(i.saturating_sub(9).max(a)..i - 1).any(|k| self.is_punct(k, ","))
        {
            return None;
        }
        // negated: "have not confirmed"
        if (a.max(i.saturating_sub(3))..i)
            .any(|k| matches!(self.f(k), "not" | "n't" | "never" | "neither"))
        {
            return None;
        }
        let participle = f.ends_with("ing");
        if participle && !self.in_list(lx::PARTICIPLE_CUES, i) {
            return None;
        }
        // "a clear warning", "a stern warning": a noun
        if participle && i > a && (prev.ends_with("ly") || has(NOUN_ADJECTIVES, prev)) {
            return None;
        }
        if f == "calling" && !(i + 1 < b && matches!(self.f(i + 1), "for" | "on")) {
            // "calling it a “significant … power”": a statement when a quote follows
            if !(i + 1..(i + 5).min(b)).any(|k| self.kind(k) == Tok::OpenQuote) {
                return None;
            }
            return self.cue_at(a, b, i, i + 1, Class::Say, Frame::Content);
        }
        if matches!(
            f,
            "reports" | "claims" | "demands" | "views" | "shows" | "calls"
        ) && i + 1 < b
            && crate::text::one_of(
                self.f(i + 1),
                const { &crate::text::Words::new(&["of", "that", "for"]) },
            )
            && f != "calls"
        {
            // "reports of …" is handled elsewhere; "claims that" after a determiner was rejected above
            if self.f(i + 1) == "of" {
                return None;
            }
        }
        self.cue_at(a, b, i, i + 1, class, frame)
    }

    /// Builds a claim for a cue spanning tokens `c0..c1`.
    fn cue_at(
        &mut self,
        a: usize,
        b: usize,
        c0: usize,
        c1: usize,
        class: Class,
        frame: Frame,
    ) -> Option<usize> {
        let participle = self.f(c0).ends_with("ing");
        // attribution of a preceding quote: "“…,” Tarar declared" / "“…,” said Tarar"
        if let Some(q) = self.quote_before(a, c0) {
            let r = if q.2 >= c0 || (q.2..c0).all(|k| self.is_punct(k, ",")) {
                self.resolve_np(c1, self.np_forward(c1, b))
            } else {
                self.resolve_np(q.2, c0)
            };
            if r.speaker != Speaker::None {
                let kind = base_kind(class);
                self.add_claim(
                    q.0,
                    q.1,
                    r,
                    kind,
                    None,
                    true,
                    Some((self.start(c0), self.end(c1 - 1))),
                );
                return Some(b);
            }
        }
        let infinitive = c0 > a
            && self.f(c0 - 1) == "to"
            && !crate::text::one_of(self.f(c0.saturating_sub(2)), &TO_GOVERNORS);
        let r = if participle {
            self.participle_subject(a, c0)
        } else if infinitive {
            self.clause_subject(a, c0)
        } else {
            self.subject(a, c0)
        };
        if r.speaker == Speaker::None {
            return None;
        }
        // "It also suggests that …", "This shows …": a thing speaks, not an actor
        let thing = r.span.is_some_and(|(x, y)| {
            matches!(
                text::fold(&self.text[x..y]).as_str(),
                "it" | "this" | "that" | "which"
            )
        });
        if thing
            && matches!(class, Class::Assess | Class::Report | Class::Say)
            && !crate::text::one_of(
                self.f(c0),
                const {
                    &crate::text::Words::new(&[
                        "said", "says", "told", "added", "stated", "insisted",
                    ])
                },
            )
        {
            return None;
        }
        // content
        let mut target = None;
        let mut cs = c1;
        match frame {
            Frame::Of | Frame::For | Frame::To => {
                let prep = match frame {
                    Frame::Of => &["of"][..],
                    Frame::For => &["for", "of"][..],
                    _ => &["to", "for"][..],
                };
                let p = (c1..(c1 + 8).min(b)).find(|&k| prep.contains(&self.f(k)));
                match p {
                    Some(p) => {
                        target = self.first_actor(c1, p);
                        cs = p + 1;
                        // "critical of the Afghan Taliban for its unwillingness"
                        if self.f(c1 - 1) == "of" || self.f(c1) == "of" {
                            if let Some(p2) = (p + 1..(p + 8).min(b)).find(|&k| self.f(k) == "for")
                            {
                                target = self.first_actor(p, p2).or(target);
                                cs = p2 + 1;
                            }
                        }
                    }
                    None if frame == Frame::Of => return None,
                    None => {}
                }
                if self.f(c0) == "called" || self.f(c0) == "calls" || self.f(c0) == "calling" {
                    if !(c1 < b
                        && crate::text::one_of(
                            self.f(c1),
                            const { &crate::text::Words::new(&["on", "for", "upon"]) },
                        ))
                    {
                        // "Hamas called the strike a "massacre"": a statement (its words decide the kind)
                        let q = (c1..(c1 + 7).min(b)).find(|&k| self.kind(k) == Tok::OpenQuote)?;
                        let (ce, _) = self.content_end(c1, b);
                        if ce <= q {
                            return None;
                        }
                        let target = self.first_actor(c1, q);
                        self.add_claim(
                            self.start(c1),
                            self.end(ce - 1),
                            r,
                            ClaimKind::Statement,
                            target,
                            true,
                            Some((self.start(c0), self.end(c0))),
                        );
                        return Some(ce);
                    }
                    if self.f(c1) == "for" {
                        cs = c1 + 1;
                    }
                }
            }
            Frame::As => {
                let p = (c1..(c1 + 8).min(b)).find(|&k| self.f(k) == "as")?;
                target = self.first_actor(c1, p);
            }
            Frame::Told => {
                let p = (c1..(c1 + 8).min(b)).find(|&k| {
                    self.f(k) == "that"
                        || self.is_punct(k, ",")
                        || self.is_punct(k, ":")
                        || self.kind(k) == Tok::OpenQuote
                });
                match p {
                    Some(p) => cs = p + usize::from(self.kind(p) != Tok::OpenQuote),
                    None => {
                        // "told Reuters the army had …": skip the listener
                        let mut k = c1;
                        let listener = |w: &str| {
                            crate::text::one_of(
                                w,
                                const {
                                    &crate::text::Words::new(&[
                                        "reporters",
                                        "journalists",
                                        "lawmakers",
                                        "parliament",
                                        "news",
                                        "agency",
                                        "newspaper",
                                        "television",
                                        "broadcaster",
                                        "conference",
                                        "briefing",
                                    ])
                                },
                            )
                        };
                        while k < b
                            && ((text::is_capitalized(self.w(k))
                                && self.is_word(k)
                                && self.actors.at(k).is_none_or(|m| {
                                    self.actors.list[m.actor].kind == ActorKind::Organization
                                }))
                                || listener(self.f(k))
                                || (matches!(self.f(k), "the" | "a")
                                    && k + 1 < b
                                    && listener(self.f(k + 1))))
                        {
                            k += 1;
                        }
                        if k == c1 || !self.looks_like_clause(k, self.content_end(k, b).0) {
                            return None;
                        }
                        cs = k;
                    }
                }
            }
            Frame::Inclusive => cs = c0,
            Frame::Content | Frame::Clause => {}
        }
        // "rejected that account", "disputed the toll": the verb is part of a short denial
        let short_object = |sc: &Self, from: usize| {
            let (e, _) = sc.content_end(from, b);
            e > from
                && e - from <= 4
                && !sc.looks_like_clause(from, e)
                && !(from..e).any(|k| sc.kind(k) == Tok::OpenQuote)
        };
        if class == Class::Deny && frame == Frame::Content && !participle && short_object(self, c1)
        {
            cs = c0;
        }
        // skip "that", ":", "," and short adverbials before "that"
        if frame != Frame::Inclusive && cs != c0 {
            if let Some(t) =
                (cs..(cs + 10).min(b)).find(|&k| self.f(k) == "that" || self.is_punct(k, ":"))
            {
                let between_ok = (cs..t).all(|k| {
                    self.is_word(k)
                        && !self.is_cue(k)
                        && (crate::text::one_of(
                            self.f(k),
                            const {
                                &crate::text::Words::new(&[
                                    "in",
                                    "on",
                                    "at",
                                    "to",
                                    "a",
                                    "an",
                                    "the",
                                    "its",
                                    "his",
                                    "her",
                                    "their",
                                    "statement",
                                    "interview",
                                    "briefing",
                                    "reporters",
                                    "press",
                                    "conference",
                                    "news",
                                    "also",
                                    "repeatedly",
                                ])
                            },
                        ) || self.in_list(lx::TIME_WORDS, k)
                            || self.in_list(lx::MONTHS, k))
                });
                let determiner = self.f(t) == "that" && short_object(self, t + 1);
                if between_ok && !determiner {
                    cs = t + 1;
                }
            }
            while cs < b && (self.is_punct(cs, ",") || self.is_punct(cs, ":")) {
                cs += 1;
            }
            // "said Tuesday it had …", "said on Monday the army …"
            let t = if cs < b && self.f(cs) == "on" {
                cs + 1
            } else {
                cs
            };
            let weekday =
                t < b && self.in_list(lx::TIME_WORDS, t) && text::is_capitalized(self.w(t));
            if (weekday
                || crate::text::one_of(
                    self.f(t),
                    const { &crate::text::Words::new(&["yesterday", "today", "tonight"]) },
                ))
                && t + 1 < b
                && self.is_word(t + 1)
            {
                cs = t + 1;
            }
        }
        let clause = self.clause_start(a, c0);
        let subordinate = matches!(
            self.f(clause),
            "while" | "although" | "though" | "whereas" | "if" | "because" | "since" | "when"
        );
        // "…, a claim X rejected, saying …": the participle is a claim of its own
        let participle_next = cs < b
            && cs > c1
            && self.is_punct(cs - 1, ",")
            && self.in_list(lx::PARTICIPLE_CUES, cs);
        let (ce, stop) = if participle_next {
            (cs, Stop::Clause)
        } else {
            self.content_end_in(cs, b, subordinate)
        };
        if frame == Frame::Clause && !self.looks_like_clause(cs, ce) {
            return None;
        }
        if cs >= ce {
            // "— charges Pakistan rejects": the object noun before the subject
            if let Some((sa, _)) = r.span {
                // the object noun opens the phrase, or stands right before it
                let relative = |w: &str| {
                    has(RELATIVE_OBJECTS, w)
                        || crate::text::one_of(
                            w,
                            const {
                                &crate::text::Words::new(&[
                                    "charges",
                                    "allegations",
                                    "claims",
                                    "accusations",
                                    "reports",
                                ])
                            },
                        )
                };
                let np_tok = self.doc.tokens.partition_point(|t| (t.start as usize) < sa);
                let mut k = np_tok;
                while k < c0 && crate::text::one_of(self.f(k), &ARTICLES) {
                    k += 1;
                }
                let start = if k < c0 && relative(self.f(k)) {
                    Some(sa)
                } else if np_tok > a && relative(self.f(np_tok - 1)) {
                    Some(
                        if np_tok > a + 1 && crate::text::one_of(self.f(np_tok - 2), &ARTICLES) {
                            self.start(np_tok - 2)
                        } else {
                            self.start(np_tok - 1)
                        },
                    )
                } else {
                    None
                };
                if let Some(start) = start {
                    self.add_claim(
                        start,
                        self.end(c1 - 1),
                        r,
                        base_kind(class),
                        None,
                        false,
                        Some((self.start(c0), self.end(c1 - 1))),
                    );
                    return Some(c1);
                }
            }
            return None;
        }
        let kind = base_kind(class);
        let (s, e) = (self.start(cs), self.end(ce - 1));
        let quote = (cs..ce).any(|k| self.kind(k) == Tok::OpenQuote) && {
            let words = (cs..ce).filter(|&k| self.is_word(k)).count();
            words >= 3
        };
        let target = target.or_else(|| self.content_target(cs, ce, &r.speaker));
        self.add_claim(
            s,
            e,
            r,
            kind,
            target,
            quote,
            Some((self.start(c0), self.end(c1 - 1))),
        );
        // a second "… and that …" claim by the same speaker
        let mut end = ce;
        let mut stop = stop;
        while stop == Stop::AndThat && end < b {
            let Some(j) = (end..b.min(end + 3))
                .find(|&j| matches!(self.f(j), "and" | "but") && self.f(j + 1) == "that")
            else {
                break;
            };
            let cs2 = j + 2;
            let (ce2, stop2) = self.content_end_in(cs2, b, subordinate);
            if ce2 <= cs2 {
                break;
            }
            let r2 = NpResult {
                speaker: self.claims.last().map_or(Speaker::None, |c| c.speaker),
                span: self.claims.last().and_then(|c| c.speaker_span),
            };
            let quote2 = (cs2..ce2).any(|k| self.kind(k) == Tok::OpenQuote);
            let target2 = self.content_target(cs2, ce2, &r2.speaker);
            self.add_claim(
                self.start(cs2),
                self.end(ce2 - 1),
                r2,
                kind,
                target2,
                quote2,
                Some((self.start(c0), self.end(c1 - 1))),
            );
            end = ce2;
            stop = stop2;
        }
        Some(end)
    }

    fn np_forward(&self, a: usize, b: usize) -> usize {
        let mut e = a;
        while e < b
            && (self.is_word(e) || self.kind(e) == Tok::Possessive)
            && !(e > a && self.in_list(lx::NP_BOUNDARY, e))
            && !crate::text::one_of(
                self.f(e),
                const { &crate::text::Words::new(&["in", "on", "at"]) },
            )
        {
            e += 1;
        }
        e
    }

    /// The subject of a participle cue (", saying …"): the nearest clause subject.
    fn participle_subject(&mut self, a: usize, c: usize) -> NpResult {
        let direct = if c > a && !self.is_punct(c - 1, ",") {
            self.subject(a, c)
        } else {
            NpResult {
                speaker: Speaker::None,
                span: None,
            }
        };
        if direct.speaker != Speaker::None {
            return direct;
        }
        // the speaker of the last claim in this sentence, else the clause subject
        if let Some(last) = self.claims.last() {
            if last.start >= self.start(a) && last.speaker != Speaker::None {
                return NpResult {
                    speaker: last.speaker,
                    span: last.speaker_span,
                };
            }
        }
        self.clause_subject(a, c)
    }

    /// "…”, Tarar said" → the quote (content start, end, token after the quote).
    fn quote_before(&self, a: usize, c: usize) -> Option<(usize, usize, usize)> {
        // the closing quote right before the subject or the cue
        let mut k = c;
        let mut steps = 0;
        while k > a && steps < 12 {
            let t = self.kind(k - 1);
            if t == Tok::CloseQuote {
                break;
            }
            if t == Tok::Punct && self.w(k - 1) == "," {
                k -= 1;
                steps += 1;
                continue;
            }
            if t != Tok::Word && t != Tok::Possessive {
                return None;
            }
            if self.in_list(lx::NP_BOUNDARY, k - 1) || self.is_cue(k - 1) {
                return None;
            }
            k -= 1;
            steps += 1;
        }
        if k <= a || self.kind(k - 1) != Tok::CloseQuote {
            return None;
        }
        let close = k - 1;
        // its opening quote (possibly in an earlier sentence of the paragraph)
        let mut o = close;
        let first = self
            .sentence_of(a)
            .map(|s| self.doc.blocks[s.block].start)
            .unwrap_or(0);
        let floor = close.saturating_sub(QUOTE_WINDOW);
        while o > floor && self.kind(o - 1) != Tok::OpenQuote && self.start(o - 1) >= first {
            o -= 1;
        }
        if o == 0 || self.kind(o - 1) != Tok::OpenQuote {
            return None;
        }
        let words = (o..close).filter(|&i| self.is_word(i)).count();
        if words < 3 {
            return None;
        }
        let (s, e) = text::trim_range(self.text, self.start(o), self.start(close), &[',', ' ']);
        Some((s, e, k))
    }

    /// Where a claim's content ends, scanning from `cs` to the sentence end `b`.
    fn content_end(&self, cs: usize, b: usize) -> (usize, Stop) {
        self.content_end_in(cs, b, false)
    }

    /// As [`Self::content_end`]; `subordinate` ends the content at the first
    /// comma ("While X denied …, Y …").
    fn content_end_in(&self, cs: usize, b: usize, subordinate: bool) -> (usize, Stop) {
        let mut depth = 0;
        let mut k = cs;
        while k < b {
            if depth == 0 && k > cs && subordinate && self.is_punct(k, ",") {
                return (self.trim_end(cs, k), Stop::Clause);
            }
            // "…weapons,” stating that …": a participle after a quoted comma
            if k > cs + 1
                && self.kind(k - 1) == Tok::CloseQuote
                && self.is_punct(k - 2, ",")
                && (self.in_list(lx::PARTICIPLE_CUES, k) || self.f(k) == "making")
            {
                return (k, Stop::Clause);
            }
            match self.kind(k) {
                Tok::OpenQuote => depth += 1,
                Tok::CloseQuote => depth = (depth - 1).max(0),
                _ => {}
            }
            if depth == 0 && k > cs {
                if self.is_punct(k, ";") || (self.is_dash(k) && k + 1 < b) {
                    return (self.trim_end(cs, k), Stop::Clause);
                }
                if self.is_punct(k, ",") && k + 1 < b {
                    let n = self.f(k + 1);
                    if crate::text::one_of(
                        n,
                        const {
                            &crate::text::Words::new(&[
                                "while", "whereas", "but", "although", "though", "as", "making",
                            ])
                        },
                    ) || self.in_list(lx::PARTICIPLE_CUES, k + 1)
                        || (n == "according" && k + 2 < b && self.f(k + 2) == "to")
                    {
                        return (self.trim_end(cs, k), Stop::Clause);
                    }
                    // ", India condemned …": a new clause with its own reporting verb
                    let mut j = k + 1;
                    while j < b
                        && j < k + 8
                        && (self.is_word(j) || self.kind(j) == Tok::Possessive)
                        && !self.is_cue(j)
                        && !self.in_list(lx::NP_BOUNDARY, j)
                    {
                        j += 1;
                    }
                    if j > k + 1
                        && j < b
                        && self.is_cue(j)
                        && !self.f(j).ends_with("ing")
                        && (k + 1..j)
                            .any(|x| self.actors.at(x).is_some() || is_unnamed_source(self.f(x)))
                    {
                        return (self.trim_end(cs, k), Stop::Clause);
                    }
                    // "…, a charge the UAE denies."
                    if matches!(n, "a" | "an") && k + 2 < b && self.in_list(RELATIVE_OBJECTS, k + 2)
                    {
                        return (self.trim_end(cs, k), Stop::Clause);
                    }
                    // "…, the minister said."
                    if self.trailing_attribution(k + 1, b) {
                        return (self.trim_end(cs, k), Stop::Clause);
                    }
                }
                if self.is_word(k) && matches!(self.f(k), "while" | "whereas") {
                    return (self.trim_end(cs, k), Stop::Clause);
                }
                if matches!(self.f(k), "and" | "but") && k + 1 < b && self.f(k + 1) == "that" {
                    return (self.trim_end(cs, k), Stop::AndThat);
                }
                // "denied targeting civilians and accused the army of …": a second verb, same subject
                if matches!(self.f(k), "and" | "but") && k + 1 < b {
                    let mut j = k + 1;
                    while j < b && j < k + 3 && self.in_list(lx::SKIP_BEFORE_CUE, j) {
                        j += 1;
                    }
                    let n = self.f(j);
                    if self.is_cue(j) && !n.ends_with("ing") && !self.in_list(lx::SPEECH_NOUNS, j) {
                        return (self.trim_end(cs, k), Stop::Clause);
                    }
                }
            }
            k += 1;
        }
        (self.trim_end(cs, b), Stop::End)
    }

    fn trim_end(&self, cs: usize, mut e: usize) -> usize {
        while e > cs
            && self.kind(e - 1) == Tok::Punct
            && matches!(self.w(e - 1), "." | "," | ";" | ":" | "—" | "–" | "-")
        {
            e -= 1;
        }
        e
    }

    /// `k..b` is "X said." / "said X." closing the sentence.
    fn trailing_attribution(&self, k: usize, b: usize) -> bool {
        let end = self.trim_end(k, b);
        let n = end.saturating_sub(k);
        if n == 0 || n > 8 {
            return false;
        }
        (k..end).any(|i| {
            self.cue(i)
                .is_some_and(|c| c.0 == Class::Say || c.0 == Class::Report)
        }) && (k..end)
            .all(|i| self.is_word(i) || self.kind(i) == Tok::Possessive || self.is_punct(i, ","))
    }

    fn looks_like_clause(&self, cs: usize, ce: usize) -> bool {
        if cs > 0 && (self.f(cs - 1) == "that" || self.is_punct(cs - 1, ":")) {
            return true;
        }
        (cs..ce.min(cs + 10)).any(|k| {
            self.kind(k) == Tok::OpenQuote
                || crate::text::one_of(
                    self.f(k),
                    const {
                        &crate::text::Words::new(&[
                            "is", "are", "was", "were", "has", "have", "had", "will", "would",
                            "could", "can", "may", "might", "must", "should", "did", "does",
                        ])
                    },
                )
        })
    }

    fn first_actor(&self, a: usize, b: usize) -> Option<usize> {
        (a..b).find_map(|i| self.actors.at(i).map(|m| m.actor))
    }

    fn content_target(&self, a: usize, b: usize, speaker: &Speaker) -> Option<usize> {
        let sp = match speaker {
            Speaker::Actor(x) => Some(*x),
            _ => None,
        };
        let aff = sp.and_then(|x| self.actors.list[x].affiliation);
        (a..b).find_map(|i| {
            self.actors.at(i).map(|m| m.actor).filter(|&x| {
                Some(x) != sp && Some(x) != aff && self.actors.list[x].kind != ActorKind::Person
            })
        })
    }

    /// A reported (not quoted) claim from `cs` to the end of its clause
    /// (before `b`), its target found in that content; the clause end, or
    /// `None` when there is no content.
    fn claim_to_clause_end(
        &mut self,
        cs: usize,
        b: usize,
        r: NpResult,
        kind: ClaimKind,
        cue: Option<(usize, usize)>,
    ) -> Option<usize> {
        let (ce, _) = self.content_end(cs, b);
        if ce <= cs {
            return None;
        }
        let target = self.content_target(cs, ce, &r.speaker);
        self.add_claim(
            self.start(cs),
            self.end(ce - 1),
            r,
            kind,
            target,
            false,
            cue,
        );
        Some(ce)
    }

    #[allow(clippy::too_many_arguments)]
    fn add_claim(
        &mut self,
        s: usize,
        e: usize,
        r: NpResult,
        kind: ClaimKind,
        target: Option<usize>,
        quote: bool,
        cue: Option<(usize, usize)>,
    ) {
        let (s, e) = text::trim_range(self.text, s, e, &[',', ' ', ':']);
        if s >= e {
            return;
        }
        // an overlapping claim already covers this content
        // claims arrive nearly in text order: the recent ones are the only candidates
        if self.claims.iter().rev().take(24).any(|c| {
            c.start < e
                && s < c.end
                && overlap(c.start, c.end, s, e) * 2 > (e - s).min(c.end - c.start)
        }) {
            return;
        }
        self.push(ClaimData {
            start: s,
            end: e,
            speaker: r.speaker,
            speaker_span: r.span,
            kind,
            target,
            quote,
            cue,
            figures: Vec::new(),
        });
    }

    /// "according to X, CONTENT" / "CONTENT, according to X".
    fn according_to(&mut self, a: usize, b: usize, i: usize) -> Option<usize> {
        let np_s = i + 2;
        let mut np_e = np_s;
        while np_e < b && !self.is_punct(np_e, ",") && !(self.is_punct(np_e, ".") && np_e + 1 >= b)
        {
            np_e += 1;
        }
        let np_e_trim = self.trim_end(np_s, np_e);
        let r = self.resolve_np(np_s, np_e_trim);
        if r.speaker == Speaker::None {
            return None;
        }
        let cue = Some((self.start(i), self.end(i + 1)));
        // leading: content after the comma
        let leading = i == a
            || (i > a && (self.is_punct(i - 1, ",") || matches!(self.f(i - 1), "and" | "but")))
                && np_e < b
                && self.is_punct(np_e, ",")
                && np_e + 1 < b;
        if leading && np_e + 1 < b {
            let cs = np_e + 1;
            if let Some(ce) = self.claim_to_clause_end(cs, b, r, ClaimKind::Report, cue) {
                return Some(ce);
            }
        }
        // trailing: the quote or clause before ", according to"
        if let Some(q) = self.quote_before(a, i) {
            self.add_claim(q.0, q.1, r, ClaimKind::Report, None, true, cue);
            return Some(np_e);
        }
        let cs = self.clause_start(a, i);
        let ce = self.trim_end(cs, i);
        if ce > cs {
            let target = self.content_target(cs, ce, &r.speaker);
            self.add_claim(
                self.start(cs),
                self.end(ce - 1),
                r,
                ClaimKind::Report,
                target,
                false,
                cue,
            );
        }
        Some(np_e)
    }

    /// "…, killing 46 people, as claimed by the Afghan government".
    fn as_claimed_by(&mut self, a: usize, b: usize, i: usize) -> Option<usize> {
        let np_s = i + 3;
        let np_e = self.trim_end(
            np_s,
            (np_s..b).find(|&k| self.is_punct(k, ",")).unwrap_or(b),
        );
        let r = self.resolve_np(np_s, np_e);
        if r.speaker == Speaker::None {
            return None;
        }
        let end = self.trim_end(a, i);
        let start = (a..end)
            .rev()
            .find(|&k| self.is_punct(k, ","))
            .map_or(a, |k| k + 1);
        if start < end {
            self.add_claim(
                self.start(start),
                self.end(end - 1),
                r,
                ClaimKind::Report,
                None,
                false,
                Some((self.start(i), self.end(i + 2))),
            );
        }
        Some(np_e)
    }

    /// "There are multiple reports of secret meetings …".
    fn reports_of(&mut self, a: usize, b: usize, i: usize) -> Option<usize> {
        let cs = i + 2;
        let (ce, _) = self.content_end(cs, b);
        if ce <= cs {
            return None;
        }
        // "brushed aside reports of …", "denied reports of …": the reports belong to that claim
        if i > a && (self.is_cue(i - 1) || self.f(i - 1) == "aside") {
            return None;
        }
        let sp = (self.start(i), self.end(i));
        let s = self.source("reports", None, sp);
        let target = self.content_target(cs, ce, &Speaker::None);
        self.add_claim(
            self.start(cs),
            self.end(ce - 1),
            NpResult {
                speaker: Speaker::Unnamed(s),
                span: Some(sp),
            },
            ClaimKind::Report,
            target,
            false,
            Some(sp),
        );
        Some(ce)
    }

    /// "Pakistan's message is unmistakably clear: …", "His statement that …",
    /// "Pakistan's primary demand, that Kabul prevent …,".
    fn possessive_statement(&mut self, a: usize, b: usize, i: usize) -> Option<usize> {
        // "Pakistan's message", "Pakistan's key demand", "His statement"
        let poss = if self.kind(i - 1) == Tok::Possessive || i < a + 2 {
            i - 1
        } else {
            i - 2
        };
        let owner_start = {
            let mut s = poss;
            while s > a
                && (self.actors.at(s - 1).is_some_and(|m| {
                    self.actors
                        .at(poss.saturating_sub(1))
                        .is_some_and(|n| n.actor == m.actor)
                }))
            {
                s -= 1;
            }
            s
        };
        let r = if owner_start < poss {
            self.resolve_np(owner_start, poss)
        } else {
            NpResult {
                speaker: Speaker::None,
                span: None,
            }
        };
        let r = if r.speaker == Speaker::None {
            // "His statement": the pronoun
            let p = (a..i)
                .rev()
                .find(|&k| crate::text::one_of(self.f(k), &POSSESSIVE_PRONOUNS));
            match p {
                Some(p) => self.resolve_np(p, p + 1),
                None => r,
            }
        } else {
            r
        };
        if r.speaker == Speaker::None {
            return None;
        }
        let noun = self.f(i);
        let kind = match noun {
            "demand" | "demands" | "conditions" | "terms" | "request" | "call" | "appeal"
            | "ultimatum" => ClaimKind::Demand,
            "warning" | "threat" => ClaimKind::Threat,
            "allegation" | "allegations" | "accusation" | "accusations" | "complaint" => {
                ClaimKind::Accusation
            }
            "denial" => ClaimKind::Denial,
            "assessment" | "verdict" | "conclusion" | "view" => ClaimKind::Statement,
            _ => ClaimKind::Statement,
        };
        let cue = Some((self.start(i), self.end(i)));
        // "…: CONTENT" within a few words
        if let Some(colon) = (i + 1..(i + 7).min(b)).find(|&k| self.is_punct(k, ":")) {
            let cs = colon + 1;
            if let Some(ce) = self.claim_to_clause_end(cs, b, r, kind, cue) {
                return Some(ce);
            }
        }
        // "Pakistan's persistent demands to contain the TTP threat", "its call for talks"
        if i + 1 < b
            && ((kind == ClaimKind::Demand && self.f(i + 1) == "to")
                || (crate::text::one_of(
                    noun,
                    const { &crate::text::Words::new(&["call", "calls", "demand", "demands", "appeal"]) },
                ) && self.f(i + 1) == "for"))
        {
            let cs = i + 2;
            if let Some(ce) = self.claim_to_clause_end(cs, b, r, ClaimKind::Demand, cue) {
                return Some(ce);
            }
        }
        // "… that CONTENT" (", that CONTENT,")
        let that = if i + 1 < b && self.f(i + 1) == "that" {
            Some(i + 1)
        } else if i + 2 < b && self.is_punct(i + 1, ",") && self.f(i + 2) == "that" {
            Some(i + 2)
        } else {
            None
        };
        let that = that?;
        let cs = that + 1;
        let comma_form = self.is_punct(that - 1, ",");
        let mut ce = cs;
        let mut depth = 0;
        let mut seen_quote = false;
        while ce < b {
            match self.kind(ce) {
                Tok::OpenQuote => {
                    depth += 1;
                    seen_quote = true;
                }
                Tok::CloseQuote => {
                    depth -= 1;
                    if depth <= 0 && seen_quote && !comma_form {
                        ce += 1;
                        break;
                    }
                }
                _ => {}
            }
            if depth <= 0
                && (self.is_punct(ce, ",") && comma_form
                    || (!comma_form
                        && !seen_quote
                        && crate::text::one_of(
                            self.f(ce),
                            const { &crate::text::Words::new(&["was", "is", "has", "remains"]) },
                        )
                        && ce > cs + 2))
            {
                break;
            }
            ce += 1;
        }
        let ce = self.trim_end(cs, ce.min(b));
        if ce <= cs {
            return None;
        }
        let quote = seen_quote;
        let target = self.content_target(cs, ce, &r.speaker);
        self.add_claim(
            self.start(cs),
            self.end(ce - 1),
            r,
            kind,
            target,
            quote,
            cue,
        );
        Some(ce)
    }

    /// A denial or condemnation of a short object followed by ", saying/stating that …"
    /// is one claim: the elaboration, with the stronger kind.
    fn merge_elaborations(&mut self, first: usize, b: usize) {
        let sb = self.end(b.saturating_sub(1));
        let mut k = first;
        while k + 1 < self.claims.len() {
            let (x, y) = (&self.claims[k], &self.claims[k + 1]);
            let short = self.text[x.start..x.end].split_whitespace().count() <= 4;
            // reactions whose substance is the elaboration: "dismissed X's concerns, stating …"
            let reaction = x.cue.is_some_and(|(cs, ce)| {
                crate::text::one_of(
                    text::fold(&self.text[cs..ce]).as_str(),
                    const {
                        &crate::text::Words::new(&[
                            "dismissed",
                            "dismisses",
                            "condemned",
                            "condemns",
                            "criticised",
                            "criticized",
                            "slammed",
                            "brushed aside",
                        ])
                    },
                )
            });
            let strong = reaction && matches!(x.kind, ClaimKind::Denial | ClaimKind::Accusation);
            let follows = self
                .text
                .get(x.end..y.start)
                .is_some_and(|between| between.len() < 40 && between.contains(','));
            if short && strong && follows && x.speaker == y.speaker && y.end <= sb {
                let kind = x.kind;
                let target = x.target.or(y.target);
                let cue = x.cue;
                self.claims[k + 1].kind = kind;
                self.claims[k + 1].target = target;
                self.claims[k + 1].cue = cue;
                self.claims.remove(k);
                continue;
            }
            k += 1;
        }
    }

    // ------------------------------------------------------------ quotes

    /// Attributes direct quotes of a paragraph not yet covered by a claim.
    /// Returns true when the paragraph ends inside an open quote.
    fn quotes(
        &mut self,
        a: usize,
        b: usize,
        first_claim: usize,
        carried: Option<(Speaker, Option<(usize, usize)>)>,
    ) -> bool {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut open: Option<usize> = None;
        for k in a..b {
            match self.kind(k) {
                Tok::OpenQuote
                    if open.is_none()
                        && crate::text::one_of(
                            self.w(k),
                            const { &crate::text::Words::new(&["“", "\"", "«"]) },
                        ) =>
                {
                    open = Some(k)
                }
                Tok::CloseQuote
                    if crate::text::one_of(
                        self.w(k),
                        const { &crate::text::Words::new(&["”", "\"", "»"]) },
                    ) =>
                {
                    if let Some(o) = open.take() {
                        spans.push((o, k));
                    }
                }
                _ => {}
            }
        }
        let unclosed = open.is_some();
        if let Some(o) = open {
            spans.push((o, b));
        }
        let mut prev_speaker: Option<(Speaker, Option<(usize, usize)>)> = carried;
        let mut last_claim_idx = first_claim;
        for (o, c) in spans {
            let words = (o + 1..c).filter(|&k| self.is_word(k)).count();
            let (s, e) = text::trim_range(
                self.text,
                self.end(o),
                if c < b {
                    self.start(c)
                } else {
                    self.end(b - 1)
                },
                &[',', ' '],
            );
            // already inside a claim: its speaker carries on
            if let Some(cl) = self.claims[first_claim..]
                .iter()
                .find(|cl| cl.start <= s && e <= cl.end + 2 || (cl.start < e && s < cl.end))
            {
                prev_speaker = Some((cl.speaker, cl.speaker_span));
                continue;
            }
            if words < 4 {
                continue;
            }
            // the claim of this sentence, if any, speaks the quote ("asked … as their attacks “have …”")
            let sentence = self.sentence_of(o).copied();
            let sentence = sentence.as_ref();
            let in_sentence = sentence.and_then(|st| {
                self.claims[last_claim_idx.min(self.claims.len())..]
                    .iter()
                    .rev()
                    .chain(self.claims[first_claim..].iter().rev())
                    .find(|cl| {
                        cl.start >= self.start(st.tok_start) && cl.end <= self.end(st.tok_end - 1)
                    })
                    .map(|cl| (cl.speaker, cl.speaker_span))
            });
            let possessor = (o.saturating_sub(4).max(a)..o)
                .rev()
                .find(|&k| {
                    self.kind(k) == Tok::Possessive
                        || (self.is_word(k) && self.w(k).ends_with("’s"))
                })
                .and_then(|p| {
                    self.actors.at(p.saturating_sub(1)).map(|m| {
                        (
                            Speaker::Actor(m.actor),
                            Some((self.start(p - 1), self.end(p - 1))),
                        )
                    })
                });
            let named = sentence.and_then(|st| {
                (st.tok_start..o).rev().find_map(|k| {
                    self.actors
                        .at(k)
                        .filter(|m| self.actors.list[m.actor].kind == ActorKind::Person)
                        .map(|m| {
                            (
                                Speaker::Actor(m.actor),
                                Some((self.start(m.tok_start), self.end(m.tok_end - 1))),
                            )
                        })
                })
            });
            let who = in_sentence.or(named).or(prev_speaker).or(possessor);
            if let Some((speaker, span)) = who {
                if speaker != Speaker::None && s < e {
                    let r = NpResult { speaker, span };
                    let target = self.content_target(o, c, &speaker);
                    let before = self.claims.len();
                    self.add_claim(s, e, r, ClaimKind::Statement, target, true, None);
                    last_claim_idx = before;
                    prev_speaker = Some((speaker, span));
                }
            }
        }
        unclosed
    }

    // ------------------------------------------------------------ finish

    fn finish(mut self) -> Claims {
        crate::sort::sort_by_key(&mut self.claims, |c| crate::sort::pair(c.start, c.end));
        let expert = |s: &Speaker, actors: &Actors, sources: &[SourceData]| match s {
            Speaker::Actor(a) => actors.list[*a].role.as_deref().is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| has(lx::EXPERT_ROLES, &text::fold(w)))
            }),
            Speaker::Unnamed(u) => has(lx::ASSESSING_SOURCES, sources[*u].label),
            Speaker::None => false,
        };
        let unnamed_reporter = |s: &Speaker, sources: &[SourceData]| matches!(s, Speaker::Unnamed(u) if !has(lx::ASSESSING_SOURCES, sources[*u].label));
        let claims = std::mem::take(&mut self.claims);
        let mut out = Vec::with_capacity(claims.len());
        for mut c in claims {
            c.figures = self.figures(c.start, c.end);
            c.kind = self.classify(
                &c,
                expert(&c.speaker, self.actors, &self.sources),
                unnamed_reporter(&c.speaker, &self.sources),
            );
            if let (Speaker::Actor(s), Some(t)) = (c.speaker, c.target) {
                if s == t {
                    c.target = None;
                }
            }
            out.push(c);
        }
        Claims {
            list: out,
            sources: self.sources,
        }
    }

    /// The kind of a claim: the cue's kind, refined by who speaks and what
    /// the content says. A cue that names the act (accuse, deny, demand,
    /// warn) is kept; a neutral one (say, state, add) takes the kind its
    /// words show.
    fn classify(&self, c: &ClaimData, expert: bool, unnamed_reporter: bool) -> ClaimKind {
        // quotation marks dropped: copied without them only when there are any
        const QUOTES: [char; 5] = ['“', '”', '"', '‘', '’'];
        let content = &self.text[c.start..c.end];
        let folded = if content.contains(QUOTES) {
            text::fold(&content.replace(QUOTES, ""))
        } else {
            text::fold(content)
        };
        let found = lx::markers(&folded);
        let any = |bit: u8| found & bit != 0;
        let neutral = matches!(c.kind, ClaimKind::Statement | ClaimKind::Report);
        if expert && (neutral || matches!(c.kind, ClaimKind::Threat | ClaimKind::Assessment)) {
            return ClaimKind::Assessment;
        }
        if !neutral {
            return c.kind;
        }
        if !c.figures.is_empty() {
            return ClaimKind::Report;
        }
        let conditional =
            (folded.starts_with("if ") || folded.contains(", if ") || folded.contains(" unless "))
                && (folded.contains(" will ") || folded.contains(" would "));
        if any(lx::THREAT) || conditional {
            return ClaimKind::Threat;
        }
        if any(lx::DENIAL) && !any(lx::STRONG_ACCUSATION) {
            return ClaimKind::Denial;
        }
        if any(lx::STRONG_ACCUSATION) || (c.target.is_some() && any(lx::ACCUSATION)) {
            return ClaimKind::Accusation;
        }
        // "the Taliban must act": another actor told what it must do
        let obliged = c.target.is_some()
            && (folded.contains(" must ") || folded.contains(" should "))
            && self.other_side_acts(c);
        if !unnamed_reporter && (any(lx::DEMAND) || obliged) {
            return ClaimKind::Demand;
        }
        if any(lx::ASSESSMENT) {
            return ClaimKind::Assessment;
        }
        if reported_event(&folded) {
            // "RSF drones had struck the camp": the other side's act, told by a party
            if !unnamed_reporter && active_past(&folded) && self.other_side_acts(c) {
                return ClaimKind::Accusation;
            }
            return ClaimKind::Report;
        }
        if unnamed_reporter {
            return ClaimKind::Report;
        }
        c.kind
    }

    /// The content's first actor (its subject, near the start) is not the speaker's side.
    fn other_side_acts(&self, c: &ClaimData) -> bool {
        let Speaker::Actor(sp) = c.speaker else {
            return false;
        };
        let toks = &self.doc.tokens;
        let a = toks.partition_point(|t| (t.start as usize) < c.start);
        let b = toks
            .partition_point(|t| (t.start as usize) < c.end)
            .min(a + 5);
        let aff = self.actors.list[sp].affiliation;
        (a..b)
            .find_map(|i| self.actors.at(i).map(|m| m.actor))
            .is_some_and(|x| {
                x != sp
                    && Some(x) != aff
                    && self.actors.list[x].affiliation != Some(sp)
                    && !(aff.is_some() && self.actors.list[x].affiliation == aff)
            })
    }

    /// Figures in `s..e`: "over 200 Taliban fighters were killed", "killing 46 people".
    fn figures(&self, s: usize, e: usize) -> Vec<FigureData> {
        let toks = &self.doc.tokens;
        let a = toks.partition_point(|t| (t.start as usize) < s);
        let b = toks.partition_point(|t| (t.start as usize) < e);
        let mut out: Vec<FigureData> = Vec::new();
        for i in a..b {
            let value = match self.kind(i) {
                Tok::Number => decimal(self.w(i)),
                Tok::Word => number_word(self.f(i)),
                _ => None,
            };
            let Some(value) = value else { continue };
            if self.kind(i) == Tok::Number
                && (1900..=2100).contains(&(value as i64))
                && !self.w(i).contains(',')
            {
                continue; // a year
            }
            let qualifier = qualifier(self, a, i);
            // counted noun within 4 tokens
            // what is counted: a known noun, or a plural ("64,000 Palestinians") right after the number
            let counted_end = (i + 1..(i + 5).min(b))
                .find(|&k| self.in_list(lx::COUNTED_NOUNS, k))
                .or_else(|| {
                    (i + 1..(i + 3).min(b)).find(|&k| {
                        self.is_word(k)
                            && self.f(k).len() > 3
                            && self.f(k).ends_with('s')
                            && !crate::text::one_of(
                                self.f(k),
                                const {
                                    &crate::text::Words::new(&[
                                        "years",
                                        "days",
                                        "hours",
                                        "weeks",
                                        "months",
                                        "minutes",
                                        "times",
                                        "miles",
                                        "kilometres",
                                        "kilometers",
                                        "percent",
                                    ])
                                },
                            )
                    })
                });
            let measure = |w: &str| -> Option<&'static str> {
                Some(match w {
                    "killed" | "kill" | "killing" | "dead" | "died" | "deaths" | "lives" => {
                        "killed"
                    }
                    "wounded" | "injured" | "injuring" | "wounding" => "wounded",
                    "captured" | "seized" | "capturing" => "captured",
                    "destroyed" | "destroying" => "destroyed",
                    "arrested" | "detained" => "arrested",
                    "displaced" => "displaced",
                    "missing" => "missing",
                    "casualties" => "casualties",
                    "attacks" | "clashes" | "incidents" | "strikes" => "attacks",
                    "drones" | "missiles" | "rockets" => "shot down",
                    _ => return None,
                })
            };
            let window_after = (counted_end.unwrap_or(i) + 1
                ..(counted_end.unwrap_or(i) + 6).min(b))
                .find_map(|k| measure(self.f(k)));
            let window_before = (i.saturating_sub(5).max(a)..i)
                .rev()
                .find_map(|k| measure(self.f(k)));
            let own = counted_end.and_then(|k| {
                measure(self.f(k)).filter(|m| matches!(*m, "attacks" | "casualties"))
            });
            let m = own.or(window_after).or(window_before);
            let (counted, m) = match (counted_end, m) {
                (Some(k), Some(m)) => ((self.start(i + 1).min(self.end(k)), self.end(k)), m),
                (None, Some(m)) => match out.last() {
                    Some(prev) => (prev.counted, m),
                    None => continue,
                },
                _ => continue,
            };
            let side = counted_end
                .and_then(|k| (i + 1..=k).find_map(|t| self.actors.at(t).map(|x| x.actor)));
            out.push(FigureData {
                value,
                qualifier,
                measure: m,
                counted,
                side,
                start: self.start(i),
                end: counted_end.map_or(self.end(i), |k| self.end(k)),
            });
        }
        out
    }
}

/// Adjectives that make a following -ing cue a noun ("a clear warning").
/// Articles.
const ARTICLES: text::Words = text::Words::new(&["a", "an", "the"]);

/// Possessive pronouns ("his statement", "their claims").
const POSSESSIVE_PRONOUNS: text::Words = text::Words::new(&["his", "her", "their", "its"]);

/// Verbs whose "to" starts an infinitive that is not itself a claim
/// ("continues to deny", "refused to seek").
const TO_GOVERNORS: text::Words = text::Words::new(&[
    "continues",
    "continue",
    "continued",
    "refused",
    "refuses",
    "vowed",
    "want",
    "wants",
    "like",
]);

const NOUN_ADJECTIVES: &[&str] = &[
    "clear", "stern", "strong", "veiled", "final", "fresh", "new", "early", "public", "explicit",
    "stark", "grim", "dire", "rare", "direct", "blunt", "similar", "further", "latest", "repeated",
    "blanket", "sweeping",
];

fn first_mentions(actors: &Actors) -> Vec<usize> {
    let mut first = vec![usize::MAX; actors.list.len()];
    for m in &actors.mentions {
        first[m.actor] = first[m.actor].min(m.tok_start);
    }
    first
}

/// Nouns that open a relative clause naming who rejects them: "a charge the UAE denies".
const RELATIVE_OBJECTS: &[&str] = &[
    "charge",
    "claim",
    "allegation",
    "accusation",
    "assertion",
    "account",
    "ruling",
    "figure",
    "request",
    "demand",
    "proposal",
    "offer",
    "call",
    "version",
    "report",
    "finding",
    "verdict",
    "suggestion",
];

/// How many tokens a closing quote looks back for its opening quote.
const QUOTE_WINDOW: usize = 1500;

/// How many tokens before a cue are searched for its clause or parenthetical.
const CLAUSE_WINDOW: usize = 64;

/// Nouns that stand for an actor already named ("the army said").
const GROUP_NOUNS: &[&str] = &[
    "group",
    "movement",
    "militants",
    "militia",
    "rebels",
    "insurgents",
    "paramilitary",
    "paramilitaries",
    "ministry",
    "government",
    "country",
    "regime",
    "side",
    "army",
    "military",
    "agency",
    "office",
    "organisation",
    "organization",
    "council",
    "committee",
    "body",
    "court",
    "mission",
    "police",
    "navy",
    "forces",
    "state",
    "administration",
    "kremlin",
];

#[derive(PartialEq, Eq, Clone, Copy, Debug)]
enum Stop {
    Clause,
    AndThat,
    End,
}

/// Common irregular past forms that end a subject when scanning left.
fn is_finite_verb(w: &str) -> bool {
    matches!(
        w,
        "met"
            | "left"
            | "made"
            | "took"
            | "gave"
            | "went"
            | "held"
            | "sent"
            | "saw"
            | "came"
            | "began"
            | "won"
            | "lost"
            | "hit"
            | "struck"
            | "fought"
            | "put"
            | "set"
            | "kept"
            | "brought"
            | "got"
            | "ran"
    )
}

/// An active past-tense event ("had struck", "fired"), not a passive one ("were killed").
fn active_past(folded: &str) -> bool {
    !folded.contains(" been ") && !folded.contains(" were ") && !folded.contains(" was ")
}

/// A verb of a reported event ("killed", "struck", "detained"…): a
/// `matches!` of literals, whose comparisons compile to a length test and
/// inline loads (a search of an array of strings calls `memcmp` per entry
/// of the same length).
fn is_event_verb(w: &str) -> bool {
    matches!(
        w,
        "killed"
            | "struck"
            | "captured"
            | "destroyed"
            | "shot"
            | "attacked"
            | "launched"
            | "seized"
            | "overran"
            | "overrun"
            | "liberated"
            | "repelled"
            | "intercepted"
            | "arrested"
            | "detained"
            | "fired"
            | "shelled"
            | "bombed"
            | "downed"
            | "recorded"
            | "received"
            | "held"
            | "sent"
            | "delivered"
            | "carried"
            | "crossed"
            | "entered"
            | "airdropped"
            | "hit"
            | "reached"
            | "treated"
            | "summoned"
            | "stormed"
            | "infiltrated"
            | "ambushed"
            | "evacuated"
            | "confiscated"
            | "raided"
    )
}

/// Content that narrates an event ("it had overrun army positions", "were
/// killed", "struck the camp") rather than a position.
fn reported_event(folded: &str) -> bool {
    // the first 12 words, on the stack (this runs for every claim)
    let mut first = [""; 12];
    let mut n = 0;
    for w in folded
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(12)
    {
        first[n] = w;
        n += 1;
    }
    let words = &first[..n];
    words.windows(2).any(|w| {
        matches!(w[0], "had" | "were" | "was" | "has" | "have")
            && (is_event_verb(w[1])
                || (w[0] == "had"
                    && !crate::text::one_of(
                        w[1],
                        const {
                            &crate::text::Words::new(&[
                                "to", "no", "not", "nothing", "a", "an", "the", "any", "never",
                                "strong", "good", "every", "little",
                            ])
                        },
                    )))
    }) || words
        .iter()
        .take(6)
        .any(|w| is_event_verb(w) && *w != "held" && *w != "sent")
}

fn overlap(a: usize, b: usize, c: usize, d: usize) -> usize {
    b.min(d).saturating_sub(a.max(c))
}

fn qualifier(sc: &Scan, a: usize, i: usize) -> Option<&'static str> {
    let p1 = if i > a { sc.f(i - 1) } else { "" };
    let p2 = if i > a + 1 { sc.f(i - 2) } else { "" };
    Some(match (p2, p1) {
        ("at", "least") => "at least",
        ("more", "than") => "more than",
        ("up", "to") => "up to",
        (_, "over") => "more than",
        (_, "nearly" | "almost") => "nearly",
        (_, "about" | "around" | "some" | "roughly" | "approximately") => "about",
        _ => return None,
    })
}

/// The value of a figure written in digits, "46", "64,000" or "1.5"; `None`
/// for anything else ("10km", "2-3", "1.2.3"). Not `str::parse::<f64>`:
/// that pulls ~30 KB of float tables into the .wasm for numbers that are
/// never more than a few digits of precision.
fn decimal(w: &str) -> Option<f64> {
    let (mut mantissa, mut scale, mut point, mut digits) = (0u64, 1u64, false, 0u32);
    for b in w.bytes() {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if digits > 18 {
                    return None;
                }
                mantissa = mantissa * 10 + u64::from(b - b'0');
                if point {
                    scale *= 10;
                }
            }
            b',' if !point => {}
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    (digits > 0).then(|| mantissa as f64 / scale as f64)
}

fn number_word(w: &str) -> Option<f64> {
    Some(match w {
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "dozen" => 12.0,
        "twenty" => 20.0,
        "hundred" => 100.0,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn cues_read_from_the_lexicon_masks() {
        use super::{cue_of, Class, Frame};
        use crate::lexicon::lists_of;
        assert_eq!(cue_of(lists_of("said")), Some((Class::Say, Frame::Content)));
        assert_eq!(cue_of(lists_of("told")), Some((Class::Say, Frame::Told)));
        assert_eq!(cue_of(lists_of("noted")), Some((Class::Say, Frame::Clause)));
        assert_eq!(
            cue_of(lists_of("accused")),
            Some((Class::Accuse, Frame::Of))
        );
        assert_eq!(cue_of(lists_of("blame")), Some((Class::Accuse, Frame::For)));
        assert_eq!(cue_of(lists_of("urged")), Some((Class::Demand, Frame::To)));
        assert_eq!(cue_of(lists_of("branded")), Some((Class::Say, Frame::As)));
        assert_eq!(
            cue_of(lists_of("vowed")),
            Some((Class::Threat, Frame::Inclusive))
        );
        assert_eq!(
            cue_of(lists_of("reported")),
            Some((Class::Report, Frame::Content))
        );
        assert_eq!(
            cue_of(lists_of("argued")),
            Some((Class::Assess, Frame::Content))
        );
        assert_eq!(
            cue_of(lists_of("denied")),
            Some((Class::Deny, Frame::Content))
        );
        assert_eq!(cue_of(lists_of("the")), None);
        assert_eq!(cue_of(lists_of("")), None);
    }

    #[test]
    fn decimal_reads_figures_as_written_in_news() {
        use super::decimal;
        assert_eq!(decimal("46"), Some(46.0));
        assert_eq!(decimal("64,000"), Some(64000.0));
        assert_eq!(decimal("1,200,000"), Some(1_200_000.0));
        assert_eq!(decimal("1.5"), Some(1.5));
        assert_eq!(decimal("0.25"), Some(0.25));
        for not_a_figure in ["10km", "2-3", "1.2.3", "", "1999s", "12345678901234567890"] {
            assert_eq!(decimal(not_a_figure), None, "{not_a_figure}");
        }
    }
}
