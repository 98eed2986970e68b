//! Read-only hash tables laid out at compile time. build.rs includes this
//! file too and places every key with these same functions, so a lookup is
//! a hash and a short probe with no start-up work: no table is built when
//! the first text is analysed.

/// A map from non-empty strings to `V`: the entries, and an open-addressed
/// index of slots (a power of two many, at most half full) each holding 0
/// for a free slot or 1 + an entry's position, every key's at or after
/// [`slot`] of its [`hash`] in probe order. Two bytes a slot, not a whole
/// entry: the free slots cost little in the .wasm.
pub struct Table<V: 'static> {
    /// 0 or 1 + the position in `entries`, as laid out by build.rs.
    pub index: &'static [u16],
    /// (key, value)
    pub entries: &'static [(&'static str, V)],
}

impl<V> Table<V> {
    /// The value of `key`; `None` also for the empty key.
    #[inline]
    pub fn get(&self, key: &str) -> Option<&V> {
        let mask = self.index.len() - 1;
        let mut i = slot(hash(key.as_bytes()), mask);
        loop {
            let e = usize::from(self.index[i]);
            let (k, v) = self.entries.get(e.checked_sub(1)?)?;
            if *k == key {
                return Some(v);
            }
            i = (i + 1) & mask;
        }
    }
}

/// An FxHash-style hash of a byte string, eight bytes at a time.
#[inline]
pub fn hash(s: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = s.len() as u64;
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h
}

/// The first slot probed for hash `h` in a table of `mask + 1` slots (at
/// most 2³² of them): the multiplication's high bits, its best mixed.
#[inline]
pub fn slot(h: u64, mask: usize) -> usize {
    (h >> 32) as usize & mask
}

/// A word of 1 to 16 bytes as its length and two integers loaded from its
/// ends (overlapping when it is short, so together they hold every byte):
/// hashed and compared without a memcmp call.
#[inline]
pub fn short_key(w: &[u8]) -> Option<(u64, u64, u32)> {
    let n = w.len();
    let (a, b) = match (w.first_chunk::<8>(), w.last_chunk::<8>()) {
        (Some(a), Some(b)) if n <= 16 => (u64::from_le_bytes(*a), u64::from_le_bytes(*b)),
        (Some(_), _) => return None,
        _ => match (w.first_chunk::<4>(), w.last_chunk::<4>()) {
            (Some(a), Some(b)) => (
                u64::from(u32::from_le_bytes(*a)),
                u64::from(u32::from_le_bytes(*b)),
            ),
            _ => match (w.first(), w.last()) {
                (Some(&a), Some(&b)) => (
                    u64::from(a) | u64::from(w[n / 2]) << 8 | u64::from(b) << 16,
                    0,
                ),
                _ => return None,
            },
        },
    };
    Some((a, b, n as u32))
}

/// The first slot probed for a [`short_key`] in a table of `1 << (64 -
/// shift)` slots.
#[inline]
pub fn short_slot((a, b, n): (u64, u64, u32), shift: u32) -> usize {
    let h = a ^ b.rotate_left(29) ^ u64::from(n);
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}
