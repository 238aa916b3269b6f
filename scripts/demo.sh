#!/usr/bin/env bash
# `npm run demo`: build the package, then run the demo against the built entry points.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsup --silent
node examples/demo/index.mjs "$@"
