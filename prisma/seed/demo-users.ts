import { createHash } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type pg from 'pg';

// The demo accounts exist only where demo data is seeded. They share one password and
// their second factor is not enforced (flag `demo`), as the README says.

export const DEMO_PASSWORD = 'kezdesu-demo';

export const DEMO_USERS = [
  { username: 'admin', fullName: 'Администратор системы', role: 'ADMIN' },
  { username: 'analyst', fullName: 'Аналитик МНЭ', role: 'ANALYST' },
  { username: 'manager', fullName: 'Руководитель департамента МНЭ', role: 'MANAGER' },
  { username: 'akimat.aktobe', fullName: 'Редактор акимата Актюбинской области', role: 'AKIMAT_EDITOR', regionKato: '150000000' },
  { username: 'akimat.almaty', fullName: 'Редактор акимата города Алматы', role: 'AKIMAT_EDITOR', regionKato: '750000000' },
  { username: 'ministry.education', fullName: 'Редактор Министерства просвещения', role: 'MINISTRY_EDITOR', bodyCode: 'EDUCATION' },
] as const;

export async function insertDemoUsers(client: pg.ClientBase): Promise<number> {
  for (const u of DEMO_USERS) {
    // A salt derived from the username keeps two seeds byte-identical.
    const salt = createHash('sha256').update(`kezdesu-demo:${u.username}`).digest().subarray(0, 16);
    const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, salt });
    await client.query(
      `INSERT INTO app_user (username, full_name, password_hash, role, region_id, central_body_id, demo, created_at, updated_at)
       VALUES ($1, $2, $3, $4::"Role",
         (SELECT id FROM region WHERE kato = $5), (SELECT id FROM central_body WHERE code = $6), true,
         '2023-07-15T00:00:00Z', '2023-07-15T00:00:00Z')`,
      [u.username, u.fullName, passwordHash, u.role, 'regionKato' in u ? u.regionKato : null, 'bodyCode' in u ? u.bodyCode : null],
    );
  }
  return DEMO_USERS.length;
}
