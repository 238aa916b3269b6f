set -euo pipefail
# Bundle size of every entry (esbuild, minified, gzip, dependencies included) against
# bench/size-budget.json. An entry without a budget fails: add one there.
node scripts/bundle-size.mjs
