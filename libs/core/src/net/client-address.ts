import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key under which limits count a client's address. One person reaching us
 * over IPv6 usually holds a whole /64 (a home or office gets at least that
 * much), so an IPv6 address counts as its /64; an IPv4 address counts as
 * itself, whether it arrives plain or IPv4-mapped (`::ffff:10.0.0.1`); the
 * loopback addresses (`127.0.0.0/8`, `::1`) are one machine and count as one.
 * Anything unreadable is its own key, so it can never be mistaken for a
 * neighbour's.
 */
export function clientAddressKey(address: string | undefined | null): string {
  const raw = (address ?? '').trim();
  if (raw === '') return 'unknown';
  const withoutZone = raw.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(withoutZone);
  const v4 = mapped ? mapped[1] : withoutZone;
  if (isIPv4(v4)) return v4.startsWith('127.') ? 'loopback' : v4;
  if (!isIPv6(withoutZone)) return `other:${raw}`;
  const groups = expandIPv6(withoutZone);
  if (groups.every((g, i) => (i < 7 ? g === 0 : g === 1))) return 'loopback';
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (an embedded IPv4 tail becomes the last two). */
function expandIPv6(address: string): number[] {
  let text = address.toLowerCase();
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number);
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups = rest === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right];
  return groups.map((g) => Number.parseInt(g, 16));
}
