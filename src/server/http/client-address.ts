// The client's address as the app's own server (scripts/serve.ts) decided it from the socket and
// TRUSTED_PROXIES (trusted-proxies.ts). Whatever a client sends in this header is replaced there.

export const CLIENT_ADDRESS_HEADER = 'x-kezdesu-client-ip';

/** The address the app's server set; null when the app runs without it (`next dev`). */
export function clientAddressFrom(h: Headers): string | null {
  return h.get(CLIENT_ADDRESS_HEADER)?.slice(0, 64) || null;
}
