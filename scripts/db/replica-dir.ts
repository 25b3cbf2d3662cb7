import os from 'node:os';
import path from 'node:path';

/** Where `npm run db:replica` keeps its two data folders; the postgres user must be able to reach it. */
export const REPLICA_DIR_DEFAULT = path.join(os.tmpdir(), 'kezdesu-replica');
