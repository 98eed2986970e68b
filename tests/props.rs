//! Property tests: `analyze` never panics and its output keeps every
//! invariant of `tests/invariants` on arbitrary strings and on real
//! articles mutated with the characters that break text processors.
//!
//! 256 cases per property by default so `cargo test` stays quick; raise it
//! with `PROPTEST_CASES=10000 cargo test --release --test props`.
#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use claimscope::Options;
use proptest::prelude::*;
use proptest::sample::Index;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        // shrinking a 10 KB article is slow and the invariant message already
        // names the offending span
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    }
}

const FIXTURES: &[&str] = &[
    include_str!("fixtures/000_8228bad44fde5561.txt"),
    include_str!("fixtures/001_1e39b4b654d8142d.txt"),
    include_str!("fixtures/002_a19b945fea9102a1.txt"),
    include_str!("fixtures/003_763063db9dec2270.txt"),
    include_str!("fixtures/004_e0f29b29399b32f3.txt"),
    include_str!("fixtures/extra/articles/101_sudan_el_fasher_wire.txt"),
    include_str!("fixtures/extra/articles/102_south_china_sea_briefing.txt"),
    include_str!("fixtures/extra/articles/103_ukraine_drone_numbers_feature.txt"),
    include_str!("fixtures/extra/articles/104_ostrelia_varnesia_clf.txt"),
    include_str!("fixtures/extra/articles/105_india_pakistan_opinion.txt"),
    include_str!("fixtures/extra/articles/106_gaza_school_strike.txt"),
];

/// Pieces that stress quote pairing, sentence splitting, speaker labels,
/// offsets (astral chars, combining marks, RTL) and the format sniffer.
const SNIPPETS: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "—",
    "–",
    "-",
    " - ",
    ":",
    ";",
    "(",
    ")",
    "[",
    "]",
    ". ",
    "? ",
    "! ",
    "...",
    "…",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\0",
    "\u{FFFD}",
    "\u{FEFF}",
    "\u{200B}",
    "\u{200D}",
    "\u{2028}",
    "\u{2029}",
    "\u{00A0}",
    "\u{0301}",
    "e\u{0301}\u{0302}\u{0303}",
    "😀",
    "👩\u{200D}👩\u{200D}👧",
    "🇵🇰",
    "𝐀𝐁",
    "\u{202E}",
    "\u{202B}",
    "\u{200F}",
    "مرحبا",
    "שלום",
    "中文",
    "Ⅻ",
    "ǅ",
    "İ",
    "ß",
    "ﬁ",
    "#",
    "# ",
    "## ",
    "* ",
    "- ",
    "1. ",
    "> ",
    "`",
    "```\n",
    "|",
    "<",
    ">",
    "&",
    "&amp;",
    "&#0;",
    "&#x1F600;",
    "<p>",
    "</p>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<style>",
    "said",
    " said ",
    "according to ",
    "accused ",
    " of ",
    "denied",
    "Pakistan",
    "the Taliban",
    "Kabul",
    "Foreign Minister Ishaq Dar",
    "officials",
    "sources said",
    "MAO NING: ",
    "Q: ",
    "he said",
    "at least 12 soldiers were killed",
    "99999999999999999999999999",
    "1e308",
    "1,000,000",
    "0.5",
    "-3",
    "Republic of ",
    "Mr. ",
    "U.S. ",
    "e.g. ",
    "By ",
    "Reuters",
    "(Reuters) - ",
];

fn snippet() -> impl Strategy<Value = &'static str> {
    prop::sample::select(SNIPPETS)
}

/// A string built from snippets, words and arbitrary characters.
fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => snippet().prop_map(str::to_string),
            2 => "[A-Z][a-z]{0,8}",
            2 => "[a-z]{1,8} ",
            1 => any::<char>().prop_map(String::from),
            1 => ".{0,12}",
        ],
        0..120,
    )
    .prop_map(|parts| parts.concat())
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, &'static str),
    InsertRepeated(Index, &'static str, usize),
    Delete(Index, Index),
    Duplicate(Index, Index),
    Truncate(Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (any::<Index>(), snippet()).prop_map(|(i, s)| Edit::Insert(i, s)),
        1 => (any::<Index>(), snippet(), 2usize..200).prop_map(|(i, s, n)| Edit::InsertRepeated(i, s, n)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::Delete(a, b)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::Duplicate(a, b)),
        1 => any::<Index>().prop_map(Edit::Truncate),
    ]
}

/// A character boundary of `s` chosen by `i`.
fn boundary(s: &str, i: &Index) -> usize {
    let mut b = i.index(s.len() + 1);
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    b
}

fn apply(mut s: String, edits: &[Edit]) -> String {
    for e in edits {
        match e {
            Edit::Insert(i, t) => s.insert_str(boundary(&s, i), t),
            Edit::InsertRepeated(i, t, n) => s.insert_str(boundary(&s, i), &t.repeat(*n)),
            Edit::Delete(a, b) => {
                let (a, b) = (boundary(&s, a), boundary(&s, b));
                s.replace_range(a.min(b)..a.max(b), "");
            }
            Edit::Duplicate(a, b) => {
                let (a, b) = (boundary(&s, a), boundary(&s, b));
                let piece = s[a.min(b)..a.max(b)].to_string();
                s.insert_str(a.max(b), &piece);
            }
            Edit::Truncate(i) => s.truncate(boundary(&s, i)),
        }
    }
    s
}

fn format() -> impl Strategy<Value = Option<String>> {
    prop::sample::select(vec![
        None,
        Some("text"),
        Some("markdown"),
        Some("html"),
        Some("bogus"),
    ])
    .prop_map(|f| f.map(str::to_string))
}

fn assert_invariants(input: &str, format: Option<String>) -> Result<(), TestCaseError> {
    let options = Options { format };
    // a known, reported core panic (invariants::OPEN_CORE_PANICS) passes
    // the case; any other panic fails it
    let Some(analysis) = invariants::analyze_tolerating(input, &options) else {
        return Ok(());
    };
    match invariants::check(input, &analysis) {
        Err(e) if !invariants::is_open_violation(&e) => return Err(TestCaseError::fail(e)),
        _ => {}
    }
    // the CLI and the page serialise it: that must not fail either
    serde_json::to_string(&analysis).map_err(|e| TestCaseError::fail(e.to_string()))?;
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_strings(s in any::<String>(), format in format()) {
        assert_invariants(&s, format)?;
    }

    #[test]
    fn tricky_strings(s in tricky_text(), format in format()) {
        assert_invariants(&s, format)?;
    }

    #[test]
    fn mutated_articles(
        which in 0..FIXTURES.len(),
        edits in prop::collection::vec(edit(), 1..24),
        format in format(),
    ) {
        let s = apply(FIXTURES[which].to_string(), &edits);
        assert_invariants(&s, format)?;
    }

    /// Each fixture with one kind of character sprinkled throughout:
    /// exercises the same cue in every sentence rather than one place.
    #[test]
    fn sprinkled_articles(which in 0..FIXTURES.len(), piece in snippet(), every in 1usize..64) {
        let mut s = String::new();
        for (n, w) in FIXTURES[which].split_inclusive(' ').enumerate() {
            s.push_str(w);
            if n % every == 0 {
                s.push_str(piece);
            }
        }
        assert_invariants(&s, None)?;
    }

    /// decode never panics, and whatever it accepts analyses cleanly.
    #[test]
    fn decoded_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(d) = claimscope::input::decode(&bytes) {
            assert_invariants(&d.text, None)?;
        }
    }

    /// A real article's bytes with random byte-level damage.
    #[test]
    fn damaged_article_bytes(
        which in 0..FIXTURES.len(),
        damage in prop::collection::vec((any::<Index>(), any::<u8>()), 1..16),
    ) {
        let mut bytes = FIXTURES[which].as_bytes().to_vec();
        for (i, b) in &damage {
            let at = i.index(bytes.len());
            bytes[at] = *b;
        }
        if let Ok(d) = claimscope::input::decode(&bytes) {
            assert_invariants(&d.text, None)?;
        }
    }
}
