// Deferred start (issue 12): on a pre-rendered page the app runs only when
// the member first reaches for something that needs it (on a page with a
// postcode box, its module, the finder, is compiled once the page is idle;
// on a result page nothing is fetched until then). Until then the order reads and the links work; what the
// member does first (a tap on a button, a postcode typed and Enter, a section
// opened) is carried over to the app and done there, with nothing moving and
// no new largest paint.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveApp, launch, expected, watchErrors, takenOver, SlatecardPage } from './support.mjs';

let server, browser, data;

before(async () => {
  data = expected();
  server = await serveApp();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const started = () => window.wasmBindings !== undefined;

/**
 * A new page whose WebAssembly download waits for `release()` (with no
 * service worker, which would fetch it past the hold for its cache).
 */
async function held() {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 }, serviceWorkers: 'block' });
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route('**/slatecard*_bg.*.wasm', async (route) => { await gate; await route.continue(); });
  return { page, release };
}

test('with the app not started, a result page reads in full and its links are links', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  const errors = watchErrors(page);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await page.goto(`${server.url}/nec-2022/london/`, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  // A member who only reads costs the page alone: no module is fetched.
  assert.deepEqual(wasm, [], 'nothing fetched while the member reads');
  assert.equal(await page.evaluate(started), false);
  assert.deepEqual(await page.getByTestId('candidate-name').allTextContents(),
    data.elections.find((e) => e.id === 'nec-2022').regions.london.candidates);
  // "Change region" is a plain link to the election's pre-rendered page.
  await page.getByTestId('change-region').click();
  await page.waitForURL(`${server.url}/nec-2022/`);
  await page.getByTestId('region-wales').waitFor();
  assert.equal(await page.evaluate(started), false, 'following a link does not need the app');
  await page.getByTestId('region-wales').click();
  await page.waitForURL(`${server.url}/nec-2022/wales/`);
  assert.equal(await page.getByTestId('result-region').textContent(), 'Wales');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the first tap on a button starts the app and does what the button says', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(`${server.url}/nec-2022/london/`);
  assert.equal(await page.evaluate(started), false);
  // (Copy is done at once by start.js: the next test.)
  await page.getByTestId('copy-order').click();
  await page.waitForFunction(takenOver);
  // On the landing page: "Find my region" with an empty box asks for a postcode.
  await page.goto(`${server.url}/`);
  await page.getByTestId('postcode-submit').click();
  await page.waitForFunction(takenOver);
  await page.getByTestId('postcode-error').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('share and copy act at once while the app is still on its way, and are not done twice', async () => {
  const { page, release } = await held();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const errors = watchErrors(page);
  await page.goto(`${server.url}/nec-2022/northern/`);
  const status = page.getByTestId('share-status');
  await page.getByTestId('copy-order').click();
  // Said once the clipboard has it, with the app still held back.
  await status.filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(started), false);
  // The order as the app copies it (card.test.mjs), naming this server's
  // address (the page was built for another).
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
    `NEC 2022 — Grassroots 5, Northern:\n1 Yasmine Dar\n2 Naomi Wimborne-Idrissi\n3 Mish Rahman\n4 Jess Barnard\n5 Gemma Bolton\nThe slate's published order.\n${server.url}/nec-2022/northern/`);
  if (!(await page.evaluate(() => typeof navigator.share === 'function'))) {
    // No share sheet in this browser: the link is copied instead.
    await page.getByTestId('share-election').click();
    await page.waitForFunction((url) => navigator.clipboard.readText().then((t) => t === url), `${server.url}/nec-2022/`);
    await page.getByTestId('share-page').click();
    await page.waitForFunction((url) => navigator.clipboard.readText().then((t) => t === url), `${server.url}/nec-2022/northern/`);
  }
  // The taps started the app; it takes over without doing them again, and
  // "Copied" stays said.
  await page.evaluate(() => navigator.clipboard.writeText('untouched'));
  release();
  await page.waitForFunction(takenOver);
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId('share-status').textContent(), 'Copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'untouched');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a postcode typed while the app is still on its way is kept, with the focus, and Enter looks it up', async () => {
  const { page, release } = await held();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/`);
  const box = page.getByTestId('postcode-input');
  await box.click();
  await box.pressSequentially('NE1 4ST');
  await box.press('Enter');
  assert.equal(await page.evaluate(started), false, 'the app is held back');
  release();
  await page.waitForFunction(takenOver);
  await page.getByTestId('result').waitFor();
  const app = new SlatecardPage(page, server.url);
  assert.equal(await app.regionShown(), 'Northern');
  assert.equal(await page.getByTestId('found-by').textContent(), 'NE1 4ST is in the Northern region.');
  assert.deepEqual(errors, []);
  await page.close();
});

test('typed text and the focus stay in the box when the app takes over', async () => {
  const { page, release } = await held();
  await page.goto(`${server.url}/nec-2024/`);
  const box = page.getByTestId('postcode-input');
  await box.click();
  await box.pressSequentially('CF10');
  release();
  await page.waitForFunction(takenOver);
  assert.equal(await box.inputValue(), 'CF10');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'postcode-input');
  await box.pressSequentially(' 1EP');
  await box.press('Enter');
  await page.getByTestId('result').waitFor();
  assert.equal(await new SlatecardPage(page, server.url).regionShown(), 'Wales');
  await page.close();
});

test('sections opened before the app took over stay open, and the ballot-paper view goes into the address', async () => {
  const { page, release } = await held();
  await page.goto(`${server.url}/nec-2022/london/`);
  await page.getByTestId('ballot-list').locator('summary').click();
  await page.getByTestId('embed-panel').locator('summary').click();
  assert.equal(await page.getByTestId('embed-panel').evaluate((d) => d.open), true, 'opened without the app');
  release();
  await page.waitForFunction(takenOver);
  assert.equal(await page.getByTestId('embed-panel').evaluate((d) => d.open), true);
  // The app draws the widget's preview for the panel the member opened.
  await page.frameLocator('[data-testid=embed-preview]').getByTestId('widget').waitFor();
  assert.equal(await page.getByTestId('ballot-list').evaluate((d) => d.open), true);
  await page.waitForURL(/\/nec-2022\/london\/#ballot-paper$/);
  await page.close();
});

test('a link to the ballot-paper view opens it before the app runs', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/nec-2022/london/#ballot-paper`);
  assert.equal(await page.getByTestId('ballot-list').evaluate((d) => d.open), true);
  assert.equal(await page.evaluate(started), false);
  await page.close();
});

test('an election chosen before the app took over is shown by it', async () => {
  const { page, release } = await held();
  await page.goto(`${server.url}/nec-2022/wales/`);
  await page.getByTestId('election-select').selectOption('nec-2020');
  release();
  await page.waitForFunction(takenOver);
  await page.waitForURL(`${server.url}/nec-2020/wales/`);
  assert.match(await page.getByTestId('page-heading').textContent(), /NEC 2020/);
  await page.close();
});

test('the takeover moves nothing and paints no new largest element', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
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
  await page.goto(`${server.url}/nec-2022/london/`);
  await page.waitForFunction(() => window.__lcp.length > 0);
  await page.waitForTimeout(300);
  const painted = await page.evaluate(() => window.__lcp.length);
  // Focus from a script is not user input, so the browser goes on reporting
  // largest paints after it: any element the takeover painted anew in the
  // first screen would be. (The drop-down is further down: focused without
  // scrolling, and start.js moves the focus to the app's own without
  // scrolling either.)
  await page.getByTestId('election-select').evaluate((select) => select.focus({ preventScroll: true }));
  assert.equal(await page.evaluate(() => scrollY), 0);
  await page.waitForFunction(takenOver);
  await page.waitForTimeout(500);
  // The largest paint never waits for the app: its download starts after it.
  const [lcp, wasm] = await page.evaluate(() => [window.__lcp.at(-1),
    performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm')).startTime]);
  assert.ok(lcp < wasm, `largest paint at ${lcp} ms, wasm requested at ${wasm} ms`);
  assert.equal(await page.evaluate(() => window.__lcp.length), painted, 'no largest paint after the takeover');
  assert.equal(await page.evaluate(() => window.__shifts), 0, 'no layout shift');
  assert.equal(await page.evaluate(() => scrollY), 0, 'the page was not scrolled');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sc-election');
  await page.close();
});
