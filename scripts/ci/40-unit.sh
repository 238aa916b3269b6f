set -euo pipefail
npx vitest run
