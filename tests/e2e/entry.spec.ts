import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';

// Data entry as an akimat editor: record a meeting with two issues, resolve one, and see
// Aktobe's figures move by exactly that. It works in a half-year of its own (2024-H1), read
// before and after, so no other test's expectations move.

const AKTOBE = '150000000';
const PERIOD = '2024-H1';

test.beforeAll(async ({ playwright }, testInfo) => {
  const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  for (const path of ['/signin', '/meetings', '/meetings/new', '/issues/1']) await request.get(path);
  await request.dispose();
});

test.beforeEach(() => test.slow());

const signInAs = (page: Page, username: string) => signIn(page, username, undefined, '/meetings');

type Summary = { meetings: number; issuesRaised: number; issuesResolved: number; issuesRaisedAndResolved: number };

async function aktobeFigures(page: Page): Promise<Summary> {
  const response = await page.request.get(`/api/v1/stats/summary?period=${PERIOD}&region=${AKTOBE}&asOf=2024-06-30`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as Summary;
  return { meetings: body.meetings, issuesRaised: body.issuesRaised, issuesResolved: body.issuesResolved, issuesRaisedAndResolved: body.issuesRaisedAndResolved };
}

test('akimat.aktobe records a meeting with two issues, resolves one, and Aktobe’s figures move by exactly that', async ({ page }) => {
  await signInAs(page, 'akimat.aktobe');
  const before = await aktobeFigures(page);

  await page.goto('/meetings');
  await page.getByTestId('new-meeting').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новая встреча');
  const form = page.getByTestId('meeting-form');

  // Saving an empty form names each missing field beside it and in the summary, and saves nothing.
  await form.getByRole('button', { name: 'Сохранить встречу' }).click();
  await expect(form.getByRole('alert')).toContainText('Кто проводил встречу');
  await expect(form.locator('#heldOn-error')).toBeVisible();

  const official = form.getByLabel('Кто проводил встречу');
  const firstAkim = await official.locator('option[value]:not([value=""])').first().getAttribute('value');
  await official.selectOption(firstAkim!);
  await form.getByLabel('Дата встречи').fill('2024-03-14');
  await form.getByLabel('Число участников').fill('85');
  const issue1 = form.getByTestId('issue-0');
  await issue1.getByLabel('Категория').selectOption({ index: 1 });
  await issue1.getByLabel('Суть вопроса').fill('Ремонт моста через реку Илек');
  await form.getByRole('button', { name: 'Добавить вопрос' }).click();
  const issue2 = form.getByTestId('issue-1');
  await issue2.getByLabel('Категория').selectOption({ index: 2 });
  await issue2.getByLabel('Суть вопроса').fill('Освещение улицы Маресьева');
  await form.getByRole('button', { name: 'Сохранить встречу' }).click();

  await expect(page).toHaveURL(/\/meetings\/\d+\?saved=1/, { timeout: 30_000 });
  const meetingId = Number(/\/meetings\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByRole('status')).toContainText('Сохранено');
  await expect(page.getByText('Ремонт моста через реку Илек')).toBeVisible();

  // Resolve the first issue from its page.
  await page.getByRole('link', { name: /Ремонт моста через реку Илек/ }).first().click();
  await expect(page).toHaveURL(/\/issues\/\d+/);
  const statusForm = page.getByTestId('status-form');
  await statusForm.getByLabel('Новый статус').selectOption('RESOLVED');
  // A date before the issue was raised is refused beside the field, and what was typed stays.
  await statusForm.getByLabel('С какой даты').fill('2024-03-01');
  await statusForm.getByLabel('Комментарий').fill('Мост отремонтирован');
  await statusForm.getByRole('button', { name: 'Сохранить статус' }).click();
  await expect(statusForm.locator('#status-effectiveOn-error')).toHaveText('Дата не может быть раньше дня, когда вопрос был поднят.');
  await expect(statusForm.getByLabel('Комментарий')).toHaveValue('Мост отремонтирован');
  await statusForm.getByLabel('С какой даты').fill('2024-05-20');
  await statusForm.getByRole('button', { name: 'Сохранить статус' }).click();
  await expect(statusForm.getByRole('status')).toContainText('Статус сохранён');
  await expect(page.getByText('Сейчас: Решён.')).toBeVisible();

  // No lost updates: someone saves the meeting while the edit form is open; the form says what
  // they changed, keeps what was typed here, and saves it on request at the new version.
  await page.goto(`/meetings/${meetingId}/edit`);
  // Typed only once the form has hydrated, or React's first render would put the old value back.
  await page.waitForLoadState('networkidle');
  const edit = page.getByTestId('meeting-form');
  await edit.getByLabel('Число участников').fill('120');
  await expect(edit.getByLabel('Число участников')).toHaveValue('120');
  const origin = new URL(page.url()).origin;
  const meanwhile = await page.request.patch(`/api/v1/meetings/${meetingId}`, { data: { version: 1, attendance: 90 }, headers: { origin } });
  expect(meanwhile.status()).toBe(200);
  const stale = await page.request.patch(`/api/v1/meetings/${meetingId}`, { data: { version: 1, attendance: 91 }, headers: { origin } });
  expect(stale.status()).toBe(409);
  await edit.getByRole('button', { name: 'Сохранить изменения' }).click();
  const conflict = edit.getByTestId('conflict');
  await expect(conflict).toContainText('Число участников');
  await expect(conflict).toContainText('90');
  await expect(edit.getByLabel('Число участников')).toHaveValue('120');
  await conflict.getByRole('button', { name: 'Применить мои изменения заново' }).click();
  await edit.getByRole('button', { name: 'Сохранить изменения' }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${meetingId}\\?saved=1`), { timeout: 30_000 });
  const saved = (await (await page.request.get(`/api/v1/meetings/${meetingId}`)).json()) as { attendance: number; version: number };
  expect(saved).toMatchObject({ attendance: 120, version: 3 });

  // A field emptied in the form is emptied in the record, not left as it was.
  await page.goto(`/meetings/${meetingId}/edit`);
  await page.waitForLoadState('networkidle');
  await edit.getByLabel('Число участников').fill('');
  await edit.getByRole('button', { name: 'Сохранить изменения' }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${meetingId}\\?saved=1`), { timeout: 30_000 });
  const cleared = (await (await page.request.get(`/api/v1/meetings/${meetingId}`)).json()) as { attendance: number | null; version: number };
  expect(cleared).toMatchObject({ attendance: null, version: 4 });

  const after = await aktobeFigures(page);
  expect(after).toEqual({
    meetings: before.meetings + 1,
    issuesRaised: before.issuesRaised + 2,
    issuesResolved: before.issuesResolved + 1,
    issuesRaisedAndResolved: before.issuesRaisedAndResolved + 1,
  });
});

test('the plans, schedule, periods and restore pages open for those who may use them and refuse a bad value beside its field', async ({ page, context }) => {
  await signInAs(page, 'akimat.aktobe');
  await page.goto('/entry/plans');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Планы действий и бюджетные заявки');
  const request = page.getByTestId('request-draft-form');
  await request.getByLabel('Сумма, тенге').fill('-10');
  await request.getByRole('button', { name: 'Сохранить черновик' }).click();
  await expect(request.locator('#amountKzt-error')).toHaveText('Укажите сумму в тенге целым числом от 0 до 10 трлн.');
  await expect(request.getByLabel('Сумма, тенге')).toHaveValue('-10');
  await context.clearCookies();

  await signInAs(page, 'ministry.education');
  await page.goto('/entry/schedule');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('График встреч');
  await context.clearCookies();

  await signInAs(page, 'admin');
  await page.goto('/admin/periods');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Закрытые полугодия');
  await page.goto('/admin/restore');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Удалённые записи');
});

test('a budget request changed in two windows: the later save shows what changed meanwhile and applies the change again', async ({ page, browser }) => {
  await signInAs(page, 'akimat.aktobe');
  await page.goto('/entry/plans');
  await page.waitForLoadState('networkidle');
  const note = `Заявка e2e ${Date.now()}`;
  const requests = page.locator('details[data-testid^="budget-request-"]');
  const topBefore = (await requests.count()) ? await requests.first().getAttribute('data-testid') : null;
  const create = page.getByTestId('request-draft-form');
  await create.getByLabel('Центральный государственный орган').selectOption({ index: 1 });
  await create.getByLabel('Сумма, тенге').fill('1000');
  await create.getByLabel('Примечание').fill(note);
  await create.getByRole('button', { name: 'Сохранить черновик' }).click();
  await expect(create.getByRole('status')).toContainText('Черновик заявки сохранён');

  // The new request heads the list (newest first) once the page has re-read it; open its form
  // here and in a second window.
  if (topBefore) await expect(requests.first()).not.toHaveAttribute('data-testid', topBefore);
  const testId = await requests.first().getAttribute('data-testid');
  const id = Number(testId!.replace('budget-request-', ''));
  const mine = page.getByTestId(`budget-request-${id}`);
  await mine.locator('summary').click();
  const form = page.getByTestId(`request-draft-form-${id}`);
  await expect(form.getByLabel('Примечание')).toHaveValue(note);
  await form.getByLabel('Сумма, тенге').fill('2000');

  const other = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'ru-RU' });
  const page2 = await other.newPage();
  await signInAs(page2, 'akimat.aktobe');
  await page2.goto('/entry/plans');
  await page2.waitForLoadState('networkidle');
  await page2.getByTestId(`budget-request-${id}`).locator('summary').click();
  const theirs = page2.getByTestId(`request-draft-form-${id}`);
  await theirs.getByLabel('Сумма, тенге').fill('1500');
  await theirs.getByRole('button', { name: 'Сохранить изменения' }).click();
  await expect(theirs.getByRole('status')).toContainText('Заявка сохранена');
  await other.close();

  // This window's save is refused; it lists their change and keeps what was typed here.
  await form.getByRole('button', { name: 'Сохранить изменения' }).click();
  const conflict = form.getByTestId('conflict');
  await expect(conflict).toContainText('Сумма, тенге', { timeout: 30_000 });
  await expect(conflict).toContainText(/1\s000\s₸.*1\s500\s₸/);
  await expect(form.getByLabel('Сумма, тенге')).toHaveValue('2000');
  await conflict.getByRole('button', { name: 'Применить мои изменения заново' }).click();
  await form.getByRole('button', { name: 'Сохранить изменения' }).click();
  await expect(form.getByRole('status')).toContainText('Заявка сохранена');
  await expect(form.getByTestId('conflict')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId(`budget-request-${id}`).locator('summary')).toContainText(/2\s000\s₸/);
});
