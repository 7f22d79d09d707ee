// The postcode island (issues #12, #26): on the landing and election pages
// the one module a member's page runs is the postcode island (src/finder.rs).
// A region it finds is shown from its election's pre-rendered pages
// (`nec-2026/regions.html`), exactly as the region's own page is, with no
// page loaded and no request naming the region or the postcode. No other
// module is ever fetched: the page's other controls are HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, watchErrors, SlatecardPage, expected } from './support.mjs';

const data = expected();
const latest = data.elections[0];

const site = servedApp();

const ISLAND = /\/slatecard_bg\.[0-9a-f]{8}\.wasm$/;
const WASM = /\.wasm$/;

/** The landing page with the finder running, and every request it makes. */
async function landing(context = site.browser) {
  const page = await context.newPage({ viewport: { width: 390, height: 800 } });
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r));
  const app = new SlatecardPage(page, site.server.url);
  await page.goto(`${site.server.url}/`);
  await app.ready();
  // A marker that a page load would lose.
  await page.evaluate(() => { window.__samePage = true; });
  return { page, errors, requests, app };
}

/** The `<title>` of the pre-rendered page at `path`, as served. */
async function servedTitle(path) {
  const html = await (await fetch(`${site.server.url}/${path}`)).text();
  return html.match(/<title>([^<]*)<\/title>/)[1].replace(/&amp;/g, '&').replace(/&#x27;/g, "'");
}

test('a postcode on the landing page shows its region from the election\'s pages, fetching no other page and no other module', async () => {
  const { page, errors, requests, app } = await landing();
  await app.lookUp('ca1 1aa');
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Northern');
  assert.equal(await page.getByTestId('found-by').textContent(), 'CA1 1AA is in the Northern region.');
  assert.equal(await page.getByTestId('from-link').count(), 0, 'no "not your region?" after the member said where');
  assert.deepEqual(await app.candidates(), latest.regions.northern.candidates);
  assert.equal(new URL(page.url()).pathname, `/${latest.id}/northern/`);
  assert.equal(await page.title(), await servedTitle(`${latest.id}/northern/`));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sc-result-heading', 'the focus is on the result');
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no page was loaded');
  const urls = requests.map((r) => new URL(r.url()).pathname);
  assert.deepEqual(urls.filter((u) => WASM.test(u) && !ISLAND.test(u)), [], 'no other module was fetched');
  assert.ok(urls.includes(`/${latest.id}/regions.html`), 'the election\'s pages were');
  assert.deepEqual(requests.filter((r) => r.isNavigationRequest()).length, 1, 'only the landing page was loaded');
  assert.deepEqual(urls.filter((u) => /ca1|1aa/i.test(u) || u.includes('/northern/index')), []);
  // Remembered, as the full app remembers a region the member found.
  assert.equal(await page.evaluate(() => localStorage.getItem('slatecard:region')), 'northern');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Back and Forward, "Change region" and the list of regions move between the pages without loading one', async () => {
  const { page, errors, app } = await landing();
  const home = await page.title();
  await app.lookUp('CF10 1EP');
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Wales');
  await page.goBack();
  await page.getByTestId('postcode-input').waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.title(), home);
  assert.equal(await page.getByTestId('result').count(), 0);
  await page.goForward();
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Wales');
  await page.getByTestId('change-region').click();
  await page.getByTestId('postcode-input').waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sc-postcode', 'the focus is back in the box');
  await page.getByTestId('region-london').click();
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'London');
  assert.equal(await page.getByTestId('found-by').count(), 0, 'a picked region needs no explanation');
  assert.equal(new URL(page.url()).pathname, `/${latest.id}/london/`);
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no page was loaded');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a region page the island showed works as its own page does: the ballot-paper view, the embed panel, another election', async () => {
  const { page, errors, requests, app } = await landing();
  await app.lookUp('NE1 4ST');
  await page.getByTestId('result').waitFor();
  const found = await page.getByTestId('found-by').textContent();
  await page.locator('#ballot-paper summary').click();
  await page.waitForURL((url) => url.hash === '#ballot-paper');
  assert.equal(new URL(page.url()).pathname, `/${latest.id}/northern/`);
  assert.equal(await page.getByTestId('found-by').textContent(), found, 'how the region was found is still said');
  await page.getByTestId('embed-panel').locator('summary').click();
  await page.frameLocator('[data-testid=embed-preview]').getByTestId('widget').waitFor();
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no page was loaded');
  const main = requests.filter((r) => r.frame() === page.mainFrame()).map((r) => new URL(r.url()).pathname);
  assert.deepEqual(main.filter((u) => WASM.test(u) && !ISLAND.test(u)), [], 'no other module for the page');
  await page.getByTestId('election-select').selectOption('nec-2022');
  await page.waitForURL(`${site.server.url}/nec-2022/northern/`);
  assert.match(await page.getByTestId('page-heading').textContent(), /NEC 2022/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('offline, a region\'s page never visited opens from its election\'s pages, with only the island ever fetched', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const app = new SlatecardPage(page, site.server.url);
  await page.goto(`${site.server.url}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await app.ready();
  await context.setOffline(true);
  const older = data.elections.find((e) => e.id === 'nec-2024');
  await page.goto(`${site.server.url}/nec-2024/wales/`);
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Wales');
  assert.match(await page.getByTestId('page-heading').textContent(), /NEC 2024/);
  assert.deepEqual(await app.candidates(), older.regions.wales.candidates);
  // Opened from a link: said as the page says it.
  assert.equal(await page.getByTestId('from-link').count(), 1);
  assert.equal(new URL(page.url()).pathname, '/nec-2024/wales/');
  assert.deepEqual(requests.filter((u) => WASM.test(u) && !ISLAND.test(u)), [], 'no other module was ever fetched');
  await context.close();
});

test('another election chosen on the landing page opens its page, whose regions are that election\'s', async () => {
  const { page, errors, app } = await landing();
  await app.chooseElection('nec-2018');
  assert.equal(new URL(page.url()).pathname, '/nec-2018/');
  await page.getByTestId('region-wales').click();
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Wales');
  assert.match(await page.getByTestId('page-heading').textContent(), /NEC 2018/);
  assert.equal(new URL(page.url()).pathname, '/nec-2018/wales/');
  assert.deepEqual(errors, []);
  await page.close();
});
