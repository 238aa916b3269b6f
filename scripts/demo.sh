#!/usr/bin/env bash
# `npm run demo`: a receiver on 127.0.0.1 and a scripted stream of signed deliveries
# (examples/demo/index.ts). The demo imports the package by its public entry points; here they
# resolve to the source (examples/demo/from-source.mjs), compiled as they load, so the demo
# starts in seconds on a fresh clone instead of after a minute-long build. The same demo runs
# against the built package in test/examples/demo.e2e.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node --import tsx --import ./examples/demo/from-source.mjs examples/demo/index.ts "$@"
