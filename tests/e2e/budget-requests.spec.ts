import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';

// A budget request as the people behind it handle it: akimat.aktobe drafts one to the Ministry
// of Education for one of its issues and submits it; ministry.education finds it in its inbox
// and approves part of it; the analyst sees it on the budget requests page, whose figures are
// the API's. It works in the current half-year, so the demo data's figures do not move.

test.beforeEach(() => test.slow());

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
const currentHalf = () => `${today().slice(0, 4)}-H${Number(today().slice(5, 7)) <= 6 ? 1 : 2}`;

async function signOutAll(page: Page) {
  await page.context().clearCookies();
}

test('an akimat files and submits a request, the ministry approves part of it, the analyst sees it', async ({ page }) => {
  const note = `Строительство школы e2e ${Date.now()}`;

  // ---- the akimat ----
  await signIn(page, 'akimat.aktobe', undefined, '/entry/plans');
  const issues = (await (await page.request.get('/api/v1/issues?limit=1')).json()) as { items: Array<{ id: number }> };
  const issueId = issues.items[0]!.id;
  await page.goto('/entry/plans');
  await page.waitForLoadState('networkidle');
  const requests = page.locator('details[data-testid^="budget-request-"]');
  const topBefore = (await requests.count()) ? await requests.first().getAttribute('data-testid') : null;
  const draft = page.getByTestId('request-draft-form');
  await draft.getByLabel('Центральный государственный орган').selectOption({ value: 'EDUCATION' });
  await draft.getByLabel('Сумма, тенге').fill('500000000');
  await draft.getByLabel('Номера вопросов').fill(String(issueId));
  await draft.getByLabel('Примечание').fill(note);
  await draft.getByRole('button', { name: 'Сохранить черновик' }).click();
  await expect(draft.getByRole('status')).toContainText('Черновик заявки сохранён');

  // The new request heads the list (newest first) once the page has re-read it.
  if (topBefore) await expect(requests.first()).not.toHaveAttribute('data-testid', topBefore, { timeout: 30_000 });
  else await expect(requests.first()).toBeVisible({ timeout: 30_000 });
  const id = Number((await requests.first().getAttribute('data-testid'))!.replace('budget-request-', ''));
  const mine = page.getByTestId(`budget-request-${id}`);
  await mine.locator('summary').click();
  await expect(mine).toContainText(note);
  await expect(mine).toContainText('Черновик');
  const submit = page.getByTestId(`request-submit-form-${id}`);
  await expect(submit.getByLabel('Дата подачи')).toHaveValue(today());
  await submit.getByRole('button', { name: 'Подать заявку' }).click();
  await expect(page.getByTestId(`budget-request-${id}`).locator('summary')).toContainText('На рассмотрении', { timeout: 30_000 });
  // Submitted, what it asks is fixed: the draft form is gone and only a withdrawal is offered.
  if (!(await mine.evaluate((d) => (d as HTMLDetailsElement).open))) await mine.locator('summary').click();
  await expect(page.getByTestId(`request-draft-form-${id}`)).toHaveCount(0);
  await expect(page.getByTestId(`request-withdraw-form-${id}`)).toBeVisible();
  // Nor can the akimat decide it: the API refuses.
  const origin = new URL(page.url()).origin;
  const refused = await page.request.post(`/api/v1/budget-requests/${id}/decision`, { data: { version: 2, decision: 'APPROVED', effectiveOn: today() }, headers: { origin } });
  expect(refused.status()).toBe(403);
  await signOutAll(page);

  // ---- the ministry ----
  await signIn(page, 'ministry.education', undefined, '/entry/requests');
  await page.goto('/entry/requests');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Бюджетные заявки на решение');
  const item = page.getByTestId(`inbox-request-${id}`);
  await expect(item).toBeVisible();
  if (!(await item.evaluate((d) => (d as HTMLDetailsElement).open))) await item.locator('summary').click();
  await expect(item).toContainText(note);
  await expect(item.getByRole('link', { name: `№ ${issueId}` })).toBeVisible();
  const decide = page.getByTestId(`request-decide-form-${id}`);
  await decide.getByLabel('Решение').selectOption('PARTIALLY_APPROVED');
  // Without the approved amount the decision is refused beside its field.
  await decide.getByRole('button', { name: 'Сохранить решение' }).click();
  await expect(decide.getByRole('alert')).toContainText('Укажите одобренную сумму');
  await decide.getByLabel('Одобренная сумма, тенге').fill('300000000');
  await decide.getByRole('button', { name: 'Сохранить решение' }).click();
  await expect(decide.getByRole('status')).toContainText('Решение сохранено');
  await expect(page.getByTestId(`inbox-request-${id}`).locator('summary')).toContainText('Одобрена частично', { timeout: 30_000 });
  await signOutAll(page);

  // ---- the analyst ----
  await signIn(page, 'analyst', undefined, '/');
  const period = currentHalf();
  const api = (await (await page.request.get(`/api/v1/stats/budget-requests?period=${period}`)).json()) as {
    requested: { count: number }; partiallyApproved: { count: number; approvedKzt: number };
  };
  expect(api.partiallyApproved.count).toBeGreaterThanOrEqual(1);
  await page.goto(`/budget-requests?period=${period}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Бюджетные заявки');
  const kpis = page.getByTestId('request-kpis');
  await expect(kpis.getByRole('region', { name: 'Подано заявок' }).getByTestId('kpi-value')).toHaveText(String(api.requested.count));
  const row = page.getByTestId(`request-row-${id}`);
  await expect(row).toContainText('Одобрена частично');
  await expect(row).toContainText('Актюбинская область');
  await expect(row.getByRole('link', { name: `№ ${issueId}` })).toBeVisible();
});

test('the 2022-H2 page shows the seed’s requests: 13 under consideration on 61,2 млрд, as the API says', async ({ page }) => {
  await signIn(page, 'analyst', undefined, '/');
  const api = (await (await page.request.get('/api/v1/stats/budget-requests?period=2022-H2')).json()) as { requested: { count: number }; pending: { count: number; amountKzt: number } };
  expect(api.pending).toEqual({ count: 13, amountKzt: 61_200_000_000 });
  await page.goto('/budget-requests?period=2022-H2');
  const kpis = page.getByTestId('request-kpis');
  await expect(kpis.getByRole('region', { name: 'Подано заявок' }).getByTestId('kpi-value')).toHaveText(String(api.requested.count));
  await expect(kpis.getByRole('region', { name: 'На рассмотрении' }).getByTestId('kpi-value')).toHaveText('13');
  await expect(kpis.getByRole('region', { name: 'На рассмотрении' })).toContainText('61,2');
});
