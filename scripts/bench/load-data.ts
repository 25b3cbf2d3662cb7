import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import iconv from 'iconv-lite';
import type pg from 'pg';

// The deadline rush's people and files: akimat editors spread over the regions and analysts, all
// with one password hashed once (argon2 is deliberately slow: 320 hashes would take minutes); each
// editor's meeting, statuses and 200-row file carry a marker so the check can count them after.

export type Editor = { index: number; username: string; regionId: number; kato: string; officialId: number; marker: string };
export type Analyst = { username: string };

export type People = { password: string; editors: Editor[]; analysts: Analyst[]; categories: string[] };

/** `tag` names this run in every marker, so a kept database can hold several runs. */
export async function createPeople(client: pg.Client, o: { editors: number; analysts: number; tag: string }): Promise<People> {
  const password = `load-bench-${randomBytes(9).toString('base64url')}`;
  // The app's own parameters (src/server/auth/password.ts): one hash, every account.
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const { rows: regions } = await client.query<{ id: number; kato: string; official_id: number }>(
    `SELECT r.id, r.kato, (SELECT o.id FROM official o WHERE o.region_id = r.id AND o.position = 'AKIM_REGION' AND o.active ORDER BY o.id LIMIT 1) AS official_id
     FROM region r ORDER BY r.kato`,
  );
  const usable = regions.filter((r) => r.official_id !== null);
  if (usable.length === 0) throw new Error('no region has an active regional akim');
  const editors: Editor[] = Array.from({ length: o.editors }, (_, i) => {
    const r = usable[i % usable.length]!;
    return { index: i, username: `load.${o.tag}.editor${i}`, regionId: r.id, kato: r.kato, officialId: r.official_id, marker: `LB${o.tag}-E${i}` };
  });
  const analysts: Analyst[] = Array.from({ length: o.analysts }, (_, i) => ({ username: `load.${o.tag}.analyst${i}` }));
  await client.query(
    `INSERT INTO app_user (username, full_name, password_hash, role, region_id, updated_at)
     SELECT u, 'Редактор акимата (нагрузочный тест)', $3, 'AKIMAT_EDITOR', r, now() FROM unnest($1::text[], $2::int[]) AS t(u, r)`,
    [editors.map((e) => e.username), editors.map((e) => e.regionId), passwordHash],
  );
  await client.query(
    `INSERT INTO app_user (username, full_name, password_hash, role, updated_at)
     SELECT u, 'Аналитик (нагрузочный тест)', $2, 'ANALYST', now() FROM unnest($1::text[]) AS u`,
    [analysts.map((a) => a.username), passwordHash],
  );
  const { rows: cats } = await client.query<{ code: string }>(`SELECT code FROM issue_category ORDER BY sort_order, code`);
  return { password, editors, analysts, categories: cats.map((c) => c.code) };
}

export const ISSUES_PER_IMPORTED_MEETING = 5;
const STATUSES = ['Поднят', 'На исполнении', 'Решён', 'Не поддержан', 'Решён'];
const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** A day of the period, at least `margin` days before `today`, picked by `n`. */
export function dayIn(from: string, today: string, n: number, margin = 0): string {
  const span = Math.max(1, daysBetween(from, today) - margin + 1);
  return addDays(from, n % span);
}

/** The editor's file as Excel saves it on a Russian Windows (Windows-1251, ";"), `rows` issues. */
export function importFile(headers: string[], e: Editor, category: (i: number) => string, rows: number, from: string, today: string): Buffer {
  const lines = [headers.join(';')];
  for (let i = 0; i < rows; i += 1) {
    const meeting = Math.floor(i / ISSUES_PER_IMPORTED_MEETING);
    const held = dayIn(from, today, e.index * 7 + meeting, 5);
    lines.push([
      e.kato, `${e.marker}-M${meeting + 1}`, ru(held), 'Областной уровень', '', 'Дом культуры', String(50 + (meeting % 300)),
      String((i % ISSUES_PER_IMPORTED_MEETING) + 1), category(i), `Вопрос жителей [${e.marker}-R${i + 1}]: ремонт дороги и освещение`, 'REGION',
      STATUSES[i % STATUSES.length]!, ru(addDays(held, 3)), '', (1_000_000 + i * 7).toLocaleString('ru-RU'),
      i % 3 ? '' : `${(500_000 + i).toLocaleString('ru-RU')},00`,
    ].join(';'));
  }
  return iconv.encode(lines.join('\r\n'), 'win1251');
}

/** A multipart body with one file field, as the import page's upload sends it. */
export function multipart(field: string, name: string, bytes: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----kezdesu${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`);
  return { body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}
