//! Byte offsets (internal) to UTF-16 code-unit offsets (the output unit).
//!
//! Owns one invariant: every offset it returns lies on a character boundary
//! of the text it was built from, because it is only ever asked for byte
//! offsets that do (callers clamp with [`floor_char_boundary`]).

/// Converts byte offsets of one text into UTF-16 offsets in O(1) amortised
/// time per query, with memory of one `u32` per 64 bytes.
pub struct Utf16Map {
    ascii: bool,
    /// UTF-16 offset at each byte offset that is a multiple of [`STEP`]
    /// (rounded down to a character boundary).
    checkpoints: Vec<(u32, u32)>,
}

const STEP: usize = 64;

impl Utf16Map {
    /// Builds the map in one pass over `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Utf16Map {
                ascii: true,
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 2);
        let bytes = text.as_bytes();
        let (mut u16s, mut pos, mut next) = (0u32, 0usize, 0usize);
        while next < text.len() {
            // the first character boundary at or after the STEP multiple
            let mut i = next;
            while !text.is_char_boundary(i) {
                i += 1;
            }
            if i >= text.len() {
                break;
            }
            u16s += utf16_len(&bytes[pos..i]);
            pos = i;
            checkpoints.push((i as u32, u16s));
            next += STEP;
        }
        u16s += utf16_len(&bytes[pos..]);
        checkpoints.push((text.len() as u32, u16s));
        Utf16Map {
            ascii: false,
            checkpoints,
        }
    }

    /// The UTF-16 offset of byte offset `byte` in `text` (the same text the
    /// map was built from). `byte` must be a character boundary.
    pub fn convert(&self, text: &str, byte: usize) -> u32 {
        if self.ascii {
            return byte as u32;
        }
        let byte = floor_char_boundary(text, byte);
        let idx = (byte / STEP).min(self.checkpoints.len() - 1);
        let (mut b, mut u) = self.checkpoints[idx];
        if b as usize > byte {
            // the checkpoint was pushed at the first boundary past a STEP
            // multiple; fall back to the one before
            let (pb, pu) = self.checkpoints[idx.saturating_sub(1)];
            b = pb;
            u = pu;
        }
        u + utf16_len(&text.as_bytes()[b as usize..byte])
    }

    /// The UTF-16 offsets of a span's start and end (as [`Utf16Map::convert`]
    /// gives them): a short span's end is counted on from its start instead
    /// of from a checkpoint.
    pub fn convert_span(&self, text: &str, start: usize, end: usize) -> (u32, u32) {
        if self.ascii {
            return (start as u32, end as u32);
        }
        let (a, b) = (
            floor_char_boundary(text, start),
            floor_char_boundary(text, end),
        );
        let u = self.convert(text, a);
        if a <= b && b - a <= STEP {
            (u, u + utf16_len(&text.as_bytes()[a..b]))
        } else {
            (u, self.convert(text, b))
        }
    }
}

/// UTF-16 code units of a run of whole UTF-8 characters, counted on bytes:
/// one per byte that starts a character, one more per 4-byte character
/// (a surrogate pair). No decoding: eight bytes at a time in a `u64`, where
/// a byte's high bit marks it (`!x | x << 1` puts "not 10xxxxxx" there,
/// `x & x << 1 & x << 2 & x << 3` puts "1111xxxx") and one multiplication
/// sums the eight marks; the last few bytes one by one.
fn utf16_len(utf8: &[u8]) -> u32 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const BYTES: u64 = 0x0101_0101_0101_0101;
    let mut chunks = utf8.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let starts = (!x | x << 1) & HIGH;
        let fours = x & x << 1 & x << 2 & x << 3 & HIGH;
        // at most 2 per byte, 16 in all: the sum fits in the top byte
        n += ((((starts >> 7) + (fours >> 7)).wrapping_mul(BYTES)) >> 56) as u32;
    }
    n + chunks
        .remainder()
        .iter()
        .map(|&b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0))
        .sum::<u32>()
}

/// The largest character boundary `<= i` (and `<= text.len()`).
pub fn floor_char_boundary(text: &str, i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    let mut i = i;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_naive_count_on_mixed_text() {
        let text = "Pakistan’s “final message” — 😀 to Kabul, café 北京. ".repeat(40);
        let map = Utf16Map::new(&text);
        for (i, _) in text.char_indices() {
            let naive: u32 = text[..i].encode_utf16().count() as u32;
            assert_eq!(map.convert(&text, i), naive, "at byte {i}");
        }
        assert_eq!(
            map.convert(&text, text.len()),
            text.encode_utf16().count() as u32
        );
    }

    #[test]
    fn utf16_len_counts_every_run() {
        let text =
            "a é 北 😀 ’“—\u{10ffff}\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000} xyz".repeat(5);
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for (k, &a) in bounds.iter().enumerate() {
            for &b in &bounds[k..] {
                let naive = text[a..b].encode_utf16().count() as u32;
                assert_eq!(utf16_len(&text.as_bytes()[a..b]), naive, "{a}..{b}");
            }
        }
    }

    #[test]
    fn spans_convert_as_their_ends() {
        let text = "Pakistan’s “final message” — 😀 to Kabul, café 北京. ".repeat(9);
        let map = Utf16Map::new(&text);
        for a in 0..=text.len() + 2 {
            for b in [
                a,
                a + 1,
                a + 7,
                a + 63,
                a + 64,
                a + 65,
                a + 200,
                a.saturating_sub(3),
            ] {
                let want = (map.convert(&text, a), map.convert(&text, b));
                assert_eq!(map.convert_span(&text, a, b), want, "{a}..{b}");
            }
        }
    }

    #[test]
    fn ascii_is_identity() {
        let map = Utf16Map::new("abc");
        assert_eq!(map.convert("abc", 2), 2);
    }
}
