import type * as z from 'zod/mini';

/**
 * One reason a payload does not match its event's schema.
 *
 * @example
 * ```ts
 * const result = edgesenseEvents.parse(payload);
 * if (!result.ok) console.warn(result.issues.map((issue: EventIssue) => `${issue.path}: ${issue.message}`).join('; '));
 * ```
 */
export interface EventIssue {
  /** Where in the payload, as a dot path (`data.data.device.prn`; array items as `tags[0]`); `""` for the root. */
  readonly path: string;
  /** What is wrong there. Never contains the received value. */
  readonly message: string;
}

type Issue = z.core.$ZodIssue;

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text.length === 0 ? String(key) : `.${String(key)}`;
  }
  return text;
}

function depth(issues: readonly Issue[]): number {
  let deepest = 0;
  for (const issue of issues) deepest = Math.max(deepest, issue.path.length);
  return deepest;
}

function better(a: readonly Issue[], b: readonly Issue[]): number {
  return depth(a) - depth(b) || b.length - a.length;
}

/**
 * Flattens zod's issues into paths a user can act on. A union (two accepted shapes of one
 * event) fails as a whole at its own path, which says nothing useful; the branch that got
 * deepest into the payload (then the one with fewest issues) is the shape the sender most
 * likely meant, so its issues are reported, prefixed with the union's path. When branches tie,
 * nothing says which was meant: one issue at the union's path names the first failure of each.
 */
function flatten(issues: readonly Issue[], prefix: readonly PropertyKey[], out: EventIssue[]): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = issue.errors.reduce((a, b) => (better(b, a) > 0 ? b : a));
      const tied = issue.errors.filter((branch) => better(branch, best) === 0);
      if (tied.length === 1) {
        flatten(best, path, out);
        continue;
      }
      const firsts = tied.map((branch) => {
        const inner: EventIssue[] = [];
        flatten(branch, path, inner);
        return inner[0] ? `${inner[0].path}: ${inner[0].message}` : 'invalid';
      });
      out.push({ path: formatPath(path), message: `matches none of the accepted shapes (${firsts.join('; or ')})` });
      continue;
    }
    out.push({ path: formatPath(path), message: issue.message });
  }
}

/** The issues of a failed zod parse as `{ path, message }` pairs, unions resolved to one branch. */
export function describeIssues(issues: readonly Issue[]): EventIssue[] {
  const out: EventIssue[] = [];
  flatten(issues, [], out);
  return out;
}

/** A one-line summary naming the first failing path and how many more there are. */
export function summarizeIssues(issues: readonly EventIssue[]): string {
  const first = issues[0];
  if (!first) return 'the payload does not match the schema';
  const where = first.path === '' ? 'the payload' : first.path;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
  return `${where}: ${first.message}${more}`;
}
