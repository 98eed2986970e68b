//! The output schema: plain serde data handed to the CLI, the WASM boundary
//! and the page. Owns no logic beyond small constructors.
//!
//! **Offsets.** Every `start`/`end` pair in this module counts UTF-16 code
//! units (JavaScript string indices) into [`Analysis::text`] when that field
//! is present (HTML input, reduced to its article text), otherwise into the
//! input string itself. `start <= end`, both lie on character boundaries
//! and inside the text. Spans are half-open: `text[start..end]`.
//!
//! The schema is versioned by [`SCHEMA_VERSION`]; see `docs/schema.md`.

use serde::{Deserialize, Serialize};

/// Bumped on any incompatible change of the serialized shape.
pub const SCHEMA_VERSION: u32 = 1;

/// A half-open range of UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// The whole result of analysing one article.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Analysis {
    pub schema_version: u32,
    /// Always `"utf16"`: the unit every offset counts.
    pub offset_unit: String,
    /// The text the offsets index, present only when it differs from the
    /// input (HTML reduced to text). Absent means: the input itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub document: DocumentInfo,
    pub actors: Vec<Actor>,
    /// Unnamed sources ("officials", "sources", "analysts"...): claim
    /// speakers that are not actors.
    pub sources: Vec<UnnamedSource>,
    pub claims: Vec<Claim>,
    pub relations: Vec<Relation>,
    pub disagreements: Vec<Disagreement>,
    pub warnings: Vec<String>,
}

/// Facts about the document itself: format, metadata, layout.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// `"text"`, `"markdown"` or `"html"`.
    pub format: String,
    pub headline: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    /// Words in the article body (clutter and metadata excluded).
    pub word_count: u32,
    /// Paragraphs of the article body, in order.
    pub paragraphs: Vec<Span>,
    /// Sentences of the article body, in order.
    pub sentences: Vec<Span>,
    /// Ranges recognised as site clutter or page metadata (not analysed).
    pub excluded: Vec<Excluded>,
    /// True when the input exceeded the size limit and only a prefix was analysed.
    pub truncated: bool,
}

/// A range left out of the analysis, and why.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Excluded {
    pub start: u32,
    pub end: u32,
    /// `"clutter"`, `"metadata"`, `"headline"` or `"duplicate"`.
    pub reason: String,
}

/// What kind of actor: GUIDE.md's four kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Person,
    Country,
    Organization,
    ArmedGroup,
}

/// One real-world referent that can act or speak in the story.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Actor {
    /// Stable within one analysis: `a1`, `a2`... in order of first mention.
    pub id: String,
    /// Canonical name.
    pub name: String,
    pub kind: ActorKind,
    /// Every other surface form seen in the text (spelling variants,
    /// acronyms, surnames, title forms, metonymic capitals).
    pub aliases: Vec<String>,
    /// Title or role for people (`Foreign Minister`, `spokesperson`).
    pub role: Option<String>,
    /// Id of the actor a person or body belongs to, where the text says.
    pub affiliation: Option<String>,
    /// How central the actor is to the article, in `0.0..=1.0`.
    pub salience: f32,
    pub mentions: Vec<Span>,
}

/// A source the text leaves unnamed: "senior security sources", "analysts".
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnnamedSource {
    /// `s1`, `s2`... distinct from actor ids.
    pub id: String,
    /// The head noun, plural: `sources`, `officials`, `analysts`, `experts`, `reports`...
    pub label: String,
    /// Id of the actor the source is tied to (`Afghan officials`), if any.
    pub affiliation: Option<String>,
    pub mentions: Vec<Span>,
}

/// The kind of a claim (GUIDE.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Statement,
    Accusation,
    Denial,
    Demand,
    Threat,
    Report,
    Assessment,
}

/// A statement, position or figure the text attributes to a source.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    /// Actor id (`a…`) or unnamed-source id (`s…`); `null` when unknown.
    pub speaker: Option<String>,
    /// The words that name the speaker where the claim is made
    /// (`Taliban spokesperson Zabihullah Mujahid`, `he`, `officials`).
    pub speaker_text: Option<String>,
    pub speaker_span: Option<Span>,
    /// The claim's content, exactly `text[start..end]`.
    pub text: String,
    pub start: u32,
    pub end: u32,
    pub kind: ClaimKind,
    /// Actor id the claim is directed at or about, if any.
    pub target: Option<String>,
    /// True when the content is a direct quotation.
    pub quote: bool,
    /// The reporting cue (`said`, `accused ... of`, `according to`).
    pub cue: Option<Span>,
    /// Figures the claim carries (casualties, attacks, posts captured).
    pub figures: Vec<Figure>,
}

/// A number in a claim together with what it counts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Figure {
    pub value: f64,
    /// `"at least"`, `"more than"`, `"about"`, `"up to"` or `null` when exact.
    pub qualifier: Option<String>,
    /// What happened to them: `killed`, `wounded`, `captured`, `attacks`...
    pub measure: String,
    /// Who or what is counted, as written (`Taliban fighters`, `civilians`).
    pub counted: String,
    /// Actor the counted people belong to, if the text says (`Pakistani soldiers`).
    pub side: Option<String>,
    pub start: u32,
    pub end: u32,
}

/// A directed edge between two actors aggregated over claims.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Relation {
    pub source: String,
    pub target: String,
    pub kind: ClaimKind,
    pub count: u32,
    pub claims: Vec<String>,
}

/// Two or more sources giving different figures for the same measure.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Disagreement {
    pub measure: String,
    pub items: Vec<DisagreementItem>,
}

/// One side's figure in a [`Disagreement`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DisagreementItem {
    pub speaker: Option<String>,
    pub claim: String,
    pub value: f64,
    pub qualifier: Option<String>,
    pub counted: String,
    pub side: Option<String>,
}
