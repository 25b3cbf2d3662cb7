// Two app processes (scripts/serve.ts) on one PostgreSQL with one AUTH_SECRET behave as one:
// requests alternate between them as a load balancer would send them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../factories/users';
import { Browser, checkImport, createPgDatabase, freePort, importCsv, meetingBody, seedWorld, startApp, type App, type PgDatabase, type World } from './support';

let database: PgDatabase;
let a: App;
let b: App;
let world: World;

beforeAll(async () => {
  database = await createPgDatabase();
  world = await seedWorld(database.pool);
  const env = { DATABASE_URL: database.url, DB_POOL_SIZE: '5' };
  const [pa, pb] = [await freePort(), await freePort()];
  [a, b] = await Promise.all([startApp({ port: pa, env, script: 'serve' }), startApp({ port: pb, env, script: 'serve' })]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

const health = (app: App, cookie: string) => fetch(`${app.base}/api/v1/health`, { headers: { cookie } }).then((r) => r.status);
const count = async (sql: string, params: unknown[] = []) => (await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

describe('two app instances on one database', () => {
  it('a session made on one works on the other, and a sign-out on one ends it on both', async () => {
    const user = await createUser(database.pool, { role: 'ANALYST' });
    const browser = new Browser();
    // The CSRF cookie from B, the sign-in on A: next-auth's double-submit token is signed with the shared secret.
    expect(await browser.signIn(a.base, user.username, user.password, b.base)).toBe('OK');
    const session = `next-auth.session-token=${browser.cookie('next-auth.session-token')}`;
    expect([await health(a, session), await health(b, session)]).toEqual([200, 200]);
    const page = await browser.request(b.base, '/?period=2024-H1');
    expect(page.status).toBe(200);

    expect(await browser.signOut(b.base, a.base)).toBe(200);
    expect(browser.has('next-auth.session-token')).toBe(false);
    // The old cookie, replayed on either instance, names a revoked session row.
    expect([await health(a, session), await health(b, session)]).toEqual([401, 401]);
    const row = await database.pool.query('SELECT revoked_at FROM user_session WHERE user_id = $1', [user.id]);
    expect(row.rows).toHaveLength(1);
    expect(row.rows[0].revoked_at).not.toBeNull();
  });

  it('shares the sign-in limits: five failures spread over both lock the account on both', async () => {
    const user = await createUser(database.pool, { role: 'ANALYST' });
    const guesser = new Browser();
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await guesser.signIn(i % 2 ? b.base : a.base, user.username, 'wrong password here'));
    expect(answers).toEqual(Array(5).fill('INVALID'));
    // Neither instance saw five failures itself (3 and 2): the lock holds only if they count together.
    expect(await new Browser().signIn(a.base, user.username, user.password)).toBe('LOCKED');
    expect(await new Browser().signIn(b.base, user.username, user.password)).toBe('LOCKED');
    const { rows } = await database.pool.query('SELECT failures, locked_until > now() AS locked FROM sign_in_throttle WHERE key = $1', [`user:${user.username}`]);
    expect(rows).toEqual([{ failures: 5, locked: true }]);
  });

  it('closing a half-year on one refuses a save on the other', async () => {
    const manager = await createUser(database.pool, { role: 'MANAGER' });
    const managerToken = (await createToken(database.pool, manager.id)).headers;
    const save = (app: App, description: string) =>
      fetch(`${app.base}/api/v1/meetings`, { method: 'POST', headers: { ...world.editorToken, 'content-type': 'application/json' }, body: JSON.stringify(meetingBody(world, description, 1, '2023-11-20')) });
    expect((await save(b, 'Before the close')).status).toBe(201);

    const closed = await fetch(`${a.base}/api/v1/briefings`, { method: 'POST', headers: { ...managerToken, 'content-type': 'application/json' }, body: JSON.stringify({ period: '2023-H2' }) });
    expect(closed.status, await closed.clone().text()).toBe(201);

    const refused = await save(b, 'After the close');
    expect(refused.status).toBe(422);
    expect(await count(`raised_issue WHERE description LIKE 'After the close%'`)).toBe(0);
    // The same browser session, as a form would send it, is refused on B too.
    const editorBrowser = new Browser();
    const session = await createUser(database.pool, { role: 'AKIMAT_EDITOR', regionId: world.regionId });
    expect(await editorBrowser.signIn(a.base, session.username, session.password)).toBe('OK');
    const viaSession = await editorBrowser.request(b.base, '/api/v1/meetings', { json: meetingBody(world, 'After the close, by session', 1, '2023-12-01') });
    expect(viaSession.status).toBe(422);
    expect(viaSession.headers.get('content-type')).toContain('json');
  });

  it('committing the same import on both at once writes it once', async () => {
    const file = await importCsv(world, 'TWICE', 1000, 3);
    const checked = await checkImport(a.base, world.editorToken, file);
    expect(checked).toMatchObject({ rows: 3000, ready: 3000, errors: [] });

    const commit = (app: App) => fetch(`${app.base}/api/v1/imports/${checked.id}/commit`, { method: 'POST', headers: world.editorToken })
      .then(async (r) => ({ status: r.status, body: (await r.json()) as { meetings?: number; repeated?: boolean } }));
    // The first request to a route loads it: B's would arrive after A's commit ended.
    for (const app of [a, b]) expect((await fetch(`${app.base}/api/v1/imports/${crypto.randomUUID()}/commit`, { method: 'POST', headers: world.editorToken })).status).toBe(404);
    // A's commit, streamed: its first progress line comes from inside its transaction, so B's commit is sent while A's runs.
    const onA = await fetch(`${a.base}/api/v1/imports/${checked.id}/commit`, { method: 'POST', headers: { ...world.editorToken, accept: 'application/x-ndjson' } });
    const lines = onA.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('\n')) text += (await lines.read()).value ?? '';
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ phase: 'checking' });
    const onB = await commit(b);
    for (;;) {
      const { done, value } = await lines.read();
      if (done) break;
      text += value;
    }
    const last = JSON.parse(text.trim().split('\n').at(-1)!) as { status: number; body: { meetings: number; repeated: boolean } };

    expect(last).toMatchObject({ status: 200, body: { meetings: 1000, repeated: false } });
    // B turned the user's second commit away, as one instance would: the lock is in the database.
    expect(onB.status).toBe(409);
    expect(await commit(b)).toMatchObject({ status: 200, body: { meetings: 1000, repeated: true } });
    expect(await count(`meeting WHERE external_ref LIKE 'TWICE-%'`)).toBe(1000);
    expect(await count(`raised_issue i JOIN meeting m ON m.id = i.meeting_id WHERE m.external_ref LIKE 'TWICE-%'`)).toBe(3000);
    expect(await count(`audit_log WHERE action = 'import.commit' AND entity_id = $1`, [checked.id])).toBe(1);
  });
});
