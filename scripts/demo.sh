#!/usr/bin/env bash
# `npm run demo`: build the package, then run the demo against the built entry points: a
# receiver on 127.0.0.1 and a scripted stream of signed deliveries (examples/demo/index.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
# Rebuild only when a source file is newer than the build (CI has just built it).
if [ ! -f dist/index.js ] || [ -n "$(find src scripts/entries.mjs -newer dist/index.js -print -quit)" ]; then
  npx tsup --silent
fi
node --import tsx examples/demo/index.ts "$@"
