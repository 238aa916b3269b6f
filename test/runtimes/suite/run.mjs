// Runs the suite with the installed package (modules.mjs and fixtures.mjs are written next to
// this file by the Node driver, in the consumer project) and answers a report as data.
import { registerConformance } from './conformance.mjs';
import fixtures from './fixtures.mjs';
import { createHarness } from './harness.mjs';
import * as modules from './modules.mjs';

export async function runConformance({ runtime, serve, server }) {
  const { root } = modules;
  const backends = ['node', 'web'].filter((name) => name === 'web' || root.nodeCryptoBackend() !== undefined);
  const t = createHarness();
  registerConformance(t, { fixtures, backends, modules: () => modules, serve, server });
  const results = await t.run();
  return { runtime, server, backends, defaultBackend: root.defaultCryptoBackend().name, results };
}
