set -euo pipefail
# Property-based tests, 10,000 cases per property (HOOKVERIFY_PROPERTY_RUNS overrides).
npx vitest run -c vitest.properties.config.ts --reporter=default --reporter=json --outputFile.json=reports/vitest/properties.json
