#!/usr/bin/env bash
# CI for the Python package (issue 15): lints the binding crate, builds it
# from source the way a user does (`pip install ./python` in a fresh venv,
# maturin from PyPI), then runs the pytest suite. Exits non-zero on any
# failure, and when pytest collects no test (its exit code 5).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== python: cargo fmt --check, clippy (python/)"
cargo fmt --check --manifest-path python/Cargo.toml
cargo clippy --manifest-path python/Cargo.toml --all-targets -- -D warnings

venv="${GAINSAY_PY_VENV:-$(mktemp -d)/venv}"
echo "== python: pip install ./python into $venv"
python3 -m venv "$venv"
start=$(date +%s)
"$venv/bin/pip" install --quiet ./python
echo "built and installed in $(( $(date +%s) - start )) s"
"$venv/bin/pip" install --quiet pytest mypy

echo "== python: the stubs (gainsay.pyi) match the module (mypy stubtest)"
(cd "$venv" && bin/python -m mypy.stubtest --ignore-disjoint-bases \
  --allowlist "$OLDPWD/python/stubtest-allow.txt" gainsay)

echo "== python: pytest python/tests"
"$venv/bin/python" -c 'import gainsay; print("gainsay", gainsay.__version__, gainsay.__file__)'
"$venv/bin/python" -m pytest -p no:cacheprovider python/tests
