// The core mutation run (npm run mutation:core): the verification core alone (src/core/*.ts; the receiving pipeline in
// src/core/pipeline is covered by the full run), incremental against the committed baseline
// stryker/core-incremental.json.gz (unpacked by scripts/mutation-core.sh) so a run re-tests
// only mutants whose code or tests changed; fails below 85%. The full run over core, senders and dedupe is `npm run mutation`.
import full from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...full,
  mutate: ['src/core/*.ts'],
  incremental: true,
  incrementalFile: 'reports/mutation/core-incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/core.json' },
};
