set -euo pipefail
# Every public export of every entry has a TSDoc description and an @example.
node scripts/check-doc-examples.mjs
