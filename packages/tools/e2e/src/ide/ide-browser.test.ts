import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signToken } from '@shequ/kit';
import { TEST_JWT_SECRET } from '@shequ/kit/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startGraph, type Graph } from '../graph-harness';

/*
 * The IDE as a person sees it, in Debian's Chromium (driven by playwright-core): opened from /graphql,
 * loaded wholly from the gateway (any request to another host is refused and
 * counted), the example operations as tabs, one run anonymously. The
 * screenshot is kept in packages/tools/e2e/screenshots.
 */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', 'screenshots');
// Generous: a busy 2-core machine renders Monaco slowly; nothing here measures speed.
const RENDER_MS = 120_000;
const EXAMPLES = join(require.resolve('@shequ/ide/package.json'), '..', 'examples');
const examples = readdirSync(EXAMPLES).filter((name) => name.endsWith('.graphql')).sort();

async function post(query: string, token: string): Promise<{ data?: unknown; errors?: { message: string }[] }> {
  const response = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
}

let graph: Graph;
let browser: Browser;

beforeAll(async () => {
  graph = await startGraph({ gateway: { ide: true } });
  // The analysts' examples read the statistics store: fill it first.
  const refreshed = await post('mutation { refreshStatistics(full: true) { finishedAt } }', signToken({ sub: 'ide-admin', roles: ['admin'], jurisdiction: '620000' }, TEST_JWT_SECRET));
  expect(refreshed.errors).toBeUndefined();
  // Playwright starts it with a fresh profile of its own; the flags keep it from calling Google's hosts.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, RENDER_MS);
afterAll(async () => {
  await browser?.close();
  await graph?.stop();
});

/** A page that lets through only requests to the gateway itself, and lists the others. */
async function pageOffline(): Promise<{ page: Page; elsewhere: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const origin = new URL(graph.gateway.url).origin;
  const elsewhere: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) {
      void route.continue();
    } else {
      elsewhere.push(url);
      void route.abort();
    }
  });
  return { page, elsewhere };
}

describe('the GraphQL IDE in a browser', () => {
  it('opens from /graphql, loads nothing from another host, offers the examples and runs one', async () => {
    const { page, elsewhere } = await pageOffline();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(graph.gateway.url, { waitUntil: 'load', timeout: RENDER_MS });
    expect(new URL(page.url()).pathname).toBe('/ide/');
    await page.waitForSelector('.graphiql-container .monaco-editor', { timeout: RENDER_MS });

    const tabs = (await page.locator('.graphiql-tab').allTextContents()).map((text) => text.trim());
    expect(tabs).toHaveLength(7);
    expect(tabs[0]).toContain('RegionDashboard');
    expect(tabs.join(' ')).toContain('PrefecturesByMediationAgreement');

    await page.click('.graphiql-execute-button');
    await page.locator('.result-window', { hasText: '"name"' }).waitFor({ timeout: RENDER_MS });
    const result = (await page.locator('.result-window').textContent()) ?? '';
    expect(result).toContain('"region"');
    expect(result).not.toContain('"errors"');

    // The explorer and the docs are there, from the schema's descriptions.
    expect(await page.locator('[aria-label*="Explorer"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[aria-label*="Documentation"]').count()).toBeGreaterThan(0);

    await page.screenshot({ path: join(SCREENSHOTS, 'ide.png') });
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
  }, RENDER_MS * 3);

  it.each(examples)('answers example %s without errors, for an analyst', async (name) => {
    const answer = await post(readFileSync(join(EXAMPLES, name), 'utf8'), signToken({ sub: 'ide-analyst', roles: ['analyst'], jurisdiction: '620000' }, TEST_JWT_SECRET));
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toBeTruthy();
  });

  it('sends its page with a policy that lets it load only from the gateway', async () => {
    const response = await fetch(new URL('/ide/', graph.gateway.url));
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/https?:/);
  });
});
