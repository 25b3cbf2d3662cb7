// npm run db:roles -- --app-role NAME [--password SECRET]
// Run by the database owner against DATABASE_URL, after the migrations: creates or updates the
// LOGIN role the app connects as, with only the rights the app needs (src/server/db/app-role.ts).
// The password may also come from KEZDESU_APP_ROLE_PASSWORD; without one the role gets none
// (for peer or certificate authentication). Safe to run again, for instance after a migration.
import '../load-env';
import { parseArgs } from 'node:util';
import { readEnv } from '../../src/env';
import { applyAppRole } from '../../src/server/db/app-role';

const { values } = parseArgs({ options: { 'app-role': { type: 'string' }, password: { type: 'string' } } });
const role = values['app-role'];
if (!role) {
  console.error('usage: npm run db:roles -- --app-role NAME [--password SECRET]');
  process.exit(2);
}
const url = readEnv().DATABASE_URL;
if (!url) {
  console.error('db:roles needs DATABASE_URL, connecting as the database owner. The embedded database has one user and no roles (see the README).');
  process.exit(2);
}
try {
  const result = await applyAppRole(url, { role, password: values.password ?? process.env.KEZDESU_APP_ROLE_PASSWORD ?? null });
  console.log(`${result.created ? 'Created' : 'Updated'} role ${result.role} in ${result.database}: ${result.tables} tables, audit_log insert and read only.`);
  console.log(`Run the app with DATABASE_URL naming ${result.role}; keep running migrations as the owner.`);
} catch (error) {
  console.error(`db:roles: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
