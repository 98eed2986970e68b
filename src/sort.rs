//! One stable sort for every list the stages order: each caller maps its
//! elements to a `u64` key, and a single sort of `(key, index)` pairs decides
//! the order. Sorting each element type with `sort_by_key` compiled the
//! standard library's sort once per type, the largest piece of library code
//! in the .wasm.

/// Two values below 2³² as one key ordered like the pair `(hi, lo)`.
pub(crate) fn pair(hi: usize, lo: usize) -> u64 {
    debug_assert!(hi <= u32::MAX as usize && lo <= u32::MAX as usize);
    ((hi as u64) << 32) | lo as u64
}

/// `v.sort_by_key(key)`: stable, `O(n log n)`.
pub(crate) fn sort_by_key<T>(v: &mut [T], key: impl Fn(&T) -> u64) {
    if v.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    let mut keyed: Vec<u128> = v
        .iter()
        .enumerate()
        .map(|(i, x)| (u128::from(key(x)) << 64) | i as u128)
        .collect();
    sort_keys(&mut keyed);
    // Position `j` takes the element that was at `keyed[j]`'s index: walk
    // each cycle of that permutation with swaps, marking filled positions.
    for i in 0..v.len() {
        let mut j = i;
        loop {
            let from = keyed[j] as u64 as usize;
            keyed[j] = j as u128;
            if from == i {
                break;
            }
            v.swap(j, from);
            j = from;
        }
    }
}

/// Sorts distinct keys.
#[inline(never)]
fn sort_keys(keys: &mut [u128]) {
    // Insertion-sorted runs of `RUN`, then bottom-up merges between `keys`
    // and a buffer. Small code; the standard sort would add kilobytes.
    const RUN: usize = 16;
    for run in keys.chunks_mut(RUN) {
        for i in 1..run.len() {
            let x = run[i];
            let mut j = i;
            while j > 0 && run[j - 1] > x {
                run[j] = run[j - 1];
                j -= 1;
            }
            run[j] = x;
        }
    }
    let n = keys.len();
    if n <= RUN {
        return;
    }
    let mut buf = vec![0u128; n];
    let (mut src, mut dst): (&mut [u128], &mut [u128]) = (keys, &mut buf);
    let mut width = RUN;
    let mut in_keys = true;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            if mid < hi && src[mid - 1] > src[mid] {
                while i < mid && j < hi {
                    let take_left = src[i] < src[j];
                    dst[k] = if take_left { src[i] } else { src[j] };
                    i += usize::from(take_left);
                    j += usize::from(!take_left);
                    k += 1;
                }
            }
            // One run is used up: the rest of the other is in order.
            dst[k..k + mid - i].copy_from_slice(&src[i..mid]);
            k += mid - i;
            dst[k..hi].copy_from_slice(&src[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut src, &mut dst);
        in_keys = !in_keys;
        width *= 2;
    }
    if !in_keys {
        dst.copy_from_slice(src);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        let mut seed = 7u64;
        for n in [0usize, 1, 2, 3, 10, 33, 200, 5000] {
            let v: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 33) % (n as u64 / 3 + 1), i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|x| x.0);
            let mut got = v;
            sort_by_key(&mut got, |x| x.0);
            assert_eq!(got, want);
        }
        assert_eq!(
            pair(1, 2) < pair(1, 3),
            pair(0, u32::MAX as usize) < pair(1, 0)
        );
    }
}
