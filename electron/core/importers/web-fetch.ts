/**
 * The one way Quire fetches from the web (a page the user asked for and its images). A web page
 * decides what is fetched next (its images, its redirects), so it must not reach this computer or
 * what sits beside it with no address of its own: loopback (127.0.0.0/8, ::1: services of this
 * computer, such as another program's local server), unspecified (0.0.0.0/8, ::, which connect
 * to this computer too) and link-local (169.254.0.0/16, fe80::/10: a cloud machine's metadata
 * service at 169.254.169.254 hands out credentials). Private LAN addresses stay allowed: a wiki
 * on a NAS is a real thing to import from.
 *
 * Every address is checked after the name is resolved (all of its addresses, so a name that
 * answers with a public and a loopback address is refused), and the connection is made to the
 * addresses checked (undici's `connect.lookup` is the resolver: there is no second lookup a DNS
 * rebinding could answer differently). Redirects are followed here, one hop at a time, each hop
 * checked the same way; an address written as a number (`2130706433`, `0x7f.1`, `[::1]`) is
 * parsed by the URL parser into the address it stands for before the check.
 */
import { promises as dns, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import type { QuireError } from '../../shared/result';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';

/** Resolves a host name to every address it has (dns.lookup by default; tests pass a stub). */
export type ResolveHost = (hostname: string) => Promise<readonly LookupAddress[]>;

const systemResolve: ResolveHost = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

const MAX_REDIRECTS = 10;

const subnets = (ranges: readonly [string, number, 'ipv4' | 'ipv6'][]): BlockList => {
  const list = new BlockList();
  for (const [network, prefix, type] of ranges) list.addSubnet(network, prefix, type);
  return list;
};

/** What a refused address is: the sentence's `kind`, said in words by each catalog. */
type RefusedKind = 'loopback' | 'unspecified' | 'linkLocal' | 'ipv4Compatible' | 'notAddress';

/** Each refused range and its kind. IPv4-mapped IPv6 addresses match the IPv4 ranges. */
const REFUSED_RANGES: readonly { kind: RefusedKind; list: BlockList }[] = [
  { kind: 'loopback', list: subnets([['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']]) },
  { kind: 'unspecified', list: subnets([['0.0.0.0', 8, 'ipv4'], ['::', 128, 'ipv6']]) },
  { kind: 'linkLocal', list: subnets([['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']]) },
  // IPv4-compatible IPv6 (::a.b.c.d) is deprecated and reaches the IPv4 address: none is allowed.
  { kind: 'ipv4Compatible', list: subnets([['::', 96, 'ipv6']]) },
];

/** Why an address may not be fetched from, or null when it may. */
export function refusedAddressKind(address: string): RefusedKind | null {
  const family = isIP(address);
  if (family === 0) return 'notAddress';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return REFUSED_RANGES.find((range) => range.list.check(address, type))?.kind ?? null;
}

export const refusedAddress = (host: string, address: string, kind: RefusedKind): QuireError =>
  sentenceError(
    'import-failed',
    host === address ? say('core.import.web.refusedAddress', { address, kind }) : say('core.import.web.refusedHost', { host, address, kind }),
  );

/** The address in a URL's host when it is written as one (brackets of IPv6 removed), else null. */
const literalAddress = (url: URL): string | null => {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) === 0 ? null : host;
};

/** A refusal travels through undici's connect as the cause of its error. */
class RefusedAddress extends Error {
  constructor(readonly refusal: QuireError) {
    super(refusal.message);
  }
}

/** `net.connect`'s lookup, answered by `resolve` and refusing any name with a refused address. */
export function checkedLookup(resolve: ResolveHost): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const wanted = addresses.filter((a) => !options.family || a.family === options.family);
        for (const { address } of wanted) {
          const kind = refusedAddressKind(address);
          if (kind !== null) return callback(new RefusedAddress(refusedAddress(hostname, address, kind)), '', 0);
        }
        const first = wanted[0];
        if (!first) {
          return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        }
        // With `all`, net tries each address (happy eyeballs); they are all checked above.
        if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, wanted.map((a) => ({ ...a })));
        return callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}

const refusalIn = (error: unknown): QuireError | null => {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof RefusedAddress) return cause.refusal;
  }
  return null;
};

const isRedirect = (status: number): boolean => [301, 302, 303, 307, 308].includes(status);

/**
 * A `fetch` for pages and images that refuses loopback, unspecified and link-local addresses on
 * every hop. Only GET requests are made; `redirect` of the caller is ignored (always followed here).
 */
export function createWebFetch({ resolve = systemResolve }: { resolve?: ResolveHost } = {}): typeof globalThis.fetch {
  const dispatcher = new Agent({ connect: { lookup: checkedLookup(resolve) } });
  const webFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    for (let hop = 0; ; hop += 1) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw sentenceError('import-failed', say('core.import.web.redirectRefused'));
      }
      const literal = literalAddress(url);
      const kind = literal === null ? null : refusedAddressKind(literal);
      if (literal !== null && kind !== null) throw refusedAddress(url.hostname, literal, kind);
      let response: Response;
      try {
        response = (await undiciFetch(url, {
          method: 'GET',
          headers: init.headers as Record<string, string> | undefined,
          signal: init.signal ?? null,
          redirect: 'manual',
          dispatcher,
        })) as unknown as Response;
      } catch (error) {
        throw refusalIn(error) ?? error;
      }
      const location = response.headers.get('location');
      if (!isRedirect(response.status) || location === null) {
        // The address the body came from, as fetch reports it after redirects.
        Object.defineProperty(response, 'url', { value: url.href });
        return response;
      }
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw sentenceError('import-failed', say('core.import.web.tooManyRedirects', { count: MAX_REDIRECTS }));
      url = new URL(location, url);
    }
  };
  return webFetch as typeof globalThis.fetch;
}
