#!/usr/bin/env bash
# The whole check, as CI runs it: `npm ci && npm test`. Each step is a file in scripts/ci/,
# run in name order, so a new kind of check is a new file rather than an edit here.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
rm -rf reports/vitest
trap 'node scripts/test-summary.mjs' EXIT
for step in scripts/ci/*.sh; do
  name=$(basename "$step" .sh)
  start=$(date +%s)
  echo "::: $name"
  bash "$step"
  echo "::: $name done in $(( $(date +%s) - start ))s"
done
