import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import { CLIENT_ADDRESS_HEADER } from './client-address';

// Run by the app's own server before Next sees a request: the client's address from the socket
// and TRUSTED_PROXIES, handed to Next in a header of our own. Whatever a client sends in that
// header or in X-Forwarded-* is replaced, so the app never reads an address a client chose.

export type Trust = (address: string, hop: number) => boolean;

/** `TRUSTED_PROXIES`: unset or empty trusts none; a whole number trusts that many hops; else a comma list of addresses and CIDRs. */
export function compileTrust(spec: string | undefined): Trust {
  const value = spec?.trim() ?? '';
  if (value === '' || value === '0') return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  // proxy-addr throws on an entry that is not an address or CIDR: a typo stops the start, it is not ignored.
  return proxyaddr.compile(value.split(',').map((part) => part.trim()).filter(Boolean));
}

/** `::ffff:10.0.0.1`, as IPv4 sockets report themselves, is written `10.0.0.1`. */
export const normalizeAddress = (address: string) => address.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, '$1');

const FORWARDED_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip'];

/**
 * Sets the client address on the request before Next sees it: the socket's address unless the socket is
 * a trusted proxy, then the address that proxy forwarded (hop by hop while the hops are trusted).
 * X-Forwarded-Host and -Proto are kept only from a trusted proxy.
 */
export function applyClientAddress(req: IncomingMessage, trust: Trust): string | null {
  const socketAddress = req.socket.remoteAddress;
  delete req.headers[CLIENT_ADDRESS_HEADER];
  if (!socketAddress) {
    for (const name of FORWARDED_HEADERS) delete req.headers[name];
    return null;
  }
  const fromProxy = trust(socketAddress, 0);
  const address = normalizeAddress(fromProxy ? proxyaddr(req, trust) : socketAddress);
  if (!fromProxy) for (const name of FORWARDED_HEADERS) delete req.headers[name];
  delete req.headers['x-real-ip'];
  req.headers['x-forwarded-for'] = address;
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}

