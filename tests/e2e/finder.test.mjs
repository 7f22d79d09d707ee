// The finder (issue #12): on the landing and election pages the member's
// first module runs only the postcode box (src/finder.rs). A region it finds
// is shown from its election's pre-rendered pages (`nec-2026/regions.html`),
// exactly as the full app would draw it, with no page loaded and no request
// naming the region or the postcode. The full app (`slatecard_bg.*.wasm`) is
// fetched only when the member reaches for a control only it has, and then
// takes the page over where the finder left it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveApp, launch, watchErrors, SlatecardPage, expected } from './support.mjs';

const data = expected();
const latest = data.elections[0];

let server, browser;
before(async () => { server = await serveApp(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const FULL_APP = /\/slatecard_bg\.[0-9a-f]{8}\.wasm$/;

/** The landing page with the finder running, and every request it makes. */
async function landing(context = browser) {
  const page = await context.newPage({ viewport: { width: 390, height: 800 } });
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r));
  const app = new SlatecardPage(page, server.url);
  await page.goto(`${server.url}/`);
  await app.ready();
  // A marker that a page load would lose.
  await page.evaluate(() => { window.__samePage = true; });
  return { page, errors, requests, app };
}

/** The `<title>` of the pre-rendered page at `path`, as served. */
async function servedTitle(path) {
  const html = await (await fetch(`${server.url}/${path}`)).text();
  return html.match(/<title>([^<]*)<\/title>/)[1].replace(/&amp;/g, '&').replace(/&#x27;/g, "'");
}

test('a postcode on the landing page shows its region from the election\'s pages, fetching no other page and not the full app', async () => {
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
  assert.deepEqual(urls.filter((u) => FULL_APP.test(u)), [], 'the full app was not fetched');
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

test('a control only the full app has starts it, and it takes the page over where the finder left it', async () => {
  const { page, errors, requests, app } = await landing();
  await app.lookUp('NE1 4ST');
  await page.getByTestId('result').waitFor();
  await page.evaluate(() => { window.__finderApp = document.getElementById('app'); });
  const found = await page.getByTestId('found-by').textContent();
  // The ballot-paper view goes into the address: the full app's.
  await page.locator('#ballot-paper summary').click();
  await page.waitForFunction(() => document.getElementById('app') !== window.__finderApp);
  assert.ok(requests.some((r) => FULL_APP.test(new URL(r.url()).pathname)), 'the full app was fetched');
  assert.equal(await page.getByTestId('found-by').textContent(), found, 'how the region was found is still said');
  assert.equal(await page.getByTestId('from-link').count(), 0);
  assert.equal(await page.locator('#ballot-paper').evaluate((d) => d.open), true);
  await page.waitForURL((url) => url.hash === '#ballot-paper');
  assert.equal(new URL(page.url()).pathname, `/${latest.id}/northern/`);
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no page was loaded');
  assert.deepEqual(errors, []);
  await page.close();
});

test('offline, a region\'s page never visited opens from its election\'s pages, with only the finder ever fetched', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const app = new SlatecardPage(page, server.url);
  await page.goto(`${server.url}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await app.ready();
  await context.setOffline(true);
  const older = data.elections.find((e) => e.id === 'nec-2024');
  await page.goto(`${server.url}/nec-2024/wales/`);
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Wales');
  assert.match(await page.getByTestId('page-heading').textContent(), /NEC 2024/);
  assert.deepEqual(await app.candidates(), older.regions.wales.candidates);
  // Opened from a link: said as the page says it.
  assert.equal(await page.getByTestId('from-link').count(), 1);
  assert.equal(new URL(page.url()).pathname, '/nec-2024/wales/');
  assert.deepEqual(requests.filter((u) => FULL_APP.test(u)), [], 'the full app was never fetched');
  await context.close();
});

test('a region tapped while the full app is on its way is that app\'s to show, in the election chosen', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 }, serviceWorkers: 'block' });
  const errors = watchErrors(page);
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route(FULL_APP, async (route) => { await gate; await route.continue(); });
  const app = new SlatecardPage(page, server.url);
  await page.goto(`${server.url}/`);
  await app.ready(); // the finder runs the postcode box
  await app.chooseElection('nec-2018'); // the full app is asked for, and held back
  await page.getByTestId('region-wales').click();
  await page.waitForTimeout(600);
  assert.equal(new URL(page.url()).pathname, '/', 'nothing shown before the full app has the choice');
  assert.equal(await page.getByTestId('result').count(), 0);
  // The member is told it is coming, at the foot of the screen.
  assert.equal(await page.locator('.sc-busy[role=status]').textContent(), 'Loading your slate…');
  release();
  await page.getByTestId('result').waitFor();
  assert.equal(await page.locator('.sc-busy').count(), 0, 'gone once the app has taken over');
  assert.equal(await app.regionShown(), 'Wales');
  assert.match(await page.getByTestId('page-heading').textContent(), /NEC 2018/);
  assert.equal(new URL(page.url()).pathname, '/nec-2018/wales/');
  assert.deepEqual(errors, []);
  await page.close();
});
