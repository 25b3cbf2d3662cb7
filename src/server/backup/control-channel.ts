import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { manifestSchema, type BackupManifest } from './manifest';

// The local channel through which `npm run db:backup` asks the running `npm start` for a backup
// of the embedded database it holds (docs/operations.md). A Unix socket in DATA_DIR, readable
// and writable by its owner only. One request, a JSON line: {"op":"backup"}. One answer: a JSON
// line, {"ok":true,"bytes":N,"manifest":{…}} followed by the N bytes of the backup file, or
// {"ok":false,"error":"…"}.

export const CONTROL_SOCKET_NAME = 'control.sock';
// Linux keeps at most 107 bytes of a socket's path.
const MAX_SOCKET_PATH = 107;

export function controlSocketPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), CONTROL_SOCKET_NAME);
}

const requestSchema = z.object({ op: z.literal('backup') });
const answerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), bytes: z.number().int().min(0), manifest: manifestSchema }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export type ControlChannel = { path: string; close: () => Promise<void> };

/**
 * Listens on DATA_DIR/control.sock. The caller holds DATA_DIR's lock, so a socket file left
 * there is a crashed holder's and is removed. The socket is created with mode 0600.
 */
export async function startControlChannel(dataDir: string, backup: (out: string) => Promise<BackupManifest>): Promise<ControlChannel> {
  const socketPath = controlSocketPath(dataDir);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) throw new Error(`${socketPath} is longer than a Unix socket's path may be; use a shorter DATA_DIR`);
  await fs.rm(socketPath, { force: true });
  // Half-open: the client ends its side after the request and still reads the answer.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => void serve(socket, backup));
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
  await fs.chmod(socketPath, 0o600);
  return {
    path: socketPath,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => fs.rm(socketPath, { force: true })),
  };
}

async function serve(socket: net.Socket, backup: (out: string) => Promise<BackupManifest>): Promise<void> {
  socket.on('error', () => undefined);
  const line = await readLine(socket, 4096).catch(() => null);
  const request = requestSchema.safeParse(line === null ? null : safeJson(line));
  if (!request.success) {
    socket.end(`${JSON.stringify({ ok: false, error: 'unknown request: send {"op":"backup"}' })}\n`);
    return;
  }
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kezdesu-control-'));
  try {
    const file = path.join(tmp, 'backup.tar');
    const manifest = await backup(file);
    const { size } = await fs.stat(file);
    socket.write(`${JSON.stringify({ ok: true, bytes: size, manifest })}\n`);
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(file);
      stream.on('error', reject);
      stream.on('end', resolve);
      // A client that goes away mid-file ends the transfer, not the app.
      socket.once('close', () => { stream.destroy(); resolve(); });
      stream.pipe(socket);
    });
  } catch (error) {
    if (socket.writable) socket.end(`${JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) })}\n`);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function readLine(socket: net.Socket, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\n');
      if (end >= 0) {
        socket.off('data', onData);
        resolve(buffer.slice(0, end));
      } else if (buffer.length > limit) reject(new Error('request too long'));
    };
    socket.on('data', onData);
    socket.once('end', () => reject(new Error('closed before a request')));
  });
}

export type ChannelBackup = { reached: false } | { reached: true; manifest: BackupManifest; bytes: number };

/**
 * Asks the app holding `dataDir` for a backup into `out` (via `out.partial`). `reached: false`
 * when no app answers on the socket: none runs, or it predates the channel.
 */
export async function requestBackup(dataDir: string, out: string): Promise<ChannelBackup> {
  const socketPath = controlSocketPath(dataDir);
  const socket = await new Promise<net.Socket | null>((resolve, reject) => {
    const s = net.createConnection(socketPath);
    s.once('connect', () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) => (['ENOENT', 'ECONNREFUSED'].includes(error.code ?? '') ? resolve(null) : reject(error)));
  });
  if (!socket) return { reached: false };
  const target = path.resolve(out);
  const partial = `${target}.partial`;
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    const result = await new Promise<{ manifest: BackupManifest; bytes: number }>((resolve, reject) => {
      let header = Buffer.alloc(0);
      let answer: { manifest: BackupManifest; bytes: number } | null = null;
      let written = 0;
      const file = createWriteStream(partial, { mode: 0o600 });
      file.on('error', reject);
      socket.on('error', reject);
      socket.on('data', (chunk: Buffer) => {
        if (answer) {
          written += chunk.length;
          file.write(chunk);
          return;
        }
        header = Buffer.concat([header, chunk]);
        const end = header.indexOf(10);
        if (end < 0) return;
        const parsed = answerSchema.safeParse(safeJson(header.subarray(0, end).toString('utf8')));
        if (!parsed.success) return reject(new Error(`the app answered on ${socketPath} with something else than a backup`));
        if (!parsed.data.ok) return reject(new Error(`the running app could not make the backup: ${parsed.data.error}`));
        answer = { manifest: parsed.data.manifest, bytes: parsed.data.bytes };
        const rest = header.subarray(end + 1);
        written += rest.length;
        file.write(rest);
      });
      socket.on('end', () => {
        file.end(() => {
          if (!answer) reject(new Error(`the app on ${socketPath} closed the channel without an answer`));
          else if (written !== answer.bytes) reject(new Error(`the backup from the app was cut short (${written} of ${answer.bytes} bytes)`));
          else resolve(answer);
        });
      });
      socket.end(`${JSON.stringify({ op: 'backup' })}\n`);
    });
    await fs.rename(partial, target);
    return { reached: true, ...result };
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  } finally {
    socket.destroy();
  }
}
