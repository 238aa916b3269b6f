import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMON_EXIT_HELP, CliError, EXIT_CODES, usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import type { Output } from '../output.js';
import { packageRoot } from '../package-root.js';
import { parseCommandArgs } from '../parse-command-args.js';

const OPTIONS = { list: { type: 'boolean', short: 'l' } } as const;

const HELP = `Usage: hookverify schemas [catalog [event-type]] [--list]

Prints the JSON Schema (draft 2020-12) of an event type, or of a whole catalog: one schema whose
anyOf accepts any of the catalog's events, each under $defs by name. The schemas describe the
payload as it arrives on the wire and ship in the package under schemas/<catalog>/.

  (no arguments)       list the catalogs and their event types
  --list, -l           list the event types of a catalog
  --json               with --list or no arguments: the list as JSON

Catalogs: the senders that have an event catalog (peridio, edgesense).

Exit codes: 0 printed, 2 usage error (an unknown catalog or event type), 3 the schema files cannot be read.
${COMMON_EXIT_HELP}

Examples:
  hookverify schemas peridio device.release-changed
  hookverify schemas edgesense > edgesense-events.schema.json`;

const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

function schemasDir(): string {
  const root = packageRoot();
  if (!root) throw new CliError('input', 'cannot find the hookverify package folder that holds schemas/');
  return join(root.dir, 'schemas');
}

function readCatalogs(): Map<string, string[]> {
  const dir = schemasDir();
  const catalogs = new Map<string, string[]>();
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    throw new CliError('input', `cannot read ${dir}`);
  }
  for (const catalog of entries) {
    try {
      const names = readdirSync(join(dir, catalog)).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5)).sort();
      if (names.length > 0) catalogs.set(catalog, names);
    } catch {
      // Not a folder.
    }
  }
  return catalogs;
}

function readSchema(catalog: string, name: string): Record<string, unknown> {
  const path = join(schemasDir(), catalog, `${name}.json`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    throw new CliError('input', `cannot read ${path}`);
  }
}

/** Peridio's event list spells subtypes with "-", its payloads with "_": take either. */
function findEvent(names: readonly string[], wanted: string): string | undefined {
  const canonical = (name: string) => name.replace(/_/g, '-');
  return names.find((name) => name === wanted) ?? names.find((name) => canonical(name) === canonical(wanted));
}

function catalogSchema(catalog: string, names: readonly string[]): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  for (const name of names) {
    const { $schema: _dialect, ...schema } = readSchema(catalog, name);
    // Its own $id keeps any "#/..." reference inside an event schema pointing into that schema.
    defs[name] = { $id: `${catalog}/${name}.json`, ...schema };
  }
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: `${catalog} events`,
    $comment: `Any ${catalog} event; one $defs entry per event type, as in the package's schemas/${catalog}/ folder.`,
    anyOf: names.map((name) => ({ $ref: `#/$defs/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` })),
    $defs: defs,
  };
}

async function run(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs('schemas', args, OPTIONS, 2);
  const catalogs = readCatalogs();
  const [catalog, event] = positionals;
  if (catalog === undefined) {
    if (values.json) output.json(Object.fromEntries(catalogs));
    else for (const [name, events] of catalogs) output.out(`${name}: ${events.join(', ')}`);
    return EXIT_CODES.ok;
  }
  const names = catalogs.get(catalog);
  if (!names) throw usageError(`no catalog ${JSON.stringify(catalog)}; one of ${[...catalogs.keys()].join(', ')}`);
  if (values.list) {
    if (event !== undefined) throw usageError('--list takes a catalog, not an event type');
    if (values.json) output.json(names);
    else for (const name of names) output.out(name);
    return EXIT_CODES.ok;
  }
  if (event === undefined) {
    output.json(catalogSchema(catalog, names));
    return EXIT_CODES.ok;
  }
  const name = findEvent(names, event);
  if (!name) throw usageError(`${catalog} has no event type ${JSON.stringify(event)}; one of ${names.join(', ')}`);
  output.json(readSchema(catalog, name));
  return EXIT_CODES.ok;
}

/** `hookverify schemas`: print the JSON Schema of an event type or a catalog. */
export const schemasCommand: Command = { name: 'schemas', summary: 'print the JSON Schema of an event type or a whole catalog', help: HELP, run };
