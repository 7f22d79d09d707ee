// One page, one module (issue 26): every page is pre-rendered and complete,
// and its controls are HTML. A result page runs no module at all; a page
// with a postcode box runs one, the postcode island, which is compiled once
// the page is painted and started when the member reaches for the box. It runs
// the box in place: what was typed, the focus and a lookup asked before it
// ran are kept, and nothing moves or is painted anew.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, expected, watchErrors, takenOver, SlatecardPage } from './support.mjs';

const data = expected();
const site = servedApp();

const started = () => window.wasmBindings !== undefined;

/**
 * A new page whose WebAssembly download waits for `release()` (with no
 * service worker, which would fetch it past the hold for its cache).
 */
async function held() {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 }, serviceWorkers: 'block' });
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route('**/slatecard*_bg.*.wasm', async (route) => { await gate; await route.continue(); });
  return { page, release };
}

test('a result page reads in full with no module, and its links are links', async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
  const errors = watchErrors(page);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await page.goto(`${site.server.url}/nec-2022/london/`, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  // A member who only reads costs the page alone: no module is fetched.
  assert.deepEqual(wasm, [], 'nothing fetched while the member reads');
  assert.equal(await page.evaluate(started), false);
  assert.deepEqual(await page.getByTestId('candidate-name').allTextContents(),
    data.elections.find((e) => e.id === 'nec-2022').regions.london.candidates);
  // "Change region" is a plain link to the election's pre-rendered page.
  await page.getByTestId('change-region').click();
  await page.waitForURL(`${site.server.url}/nec-2022/`);
  await page.getByTestId('region-wales').waitFor();
  assert.equal(await page.evaluate(started), false, 'following a link does not need the app');
  await page.getByTestId('region-wales').click();
  await page.waitForURL(`${site.server.url}/nec-2022/wales/`);
  assert.equal(await page.getByTestId('result-region').textContent(), 'Wales');
  assert.deepEqual(errors, []);
  await page.close();
});

test('every control of a result page works at once, with no module', async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  const errors = watchErrors(page);
  const wasm = [];
  page.on('request', (r) => { if (r.frame() === page.mainFrame() && r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await page.goto(`${site.server.url}/nec-2022/northern/`);
  // Copy: said once the clipboard has it, naming this server's address (the
  // page was built for another).
  await page.getByTestId('copy-order').click();
  await page.getByTestId('share-status').filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
    `NEC 2022 — Grassroots 5, Northern:\n1 Yasmine Dar\n2 Naomi Wimborne-Idrissi\n3 Mish Rahman\n4 Jess Barnard\n5 Gemma Bolton\nThe slate's published order.\n${site.server.url}/nec-2022/northern/`);
  if (!(await page.evaluate(() => typeof navigator.share === 'function'))) {
    // No share sheet in this browser: the link is copied instead.
    await page.getByTestId('share-election').click();
    await page.waitForFunction((url) => navigator.clipboard.readText().then((t) => t === url), `${site.server.url}/nec-2022/`);
  }
  // The ballot-paper view goes into the address, in place.
  const length = await page.evaluate(() => history.length);
  await page.getByTestId('ballot-list').locator('summary').click();
  await page.waitForURL(/\/nec-2022\/northern\/#ballot-paper$/);
  assert.equal(await page.evaluate(() => history.length), length, 'no history entry');
  // The embed panel's preview is the widget at this server's address.
  await page.getByTestId('embed-panel').locator('summary').click();
  await page.frameLocator('[data-testid=embed-preview]').getByTestId('widget').waitFor();
  assert.ok((await page.getByTestId('embed-preview').getAttribute('src')).startsWith(`${site.server.url}/`));
  // Another election: its page for the same region.
  await page.getByTestId('election-select').selectOption('nec-2020');
  await page.waitForURL(`${site.server.url}/nec-2020/northern/`);
  assert.match(await page.getByTestId('page-heading').textContent(), /NEC 2020/);
  assert.equal(await page.evaluate(started), false);
  assert.deepEqual(wasm, [], 'no module fetched by the page');
  // Back: the page left, showing its own election again.
  await page.goBack();
  await page.waitForURL(/\/nec-2022\/northern\//);
  assert.equal(await page.getByTestId('election-select').inputValue(), 'nec-2022');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a postcode asked for while the island is still on its way is answered once when it runs', async () => {
  const { page, release } = await held();
  const errors = watchErrors(page);
  await page.goto(`${site.server.url}/`);
  const box = page.getByTestId('postcode-input');
  await box.click();
  await box.pressSequentially('NE1 4ST');
  await box.press('Enter');
  // Said at once; not lost.
  await page.getByTestId('postcode-answer').filter({ hasText: 'Looking up' }).waitFor();
  assert.equal(await page.evaluate(started), false, 'the island is held back');
  const length = await page.evaluate(() => history.length);
  release();
  await page.waitForFunction(takenOver);
  await page.getByTestId('result').waitFor();
  const app = new SlatecardPage(page, site.server.url);
  assert.equal(await app.regionShown(), 'Northern');
  assert.equal(await page.getByTestId('found-by').textContent(), 'NE1 4ST is in the Northern region.');
  await page.waitForTimeout(300);
  // Answered once: one step in the history, one "found by" line.
  assert.equal(await page.evaluate(() => history.length), length + 1);
  assert.equal(await page.getByTestId('found-by').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the island runs the box in place: the same field, what was typed and the focus stay', async () => {
  const { page, release } = await held();
  await page.goto(`${site.server.url}/nec-2024/`);
  const box = page.getByTestId('postcode-input');
  await box.click();
  await box.pressSequentially('CF10');
  await box.evaluate((el) => { el.dataset.mark = 'typed here'; });
  release();
  await page.waitForFunction(takenOver);
  assert.equal(await box.getAttribute('data-mark'), 'typed here', 'the same element');
  assert.equal(await box.inputValue(), 'CF10');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'postcode-input');
  await box.pressSequentially(' 1EP');
  await box.press('Enter');
  await page.getByTestId('result').waitFor();
  assert.equal(await new SlatecardPage(page, site.server.url).regionShown(), 'Wales');
  await page.close();
});

test('a link to the ballot-paper view opens it, with no module', async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.server.url}/nec-2022/london/#ballot-paper`);
  assert.equal(await page.getByTestId('ballot-list').evaluate((d) => d.open), true);
  assert.equal(await page.evaluate(started), false);
  await page.close();
});

test('the island starts without moving anything or painting a new largest element', async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
  await page.addInitScript(() => {
    window.__shifts = 0;
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp.push(e.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(`${site.server.url}/`);
  await page.waitForFunction(() => window.__lcp.length > 0);
  await page.waitForTimeout(300);
  const painted = await page.evaluate(() => window.__lcp.length);
  // Focus from a script is not user input, so the browser goes on reporting
  // largest paints after it: any element the island painted anew would be.
  await page.getByTestId('postcode-input').evaluate((el) => el.focus({ preventScroll: true }));
  await page.waitForFunction(takenOver);
  await page.waitForTimeout(500);
  // The largest paint never waits for the module: its download starts after it.
  const [lcp, wasm] = await page.evaluate(() => [window.__lcp.at(-1),
    performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm')).startTime]);
  assert.ok(lcp < wasm, `largest paint at ${lcp} ms, wasm requested at ${wasm} ms`);
  assert.equal(await page.evaluate(() => window.__lcp.length), painted, 'no largest paint after the island started');
  assert.equal(await page.evaluate(() => window.__shifts), 0, 'no layout shift');
  assert.equal(await page.evaluate(() => scrollY), 0, 'the page was not scrolled');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sc-postcode');
  await page.close();
});
