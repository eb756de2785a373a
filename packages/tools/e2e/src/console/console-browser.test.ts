import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signToken } from '@shequ/kit';
import { TEST_JWT_SECRET } from '@shequ/kit/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startGraph, type Graph } from '../graph-harness';
import { startFakeOidcProvider } from './fake-oidc-provider';

/*
 * The console as a person uses it, in Debian's Chromium (playwright-core):
 * the province's page anonymously, a development sign-in, a drill-down to a
 * prefecture, a community's page, a trend chart, the indicator table sorted by
 * a click and filtered on a figure, downloaded as CSV, English on the switch;
 * and, deployed with an OpenID Connect provider, the sign-in through it. Every GraphQL request must be a registered document's id, and
 * nothing may be loaded from another host. Screenshots are kept in
 * packages/tools/e2e/screenshots.
 */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', 'screenshots');
// Generous: a busy 2-core machine renders slowly; nothing here measures speed.
const WAIT_MS = 60_000;

let graph: Graph;
let browser: Browser;
let base: string;

beforeAll(async () => {
  // Development: the console's development sign-in is on.
  graph = await startGraph({ gateway: { development: true } });
  base = new URL(graph.gateway.url).origin;
  const admin = signToken({ sub: 'console-admin', roles: ['admin'], jurisdiction: '620000' }, TEST_JWT_SECRET);
  const refreshed = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query: 'mutation { refreshStatistics(full: true) { finishedAt } }' }),
  });
  expect(((await refreshed.json()) as { errors?: unknown }).errors).toBeUndefined();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, WAIT_MS * 2);
afterAll(async () => {
  await browser?.close();
  await graph?.stop();
});

/** A page that lets through only requests to the gateway, and records the others and every GraphQL body. */
async function consolePage(allowed: string[] = []): Promise<{ page: Page; elsewhere: string[]; graphqlBodies: Record<string, unknown>[] }> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const elsewhere: string[] = [];
  const graphqlBodies: Record<string, unknown>[] = [];
  await page.route('**/*', (route) => {
    const request = route.request();
    const url = request.url();
    if (![base, ...allowed].some((origin) => url.startsWith(origin)) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      elsewhere.push(url);
      void route.abort();
      return;
    }
    if (new URL(url).pathname === '/graphql' && request.method() === 'POST') {
      graphqlBodies.push(JSON.parse(request.postData() ?? '{}') as Record<string, unknown>);
    }
    void route.continue();
  });
  return { page, elsewhere, graphqlBodies };
}

describe('the console in a browser', () => {
  it('shows the province, signs in for development, drills down, draws a trend, sorts the table and speaks English', async () => {
    const { page, elsewhere, graphqlBodies } = await consolePage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));

    await page.goto(`${base}/`, { waitUntil: 'load', timeout: WAIT_MS });
    await page.locator('section.region[data-code="620000"] h2').waitFor({ timeout: WAIT_MS });
    expect(await page.locator('section.region h2').textContent()).toContain('甘肃省');
    expect(await page.locator('header h1').textContent()).toBe('社区治理数据平台');
    expect(await page.locator('.figure').count()).toBeGreaterThanOrEqual(6);

    await page.locator('select[name="role"]').selectOption('analyst');
    await page.locator('input[name="jurisdiction"]').fill('620000');
    await page.locator('button[name="development-sign-in"]').click();
    await page.locator('.who', { hasText: '已登录' }).waitFor({ timeout: WAIT_MS });

    await page.locator('ul.children a', { hasText: '兰州市' }).click();
    await page.locator('section.region[data-code="620100"]').waitFor({ timeout: WAIT_MS });
    expect(page.url()).toContain('#/region/620100');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-region.png'), fullPage: true });

    // A community's own page, from its street's list.
    await page.goto(`${base}/#/community/620102001001`);
    await page.locator('section.community[data-code="620102001001"] .figure').first().waitFor({ timeout: WAIT_MS });
    expect(await page.locator('section.community .figure').count()).toBeGreaterThanOrEqual(6);

    await page.locator('header nav a[href="#/trends"]').click();
    await page.locator('[data-testid="trend-chart"] canvas').waitFor({ timeout: WAIT_MS });
    await page.screenshot({ path: join(SCREENSHOTS, 'console-trend.png') });

    await page.locator('header nav a[href="#/table"]').click();
    await page.locator('section.table tbody tr').first().waitFor({ timeout: WAIT_MS });
    const ranks = async () => (await page.locator('section.table tbody tr td:first-child').allTextContents()).map(Number);
    expect((await ranks()).length).toBeGreaterThan(1);
    const firstCodes = await page.locator('section.table tbody tr td:nth-child(2)').allTextContents();
    // Sorted by the assessment score, highest first; a click on its header turns the order round.
    await page.locator('section.table th.sorted').click();
    await page.locator('section.table th.sorted.ASC').waitFor({ timeout: WAIT_MS });
    await page.locator('section.table tbody tr').first().waitFor({ timeout: WAIT_MS });
    const reversed = await page.locator('section.table tbody tr td:nth-child(2)').allTextContents();
    expect(reversed).toHaveLength(firstCodes.length);
    expect(reversed).not.toEqual(firstCodes);
    // A condition on a figure: only the rows that meet it.
    await page.locator('select[name="where-indicator"]').selectOption('INCIDENTS_PER_1000_RESIDENTS');
    await page.locator('select[name="where-operator"]').selectOption('gt');
    await page.locator('input[name="where-value"]').fill('0.1');
    await page.locator('section.table tbody tr').nth(reversed.length - 1).waitFor({ state: 'detached', timeout: WAIT_MS });
    await page.locator('section.table tbody tr').first().waitFor({ timeout: WAIT_MS });
    const kept = await page.locator('section.table tbody tr td:nth-child(4)').allTextContents();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(reversed.length);
    kept.forEach((value) => expect(Number(value)).toBeGreaterThan(0.1));
    await page.screenshot({ path: join(SCREENSHOTS, 'console-table.png'), fullPage: true });

    // The same table as a file, through /export with the signed-in caller's token.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), page.locator('button[name="csv"]').click()]);
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\n').length - 2).toBe(kept.length);

    await page.locator('header button.language').click();
    expect(await page.locator('header h1').textContent()).toBe('Shequ console');

    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    expect(graphqlBodies.length).toBeGreaterThanOrEqual(4);
    for (const body of graphqlBodies) {
      expect(body.query).toBeUndefined();
      expect(String(body.documentId)).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  }, WAIT_MS * 4);

  it('is served at / with a policy that lets it load only from the gateway', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });

  it('signs in through the OpenID Connect provider when one is configured, with PKCE, and offers no development tokens', async () => {
    const provider = await startFakeOidcProvider({ roles: ['analyst'], jurisdiction: '620100' });
    const deployed = await startGraph({ gateway: { development: false, oidc: { issuer: provider.issuer, clientId: provider.clientId, scope: 'openid' } } });
    const origin = new URL(deployed.gateway.url).origin;
    try {
      const policy = (await fetch(`${origin}/`)).headers.get('content-security-policy') ?? '';
      expect(policy).toContain(`connect-src 'self' ${provider.issuer}`);
      const { page, elsewhere } = await consolePage([origin, provider.issuer]);
      await page.goto(`${origin}/`, { waitUntil: 'load', timeout: WAIT_MS });
      await page.locator('button[name="oidc-sign-in"]').waitFor({ timeout: WAIT_MS });
      expect(await page.locator('button[name="development-sign-in"]').count()).toBe(0);
      await page.locator('button[name="oidc-sign-in"]').click();
      await page.locator('.who', { hasText: '已登录' }).waitFor({ timeout: WAIT_MS });
      expect(provider.exchanged).toBe(1);
      // Back on the console, the code gone from the address; the token works.
      expect(new URL(page.url()).search).toBe('');
      await page.goto(`${origin}/#/region/620100`);
      await page.locator('section.region[data-code="620100"]').waitFor({ timeout: WAIT_MS });
      expect(elsewhere).toEqual([]);
    } finally {
      await deployed.stop();
      await provider.stop();
    }
  }, WAIT_MS * 3);

  it('signs development tokens only in development, and names what was wrong', async () => {
    const bad = await fetch(`${base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ roles: ['emperor'], jurisdiction: '620000' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^roles\.0: /);
    const production = await startGraph({ gateway: { development: false } });
    try {
      const refused = await fetch(`${new URL(production.gateway.url).origin}/dev/token`, { method: 'POST', body: JSON.stringify({ roles: ['admin'], jurisdiction: '620000' }) });
      expect(refused.status).toBe(404);
    } finally {
      await production.stop();
    }
  }, WAIT_MS * 2);
});
