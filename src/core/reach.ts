/**
 * Who can reach an address, judged from the URL's hostname alone (as WHATWG
 * URL normalises it: IPv4 in dotted decimal, IPv6 in brackets, compressed,
 * lower case). A name that resolves to a private address cannot be told from
 * here; MegaAPI will say so by never delivering.
 *
 * - `thisMachine`: loopback and "this host" (127/8, 0/8, `::`, `::1`,
 *   `localhost`, `*.localhost`, with or without the final dot).
 * - `privateNetwork`: RFC 1918, link-local, CGNAT 100.64/10, IPv6 unique-local,
 *   link-local and the old site-local `fec0::/10`.
 * - `localName`: a name only a local network can resolve: one label
 *   (`intranet`), or under `.local`, `.internal`, `.lan`, `.home.arpa`,
 *   `.localdomain`.
 * - `special`: no server delivers there: multicast, broadcast, reserved,
 *   benchmarking (198.18/15) and documentation ranges.
 * IPv4 inside IPv6 (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`,
 * translated, NAT64 `64:ff9b::/96` and 6to4 `2002::/16`) is judged by the
 * IPv4 address it carries.
 */
export type Reach = 'thisMachine' | 'privateNetwork' | 'localName' | 'special' | 'public';

const LOCAL_SUFFIXES = ['.local', '.internal', '.lan', '.home.arpa', '.localdomain'];

export function reachOf(hostname: string): Reach {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return ipv6Reach(host.replace(/^\[|\]$/g, ''));
  const v4 = ipv4(host);
  if (v4) return ipv4Reach(v4);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'thisMachine';
  if (host === '' || !host.includes('.')) return 'localName';
  if (LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'localName';
  return 'public';
}

function ipv4(host: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return undefined;
  const parts = match.slice(1).map(Number);
  return parts.every((part) => part <= 255) ? parts : undefined;
}

function ipv4Reach([a, b, c]: number[]): Reach {
  if (a === 127 || a === 0) return 'thisMachine';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'privateNetwork';
  if (a === 169 && b === 254) return 'privateNetwork';
  if (a === 100 && b >= 64 && b <= 127) return 'privateNetwork';
  if (a === 198 && (b === 18 || b === 19)) return 'special';
  if (a >= 224) return 'special';
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return 'special';
  if ((a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'special';
  return 'public';
}

/** Eight 16-bit groups, or undefined when it is not an IPv6 address. */
function ipv6Groups(text: string): number[] | undefined {
  let address = text;
  // A trailing dotted IPv4 becomes the last two groups.
  const dotted = /(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(address);
  if (dotted) {
    const v4 = ipv4(dotted[1]);
    if (!v4) return undefined;
    const tail = `${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
    address = address.slice(0, dotted.index) + tail;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  if ([...head, ...tail].some((group) => !Number.isInteger(group) || group < 0 || group > 0xffff)) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  return [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
}

function fromGroups(high: number, low: number): number[] {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff];
}

function ipv6Reach(text: string): Reach {
  const g = ipv6Groups(text);
  // Not an address URL would accept; nobody can be sure to reach it.
  if (!g) return 'special';
  const zeros = (from: number, to: number) => g.slice(from, to).every((group) => group === 0);
  if (zeros(0, 8)) return 'thisMachine';
  if (zeros(0, 7) && g[7] === 1) return 'thisMachine';
  // IPv4-mapped, IPv4-translated and IPv4-compatible forms carry an IPv4 address.
  if (zeros(0, 5) && g[5] === 0xffff) return ipv4Reach(fromGroups(g[6], g[7]));
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return ipv4Reach(fromGroups(g[6], g[7]));
  if (zeros(0, 6)) return ipv4Reach(fromGroups(g[6], g[7]));
  // NAT64: the well-known prefix carries any IPv4 address; the local-use one is private.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return ipv4Reach(fromGroups(g[6], g[7]));
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'privateNetwork';
  // 6to4 carries the IPv4 address in the second and third groups.
  if (g[0] === 0x2002) return ipv4Reach(fromGroups(g[1], g[2]));
  if ((g[0] & 0xfe00) === 0xfc00) return 'privateNetwork';
  if ((g[0] & 0xffc0) === 0xfe80 || (g[0] & 0xffc0) === 0xfec0) return 'privateNetwork';
  if ((g[0] & 0xff00) === 0xff00) return 'special';
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'special';
  if (g[0] === 0x100 && zeros(1, 4)) return 'special';
  return 'public';
}
