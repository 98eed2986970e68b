//! Stage 2: document → actors. Finds actor mentions in one pass over the
//! tokens (built-in lexicon matches plus runs of capitalised words read
//! through titles, roles, organisation heads and acronym definitions),
//! types them, and merges the mentions of one referent (spelling variants,
//! acronyms, surnames, metonymic capitals, governments).
//!
//! Unknown names are found from the text itself: a capitalised run is a
//! person when a title, role noun, appositive or known given name says so,
//! an organisation when it has an organisation head word or defines an
//! acronym. Single unknown words are never actors on their own.

use rustc_hash::FxHashMap;

use crate::document::{BlockKind, Document};
use crate::lexicon as lx;
use crate::table;
use crate::text::{self, Tok, Token};
use crate::ActorKind;

/// The actors found in a document.
#[derive(Default)]
pub struct Actors {
    /// In order of first mention.
    pub list: Vec<ActorData>,
    /// Every mention, in token order.
    pub mentions: Vec<Mention>,
    /// For each token of the document, the index into `mentions` covering it.
    pub by_token: Vec<u32>,
    /// For each block, the actor named by its transcript turn label, if any.
    pub turns: Vec<Option<usize>>,
}

/// One actor with byte-offset mentions.
pub struct ActorData {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: ActorKind,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// Role or title (people).
    pub role: Option<String>,
    /// Index of the affiliated actor.
    pub affiliation: Option<usize>,
    /// Mentions as byte ranges.
    pub spans: Vec<(usize, usize)>,
    /// True for actors from the built-in lexicon.
    pub known: bool,
}

/// How an actor is named at one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Its name, alias or acronym.
    Name,
    /// A demonym ("Pakistani"): mentions the country without naming it.
    Demonym,
    /// A capital or seat of power standing for a government.
    Capital,
}

/// One mention: a token range naming an actor.
#[derive(Debug, Clone, Copy)]
pub struct Mention {
    /// First token.
    pub tok_start: usize,
    /// One past the last token.
    pub tok_end: usize,
    /// Index into [`Actors::list`].
    pub actor: usize,
    /// How it is named.
    pub form: Form,
}

impl Actors {
    /// The mention covering token `i`, if any.
    pub fn at(&self, i: usize) -> Option<&Mention> {
        self.by_token
            .get(i)
            .and_then(|&m| self.mentions.get(m as usize))
    }
}

// ---------------------------------------------------------------- lexicon

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum LexForm {
    Name,
    Demonym,
    Capital,
}

/// A lexicon entry: its name (`len` bytes of `ENTRY_NAMES` from `at`),
/// its kind and, for a ruler, 1 + the entry of the country it governs (0
/// for none). Offsets, not a string: the .wasm stores no pointer per entry.
struct LexEntry {
    at: u16,
    governs: u16,
    len: u8,
    kind: ActorKind,
}

impl LexEntry {
    /// The entry's canonical name.
    #[inline]
    fn name(&self) -> &'static str {
        let at = usize::from(self.at);
        &ENTRY_NAMES[at..at + usize::from(self.len)]
    }
    /// The entry of the country it governs.
    #[inline]
    fn governs(&self) -> Option<usize> {
        usize::from(self.governs).checked_sub(1)
    }
}

/// One surface form of a lexicon entry: its folded tokens, one after
/// another in `LEX_TEXT` from `at` (token `k` ends at `at + ends[k]`), then,
/// for an acronym, the exact spelling required (`exact` bytes; 0 for none).
/// Offsets and small integers, not strings and slices: the .wasm stores no
/// pointer per token.
struct LexVariant {
    at: u16,
    /// Number of tokens.
    n: u8,
    ends: [u8; MAX_LEX_TOKENS],
    exact: u8,
    entry: u16,
    form: LexForm,
}

impl LexVariant {
    /// Number of tokens.
    #[inline]
    fn len(&self) -> usize {
        usize::from(self.n)
    }
    /// The bytes of folded token `k`.
    #[inline]
    fn tok(&self, k: usize) -> &'static [u8] {
        let at = usize::from(self.at);
        let start = match k {
            0 => 0,
            _ => usize::from(self.ends[k - 1]),
        };
        &LEX_TEXT.as_bytes()[at + start..at + usize::from(self.ends[k])]
    }
    /// The folded tokens equal `toks`.
    fn is(&self, toks: &[String]) -> bool {
        toks.len() == self.len()
            && toks
                .iter()
                .enumerate()
                .all(|(k, t)| t.as_bytes() == self.tok(k))
    }
    /// The entry, an index into `ENTRIES`.
    #[inline]
    fn entry(&self) -> usize {
        usize::from(self.entry)
    }
    /// The exact surface required (acronyms).
    #[inline]
    fn exact(&self) -> Option<&'static str> {
        if self.exact == 0 {
            return None;
        }
        let start = usize::from(self.at) + usize::from(self.ends[self.len() - 1]);
        LEX_TEXT.get(start..start + usize::from(self.exact))
    }
}

/// A unit of a capitalised run: token range and, for lexicon matches, the entry and form.
type Unit = (usize, usize, Option<(usize, LexForm)>);

struct Lex {
    entries: &'static [LexEntry],
}

// Laid out by build.rs from the lexicon's lists (countries with their
// demonyms and capitals, seats, bodies), every surface tokenised and folded
// as text is: `ENTRIES` and `ENTRY_NAMES` (see [`LexEntry`]); `DEMONYM_TEXT` and `DEMONYM_ENDS` (see
// [`demonym_of`]); `LEX_TEXT`, `MAX_LEX_TOKENS` and `LEX_VARIANTS`
// (see [`LexVariant`]), grouped by folded first token (longest first within
// a group) with `LEX_GROUPS[g]..LEX_GROUPS[g + 1]` the variants of group
// `g`; `LEX_INDEX`, the groups by their first token as in
// [`crate::table::Table`] (0 or 1 + a group).
include!(concat!(env!("OUT_DIR"), "/actors_tables.rs"));

fn lex() -> &'static Lex {
    static LEX: Lex = Lex { entries: &ENTRIES };
    &LEX
}

/// The surfaces whose folded first token is `key`, longest first.
fn by_first(key: &str) -> Option<&'static [LexVariant]> {
    let mask = LEX_INDEX.len() - 1;
    let mut i = table::slot(table::hash(key.as_bytes()), mask);
    loop {
        let g = usize::from(LEX_INDEX[i]).checked_sub(1)?;
        let group = &LEX_VARIANTS[usize::from(LEX_GROUPS[g])..usize::from(LEX_GROUPS[g + 1])];
        if group[0].tok(0) == key.as_bytes() {
            return Some(group);
        }
        i = (i + 1) & mask;
    }
}

/// Whether `w` is a title (in [`lx::TITLES`]), and then whether it is a core
/// title rather than a modifier ("former", "deputy").
fn title(w: &str) -> Option<bool> {
    lx::contains(lx::TITLES, w).then(|| !lx::contains(lx::TITLE_MODIFIERS, w))
}

fn fold_tokens(s: &str) -> Vec<String> {
    let mut toks = Vec::new();
    text::tokenize(s, 0, s.len(), &mut toks);
    toks.iter().map(|t| text::fold(t.text(s))).collect()
}

fn in_list(list: &[&str], w: &str) -> bool {
    lx::contains(list, w)
}

// ---------------------------------------------------------------- candidates

#[derive(Clone, Debug)]
enum Cand {
    Lex {
        entry: usize,
        form: LexForm,
        weak: bool,
    },
    Org(Box<OrgCand>),
    Person(Box<PersonCand>),
    /// A state named by a form like "the Republic of Ostrelia".
    Country {
        name: Box<str>,
    },
    /// A single capitalised word (the found token) that may be a known person's surname.
    Single,
    /// An acronym not in the lexicon (the found token).
    Acronym,
}

/// The rarer candidates are boxed: a [`Found`] stays small (a long text
/// holds one per capitalised word).
#[derive(Clone, Debug)]
struct OrgCand {
    name: String,
    kind: ActorKind,
    affiliation: Option<usize>,
}

#[derive(Clone, Debug)]
struct PersonCand {
    /// Token range of the name (its words are the tokens' text).
    name: (usize, usize),
    role: Option<String>,
    affiliation: Option<CandRef>,
}

#[derive(Clone, Copy, Debug)]
enum CandRef {
    Lex(usize),
    Cand(usize),
}

struct Found {
    tok_start: usize,
    tok_end: usize,
    cand: Cand,
    heading: bool,
    quoted: bool,
    /// For Lex capitals: preceded by a locative preposition.
    locative: bool,
    /// Acronym defined in parentheses right after: its token.
    defines: Option<u32>,
}

struct Ctx<'d> {
    text: &'d str,
    toks: &'d [Token],
    folded: &'d text::Folded,
    doc: &'d Document<'d>,
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        self.toks[i].text(self.text)
    }
    #[inline(always)]
    fn f(&self, i: usize) -> &str {
        self.folded.get(i)
    }
    fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == Tok::Word
    }
    /// Token `i`'s folded form is in `list` (see [`Document::in_list`]).
    #[inline(always)]
    fn in_list(&self, list: &[&str], i: usize) -> bool {
        self.doc.in_list(list, i)
    }
    #[inline]
    fn cap(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        // most words start with an ASCII letter, which decides without
        // decoding (inline: this runs at every word of every sentence)
        match self.text.as_bytes()[self.toks[i].start as usize] {
            b'A'..=b'Z' => true,
            // "al-Sharaa", or a character to decode
            b'a' | 0x80.. => self.cap_decoded(i),
            _ => false,
        }
    }

    /// [`Ctx::cap`] for a word starting with "a" or a non-ASCII character.
    #[inline(never)]
    fn cap_decoded(&self, i: usize) -> bool {
        text::is_capitalized(self.word(i))
            || self
                .word(i)
                .strip_prefix("al-")
                .is_some_and(text::is_capitalized)
    }
}

/// Longest lexicon match starting at token `i` of the sentence.
fn lex_match(ctx: &Ctx, i: usize, end: usize) -> Option<(usize, usize, LexForm)> {
    let list = by_first(ctx.f(i))?;
    for v in list {
        let n = v.len();
        if i + n > end {
            continue;
        }
        if !(0..n).all(|k| ctx.f(i + k).as_bytes() == v.tok(k)) {
            continue;
        }
        if let Some(exact) = v.exact() {
            if ctx.word(i) != exact {
                continue;
            }
        } else if !ctx.cap(i) && !ctx.word(i).starts_with("al-") && !ctx.word(i).starts_with("al ")
        {
            continue;
        }
        return Some((n, v.entry(), v.form));
    }
    None
}

/// Finds the actors of `doc`.
pub fn find(doc: &Document) -> Actors {
    let text: &str = &doc.text;
    let ctx = Ctx {
        text,
        toks: &doc.tokens,
        folded: &doc.folded,
        doc,
    };
    let mut found: Vec<Found> = Vec::new();
    let mut scratch = Scratch::default();
    for s in &doc.sentences {
        let heading = doc.blocks[s.block].kind == BlockKind::Heading;
        scan_sentence(
            &ctx,
            s.tok_start,
            s.tok_end,
            heading,
            &mut scratch,
            &mut found,
        );
    }
    merge(doc, &ctx, found)
}

/// Buffers [`scan_sentence`] reuses from one sentence to the next (one
/// allocation each per document instead of several per sentence).
#[derive(Default)]
struct Scratch {
    /// Per token of the sentence: inside quotation marks.
    quoted: Vec<bool>,
    /// The units of the current run.
    units: Vec<Unit>,
    /// Per token of the sentence: 0 free, 1 a single unknown word, 2 a name.
    covered: Vec<u8>,
    /// Hyphenated words whose single-word candidates are dropped.
    replaced: Vec<usize>,
}

/// Sets `flags` to whether each token of `start..end` is quoted.
fn quoted_flags(ctx: &Ctx, start: usize, end: usize, flags: &mut Vec<bool>) {
    let mut depth = 0i32;
    flags.clear();
    flags.extend((start..end).map(|i| match ctx.toks[i].kind {
        Tok::OpenQuote => {
            depth += 1;
            depth > 0
        }
        Tok::CloseQuote => {
            depth = (depth - 1).max(0);
            true
        }
        _ => depth > 0,
    }));
}

fn scan_sentence(
    ctx: &Ctx,
    start: usize,
    end: usize,
    heading: bool,
    scratch: &mut Scratch,
    out: &mut Vec<Found>,
) {
    let base = out.len();
    let Scratch {
        quoted,
        units,
        covered,
        replaced,
    } = scratch;
    quoted_flags(ctx, start, end, quoted);
    let lex = lex();
    let mut i = start;
    // a capitalised first word that is a common word is not a name
    let skip_first = ctx.cap(start)
        && ctx.in_list(lx::COMMON_WORDS, start)
        && lex_match(ctx, start, end).is_none();
    while i < end {
        if !ctx.is_word(i) || (i == start && skip_first) {
            i += 1;
            continue;
        }
        // lowercase lexicon entries (al-Qaeda) and "Haqqani network"
        let starts_name = ctx.cap(i) || ctx.word(i).starts_with("al-");
        if !starts_name {
            i += 1;
            continue;
        }
        // collect a run: units of lexicon matches and capitalised words with connectors
        let run_start = i;
        units.clear();
        let mut j = i;
        while j < end {
            if let Some((n, entry, form)) = lex_match(ctx, j, end) {
                units.push((j, j + n, Some((entry, form))));
                j += n;
            } else if ctx.cap(j) && !(j == start && skip_first) {
                units.push((j, j + 1, None));
                j += 1;
            } else {
                break;
            }
            if j < end && (ctx.cap(j) || lex_match(ctx, j, end).is_some()) {
                continue;
            }
            // connectors: "of", "for", "&" … followed by a capitalised word
            if j + 1 < end
                && (ctx.in_list(lx::NAME_CONNECTORS, j) || ctx.word(j) == "&")
                && ctx.cap(j + 1)
                && !crate::text::one_of(
                    ctx.f(j),
                    const { &crate::text::Words::new(&["and", "in", "on"]) },
                )
            {
                j += 1;
                continue;
            }
            if j + 2 < end
                && matches!(ctx.f(j), "of" | "for")
                && ctx.f(j + 1) == "the"
                && ctx.cap(j + 2)
            {
                j += 2;
                continue;
            }
            // "X and Y Front": only when an organisation head follows and nothing before is a known entity
            if j + 1 < end
                && ctx.f(j) == "and"
                && ctx.cap(j + 1)
                && units.iter().all(|u| u.2.is_none())
            {
                let mut k = j + 1;
                while k < end && ctx.cap(k) {
                    k += 1;
                }
                if k > j + 1 && ctx.in_list(lx::ORG_HEADS, k - 1) {
                    j += 1;
                    continue;
                }
            }
            break;
        }
        if units.is_empty() {
            i += 1;
            continue;
        }
        let run_end = units.last().map_or(j, |u| u.1);
        // lowercase organisation head right after a name: "Haqqani network", "Wagner group"
        let lower_head = run_end < end
            && matches!(
                ctx.f(run_end),
                "network" | "group" | "militia" | "faction" | "movement"
            )
            && units.len() == 1
            && units[0].2.is_none()
            && !ctx.in_list(lx::COMMON_WORDS, run_start);
        let q = quoted[run_start - start];
        // "the Israeli military", "Russia's defence ministry", "the U.N. human rights office"
        if let Some(inst_end) = institution(ctx, units, run_end, end) {
            let a = units.last().map_or(run_start, |u| u.0);
            let mut name = join_words(ctx, a..inst_end);
            if ctx.toks[run_end].kind == Tok::Possessive {
                // named with the demonym, as the institution calls itself
                let demonym = units
                    .last()
                    .and_then(|u| u.2)
                    .and_then(|(e, _)| demonym_of(e));
                if let Some(d) = demonym {
                    name = format!("{d} {}", join_words(ctx, run_end + 1..inst_end));
                }
            }
            let affiliation = units.last().and_then(|u| u.2).map(|(e, _)| e);
            interpret_run(
                ctx,
                start,
                end,
                &units[..units.len() - 1],
                false,
                heading,
                q,
                out,
            );
            let rest = if ctx.toks[run_end].kind == Tok::Possessive {
                run_end + 1
            } else {
                run_end
            };
            // "Ukraine's air force": the country is named too, and the
            // institution's own mention starts after the possessive
            let a = if rest > run_end {
                interpret_run(
                    ctx,
                    start,
                    end,
                    &units[units.len() - 1..],
                    false,
                    heading,
                    q,
                    out,
                );
                rest
            } else {
                a
            };
            let as_known = affiliation.and_then(|e| {
                lex_phrase(&format!(
                    "{} {}",
                    lex.entries[e].name(),
                    join_words(ctx, rest..inst_end)
                ))
            });
            let cand = match as_known {
                Some(entry) => Cand::Lex {
                    entry,
                    form: LexForm::Name,
                    weak: false,
                },
                None => Cand::Org(Box::new(OrgCand {
                    name,
                    kind: ActorKind::Organization,
                    affiliation,
                })),
            };
            out.push(Found {
                tok_start: a,
                tok_end: inst_end,
                cand,
                heading,
                quoted: q,
                locative: false,
                defines: None,
            });
            i = inst_end;
            continue;
        }
        interpret_run(ctx, start, end, units, lower_head, heading, q, out);
        i = run_end.max(i + 1);
        if lower_head {
            i += 1;
        }
    }
    // hyphenated words: parts that are known ("Taliban-led", "anti-Pakistan").
    // Which tokens the runs covered is computed once (linear in the sentence).
    covered.clear();
    covered.resize(end - start, 0); // 0 free, 1 a single unknown word, 2 a name
    for f in &out[base..] {
        let level = if matches!(f.cand, Cand::Single) { 1 } else { 2 };
        for c in &mut covered[f.tok_start.max(start) - start..f.tok_end.min(end).max(start) - start]
        {
            *c = (*c).max(level);
        }
    }
    replaced.clear();
    for k in start..end {
        // byte loops: words are short, a memchr call per word costs more
        let has = |c: u8| ctx.word(k).bytes().any(|b| b == c);
        if !ctx.is_word(k) || !has(b'-') || has(b'.') {
            continue;
        }
        if covered[k - start] == 2 {
            continue;
        }
        if covered[k - start] == 1 {
            replaced.push(k);
        }
        // "Taliban-led", "Hamas-run", "Russian-backed": the named actor acts
        let lower = ctx.f(k);
        let agentive = [
            "-led",
            "-run",
            "-controlled",
            "-backed",
            "-held",
            "-ruled",
            "-sponsored",
            "-brokered",
            "-mediated",
        ]
        .iter()
        .any(|s| lower.ends_with(s));
        for part in ctx.word(k).split('-') {
            if let Some(list) = by_first(&text::fold(part)) {
                if let Some(v) = list.iter().find(|v| v.len() == 1) {
                    if v.exact().is_none_or(|e| e == part) && text::is_capitalized(part) {
                        let weak = !(agentive && v.form == LexForm::Name);
                        out.push(Found {
                            tok_start: k,
                            tok_end: k + 1,
                            cand: Cand::Lex {
                                entry: v.entry(),
                                form: v.form,
                                weak,
                            },
                            heading,
                            quoted: quoted[k - start],
                            locative: false,
                            defines: None,
                        });
                    }
                }
            }
        }
    }
    if !replaced.is_empty() {
        let mut tail = out.split_off(base);
        tail.retain(|f| {
            !(matches!(f.cand, Cand::Single) && replaced.binary_search(&f.tok_start).is_ok())
        });
        out.extend(tail);
    }
}

/// A lowercase institution after a known country, demonym or body:
/// "Israeli military", "Chinese foreign ministry", "U.N. human rights office".
fn institution(ctx: &Ctx, units: &[Unit], run_end: usize, end: usize) -> Option<usize> {
    let last = units.last()?;
    let (e, form) = last.2?;
    let kind = lex().entries[e].kind;
    if form == LexForm::Capital || kind == ActorKind::Person {
        return None;
    }
    let mut k = run_end;
    if k < end && ctx.toks[k].kind == Tok::Possessive {
        if kind != ActorKind::Country {
            return None;
        }
        k += 1;
    }
    // up to two lowercase modifiers, then a head
    for _ in 0..3 {
        if k >= end || !ctx.is_word(k) || ctx.cap(k) {
            return None;
        }
        let w = ctx.f(k);
        let compound = k + 1 < end
            && ctx.is_word(k + 1)
            && matches!(
                ctx.f(k + 1),
                "establishment"
                    | "leadership"
                    | "officials"
                    | "official"
                    | "spokesman"
                    | "spokesperson"
                    | "operations"
                    | "operation"
                    | "officers"
                    | "chief"
                    | "commanders"
                    | "units"
                    | "forces"
                    | "sources"
                    | "source"
                    | "personnel"
                    | "strikes"
                    | "aid"
                    | "action"
                    | "pressure"
                    | "support"
                    | "build-up"
                    | "buildup"
                    | "power"
            );
        if compound {
            return None;
        }
        if matches!(
            w,
            "military"
                | "army"
                | "navy"
                | "ministry"
                | "office"
                | "police"
                | "agency"
                | "coast"
                | "parliament"
                | "embassy"
                | "mission"
        ) {
            if w == "coast" && ctx.f(k + 1) == "guard" {
                return Some(k + 2);
            }
            if w == "coast" {
                return None;
            }
            return Some(k + 1);
        }
        if !matches!(
            w,
            "foreign"
                | "defence"
                | "defense"
                | "interior"
                | "health"
                | "information"
                | "finance"
                | "human"
                | "rights"
                | "refugee"
                | "air"
                | "home"
                | "external"
                | "affairs"
                | "state"
                | "security"
                | "intelligence"
                | "emergency"
                | "justice"
                | "humanitarian"
        ) {
            return None;
        }
        if w == "air" && ctx.f(k + 1) == "force" {
            return Some(k + 2);
        }
        k += 1;
    }
    None
}

/// The lexicon entry named exactly by `phrase`, if any.
fn lex_phrase(phrase: &str) -> Option<usize> {
    let toks = fold_tokens(phrase);
    by_first(toks.first()?)?
        .iter()
        .find(|v| v.is(&toks))
        .map(LexVariant::entry)
}

/// The name of lexicon entry `entry` (entry `i` is country line `i` of
/// [`lx::COUNTRIES`]); "" past the last.
pub(crate) fn lexicon_name(entry: usize) -> &'static str {
    lex().entries.get(entry).map_or("", LexEntry::name)
}

/// The first demonym of a lexicon country (laid out by build.rs from the
/// country lines, so the lines themselves stay out of the .wasm).
fn demonym_of(entry: usize) -> Option<&'static str> {
    let a = usize::from(*DEMONYM_ENDS.get(entry)?);
    let b = usize::from(*DEMONYM_ENDS.get(entry + 1)?);
    DEMONYM_TEXT.get(a..b).filter(|d| !d.is_empty())
}

/// Title words at the start of `units[a..]`, with the end index of the title.
fn title_span(ctx: &Ctx, units: &[Unit], a: usize, b: usize) -> usize {
    let mut k = a;
    let mut last_core = None;
    while k < b && units[k].2.is_none() {
        let w = ctx.f(units[k].0).trim_end_matches('.');
        let w_dot = ctx.f(units[k].0);
        match title(w_dot).or_else(|| title(w)) {
            Some(core) => {
                if core {
                    last_core = Some(k + 1);
                }
                k += 1;
            }
            None => break,
        }
    }
    last_core.unwrap_or(a)
}

#[allow(clippy::too_many_arguments)]
fn interpret_run(
    ctx: &Ctx,
    s_start: usize,
    s_end: usize,
    units: &[Unit],
    lower_head: bool,
    heading: bool,
    quoted: bool,
    out: &mut Vec<Found>,
) {
    let push = |out: &mut Vec<Found>, a: usize, b: usize, cand: Cand| {
        let prev = if a > s_start { ctx.f(a - 1) } else { "" };
        let locative = (a > s_start && ctx.in_list(lx::LOCATIVE, a - 1))
            || (prev == "the" && a > s_start + 1 && ctx.in_list(lx::LOCATIVE, a - 2));
        // "(ACR)" right after
        let defines = (b + 2 < s_end
            && ctx.word(b) == "("
            && ctx.word(b + 2) == ")"
            && text::is_acronym(ctx.word(b + 1).trim_end_matches(char::is_lowercase))
            && ctx.is_word(b + 1))
        .then_some(b as u32 + 1);
        out.push(Found {
            tok_start: a,
            tok_end: b,
            cand,
            heading,
            quoted,
            locative,
            defines,
        });
    };
    let n = units.len();
    let words_of =
        |a: usize, b: usize| -> Vec<String> { (a..b).map(|k| ctx.word(k).to_string()).collect() };

    if lower_head {
        let (a, _, _) = units[0];
        let name = format!("{} {}", ctx.word(a), ctx.word(a + 1));
        let kind = if crate::text::one_of(
            ctx.f(a + 1),
            const { &crate::text::Words::new(&["network", "militia", "faction"]) },
        ) {
            ActorKind::ArmedGroup
        } else {
            ActorKind::Organization
        };
        push(
            out,
            a,
            a + 2,
            Cand::Org(Box::new(OrgCand {
                name,
                kind,
                affiliation: None,
            })),
        );
        return;
    }
    // "the Republic of Ostrelia", "the Kingdom of Varnesia": a state
    if n >= 2
        && units[0].2.is_none()
        && units[1].2.is_none()
        && in_list(
            &[
                "republic",
                "kingdom",
                "federation",
                "sultanate",
                "principality",
                "commonwealth",
                "emirate",
            ],
            ctx.f(units[0].0),
        )
        && units[1].0 > units[0].1
    {
        let name = join_words(ctx, units[1].0..units[n - 1].1);
        push(
            out,
            units[0].0,
            units[n - 1].1,
            Cand::Country { name: name.into() },
        );
        return;
    }
    // Organisation: a head word among the unknown units ("Afghan Interior Ministry",
    // "Ministry of Foreign Affairs", "S. Rajaratnam School of International Studies").
    let title_of = n >= 2
        && units[0].2.is_none()
        && title(ctx.f(units[0].0)).unwrap_or(false)
        && units[1].0 > units[0].1;
    let head = if title_of {
        None
    } else {
        units
            .iter()
            .position(|u| u.2.is_none() && ctx.in_list(lx::ORG_HEADS, u.0))
    };
    let non_actor_tail = units
        .last()
        .is_some_and(|u| u.2.is_none() && ctx.in_list(lx::NON_ACTOR_HEADS, u.0));
    if let Some(h) = head {
        if !non_actor_tail || h == n - 1 {
            // the organisation extends from the first non-title unit to the head, plus "of X" tails
            let first = 0;
            // "Ministry of Foreign Affairs", "School of International Studies": the
            // name runs on until a title starts a person ("… Army Chief General X")
            let mut last = h;
            while last + 1 < n
                && units[last + 1].2.is_none()
                && title_span(ctx, units, last + 1, n) == last + 1
            {
                last += 1;
            }
            while last + 1 < n && units[last + 1].0 > units[last].1 {
                last += 1; // joined by a connector to a known name: "Salvation of Afghanistan"
            }
            // the remainder after the head without a connector may hold a person
            let mut org_a = units[first].0;
            while org_a < units[last].1
                && [
                    "-based",
                    "-led",
                    "-backed",
                    "-run",
                    "-funded",
                    "-affiliated",
                    "-linked",
                    "-aligned",
                ]
                .iter()
                .any(|x| ctx.f(org_a).ends_with(x))
            {
                org_a += 1;
            }
            let org_b = units[last].1;
            let name_toks = org_a..org_b;
            let name = join_words(ctx, name_toks.clone());
            let affiliation = units[first..=last].iter().find_map(|u| {
                u.2.filter(|(e, _)| lex().entries[*e].kind == ActorKind::Country)
                    .map(|(e, _)| e)
            });
            let heads: Vec<&str> = (org_a..org_b).map(|k| ctx.f(k)).collect();
            let armed = heads.iter().any(|w| in_list(lx::ARMED_HEADS, w))
                && !heads.iter().any(|w| {
                    crate::text::one_of(
                        w,
                        const {
                            &crate::text::Words::new(&[
                                "ministry",
                                "department",
                                "government",
                                "council",
                                "university",
                                "school",
                                "centre",
                                "center",
                                "institute",
                            ])
                        },
                    )
                });
            let armed = armed || (heads.contains(&"army") && affiliation.is_none());
            let kind = if armed {
                ActorKind::ArmedGroup
            } else {
                ActorKind::Organization
            };
            // a single known entity plus head ("Pakistan Army") keeps both names
            if org_b - org_a > 1 || f_defines(ctx, org_b, s_end) {
                push(
                    out,
                    org_a,
                    org_b,
                    Cand::Org(Box::new(OrgCand {
                        name,
                        kind,
                        affiliation,
                    })),
                );
            }
            let org_idx = out.len().saturating_sub(1);
            // titles and a name after the organisation: "Pakistan Army Chief General Asim Munir"
            if last + 1 < n {
                person_from(
                    ctx,
                    s_start,
                    s_end,
                    units,
                    last + 1,
                    n,
                    Some(CandRef::Cand(org_idx)),
                    out,
                    heading,
                    quoted,
                );
            }
            let _ = words_of;
            return;
        }
    }
    if non_actor_tail {
        // events and places: only known countries inside count (not capitals)
        for u in units {
            if let Some((e, LexForm::Name)) = u.2 {
                push(
                    out,
                    u.0,
                    u.1,
                    Cand::Lex {
                        entry: e,
                        form: LexForm::Name,
                        weak: false,
                    },
                );
            }
        }
        return;
    }
    person_from(ctx, s_start, s_end, units, 0, n, None, out, heading, quoted);
}

/// "(ACR)" right after token `b`.
fn f_defines(ctx: &Ctx, b: usize, s_end: usize) -> bool {
    b + 2 < s_end
        && ctx.word(b) == "("
        && ctx.word(b + 2) == ")"
        && ctx.is_word(b + 1)
        && text::is_acronym(ctx.word(b + 1))
}

fn join_words(ctx: &Ctx, r: std::ops::Range<usize>) -> String {
    let a = ctx.toks[r.start].start as usize;
    let b = ctx.toks[r.end - 1].end as usize;
    ctx.text[a..b]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads units[a..b] as [known entities] [titles] [name], pushing what it finds.
#[allow(clippy::too_many_arguments)]
fn person_from(
    ctx: &Ctx,
    s_start: usize,
    s_end: usize,
    units: &[Unit],
    a: usize,
    b: usize,
    org: Option<CandRef>,
    out: &mut Vec<Found>,
    heading: bool,
    quoted: bool,
) {
    let mut k = a;
    let mut affiliation = org;
    let push_lex = |out: &mut Vec<Found>, u: &(usize, usize, Option<(usize, LexForm)>)| {
        if let Some((e, form)) = u.2 {
            let prev = if u.0 > s_start { ctx.f(u.0 - 1) } else { "" };
            let locative = (u.0 > s_start && ctx.in_list(lx::LOCATIVE, u.0 - 1))
                || (prev == "the" && u.0 > s_start + 1 && ctx.in_list(lx::LOCATIVE, u.0 - 2));
            let defines = (u.1 + 2 < s_end
                && ctx.word(u.1) == "("
                && ctx.word(u.1 + 2) == ")"
                && ctx.is_word(u.1 + 1)
                && text::is_acronym(ctx.word(u.1 + 1)))
            .then_some(u.1 as u32 + 1);
            out.push(Found {
                tok_start: u.0,
                tok_end: u.1,
                cand: Cand::Lex {
                    entry: e,
                    form,
                    weak: false,
                },
                heading,
                quoted,
                locative,
                defines,
            });
        }
    };
    while k < b {
        // known entities before a title become the person's affiliation
        if units[k].2.is_some() {
            push_lex(out, &units[k]);
            if let Some((e, _)) = units[k].2 {
                affiliation = Some(CandRef::Lex(e));
            }
            k += 1;
            continue;
        }
        let mut t_end = title_span(ctx, units, k, b);
        // "Minister of Defence", "Special Representative for Afghan Reconciliation": all role
        if t_end > k && t_end < b && units[t_end].0 > units[t_end - 1].1 {
            t_end += 1;
            while t_end < b && !ctx.in_list(lx::FIRST_NAMES, units[t_end].0) {
                t_end += 1;
            }
            // the last two unknown words are a name when a reporting verb or comma follows
            let after = units[b - 1].1;
            let speaks = after < s_end && (is_speech_verb(ctx.f(after)) || ctx.word(after) == ",");
            if t_end == b
                && speaks
                && b >= k + 4
                && units[b - 1].2.is_none()
                && units[b - 2].2.is_none()
                && title(ctx.f(units[b - 2].0)).is_none()
                && units[b - 2].0 == units[b - 3].1
            {
                t_end = b - 2;
            }
        }
        let name_start = t_end;
        // the name: unknown capitalised words after the titles
        let mut name_end = name_start;
        while name_end < b
            && units[name_end].2.is_none()
            && !title(ctx.f(units[name_end].0)).unwrap_or(false)
        {
            name_end += 1;
        }
        // a known entity right after a title: "Foreign Minister" of … — role only
        let role = (t_end > k).then(|| join_words(ctx, units[k].0..units[t_end - 1].1));
        if name_end > name_start {
            let first_tok = units[name_start].0;
            let name_toks = (first_tok, units[name_end - 1].1);
            let name = first_tok..name_toks.1;
            let name_len = name.len();
            let prev = if units[k].0 > s_start {
                ctx.f(units[k].0 - 1)
            } else {
                ""
            };
            let role_before = (units[k].0 > s_start && ctx.in_list(lx::ROLE_NOUNS, units[k].0 - 1))
                || prev == "former";
            let first_name = ctx.in_list(lx::FIRST_NAMES, first_tok);
            let appositive = appositive_role(ctx, units[name_end - 1].1, s_end);
            let all_caps_acr = name_len == 1 && text::is_acronym(ctx.word(first_tok));
            let place_like = ctx.in_list(lx::PLACE_PREFIXES, first_tok)
                || name.clone().any(|t| {
                    // words and possessives are folded already; other tokens rarely sit in a name
                    let other;
                    let w = match ctx.toks[t].kind {
                        Tok::Word | Tok::Possessive => ctx.f(t),
                        _ => {
                            other = text::fold(ctx.word(t));
                            other.as_str()
                        }
                    };
                    in_list(lx::TIME_WORDS, w) || in_list(lx::MONTHS, w)
                });
            let after_name = units[name_end - 1].1;
            let speaks = (after_name < s_end && is_speech_verb(ctx.f(after_name)))
                || (units[k].0 > s_start && is_speech_verb(ctx.f(units[k].0 - 1)) && name_end == b);
            // "Varnesia's foreign minister, Teodor Brask, …"
            let set_off = units[k].0 >= s_start + 2
                && ctx.word(units[k].0 - 1) == ","
                && (ctx.in_list(lx::ROLE_NOUNS, units[k].0 - 2)
                    || ctx.f(units[k].0 - 2).ends_with("-general"))
                && name_len >= 2;
            let role_before = role_before || set_off;
            let relative = after_name + 1 < s_end
                && ctx.word(after_name) == ","
                && matches!(ctx.f(after_name + 1), "who" | "whose");
            let aged = units[k].0 > s_start && ctx.f(units[k].0 - 1).ends_with("-year-old");
            let evidence = role.is_some()
                || role_before
                || first_name
                || appositive.is_some()
                || (speaks && name_len >= 2 && !heading)
                || ((relative || aged) && name_len >= 2);
            if all_caps_acr && role.is_none() {
                let w = ctx.word(first_tok);
                if !lx::NON_ACTOR_ACRONYMS.contains(&w) {
                    out.push(Found {
                        tok_start: first_tok,
                        tok_end: first_tok + 1,
                        cand: Cand::Acronym,
                        heading,
                        quoted,
                        locative: false,
                        defines: None,
                    });
                }
            } else if evidence && !place_like && name_len <= 5 {
                let role = role.or(appositive).or_else(|| {
                    role_before.then(|| {
                        if set_off {
                            role_phrase(ctx, s_start, units[k].0 - 1)
                        } else {
                            role_phrase(ctx, s_start, units[k].0)
                        }
                    })
                });
                let cand = Cand::Person(Box::new(PersonCand {
                    name: name_toks,
                    role,
                    affiliation,
                }));
                out.push(Found {
                    tok_start: first_tok,
                    tok_end: units[name_end - 1].1,
                    cand,
                    heading,
                    quoted,
                    locative: false,
                    defines: None,
                });
            } else if name_len == 1
                && inverted_attribution(ctx, s_start, first_tok)
                && !ctx.in_list(lx::COMMON_WORDS, first_tok)
                && !place_like
            {
                let cand = Cand::Person(Box::new(PersonCand {
                    name: name_toks,
                    role: None,
                    affiliation,
                }));
                out.push(Found {
                    tok_start: first_tok,
                    tok_end: first_tok + 1,
                    cand,
                    heading,
                    quoted,
                    locative: false,
                    defines: None,
                });
            } else if name_len == 1 {
                out.push(Found {
                    tok_start: first_tok,
                    tok_end: first_tok + 1,
                    cand: Cand::Single,
                    heading,
                    quoted,
                    locative: false,
                    defines: None,
                });
            } else if !place_like && name_len <= 4 && !heading && !quoted {
                // two or more unknown capitalised words with no other evidence: a
                // person if a reporting verb follows, else remember the surname
                let next = units[name_end - 1].1;
                if next < s_end && is_speech_verb(ctx.f(next)) {
                    let cand = Cand::Person(Box::new(PersonCand {
                        name: name_toks,
                        role: None,
                        affiliation,
                    }));
                    out.push(Found {
                        tok_start: first_tok,
                        tok_end: next,
                        cand,
                        heading,
                        quoted,
                        locative: false,
                        defines: None,
                    });
                }
            }
            k = name_end.max(k + 1);
        } else {
            k = t_end.max(k + 1);
        }
    }
}

/// "…,” said Serhiy": a reporting verb right after a closing quote, then the name.
fn inverted_attribution(ctx: &Ctx, s_start: usize, name: usize) -> bool {
    name >= s_start + 2
        && is_speech_verb(ctx.f(name - 1))
        && matches!(ctx.toks[name - 2].kind, Tok::CloseQuote)
        || (name >= s_start + 3
            && is_speech_verb(ctx.f(name - 1))
            && ctx.word(name - 2) == ","
            && ctx.toks[name - 3].kind == Tok::CloseQuote)
}

/// "Former Pakistani ambassador" before a name: the role noun and its modifiers.
fn role_phrase(ctx: &Ctx, s_start: usize, name_start: usize) -> String {
    let end = name_start;
    let mut a = end - 1;
    while a > s_start && end - a < 5 {
        let w = ctx.f(a - 1);
        let ok = ctx.is_word(a - 1)
            && !in_list(lx::NP_BOUNDARY_ROLE, w)
            && (ctx.in_list(lx::TITLE_MODIFIERS, a - 1)
                || ctx.in_list(lx::TITLES, a - 1)
                || by_first(w).is_some()
                || ctx.in_list(lx::ROLE_NOUNS, a - 1)
                || crate::text::one_of(
                    w,
                    const { &crate::text::Words::new(&["former", "senior", "retired", "top", "chief"]) },
                ));
        if !ok {
            break;
        }
        a -= 1;
    }
    join_words(ctx, a..end)
}

fn is_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "added"
            | "stated"
            | "warned"
            | "claimed"
            | "argued"
            | "wrote"
            | "noted"
            | "insisted"
            | "denied"
            | "accused"
    )
}

/// ", a researcher at …" / ", the former US Special Representative" / ", spokesperson for …" → the role noun.
fn appositive_role(ctx: &Ctx, after: usize, s_end: usize) -> Option<String> {
    // "nominated X as their envoy"
    if after + 1 < s_end && ctx.f(after) == "as" {
        let k = if crate::text::one_of(
            ctx.f(after + 1),
            const { &crate::text::Words::new(&["their", "its", "the", "a", "an", "his", "her"]) },
        ) {
            after + 2
        } else {
            after + 1
        };
        if k < s_end && ctx.in_list(lx::ROLE_NOUNS, k) {
            return Some(ctx.word(k).to_string());
        }
    }
    if after >= s_end || ctx.word(after) != "," {
        return None;
    }
    let mut k = after + 1;
    let limit = (k + 8).min(s_end);
    while k < limit {
        let w = ctx.f(k);
        if ctx.in_list(lx::ROLE_NOUNS, k) || title(w).unwrap_or(false) {
            let a = ctx.toks[after + 1].start as usize;
            let b = ctx.toks[k].end as usize;
            let role = ctx.text[a..b]
                .trim_start_matches("a ")
                .trim_start_matches("an ")
                .trim_start_matches("the ");
            return Some(role.to_string());
        }
        if ctx.word(k) == "," || (k > after + 1 && matches!(w, "said" | "says" | "told" | "and")) {
            return None;
        }
        k += 1;
    }
    None
}

// ---------------------------------------------------------------- merging

/// Consonant skeleton of a name: merges Tehreek/Tehrik, Ameer/Amir, Mohammad/Muhammad.
pub fn skeleton(name: &str) -> String {
    // never longer than the name (ASCII), rarely grown otherwise
    let mut out = String::with_capacity(name.len());
    let mut buf = text::FoldBuf::default();
    for (wi, w) in name.split_whitespace().enumerate() {
        if wi > 0 {
            out.push(' ');
        }
        let w = buf.fold(w);
        let mut prev = '\0';
        for (i, c) in w.chars().filter(|c| c.is_alphanumeric()).enumerate() {
            let c = match c {
                'é' | 'è' | 'ê' => 'e',
                'ü' | 'ú' => 'u',
                'ö' | 'ó' => 'o',
                'á' | 'à' | 'ä' => 'a',
                'ï' | 'í' => 'i',
                c => c,
            };
            if i > 0 && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
                continue;
            }
            if c != prev {
                out.push(c);
            }
            prev = c;
        }
    }
    out
}

/// What makes two candidates one actor: a lexicon entry, or a normalised
/// name in its namespace.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Lex(usize),
    Org(String),
    Person(String),
    Country(String),
    Acronym(String),
}

struct Builder {
    list: Vec<ActorData>,
    key: FxHashMap<Key, usize>,
    lex_actor: FxHashMap<usize, usize>,
}

impl Builder {
    fn add(&mut self, key: Key, name: &str, kind: ActorKind, known: bool) -> usize {
        if let Some(&i) = self.key.get(&key) {
            return i;
        }
        let i = self.list.len();
        self.list.push(ActorData {
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            role: None,
            affiliation: None,
            spans: Vec::new(),
            known,
        });
        self.key.insert(key, i);
        i
    }
    fn alias(&mut self, i: usize, surface: &str) {
        let surface = surface.trim();
        let a = &mut self.list[i];
        if surface.is_empty() || a.name == surface || a.aliases.iter().any(|x| x == surface) {
            return;
        }
        a.aliases.push(surface.to_string());
    }
}

fn merge(doc: &Document, ctx: &Ctx, mut found: Vec<Found>) -> Actors {
    let lex = lex();
    let text: &str = &doc.text;
    crate::sort::sort_by_key(&mut found, |f| {
        crate::sort::pair(f.tok_start, u32::MAX as usize - f.tok_end)
    });
    // drop candidates nested inside an earlier one (in place: `k` is the last kept)
    found.dedup_by(|f, k| {
        f.tok_start < k.tok_end
            && f.tok_end <= k.tok_end
            && !matches!(f.cand, Cand::Lex { .. } | Cand::Person(_))
    });
    let found = found;
    let span = |f: &Found| {
        (
            ctx.toks[f.tok_start].start as usize,
            ctx.toks[f.tok_end - 1].end as usize,
        )
    };
    let surface = |f: &Found| {
        let (a, b) = span(f);
        &text[a..b]
    };

    // which rulers are present (lexicon knowledge, or "X-led government" in the text)
    let present: Vec<usize> = found
        .iter()
        .filter_map(|f| {
            if let Cand::Lex {
                entry,
                form: LexForm::Name,
                ..
            } = f.cand
            {
                Some(entry)
            } else {
                None
            }
        })
        .collect();
    let ruler_of = |country: usize| {
        lex.entries
            .iter()
            .position(|e| e.governs() == Some(country))
            .filter(|r| present.contains(r))
    };

    let mut b = Builder {
        list: Vec::new(),
        key: FxHashMap::default(),
        lex_actor: FxHashMap::default(),
    };
    // about one mention per candidate: grown rarely
    let mut mentions: Vec<Mention> = Vec::with_capacity(found.len());
    let mut cand_actor: Vec<Option<usize>> = vec![None; found.len()];
    let mut acronyms: FxHashMap<String, usize> = FxHashMap::default();

    // Pass 1: lexicon names and found organisations (strong evidence) create actors.
    for (fi, f) in found.iter().enumerate() {
        let actor = match &f.cand {
            Cand::Lex { entry, form, weak } => {
                let mut entry = *entry;
                let mut form = *form;
                // "Afghan government", "Kabul" → the ruling movement when present
                let next = ctx.f(f.tok_end);
                let gov_word = matches!(
                    next,
                    "government" | "regime" | "authorities" | "administration" | "rulers"
                );
                if lex.entries[entry].kind == ActorKind::Country
                    && (form == LexForm::Capital || (form == LexForm::Demonym && gov_word))
                {
                    if let Some(r) = ruler_of(entry) {
                        entry = r;
                        form = LexForm::Name;
                    }
                }
                let creates = !*weak
                    && !f.heading
                    && match form {
                        LexForm::Name => true,
                        LexForm::Capital => !f.locative,
                        LexForm::Demonym => gov_word,
                    };
                let e = &lex.entries[entry];
                let existing = b.lex_actor.get(&entry).copied();
                let a = match existing {
                    Some(a) => Some(a),
                    None if creates => {
                        let a = b.add(Key::Lex(entry), e.name(), e.kind, true);
                        b.lex_actor.insert(entry, a);
                        Some(a)
                    }
                    None => None,
                };
                if let Some(a) = a {
                    if form == LexForm::Name || form == LexForm::Capital {
                        b.alias(a, surface(f));
                    }
                    if let Some(acr) = f.defines.map(|t| ctx.word(t as usize)) {
                        b.alias(a, acr);
                        acronyms.insert(acr.to_string(), a);
                    }
                    mentions.push(Mention {
                        tok_start: f.tok_start,
                        tok_end: f.tok_end,
                        actor: a,
                        form: match form {
                            LexForm::Name => Form::Name,
                            LexForm::Demonym => Form::Demonym,
                            LexForm::Capital => Form::Capital,
                        },
                    });
                }
                a
            }
            Cand::Org(org) => {
                let (name, kind) = (&org.name, &org.kind);
                if f.heading && f.defines.is_none() {
                    None
                } else {
                    let clean = name.trim_start_matches("The ").trim_start_matches("the ");
                    let known = f.defines.map(|t| ctx.word(t as usize)).and_then(|acr| {
                        by_first(&text::fold(acr)).and_then(|l| {
                            l.iter()
                                .find(|v| v.len() == 1 && v.exact().is_some_and(|e| e == acr))
                                .map(LexVariant::entry)
                        })
                    });
                    if let Some(entry) = known {
                        let e = &lex.entries[entry];
                        let a = *b.lex_actor.entry(entry).or_insert_with(|| usize::MAX);
                        let a = if a == usize::MAX {
                            let a = b.add(Key::Lex(entry), e.name(), e.kind, true);
                            b.lex_actor.insert(entry, a);
                            a
                        } else {
                            a
                        };
                        b.alias(a, clean);
                        mentions.push(Mention {
                            tok_start: f.tok_start,
                            tok_end: f.tok_end,
                            actor: a,
                            form: Form::Name,
                        });
                        cand_actor[fi] = Some(a);
                        continue;
                    }
                    let mut key = org_key(clean);
                    if !b.key.contains_key(&key) {
                        // "X of Y" is the organisation X: one name is the other plus " of …"
                        let of_tail = |long: &str, short: &str| {
                            long.strip_prefix(short)
                                .is_some_and(|rest| rest.starts_with(" of "))
                        };
                        let lower = crate::case::lower_str(clean);
                        if let Some(i) = b.list.iter().position(|x| {
                            x.kind != ActorKind::Person && !x.known && {
                                let n = crate::case::lower_str(&x.name);
                                of_tail(&n, &lower) || of_tail(&lower, &n)
                            }
                        }) {
                            key = b
                                .key
                                .iter()
                                .find(|(_, &v)| v == i)
                                .map(|(k, _)| k.clone())
                                .unwrap_or(key);
                        }
                    }
                    let a = b.add(key, clean, *kind, false);
                    b.alias(a, clean);
                    if let Some(acr) = f.defines.map(|t| ctx.word(t as usize)) {
                        // an acronym known to the lexicon merges into that entry's actor
                        if let Some(&la) = acronyms.get(acr) {
                            let _ = la;
                        }
                        b.alias(a, acr);
                        acronyms.insert(acr.to_string(), a);
                    }
                    mentions.push(Mention {
                        tok_start: f.tok_start,
                        tok_end: f.tok_end,
                        actor: a,
                        form: Form::Name,
                    });
                    Some(a)
                }
            }
            Cand::Country { name } if !f.heading => {
                let a = b.add(
                    Key::Country(skeleton(name)),
                    name,
                    ActorKind::Country,
                    false,
                );
                b.alias(a, surface(f));
                mentions.push(Mention {
                    tok_start: f.tok_start,
                    tok_end: f.tok_end,
                    actor: a,
                    form: Form::Name,
                });
                Some(a)
            }
            _ => None,
        };
        cand_actor[fi] = actor;
    }
    // Organisation affiliations (country prefixes).
    for (fi, f) in found.iter().enumerate() {
        if let (Cand::Org(org), Some(a)) = (&f.cand, cand_actor[fi]) {
            let Some(e) = &org.affiliation else { continue };
            if let Some(&c) = b.lex_actor.get(e) {
                if c != a {
                    b.list[a].affiliation = Some(c);
                }
            }
        }
    }

    // Pass 2: people. Full names first, merged on surname with compatible given names.
    let mut people: Vec<(usize, Vec<String>)> = Vec::new(); // actor, folded tokens of longest name
    for (fi, f) in found.iter().enumerate() {
        let Cand::Person(person) = &f.cand else {
            continue;
        };
        let PersonCand {
            name,
            role,
            affiliation,
        } = &**person;
        if f.heading || f.quoted {
            continue;
        }
        let words: Vec<&str> = (name.0..name.1).map(|t| ctx.word(t)).collect();
        let full = words.join(" ");
        if doc.meta.author.as_deref().is_some_and(|au| au == full) {
            continue;
        }
        let folded: Vec<String> = words.iter().map(|w| skeleton(w)).collect();
        let existing = people.iter().position(|(_, p)| same_person(p, &folded));
        let a = match existing {
            Some(pi) => {
                let a = people[pi].0;
                if folded.len() > people[pi].1.len() {
                    people[pi].1 = folded.clone();
                    let old = std::mem::replace(&mut b.list[a].name, full.clone());
                    b.alias(a, &old);
                }
                a
            }
            None => {
                let a = b.add(
                    Key::Person(folded.join(" ")),
                    &full,
                    ActorKind::Person,
                    false,
                );
                people.push((a, folded));
                a
            }
        };
        b.alias(a, &full);
        if b.list[a].role.is_none() {
            b.list[a].role = role.clone();
        }
        if b.list[a].affiliation.is_none() {
            b.list[a].affiliation = match affiliation {
                Some(CandRef::Lex(e)) => b.lex_actor.get(e).copied(),
                Some(CandRef::Cand(c)) => cand_actor.get(*c).copied().flatten(),
                None => None,
            };
        }
        mentions.push(Mention {
            tok_start: f.tok_start,
            tok_end: f.tok_end,
            actor: a,
            form: Form::Name,
        });
        cand_actor[fi] = Some(a);
    }
    // Pass 3: single words that are a known person's surname; acronyms.
    let mut acronym_uses: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (fi, f) in found.iter().enumerate() {
        match &f.cand {
            Cand::Single => {
                let word = ctx.word(f.tok_start);
                let sk = skeleton(word);
                if let Some((a, _)) = people.iter().rev().find(|(_, p)| {
                    p.last().is_some_and(|l| *l == sk) || (p.len() >= 3 && p[0] == sk)
                }) {
                    b.alias(*a, word);
                    mentions.push(Mention {
                        tok_start: f.tok_start,
                        tok_end: f.tok_end,
                        actor: *a,
                        form: Form::Name,
                    });
                    cand_actor[fi] = Some(*a);
                }
            }
            Cand::Acronym if !f.heading => acronym_uses
                .entry(ctx.word(f.tok_start).to_string())
                .or_default()
                .push(fi),
            _ => {}
        }
    }
    // Unknown single words that the text treats as states: a demonym formed
    // from them ("Varnesia" / "Varnesian"), or "X's government / foreign minister".
    let singles: Vec<usize> = (0..found.len())
        .filter(|&fi| {
            cand_actor[fi].is_none() && matches!(found[fi].cand, Cand::Single) && !found[fi].quoted
        })
        .collect();
    let words: rustc_hash::FxHashSet<&str> = singles
        .iter()
        .map(|&fi| ctx.word(found[fi].tok_start))
        .collect();
    // the candidates are spelled in one reused buffer: this runs for every single word
    let mut spelled = String::new();
    let mut demonym_for = |w: &str| -> Option<String> {
        [
            (w, "n"),
            (w, "an"),
            (w, "ian"),
            (w, "ese"),
            (w, "i"),
            (w.trim_end_matches('a'), "an"),
        ]
        .into_iter()
        .find(|(stem, suffix)| {
            spelled.clear();
            spelled.push_str(stem);
            spelled.push_str(suffix);
            words.contains(spelled.as_str()) && spelled != w
        })
        .map(|_| spelled.clone())
    };
    let mut countries: FxHashMap<String, usize> = FxHashMap::default();
    for &fi in &singles {
        let f = &found[fi];
        let w = ctx.word(f.tok_start);
        let next = ctx.f(f.tok_end);
        let next2 = ctx.f(f.tok_end + 1);
        let gov = ctx
            .toks
            .get(f.tok_end)
            .is_some_and(|t| t.kind == Tok::Possessive)
            && crate::text::one_of(
                next2,
                const {
                    &crate::text::Words::new(&[
                        "government",
                        "president",
                        "foreign",
                        "defence",
                        "defense",
                        "army",
                        "military",
                        "prime",
                        "ambassador",
                        "interior",
                        "navy",
                        "parliament",
                        "leader",
                    ])
                },
            );
        let _ = next;
        if (demonym_for(w).is_some() || gov) && !text::is_acronym(w) && w.chars().count() >= 4 {
            let a = *countries
                .entry(w.to_string())
                .or_insert_with(|| b.add(Key::Country(skeleton(w)), w, ActorKind::Country, false));
            mentions.push(Mention {
                tok_start: f.tok_start,
                tok_end: f.tok_end,
                actor: a,
                form: Form::Name,
            });
            cand_actor[fi] = Some(a);
        }
    }
    for (w, &a) in &countries.clone() {
        if let Some(d) = demonym_for(w) {
            for &fi in &singles {
                if cand_actor[fi].is_none() && ctx.word(found[fi].tok_start) == d {
                    let f = &found[fi];
                    mentions.push(Mention {
                        tok_start: f.tok_start,
                        tok_end: f.tok_end,
                        actor: a,
                        form: Form::Demonym,
                    });
                    cand_actor[fi] = Some(a);
                }
            }
        }
    }
    // the same word already known as a country through "Republic of X" takes its other mentions
    for &fi in &singles {
        if cand_actor[fi].is_none() {
            let w = ctx.word(found[fi].tok_start);
            if let Some(&a) = b.key.get(&Key::Country(skeleton(w))) {
                let f = &found[fi];
                mentions.push(Mention {
                    tok_start: f.tok_start,
                    tok_end: f.tok_end,
                    actor: a,
                    form: Form::Name,
                });
                cand_actor[fi] = Some(a);
            }
        }
    }
    for (word, uses) in acronym_uses {
        let a = match acronyms.get(&word) {
            Some(&a) => Some(a),
            None => {
                // initials of a multi-word organisation in the text ("Inter-Services Intelligence" → ISI)
                let by_initials = b.list.iter().position(|x| {
                    x.kind != ActorKind::Person
                        && x.kind != ActorKind::Country
                        && initials(&x.name) == crate::case::upper_str(&word)
                });
                by_initials.or_else(|| {
                    (uses.len() >= 2).then(|| {
                        b.add(
                            Key::Acronym(word.clone()),
                            &word,
                            ActorKind::Organization,
                            false,
                        )
                    })
                })
            }
        };
        if let Some(a) = a {
            b.alias(a, &word);
            for fi in uses {
                let f = &found[fi];
                mentions.push(Mention {
                    tok_start: f.tok_start,
                    tok_end: f.tok_end,
                    actor: a,
                    form: Form::Name,
                });
            }
        }
    }

    // Transcript turn labels name people: "MAO NING" is Mao Ning.
    let mut turns: Vec<Option<usize>> = vec![None; doc.blocks.len()];
    let mut label_spans: Vec<(usize, usize, usize)> = Vec::new();
    for (bi, blk) in doc.blocks.iter().enumerate() {
        let Some((ls, le)) = blk.label else { continue };
        let label = &text[ls..le];
        if crate::text::one_of(
            crate::case::upper_str(label).as_str(),
            const {
                &crate::text::Words::new(&[
                    "Q",
                    "A",
                    "QUESTION",
                    "ANSWER",
                    "REPORTER",
                    "MODERATOR",
                    "HOST",
                    "INTERVIEWER",
                    "JOURNALIST",
                ])
            },
        ) {
            continue;
        }
        let name: Vec<String> = label.split_whitespace().map(title_case).collect();
        let folded: Vec<String> = name.iter().map(|w| skeleton(w)).collect();
        let a = match people.iter().position(|(_, p)| same_person(p, &folded)) {
            Some(pi) => people[pi].0,
            None => {
                let a = b.add(
                    Key::Person(folded.join(" ")),
                    &name.join(" "),
                    ActorKind::Person,
                    false,
                );
                people.push((a, folded));
                a
            }
        };
        turns[bi] = Some(a);
        label_spans.push((a, ls, le));
    }

    // Spans, order by first mention, ids.
    crate::sort::sort_by_key(&mut mentions, |m| {
        crate::sort::pair(m.tok_start, u32::MAX as usize - m.tok_end)
    });
    mentions.dedup_by(|x, y| x.tok_start < y.tok_end && x.tok_start >= y.tok_start);
    let mut first: Vec<usize> = vec![usize::MAX; b.list.len()];
    for m in &mentions {
        first[m.actor] = first[m.actor].min(ctx.toks[m.tok_start].start as usize);
    }
    for &(a, ls, _) in &label_spans {
        first[a] = first[a].min(ls);
    }
    let mut order: Vec<usize> = (0..b.list.len())
        .filter(|&a| first[a] != usize::MAX)
        .collect();
    crate::sort::sort_by_key(&mut order, |&a| first[a] as u64);
    let mut remap = vec![usize::MAX; b.list.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = new;
    }
    let mut list: Vec<Option<ActorData>> = b.list.into_iter().map(Some).collect();
    let mut out: Vec<ActorData> = order
        .iter()
        .map(|&old| list[old].take().expect("each actor taken once"))
        .collect();
    for a in &mut out {
        a.affiliation = a
            .affiliation
            .and_then(|x| remap.get(x).copied())
            .filter(|&x| x != usize::MAX);
        a.aliases.retain(|x| !x.is_empty());
    }
    for m in &mut mentions {
        m.actor = remap[m.actor];
    }
    let mut by_token = vec![u32::MAX; ctx.toks.len()];
    for (mi, m) in mentions.iter().enumerate() {
        out[m.actor].spans.push((
            ctx.toks[m.tok_start].start as usize,
            ctx.toks[m.tok_end - 1].end as usize,
        ));
        for slot in &mut by_token[m.tok_start..m.tok_end] {
            *slot = mi as u32;
        }
    }
    for &(a, ls, le) in &label_spans {
        out[remap[a]].spans.push((ls, le));
    }
    for a in &mut out {
        let name = a.name.clone();
        a.aliases.retain(|x| *x != name);
        crate::sort::sort_by_key(&mut a.spans, |&(s, e)| crate::sort::pair(s, e));
    }
    for t in turns.iter_mut().flatten() {
        *t = remap[*t];
    }
    Actors {
        list: out,
        mentions,
        by_token,
        turns,
    }
}

fn title_case(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| crate::case::upper(f).collect::<String>() + &crate::case::lower_str(c.as_str()))
        .unwrap_or_default()
}

fn org_key(name: &str) -> Key {
    // country/demonym prefixes do not distinguish ("Afghan Interior Ministry" = "Interior Ministry")
    let lex = lex();
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut k = 0;
    while k + 1 < words.len() {
        let f = text::fold(words[k]);
        let known = by_first(&f).is_some_and(|l| {
            l.iter().any(|v| {
                v.len() == 1
                    && lex.entries[v.entry()].kind == ActorKind::Country
                    && v.form != LexForm::Capital
            })
        });
        if !known {
            break;
        }
        k += 1;
    }
    Key::Org(skeleton(&words[k..].join(" ")))
}

fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| text::is_capitalized(w))
        .filter_map(|w| w.chars().next())
        .flat_map(crate::case::upper)
        .collect()
}

fn same_person(a: &[String], b: &[String]) -> bool {
    let (Some(la), Some(lb)) = (a.last(), b.last()) else {
        return false;
    };
    if la != lb {
        return false;
    }
    if a.len() == 1 || b.len() == 1 {
        return true;
    }
    // given names compatible: equal skeletons or one a prefix of the other (Atta / Attaullah)
    let (fa, fb) = (&a[0], &b[0]);
    fa == fb || fa.starts_with(fb.as_str()) || fb.starts_with(fa.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_are_the_country_lines_first() {
        for (e, entry) in lex().entries.iter().enumerate() {
            let want = lx::COUNTRIES
                .iter()
                .find(|c| c.split([';', '|']).next() == Some(entry.name()))
                .and_then(|c| c.split(';').nth(1))
                .and_then(|d| d.split('|').next())
                .filter(|d| !d.is_empty());
            assert_eq!(demonym_of(e), want, "{}", entry.name());
        }
        assert_eq!(demonym_of(lex().entries.len()), None);
    }

    fn names(text: &str) -> Vec<(String, ActorKind)> {
        let doc = Document::parse(text, None);
        find(&doc)
            .list
            .into_iter()
            .map(|a| (a.name, a.kind))
            .collect()
    }

    #[test]
    fn titles_roles_and_surnames() {
        let text = "Pakistan’s Foreign Minister Ishaq Dar met Taliban spokesperson Zabihullah Mujahid in Kabul. Dar said talks would resume.";
        let doc = Document::parse(text, None);
        let actors = find(&doc);
        let dar = actors
            .list
            .iter()
            .find(|a| a.name == "Ishaq Dar")
            .expect("Ishaq Dar found");
        assert_eq!(dar.spans.len(), 2);
        assert_eq!(dar.role.as_deref(), Some("Foreign Minister"));
        assert!(actors
            .list
            .iter()
            .any(|a| a.name == "Zabihullah Mujahid"
                && a.role.as_deref() == Some("Taliban spokesperson")));
        assert!(actors.list.iter().any(|a| a.name == "Taliban"));
    }

    #[test]
    fn unseen_organisations_and_acronyms() {
        let n = names("The Coastal Liberation Front (CLF) attacked a post. Later the CLF denied it, and the Ministry of Maritime Affairs of Varnesia said it would respond.");
        assert!(
            n.contains(&(
                "Coastal Liberation Front".to_string(),
                ActorKind::ArmedGroup
            )),
            "{n:?}"
        );
        assert!(
            n.iter()
                .any(|(x, k)| x == "Ministry of Maritime Affairs of Varnesia"
                    && *k == ActorKind::Organization),
            "{n:?}"
        );
        assert_eq!(
            n.iter()
                .filter(|(x, _)| x.contains("CLF") || x.contains("Coastal"))
                .count(),
            1
        );
    }

    #[test]
    fn metonymy_and_governments() {
        let text = "Islamabad accused Kabul of harbouring the TTP. The Taliban-led government denied it. Pakistan said the Afghan government must act.";
        let doc = Document::parse(text, None);
        let actors = find(&doc);
        let pk = actors
            .list
            .iter()
            .find(|a| a.name == "Pakistan")
            .expect("Pakistan");
        assert!(pk.aliases.contains(&"Islamabad".to_string()));
        let tb = actors
            .list
            .iter()
            .find(|a| a.name == "Taliban")
            .expect("Taliban");
        assert!(
            tb.aliases.contains(&"Kabul".to_string()),
            "{:?}",
            tb.aliases
        );
        assert!(!actors.list.iter().any(|a| a.name == "Afghanistan"));
    }

    #[test]
    fn places_weekdays_and_headings_are_not_actors() {
        let n = names("Talks Resume in Doha\nFighting reignited on Saturday night in South Waziristan, near the Durand Line, officials said.");
        assert!(n.is_empty(), "{n:?}");
    }

    #[test]
    fn skeleton_merges_spelling_variants() {
        assert_eq!(skeleton("Tehreek-e-Taliban"), skeleton("Tehrik-e-Taliban"));
        assert_eq!(skeleton("Ameer"), skeleton("Amir"));
        assert_eq!(skeleton("Muhammad"), skeleton("Mohammad"));
    }
}
