// README's runtime table, as the runtime suite ran it: one row per runtime, with the version
// that ran, its server, the backends tested, the default backend and the number of tests.
// `node scripts/runtime-table.mjs` prints the rows from reports/runtimes.json for pasting.
import type { Runtime, RuntimeReport } from './launch-runtimes.js';

export interface RuntimeRow {
  readonly runtime: string;
  readonly version: string;
  readonly server: string;
  readonly backends: string;
  readonly defaultBackend: string;
  readonly tests: string;
}

const BACKEND = { node: 'node:crypto', web: 'Web Crypto' } as Record<string, string>;
export const TABLE_HEADER = '| runtime | version tested | server | backends tested | default backend | tests |';

export function runtimeRows(ran: readonly { runtime: Runtime; report: RuntimeReport }[]): RuntimeRow[] {
  return ran.map(({ runtime, report }) => ({
    runtime: runtime.label,
    version: report.runtime.version,
    server: `\`${report.server}\``,
    backends: report.backends.map((name) => BACKEND[name] ?? name).join(', '),
    defaultBackend: BACKEND[report.defaultBackend] ?? report.defaultBackend,
    tests: String(report.results.filter((result) => result.ok).length),
  }));
}

export function readmeRuntimeRows(readme: string): RuntimeRow[] {
  const at = readme.indexOf(TABLE_HEADER);
  if (at < 0) return [];
  const rows: RuntimeRow[] = [];
  for (const line of readme.slice(at).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const [runtime, version, server, backends, defaultBackend, tests] = line.split('|').slice(1, -1).map((cell) => cell.trim());
    rows.push({ runtime: runtime!, version: version!, server: server!, backends: backends!, defaultBackend: defaultBackend!, tests: tests! });
  }
  return rows;
}
