import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

// The built app, started with `next start` against the benchmark database.

const nextBin = path.resolve('node_modules/next/dist/bin/next');

/** Builds the app when there is no build at all (an existing build is used as it is). */
export function ensureBuilt(log: (s: string) => void): boolean {
  if (fs.existsSync(path.resolve('.next/BUILD_ID'))) return false;
  log('  .next/BUILD_ID is missing: running npm run build');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('npm run build failed');
  return true;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type App = { baseUrl: string; child: ChildProcess; output: string[]; stop: () => Promise<void> };

export async function startApp(databaseUrl: string, port: number, token: string, timeoutMs = 120_000): Promise<App> {
  const output: string[] = [];
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    detached: true, // its own process group, so stop() ends next and any worker it forks
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port),
      DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(36).toString('base64url'), AUTH_TRUST_HOST: 'true',
    },
  });
  const keep = (b: Buffer) => {
    output.push(b.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        if (!exited && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch { /* already gone */ }
    }, 5000);
    await gone;
    clearTimeout(timer);
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`next start exited early:\n${output.join('')}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`, { headers: { authorization: `Bearer ${token}` } });
      await res.text();
      if (res.ok) return { baseUrl, child, output, stop };
      if (res.status === 401 || res.status === 403) {
        await stop();
        throw new Error(`the app refused the benchmark token (${res.status})`);
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('the app refused')) throw error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the app did not answer within ${timeoutMs / 1000} s:\n${output.join('')}`);
}
