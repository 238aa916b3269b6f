#!/usr/bin/env bash
# `npm run demo`: build the package, then run the demo against the built entry points: a
# receiver on 127.0.0.1 and a scripted stream of signed deliveries (examples/demo/index.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsup --silent
node --import tsx examples/demo/index.ts "$@"
