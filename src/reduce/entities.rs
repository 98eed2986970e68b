//! HTML character references (`&amp;`, `&eacute;`, `&#8217;`, `&#x2014;`),
//! decoded as the WHATWG tokenizer does in text: the full table of named
//! references, the legacy names that need no `;` (`&copy`, `&amp`), and the
//! numeric fixes (Windows-1252 for 0x80–0x9F, U+FFFD for NUL, surrogates and
//! out-of-range values).

use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::FxBuildHasher;

/// Longest name in the table (`CounterClockwiseContourIntegral`).
const MAX_NAME: usize = 32;

/// One named reference: what it decodes to, and whether it is also
/// recognised without the `;`.
#[derive(Clone, Copy)]
struct Named {
    chars: [char; 2],
    two: bool,
    legacy: bool,
}

fn table() -> &'static HashMap<&'static str, Named, FxBuildHasher> {
    static TABLE: OnceLock<HashMap<&'static str, Named, FxBuildHasher>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::with_capacity_and_hasher(2200, FxBuildHasher);
        // lines in code point order, each after the first code point's
        // difference from the previous line's: see entities.txt
        let mut first = 0u32;
        for line in include_str!("entities.txt").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut words = line.split(' ');
            let points = words.next().unwrap_or("");
            let (delta, second) = match points.split_once(',') {
                Some((d, s)) => (d, Some(s)),
                None => (points, None),
            };
            first = first.wrapping_add(u32::from_str_radix(delta, 16).unwrap_or(0));
            let char_of = |p: Option<u32>| p.and_then(char::from_u32).unwrap_or('\u{fffd}');
            let chars = [
                char_of(Some(first)),
                char_of(second.and_then(|s| u32::from_str_radix(s, 16).ok())),
            ];
            for name in words {
                let (name, legacy) = match name.strip_suffix('*') {
                    Some(n) => (n, true),
                    None => (name, false),
                };
                map.insert(
                    name,
                    Named {
                        chars,
                        two: second.is_some(),
                        legacy,
                    },
                );
            }
        }
        map
    })
}

/// Decodes the character reference starting at `s[at]` (an `&`) into `out`
/// and returns the index just past it. When no reference starts there, pushes
/// the `&` itself and returns `at + 1`.
pub(crate) fn decode(s: &str, at: usize, out: &mut String) -> usize {
    let b = s.as_bytes();
    debug_assert_eq!(b.get(at), Some(&b'&'));
    let mut i = at + 1;
    if b.get(i) == Some(&b'#') {
        i += 1;
        let hex = matches!(b.get(i), Some(b'x' | b'X'));
        if hex {
            i += 1;
        }
        let start = i;
        let mut value: u32 = 0;
        while let Some(d) = b
            .get(i)
            .and_then(|&c| (c as char).to_digit(if hex { 16 } else { 10 }))
        {
            // Saturates past the Unicode range: the value is replaced anyway.
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d)
                .min(0x11_0000);
            i += 1;
        }
        if i == start {
            out.push('&');
            return at + 1;
        }
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        out.push(numeric(value));
        return i;
    }
    let end = b[i..]
        .iter()
        .take(MAX_NAME + 1)
        .position(|c| !c.is_ascii_alphanumeric())
        .map_or((i + MAX_NAME + 1).min(b.len()), |p| i + p);
    let name = &s[i..end];
    if b.get(end) == Some(&b';') {
        if let Some(named) = table().get(name) {
            push(out, named);
            return end + 1;
        }
    }
    // Without a `;`, the longest legacy name the text starts with ("&notit;" is "¬it;").
    for len in (2..=name.len().min(6)).rev() {
        if let Some(named) = table().get(&name[..len]).filter(|n| n.legacy) {
            push(out, named);
            return i + len;
        }
    }
    out.push('&');
    at + 1
}

fn push(out: &mut String, named: &Named) {
    out.push(named.chars[0]);
    if named.two {
        out.push(named.chars[1]);
    }
}

/// The character a numeric reference stands for, with the tokenizer's fixes.
fn numeric(value: u32) -> char {
    const CP1252: [u16; 32] = [
        0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013,
        0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
    ];
    let value = match value {
        0x80..=0x9f => u32::from(CP1252[(value - 0x80) as usize]),
        v => v,
    };
    match value {
        0 => '\u{fffd}',
        v => char::from_u32(v).unwrap_or('\u{fffd}'),
    }
}

#[cfg(test)]
mod tests {
    fn decoded(s: &str) -> (String, usize) {
        let mut out = String::new();
        let end = super::decode(s, 0, &mut out);
        (out, end)
    }

    #[test]
    fn named_numeric_and_legacy_references() {
        assert_eq!(decoded("&amp;x"), ("&".into(), 5));
        assert_eq!(decoded("&eacute;"), ("é".into(), 8));
        assert_eq!(
            decoded("&CounterClockwiseContourIntegral;"),
            ("∳".into(), 33)
        );
        assert_eq!(decoded("&NotEqualTilde;"), ("\u{2242}\u{338}".into(), 15));
        assert_eq!(decoded("&#8217;"), ("\u{2019}".into(), 7));
        assert_eq!(decoded("&#x2014;"), ("—".into(), 8));
        assert_eq!(decoded("&#X2014"), ("—".into(), 7));
        assert_eq!(decoded("&#150;"), ("–".into(), 6));
        assert_eq!(decoded("&#0;"), ("\u{fffd}".into(), 4));
        assert_eq!(decoded("&#xD800;"), ("\u{fffd}".into(), 8));
        assert_eq!(decoded("&#99999999999999;"), ("\u{fffd}".into(), 17));
        assert_eq!(decoded("&copy 2024"), ("©".into(), 5));
        assert_eq!(decoded("&notit;"), ("¬".into(), 4));
        assert_eq!(decoded("&ampx;"), ("&".into(), 4));
    }

    #[test]
    fn the_table_is_the_whatwg_one() {
        // the 2,125 names (2,231 with the legacy forms without ';') as read
        // from the table's earlier one-line-per-name form (name, '*' for
        // legacy, code points): an FNV-1a digest of "name chars two legacy"
        // lines in name order
        const DIGEST: u64 = 0x5551_a110_b5a9_d9aa;
        let table = super::table();
        assert_eq!(table.len(), 2125);
        let mut names: Vec<_> = table.iter().collect();
        names.sort_by_key(|(name, _)| **name);
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (name, n) in names {
            let line = format!("{name} {:?} {} {}\n", n.chars, n.two, n.legacy);
            for b in line.bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
            }
        }
        assert_eq!(h, DIGEST);
    }

    #[test]
    fn what_is_not_a_reference_stays_text() {
        for s in ["& x", "&#;", "&#x;", "&nosuchthing;", "&", "&#", "&ab"] {
            assert_eq!(decoded(s), ("&".into(), 1), "{s}");
        }
    }
}
