import net from 'node:net';

/**
 * Which `X-Forwarded-*` entries to believe: none (`false`), or only the entries appended by
 * proxies at these addresses/CIDRs (Fastify's `trustProxy` list, walked from the socket's peer
 * leftwards). No hop counts: a count trusts whatever the immediate peer is, so a client that
 * reaches the server directly picks its own address (Fastify 5 itself treats a number as "trust
 * nothing" for that reason).
 */
export type TrustProxy = false | readonly string[];

/** proxy-addr's names for address ranges, accepted beside addresses and CIDRs. */
const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);
const example = 'e.g. 127.0.0.1 or 10.0.0.0/8,192.168.1.5';

const refusedTrue =
  '`true` would trust any X-Forwarded-For a client sends (a rotating header escapes the per-IP ' +
  `rate limit); list the addresses or CIDRs of the proxies in front of SpareFlow (${example})`;

const refusedCount =
  'a hop count trusts whatever connects directly; list the addresses or CIDRs of the proxies in ' +
  `front of SpareFlow instead (${example})`;

function isAddressOrCidr(entry: string): boolean {
  if (namedRanges.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Parses `TRUST_PROXY`: unset, `false` or `0` → `false`; a comma list of addresses, CIDRs or
 * `loopback`/`linklocal`/`uniquelocal` → those proxies. `true` and hop counts are refused rather
 * than guessed: trusting every hop (or any direct peer) lets a client pick its own address.
 */
export function parseTrustProxy(
  value: string | undefined,
): { ok: true; value: TrustProxy } | { ok: false; problem: string } {
  const text = value?.trim().toLowerCase() ?? '';
  if (['', 'false', 'no', 'off', '0'].includes(text)) return { ok: true, value: false };
  if (['true', 'yes', 'on'].includes(text)) return { ok: false, problem: refusedTrue };
  if (/^\d+$/.test(text)) return { ok: false, problem: refusedCount };
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const bad = entries.filter((entry) => !isAddressOrCidr(entry));
  if (bad.length > 0)
    return {
      ok: false,
      problem: `not an address or CIDR: ${bad.join(', ')} (${example})`,
    };
  return { ok: true, value: entries.length > 0 ? entries : false };
}
