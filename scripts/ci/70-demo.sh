set -euo pipefail
# The README's first command, as a user runs it; its outcomes are asserted by test/examples/demo.e2e.ts.
npm run --silent demo
