set -euo pipefail
# The package as `npm publish` would upload it (built by 30-build), as a dry run that needs no
# login: no npm warning (an auto-corrected package.json field is one the published package
# loses), LICENSE and SECURITY.md in the tarball, every file package.json names present, and no
# test, fixture, source map or source-map comment pointing outside the package.
npx tsx scripts/check-publish.ts
