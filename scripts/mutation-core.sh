#!/usr/bin/env bash
set -euo pipefail
# Mutation testing of the verification core (src/core/*.ts), incremental against the committed
# baseline stryker/core-incremental.json.gz: only mutants whose code or covering tests changed
# are run again (a full core run takes about 30 minutes on 2 busy cores, too long for CI).
# Fails below an 85% mutation score. After changing src/core or its tests, refresh the baseline:
#   npx stryker run stryker.core.config.mjs && gzip -9c reports/mutation/core-incremental.json > stryker/core-incremental.json.gz
# The full run over core, senders and dedupe is `npm run mutation` (summary: docs/mutation.md).
mkdir -p reports/mutation
gunzip -c stryker/core-incremental.json.gz > reports/mutation/core-incremental.json
npx stryker run stryker.core.config.mjs
