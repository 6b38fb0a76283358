import ipaddr from 'ipaddr.js';

/**
 * Whether an address may be fetched from with the default settings: only ordinary public unicast.
 * Loopback, private (RFC 1918, unique-local), link-local (including cloud metadata at 169.254.169.254),
 * carrier-grade NAT, multicast, reserved and the IPv6 ranges that embed an IPv4 address (mapped, 6to4,
 * Teredo, NAT64) are all refused: "internal" is whatever is not plainly on the public internet.
 * ipaddr.js knows the IANA special-purpose registries, which a hand-written CIDR list would drift from.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns ::ffff:10.0.0.1 into 10.0.0.1, so a mapped address is judged as the IPv4 it is.
  return ipaddr.process(address).range() === 'unicast';
}
