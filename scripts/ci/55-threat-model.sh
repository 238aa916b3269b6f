set -euo pipefail
# docs/threat-model.md backs every claim with a test or a benchmark line: each linked test must be
# in the reports 40-unit and 50-properties just wrote, and have passed (skipped fails under CI).
npx tsx scripts/check-threat-model.ts
