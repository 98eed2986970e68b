#!/usr/bin/env bash
# Builds the WebAssembly package and serves the page on 127.0.0.1.
#   bash scripts/serve.sh [PORT]     (default 8080)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
port=${1:-${PORT:-8080}}

bash scripts/build.sh

if [ -f scripts/serve.mjs ]; then
    # The page's own server: sends the Content-Security-Policy, prints the URL.
    exec node scripts/serve.mjs --port "$port"
else
    echo "Claimscope: http://127.0.0.1:$port/   (Ctrl-C stops)"
    exec python3 -m http.server --bind 127.0.0.1 --directory www "$port"
fi
