import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

// A PostgreSQL 15 primary and its streaming replica, built from Debian's binaries in folders of
// their own, for `npm run db:replica` and the replica test. The server on 5432 is never touched.
// initdb and pg_ctl refuse root, so as root every command runs as the `postgres` system user.

const run = promisify(execFile);
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export type ReplicaCluster = {
  dir: string;
  primaryPort: number;
  replicaPort: number;
  primaryUrl: string;
  replicaUrl: string;
};

type Node = 'primary' | 'replica';

const asRoot = process.getuid?.() === 0;

/** Runs one of PostgreSQL's programs as `postgres` (when we are root) with `cwd` it can read. */
async function pgRun(program: string, args: string[], cwd: string): Promise<string> {
  const bin = path.join(PG_BIN, program);
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  try {
    const { stdout } = await run(file, argv, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${program} ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`);
  }
}

/** A port nobody listens on now, from the kernel. */
export async function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const url = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres`;
const dataDir = (c: { dir: string }, node: Node) => path.join(c.dir, node);
const stateFile = (dir: string) => path.join(dir, 'cluster.json');

/**
 * initdb a primary that allows replication from 127.0.0.1, start it, copy it with pg_basebackup
 * (-R writes the standby settings), start the copy as a hot standby and wait until it streams.
 */
export async function startReplicaCluster(options: { dir: string; primaryPort?: number; replicaPort?: number }): Promise<ReplicaCluster> {
  if (!existsSync(path.join(PG_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL 15's programs are not in ${PG_BIN}: apt-get install -y postgresql-15 (or set PG_BIN)`);
  }
  const { dir } = options;
  if (existsSync(stateFile(dir))) throw new Error(`${dir} already holds a cluster: stop it first (npm run db:replica -- stop)`);
  const primaryPort = options.primaryPort ?? (await sparePort());
  const replicaPort = options.replicaPort ?? (await sparePort());
  const cluster: ReplicaCluster = { dir, primaryPort, replicaPort, primaryUrl: url(primaryPort), replicaUrl: url(replicaPort) };

  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (asRoot) {
    const owner = await postgresIds();
    chownSync(dir, owner.uid, owner.gid);
  }
  writeFileSync(stateFile(dir), JSON.stringify(cluster, null, 2));

  const primary = dataDir(cluster, 'primary');
  await pgRun('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], dir);
  appendFileSync(primary + '/postgresql.conf', [
    '',
    '# kezdesu db:replica',
    `port = ${primaryPort}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dir}'`,
    'wal_level = replica',
    'max_wal_senders = 4',
    'wal_keep_size = 128MB',
    'hot_standby = on',
    'fsync = off', // a throwaway cluster: speed over durability
    'shared_buffers = 32MB',
    '',
  ].join('\n'));
  // `all` in the database column does not match replication connections: they need their own line.
  writeFileSync(primary + '/pg_hba.conf', [
    '# kezdesu db:replica: local tools and the replica, trusted, on loopback only',
    'local   all          all                 trust',
    'host    all          all   127.0.0.1/32  trust',
    'local   replication  all                 trust',
    'host    replication  all   127.0.0.1/32  trust',
    '',
  ].join('\n'));
  await startNode(cluster, 'primary');

  const replica = dataDir(cluster, 'replica');
  await pgRun('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replica, '-X', 'stream', '-R', '-c', 'fast'], dir);
  appendFileSync(replica + '/postgresql.conf', `\n# the standby's own port\nport = ${replicaPort}\n`);
  await startNode(cluster, 'replica');
  await waitForStreaming(cluster);
  return cluster;
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export async function startNode(cluster: ReplicaCluster, node: Node): Promise<void> {
  const d = dataDir(cluster, node);
  await pgRun('pg_ctl', ['-D', d, '-l', path.join(cluster.dir, `${node}.log`), '-w', '-t', '60', 'start'], cluster.dir);
}

/** Stops one server; `immediate` is a crash, as when a replica's machine goes away. */
export async function stopNode(cluster: ReplicaCluster, node: Node, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
  const d = dataDir(cluster, node);
  if (!existsSync(path.join(d, 'postmaster.pid'))) return;
  await pgRun('pg_ctl', ['-D', d, '-m', mode, '-w', '-t', '60', 'stop'], cluster.dir);
}

/** Waits until the replica is in recovery and its WAL receiver streams from the primary. */
export async function waitForStreaming(cluster: ReplicaCluster, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const rows = await queryOnce(cluster.replicaUrl, "SELECT pg_is_in_recovery() AS r, (SELECT status FROM pg_stat_wal_receiver) AS s");
      if (rows[0]?.r === true && rows[0]?.s === 'streaming') return;
    } catch {
      // still starting up
    }
    if (Date.now() > deadline) throw new Error(`the replica on ${cluster.replicaPort} is not streaming after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function queryOnce(connectionString: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The cluster a folder holds, from the state file `startReplicaCluster` wrote. */
export function readCluster(dir: string): ReplicaCluster | null {
  return existsSync(stateFile(dir)) ? (JSON.parse(readFileSync(stateFile(dir), 'utf8')) as ReplicaCluster) : null;
}

/** Stops both servers (replica first) and removes the folder. */
export async function stopReplicaCluster(dir: string): Promise<boolean> {
  const cluster = readCluster(dir);
  if (!cluster) return false;
  await stopNode(cluster, 'replica', 'fast').catch((e: Error) => console.error(e.message));
  await stopNode(cluster, 'primary', 'fast').catch((e: Error) => console.error(e.message));
  rmSync(dir, { recursive: true, force: true });
  return true;
}
