//! Stage 1: text → document. Sniffs the format, reduces HTML to text,
//! separates site clutter and page metadata from the article body, and
//! splits the body into blocks (paragraphs, headings, list items) and
//! sentences, all as byte ranges of [`Document::text`].

use std::borrow::Cow;

/// The parsed article.
pub struct Document<'a> {
    /// The text all ranges index: the input, or the HTML input reduced to text.
    pub text: Cow<'a, str>,
    /// `"text"`, `"markdown"` or `"html"`.
    pub format: &'static str,
    /// Body blocks in order.
    pub blocks: Vec<Block>,
    /// Body sentences in order.
    pub sentences: Vec<Sentence>,
    /// Ranges left out of the analysis.
    pub excluded: Vec<(usize, usize, &'static str)>,
    /// Detected page metadata.
    pub meta: Meta,
    /// True when the input was cut at [`crate::MAX_INPUT_BYTES`].
    pub truncated: bool,
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
    /// A section heading: no claims are read from it.
    Heading,
    /// An item of a bulleted or numbered list.
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
}

/// A sentence: byte range and the index of its block.
#[derive(Debug, Clone, Copy)]
pub struct Sentence {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Index into [`Document::blocks`].
    pub block: usize,
}

impl<'a> Document<'a> {
    /// Parses `input`; `format` forces `"text"`, `"markdown"` or `"html"`.
    pub fn parse(input: &'a str, _format: Option<&str>) -> Document<'a> {
        Document {
            text: Cow::Borrowed(input),
            format: "text",
            blocks: Vec::new(),
            sentences: Vec::new(),
            excluded: Vec::new(),
            meta: Meta::default(),
            truncated: false,
        }
    }
}
