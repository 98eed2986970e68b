//! Markdown → article text.
//!
//! A line-oriented reading of CommonMark/GFM that is good enough for
//! articles: block structure from line starts (headings, lists, quotes,
//! fences, tables, HTML blocks), then each block's inline syntax removed by
//! one left-to-right scan with bounded look-ahead. Raw HTML (blocks and
//! inline tags) and entities go through the HTML reducer, so `<script>` in
//! Markdown is dropped exactly as in a page.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxBuildHasher;

use super::html::fragment_blocks;
use super::{push_collapsed, BlockKind, Blocks};

/// Reduces a Markdown document to plain text (see the module conventions).
pub fn markdown_to_text(md: &str) -> String {
    let md = md.strip_prefix('\u{feff}').unwrap_or(md);
    let lines: Vec<&str> = md
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let refs = reference_labels(&lines);
    let mut r = Reader {
        refs,
        out: Vec::new(),
        para: String::new(),
        para_kind: BlockKind::Paragraph,
        fence: None,
        html: None,
        table: false,
    };
    let body = front_matter(&lines, &mut r.out);
    let mut i = body;
    while i < lines.len() {
        let next = lines.get(i + 1).copied();
        r.line(lines[i], next);
        i += 1;
    }
    r.end_html();
    r.flush();
    // The front-matter title repeated as the first heading is said once.
    let titled = body > 0 && r.out.first().is_some_and(|b| b.0 == BlockKind::Heading);
    if titled && r.out.len() > 1 && r.out[1].0 == BlockKind::Heading && r.out[1].1 == r.out[0].1 {
        r.out.remove(1);
    }
    Blocks(r.out).join()
}

/// Skips a YAML front-matter block (`---` … `---`) at the very start,
/// keeping its `title:` as the headline. Returns the first body line.
fn front_matter(lines: &[&str], out: &mut Vec<(BlockKind, String)>) -> usize {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return 0;
    }
    let looks_yaml = lines.get(1).is_some_and(|l| {
        let key = l.split(':').next().unwrap_or("");
        l.contains(':') && !key.is_empty() && !key.contains(' ')
    });
    if !looks_yaml {
        return 0;
    }
    let Some(end) = lines
        .iter()
        .take(200)
        .skip(1)
        .position(|l| matches!(l.trim_end(), "---" | "..."))
    else {
        return 0;
    };
    let end = end + 1;
    for l in &lines[1..end] {
        if let Some(v) = l.strip_prefix("title:") {
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
            let mut t = String::new();
            push_collapsed(&mut t, v);
            if !t.is_empty() {
                out.push((BlockKind::Heading, t));
            }
        }
    }
    end + 1
}

/// Labels of reference definitions (`[label]: target`), lowercased, so that
/// `[label]` shortcut links lose their brackets.
fn reference_labels(lines: &[&str]) -> HashSet<String, FxBuildHasher> {
    lines
        .iter()
        .filter_map(|l| ref_definition(strip_indent(l)?))
        .map(|label| label.to_ascii_lowercase())
        .collect()
}

/// The label when `t` is a reference definition `[label]: target`.
fn ref_definition(t: &str) -> Option<&str> {
    let rest = t.strip_prefix('[')?;
    let close = rest.find("]:")?;
    let label = &rest[..close];
    (!label.is_empty() && !label.starts_with('^') && !label.contains(['[', ']'])).then_some(label)
}

/// `line` without up to three spaces of indentation; `None` when indented
/// four or more (not a block start).
fn strip_indent(line: &str) -> Option<&str> {
    let t = line.trim_start_matches([' ', '\t']);
    let lead = &line[..line.len() - t.len()];
    let width: usize = lead.bytes().map(|c| if c == b'\t' { 4 } else { 1 }).sum();
    (width <= 3).then_some(t)
}

/// How a raw HTML block ends.
#[derive(Clone, Copy)]
enum HtmlEnd {
    /// At a line containing this (case-insensitive).
    Marker(&'static str),
    /// At a blank line.
    Blank,
}

struct Reader {
    refs: HashSet<String, FxBuildHasher>,
    out: Vec<(BlockKind, String)>,
    para: String,
    para_kind: BlockKind,
    /// Open code fence: character and length.
    fence: Option<(u8, usize)>,
    /// Open HTML block: how it ends and its source so far.
    html: Option<(HtmlEnd, String)>,
    table: bool,
}

impl Reader {
    fn line(&mut self, raw: &str, next: Option<&str>) {
        if let Some((ch, len)) = self.fence {
            let t = raw.trim_start();
            let run = t.bytes().take_while(|&c| c == ch).count();
            if run >= len && t[run..].trim().is_empty() {
                self.fence = None;
            } else {
                let mut s = String::new();
                push_collapsed(&mut s, raw);
                if !s.is_empty() {
                    self.out.push((BlockKind::Paragraph, s));
                }
            }
            return;
        }
        if let Some((end, buf)) = self.html.as_mut() {
            match *end {
                HtmlEnd::Blank if raw.trim().is_empty() => {
                    self.end_html();
                    return;
                }
                HtmlEnd::Blank => {
                    buf.push_str(raw);
                    buf.push('\n');
                }
                HtmlEnd::Marker(m) => {
                    buf.push_str(raw);
                    buf.push('\n');
                    if contains_ci(raw, m) {
                        self.end_html();
                    }
                }
            }
            return;
        }

        // Block quotes: drop the markers, read what is inside.
        let mut line = raw;
        while let Some(rest) = strip_indent(line).and_then(|t| t.strip_prefix('>')) {
            line = rest.strip_prefix(' ').unwrap_or(rest);
        }
        if line.trim().is_empty() {
            self.flush();
            self.table = false;
            return;
        }
        let Some(t) = strip_indent(line) else {
            // Indented four or more: a nested list item, else indented code
            // or a continuation line (text either way).
            let t = line.trim_start();
            let in_list = self.para_kind == BlockKind::ListItem
                || self.out.last().is_some_and(|b| b.0 == BlockKind::ListItem);
            match list_item(t) {
                Some(content) if in_list => {
                    self.flush();
                    self.para_kind = BlockKind::ListItem;
                    self.para_text(strip_task_box(content));
                }
                _ => self.para_text(t),
            }
            return;
        };
        let t = t.trim_end();

        if let Some((ch, len)) = fence_open(t) {
            self.flush();
            self.fence = Some((ch, len));
            return;
        }
        if let Some(content) = atx_heading(t) {
            self.flush();
            self.push_inline(BlockKind::Heading, content, "");
            return;
        }
        if !self.para.is_empty() && self.para_kind == BlockKind::Paragraph && setext_underline(t) {
            self.para_kind = BlockKind::Heading;
            self.flush();
            return;
        }
        if thematic_break(t) {
            self.flush();
            return;
        }
        if let Some(end) = html_block_start(t, self.para.is_empty()) {
            self.flush();
            let mut buf = String::from(t);
            buf.push('\n');
            let done = match end {
                HtmlEnd::Marker(m) => contains_ci(&t[1..], m),
                HtmlEnd::Blank => false,
            };
            self.html = Some((end, buf));
            if done {
                self.end_html();
            }
            return;
        }
        if self.para.is_empty() && ref_definition(t).is_some() {
            return;
        }
        // A footnote definition `[^1]: text` keeps its text.
        if let Some(rest) = t.strip_prefix("[^") {
            if let Some(close) = rest.find("]:") {
                self.flush();
                self.para_text(&rest[close + 2..]);
                return;
            }
        }
        if is_table_row(t) && (self.table || next.is_some_and(|n| delimiter_row(n.trim()))) {
            self.flush();
            self.table = true;
            if !delimiter_row(t) {
                self.table_row(t);
            }
            return;
        }
        if let Some(content) = list_item(t) {
            self.flush();
            self.para_kind = BlockKind::ListItem;
            let content = strip_task_box(content);
            self.para_text(content);
            return;
        }
        self.para_text(t);
    }

    fn para_text(&mut self, s: &str) {
        let s = s.trim();
        if s.is_empty() {
            return;
        }
        if !self.para.is_empty() {
            self.para.push(' ');
        }
        self.para.push_str(s);
    }

    fn flush(&mut self) {
        let kind = std::mem::replace(&mut self.para_kind, BlockKind::Paragraph);
        if self.para.is_empty() {
            return;
        }
        let src = std::mem::take(&mut self.para);
        let marker = if kind == BlockKind::ListItem {
            "- "
        } else {
            ""
        };
        self.push_inline(kind, &src, marker);
    }

    fn push_inline(&mut self, kind: BlockKind, src: &str, marker: &str) {
        let text = inline(src, &self.refs);
        if !text.is_empty() {
            let mut block = String::with_capacity(marker.len() + text.len());
            block.push_str(marker);
            block.push_str(&text);
            self.out.push((kind, block));
        }
    }

    fn end_html(&mut self) {
        if let Some((_, buf)) = self.html.take() {
            self.out.extend(fragment_blocks(&buf).0);
        }
    }

    fn table_row(&mut self, t: &str) {
        let t = t.trim();
        let t = t.strip_prefix('|').unwrap_or(t);
        let t = t.strip_suffix('|').unwrap_or(t);
        let mut row = String::new();
        let mut start = 0;
        let b = t.as_bytes();
        for i in 0..=b.len() {
            let cell_end = i == b.len() || (b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'));
            if cell_end {
                let cell = inline(t[start..i].trim(), &self.refs);
                if !cell.is_empty() {
                    if !row.is_empty() {
                        row.push(' ');
                    }
                    row.push_str(&cell);
                }
                start = i + 1;
            }
        }
        if !row.is_empty() {
            self.out.push((BlockKind::Paragraph, row));
        }
    }
}

fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn fence_open(t: &str) -> Option<(u8, usize)> {
    let ch = *t.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = t.bytes().take_while(|&c| c == ch).count();
    // A backtick fence's info string holds no backtick.
    (len >= 3 && !(ch == b'`' && t[len..].contains('`'))).then_some((ch, len))
}

/// The content of an ATX heading line (`## Title ##` → `Title`).
fn atx_heading(t: &str) -> Option<&str> {
    let hashes = t.bytes().take_while(|&c| c == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim();
    // A closing run of `#` preceded by a space (or making up the whole line).
    let stripped = rest.trim_end_matches('#');
    Some(if stripped.is_empty() {
        ""
    } else if stripped.ends_with([' ', '\t']) {
        stripped.trim_end()
    } else {
        rest
    })
}

fn setext_underline(t: &str) -> bool {
    !t.is_empty() && (t.bytes().all(|c| c == b'=') || t.bytes().all(|c| c == b'-'))
}

fn thematic_break(t: &str) -> bool {
    let Some(&ch) = t.as_bytes().first() else {
        return false;
    };
    matches!(ch, b'-' | b'*' | b'_')
        && t.bytes().filter(|&c| c == ch).count() >= 3
        && t.bytes().all(|c| c == ch || c == b' ' || c == b'\t')
}

/// Block-level tag names that start a CommonMark HTML block (kind 6).
const HTML_BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "noscript",
    "template",
    "svg",
    "canvas",
    "object",
    "video",
    "audio",
];

/// How an HTML block starting at `t` ends, if `t` starts one.
fn html_block_start(t: &str, para_empty: bool) -> Option<HtmlEnd> {
    let rest = t.strip_prefix('<')?;
    for (tag, end) in [
        ("script", "</script>"),
        ("pre", "</pre>"),
        ("style", "</style>"),
        ("textarea", "</textarea>"),
    ] {
        if tag_name_is(rest, tag) {
            return Some(HtmlEnd::Marker(end));
        }
    }
    if rest.starts_with("!--") {
        return Some(HtmlEnd::Marker("-->"));
    }
    if rest.starts_with("![CDATA[") {
        return Some(HtmlEnd::Marker("]]>"));
    }
    if rest.starts_with('?') {
        return Some(HtmlEnd::Marker("?>"));
    }
    if rest.starts_with('!') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(HtmlEnd::Marker(">"));
    }
    let name = rest.strip_prefix('/').unwrap_or(rest);
    if HTML_BLOCK_TAGS.iter().any(|tag| tag_name_is(name, tag)) {
        return Some(HtmlEnd::Blank);
    }
    // Any other complete tag alone on its line, when no paragraph is open.
    if para_empty
        && t.ends_with('>')
        && inline_tag_len(t.as_bytes(), 0, &mut t.len()) == Some(t.len())
    {
        return Some(HtmlEnd::Blank);
    }
    None
}

/// True when `s` starts with tag name `tag` (any case) followed by a space,
/// `>`, `/` or the end.
fn tag_name_is(s: &str, tag: &str) -> bool {
    s.get(..tag.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(tag))
        && matches!(
            s.as_bytes().get(tag.len()),
            None | Some(b' ' | b'\t' | b'>' | b'/')
        )
}

fn is_table_row(t: &str) -> bool {
    t.contains('|')
}

/// A GFM table delimiter row: `| --- | :-: |`.
fn delimiter_row(t: &str) -> bool {
    t.contains('-')
        && t.contains(['|', ':'])
        && t.bytes()
            .all(|c| matches!(c, b'|' | b'-' | b':' | b' ' | b'\t'))
}

/// The content of a list item line (`- x`, `* x`, `+ x`, `1. x`, `1) x`).
fn list_item(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    let marker_len = match b.first()? {
        b'-' | b'*' | b'+' => 1,
        c if c.is_ascii_digit() => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 9 || !matches!(b.get(digits), Some(b'.' | b')')) {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    match b.get(marker_len) {
        None => Some(""),
        Some(b' ' | b'\t') => Some(&t[marker_len + 1..]),
        _ => None,
    }
}

fn strip_task_box(s: &str) -> &str {
    for box_ in ["[ ] ", "[x] ", "[X] "] {
        if let Some(rest) = s.strip_prefix(box_) {
            return rest;
        }
    }
    s
}

// ---------------------------------------------------------------------------
// Inline syntax.

/// Longest destination or label looked at after `](` or `][`.
const MAX_TARGET: usize = 2048;

/// Length of an inline HTML tag starting at `b[i] == b'<'` (open tag,
/// closing tag or comment), or `None`. Looks at most `*budget` bytes ahead
/// and charges what it looked at, so one block costs linear time however
/// many unterminated `<a '…` it holds.
fn inline_tag_len(b: &[u8], i: usize, budget: &mut usize) -> Option<usize> {
    let rest = b.get(i + 1..)?;
    let window = &rest[..rest.len().min(MAX_TARGET).min(*budget)];
    let (found, scanned) = scan_tag(window);
    *budget = budget.saturating_sub(scanned);
    found
}

/// [`inline_tag_len`] within `window` (the bytes after `<`): the tag's
/// length if complete, and how many bytes were looked at.
fn scan_tag(window: &[u8]) -> (Option<usize>, usize) {
    if let Some(body) = window.strip_prefix(b"!--") {
        return match body.windows(3).position(|w| w == b"-->") {
            Some(end) => (Some(1 + 3 + end + 3), end + 6),
            None => (None, window.len()),
        };
    }
    let closing = window.first() == Some(&b'/');
    let mut j = usize::from(closing);
    if !window.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return (None, j);
    }
    while window
        .get(j)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
    {
        j += 1;
    }
    if closing {
        while window.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        let found = (window.get(j) == Some(&b'>')).then_some(j + 2);
        return (found, j);
    }
    // After the name: whitespace, `/` or `>`; then attributes up to `>`.
    if !matches!(window.get(j), Some(b'>' | b'/' | b' ' | b'\t' | b'\n')) {
        return (None, j);
    }
    let mut quote = None;
    while let Some(&c) = window.get(j) {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'>') => return (Some(j + 2), j),
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'<') => return (None, j),
            _ => {}
        }
        j += 1;
    }
    (None, j)
}

/// Length of an autolink `<scheme:…>` or `<user@host>` at `b[i] == b'<'`.
fn autolink_len(b: &[u8], i: usize) -> Option<usize> {
    let rest = b.get(i + 1..)?;
    let window = &rest[..rest.len().min(MAX_TARGET)];
    let end = window
        .iter()
        .position(|&c| c == b'>' || c == b'<' || c.is_ascii_whitespace())?;
    if window[end] != b'>' || end == 0 {
        return None;
    }
    let inner = &window[..end];
    let scheme = inner.iter().position(|&c| c == b':');
    let is_uri = scheme.is_some_and(|s| {
        (2..=32).contains(&s)
            && inner[0].is_ascii_alphabetic()
            && inner[..s]
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'.' | b'-'))
    });
    let is_email = !is_uri && inner.contains(&b'@') && !inner.contains(&b'/');
    (is_uri || is_email).then_some(end + 2)
}

/// ASCII punctuation plus the common non-ASCII punctuation blocks (curly
/// quotes, dashes, Latin-1 and CJK punctuation): enough for flanking rules.
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{a1}'..='\u{bf}' | '\u{2010}'..='\u{205e}' | '\u{3001}'..='\u{303f}')
}

/// Removes inline Markdown from one block's source and collapses whitespace.
fn inline(src: &str, refs: &HashSet<String, FxBuildHasher>) -> String {
    let b = src.as_bytes();
    let n = b.len();
    // del: byte removed; lit: byte taken literally (no further syntax).
    let mut del = vec![false; n];
    let mut lit = vec![false; n];

    code_spans(b, &mut del, &mut lit);

    // Backslash escapes, autolinks, raw HTML.
    let mut has_html = false;
    let mut budget = 8 * n + 4096;
    let mut i = 0;
    while i < n {
        if lit[i] || del[i] {
            i += 1;
            continue;
        }
        match b[i] {
            b'\\' if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                del[i] = true;
                lit[i + 1] = true;
                i += 2;
                continue;
            }
            b'<' => {
                if let Some(len) = autolink_len(b, i) {
                    del[i] = true;
                    del[i + len - 1] = true;
                    lit[i + 1..i + len - 1].iter_mut().for_each(|x| *x = true);
                    i += len;
                    continue;
                }
                if let Some(len) = inline_tag_len(b, i, &mut budget) {
                    has_html = true;
                    i += len;
                    continue;
                }
                lit[i] = true;
            }
            b'&' => has_html = true,
            _ => {}
        }
        i += 1;
    }

    links(b, &mut del, &lit, refs);
    emphasis(src, &mut del, &lit);

    // Build the output; when raw HTML or entities remain, escape the
    // literal `<`/`&` and let the HTML reducer do the rest.
    let mut kept = Vec::with_capacity(n);
    for k in 0..n {
        if del[k] {
            continue;
        }
        match b[k] {
            b'<' if has_html && lit[k] => kept.extend_from_slice(b"&lt;"),
            b'&' if has_html && lit[k] => kept.extend_from_slice(b"&amp;"),
            c => kept.push(c),
        }
    }
    let kept = String::from_utf8_lossy(&kept);
    let mut out = String::with_capacity(kept.len());
    if has_html {
        for (_, block) in fragment_blocks(&kept).0 {
            push_collapsed(&mut out, " ");
            push_collapsed(&mut out, &block);
        }
    } else {
        push_collapsed(&mut out, &kept);
    }
    out.truncate(out.trim_end().len());
    out
}

/// Marks code spans: their backtick runs deleted, their content literal.
/// Runs pair with the next run of the same length (linear: one cursor per
/// length, only moving forward).
fn code_spans(b: &[u8], del: &mut [bool], lit: &mut [bool]) {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'`' && !(i > 0 && b[i - 1] == b'\\' && !lit[i - 1]) {
            let len = b[i..].iter().take_while(|&&c| c == b'`').count();
            runs.push((i, len));
            i += len;
        } else {
            i += 1;
        }
    }
    // For each run length, the indices (into `runs`) of runs of that length.
    let mut by_len: HashMap<usize, (Vec<usize>, usize), FxBuildHasher> = HashMap::default();
    for (k, &(_, len)) in runs.iter().enumerate() {
        by_len.entry(len).or_default().0.push(k);
    }
    let mut k = 0;
    while k < runs.len() {
        let (start, len) = runs[k];
        let closer = by_len.get_mut(&len).and_then(|(list, cursor)| {
            while list.get(*cursor).is_some_and(|&x| x <= k) {
                *cursor += 1;
            }
            list.get(*cursor).copied()
        });
        match closer {
            Some(c) => {
                let (cstart, clen) = runs[c];
                del[start..start + len].iter_mut().for_each(|x| *x = true);
                del[cstart..cstart + clen]
                    .iter_mut()
                    .for_each(|x| *x = true);
                lit[start + len..cstart].iter_mut().for_each(|x| *x = true);
                k = c + 1;
            }
            None => {
                lit[start..start + len].iter_mut().for_each(|x| *x = true);
                k += 1;
            }
        }
    }
}

/// Links keep their text, images vanish, footnote references vanish.
/// Brackets pair through a stack; the target scan after `](` or `][`
/// stops at the next bracket, so every byte is scanned a bounded number of
/// times.
fn links(b: &[u8], del: &mut [bool], lit: &[bool], refs: &HashSet<String, FxBuildHasher>) {
    let mut openers: Vec<(usize, bool)> = Vec::new();
    // Images nest (`![![![x](a)](b)](c)`), so their ranges are cut through
    // a difference array applied once at the end, not byte by byte.
    let mut cuts = vec![0i32; b.len() + 1];
    let usable = |k: usize, del: &[bool]| !lit[k] && !del[k];
    let mut i = 0;
    while i < b.len() {
        if !usable(i, del) {
            i += 1;
            continue;
        }
        match b[i] {
            b'[' => {
                let image = i > 0 && b[i - 1] == b'!' && usable(i - 1, del);
                openers.push((i, image));
            }
            b']' => {
                let Some((open, image)) = openers.pop() else {
                    i += 1;
                    continue;
                };
                let start = if image { open - 1 } else { open };
                let label = &b[open + 1..i];
                let end = match b.get(i + 1) {
                    Some(b'(') => scan_target(b, i + 2, b')'),
                    Some(b'[') => scan_target(b, i + 2, b']'),
                    _ => None,
                };
                let footnote = label.first() == Some(&b'^');
                // CommonMark labels are at most 999 characters: checking
                // longer ones would make nested brackets quadratic.
                let shortcut = end.is_none()
                    && !footnote
                    && label.len() <= 999
                    && refs.contains(&String::from_utf8_lossy(label).to_ascii_lowercase());
                if image || footnote {
                    let stop = end.unwrap_or(i);
                    if image && end.is_none() && !shortcut {
                        i += 1;
                        continue;
                    }
                    cuts[start] += 1;
                    cuts[stop + 1] -= 1;
                    i = stop + 1;
                    continue;
                }
                if let Some(stop) = end {
                    del[open] = true;
                    del[i..=stop].iter_mut().for_each(|x| *x = true);
                    i = stop + 1;
                    continue;
                }
                if shortcut {
                    del[open] = true;
                    del[i] = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut depth = 0i32;
    for (d, c) in del.iter_mut().zip(&cuts) {
        depth += c;
        if depth > 0 {
            *d = true;
        }
    }
}

/// Index of the `close` byte ending a link target that starts at `from`,
/// allowing balanced parentheses; gives up at a bracket or after
/// [`MAX_TARGET`] bytes.
fn scan_target(b: &[u8], from: usize, close: u8) -> Option<usize> {
    let mut depth = 0usize;
    let end = b.len().min(from.saturating_add(MAX_TARGET));
    for (k, &c) in b.iter().enumerate().take(end).skip(from) {
        match c {
            c if c == close && depth == 0 => return Some(k),
            b'(' if close == b')' => depth += 1,
            b')' if close == b')' => depth = depth.saturating_sub(1),
            b'[' | b']' => return None,
            _ => {}
        }
    }
    None
}

/// Removes matched emphasis delimiter runs (`*`, `_`, `~`) following the
/// CommonMark flanking rules; unmatched runs stay as written.
fn emphasis(src: &str, del: &mut [bool], lit: &[bool]) {
    let b = src.as_bytes();
    // Per delimiter kind, a stack of opener runs (start, len).
    let mut stacks: [Vec<(usize, usize)>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let slot = match c {
            b'*' => 0,
            b'_' => 1,
            b'~' => 2,
            _ => {
                i += 1;
                continue;
            }
        };
        if lit[i] || del[i] {
            i += 1;
            continue;
        }
        let len = b[i..]
            .iter()
            .zip(&lit[i..])
            .take_while(|(&x, &l)| x == c && !l)
            .count();
        let before = src[..i].chars().next_back().unwrap_or(' ');
        let after = src[i + len..].chars().next().unwrap_or(' ');
        let left = !after.is_whitespace()
            && (!is_punct(after) || before.is_whitespace() || is_punct(before));
        let right = !before.is_whitespace()
            && (!is_punct(before) || after.is_whitespace() || is_punct(after));
        let (can_open, can_close) = if c == b'_' {
            (
                left && (!right || is_punct(before)),
                right && (!left || is_punct(after)),
            )
        } else {
            (left, right)
        };
        let stack = &mut stacks[slot];
        if can_close && !stack.is_empty() {
            if let Some((os, ol)) = stack.pop() {
                del[os..os + ol].iter_mut().for_each(|x| *x = true);
                del[i..i + len].iter_mut().for_each(|x| *x = true);
            }
        } else if can_open {
            stack.push((i, len));
        }
        i += len.max(1);
    }
}
