//! Stage 1: text → document. Sniffs the format, reduces HTML and Markdown
//! to text, separates site clutter and page metadata (navigation, bylines,
//! author bios, subscription pleas, comment forms, repeated headlines) from
//! the article body, and splits the body into blocks (paragraphs, headings,
//! list items), sentences and tokens, all as byte ranges of
//! [`Document::text`]. Every range lies on character boundaries.

use std::borrow::Cow;

use crate::lexicon;
use crate::text::{self, Tok, Token};

/// The parsed article.
pub struct Document<'a> {
    /// The text all ranges index: the input, or the input reduced to text.
    pub text: Cow<'a, str>,
    /// `"text"`, `"markdown"` or `"html"`.
    pub format: &'static str,
    /// Body blocks in order.
    pub blocks: Vec<Block>,
    /// Body sentences in order.
    pub sentences: Vec<Sentence>,
    /// Tokens of all sentences, in order; each sentence owns a range.
    pub tokens: Vec<Token>,
    /// The folded (lowercase) form of each token, for lookups.
    pub folded: text::Folded,
    /// For each token, the indexed lexicon lists its folded form is in
    /// ([`lexicon::lists_of`]): read through [`Document::in_list`].
    pub lists: Vec<u32>,
    /// Ranges left out of the analysis, with the reason.
    pub excluded: Vec<(usize, usize, &'static str)>,
    /// Detected page metadata.
    pub meta: Meta,
    /// True when the input was cut at [`crate::MAX_INPUT_BYTES`].
    pub truncated: bool,
    /// True when [`Document::text`] is not the input itself but the input
    /// reduced to text (HTML, Markdown): the offsets then index this text.
    pub reduced: bool,
}

/// Page metadata: what the page says about the article, not the article.
#[derive(Default)]
pub struct Meta {
    /// The article's headline.
    pub headline: Option<String>,
    /// The byline's author.
    pub author: Option<String>,
    /// The publication.
    pub outlet: Option<String>,
    /// The publication date as written.
    pub date: Option<String>,
}

/// What a block of the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph of running text.
    Paragraph,
    /// A section heading or the headline: names are read, claims are not.
    Heading,
    /// An item of a bulleted or numbered list (marker excluded).
    ListItem,
}

/// A body block: byte range and kind.
#[derive(Debug, Clone, Copy)]
pub struct Block {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// What the block is.
    pub kind: BlockKind,
    /// A transcript turn's speaker label ("MAO NING", "Q"), without the colon.
    pub label: Option<(usize, usize)>,
}

/// A sentence: byte range, its block and its tokens.
#[derive(Debug, Clone, Copy)]
pub struct Sentence {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Index into [`Document::blocks`].
    pub block: usize,
    /// First token index into [`Document::tokens`].
    pub tok_start: usize,
    /// One past the last token index.
    pub tok_end: usize,
}

impl Sentence {
    /// The sentence's tokens.
    pub fn tokens<'d>(&self, doc: &'d Document) -> &'d [Token] {
        &doc.tokens[self.tok_start..self.tok_end]
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Line {
    Blank,
    Clutter,
    Metadata,
    Duplicate,
    Heading,
    List,
    Body,
}

impl<'a> Document<'a> {
    /// Parses `input`; `format` forces `"text"`, `"markdown"` or `"html"`.
    pub fn parse(input: &'a str, format: Option<&str>) -> Document<'a> {
        let (input, truncated) = if input.len() > crate::MAX_INPUT_BYTES {
            (
                &input[..crate::offsets::floor_char_boundary(input, crate::MAX_INPUT_BYTES)],
                true,
            )
        } else {
            (input, false)
        };
        let (text, format) = reduce(input, format);
        // about one token per five bytes of prose: grown once at most
        let tokens = Vec::with_capacity(text.len() / 5);
        let mut doc = Document {
            text,
            format,
            blocks: Vec::new(),
            sentences: Vec::new(),
            tokens,
            folded: text::Folded::default(),
            lists: Vec::new(),
            excluded: Vec::new(),
            meta: Meta::default(),
            truncated,
            reduced: false,
        };
        doc.reduced = matches!(doc.text, Cow::Owned(_));
        doc.layout();
        doc.folded = text::Folded::new(&doc.text, &doc.tokens);
        doc.lists = (0..doc.tokens.len())
            .map(|i| match doc.folded.get(i) {
                "" => 0,
                w => lexicon::lists_of(w),
            })
            .collect();
        doc
    }

    /// True when token `i`'s folded form is in `list` (false past the last
    /// token): a bit test for the indexed lists, a scan for others.
    #[inline]
    pub fn in_list(&self, list: &[&str], i: usize) -> bool {
        match lexicon::bit(list) {
            Some(bit) => self.lists.get(i).is_some_and(|m| m & bit != 0),
            None => list.contains(&self.folded.get(i)),
        }
    }

    /// True when token `i`'s folded form is a reporting cue's word form
    /// ([`lexicon::CUE`]; false past the last token): the claim stage's cue
    /// map holds only such words.
    #[inline]
    pub fn is_cue(&self, i: usize) -> bool {
        self.lists.get(i).is_some_and(|m| m & lexicon::CUE != 0)
    }

    fn layout(&mut self) {
        let (lines, kinds, meta) = plan(&self.text);
        self.meta = meta;
        // Only the first paragraph of the body can open with a wire dateline.
        let mut first_paragraph = true;
        // sentence cuts of a paragraph: one buffer for all paragraphs
        let mut cuts = Vec::new();
        for (&(s, e), kind) in lines.iter().zip(kinds) {
            let reason = match kind {
                Line::Blank => continue,
                Line::Clutter => "clutter",
                Line::Metadata => "metadata",
                Line::Duplicate => "duplicate",
                Line::Heading => {
                    self.push_block(s, e, BlockKind::Heading, false, &mut cuts);
                    continue;
                }
                Line::List => {
                    let ms = list_marker_end(&self.text, s);
                    self.push_block(ms, e, BlockKind::ListItem, false, &mut cuts);
                    continue;
                }
                Line::Body => {
                    if self.push_block(s, e, BlockKind::Paragraph, first_paragraph, &mut cuts) {
                        first_paragraph = false;
                    }
                    continue;
                }
            };
            self.exclude(s, e, reason);
        }
    }

    /// Records an excluded range; a run of excluded lines with the same
    /// reason and only whitespace between them is one range (a page of
    /// thousands of separator lines costs one entry, not thousands).
    fn exclude(&mut self, start: usize, end: usize, reason: &'static str) {
        if let Some(last) = self.excluded.last_mut() {
            if last.2 == reason && self.text[last.1..start].trim().is_empty() {
                last.1 = end;
                return;
            }
        }
        self.excluded.push((start, end, reason));
    }

    /// Adds a block and its sentences; `first_paragraph` says no paragraph
    /// has given a sentence yet; `cuts` is scratch space for its sentence
    /// cuts. Returns whether any sentence was added.
    fn push_block(
        &mut self,
        start: usize,
        end: usize,
        kind: BlockKind,
        first_paragraph: bool,
        cuts: &mut Vec<usize>,
    ) -> bool {
        if start >= end {
            return false;
        }
        let sentences_before = self.sentences.len();
        let b = self.blocks.len();
        let label = if kind == BlockKind::Paragraph {
            turn_label(&self.text[start..end]).map(|(n, skip)| ((start, start + n), start + skip))
        } else {
            None
        };
        let start = label.map_or(start, |l| l.1);
        self.blocks.push(Block {
            start,
            end,
            kind,
            label: label.map(|l| l.0),
        });
        let text: &str = &self.text;
        cuts.clear();
        // a wire dateline opening the first paragraph: "PORT SUDAN, Oct 14 (Reuters) - "
        let start = match (kind, first_paragraph) {
            (BlockKind::Paragraph, true) => match dateline_end(&text[start..end]) {
                Some(d) => {
                    self.excluded.push((start, start + d, "metadata"));
                    text::trim_range(text, start + d, end, &[]).0
                }
                None => start,
            },
            _ => start,
        };
        if kind == BlockKind::Paragraph {
            split_sentences(text, start, end, cuts);
        }
        let mut from = start;
        for &cut in cuts.iter().chain(std::iter::once(&end)) {
            let (s, e) = text::trim_range(text, from, cut, &[]);
            from = cut;
            if s >= e {
                continue;
            }
            let tok_start = self.tokens.len();
            text::tokenize(text, s, e, &mut self.tokens);
            split_glued(text, &mut self.tokens, tok_start);
            let tok_end = self.tokens.len();
            self.sentences.push(Sentence {
                start: s,
                end: e,
                block: b,
                tok_start,
                tok_end,
            });
        }
        self.sentences.len() > sentences_before
    }

    /// The same document owning its text (copied if it was borrowed), so it
    /// can outlive the input: the page's worker keeps a document between
    /// the steps of an analysis ([`crate::job`]).
    pub fn into_owned(self) -> Document<'static> {
        Document {
            text: Cow::Owned(self.text.into_owned()),
            format: self.format,
            blocks: self.blocks,
            sentences: self.sentences,
            tokens: self.tokens,
            folded: self.folded,
            lists: self.lists,
            excluded: self.excluded,
            meta: self.meta,
            truncated: self.truncated,
            reduced: self.reduced,
        }
    }

    /// Words in the body.
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| t.kind == Tok::Word).count()
    }
}

/// Classifies every non-blank line of `text` (its trimmed range and kind)
/// and reads the page metadata.
fn plan(text: &str) -> (Vec<(usize, usize)>, Vec<Line>, Meta) {
    let mut meta = Meta::default();
    // Lines with their trimmed ranges.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let (s, e) = text::trim_range(text, pos, pos + raw.len(), &[]);
        pos += raw.len();
        // blank lines carry nothing the later passes read: keeping them
        // would cost 16 bytes per newline on a page of empty lines
        if s < e {
            lines.push((s, e));
        }
    }
    let mut kinds: Vec<Line> = lines.iter().map(|&(s, e)| classify(&text[s..e])).collect();

    // Everything after a strong end-of-article marker in the last part
    // of the page is clutter (comment forms, subscription pleas).
    let tail_from = text.len() / 2;
    if let Some(i) = lines
        .iter()
        .position(|&(s, e)| s >= tail_from && is_tail_marker(&text[s..e]))
    {
        for k in kinds.iter_mut().skip(i) {
            if *k != Line::Blank {
                *k = Line::Clutter;
            }
        }
    }

    // Repeated lines (a headline shown twice, a standfirst repeated in the body).
    let mut seen: rustc_hash::FxHashSet<&str> = Default::default();
    for (i, &(s, e)) in lines.iter().enumerate() {
        if matches!(kinds[i], Line::Blank | Line::Clutter | Line::Metadata) || e - s < 12 {
            continue;
        }
        if !seen.insert(&text[s..e]) {
            kinds[i] = Line::Duplicate;
        }
    }
    // Headline: the first short heading-like line before the first body paragraph.
    let first_body = kinds
        .iter()
        .position(|k| *k == Line::Body)
        .unwrap_or(lines.len());
    if let Some(h) = (0..first_body).find(|&i| kinds[i] == Line::Heading) {
        let (s, e) = lines[h];
        meta.headline = Some(text[s..e].to_string());
    }
    meta.date = lines
        .iter()
        .zip(&kinds)
        .take(first_body + 1)
        .chain(
            lines
                .iter()
                .zip(&kinds)
                .filter(|(_, k)| **k == Line::Metadata),
        )
        .find_map(|(&(s, e), _)| find_date(&text[s..e]));
    for (&(s, e), k) in lines.iter().zip(&kinds) {
        if matches!(
            k,
            Line::Metadata | Line::Clutter | Line::Body | Line::Heading
        ) {
            let line = &text[s..e];
            if meta.author.is_none() && s < text.len() / 3 {
                meta.author = byline_author(line);
            }
            if meta.outlet.is_none() && *k == Line::Metadata {
                meta.outlet = bio_outlet(line);
            }
        }
    }

    (lines, kinds, meta)
}

/// A transcript turn: "MAO NING: …", "Q: …", "Mao Ning: …" → (label length, text start).
fn turn_label(p: &str) -> Option<(usize, usize)> {
    let colon = p[..crate::offsets::floor_char_boundary(p, 48)].find(':')?;
    let label = p[..colon].trim();
    let rest = p[colon + 1..].trim_start();
    if label.is_empty()
        || rest.is_empty()
        || label.split_whitespace().count() > 4
        || !label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\''))
    {
        return None;
    }
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.iter().all(|c| c.is_uppercase());
    let qa = matches!(label, "Q" | "A");
    let name_like = {
        let words: Vec<&str> = label.split_whitespace().collect();
        (2..=3).contains(&words.len())
            && words.iter().all(|w| text::is_capitalized(w))
            && lexicon::FIRST_NAMES.contains(&text::fold(words[0]).as_str())
    };
    ((all_caps && letters.len() >= 2) || qa || name_like)
        .then(|| (label.len(), p.len() - rest.len()))
}

/// Length of a dateline at the start of a paragraph: upper-case place,
/// optional date and agency, then a dash.
fn dateline_end(p: &str) -> Option<usize> {
    let head = &p[..crate::offsets::floor_char_boundary(p, 80)];
    let dash = head
        .find(" - ")
        .or_else(|| head.find(" — "))
        .or_else(|| head.find(" – "))?;
    let head = &p[..dash];
    let place: String = head
        .chars()
        .take_while(|c| *c != ',' && *c != '(')
        .collect();
    let upper = place
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase())
        && place.chars().any(|c| c.is_alphabetic());
    if !upper {
        return None;
    }
    let sep = p[dash..].chars().take(3).map(char::len_utf8).sum::<usize>();
    Some(dash + sep)
}

/// Repairs a dash lost in copy-paste: "Afghanistana coalition" → "Afghanistan" "a".
fn split_glued(text: &str, tokens: &mut Vec<Token>, from: usize) {
    let mut i = from;
    while i < tokens.len() {
        let t = tokens[i];
        let w = t.text(text);
        if t.kind == Tok::Word
            && w.len() > 6
            && text::is_capitalized(w)
            && (w.ends_with('a') || w.ends_with("an") || w.ends_with("the"))
            && !lexicon::is_country_name(w)
        {
            for tail in ["a", "an", "the"] {
                let Some(head) = w.strip_suffix(tail) else {
                    continue;
                };
                let known = lexicon::is_country_name(head);
                if known
                    && i + 1 < tokens.len()
                    && tokens[i + 1].kind == Tok::Word
                    && !text::is_capitalized(tokens[i + 1].text(text))
                {
                    let cut = t.start + head.len() as u32;
                    tokens[i].end = cut;
                    tokens.insert(
                        i + 1,
                        Token {
                            start: cut,
                            end: t.end,
                            kind: Tok::Word,
                        },
                    );
                    break;
                }
            }
        }
        i += 1;
    }
}

/// Reduces HTML and Markdown to text (see [`crate::reduce`]); plain text is kept as it is.
fn reduce<'a>(input: &'a str, format: Option<&str>) -> (Cow<'a, str>, &'static str) {
    use crate::reduce::{self, Format};
    let format = match format.map(|f| f.to_ascii_lowercase()) {
        Some(f) if f == "html" || f == "htm" => Format::Html,
        Some(f) if f == "markdown" || f == "md" => Format::Markdown,
        Some(f) if f == "text" || f == "txt" || f == "plain" => Format::Text,
        _ => reduce::sniff(input),
    };
    match format {
        Format::Text => (Cow::Borrowed(input), "text"),
        Format::Html => (Cow::Owned(reduce::html_to_text(input)), "html"),
        Format::Markdown => (Cow::Owned(reduce::markdown_to_text(input)), "markdown"),
    }
}

/// Byte positions inside `text[start..end]` where a new sentence starts.
fn split_sentences(text: &str, start: usize, end: usize, cuts: &mut Vec<usize>) {
    let s = &text[start..end];
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // most 16-byte runs hold no mark: one branch-free test (vectorised)
        // skips them instead of a compare and a branch per byte
        if let Some(run) = b[i..].first_chunk::<16>() {
            if !run
                .iter()
                .fold(false, |m, &c| m | (c == b'.') | (c == b'!') | (c == b'?'))
            {
                i += 16;
                continue;
            }
        }
        let c = b[i];
        if c == b'.' || c == b'!' || c == b'?' {
            // skip closing quotes and brackets after the mark
            let mut j = i + 1;
            loop {
                let rest = &s[j..];
                if let Some(ch) = rest.chars().next() {
                    if matches!(ch, '”' | '’' | '"' | '\'' | ')' | ']' | '»') {
                        j += ch.len_utf8();
                        continue;
                    }
                    if matches!(ch, '.' | '!' | '?') {
                        j += 1;
                        continue;
                    }
                }
                break;
            }
            let rest = &s[j..];
            let ws = rest.len() - rest.trim_start().len();
            let next = rest[ws..].chars().next();
            let starts_sentence = next.is_some_and(|n| {
                n.is_uppercase() || n.is_ascii_digit() || matches!(n, '“' | '"' | '‘' | '(' | '\'')
            });
            if ws > 0 && starts_sentence && !(c == b'.' && is_abbreviation(s, i)) {
                cuts.push(start + j + ws);
            } else if ws == 0 && c == b'.' && glued_sentence(s, i) {
                // "self-defence.This scenario": a lost space after a full stop
                cuts.push(start + j);
            }
            i = j;
            continue;
        }
        i += 1;
    }
}

/// The word before the full stop at `dot` is an abbreviation or an initial.
fn is_abbreviation(s: &str, dot: usize) -> bool {
    let before = &s[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, |c| c.len_utf8())
        });
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true; // an initial: "S. Rajaratnam"
    }
    if word.contains('.') {
        return true; // "U.S." already has its dots
    }
    let mut buf = [0u8; 48];
    text::fold_into(word, &mut buf).is_some_and(|w| lexicon::ABBREVIATIONS.contains(&w))
}

fn glued_sentence(s: &str, dot: usize) -> bool {
    let before = s[..dot].chars().rev().take(3).collect::<Vec<_>>();
    let after: Vec<char> = s[dot + 1..].chars().take(2).collect();
    before.len() == 3
        && before.iter().all(|c| c.is_lowercase())
        && after.len() == 2
        && after[0].is_uppercase()
        && after[1].is_lowercase()
}

fn list_marker_end(text: &str, start: usize) -> usize {
    let s = &text[start..];
    let mut chars = s.char_indices();
    match chars.next() {
        Some((_, '-' | '*' | '•' | '–' | '—' | '·' | '▪')) => {}
        Some((_, d)) if d.is_ascii_digit() => {
            let p = s.find(['.', ')']).unwrap_or(0);
            return text::trim_range(text, start + p + 1, text.len(), &[]).0;
        }
        _ => return start,
    }
    let first = s.chars().next().map_or(1, |c| c.len_utf8());
    text::trim_range(text, start + first, text.len(), &[]).0
}

/// Words in `line`, counted up to `cap` (the callers only compare the count
/// with small thresholds; a long paragraph is not walked to its end).
fn words(line: &str, cap: usize) -> usize {
    // `split_whitespace().take(cap).count()`, on bytes in chunks checked
    // against `cap` (the count is exact up to `cap`): an ASCII chunk takes
    // a branch-free loop; elsewhere only a character's first byte is read
    // (decoded when not ASCII), its continuation bytes change nothing
    let mut n = 0;
    let mut in_word = false;
    let mut at = 0;
    for chunk in line.as_bytes().chunks(32) {
        if n >= cap {
            break;
        }
        if chunk.is_ascii() {
            // word starts: a non-space after a space, each pair tested on its
            // own (no state carried from byte to byte) and counted in a u8
            // (at most 31 pairs), so the loop vectorises
            let space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
            let first = chunk[0];
            n += usize::from(!space(first) && !in_word);
            n += chunk
                .iter()
                .zip(&chunk[1..])
                .fold(0u8, |k, (&a, &b)| k + u8::from(space(a) & !space(b)))
                as usize;
            in_word = !space(chunk[chunk.len() - 1]);
        } else {
            for (k, &b) in chunk.iter().enumerate() {
                let space = match b {
                    b' ' | b'\t'..=b'\r' => true,
                    0x80..=0xBF => continue,
                    0xC0.. => line[at + k..]
                        .chars()
                        .next()
                        .is_some_and(char::is_whitespace),
                    _ => false,
                };
                n += usize::from(!space && !in_word);
                in_word = !space;
            }
        }
        at += chunk.len();
    }
    n.min(cap)
}

fn classify(line: &str) -> Line {
    if line.is_empty() {
        return Line::Blank;
    }
    if !line.chars().any(|c| c.is_alphanumeric()) {
        return Line::Clutter;
    }
    // the thresholds below are at most 16 but for two (24 and 40), which
    // count on only when their line could otherwise match
    let n_words = words(line, 17);
    let at_most = |limit: usize| words(line, limit + 1) <= limit;
    // clutter and metadata are recognised from a line's first words: fold only those
    let head = &line[..crate::offsets::floor_char_boundary(line, 96)];
    let (mut head_buf, mut tail_buf) = (text::FoldBuf::default(), text::FoldBuf::default());
    let lower = head_buf.fold(head.trim_start_matches(['-', '*', '•', ' ', '(']));
    let bare = lower.trim_end_matches([':', '.', '!', ' ', ')']);
    if (line.len() <= 96 && starts_any(bare, lexicon::CLUTTER_LINES, true))
        || (starts_any(bare, lexicon::CLUTTER_PREFIXES, false) && at_most(24))
    {
        return Line::Clutter;
    }
    if line.contains(" | ") && at_most(40) && (line.matches(" | ").count() >= 2 || n_words <= 8) {
        return Line::Clutter;
    }
    // breadcrumb glued to a title: "HomeOpinionPakistan’s …"
    if line.starts_with("Home") && line[4..].chars().next().is_some_and(|c| c.is_uppercase()) {
        return Line::Clutter;
    }
    let tail = &line[crate::offsets::floor_char_boundary(line, line.len().saturating_sub(80))..];
    let tail_lower = tail_buf.fold(tail);
    if starts_any(bare, lexicon::METADATA_PREFIXES, false)
        || tail_lower.contains("views are personal")
        || tail_lower.contains("can be reached at")
        || tail_lower.contains("contributed to this report")
        || tail_lower.contains("contributed reporting")
    {
        return Line::Metadata;
    }
    if (n_words <= 14 && is_byline(line))
        || (n_words <= 6 && find_date(line).is_some() && !line.ends_with('.'))
    {
        return Line::Metadata;
    }
    let first = line.chars().next().unwrap_or(' ');
    let rest = &line[first.len_utf8()..];
    if matches!(first, '-' | '*' | '•' | '–' | '·' | '▪') && rest.starts_with(' ') {
        return Line::List;
    }
    if first.is_ascii_digit()
        && line
            .find(['.', ')'])
            .is_some_and(|p| p <= 3 && line[p + 1..].starts_with(' '))
        && n_words > 2
    {
        return Line::List;
    }
    let last = line.chars().next_back().unwrap_or('.');
    let terminal =
        matches!(last, '.' | '!' | ';' | ',' | '”' | '"' | ':') || (last == '?' && n_words > 14);
    if !terminal && n_words <= 16 {
        return Line::Heading;
    }
    Line::Body
}

fn is_tail_marker(line: &str) -> bool {
    // markers are a few words (at most 25 bytes): a line of more than ten
    // words whose trimmed text is over 96 bytes (still over 25 once folded,
    // which shrinks a character at most 3x) can match none, and is not
    // folded: this runs on every line of a page's second half
    if line.trim_end_matches([':', '.', '!', ' ']).len() > 96 && words(line, 11) > 10 {
        return false;
    }
    let mut buf = text::FoldBuf::default();
    let lower = buf.fold(line);
    let bare = lower.trim_end_matches([':', '.', '!', ' ']);
    lexicon::TAIL_MARKERS
        .iter()
        .any(|m| bare == *m || (bare.starts_with(m) && words(line, 11) <= 10))
}

/// "Kamran Yousaf November 10, 2025 3 min read", "By Jane Doe".
fn is_byline(line: &str) -> bool {
    // counted before folding: most lines of a page are too long to be bylines
    let n = words(line, 15);
    if n > 14 {
        return false;
    }
    let mut buf = text::FoldBuf::default();
    let lower = buf.fold(line);
    (lower.starts_with("by ") && n <= 8 && !line.ends_with('.')) || lower.contains(" min read")
}

fn byline_author(line: &str) -> Option<String> {
    if !is_byline(line) {
        return None;
    }
    let mut buf = text::FoldBuf::default();
    let body = if buf.fold(line).starts_with("by ") {
        &line[3..]
    } else {
        line
    };
    // names are the leading capitalised words before a date or "|"
    let name: Vec<&str> = body
        .split_whitespace()
        .take_while(|w| {
            text::is_capitalized(w) && !is_month(w.trim_end_matches([',', '.'])) && !w.contains('|')
        })
        .collect();
    (name.len() >= 2 && name.len() <= 4).then(|| name.join(" ").trim_end_matches(',').to_string())
}

/// "The writer is a … correspondent at The Express Tribune" → the outlet.
fn bio_outlet(line: &str) -> Option<String> {
    let p = line.rfind(" at ")?;
    let tail = line[p + 4..].trim_end_matches(['.', ' ']);
    let ok = !tail.is_empty()
        && words(tail, 6) <= 5
        && tail.split_whitespace().all(text::is_capitalized)
        && !tail.contains('@');
    ok.then(|| tail.to_string())
}

/// True when `s` starts with (`whole`: is) one of `list`. Every line is
/// tested against these lists: the first byte is compared before the rest,
/// which most entries fail, so few comparisons reach a `memcmp` call.
fn starts_any(s: &str, list: &[&str], whole: bool) -> bool {
    let first = s.as_bytes().first();
    list.iter().any(|p| {
        (p.is_empty() || p.as_bytes().first() == first)
            && if whole { s == *p } else { s.starts_with(p) }
    })
}

/// A month's name or abbreviation, in any case (no month is longer than
/// [`text::fold_into`] folds).
fn is_month(w: &str) -> bool {
    let mut buf = [0u8; 48];
    text::fold_into(w, &mut buf).is_some_and(|m| lexicon::MONTHS.contains(&m))
}

/// The first date written as "November 10, 2025", "10 November 2025" or "2025-11-10".
pub fn find_date(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if is_month(w.trim_end_matches([',', '.'])) {
            let day_after = words
                .get(i + 1)
                .map(|d| d.trim_end_matches(','))
                .filter(|d| d.len() <= 2 && d.chars().all(|c| c.is_ascii_digit()));
            let year = |k: usize| {
                words
                    .get(k)
                    .map(|y| y.trim_end_matches([',', '.', '|']))
                    .filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
            };
            if let (Some(d), Some(y)) = (day_after, year(i + 2)) {
                return Some(format!("{} {d}, {y}", w.trim_end_matches(',')));
            }
            let day_before = i
                .checked_sub(1)
                .and_then(|k| words.get(k))
                .filter(|d| d.len() <= 2 && d.chars().all(|c| c.is_ascii_digit()));
            if let (Some(d), Some(y)) = (day_before, year(i + 1)) {
                return Some(format!("{d} {} {y}", w.trim_end_matches(',')));
            }
        }
        let b = w.as_bytes();
        if b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && w.chars().filter(|c| c.is_ascii_digit()).count() == 8
        {
            return Some(w.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let d = Document::parse(text, None);
        d.sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect::<Vec<_>>()
    }

    #[test]
    fn words_counts_as_split_whitespace() {
        for line in [
            "",
            "  one  two\tthree\u{0b}four\u{85}five\u{a0}six\u{3000}seven ",
            "Pakistan’s “final” message — to\u{2003}the U.S.",
            "\u{2028}\u{2029} ééé  ü",
        ] {
            for cap in [0, 1, 3, 41] {
                let want = line.split_whitespace().take(cap).count();
                assert_eq!(words(line, cap), want, "{line:?} {cap}");
            }
        }
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let s = sentences("Gen. Asim Munir met U.S. officials. “We will respond.” He left.\nA researcher at S. Rajaratnam School said so. It ended.This scenario is likely.");
        assert_eq!(
            s,
            [
                "Gen. Asim Munir met U.S. officials.",
                "“We will respond.”",
                "He left.",
                "A researcher at S. Rajaratnam School said so.",
                "It ended.",
                "This scenario is likely."
            ]
        );
    }

    #[test]
    fn clutter_metadata_headline() {
        let text = "TODAY’S PAPER | November 10, 2025 | EPAPER\n\nPakistan done with Afghan Taliban?\n\nKamran Yousaf November 10, 2025 3 min read\nThe writer is a senior correspondent at The Express Tribune\n\nThe talks ended in a stalemate, officials said. More talks are planned.\n\nFollow Us :\nText Size:\n\nThe second paragraph says more.\n\nCOMMENTS\n\nReplying to X\n\nComments are moderated.";
        let d = Document::parse(text, None);
        assert_eq!(
            d.meta.headline.as_deref(),
            Some("Pakistan done with Afghan Taliban?")
        );
        assert_eq!(d.meta.author.as_deref(), Some("Kamran Yousaf"));
        assert_eq!(d.meta.outlet.as_deref(), Some("The Express Tribune"));
        assert_eq!(d.meta.date.as_deref(), Some("November 10, 2025"));
        let body: Vec<&str> = d
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| &text[b.start..b.end])
            .collect();
        assert_eq!(
            body,
            [
                "The talks ended in a stalemate, officials said. More talks are planned.",
                "The second paragraph says more."
            ]
        );
        // the comment tail is one clutter range: adjacent excluded lines merge
        assert!(d.excluded.iter().any(|&(s, e, r)| r == "clutter"
            && text[s..e].starts_with("COMMENTS")
            && text[s..e].ends_with("Comments are moderated.")));
    }

    #[test]
    fn datelines_and_labels_near_multibyte_characters() {
        // regression: a byte limit used to cut inside "’" and panic
        for text in [
            "Item 10: ISLAMABAD, Pakistan — When Pakistan’s Foreign Minister Ishaq Dar visited Kabul.\n",
            "ISLAMABAD — ’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’.\n",
            "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ: text\n",
        ] {
            let d = Document::parse(text, None);
            assert!(!d.sentences.is_empty());
        }
        let d = Document::parse(
            "PORT SUDAN, Oct 14 (Reuters) - The army said it held the city.",
            None,
        );
        assert_eq!(
            &d.text[d.sentences[0].start..d.sentences[0].end],
            "The army said it held the city."
        );
    }

    #[test]
    fn list_items_lose_their_markers() {
        let d = Document::parse(
            "Pakistan’s key demands included:\n- Strict action against TTP\n- Guarantee of peace\n",
            None,
        );
        let items: Vec<&str> = d
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .map(|b| &d.text[b.start..b.end])
            .collect();
        assert_eq!(items, ["Strict action against TTP", "Guarantee of peace"]);
    }
}
