import fc from 'fast-check';

// In CI every property runs from one fixed seed, so a submission's result does not depend on
// the draw; locally each run draws a new seed and keeps exploring. A failure prints its seed,
// and FC_SEED=<seed> replays it anywhere.
const fromEnv = process.env.FC_SEED;
if (fromEnv !== undefined) fc.configureGlobal({ seed: Number(fromEnv) });
else if (process.env.CI === 'true') fc.configureGlobal({ seed: 20261123 });
