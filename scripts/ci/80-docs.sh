set -euo pipefail
npx typedoc --emit none
