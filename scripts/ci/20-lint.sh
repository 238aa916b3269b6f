set -euo pipefail
npx eslint . --max-warnings 0
node scripts/check-exports.mjs
