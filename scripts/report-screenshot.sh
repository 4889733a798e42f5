#!/usr/bin/env bash
# Renders the bundled seeds' HTML report and screenshots it in headless
# Chromium (Debian's `chromium` package), to check that the self-contained
# file opens cleanly in a browser. Usage: scripts/report-screenshot.sh [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/report-screenshot.png}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run --quiet --release -- detect --format html -o "$tmp/report.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" --window-size=1280,1600 \
  --screenshot="$out" "file://$tmp/report.html" 2>/dev/null
echo "wrote $out"
