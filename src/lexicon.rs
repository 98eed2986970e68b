//! Built-in data tables: countries (with demonyms and capitals), seats of
//! power, international bodies and armed groups, titles and roles,
//! organisation/event/place head words, common first names, reporting cues,
//! unnamed-source nouns, page-clutter phrases. Data only, hand-written; the
//! stages own the logic that reads it. Everything here is general world or
//! news-writing knowledge, never specific to one article.

use crate::table;
use std::sync::OnceLock;

/// Laid out by build.rs: `LONG`, the words of the [`indexed`] lists and
/// [`CUE`] forms longer than 16 bytes, each to the bitmask of the lists that
/// hold it; `SHORT_BITS`, the size of [`ShortWords`]; `COUNTRY_INDEX` (see
/// [`is_country_name`]) and `MARKER_INDEX` (see [`markers`]).
mod tables {
    include!(concat!(env!("OUT_DIR"), "/lexicon_tables.rs"));
}

/// The [`indexed`] lists' words and [`CUE`] forms of 1 to 16 bytes by
/// [`table::short_key`], each with the bitmask of the lists that hold it
/// (so a lookup hashes the word once, whatever the list), in an
/// open-addressed table at most half full (length 0 marks an empty slot):
/// nearly every token's lookup, at a multiplication and a few integer
/// compares. Filled at first use straight from the lists, with no map in
/// between: a few tens of thousands of instructions. (Laid out at compile
/// time instead it cost 12 KB of the gzipped .wasm.)
struct ShortWords {
    /// (key, lists)
    slots: Vec<((u64, u64, u32), u32)>,
}

impl ShortWords {
    /// The slot of `key`, or the free slot where it belongs.
    #[inline]
    fn find(&self, key: (u64, u64, u32)) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = table::short_slot(key, 64 - tables::SHORT_BITS);
        loop {
            match self.slots[i] {
                (k, _) if k == key => return i,
                ((_, _, 0), _) => return i,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

fn short_words() -> &'static ShortWords {
    static SHORT: OnceLock<ShortWords> = OnceLock::new();
    SHORT.get_or_init(|| {
        let mut table = ShortWords {
            slots: vec![((0, 0, 0), 0); 1 << tables::SHORT_BITS],
        };
        let mut add = |w: &str, bit: u32| {
            if let Some(key) = table::short_key(w.as_bytes()) {
                let i = table.find(key);
                table.slots[i].0 = key;
                table.slots[i].1 |= bit;
            }
        };
        for (i, l) in indexed().iter().enumerate() {
            for w in l.iter() {
                add(w, 1 << i);
            }
        }
        for line in CUES {
            let bits = cue_bits(line);
            for f in line.split(';').next().unwrap_or("").split('|') {
                add(f, bits);
            }
        }
        table
    })
}

/// The `indexed` lists that hold `w`, one bit each (see [`bit`]): the
/// document stage keeps this for every token, so later stages test a bit
/// instead of hashing the word again.
pub fn lists_of(w: &str) -> u32 {
    match table::short_key(w.as_bytes()) {
        Some(key) => {
            let short = short_words();
            short.slots[short.find(key)].1
        }
        None => tables::LONG.get(w).copied().unwrap_or(0),
    }
}

/// The bit of `list` in [`lists_of`]'s masks, `None` for a list not indexed.
#[inline]
pub fn bit(list: &[&str]) -> Option<u32> {
    indexed()
        .iter()
        .position(|l| std::ptr::eq(l.as_ptr(), list.as_ptr()))
        .map(|i| 1 << i)
}

/// True when `w` is in `list`: a hash lookup for the big static lists, a scan otherwise.
pub fn contains(list: &[&str], w: &str) -> bool {
    match bit(list) {
        Some(bit) => lists_of(w) & bit != 0,
        None => list.contains(&w),
    }
}

/// True when `w` is the canonical name of a built-in country.
pub fn is_country_name(w: &str) -> bool {
    // the names themselves are the actors stage's lexicon entries' (entry
    // `i` is country line `i`): the .wasm keeps no second list of them
    let index = &tables::COUNTRY_INDEX;
    let mask = index.len() - 1;
    let mut i = table::slot(table::hash(w.as_bytes()), mask);
    loop {
        let Some(line) = usize::from(index[i]).checked_sub(1) else {
            return false;
        };
        if crate::actors::lexicon_name(line) == w {
            return true;
        }
        i = (i + 1) & mask;
    }
}

// The data: word lists and tables, also read by build.rs to lay out the
// compile-time tables.
include!("lexicon/data.rs");

/// Which marker lists occur in a folded text, found in one pass over its
/// word starts (markers match at word starts: "lies" is not in "supplies").
pub fn markers(folded: &str) -> u8 {
    // by first byte: an array indexed by the byte (laid out by build.rs),
    // not a map hashed per word start
    let index = &tables::MARKER_INDEX;
    // bit k: byte k of `chunk` is no word byte (one compare per byte, no branch)
    fn gaps(chunk: &[u8]) -> u32 {
        chunk.iter().enumerate().fold(0, |m, (k, &c)| {
            m | u32::from(!(c.is_ascii_alphanumeric() || c >= 0x80)) << k
        })
    }
    let b = folded.as_bytes();
    let mut found = 0u8;
    // candidates start at 0 and after every byte that is no word byte:
    // found 16 bytes at a time as bits, visited by their positions
    let mut after_gap = 1u32;
    let mut at = 0;
    for chunk in b.chunks(16) {
        let gaps = gaps(chunk);
        let mut starts = gaps << 1 & ((1 << chunk.len()) - 1) | after_gap;
        after_gap = gaps >> (chunk.len() - 1) & 1;
        while starts != 0 {
            let i = at + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let rest = &b[i..];
            for (m, bit) in index[usize::from(b[i])] {
                let m = m.as_bytes();
                // the second byte first: most candidates differ there, and the
                // test costs no memcmp call
                if m.get(1).is_none_or(|c| rest.get(1) == Some(c)) && rest.starts_with(m) {
                    found |= bit;
                }
            }
        }
        at += chunk.len();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_indexed_list_holds_the_empty_word() {
        // the document stage gives tokens that fold to "" no lists without a lookup
        assert_eq!(lists_of(""), 0);
        assert!(contains(COMMON_WORDS, "the") && !contains(COMMON_WORDS, "pakistan"));
        assert!(contains(NP_BOUNDARY_ROLE, "said") && bit(NP_BOUNDARY_ROLE).is_none());
    }

    #[test]
    fn markers_are_found_at_every_word_start() {
        // the per-byte search the 16-byte chunks replace
        fn reference(folded: &str) -> u8 {
            let b = folded.as_bytes();
            let mut found = 0;
            for i in 0..b.len() {
                if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80) {
                    continue;
                }
                for (list, bit) in MARKER_LISTS {
                    if list.iter().any(|m| b[i..].starts_with(m.as_bytes())) {
                        found |= bit;
                    }
                }
            }
            found
        }
        for marker in ["retaliat", "baseless", "will respond", "unfounded"] {
            for pad in 0..40 {
                for sep in [" ", "é", "x", "-", "\u{2019}"] {
                    let text = format!("{}{sep}{marker} and more", "a".repeat(pad));
                    assert_eq!(markers(&text), reference(&text), "{text:?}");
                    let text = format!("{}{sep}{marker}", "é".repeat(pad));
                    assert_eq!(markers(&text), reference(&text), "{text:?}");
                }
            }
        }
        assert_eq!(markers(""), 0);
        assert_ne!(markers("they will retaliate, unfounded"), 0);
    }

    /// The map the compile-time tables hold, built here from the lists.
    fn words() -> std::collections::HashMap<&'static str, u32> {
        let mut words = std::collections::HashMap::new();
        for (i, l) in indexed().iter().enumerate() {
            for w in l.iter() {
                *words.entry(*w).or_default() |= 1 << i;
            }
        }
        for line in CUES {
            let forms = line.split(';').next().unwrap_or("");
            for f in forms.split('|') {
                *words.entry(f).or_default() |= cue_bits(line);
            }
        }
        words
    }

    #[test]
    fn the_tables_agree_with_the_lists() {
        let countries: Vec<&str> = COUNTRIES
            .iter()
            .filter_map(|c| c.split([';', '|']).next())
            .collect();
        for c in COUNTRIES.iter().flat_map(|c| c.split([';', '|'])) {
            assert_eq!(is_country_name(c), countries.contains(&c), "{c}");
        }
        assert!(!is_country_name("") && !is_country_name("pakistan"));
        let short = short_words().slots.iter().filter(|s| s.0 .2 != 0).count();
        assert_eq!(short + tables::LONG.entries.len(), words().len());
        assert_eq!(
            (2 * short).next_power_of_two().trailing_zeros().max(4),
            tables::SHORT_BITS
        );
        for (w, &lists) in &words() {
            if w.len() > 16 {
                assert_eq!(tables::LONG.get(w), Some(&lists), "{w}");
            }
        }
        let mut index: Vec<Vec<(&str, u8)>> = vec![Vec::new(); 256];
        for (list, bit) in MARKER_LISTS {
            for w in list {
                index[usize::from(w.as_bytes()[0])].push((w, bit));
            }
        }
        for (b, l) in index.iter().enumerate() {
            assert_eq!(tables::MARKER_INDEX[b], &l[..]);
        }
    }

    #[test]
    fn the_short_table_agrees_with_the_map() {
        for (w, &lists) in &words() {
            assert_eq!(lists_of(w), lists, "{w}");
            for cut in [w.get(..w.len() - 1), w.get(1..)].into_iter().flatten() {
                assert_eq!(
                    lists_of(cut),
                    words().get(cut).copied().unwrap_or(0),
                    "{cut}"
                );
            }
        }
        for w in [
            "",
            "x",
            "aaaaaaaa",
            "aaaaaaaaa",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
        ] {
            assert_eq!(lists_of(w), words().get(w).copied().unwrap_or(0), "{w}");
        }
    }
}
