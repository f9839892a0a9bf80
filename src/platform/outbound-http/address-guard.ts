import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses an outbound call must never reach unless the integration is a sandbox simulator on
 * loopback: loopback, private (RFC 1918, unique-local IPv6), link-local (cloud metadata services
 * live at 169.254.169.254), carrier-grade NAT, "this network", multicast and reserved ranges.
 * A vendor URL comes from configuration, but a redirect, a DNS answer or a later URL field could
 * still point inside our network; the check runs on the address actually connected to (the
 * `lookup` of the socket), so DNS rebinding between a check and the connection cannot slip past.
 */
const forbidden = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  forbidden.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  forbidden.addSubnet(network, prefix, 'ipv6');

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 address it carries. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

export function isForbiddenAddress(address: string): boolean {
  if (isIP(address) === 0) return true;
  const { address: plain, family } = unmapped(address);
  return forbidden.check(plain, family);
}

/** Whether an address is on loopback (127/8, ::1): what a sandbox simulator listens on. */
export function isLoopbackAddress(address: string): boolean {
  const { address: plain } = unmapped(address);
  return plain === '::1' || /^127\./.test(plain);
}

export class ForbiddenAddressError extends Error {
  readonly code = 'EFORBIDDENADDRESS';
  constructor(hostname: string, address: string) {
    super(`outbound call to ${hostname} refused: ${address} is a private or reserved address`);
    this.name = 'ForbiddenAddressError';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `net.connect` lookup that resolves like the default one and then refuses forbidden
 * addresses. `allowLoopback` lets a sandbox integration reach its simulator on 127.0.0.1 (and
 * only loopback: private networks stay refused).
 */
export function guardedLookup(allowLoopback: boolean) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses;
      const refused = list.find(
        ({ address }) =>
          isForbiddenAddress(address) && !(allowLoopback && isLoopbackAddress(address)),
      );
      if (refused) return callback(new ForbiddenAddressError(hostname, refused.address), []);
      if ((options as { all?: boolean }).all) return callback(null, list);
      const [first] = list;
      if (!first) return callback(new ForbiddenAddressError(hostname, '(no address)'), []);
      callback(null, first.address, first.family);
    });
  };
}
