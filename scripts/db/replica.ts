// `npm run db:replica [-- --port N]`: a PostgreSQL 15 primary (port N, default a spare one) and
// its streaming replica (N+1) in REPLICA_DIR (default /tmp/kezdesu-replica), kept up until Ctrl-C
// or `npm run db:replica -- stop`. Prints the DATABASE_URL and DATABASE_REPLICA_URL to use.
import { REPLICA_DIR_DEFAULT } from './replica-dir';
import { readCluster, startReplicaCluster, stopReplicaCluster } from './replica-cluster';

const dir = process.env.REPLICA_DIR ?? REPLICA_DIR_DEFAULT;
const args = process.argv.slice(2);

async function main(): Promise<void> {
  if (args[0] === 'stop') {
    console.log((await stopReplicaCluster(dir)) ? `Stopped the primary and the replica in ${dir}.` : `No cluster in ${dir}.`);
    return;
  }
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65535)) throw new Error('--port takes a port number');
  if (readCluster(dir)) throw new Error(`${dir} already holds a cluster: npm run db:replica -- stop`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the replica and the primary…`);
    await stopReplicaCluster(dir);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    const c = await startReplicaCluster({ dir, primaryPort: port, replicaPort: port && port + 1 });
    console.log([
      `Primary and streaming replica are up (folder ${c.dir}):`,
      `  DATABASE_URL=${c.primaryUrl}`,
      `  DATABASE_REPLICA_URL=${c.replicaUrl}`,
      'Ctrl-C, or `npm run db:replica -- stop` in another shell, stops both.',
    ].join('\n'));
  } catch (error) {
    await stopReplicaCluster(dir);
    throw error;
  }
  // Stay up; `stop` from another shell removes the folder, and then this process ends too.
  const timer = setInterval(() => {
    if (!stopping && !readCluster(dir)) {
      clearInterval(timer);
      console.log('The cluster was stopped.');
    }
  }, 1000);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
