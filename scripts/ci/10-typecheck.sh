set -euo pipefail
npx tsc --noEmit -p tsconfig.json
