#!/usr/bin/env bash
# The README's start line: install, build the H5 app and the functions, serve on :8080.
set -euo pipefail
cd "$(dirname "$0")/.."
# `npm install` (not `npm ci`): the registry here serves only this platform's optional binaries, so the
# lock file lacks the other platforms' entries and `npm ci` refuses it; `npm install` keeps the locked versions.
npm install --no-audit --no-fund
npm start
