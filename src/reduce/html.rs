//! HTML → article text.
//!
//! A small tokenizer of our own (the WHATWG tokenizer's rules for what text
//! is: every named and numeric character reference decoded, raw-text content
//! after `<script>`, `<style>`, `<title>`…) drives a [`Reducer`]. The reducer keeps no DOM: an explicit stack of
//! open elements (a `Vec`, never recursion) and a per-name count of open
//! elements, so an end tag with no open match costs O(1) and every element
//! is pushed and popped at most once: time stays linear on tag soup and on
//! 100 000 nested `<div>`s.
//!
//! Blocks are collected with a few marks (inside `<article>`/`<main>`,
//! "soft" clutter) and the article is chosen from them at the end, so one
//! pass over the input is enough.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

use super::{push_collapsed, BlockKind, Blocks};

/// Reduces a whole page: the `<title>` (or headline) first, then the article.
pub fn html_to_text(html: &str) -> String {
    let mut reducer = Reducer::new(true);
    reducer.run(html);
    reducer.finish().join()
}

/// Reduces an HTML fragment (a block of HTML inside Markdown): no article
/// scoping, no title promotion; clutter is still dropped.
pub(crate) fn fragment_blocks(html: &str) -> Blocks {
    let mut reducer = Reducer::new(false);
    reducer.run(html);
    reducer.finish()
}

// ---------------------------------------------------------------------------
// Tag names are compared as 64-bit FNV-1a hashes: cheap to store on the stack,
// matchable against constants. A collision could only close or classify the
// wrong element, never read out of bounds.

const fn fnv(name: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < name.len() {
        h ^= name[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

macro_rules! tags {
    ($($c:ident = $s:literal),* $(,)?) => { $(const $c: u64 = fnv($s);)* };
}

tags! {
    ADDRESS = b"address", AREA = b"area", ARTICLE = b"article", ASIDE = b"aside",
    AUDIO = b"audio", BASE = b"base", BASEFONT = b"basefont", BGSOUND = b"bgsound",
    BLOCKQUOTE = b"blockquote", BODY = b"body", BR = b"br", BUTTON = b"button",
    CANVAS = b"canvas", CAPTION = b"caption", CENTER = b"center", COL = b"col",
    DATALIST = b"datalist", DD = b"dd", DETAILS = b"details", DIALOG = b"dialog", DIR = b"dir",
    DIV = b"div", DL = b"dl", DT = b"dt", EMBED = b"embed", FIELDSET = b"fieldset",
    FIGCAPTION = b"figcaption", FIGURE = b"figure", FOOTER = b"footer", FORM = b"form",
    FRAME = b"frame", FRAMESET = b"frameset", H1 = b"h1", H2 = b"h2", H3 = b"h3", H4 = b"h4",
    H5 = b"h5", H6 = b"h6", HEAD = b"head", HEADER = b"header", HGROUP = b"hgroup", HR = b"hr",
    HTML = b"html", IFRAME = b"iframe", IMG = b"img", INPUT = b"input", KEYGEN = b"keygen",
    LEGEND = b"legend", LI = b"li", LINK = b"link", LISTING = b"listing", MAIN = b"main",
    MAP = b"map", MENU = b"menu", META = b"meta", NAV = b"nav", NOEMBED = b"noembed",
    NOFRAMES = b"noframes", NOSCRIPT = b"noscript", OBJECT = b"object", OL = b"ol", P = b"p",
    PARAM = b"param", PRE = b"pre", SCRIPT = b"script", SECTION = b"section",
    SELECT = b"select", SOURCE = b"source", STYLE = b"style", SUMMARY = b"summary",
    SVG = b"svg", TABLE = b"table", TD = b"td", TEMPLATE = b"template",
    TEXTAREA = b"textarea", TH = b"th", TITLE = b"title", TR = b"tr", TRACK = b"track",
    UL = b"ul", VIDEO = b"video", WBR = b"wbr",
}

/// Never holds content (never pushed on the stack).
const VOID: u8 = 1;
/// Its start and end separate blocks of text.
const BLOCK: u8 = 2;
/// Its content is never article text, wherever it is.
const DROP: u8 = 4;

/// What kind of element a tag is (0 for inline and unknown elements).
fn class(tag: u64) -> u8 {
    match tag {
        AREA | BASE | BASEFONT | BGSOUND | COL | EMBED | FRAME | IMG | INPUT | KEYGEN | LINK
        | META | PARAM | SOURCE | TRACK | WBR => VOID,
        BR | HR => VOID | BLOCK,
        ADDRESS | ARTICLE | BLOCKQUOTE | BODY | CAPTION | CENTER | DD | DETAILS | DIR | DIV
        | DL | DT | FIELDSET | FIGCAPTION | FIGURE | FOOTER | FORM | H1 | H2 | H3 | H4 | H5
        | H6 | HEAD | HEADER | HGROUP | HTML | LI | LISTING | MAIN | OL | P | PRE | SECTION
        | SUMMARY | TABLE | TR | UL | TITLE | LEGEND => BLOCK,
        ASIDE | DIALOG | MENU | NAV => BLOCK | DROP,
        SCRIPT | STYLE | NOSCRIPT | TEMPLATE | IFRAME | SVG | CANVAS | BUTTON | SELECT
        | DATALIST | TEXTAREA | OBJECT | VIDEO | AUDIO | MAP | NOEMBED | NOFRAMES | FRAMESET => {
            DROP
        }
        _ => 0,
    }
}

fn is_block(tag: u64) -> bool {
    class(tag) & BLOCK != 0
}

fn heading_level(k: u64) -> u8 {
    match k {
        H1 => 1,
        H2 => 2,
        H3 => 3,
        H4 => 4,
        H5 => 5,
        H6 => 6,
        _ => 0,
    }
}

// ---------------------------------------------------------------------------
// What the attributes of a start tag say. Attribute values are read only to
// classify the element; they never reach the text.

#[derive(Default, Clone, Copy)]
struct AttrSignals {
    /// `hidden`, `aria-hidden="true"`, `style="display:none"`.
    hidden: bool,
    /// `role` of navigation, search, complementary… (dropped like `<nav>`).
    role_drop: bool,
    /// `role="banner"`/`"contentinfo"`: like a page `<header>`/`<footer>`.
    role_page_chrome: bool,
    /// `class`/`id` words such as `share`, `newsletter`, `related`, `comments`.
    clutter: bool,
    /// `class`/`id` words such as `article`, `content`, `story`, `main`.
    contentish: bool,
}

/// Lowercase ASCII words of a `class`/`id` value (split at anything that is
/// not a letter or digit).
fn words(value: &[u8]) -> impl Iterator<Item = &[u8]> {
    value
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whole `class`/`id` words naming site furniture.
const CLUTTER_WORDS: &[&[u8]] = &[
    b"ad",
    b"ads",
    b"adslot",
    b"banner",
    b"comment",
    b"comments",
    b"consent",
    b"footer",
    b"gdpr",
    b"masthead",
    b"menu",
    b"modal",
    b"nav",
    b"navbar",
    b"navigation",
    b"pagination",
    b"paywall",
    b"popular",
    b"popup",
    b"recommended",
    b"signup",
    b"social",
    b"toolbar",
    b"trending",
];

/// Word beginnings naming site furniture (`relatedposts`, `sharedaddy`).
const CLUTTER_PREFIXES: &[&[u8]] = &[
    b"advert",
    b"breadcrumb",
    b"cookie",
    b"disqus",
    b"newsletter",
    b"outbrain",
    b"promo",
    b"related",
    b"share",
    b"sharing",
    b"sidebar",
    b"sponsor",
    b"subscri",
    b"taboola",
];

const CONTENT_WORDS: &[&[u8]] = &[b"article", b"body", b"content", b"main", b"story"];

const HIDDEN_CLASSES: &[&[u8]] = &[
    b"sr-only",
    b"visually-hidden",
    b"visuallyhidden",
    b"screen-reader-text",
    b"hidden",
    b"d-none",
    b"u-hidden",
];

fn word_in(w: &[u8], list: &[&[u8]]) -> bool {
    list.iter().any(|x| w.eq_ignore_ascii_case(x))
}

impl AttrSignals {
    fn read(&mut self, name: &[u8], value: &[u8]) {
        match name {
            b"hidden" => self.hidden = true,
            b"aria-hidden" => self.hidden |= value.trim_ascii().eq_ignore_ascii_case(b"true"),
            b"style" => {
                let compact: Vec<u8> = value
                    .iter()
                    .filter(|b| !b.is_ascii_whitespace())
                    .map(u8::to_ascii_lowercase)
                    .collect();
                self.hidden |=
                    contains(&compact, b"display:none") || contains(&compact, b"visibility:hidden");
            }
            b"role" => {
                for w in value.split(u8::is_ascii_whitespace) {
                    let w = w.to_ascii_lowercase();
                    match w.as_slice() {
                        b"navigation" | b"search" | b"complementary" | b"menu" | b"menubar"
                        | b"dialog" | b"alertdialog" | b"toolbar" => self.role_drop = true,
                        b"banner" | b"contentinfo" => self.role_page_chrome = true,
                        _ => {}
                    }
                }
            }
            b"class" | b"id" => {
                // Screen-reader-only and hidden helpers ("Share on X (opens
                // in a new window)") are not visible text.
                let names = value.split(u8::is_ascii_whitespace);
                self.hidden |= name == b"class"
                    && names
                        .into_iter()
                        .any(|c| HIDDEN_CLASSES.iter().any(|h| c.eq_ignore_ascii_case(h)));
                for w in words(value) {
                    let prefixed = CLUTTER_PREFIXES
                        .iter()
                        .any(|p| w.len() >= p.len() && w[..p.len()].eq_ignore_ascii_case(p));
                    if prefixed || word_in(w, CLUTTER_WORDS) {
                        self.clutter = true;
                    }
                    if word_in(w, CONTENT_WORDS) {
                        self.contentish = true;
                    }
                }
            }
            _ => {}
        }
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

// ---------------------------------------------------------------------------

/// What an open element changed, so popping it can undo exactly that.
#[derive(Clone, Copy, Default)]
struct Effects {
    hard: bool,
    soft: bool,
    article: bool,
    main: bool,
    heading: bool,
}

struct Open {
    tag: u64,
    fx: Effects,
}

/// One reduced block before the article is chosen.
struct Candidate {
    text: String,
    kind: BlockKind,
    heading: u8,
    soft: bool,
    /// Id of the outermost open `<article>`, if any.
    article: Option<u32>,
    main: bool,
}

/// Tokenizer-independent reduction state.
struct Reducer {
    document: bool,
    stack: Vec<Open>,
    open_count: HashMap<u64, u32, FxBuildHasher>,
    hard: u32,
    soft: u32,
    article: u32,
    article_id: u32,
    main: u32,
    heading: u32,
    heading_level: u8,
    pending_li: bool,
    block: String,
    title: Option<String>,
    in_title: bool,
    title_done: bool,
    blocks: Vec<Candidate>,
}

impl Reducer {
    fn new(document: bool) -> Self {
        Reducer {
            document,
            stack: Vec::new(),
            open_count: HashMap::default(),
            hard: 0,
            soft: 0,
            article: 0,
            article_id: 0,
            main: 0,
            heading: 0,
            heading_level: 0,
            pending_li: false,
            block: String::new(),
            title: None,
            in_title: false,
            title_done: false,
            blocks: Vec::new(),
        }
    }

    fn run(&mut self, html: &str) {
        tokenize(html, self);
    }

    fn text(&mut self, s: &str) {
        if self.in_title {
            if let Some(t) = self.title.as_mut() {
                push_collapsed(t, s);
            }
            return;
        }
        if self.hard > 0 {
            return;
        }
        push_collapsed(&mut self.block, s);
    }

    /// Ends the current block (a block element started or ended).
    fn flush(&mut self) {
        let trimmed = self.block.trim_end();
        if trimmed.is_empty() {
            self.block.clear();
            return;
        }
        let mut text = String::with_capacity(trimmed.len() + 2);
        let kind = if self.heading > 0 {
            BlockKind::Heading
        } else if std::mem::take(&mut self.pending_li) {
            text.push_str("- ");
            BlockKind::ListItem
        } else {
            BlockKind::Paragraph
        };
        text.push_str(trimmed);
        self.block.clear();
        self.blocks.push(Candidate {
            text,
            kind,
            heading: if self.heading > 0 {
                self.heading_level
            } else {
                0
            },
            soft: self.soft > 0,
            article: (self.article > 0).then_some(self.article_id),
            main: self.main > 0,
        });
    }

    fn start_tag(&mut self, name: &[u8], signals: AttrSignals) {
        let tag = fnv(name);
        if tag == BR || tag == HR {
            self.flush();
            return;
        }
        if tag == TD || tag == TH {
            // Cells of one row stay on one line, separated by a space.
            if !self.block.is_empty() && !self.block.ends_with(' ') {
                self.block.push(' ');
            }
        }
        let class = class(tag);
        if class & BLOCK != 0 {
            self.flush();
            self.close_implied(tag);
        }
        if class & VOID != 0 {
            return;
        }
        if tag == TITLE && self.hard == 0 && !self.title_done {
            self.title_done = true;
            self.in_title = true;
            self.title = Some(String::new());
        }
        let in_content = self.article > 0 || self.main > 0;
        let mut fx = Effects {
            hard: class & DROP != 0
                || (tag == TITLE && !self.in_title)
                || signals.role_drop
                || ((tag == HEADER || tag == FOOTER || signals.role_page_chrome) && !in_content),
            ..Effects::default()
        };
        // Class names judge containers only (blocks and custom elements),
        // never the page's frame or a word inside a sentence.
        let container = (class & BLOCK != 0 || name.contains(&b'-'))
            && !matches!(tag, HTML | BODY | ARTICLE | MAIN | HEAD | TITLE);
        fx.soft = !fx.hard
            && (tag == FORM
                || signals.hidden
                || (signals.clutter && !signals.contentish && container));
        fx.article = tag == ARTICLE;
        fx.main = tag == MAIN;
        let level = heading_level(tag);
        fx.heading = level > 0;
        if fx.hard {
            self.hard += 1;
        }
        if fx.soft {
            self.soft += 1;
        }
        if fx.article {
            if self.article == 0 {
                self.article_id += 1;
            }
            self.article += 1;
        }
        if fx.main {
            self.main += 1;
        }
        if fx.heading {
            if self.heading == 0 {
                self.heading_level = level;
            }
            self.heading += 1;
        }
        if tag == LI && self.hard == 0 {
            self.pending_li = true;
        }
        *self.open_count.entry(tag).or_insert(0) += 1;
        self.stack.push(Open { tag, fx });
    }

    /// The few implied end tags that matter for text: a new block closes an
    /// open `<p>`, a new heading an open heading, a new `<li>` an open `<li>`.
    fn close_implied(&mut self, tag: u64) {
        while let Some(top) = self.stack.last() {
            let t = top.tag;
            let closes = t == P
                || (heading_level(tag) > 0 && heading_level(t) > 0)
                || (tag == LI && t == LI)
                || ((tag == DT || tag == DD) && (t == DT || t == DD))
                || (tag == TR && (t == TR || t == TD || t == TH));
            if !closes {
                break;
            }
            self.pop();
        }
    }

    fn end_tag(&mut self, name: &[u8]) {
        let tag = fnv(name);
        if tag == BR {
            self.flush();
            return;
        }
        if is_block(tag) {
            self.flush();
        }
        if self.open_count.get(&tag).copied().unwrap_or(0) == 0 {
            return;
        }
        while let Some(popped) = self.pop() {
            if popped == tag {
                break;
            }
        }
    }

    fn pop(&mut self) -> Option<u64> {
        let open = self.stack.pop()?;
        if is_block(open.tag) || open.fx.hard || open.fx.soft {
            self.flush();
        }
        if let Some(n) = self.open_count.get_mut(&open.tag) {
            *n = n.saturating_sub(1);
        }
        let fx = open.fx;
        if fx.hard {
            self.hard = self.hard.saturating_sub(1);
        }
        if fx.soft {
            self.soft = self.soft.saturating_sub(1);
        }
        if fx.article {
            self.article = self.article.saturating_sub(1);
        }
        if fx.main {
            self.main = self.main.saturating_sub(1);
        }
        if fx.heading {
            self.heading = self.heading.saturating_sub(1);
        }
        if open.tag == TITLE {
            self.in_title = false;
        }
        if open.tag == LI {
            // An item without text marks nothing after it.
            self.pending_li = false;
        }
        Some(open.tag)
    }

    /// Chooses the article among the collected blocks.
    fn finish(mut self) -> Blocks {
        self.flush();
        let Reducer {
            document,
            blocks,
            title,
            ..
        } = self;

        // Soft clutter (class names, forms, hidden parts) is kept after all
        // when dropping it would leave almost nothing: a page wrapped in one
        // `<form>` or `<body class="has-sidebar">`.
        let len = |b: &Candidate| b.text.len();
        let soft_len: usize = blocks.iter().filter(|b| b.soft).map(len).sum();
        let firm_len: usize = blocks.iter().filter(|b| !b.soft).map(len).sum();
        let keep_soft = firm_len * 4 < soft_len && firm_len < 2000;
        let mut pool: Vec<Candidate> = blocks
            .into_iter()
            .filter(|b| keep_soft || !b.soft)
            .collect();
        let total: usize = pool.iter().map(len).sum();

        if document {
            // The article: the outermost `<article>` elements holding at
            // least a quarter of the largest one's text (one story, or the
            // entries of a live blog, but not teaser cards), provided they
            // hold a fifth of the page; else `<main>`; else everything.
            let mut per_article: Vec<(u32, usize)> = Vec::new();
            for b in &pool {
                if let Some(id) = b.article {
                    match per_article.last_mut() {
                        Some((last, n)) if *last == id => *n += b.text.len(),
                        _ => per_article.push((id, b.text.len())),
                    }
                }
            }
            // Ids ascend in document order, so equal ids are adjacent.
            let largest = per_article.iter().map(|a| a.1).max().unwrap_or(0);
            let chosen: Vec<u32> = per_article
                .iter()
                .filter(|a| a.1 * 4 >= largest)
                .map(|a| a.0)
                .collect();
            let chosen_len: usize = per_article
                .iter()
                .filter(|a| a.1 * 4 >= largest)
                .map(|a| a.1)
                .sum();
            let main_len: usize = pool.iter().filter(|b| b.main).map(len).sum();
            let headline_h1 = first_h1(&pool);
            if largest > 0 && chosen_len * 5 >= total {
                pool.retain(|b| {
                    b.article
                        .is_some_and(|id| chosen.binary_search(&id).is_ok())
                });
            } else if main_len > 0 && main_len * 5 >= total {
                pool.retain(|b| b.main);
            }
            return with_headline(pool, title, headline_h1);
        }
        Blocks(pool.into_iter().map(|b| (b.kind, b.text)).collect())
    }
}

fn first_h1(pool: &[Candidate]) -> Option<String> {
    pool.iter().find(|b| b.heading == 1).map(|b| b.text.clone())
}

/// Puts the headline first: the `<title>`, or the first `<h1>` when there
/// is no title or the title is the `<h1>` plus a site name ("Headline |
/// Outlet"). The `<h1>` block is then not repeated.
fn with_headline(pool: Vec<Candidate>, title: Option<String>, page_h1: Option<String>) -> Blocks {
    let title = title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let kept_h1 = first_h1(&pool);
    let h1 = kept_h1.clone().or(page_h1);
    let headline = match (title, h1) {
        // "Headline | Outlet": the h1 is most of the title.
        (Some(t), Some(h)) if t.contains(h.as_str()) && h.len() * 2 >= t.len() => Some(h),
        (Some(t), _) => Some(t),
        (None, h) => h,
    };
    let mut out = Vec::with_capacity(pool.len() + 1);
    if let Some(h) = &headline {
        out.push((BlockKind::Heading, h.clone()));
    }
    let mut skipped = false;
    for b in pool {
        if !skipped && b.heading == 1 && headline.as_deref() == Some(b.text.as_str()) {
            skipped = true;
            continue;
        }
        out.push((b.kind, b.text));
    }
    Blocks(out)
}

// ---------------------------------------------------------------------------
// The tokenizer: the part of the WHATWG tokenizer a text reducer needs, over
// bytes, in one forward pass. Tags (names and attributes lowercased, values
// read raw), comments, doctypes, `<?…>` and `<![CDATA[…]]>` (dropped, as
// bogus comments are), character references in text and in RCDATA
// (`<title>`, `<textarea>`), and the raw-text elements whose content ends
// only at their own end tag (`<script>` with its `<!--` escapes, `<style>`,
// `<noscript>`…). A tag cut off by the end of input is dropped, as browsers do.

/// Attribute names longer than this are not classified.
const MAX_ATTR_NAME: usize = 64;
/// Attribute values longer than this are not classified (only skipped).
const MAX_ATTR_VALUE: usize = 4096;

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// How the content after a start tag is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Content {
    Normal,
    /// Text with character references, up to the end tag (`<title>`).
    RcData,
    /// Text as is, up to the end tag (`<style>`).
    RawText,
    /// Like raw text, but `<!-- <script> … </script> -->` does not end it.
    Script,
    /// Everything to the end of input is text (`<plaintext>`).
    PlainText,
}

fn content_of(name: &[u8]) -> Content {
    match name {
        b"title" | b"textarea" => Content::RcData,
        b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"noscript" => Content::RawText,
        b"script" => Content::Script,
        b"plaintext" => Content::PlainText,
        _ => Content::Normal,
    }
}

/// One tag as read: its lowercase name is in [`Lexer::name`].
struct Tag {
    end: bool,
    self_closing: bool,
    signals: AttrSignals,
}

struct Lexer<'a> {
    s: &'a str,
    b: &'a [u8],
    pos: usize,
    /// Text read since the last tag, references decoded.
    text: String,
    name: Vec<u8>,
    attr: Vec<u8>,
}

impl<'a> Lexer<'a> {
    fn new(s: &'a str) -> Self {
        Lexer {
            s,
            b: s.as_bytes(),
            pos: 0,
            text: String::new(),
            name: Vec::new(),
            attr: Vec::new(),
        }
    }

    fn flush_text(&mut self, r: &mut Reducer) {
        if !self.text.is_empty() {
            r.text(&self.text);
            self.text.clear();
        }
    }

    /// Text from `pos` to `end`, with references decoded when `decode`.
    fn take_text(&mut self, end: usize, decode: bool) {
        while self.pos < end {
            let stop = if decode {
                self.b[self.pos..end]
                    .iter()
                    .position(|&c| c == b'&')
                    .map_or(end, |p| self.pos + p)
            } else {
                end
            };
            self.text.push_str(&self.s[self.pos..stop]);
            self.pos = stop;
            if stop < end {
                // A reference never reaches past `end`: `<` and `&` end a name.
                self.pos = super::entities::decode(&self.s[..end], stop, &mut self.text);
            }
        }
    }

    /// Index of the first `needle` at or after `from`, or the end of input.
    fn find(&self, from: usize, needle: &[u8]) -> usize {
        let b = &self.b[from.min(self.b.len())..];
        b.windows(needle.len())
            .position(|w| w == needle)
            .map_or(self.b.len(), |p| from + p)
    }

    /// Skips a comment, doctype or bogus comment starting at `pos` (a `<`).
    fn skip_markup(&mut self) {
        let rest = &self.b[self.pos..];
        self.pos = if rest.starts_with(b"<!--") {
            // `<!-->` and `<!--->` are empty comments.
            let body = self.pos + 4;
            match &self.b[body..] {
                [b'>', ..] => body + 1,
                [b'-', b'>', ..] => body + 2,
                // It ends at the first `-->` or `--!>`: one scan over its `--`s.
                _ => {
                    let mut from = body;
                    loop {
                        let dashes = self.find(from, b"--");
                        match self.b.get(dashes + 2..).unwrap_or_default() {
                            [b'>', ..] => break dashes + 3,
                            [b'!', b'>', ..] => break dashes + 4,
                            [] => break self.b.len(),
                            _ => from = dashes + 1,
                        }
                    }
                }
            }
        } else {
            (self.find(self.pos + 2, b">") + 1).min(self.b.len())
        };
    }

    /// Reads the tag starting at `pos` (a `<` followed by a letter or by `/`
    /// and a letter). `None` when the input ends inside it.
    fn tag(&mut self) -> Option<Tag> {
        let b = self.b;
        let end = b[self.pos + 1] == b'/';
        let mut i = self.pos + if end { 2 } else { 1 };
        self.name.clear();
        while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
            self.name.push(b[i].to_ascii_lowercase());
            i += 1;
        }
        let mut tag = Tag {
            end,
            self_closing: false,
            signals: AttrSignals::default(),
        };
        loop {
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match b.get(i)? {
                b'>' => {
                    self.pos = i + 1;
                    return Some(tag);
                }
                b'/' => {
                    i += 1;
                    if b.get(i) == Some(&b'>') {
                        tag.self_closing = true;
                        self.pos = i + 1;
                        return Some(tag);
                    }
                    continue;
                }
                _ => {}
            }
            // An attribute: its name (the first character may be `=`) …
            let name_start = i;
            i += 1;
            while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let name = &b[name_start..i];
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            // … and its value, quoted, unquoted or missing.
            let mut value: &[u8] = &[];
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                match b.get(i)? {
                    &q @ (b'"' | b'\'') => {
                        let close = b[i + 1..].iter().position(|&c| c == q)?;
                        value = &b[i + 1..i + 1 + close];
                        i += close + 2;
                    }
                    b'>' => {}
                    _ => {
                        let start = i;
                        while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                        value = &b[start..i];
                    }
                }
            }
            if !end && name.len() <= MAX_ATTR_NAME && value.len() <= MAX_ATTR_VALUE {
                self.attr.clear();
                self.attr.extend(name.iter().map(u8::to_ascii_lowercase));
                tag.signals.read(&self.attr, value);
            }
        }
    }

    /// Where the raw content of `<name>` starting at `pos` ends: at
    /// `</name` followed by a space, `/` or `>`, or at the end of input.
    fn raw_end(&self, script: bool) -> usize {
        let b = self.b;
        let name = &self.name;
        let closes = |at: usize, end_tag: bool| {
            let open = if end_tag { 2 } else { 1 };
            b[at..].starts_with(if end_tag { b"</" } else { b"<" })
                && b.len() >= at + open + name.len()
                && b[at + open..at + open + name.len()].eq_ignore_ascii_case(name)
                && b.get(at + open + name.len())
                    .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
        };
        // Script data: 0 plain, 1 inside `<!--`, 2 inside `<!-- <script>`.
        let mut escape = 0u8;
        let mut i = self.pos;
        while let Some(p) = b[i..].iter().position(|&c| c == b'<' || c == b'-') {
            i += p;
            if b[i] == b'-' {
                if escape > 0 && b[i..].starts_with(b"-->") {
                    escape = 0;
                    i += 3;
                } else {
                    i += 1;
                }
                continue;
            }
            if closes(i, true) {
                if escape == 2 {
                    escape = 1;
                } else {
                    return i;
                }
            } else if script && escape == 0 && b[i..].starts_with(b"<!--") {
                escape = 1;
                i += 4;
                continue;
            } else if script && escape == 1 && closes(i, false) {
                escape = 2;
            }
            i += 1;
        }
        b.len()
    }

    /// Reads content after a start tag of the given kind.
    fn content(&mut self, kind: Content) {
        let end = match kind {
            Content::Normal => return,
            Content::PlainText => self.b.len(),
            Content::RcData | Content::RawText => self.raw_end(false),
            Content::Script => self.raw_end(true),
        };
        let from = self.text.len();
        self.take_text(end, kind == Content::RcData);
        // In these states the WHATWG tokenizer replaces NUL with U+FFFD.
        if self.text[from..].contains('\0') {
            let fixed = self.text[from..].replace('\0', "\u{fffd}");
            self.text.truncate(from);
            self.text.push_str(&fixed);
        }
    }
}

/// Tokenizes `html`, driving the reducer with text, start and end tags.
fn tokenize(html: &str, r: &mut Reducer) {
    let mut lx = Lexer::new(html);
    let b = lx.b;
    while lx.pos < b.len() {
        let next = b[lx.pos..]
            .iter()
            .position(|&c| c == b'<')
            .map_or(b.len(), |p| lx.pos + p);
        lx.take_text(next, true);
        if next == b.len() {
            break;
        }
        let after = b.get(next + 1).copied();
        let tag_follows = match after {
            Some(c) if c.is_ascii_alphabetic() => true,
            Some(b'/') => match b.get(next + 2) {
                Some(c) if c.is_ascii_alphabetic() => true,
                Some(b'>') => {
                    lx.pos = next + 3; // `</>` is dropped
                    continue;
                }
                Some(_) => {
                    lx.flush_text(r);
                    lx.skip_markup();
                    continue;
                }
                None => false,
            },
            Some(b'!' | b'?') => {
                lx.flush_text(r);
                lx.skip_markup();
                continue;
            }
            _ => false,
        };
        if !tag_follows {
            lx.text.push('<');
            lx.pos = next + 1;
            continue;
        }
        lx.flush_text(r);
        let Some(tag) = lx.tag() else { break };
        if tag.end {
            r.end_tag(&lx.name);
            continue;
        }
        r.start_tag(&lx.name, tag.signals);
        // `<svg/>`-style self-closing foreign elements have no content.
        if tag.self_closing && (lx.name == b"svg" || lx.name == b"math") {
            r.end_tag(&lx.name);
        }
        lx.content(content_of(&lx.name));
    }
    lx.flush_text(r);
}
