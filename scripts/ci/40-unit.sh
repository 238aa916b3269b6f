set -euo pipefail
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest/unit.json
