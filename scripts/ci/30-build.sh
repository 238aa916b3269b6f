set -euo pipefail
npx tsup --silent
