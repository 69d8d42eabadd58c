#!/usr/bin/env bash
# Quick start: system packages, build, database under ./data/ (created and migrated; demo data when new),
# server on http://127.0.0.1:8080. Extra arguments go to `acts serve` (e.g. --port 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-packages.sh
CONFIG="${ACTS_BUILD_CONFIG:-debug}"
echo "Compilazione ($CONFIG)…"
swift build -c "$CONFIG" --product acts
BIN="$(swift build -c "$CONFIG" --show-bin-path)/acts"
export ACTS_DATABASE="${ACTS_DATABASE:-data/acts.sqlite}"
export OMP_THREAD_LIMIT=1   # Tesseract: one thread per engine (see README)
"$BIN" migrate
exec "$BIN" serve --demo "$@"
