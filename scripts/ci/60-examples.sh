set -euo pipefail
# The examples (and the demo) as real servers on 127.0.0.1, using the package built by 30-build
# through its public entry points.
npx tsc --noEmit -p examples/tsconfig.json
npx vitest run --config vitest.examples.config.ts --reporter=default --reporter=json --outputFile.json=reports/vitest/examples.json
