import { PrnError } from '../../core/errors.js';

/**
 * Resource types Peridio documents today. PRNs of other types are accepted too (Peridio adds
 * types over time); this list only gives editors something to complete.
 *
 * @example
 * ```ts
 * import { parsePrn, type KnownPrnResourceType } from 'hookverify/peridio';
 *
 * const prn = parsePrn(payload.data.data.device.prn);
 * const type: KnownPrnResourceType | (string & {}) | undefined = prn.kind === 'resource' ? prn.resourceType : undefined;
 * ```
 */
export type KnownPrnResourceType =
  | 'api_key'
  | 'artifact'
  | 'artifact_version'
  | 'binary'
  | 'binary_part'
  | 'binary_signature'
  | 'bundle'
  | 'ca_certificate'
  | 'cohort'
  | 'device_certificate'
  | 'device'
  | 'event'
  | 'product'
  | 'release'
  | 'signing_key'
  | 'tunnel'
  | 'webhook';

/**
 * An organization: `prn:<version>:<organization-uuid>`.
 *
 * @example
 * ```ts
 * import { parsePrn, type OrganizationPrn } from 'hookverify/peridio';
 *
 * const prn = parsePrn('prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c');
 * if (prn.kind === 'organization') {
 *   const organization: OrganizationPrn = prn;
 *   console.log(organization.organization);
 * }
 * ```
 */
export interface OrganizationPrn {
  readonly kind: 'organization';
  readonly version: number;
  readonly organization: string;
}

/**
 * A resource of an organization: `prn:<version>:<organization-uuid>:<resource-type>:<resource-id>`.
 *
 * @example
 * ```ts
 * import { parsePrn, type ResourcePrn } from 'hookverify/peridio';
 *
 * const prn = parsePrn(event.prn);
 * if (prn.kind === 'resource') {
 *   const resource: ResourcePrn = prn;
 *   console.log(resource.resourceType, resource.resourceId); // "event", "<uuid>"
 * }
 * ```
 */
export interface ResourcePrn<Type extends string = KnownPrnResourceType | (string & {})> {
  readonly kind: 'resource';
  readonly version: number;
  readonly organization: string;
  readonly resourceType: Type;
  readonly resourceId: string;
}

/**
 * A user, the one resource outside organizations: `prn:<version>:user:<user-uuid>`.
 *
 * @example
 * ```ts
 * import { parsePrn, type UserPrn } from 'hookverify/peridio';
 *
 * const prn = parsePrn('prn:1:user:5c2f4a1e-0d3b-4e8f-9a6c-1b2d3e4f5a6b');
 * if (prn.kind === 'user') {
 *   const user: UserPrn = prn;
 *   console.log(user.user);
 * }
 * ```
 */
export interface UserPrn {
  readonly kind: 'user';
  readonly version: number;
  readonly user: string;
}

/**
 * A parsed Peridio Resource Name. Switch on `kind`.
 *
 * @example
 * ```ts
 * import { parsePrn, type Prn } from 'hookverify/peridio';
 *
 * function describe(prn: Prn): string {
 *   switch (prn.kind) {
 *     case 'organization': return `organization ${prn.organization}`;
 *     case 'user': return `user ${prn.user}`;
 *     case 'resource': return `${prn.resourceType} ${prn.resourceId}`;
 *   }
 * }
 * console.log(describe(parsePrn(event.prn)));
 * ```
 */
export type Prn = OrganizationPrn | ResourcePrn | UserPrn;

// Far above any real PRN (two UUIDs and a type name make about 90 characters); checked before
// splitting so a hostile value costs one comparison.
const MAX_PRN_LENGTH = 256;
const MAX_VERSION_DIGITS = 6;
const MAX_RESOURCE_TYPE_LENGTH = 64;
const MAX_RESOURCE_ID_LENGTH = 128;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}
function isHex(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/** 8-4-4-4-12 hex digits, either case. Checked by position: no pattern engine involved. */
function isUuid(text: string): boolean {
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const code = text.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (code !== 45) return false;
    } else if (!isHex(code)) return false;
  }
  return true;
}

function isVersion(text: string): boolean {
  if (text.length === 0 || text.length > MAX_VERSION_DIGITS || text.charCodeAt(0) === 48) return false;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** snake_case: a lower-case letter, then lower-case letters, digits and underscores. */
function isResourceType(text: string): boolean {
  if (text.length === 0 || text.length > MAX_RESOURCE_TYPE_LENGTH || !isLower(text.charCodeAt(0))) return false;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isLower(code) && !isDigit(code) && code !== 95) return false;
  }
  return true;
}

/**
 * Peridio's ids are UUIDs, but its guide writes placeholders such as `device-id`; any short
 * run of letters, digits, `-`, `_` and `.` is accepted so that neither is refused.
 */
function isResourceId(text: string): boolean {
  if (text.length === 0 || text.length > MAX_RESOURCE_ID_LENGTH) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ok = isDigit(code) || isLower(code) || (code >= 65 && code <= 90) || code === 45 || code === 95 || code === 46;
    if (!ok) return false;
  }
  return true;
}

const UUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';

/**
 * The grammar `analyse` applies, as one pattern: `isPrn` tests it (a Peridio event carries about
 * five PRNs, and V8's compiled pattern checks one in about half the time a hand-written scan
 * takes, without the parts `analyse` cuts out), and the JSON Schema files publish it.
 * test/senders/peridio/prn.test.ts holds the two to the same answers on PRNs and near misses.
 * Every quantifier is bounded and the branches start differently, so it is linear for any
 * engine; the length is checked before it runs.
 */
export const PRN_PATTERN = `^prn:[1-9][0-9]{0,5}:(?:${UUID}(?::[a-z][a-z0-9_]{0,63}:[A-Za-z0-9._-]{1,128})?|user:${UUID})$`;
const PRN_REGEX = /* @__PURE__ */ new RegExp(PRN_PATTERN);

function malformed(reason: string): PrnError {
  return new PrnError('malformed_prn', `not a Peridio Resource Name: ${reason}`);
}

/** The reason a value is not a PRN, or the parsed PRN. Never throws. */
function analyse(value: unknown): Prn | string {
  if (typeof value !== 'string') return `expected a string, got ${value === null ? 'null' : typeof value}`;
  if (value.length > MAX_PRN_LENGTH) return `longer than ${MAX_PRN_LENGTH} characters`;
  const parts = value.split(':');
  if (parts[0] !== 'prn') return 'it must start with "prn:"';
  if (parts.length !== 3 && parts.length !== 4 && parts.length !== 5) {
    return 'expected prn:<version>:<organization> or prn:<version>:<organization>:<type>:<id>';
  }
  const [, versionText = '', owner = '', type, id] = parts;
  if (!isVersion(versionText)) return `the version "${versionText}" is not a positive whole number`;
  const version = Number(versionText);
  if (owner === 'user') {
    if (parts.length !== 4) return 'a user PRN is prn:<version>:user:<user-uuid>';
    if (!isUuid(type!)) return 'the user id is not a UUID';
    return { kind: 'user', version, user: type! };
  }
  if (!isUuid(owner)) return 'the organization is not a UUID';
  if (parts.length === 3) return { kind: 'organization', version, organization: owner };
  if (parts.length === 4) return 'a resource PRN needs both a type and an id';
  if (!isResourceType(type!)) return `the resource type "${type}" is not snake_case`;
  if (!isResourceId(id!)) return 'the resource id is empty, too long or has characters other than letters, digits, "-", "_" and "."';
  return { kind: 'resource', version, organization: owner, resourceType: type!, resourceId: id! };
}

/**
 * Parses a Peridio Resource Name. Throws a {@link PrnError} (`malformed_prn`) saying what is
 * wrong; PRNs arrive in signed payloads, but they are still input and are checked strictly.
 *
 * @example
 * ```ts
 * import { parsePrn } from 'hookverify/peridio';
 *
 * const prn = parsePrn('prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:device:0b2e4f3c-8a1d-4c5e-9f6a-7b8c9d0e1f2a');
 * if (prn.kind === 'resource' && prn.resourceType === 'device') console.log(prn.resourceId);
 * ```
 */
export function parsePrn(value: unknown): Prn {
  const result = analyse(value);
  if (typeof result === 'string') throw malformed(result);
  return result;
}

/**
 * Whether a value is a well-formed PRN; with `resourceType`, also whether it names a resource
 * of that type.
 *
 * @example
 * ```ts
 * import { isPrn } from 'hookverify/peridio';
 *
 * isPrn(payload.prn, 'event'); // true for "prn:1:<org-uuid>:event:<uuid>"
 * isPrn('prn:1:user:5c2f4a1e-0d3b-4e8f-9a6c-1b2d3e4f5a6b'); // true
 * ```
 */
export function isPrn(value: unknown, resourceType?: string): value is string {
  if (resourceType === undefined) return typeof value === 'string' && value.length <= MAX_PRN_LENGTH && PRN_REGEX.test(value);
  const result = analyse(value);
  return typeof result !== 'string' && result.kind === 'resource' && result.resourceType === resourceType;
}

/**
 * Writes a PRN back as text; `formatPrn(parsePrn(text)) === text` for every valid PRN. Throws
 * a {@link PrnError} if a part could not be parsed back (an empty id, a colon in a type).
 *
 * @example
 * ```ts
 * import { formatPrn } from 'hookverify/peridio';
 *
 * formatPrn({ kind: 'resource', version: 1, organization: orgId, resourceType: 'release', resourceId: releaseId });
 * // "prn:1:<orgId>:release:<releaseId>"
 * ```
 */
export function formatPrn(prn: Prn): string {
  let text: string;
  switch (prn.kind) {
    case 'organization':
      text = `prn:${prn.version}:${prn.organization}`;
      break;
    case 'resource':
      text = `prn:${prn.version}:${prn.organization}:${prn.resourceType}:${prn.resourceId}`;
      break;
    case 'user':
      text = `prn:${prn.version}:user:${prn.user}`;
      break;
    default:
      throw malformed(`unknown kind ${JSON.stringify((prn as { kind?: unknown }).kind)}`);
  }
  // Validating the output rather than each field keeps one definition of "well formed".
  const check = analyse(text);
  if (typeof check === 'string') throw malformed(check);
  if (check.kind !== prn.kind) throw malformed(`the parts would read back as a${check.kind === 'organization' ? 'n' : ''} ${check.kind} PRN`);
  return text;
}
