// Runs the floor verifier against createPeridioVerifier on more generated deliveries than the
// test does (bench/size-floor/agreement.ts) and prints the first differences; exits 1 on any.
//
//   node bench/run.mjs bench/size-floor/agree.ts [--cases 3000] [--seed 12]
import { option } from '../autocannon.js';
import { compareWithFloor } from './agreement.js';

const result = await compareWithFloor(Number(option('--cases', '3000')), Number(option('--seed', '12')));
for (const difference of result.differences) console.error(`differs for ${difference}`);
console.log(`${result.compared} answers compared (${result.accepted} accepting), ${result.differing} different`);
process.exit(result.differing === 0 && result.accepted > 0 ? 0 : 1);
