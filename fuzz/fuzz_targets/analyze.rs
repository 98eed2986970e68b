//! Arbitrary bytes → `input::decode` → `analyze`, then every output
//! invariant of `tests/invariants`. A first byte below 4 forces a format
//! (see `invariants::split_format`), so one corpus covers the sniffer and
//! every forced reduction. How to run it: docs/hardening.md.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let (format, bytes) = invariants::split_format(data);
    let Ok(decoded) = claimscope::input::decode(bytes) else {
        return;
    };
    let options = claimscope::Options {
        format: format.map(str::to_string),
    };
    let analysis = claimscope::analyze(&decoded.text, &options);
    if let Err(e) = invariants::check(&decoded.text, &analysis) {
        // a known, reported violation (invariants::OPEN_CORE_VIOLATIONS) is not news
        if !invariants::is_open_violation(&e) {
            panic!("invariant broken: {e}");
        }
    }
});
