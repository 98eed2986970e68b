//! Lays out the lexicon's lookup tables at compile time, so the analyser
//! builds none of them when the first text arrives (in WebAssembly that
//! start-up work is compiled and run on a visitor's first analysis).
//!
//! The word lists in src/lexicon/data.rs stay the single source: this script
//! includes them, with the tokenizer and folding of src/text.rs (so lexicon
//! surfaces are folded exactly as text is at run time) and the hashing of
//! src/table.rs (so keys sit where the run-time lookups probe), and writes
//! Rust source into OUT_DIR, which src/lexicon.rs and src/actors.rs
//! include.

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/case.rs"]
mod case;
#[allow(dead_code)]
#[path = "src/table.rs"]
mod table;
#[allow(dead_code)]
#[path = "src/text.rs"]
mod text;
#[allow(dead_code)]
mod lexicon {
    include!("src/lexicon/data.rs");
}

use lexicon as lx;

fn main() {
    for f in [
        "build.rs",
        "src/case.rs",
        "src/table.rs",
        "src/text.rs",
        "src/lexicon/data.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    write(&out.join("lexicon_tables.rs"), &lexicon_tables());
    write(&out.join("actors_tables.rs"), &actors_tables());
}

fn write(path: &Path, src: &str) {
    // unchanged output keeps its time stamp: no needless recompiles
    if std::fs::read_to_string(path).ok().as_deref() != Some(src) {
        std::fs::write(path, src).expect("writing a generated table");
    }
}

/// `vis static name: Table<ty>` holding `entries` (distinct, non-empty keys,
/// each with its value as Rust source), each key placed as `Table::get`
/// probes.
fn table(vis: &str, name: &str, ty: &str, entries: &[(&str, String)]) -> String {
    let n = (2 * entries.len()).next_power_of_two().max(2);
    let mask = n - 1;
    assert!(
        entries.len() < usize::from(u16::MAX),
        "{name}: too many keys"
    );
    let mut index = vec![0usize; n];
    for (e, (key, _)) in entries.iter().enumerate() {
        assert!(!key.is_empty(), "{name}: an empty key");
        assert!(
            entries[..e].iter().all(|(k, _)| k != key),
            "{name}: {key:?} twice"
        );
        let mut i = table::slot(table::hash(key.as_bytes()), mask);
        while index[i] != 0 {
            i = (i + 1) & mask;
        }
        index[i] = e + 1;
    }
    let mut s = format!(
        "{vis}static {name}: crate::table::Table<{ty}> = crate::table::Table {{\n    index: &{index:?},\n    entries: &[\n"
    );
    for (k, v) in entries {
        writeln!(s, "        ({k:?}, {v}),").unwrap();
    }
    s.push_str("    ],\n};\n");
    s
}

/// The open-addressed index of `keys` (distinct, non-empty) that
/// `Table::get` probes: a power of two many slots, at most half full, each
/// 0 or 1 + a key's position; `dense`, at most two thirds full instead
/// (half the slots for some sizes: for an index off the hot path).
fn place(name: &str, keys: &[&str], dense: bool) -> Vec<usize> {
    let n = match dense {
        false => 2 * keys.len(),
        true => 3 * keys.len() / 2,
    };
    let n = n.next_power_of_two().max(2);
    let mask = n - 1;
    assert!(keys.len() < usize::from(u16::MAX), "{name}: too many keys");
    let mut index = vec![0usize; n];
    for (e, key) in keys.iter().enumerate() {
        assert!(!key.is_empty(), "{name}: an empty key");
        assert!(!keys[..e].contains(key), "{name}: {key:?} twice");
        let mut i = table::slot(table::hash(key.as_bytes()), mask);
        while index[i] != 0 {
            i = (i + 1) & mask;
        }
        index[i] = e + 1;
    }
    index
}

// ---------------------------------------------------------------- lexicon

fn lexicon_tables() -> String {
    // each word of the indexed lists and cue forms → bitmask of its lists
    let mut words: Vec<(&str, u32)> = Vec::new();
    let mut add = |w: &'static str, bit: u32| match words.iter_mut().find(|(k, _)| *k == w) {
        Some((_, b)) => *b |= bit,
        None => words.push((w, bit)),
    };
    for (i, l) in lx::indexed().iter().enumerate() {
        for w in l.iter() {
            add(w, 1 << i);
        }
    }
    let mut cues: Vec<&str> = Vec::new();
    for line in lx::CUES {
        for f in line.split(';').next().unwrap_or("").split('|') {
            // one class and frame per form: the mask bits of two would mix
            assert!(!cues.contains(&f), "cue form {f:?} twice");
            cues.push(f);
            add(f, lx::cue_bits(line));
        }
    }
    // the short words in the layout lexicon::lists_of probes
    let short: Vec<_> = words
        .iter()
        .filter_map(|&(w, bits)| table::short_key(w.as_bytes()).map(|k| (k, bits)))
        .collect();
    // the short words are placed at first use (see lexicon::ShortWords):
    // only the table's size is decided here
    let bits = (2 * short.len())
        .next_power_of_two()
        .trailing_zeros()
        .max(4);
    let mut s = format!("pub(super) const SHORT_BITS: u32 = {bits};\n");
    let long: Vec<(&str, String)> = words
        .iter()
        .filter(|(w, _)| table::short_key(w.as_bytes()).is_none() && !w.is_empty())
        .map(|&(w, bits)| (w, format!("{bits:#x}")))
        .collect();
    s += &table("pub(super) ", "LONG", "u32", &long);

    // each country line's name (its first), by the line's position: the
    // actors stage's lexicon entry of the same position holds the name
    let mut names: Vec<&str> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    for (i, c) in lx::COUNTRIES.iter().enumerate() {
        if let Some(n) = c.split([';', '|']).next() {
            if !names.contains(&n) {
                names.push(n);
                lines.push(i);
            }
        }
    }
    let index: Vec<usize> = place("COUNTRY_INDEX", &names, true)
        .into_iter()
        .map(|e| e.checked_sub(1).map_or(0, |e| lines[e] + 1))
        .collect();
    assert!(lx::COUNTRIES.len() < usize::from(u16::MAX));
    writeln!(
        s,
        "pub(super) static COUNTRY_INDEX: [u16; {}] = {index:?};",
        index.len()
    )
    .unwrap();

    let mut index: Vec<Vec<(&str, u8)>> = vec![Vec::new(); 256];
    for (list, bit) in lx::MARKER_LISTS {
        for w in list {
            index[usize::from(w.as_bytes()[0])].push((w, bit));
        }
    }
    s.push_str("pub(super) static MARKER_INDEX: [&[(&str, u8)]; 256] = [\n");
    for l in index {
        writeln!(s, "    &{l:?},").unwrap();
    }
    s.push_str("];\n");
    s
}

// ---------------------------------------------------------------- actors

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum LexForm {
    Name,
    Demonym,
    Capital,
}

struct LexEntry {
    name: &'static str,
    kind: &'static str,
    governs: Option<usize>,
}

type LexVariant = (Vec<String>, usize, LexForm, Option<&'static str>);

fn fold_tokens(s: &str) -> Vec<String> {
    let mut toks = Vec::new();
    text::tokenize(s, 0, s.len(), &mut toks);
    toks.iter().map(|t| text::fold(t.text(s))).collect()
}

/// The actors stage's lexicon: entries (names, kinds, governed countries)
/// and each folded first token's surfaces, longest first.
fn actors_tables() -> String {
    let mut entries: Vec<LexEntry> = Vec::new();
    let mut by_first: Vec<(String, Vec<LexVariant>)> = Vec::new();
    let add = |by_first: &mut Vec<(String, Vec<LexVariant>)>,
               surface: &'static str,
               entry: usize,
               form: LexForm| {
        let toks = fold_tokens(surface);
        if toks.is_empty() {
            return;
        }
        let exact = text::is_acronym(surface).then_some(surface);
        let variant = (toks.clone(), entry, form, exact);
        match by_first.iter_mut().find(|(k, _)| *k == toks[0]) {
            Some((_, l)) => l.push(variant),
            None => by_first.push((toks[0].clone(), vec![variant])),
        }
    };
    let list = |s: Option<&'static str>| s.unwrap_or("").split('|').filter(|s| !s.is_empty());
    for line in lx::COUNTRIES {
        let mut parts = line.split(';');
        let names = parts.next().unwrap_or("");
        let idx = entries.len();
        entries.push(LexEntry {
            name: names.split('|').next().unwrap_or(""),
            kind: "Country",
            governs: None,
        });
        for n in names.split('|') {
            add(&mut by_first, n, idx, LexForm::Name);
        }
        for d in list(parts.next()) {
            add(&mut by_first, d, idx, LexForm::Demonym);
        }
        for c in list(parts.next()) {
            add(&mut by_first, c, idx, LexForm::Capital);
        }
    }
    for line in lx::SEATS {
        let (seat, country) = line.split_once(';').unwrap_or((line, ""));
        if let Some(idx) = entries.iter().position(|e| e.name == country) {
            add(&mut by_first, seat, idx, LexForm::Capital);
        }
    }
    for line in lx::BODIES {
        let (kind, names) = line.split_once(';').unwrap_or(("o", line));
        let idx = entries.len();
        entries.push(LexEntry {
            name: names.split('|').next().unwrap_or(""),
            kind: if kind == "g" {
                "ArmedGroup"
            } else {
                "Organization"
            },
            governs: None,
        });
        for n in names.split('|') {
            add(&mut by_first, n, idx, LexForm::Name);
        }
    }
    for (ruler, country) in lx::GOVERNS {
        let c = entries.iter().position(|e| e.name == *country);
        if let Some(r) = entries.iter_mut().find(|e| e.name == *ruler) {
            r.governs = c;
        }
    }
    // the names one after another in ENTRY_NAMES, each entry at an offset
    let mut s = format!("static ENTRIES: [LexEntry; {}] = [\n", entries.len());
    let mut names = String::new();
    for e in &entries {
        assert!(names.len() <= usize::from(u16::MAX) && e.name.len() < 256);
        assert!(e.governs.is_none_or(|g| g < usize::from(u16::MAX)));
        writeln!(
            s,
            "    LexEntry {{ at: {}, len: {}, kind: ActorKind::{}, governs: {} }},",
            names.len(),
            e.name.len(),
            e.kind,
            e.governs.map_or(0, |g| g + 1)
        )
        .unwrap();
        names.push_str(e.name);
    }
    writeln!(s, "];\nstatic ENTRY_NAMES: &str = {names:?};").unwrap();
    // each entry's demonym (the first listed for the country line first
    // named as the entry), one after another: entry `e`'s is
    // `DEMONYM_TEXT[DEMONYM_ENDS[e]..DEMONYM_ENDS[e + 1]]`, empty for none
    let mut demonyms = String::new();
    let mut demonym_ends = vec![0usize];
    for e in &entries {
        let d = lx::COUNTRIES
            .iter()
            .find(|c| c.split([';', '|']).next() == Some(e.name))
            .and_then(|c| c.split(';').nth(1))
            .and_then(|d| d.split('|').next())
            .unwrap_or("");
        demonyms.push_str(d);
        demonym_ends.push(demonyms.len());
    }
    assert!(demonyms.len() <= usize::from(u16::MAX));
    write!(
        s,
        "static DEMONYM_TEXT: &str = {demonyms:?};\n\
         static DEMONYM_ENDS: [u16; {}] = {demonym_ends:?};\n",
        demonym_ends.len()
    )
    .unwrap();
    // the variants, grouped by first token, longest first within a group
    // (stable: equally long surfaces keep their order in the lists)
    let max = by_first
        .iter()
        .flat_map(|(_, l)| l.iter().map(|v| v.0.len()))
        .max()
        .unwrap_or(1);
    let mut text = String::new();
    let mut variants = String::new();
    let mut groups = vec![0usize];
    for (_, l) in by_first.iter_mut() {
        l.sort_by_key(|(t, ..)| std::cmp::Reverse(t.len()));
        for (toks, entry, form, exact) in l.iter() {
            let at = text.len();
            let mut ends = vec![0usize; max];
            for (k, t) in toks.iter().enumerate() {
                assert!(!t.is_empty(), "an empty token in {toks:?}");
                text.push_str(t);
                ends[k] = text.len() - at;
            }
            let exact = exact.unwrap_or("");
            text.push_str(exact);
            assert!(text.len() - at < 256, "{toks:?} too long");
            assert!(at <= usize::from(u16::MAX) && *entry <= usize::from(u16::MAX));
            writeln!(
                variants,
                "    LexVariant {{ at: {at}, n: {}, ends: {ends:?}, exact: {}, entry: {entry}, form: LexForm::{form:?} }},",
                toks.len(),
                exact.len()
            )
            .unwrap();
        }
        groups.push(groups.last().unwrap() + l.len());
    }
    assert!(text.len() <= usize::from(u16::MAX));
    let keys: Vec<&str> = by_first.iter().map(|(k, _)| k.as_str()).collect();
    let index = place("LEX_INDEX", &keys, false);
    write!(
        s,
        "const MAX_LEX_TOKENS: usize = {max};\n\
         static LEX_TEXT: &str = {text:?};\n\
         static LEX_VARIANTS: [LexVariant; {}] = [\n{variants}];\n\
         static LEX_GROUPS: [u16; {}] = {groups:?};\n\
         static LEX_INDEX: [u16; {}] = {index:?};\n",
        groups.last().unwrap(),
        groups.len(),
        index.len(),
    )
    .unwrap();
    s
}
