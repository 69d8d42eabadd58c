#!/usr/bin/env bash
# Installs the system packages and runs the whole test suite once.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-packages.sh
export ACTS_PYTHON="$PWD/.build-tools/venv/bin/python"
export OMP_THREAD_LIMIT=1
exec swift test "$@"
