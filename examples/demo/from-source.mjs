// `node --import tsx --import ./examples/demo/from-source.mjs ...`: the hookverify entry points
// resolve to their source (resolve-from-source.mjs) instead of the built dist/.
import { register } from 'node:module';

register('./resolve-from-source.mjs', import.meta.url);
