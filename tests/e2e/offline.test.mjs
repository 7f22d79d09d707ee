// Offline and repeat visits (issue #12): after one visit the app's own
// service worker has its files, so a reload with the network gone still shows
// the page and runs the app, any other page opens offline through the app,
// and a repeat visit fetches none of the app's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, SlatecardPage, takenOver } from './support.mjs';

const site = servedApp();

/** A first visit, until the service worker is installed and in charge. */
async function firstVisit(path) {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  const app = new SlatecardPage(page, site.server.url);
  await app.open(path);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await app.ready();
  return { context, page, app };
}

test('offline after one visit: the page reloads and the app runs', async () => {
  const { context, page, app } = await firstVisit('nec-2022/wales/');
  await context.setOffline(true);
  await page.reload();
  assert.equal(await app.regionShown(), 'Wales');
  await app.ready();
  // A page not visited yet opens through the app, from the cached landing page.
  await page.goto(`${site.server.url}/nec-2020/northern/`);
  await page.waitForFunction(takenOver);
  assert.equal(await app.regionShown(), 'Northern');
  assert.match(await page.getByTestId('page-heading').textContent(), /NEC 2020/);
  // And the postcode lookup works offline: the table came with the app.
  await app.changeRegion();
  await app.lookUp('CF10 1EP');
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Wales');
  await context.close();
});

test('a repeat visit fetches none of the app\'s files from the network', async () => {
  const { context, page, app } = await firstVisit('nec-2022/');
  const fromNetwork = [];
  page.on('response', (r) => {
    if (!r.fromServiceWorker() && new URL(r.url()).origin === site.server.url) fromNetwork.push(r.url());
  });
  await app.open('nec-2022/');
  await page.waitForTimeout(300);
  const appFiles = fromNetwork.filter((u) => /\.(js|wasm|css|bin|webmanifest|svg|png)$/.test(new URL(u).pathname));
  assert.deepEqual(appFiles, []);
  await context.close();
});

test('no service worker in a frame: the widget is left as it is', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.server.url}/?embed=1&region=wales`);
  await page.getByTestId('result').waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  await context.close();
});
