import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { drawCharts } from './support/charts';
import { attachScreenshot } from './support/screenshots';
import { signIn } from './support/auth';

// Every page, as each role gets it, through axe (WCAG 2.1 A and AA) in Russian, and every page in
// Kazakh and English as the analyst; at 360 px no page scrolls sideways (wide tables scroll in
// their own box). One test per role and language visits every route and reports every
// violation with its route, so one run shows all there is to fix. Plus the keyboard: the
// overview's tile map and filter bar work without a mouse, with a visible focus.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LOCALE_COOKIE = 'NEXT_LOCALE';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
type Viewport = typeof DESKTOP;

type Ids = { meeting: string; issue: string; user: string; category: string; body: string };

/** Every `src/app/**\/page.tsx`, with concrete ids for the dynamic ones. */
const routes = (ids: Ids): Array<[name: string, path: string]> => [
  ['overview', '/?period=2022-H2'],
  ['regions', '/regions?period=2022-H2'],
  ['region', '/regions/150000000?period=2022-H2'],
  ['meetings', '/meetings'],
  ['meeting', `/meetings/${ids.meeting}`],
  ['meeting-edit', `/meetings/${ids.meeting}/edit`],
  ['meeting-new', '/meetings/new'],
  ['issues', '/issues'],
  ['issue', `/issues/${ids.issue}`],
  ['central', '/central?period=2022'],
  ['escalations', '/escalations?period=2022-H2'],
  ['action-plans', '/action-plans?period=2022-H2'],
  ['budget-requests', '/budget-requests?period=2023-H1'],
  ['exports', '/exports'],
  ['import', '/import'],
  ['submissions', '/submissions'],
  ['entry-plans', '/entry/plans'],
  ['entry-schedule', '/entry/schedule'],
  ['entry-requests', '/entry/requests'],
  ['account-security', '/account/security'],
  ['admin', '/admin'],
  ['admin-users', '/admin/users'],
  ['admin-user', `/admin/users/${ids.user}`],
  ['admin-user-new', '/admin/users/new'],
  ['admin-audit', '/admin/audit'],
  ['admin-reference', '/admin/reference'],
  ['admin-category', `/admin/reference/categories/${ids.category}`],
  ['admin-category-new', '/admin/reference/categories/new'],
  ['admin-body', `/admin/reference/bodies/${ids.body}`],
  ['admin-body-new', '/admin/reference/bodies/new'],
  ['admin-official-new', '/admin/reference/officials/new'],
  ['admin-periods', '/admin/periods'],
  ['admin-restore', '/admin/restore'],
  ['forbidden', '/forbidden'],
];

const ROLES = ['admin', 'analyst', 'manager', 'akimat.aktobe', 'ministry.education'] as const;

// The admin's reference and user ids, read from the admin pages' own links once.
let adminIds: Pick<Ids, 'user' | 'category' | 'body'> = { user: '1', category: '1', body: '1' };

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, 'admin', undefined, '/account/security');
  const idOf = async (path: string, pattern: RegExp) => {
    await page.goto(path);
    const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    return hrefs.map((h) => pattern.exec(h)?.[1]).find(Boolean) ?? '1';
  };
  adminIds = {
    user: await idOf('/admin/users', /^\/admin\/users\/(\d+)$/),
    category: await idOf('/admin/reference?tab=categories', /^\/admin\/reference\/categories\/(\d+)$/),
    body: await idOf('/admin/reference?tab=bodies', /^\/admin\/reference\/bodies\/(\d+)$/),
  };
  await context.close();
});

/** The first meeting and issue within the signed-in user's scope, from the JSON API. */
async function recordIds(page: Page): Promise<Pick<Ids, 'meeting' | 'issue'>> {
  const first = async (path: string) => {
    const response = await page.request.get(path);
    if (!response.ok()) return '1';
    const items: Array<{ id: number }> = (await response.json()).items ?? [];
    return String(items[0]?.id ?? 1);
  };
  return { meeting: await first('/api/v1/meetings?limit=1'), issue: await first('/api/v1/issues?limit=1') };
}

/** Waits for streamed sections and lazy charts to replace their skeletons, without failing. */
async function settle(page: Page) {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  await drawCharts(page);
}

type Finding = string;

/** axe on the page as it ends up: a page that redirects in the browser is checked where it lands. */
async function analyze(page: Page) {
  for (let attempt = 0; ; attempt++) {
    try {
      // Only the violations are detailed: less to gather on long pages. (options() replaces what
      // withTags() set, so the tags go in here.)
      return await new AxeBuilder({ page }).options({ runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] }).analyze();
    } catch (error) {
      if (attempt >= 2 || !String(error).includes('Execution context was destroyed')) throw error;
      await page.waitForLoadState('load');
      await settle(page);
    }
  }
}

/** axe on the page at the context's width, then no sideways scroll at a phone's width. */
async function checkRoute(page: Page, name: string, path: string, seen = new Set<string>()): Promise<Finding[]> {
  const findings: Finding[] = [];
  const started = Date.now();
  const response = await page.goto(path);
  if (response && response.status() >= 500) findings.push(`${name} (${path}): HTTP ${response.status()}`);
  await settle(page);
  const loaded = Date.now();
  // A page the role may not see lands on /forbidden: that page is checked once per run.
  const landed = new URL(page.url()).pathname;
  if (landed === '/forbidden' && seen.has(landed)) return findings;
  seen.add(landed);
  const results = await analyze(page);
  const analysed = Date.now();
  for (const v of results.violations) {
    findings.push(`${name} (${path}) ${v.id} [${v.impact}]: ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 5 ? ` …+${v.nodes.length - 5}` : ''}`);
  }
  // A phone's width: nothing scrolls sideways except inside a wide table's own box.
  const viewport = page.viewportSize();
  if (viewport?.width !== PHONE.width) await page.setViewportSize(PHONE);
  const scroll = await page.evaluate(() => {
    const inner = window.innerWidth;
    // The outermost element that sticks out, to say what to fix.
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.right > inner + 1 && !clipped(el);
    });
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].slice(0, 4).join('.')}`;
    return { width: document.documentElement.scrollWidth, inner, culprit: culprits.slice(0, 8).map(describe).join(' > ') };
  });
  if (scroll.width > scroll.inner) findings.push(`${name} (${path}) horizontal scroll at ${PHONE.width} px: ${scroll.width} > ${scroll.inner} (${scroll.culprit})`);
  if (viewport && viewport.width !== PHONE.width) await page.setViewportSize(viewport);
  if (process.env.A11Y_TIMING) console.log(`${name}: ${Date.now() - started} ms (load ${loaded - started}, axe ${analysed - loaded}, 360 px ${Date.now() - analysed})`);
  return findings;
}

async function signedInContext(browser: Browser, testInfo: TestInfo, username: string, locale: string, viewport: Viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const baseURL = testInfo.project.use.baseURL ?? '';
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  await signIn(page, username, undefined, '/account/security');
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL }]);
  return { context, page };
}

// Russian at a desktop's width for every role; the analyst in Kazakh at a phone's width (the
// folded menu, the one-column layout) and in English at a desktop's.
const runs: Array<[username: string, locale: string, viewport: Viewport]> = [
  ...ROLES.map((r) => [r, 'ru', DESKTOP] as [string, string, Viewport]),
  ['analyst', 'kk', PHONE],
  ['analyst', 'en', DESKTOP],
];

for (const [username, locale, viewport] of runs) {
  test(`every page passes axe at ${viewport.width} px and fits ${PHONE.width} px: ${username}, ${locale}`, async ({ browser }, testInfo) => {
    test.setTimeout(600_000);
    const { context, page } = await signedInContext(browser, testInfo, username, locale, viewport);
    const ids = { ...adminIds, ...(await recordIds(page)) };
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const [name, path] of routes(ids)) findings.push(...(await checkRoute(page, name, path, seen)));
    await context.close();
    expect(findings, findings.join('\n')).toEqual([]);
  });
}

test('signed out, the sign-in page passes axe in each language (Kazakh at a phone\'s width)', async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL ?? '';
  const findings: Finding[] = [];
  for (const locale of ['ru', 'kk', 'en']) {
    const context = await browser.newContext({ baseURL, viewport: locale === 'kk' ? PHONE : DESKTOP });
    await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL }]);
    const page = await context.newPage();
    findings.push(...(await checkRoute(page, `signin-${locale}`, '/signin')));
    // Signed out, any page sends one to sign-in; the forbidden page is checked as it comes.
    findings.push(...(await checkRoute(page, `forbidden-signed-out-${locale}`, '/forbidden')));
    await context.close();
  }
  expect(findings, findings.join('\n')).toEqual([]);
});

test('screenshots of the overview in Kazakh and English, at phone and desktop widths', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  for (const locale of ['kk', 'en']) {
    const { context, page } = await signedInContext(browser, testInfo, 'analyst', locale);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/?period=2022-H2');
      await settle(page);
      await attachScreenshot(page, testInfo, `overview-${locale}-${width}.png`);
    }
    await context.close();
  }
});

type Focused = { tag: string; testid: string | null; label: string | null; text: string; visible: boolean; style: string };

/** What has the focus, and whether it shows it: a non-none outline, or a ring (a box shadow). */
async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const ring = s.boxShadow !== 'none' && s.boxShadow !== '';
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent ?? el.getAttribute('aria-label') : el.getAttribute('aria-label');
    return {
      tag: el.tagName, testid: el.getAttribute('data-testid'), label, text: (el.textContent ?? '').trim().slice(0, 60),
      visible: outline || ring, style: `outline: ${s.outlineStyle} ${s.outlineWidth}; box-shadow: ${s.boxShadow}`,
    };
  });
}

const describeFocus = (f: Focused) => `${f.tag}${f.testid ? `[${f.testid}]` : ''} “${f.label ?? f.text}” (${f.style})`;

/** Presses Tab until the focused element matches; every stop on the way must show its focus. */
async function tabTo(page: Page, matches: (el: Focused) => boolean, invisible: string[], limit = 200) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (!el) continue;
    if (!el.visible) invisible.push(describeFocus(el));
    if (matches(el)) return;
  }
  throw new Error('the element was not reached by Tab');
}

/** Tabs through the whole page, once round: every stop must show its focus. */
async function tabThrough(page: Page, name: string, invisible: string[], limit = 300) {
  let first: string | null = null;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (!el) {
      if (i > 0) return; // past the last stop
      continue;
    }
    const id = describeFocus(el);
    if (id === first) return; // round again
    first ??= id;
    if (!el.visible) invisible.push(`${name}: ${id}`);
  }
}

test('the overview works by keyboard: filter bar, then a map tile, with the focus visible', async ({ page }) => {
  test.setTimeout(120_000);
  const invisible: string[] = [];
  await signIn(page, 'analyst', undefined, '/account/security');
  await page.goto('/?period=2022');
  await settle(page);

  // The skip link comes first and is visible when focused.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('href', '#main');
  expect((await focused(page))?.visible).toBe(true);

  // The filter bar: the region select, changed with the arrow keys, then "Show".
  await tabTo(page, (el) => el.tag === 'SELECT' && el.label === 'Регион', invisible);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).not.toHaveValue('');
  const region = await page.locator(':focus').inputValue();
  await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Показать', invisible);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`region=${region}`));
  await settle(page);

  // A tile of the map, with its tooltip on focus, opened with Enter.
  await page.goto('/?period=2022');
  await settle(page);
  await tabTo(page, (el) => el.testid === 'tile-150000000', invisible);
  await expect(page.getByTestId('tile-150000000').locator('..').getByRole('tooltip')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/regions\/150000000\?period=2022$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Актюбинская область');
  expect(invisible, invisible.join('\n')).toEqual([]);
});

test('every focus stop shows the focus: the overview, a list, a record and a form', async ({ page }) => {
  test.setTimeout(180_000);
  const invisible: string[] = [];
  await signIn(page, 'akimat.aktobe', undefined, '/account/security');
  for (const [name, path] of [['overview', '/?period=2022'], ['meetings', '/meetings'], ['issues', '/issues'], ['meeting-new', '/meetings/new']] as const) {
    await page.goto(path);
    await settle(page);
    await tabThrough(page, name, invisible);
  }
  const issue = (await (await page.request.get('/api/v1/issues?limit=1')).json()).items[0]?.id;
  await page.goto(`/issues/${issue}`);
  await settle(page);
  await tabThrough(page, 'issue', invisible);
  expect(invisible, invisible.join('\n')).toEqual([]);
});
