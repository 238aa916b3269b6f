set -euo pipefail
# The conformance suite (test/runtimes) on Node 20, 22 and 24, Bun, Deno and workerd, from the
# package as packed from the one build (30-build): packing builds nothing. Every runtime's
# binary is a pinned dev dependency, so a runtime that did not install fails this step.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
tarball=$(npm pack --silent --pack-destination "$dir" | tail -1)
HOOKVERIFY_TARBALL="$dir/$tarball" npx vitest run --config vitest.runtimes.config.ts --reporter=default --reporter=json --outputFile.json=reports/vitest/runtimes.json
