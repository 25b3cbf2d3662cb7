// The app's own HTTP server (Next's custom-server API): it decides the client's address from
// the socket and TRUSTED_PROXIES before Next sees the request, writes one JSON log line and one
// metrics sample per request, and on SIGTERM finishes the requests in flight before closing
// the database. `npm start` runs it.
import './load-env';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';
import { format } from 'node:util';
import next from 'next';
import { readEnv } from '../src/env';
import { applyClientAddress, compileTrust } from '../src/server/http/trusted-proxies';
import { logger } from '../src/server/observability/logger';
import { metrics } from '../src/server/observability/metrics';
import { requestContext, SAFE_REQUEST_ID, type RequestContext } from '../src/server/observability/request-context';
import { pathOf, routePatterns, type RoutesManifest } from '../src/server/observability/route-patterns';

/** How long SIGTERM waits for the requests in flight before it cuts them. */
const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

// Next's own messages (its errors with their stacks included) become JSON lines like ours.
for (const [name, level] of [['log', 'info'], ['info', 'info'], ['warn', 'warn'], ['error', 'error'], ['debug', 'debug']] as const) {
  console[name] = (...args: unknown[]) => {
    const err = args.find((a) => a instanceof Error);
    const rest = args.filter((a) => a !== err);
    logger[level](err ? { err } : {}, rest.length ? format(...rest) : String((err as Error | undefined)?.message ?? ''));
  };
}

const env = readEnv();
const hostname = env.HOST ?? '127.0.0.1';
const trust = compileTrust(env.TRUSTED_PROXIES);
const app = next({ dev: false, dir: process.cwd(), hostname, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();
const publicDir = path.resolve('public');
const publicFiles = fs.existsSync(publicDir)
  ? fs.readdirSync(publicDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => `/${path.relative(publicDir, path.join(e.parentPath, e.name))}`)
  : [];
const routeOf = routePatterns(JSON.parse(fs.readFileSync(path.resolve('.next/routes-manifest.json'), 'utf8')) as RoutesManifest, publicFiles);
const { httpDuration } = metrics();

const inFlight = new Set<ServerResponse>();
let draining = false;

const server = createServer((req, res) => {
  const started = process.hrtime.bigint();
  const incoming = req.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.headers['x-request-id'] = requestId;
  res.setHeader('X-Request-Id', requestId);
  const context: RequestContext = { requestId, userId: null };
  inFlight.add(res);
  res.on('close', () => {
    inFlight.delete(res);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const pathname = pathOf(req.url);
    const route = routeOf(pathname);
    const method = METHODS.has(req.method ?? '') ? req.method! : 'OTHER';
    httpDuration.observe({ method, route, status: String(res.statusCode) }, seconds);
    // Never the query string, headers or body: they may hold a password, a token, a cookie or personal text.
    // 503 is readiness or stopping, said on purpose; any other 5xx is a fault.
    logger[res.statusCode === 503 ? 'warn' : res.statusCode >= 500 ? 'error' : 'info'](
      {
        reqId: requestId, method, route, path: pathname, status: res.statusCode, ms: Math.round(seconds * 10_000) / 10,
        userId: context.userId, ...(res.writableFinished ? {} : { aborted: true }),
      },
      'request',
    );
    if (draining && inFlight.size === 0) server.closeIdleConnections();
  });
  if (draining) {
    // Stopping: a load balancer sends this elsewhere.
    res.writeHead(503, { Connection: 'close', 'Retry-After': '5', 'Content-Type': 'application/json' });
    res.end('{"status":"stopping"}');
    return;
  }
  applyClientAddress(req, trust);
  requestContext.run(context, () => handle(req, res)).catch((error: unknown) => {
    logger.error({ err: error, reqId: requestId }, 'request failed');
    if (!res.headersSent) {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end('{"error":{"code":"INTERNAL","message":"internal error"}}');
    } else res.destroy();
  });
});
server.on('upgrade', (req, socket, head) => {
  applyClientAddress(req, trust);
  void upgrade(req, socket, head);
});
server.listen(env.PORT, hostname, () => {
  logger.info({ url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${env.PORT}` }, 'Kezdesu is listening');
});

/**
 * SIGTERM: take no new connection, let the requests in flight finish (up to GRACE_MS), then
 * close the database pools; `npm start` then checkpoints and closes the embedded database.
 */
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (draining) return;
  draining = true;
  logger.info({ signal, inFlight: inFlight.size }, 'stopping: finishing the requests in flight');
  for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), GRACE_MS);
  });
  if ((await Promise.race([closed, late])) === 'late') {
    logger.warn({ inFlight: inFlight.size }, `requests still in flight after ${GRACE_MS} ms: cutting them`);
    server.closeAllConnections();
  }
  clearTimeout(timer);
  const closeDb = (globalThis as Record<symbol, unknown>)[Symbol.for('kezdesu.closeDb')] as (() => Promise<void>) | undefined;
  try {
    await closeDb?.();
  } catch (error) {
    logger.error({ err: error }, 'closing the database pools failed');
  }
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', (s) => void stop(s));
process.on('SIGTERM', (s) => void stop(s));
