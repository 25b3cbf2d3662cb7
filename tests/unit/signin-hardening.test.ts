// Issue 14's sign-in findings that need no database (callback.test.ts has #3): whose address the
// app believes (#4), where the demo listens and when it is seeded (#7), and which
// Origin counts as the site's own (#13).
import { Socket } from 'node:net';
import { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { demoSeedDecision, isLoopbackHost, listenHost } from '../../prisma/seed/demo-guard';
import { appOrigins, isAppOrigin } from '@/server/http/app-origin';
import { CLIENT_ADDRESS_HEADER, clientAddressFrom } from '@/server/http/client-address';
import { applyClientAddress, compileTrust } from '@/server/http/trusted-proxies';
import { clientIp } from '@/server/auth/caller';

function request(remoteAddress: string | undefined, headers: Record<string, string>): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: remoteAddress });
  const req = new IncomingMessage(socket);
  req.headers = { ...headers };
  return req;
}

describe('#4 the client address', () => {
  const forged = { 'x-forwarded-for': '203.0.113.9, 198.51.100.7', 'x-real-ip': '203.0.113.10', [CLIENT_ADDRESS_HEADER]: '203.0.113.11', 'x-forwarded-host': 'evil.example' };

  it('is the socket address when no proxy is trusted, whatever the client sends', () => {
    for (const spec of [undefined, '', '0']) {
      const req = request('::ffff:192.0.2.5', forged);
      expect(applyClientAddress(req, compileTrust(spec))).toBe('192.0.2.5');
      expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe('192.0.2.5');
      expect(req.headers['x-forwarded-for']).toBe('192.0.2.5');
      expect(req.headers['x-real-ip']).toBeUndefined();
      expect(req.headers['x-forwarded-host']).toBeUndefined();
    }
  });

  it('takes the address a trusted proxy forwarded, by hop count or CIDR', () => {
    const viaProxy = () => request('10.0.0.2', { 'x-forwarded-for': '203.0.113.9, 198.51.100.7', 'x-forwarded-host': 'kezdesu.example.kz' });
    const oneHop = viaProxy();
    expect(applyClientAddress(oneHop, compileTrust('1'))).toBe('198.51.100.7');
    expect(oneHop.headers['x-forwarded-host']).toBe('kezdesu.example.kz');
    expect(applyClientAddress(viaProxy(), compileTrust('2'))).toBe('203.0.113.9');
    expect(applyClientAddress(viaProxy(), compileTrust('10.0.0.0/8'))).toBe('198.51.100.7');
    expect(applyClientAddress(viaProxy(), compileTrust('10.0.0.0/8, 198.51.100.0/24'))).toBe('203.0.113.9');
    // A proxy outside the list is a client like any other.
    expect(applyClientAddress(viaProxy(), compileTrust('172.16.0.0/12'))).toBe('10.0.0.2');
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address', () => {
    expect(() => compileTrust('10.0.0.0/8, proxy.local')).toThrow();
  });

  it('is read by the app from the server-set header only, never from X-Forwarded-For', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.10' }))).toBeNull();
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: '192.0.2.5', 'x-forwarded-for': '203.0.113.9' }))).toBe('192.0.2.5');
    expect(clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: 'x'.repeat(300) }))).toHaveLength(64);
  });
});

describe('#7 the demo stays a demo', () => {
  it('listens on 127.0.0.1 on the embedded database unless HOST says otherwise', () => {
    expect(listenHost({})).toBe('127.0.0.1');
    expect(listenHost({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
    expect(listenHost({ DATABASE_URL: 'postgresql://db/kezdesu' })).toBe('0.0.0.0');
    expect(listenHost({ DATABASE_URL: 'postgresql://db/kezdesu', SEED_DEMO: true })).toBe('127.0.0.1');
    expect(isLoopbackHost(listenHost({}))).toBe(true);
  });

  it('knows which addresses only this machine reaches', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'kezdesu.example.kz', '128.0.0.1']) expect(isLoopbackHost(h), h).toBe(false);
  });

  it('seeds demo accounts into DATABASE_URL only with SEED_DEMO=1, and never in production', () => {
    expect(demoSeedDecision({ embedded: true, seedDemo: false, nodeEnv: 'development' })).toEqual({ seed: true, refusal: null });
    expect(demoSeedDecision({ embedded: false, seedDemo: false, nodeEnv: 'development' })).toEqual({ seed: false, refusal: null });
    expect(demoSeedDecision({ embedded: false, seedDemo: true, nodeEnv: 'development' })).toEqual({ seed: true, refusal: null });
    const production = demoSeedDecision({ embedded: false, seedDemo: true, nodeEnv: 'production' });
    expect(production.seed).toBe(false);
    expect(production.refusal).toMatch(/npm run user:create/);
  });
});

describe('#13 the site origin', () => {
  it('is APP_URL when set', () => {
    const env = { APP_URL: 'https://kezdesu.example.kz/app', PORT: 3000 };
    expect(appOrigins(env)).toEqual(['https://kezdesu.example.kz']);
    expect(isAppOrigin('https://kezdesu.example.kz', env)).toBe(true);
    expect(isAppOrigin('http://kezdesu.example.kz', env)).toBe(false);
    expect(isAppOrigin('http://localhost:3000', env)).toBe(false);
  });

  it('is the local demo without APP_URL, and never whatever the request names', () => {
    const env = { PORT: 3000 };
    expect(isAppOrigin('http://localhost:3000', env)).toBe(true);
    expect(isAppOrigin('http://127.0.0.1:3000', env)).toBe(true);
    expect(isAppOrigin('http://localhost:3001', env)).toBe(false);
    expect(isAppOrigin('http://evil.example', env)).toBe(false);
    expect(isAppOrigin('null', env)).toBe(false);
    expect(isAppOrigin(null, env)).toBe(false);
    expect(isAppOrigin('http://192.168.1.10:3000', { ...env, HOST: '192.168.1.10' })).toBe(true);
    expect(isAppOrigin('http://0.0.0.0:3000', { ...env, HOST: '0.0.0.0' })).toBe(false);
  });
});
