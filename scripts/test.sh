#!/usr/bin/env bash
# The README's test line: install everything a fresh machine lacks, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
# `npm install` (not `npm ci`): the registry here serves only this platform's optional binaries, so the
# lock file lacks the other platforms' entries and `npm ci` refuses it; `npm install` keeps the locked versions.
npm install --no-audit --no-fund
npm test
# The heavier fault runs (kill -9 under 10,000 reports, 10,000 fuzzed inputs per function) and their summary.
npm run test:faults
