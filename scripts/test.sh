#!/usr/bin/env bash
# The README's test line: install everything a fresh machine lacks, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
npm ci --no-audit --no-fund
npm test
