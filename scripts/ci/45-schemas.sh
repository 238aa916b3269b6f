set -euo pipefail
# The JSON Schemas in schemas/ ship in the package: fail when they no longer match the zod schemas.
npx tsx scripts/generate-schemas.ts --check
