//! # Claimscope
//!
//! Reads a news or opinion article and finds **who the actors are** (states,
//! governments, armed groups, organisations, people) and **who claims what
//! about whom** (quotes, reported speech, accusations, denials, demands,
//! threats, figures, unnamed sources).
//!
//! Data flows one way through one module per stage:
//! text → [`document`] → [`actors`] → [`claims`] → [`analysis`], and
//! [`offsets`] turns internal byte offsets into the UTF-16 offsets of the
//! [`model`] handed out. [`lexicon`] holds the built-in data tables.
//! [`job`] runs the same stages one call at a time, for callers that must
//! stay responsive (the page's worker).
//! This crate knows nothing about JavaScript; the `wasm` module (built only
//! for `wasm32`) converts types at the boundary.
//!
//! ```
//! let a = claimscope::analyze(
//!     "Pakistan accused the Taliban of harbouring militants, Foreign Minister Ishaq Dar said.",
//!     &claimscope::Options::default(),
//! );
//! assert!(a.actors.iter().any(|x| x.name == "Pakistan"));
//! ```
#![deny(missing_docs)]

pub mod actors;
pub mod analysis;
mod case;
pub mod claims;
pub mod document;
pub mod input;
pub mod job;
pub mod lexicon;
#[allow(missing_docs)]
pub mod model;
pub mod offsets;
pub mod reduce;
mod sort;
mod table;
mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use model::{Actor, ActorKind, Analysis, Claim, ClaimKind, SCHEMA_VERSION};

/// Inputs larger than this (in UTF-8 bytes) are analysed up to the limit
/// only, with `document.truncated` set and a warning.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Options for [`analyze`]. The default suits the page and the CLI.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct Options {
    /// Force the input format (`"text"`, `"markdown"`, `"html"`) instead of sniffing it.
    pub format: Option<String>,
}

/// Analyse one article. Never panics; empty or meaningless input gives an
/// analysis with empty lists.
pub fn analyze(input: &str, options: &Options) -> Analysis {
    let doc = document::Document::parse(input, options.format.as_deref());
    let actors = actors::find(&doc);
    let claims = claims::find(&doc, &actors);
    analysis::build(&doc, &actors, &claims)
}
