import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './support/auth';

// Sign-in, sign-out and record scope, as people meet them in the browser.

const ROLE_LABELS: Record<string, string> = {
  admin: 'Администратор',
  analyst: 'Аналитик',
  manager: 'Руководитель',
  'akimat.aktobe': 'Редактор акимата',
  'akimat.almaty': 'Редактор акимата',
  'ministry.education': 'Редактор министерства',
};

for (const [username, role] of Object.entries(ROLE_LABELS)) {
  test(`${username} signs in and out`, async ({ page }) => {
    await signIn(page, username);
    await expect(page.getByTestId('signed-in-user')).toContainText(role);
    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect(page).toHaveURL(/\/signin/);
    // Signed out means signed out: the overview sends us back to sign-in.
    await page.goto('/?period=2022');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  });
}

test('a wrong password gets the same message as an unknown user', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Имя пользователя').fill('analyst');
  await page.getByLabel('Пароль').fill('not-the-password-at-all');
  await page.getByRole('button', { name: 'Войти' }).click();
  const wrong = await page.getByRole('alert').filter({ hasText: 'Неверное' }).textContent();
  await page.getByLabel('Имя пользователя').fill('nobody.here');
  await page.getByLabel('Пароль').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Неверное' })).toHaveText(wrong ?? '');
});

test('an akimat editor cannot see another region’s records', async ({ page }) => {
  await signIn(page, 'akimat.almaty');
  const own = await page.request.get('/api/v1/meetings?limit=1');
  expect(own.status()).toBe(200);
  const almatyMeeting = (await own.json()).items[0];
  expect(almatyMeeting.regionKato).toBe('750000000');
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, 'akimat.aktobe');
  const list = await page.request.get('/api/v1/meetings?limit=50');
  expect(list.status()).toBe(200);
  const items: Array<{ regionKato: string }> = (await list.json()).items;
  expect(items.length).toBeGreaterThan(0);
  expect(new Set(items.map((m) => m.regionKato))).toEqual(new Set(['150000000']));
  const other = await page.request.get(`/api/v1/meetings/${almatyMeeting.id}`);
  expect(other.status()).toBe(403);
});

test('the API refuses a request without a session', async ({ request }) => {
  const response = await request.get('/api/v1/meetings');
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
});

test('sign-in leaves a device cookie and never returns to another site', async ({ page, context, baseURL }) => {
  await signIn(page, 'analyst');
  const device = (await context.cookies()).find((c) => c.name.startsWith('kz-device-'));
  expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  // Browsers drop the tab and open `//evil.example`; sign-in sends a signed-in user to the overview instead.
  for (const callbackUrl of ['%2F%09%2Fevil.example', '%2F%0A%2Fevil.example', '%2F%5Cevil.example', 'https%3A%2F%2Fevil.example']) {
    const response = await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    expect(response?.status()).toBeLessThan(400);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe('/');
  }
});
