import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';

// An administrator creates a colleague's account; the colleague then signs in with it.
test('an admin creates a user, who then signs in', async ({ page, browser }) => {
  const username = `analyst.e2e${Date.now().toString(36)}`;
  const password = 'тёплый ветер над степью';
  await signIn(page, 'admin', undefined, '/admin/users/new');
  await expect(page).toHaveURL(/\/admin\/users\/new/);
  await page.getByLabel('Имя пользователя').fill(username);
  await page.getByLabel('ФИО').fill('Сарсенова Айгуль Маратовна');
  await page.getByLabel('Роль', { exact: true }).selectOption('ANALYST');
  await page.getByLabel('Начальный пароль').fill(password);
  await page.getByLabel('Пароль ещё раз').fill(password);
  await page.getByRole('button', { name: 'Создать пользователя' }).click();
  await expect(page.getByText('Пользователь создан')).toBeVisible();

  const colleague = await browser.newPage();
  await signIn(colleague, username, password);
  await expect(colleague.getByTestId('signed-in-user')).toContainText('Сарсенова Айгуль Маратовна');
  await expect(colleague.getByTestId('signed-in-user')).toContainText('Аналитик');
  await colleague.close();
});

test('a weak password is refused with a message on the field', async ({ page }) => {
  await signIn(page, 'admin', undefined, '/admin/users/new');
  await page.getByLabel('Имя пользователя').fill('weak.password');
  await page.getByLabel('ФИО').fill('Тестов Тест');
  await page.getByLabel('Роль', { exact: true }).selectOption('ANALYST');
  await page.getByLabel('Начальный пароль').fill('password1234');
  await page.getByLabel('Пароль ещё раз').fill('password1234');
  await page.getByRole('button', { name: 'Создать пользователя' }).click();
  await expect(page.getByText('Этот пароль слишком распространён').first()).toBeVisible();
});

test('an analyst is kept out of the admin pages', async ({ page }) => {
  await signIn(page, 'analyst', undefined, '/admin/users');
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole('heading', { name: 'Нет доступа' })).toBeVisible();
});

// Issue 14: a token's scope is chosen when it is issued, works on the API only, and admins get none.
test('an admin issues a read-only API token to the analyst; admins get no token form', async ({ page, request }) => {
  await signIn(page, 'admin', undefined, '/admin/users');
  await page.getByRole('link', { name: 'analyst', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('analyst');
  const name = `Выгрузка e2e ${Date.now().toString(36)}`;
  await page.getByLabel('Назначение токена').fill(name);
  await page.getByRole('button', { name: 'Выпустить токен' }).click();
  // No scope chosen: refused beside the field.
  await expect(page.getByText('Выберите, что может токен').first()).toBeVisible();
  await page.getByLabel('Права токена').selectOption('READ');
  const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Действует до (включительно)').fill(expires);
  await page.getByRole('button', { name: 'Выпустить токен' }).click();
  const token = await page.getByLabel('Новый токен').inputValue();
  expect(token).toMatch(/^kz_/);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Только чтение');

  const headers = { authorization: `Bearer ${token}` };
  expect((await request.get('/api/v1/health', { headers })).status()).toBe(200);
  expect((await request.post('/api/v1/meetings', { headers, data: {} })).status()).toBe(403);
  // A page does not take the token, even beside a cookie with the session cookie's name.
  const pageAnswer = await request.get('/meetings', { headers: { ...headers, cookie: 'next-auth.session-token=x' }, maxRedirects: 0 });
  expect(pageAnswer.status()).not.toBe(200);

  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'admin', exact: true }).click();
  await expect(page.getByText('Администраторам токены не выдаются')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Выпустить токен' })).toHaveCount(0);
});
