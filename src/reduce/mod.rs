//! Input reduction: HTML and Markdown → the article's plain text.
//!
//! This module owns format sniffing ([`sniff`]) and the reduction of a page
//! ([`html_to_text`]) or a Markdown document ([`markdown_to_text`]) to the
//! plain text every later stage analyses, so every offset handed to the
//! page indexes the *reduced* text.
//!
//! # Output conventions
//! The document stage relies on these:
//! - one block per line, blocks separated by one blank line (`"\n\n"`); a
//!   block never contains a newline, and whitespace inside it is collapsed
//!   to single spaces (no-break spaces included; soft hyphens and
//!   zero-width spaces removed);
//! - the headline first when there is one (HTML: the `<title>`, or the
//!   `<h1>` when the title is that `<h1>` plus a site name, or the first
//!   `<h1>` when there is no title; Markdown: front-matter `title:`), then
//!   the body in order;
//! - headings on their own line, as written (no punctuation added);
//! - list items (nested or not, ordered or not) as lines starting `"- "`;
//! - inline markup removed: links keep their text, images are dropped,
//!   entities decoded, attributes never appear;
//! - HTML: `<script>`, `<style>`, `<noscript>`, `<template>`, `<iframe>`,
//!   `<svg>`, `<canvas>`, `<button>`, `<select>`, `<textarea>`, `<nav>`,
//!   `<aside>`, `<menu>`, `<dialog>`, media, and the page's own
//!   `<header>`/`<footer>` (not an article's) never contribute text, nor do
//!   elements with `role` navigation/search/complementary… When the page
//!   has `<article>` elements (else a `<main>`), only the article is kept;
//!   elements that are hidden, `<form>`s, and elements whose `class`/`id`
//!   name site furniture (`share`, `newsletter`, `related`, `comments`, …)
//!   are dropped unless that would leave almost nothing;
//! - Markdown: code fences are kept, one block per code line (never lose
//!   quoted text); tables become one block per row, cells separated by
//!   spaces; front matter, reference definitions and thematic breaks
//!   vanish.
//!
//! # Robustness
//! Neither function panics, recurses on the input's nesting, or costs more
//! than linear time: malformed tags, a lone `<`, 100 000 nested elements
//! and unterminated constructs are all fine (see the tests).

mod entities;
mod html;
mod markdown;

pub use html::html_to_text;
pub use markdown::markdown_to_text;

/// The format of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, analysed as it is.
    Text,
    /// Markdown: reduce with [`markdown_to_text`].
    Markdown,
    /// HTML: reduce with [`html_to_text`].
    Html,
}

/// How much of the input [`sniff`] looks at.
const SNIFF_BYTES: usize = 4096;

/// Guesses the format from the first few KB of `input`.
///
/// HTML when the input (after a BOM and whitespace) starts with a doctype,
/// a comment or a common page/block tag, or when its start holds several
/// well-formed block tags; Markdown when it holds Markdown structure (a
/// heading line, a link, bold, a list, a block quote, a fence) with at least
/// two signals, or one heading line followed by prose; else text. One `<`
/// (`"x < y"`) or one `*` keeps plain text plain.
pub fn sniff(input: &str) -> Format {
    let head = prefix(input, SNIFF_BYTES);
    let body = head.trim_start_matches('\u{feff}').trim_start();
    if starts_like_html(body) {
        return Format::Html;
    }
    let Some(marks) = marks(head) else {
        return Format::Html;
    };
    if markdown_signals(head, &marks) >= 2 {
        return Format::Markdown;
    }
    Format::Text
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char
/// boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

const START_TAGS: &[&str] = &[
    "!doctype",
    "!--",
    "html",
    "head",
    "body",
    "article",
    "main",
    "section",
    "div",
    "p",
    "meta",
    "title",
    "link",
    "h1",
    "h2",
    "h3",
    "header",
    "nav",
    "span",
    "table",
    "ul",
    "ol",
    "figure",
    "blockquote",
    "script",
    "style",
    "?xml",
];

/// True when `s` starts with `<` + one of [`START_TAGS`] followed by a
/// delimiter (`>`, `/` or whitespace).
fn starts_like_html(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('<') else {
        return false;
    };
    START_TAGS.iter().any(|t| {
        let Some(head) = rest.get(..t.len()) else {
            return false;
        };
        if !head.eq_ignore_ascii_case(t) {
            return false;
        }
        if t.starts_with('!') || t.starts_with('?') {
            return true;
        }
        matches!(
            rest.as_bytes().get(t.len()),
            Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
        )
    })
}

const BLOCK_TAGS: &[&[u8]] = &[
    b"p",
    b"div",
    b"br",
    b"li",
    b"ul",
    b"ol",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"table",
    b"tr",
    b"td",
    b"article",
    b"section",
    b"blockquote",
    b"span",
    b"a",
    b"strong",
    b"em",
    b"b",
    b"i",
];

/// True when the `<` at `lt` opens a tag such as `<p>`, `</div>`,
/// `<a href=…>` (name from [`BLOCK_TAGS`], then `>`, `/` or whitespace).
fn is_block_tag(b: &[u8], lt: usize) -> bool {
    let mut j = lt + 1;
    if b.get(j) == Some(&b'/') {
        j += 1;
    }
    let name_end = b[j.min(b.len())..]
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .map_or(b.len(), |p| j + p);
    let name = &b[j.min(name_end)..name_end];
    let delimited = matches!(
        b.get(name_end),
        Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
    );
    delimited && BLOCK_TAGS.iter().any(|t| name.eq_ignore_ascii_case(t))
}

/// Counts kinds of Markdown structure in `s` (whose [`Marks`] are
/// `marks`), each kind once.
fn markdown_signals(s: &str, marks: &Marks) -> usize {
    let (mut heading, mut list, mut quote, mut fence, mut rule) = (0, 0, 0, false, false);
    for line in s.lines() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        if indent > 3 {
            continue;
        }
        let hashes = t.bytes().take_while(|&c| c == b'#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            heading += 1;
        }
        if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
            list += 1;
        }
        if t.starts_with("> ") {
            quote += 1;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = true;
        }
        if t.len() >= 3 && (t.bytes().all(|c| c == b'-') || t.bytes().all(|c| c == b'*')) {
            rule = true;
        }
    }
    let link = marks.link;
    let bold = marks.stars >= 2 || marks.underscores >= 2;
    let code = marks.backticks >= 2 && marks.backticks.is_multiple_of(2);
    let mut n = [
        heading > 0,
        list >= 2,
        quote > 0,
        fence,
        rule,
        link,
        bold,
        code,
    ]
    .iter()
    .filter(|x| **x)
    .count();
    // A document made of `#` headings and prose is Markdown on its own.
    if heading >= 2 || (heading == 1 && s.trim_start().starts_with('#')) {
        n += 1;
    }
    n
}

/// Emphasis, code and link marks in a sniffed prefix.
struct Marks {
    /// Non-overlapping `**` pairs.
    stars: usize,
    /// Non-overlapping `__` pairs.
    underscores: usize,
    /// Single backticks.
    backticks: usize,
    /// `[text](target)` or `[text][ref]`: a `](` or `][` with a `[` less
    /// than 200 bytes before it.
    link: bool,
}

/// The bytes [`marks`] looks at; every other byte is skipped.
const MARK_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < 6 {
        t[b"<*_`[]"[k] as usize] = true;
        k += 1;
    }
    t
};

/// Counts [`Marks`] in one pass over the bytes (sniffing runs on every
/// analysis, so it must cost next to nothing), or `None` as soon as `s`
/// holds three block tags (see [`is_block_tag`]): then it is HTML whatever
/// the marks.
fn marks(s: &str) -> Option<Marks> {
    let b = s.as_bytes();
    let mut m = Marks {
        stars: 0,
        underscores: 0,
        backticks: 0,
        link: false,
    };
    let mut tags = 0;
    let mut last_open: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if !MARK_BYTES[usize::from(c)] {
            i += 1;
            continue;
        }
        match c {
            b'<' if is_block_tag(b, i) => {
                tags += 1;
                if tags >= 3 {
                    return None;
                }
            }
            b'*' | b'_' if b.get(i + 1) == Some(&c) => {
                if c == b'*' {
                    m.stars += 1;
                } else {
                    m.underscores += 1;
                }
                i += 2;
                continue;
            }
            b'`' => m.backticks += 1,
            b'[' => last_open = Some(i),
            b']' if matches!(b.get(i + 1), Some(b'(' | b'['))
                && last_open.is_some_and(|open| i - open < 200) =>
            {
                m.link = true;
            }
            _ => {}
        }
        i += 1;
    }
    Some(m)
}

/// Reduced output: blocks of some kind, in order.
pub(crate) struct Blocks(pub(crate) Vec<(BlockKind, String)>);

/// What a reduced block is (it decides the `"- "` marker only; the
/// document stage re-derives kinds from the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
}

impl Blocks {
    /// The text: blocks separated by a blank line.
    pub(crate) fn join(self) -> String {
        let cap = self.0.iter().map(|b| b.1.len() + 2).sum();
        let mut out = String::with_capacity(cap);
        for (_, text) in self.0 {
            let text = text.trim_matches(' ');
            if text.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(text);
        }
        out
    }
}

/// Appends `s` to `buf`, collapsing any run of whitespace (or control
/// characters) to one space, never starting `buf` with a space, and
/// removing invisible characters (soft hyphen, zero-width space, BOM, word
/// joiner).
pub(crate) fn push_collapsed(buf: &mut String, s: &str) {
    let mut space = buf.is_empty() || buf.ends_with(' ');
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            if !space {
                buf.push(' ');
                space = true;
            }
        } else if !matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}') {
            buf.push(c);
            space = false;
        }
    }
}

#[cfg(test)]
mod tests;
