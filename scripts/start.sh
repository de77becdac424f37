#!/usr/bin/env bash
# The README's start line: install, build the H5 app and the functions, serve on :8080.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm start
