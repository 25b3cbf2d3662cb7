// The app's own HTTP server (Next's custom-server API): it decides the client's address from
// the socket and TRUSTED_PROXIES before Next sees the request. `npm start` runs it.
import './load-env';
import { createServer } from 'node:http';
import next from 'next';
import { readEnv } from '../src/env';
import { applyClientAddress, compileTrust } from '../src/server/http/trusted-proxies';

const env = readEnv();
const hostname = env.HOST ?? '127.0.0.1';
const trust = compileTrust(env.TRUSTED_PROXIES);
const app = next({ dev: false, dir: process.cwd(), hostname, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();
const server = createServer((req, res) => {
  applyClientAddress(req, trust);
  void handle(req, res);
});
server.on('upgrade', (req, socket, head) => {
  applyClientAddress(req, trust);
  void upgrade(req, socket, head);
});
server.listen(env.PORT, hostname, () => {
  console.log(`> Kezdesu on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${env.PORT}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
