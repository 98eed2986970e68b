//! The output invariants every analysis must satisfy, whatever the input.
//! Shared by `tests/props.rs`, `tests/hostile.rs` and the fuzz target
//! (`fuzz/fuzz_targets/analyze.rs` includes this file by path), so the
//! three check exactly the same thing.
//!
//! `check` returns the first violation as a message rather than panicking,
//! so each caller decides how to report it (proptest shrinks on it).

#![allow(dead_code)]

use claimscope::model::Span;
use claimscope::Analysis;
use std::collections::HashSet;

/// Maps UTF-16 offsets of one text back to byte offsets; `None` for an
/// offset that falls between the two halves of a surrogate pair.
pub struct Utf16Index {
    /// `byte_at[u]` is the byte offset at UTF-16 offset `u`, or
    /// `u32::MAX` inside a surrogate pair. Empty for ASCII text.
    byte_at: Vec<u32>,
    ascii: bool,
    len16: usize,
}

impl Utf16Index {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Utf16Index {
                byte_at: Vec::new(),
                ascii: true,
                len16: text.len(),
            };
        }
        let mut byte_at = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            byte_at.push(i as u32);
            if c.len_utf16() == 2 {
                byte_at.push(u32::MAX);
            }
        }
        byte_at.push(text.len() as u32);
        let len16 = byte_at.len() - 1;
        Utf16Index {
            byte_at,
            ascii: false,
            len16,
        }
    }

    /// Length of the text in UTF-16 code units.
    pub fn len16(&self) -> usize {
        self.len16
    }

    /// The byte offset at UTF-16 offset `u`, if `u` is inside the text and
    /// on a character boundary.
    pub fn byte(&self, u: u32) -> Option<usize> {
        let u = u as usize;
        if u > self.len16 {
            return None;
        }
        if self.ascii {
            return Some(u);
        }
        match self.byte_at[u] {
            u32::MAX => None,
            b => Some(b as usize),
        }
    }
}

/// The text an analysis's offsets index: `analysis.text` when present,
/// otherwise the input.
pub fn analysed_text<'a>(analysis: &'a Analysis, input: &'a str) -> &'a str {
    analysis.text.as_deref().unwrap_or(input)
}

/// Checks every invariant of `analysis` of `input`; the first violation is
/// returned as a one-paragraph message.
pub fn check(input: &str, analysis: &Analysis) -> Result<(), String> {
    let text = analysed_text(analysis, input);
    let idx = Utf16Index::new(text);
    let range = |what: &str, start: u32, end: u32| -> Result<(usize, usize), String> {
        if start > end {
            return Err(format!("{what}: start {start} > end {end}"));
        }
        if end as usize > idx.len16() {
            return Err(format!(
                "{what}: end {end} past the text's UTF-16 length {}",
                idx.len16()
            ));
        }
        let bs = idx
            .byte(start)
            .ok_or_else(|| format!("{what}: start {start} splits a surrogate pair"))?;
        let be = idx
            .byte(end)
            .ok_or_else(|| format!("{what}: end {end} splits a surrogate pair"))?;
        Ok((bs, be))
    };
    let span = |what: &str, s: &Span| range(what, s.start, s.end);

    if analysis.offset_unit != "utf16" {
        return Err(format!("offset_unit is {:?}", analysis.offset_unit));
    }

    // ids: unique across actors, sources and claims
    let mut ids = HashSet::new();
    let actor_ids: HashSet<&str> = analysis.actors.iter().map(|a| a.id.as_str()).collect();
    let source_ids: HashSet<&str> = analysis.sources.iter().map(|s| s.id.as_str()).collect();
    let claim_ids: HashSet<&str> = analysis.claims.iter().map(|c| c.id.as_str()).collect();
    let all_ids = analysis
        .actors
        .iter()
        .map(|a| &a.id)
        .chain(analysis.sources.iter().map(|s| &s.id))
        .chain(analysis.claims.iter().map(|c| &c.id));
    for id in all_ids {
        if !ids.insert(id.as_str()) {
            return Err(format!("duplicate id {id:?}"));
        }
    }
    let is_actor = |what: &str, id: &Option<String>| match id {
        Some(id) if !actor_ids.contains(id.as_str()) => {
            Err(format!("{what}: {id:?} is not an actor id"))
        }
        _ => Ok(()),
    };

    let doc = &analysis.document;
    let mut last = 0;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        span(&format!("paragraph {i}"), p)?;
        if p.start < last {
            return Err(format!("paragraph {i} starts before the previous one"));
        }
        last = p.start;
    }
    let mut last = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        span(&format!("sentence {i}"), s)?;
        if s.start < last {
            return Err(format!("sentence {i} starts before the previous one"));
        }
        last = s.start;
    }
    for (i, x) in doc.excluded.iter().enumerate() {
        range(&format!("excluded {i}"), x.start, x.end)?;
    }

    for a in &analysis.actors {
        if !(0.0..=1.0).contains(&a.salience) {
            return Err(format!("actor {}: salience {}", a.id, a.salience));
        }
        is_actor(&format!("actor {} affiliation", a.id), &a.affiliation)?;
        for (i, m) in a.mentions.iter().enumerate() {
            span(&format!("actor {} mention {i}", a.id), m)?;
        }
    }
    for s in &analysis.sources {
        is_actor(&format!("source {} affiliation", s.id), &s.affiliation)?;
        for (i, m) in s.mentions.iter().enumerate() {
            span(&format!("source {} mention {i}", s.id), m)?;
        }
    }
    for c in &analysis.claims {
        let (bs, be) = range(&format!("claim {}", c.id), c.start, c.end)?;
        if text[bs..be] != c.text {
            return Err(format!(
                "claim {}: text {:?} is not the text at [{}, {}): {:?}",
                c.id,
                c.text,
                c.start,
                c.end,
                &text[bs..be]
            ));
        }
        if let Some(s) = &c.speaker {
            if !actor_ids.contains(s.as_str()) && !source_ids.contains(s.as_str()) {
                return Err(format!(
                    "claim {}: speaker {s:?} is neither actor nor source",
                    c.id
                ));
            }
        }
        is_actor(&format!("claim {} target", c.id), &c.target)?;
        if let Some(sp) = &c.speaker_span {
            let (a, b) = span(&format!("claim {} speaker_span", c.id), sp)?;
            if let Some(t) = &c.speaker_text {
                if text[a..b] != *t {
                    return Err(format!(
                        "claim {}: speaker_text {t:?} is not the text at its span: {:?}",
                        c.id,
                        &text[a..b]
                    ));
                }
            }
        }
        if let Some(cue) = &c.cue {
            span(&format!("claim {} cue", c.id), cue)?;
        }
        for (i, f) in c.figures.iter().enumerate() {
            range(&format!("claim {} figure {i}", c.id), f.start, f.end)?;
            if !f.value.is_finite() {
                return Err(format!("claim {} figure {i}: value {}", c.id, f.value));
            }
            is_actor(&format!("claim {} figure {i} side", c.id), &f.side)?;
        }
    }
    for r in &analysis.relations {
        is_actor("relation source", &Some(r.source.clone()))?;
        is_actor("relation target", &Some(r.target.clone()))?;
        if r.count as usize != r.claims.len() {
            return Err(format!(
                "relation count {} != {} claims",
                r.count,
                r.claims.len()
            ));
        }
        if let Some(c) = r.claims.iter().find(|c| !claim_ids.contains(c.as_str())) {
            return Err(format!("relation names unknown claim {c:?}"));
        }
    }
    for d in &analysis.disagreements {
        for item in &d.items {
            if !claim_ids.contains(item.claim.as_str()) {
                return Err(format!("disagreement names unknown claim {:?}", item.claim));
            }
        }
    }
    if doc.truncated && analysis.warnings.is_empty() {
        return Err("truncated without a warning".into());
    }
    Ok(())
}

/// Panics of the core that are known, reported and not yet fixed, as
/// (source file, words of the panic message). Property tests tolerate
/// these so they keep hunting for new kinds of failure meanwhile; each one
/// has a reproducer in `fuzz/regressions/` and an ignored test in
/// `tests/hostile.rs`. Delete the entry when the bug is fixed.
/// Empty now: the three found so far (turn_label and dateline_end slicing
/// at bytes 48 and 80 inside a character, merge_elaborations slicing
/// between overlapping claims) are fixed.
pub const OPEN_CORE_PANICS: &[(&str, &str)] = &[];

/// Invariant violations that are known, reported and not yet fixed, as
/// words of the message [`check`] gives. Property tests tolerate these;
/// each has a reproducer in `fuzz/regressions/` and an ignored test in
/// `tests/hostile.rs`. Delete the entry when the bug is fixed.
/// Empty now: figures that parsed to infinity are fixed (63aebf8).
pub const OPEN_CORE_VIOLATIONS: &[&str] = &[];

/// True when `violation` (a message from [`check`]) is a known open bug.
pub fn is_open_violation(violation: &str) -> bool {
    OPEN_CORE_VIOLATIONS.iter().any(|w| violation.contains(w))
}

/// Analyses `input`; `None` when the core panicked with one of
/// [`OPEN_CORE_PANICS`]. Any other panic propagates.
pub fn analyze_tolerating(input: &str, options: &claimscope::Options) -> Option<Analysis> {
    use std::cell::RefCell;
    use std::panic;
    use std::sync::Once;

    thread_local! {
        static KNOWN: RefCell<bool> = const { RefCell::new(false) };
    }
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let file = info.location().map_or("", |l| l.file());
            let msg = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| info.payload().downcast_ref::<&str>().copied())
                .unwrap_or("");
            let known = OPEN_CORE_PANICS
                .iter()
                .any(|(f, words)| file.ends_with(f) && msg.contains(words));
            KNOWN.with(|k| *k.borrow_mut() = known);
            if !known {
                previous(info);
            }
        }));
    });
    KNOWN.with(|k| *k.borrow_mut() = false);
    match panic::catch_unwind(|| claimscope::analyze(input, options)) {
        Ok(a) => Some(a),
        Err(e) if KNOWN.with(|k| *k.borrow()) => {
            drop(e);
            None
        }
        Err(e) => panic::resume_unwind(e),
    }
}

/// How the fuzz target and the regression sweep read one input: a first
/// byte below 4 forces a format (`text`, `markdown`, `html`, sniffed) and
/// is not part of the text; anything else is all text, sniffed.
pub fn split_format(data: &[u8]) -> (Option<&'static str>, &[u8]) {
    match data.split_first() {
        Some((b, rest)) if *b < 4 => (
            [Some("text"), Some("markdown"), Some("html"), None][*b as usize],
            rest,
        ),
        _ => (None, data),
    }
}
