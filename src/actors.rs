//! Stage 2: document → actors. Finds actor mentions, types them and merges
//! the mentions of one referent.

use crate::document::Document;

/// The actors found in a document, with byte-offset mentions.
#[derive(Default)]
pub struct Actors {
    /// In order of first mention.
    pub list: Vec<ActorData>,
}

/// One actor with byte-offset mentions.
pub struct ActorData {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: crate::ActorKind,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// Role or title.
    pub role: Option<String>,
    /// Index of the affiliated actor.
    pub affiliation: Option<usize>,
    /// Mentions as byte ranges.
    pub mentions: Vec<(usize, usize)>,
}

/// Finds the actors of `doc`.
pub fn find(_doc: &Document) -> Actors {
    Actors::default()
}
