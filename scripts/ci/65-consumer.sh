set -euo pipefail
# The package as users install it: packed, installed into a fresh project, every entry
# loaded from ESM and CommonJS, and type-checked under node16, bundler and node10 resolution.
node scripts/consumer-test.mjs
