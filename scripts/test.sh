#!/usr/bin/env bash
# Runs everything CI runs (.ci/run execs this): installs what is missing,
# then lint, docs, native tests, the release CLI, the wasm build, wasm tests
# in headless Chromium, page tests, and scores the seed articles.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

t0=$EPOCHREALTIME
step_name=""
step_t0=""
summary=()

elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

begin() {
    step_name=$1
    step_t0=$EPOCHREALTIME
    printf '\n=== %s\n' "$step_name"
}

end() {
    local d
    d=$(elapsed "$step_t0")
    printf -- '--- %s: %s s\n' "$step_name" "$d"
    summary+=("$(printf '%7s s  %s' "$d" "$step_name")")
    step_name=""
}

on_exit() {
    local rc=$?
    if [ $rc -ne 0 ] && [ -n "$step_name" ]; then
        printf '\nFAILED: %s (after %s s; exit %d)\n' "$step_name" "$(elapsed "$step_t0")" "$rc" >&2
    fi
}
trap on_exit EXIT

run() { begin "$1"; shift; "$@"; end; }

begin "setup (tools, npm packages, chromium)"
source scripts/setup.sh --browser
export CLAIMSCOPE_SETUP_DONE=1
end

run "cargo fmt --check" cargo fmt --check
run "clippy (native)" cargo clippy --all-targets -- -D warnings
run "clippy (wasm32)" cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
begin "cargo doc"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps
end
run "cargo test (native, with doctests)" cargo test
run "cargo build --release (CLI)" cargo build --release
run "wasm build (scripts/build.sh)" bash scripts/build.sh
run "wasm tests in headless Chromium" wasm-pack test --headless --chrome

begin "page tests (node --test tests/e2e/)"
# The names node --test picks from a directory (Node 20).
if [ -d tests/e2e ] && [ -n "$(find tests/e2e -type f \( -name 'test.*js' -o -name 'test-*.*js' \
    -o -name '*.test.*js' -o -name '*-test.*js' -o -name '*_test.*js' \) -print -quit)" ]; then
    node --test tests/e2e/
else
    echo "no page tests in tests/e2e/ yet"
fi
end

begin "CLI on the seed articles, and their score"
out=$(mktemp -d)
target/release/claimscope analyze --out-dir "$out" tests/fixtures/*.txt
echo "wrote $(find "$out" -name '*.json' | wc -l) analyses to $out"
if [ -f ../shared/eval/score.py ] && [ -d ../shared/corpus/gold ]; then
    # Informational: a low score does not fail the run.
    python3 ../shared/eval/score.py score ../shared/corpus/gold "$out" ||
        echo "score.py failed (informational only)"
else
    echo "../shared/eval/score.py not found: scoring skipped"
fi
rm -rf "$out"
end

printf '\n=== timings\n'
printf '%s\n' "${summary[@]}"
printf 'total: %s s\n' "$(elapsed "$t0")"
