// A test harness small enough to run unchanged on Node, Bun, Deno and workerd: named tests,
// run in order, each result reported as data, so the Node driver can compare runtimes case by
// case rather than trusting an exit code.

export class AssertionError extends Error {
  name = 'AssertionError';
}

export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

/** Equality of JSON-shaped values (prototypes are not compared: a form payload has none). */
export function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${what}: expected ${e}, got ${a}`);
}

export function createHarness() {
  const tests = [];
  return {
    test(name, run) {
      if (tests.some((t) => t.name === name)) throw new Error(`two tests named ${JSON.stringify(name)}`);
      tests.push({ name, run });
    },
    names: () => tests.map((t) => t.name),
    async run() {
      const results = [];
      for (const { name, run } of tests) {
        const started = Date.now();
        try {
          await run();
          results.push({ name, ok: true, ms: Date.now() - started });
        } catch (error) {
          results.push({ name, ok: false, ms: Date.now() - started, error: String(error?.stack ?? error) });
        }
      }
      return results;
    },
  };
}
