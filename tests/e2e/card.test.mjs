// The result card (issue #13) as a member meets it in Chromium: whose order
// it is before the order, someone else's region questioned, the page saying
// what it is, copy and share, and Back undoing the last step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { servedApp, serveApp, SlatecardPage, ROOT } from './support.mjs';

const site = servedApp();

async function open(path) {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  const page = await context.newPage();
  const app = new SlatecardPage(page, site.server.url);
  await app.open(path);
  return { context, page, app };
}

test('whose order it is comes before the order, in words that differ', async () => {
  const { context, page } = await open('nec-2022/london/');
  // Document order: provenance, then the instruction, then the list.
  const order = await page.locator('[data-testid=provenance], [data-testid=instruction], [data-testid=ballot]')
    .evaluateAll((els) => els.map((e) => e.dataset.testid));
  assert.deepEqual(order, ['provenance', 'instruction', 'ballot']);
  assert.equal(await page.getByTestId('provenance').getAttribute('data-kind'), 'generated');
  assert.match(await page.getByTestId('provenance').textContent(), /^Worked out by slatecard, not published by the slate\./);
  // The slate's own published order is one tap away, in the app.
  await page.getByTestId('published-elsewhere').getByRole('link', { name: 'Northern' }).click();
  await page.waitForURL(/\/nec-2022\/northern\/$/);
  assert.equal(await page.getByTestId('provenance').getAttribute('data-kind'), 'published');
  assert.match(await page.getByTestId('provenance').textContent(), /^This is the order the slate published for this region\./);
  await context.close();
});

test('a link with someone else\'s region asks "not your region?" and leads to the postcode box', async () => {
  const { context, page, app } = await open('nec-2022/london/');
  assert.equal(await page.getByTestId('from-link').textContent(), 'This is the order for London. Not your region? Enter your postcode');
  await page.getByTestId('not-my-region').click();
  await page.getByTestId('postcode-input').waitFor();
  await app.lookUp('CF10 1EP');
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Wales');
  assert.equal(await page.getByTestId('from-link').count(), 0, 'their own region is not questioned');
  await context.close();
});

test('the widget\'s preview is loaded only once "Embed this" is opened', async () => {
  const { context, page } = await open('nec-2022/wales/');
  // No frame while the panel is closed: browsers that ignore lazy frames
  // (Safari before 16.4, Firefox before 121) would load the blogs' module.
  assert.equal(await page.locator('iframe').count(), 0);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /slatecard-embed/.test(r.name)).length), 0);
  await page.getByTestId('embed-panel').locator('summary').click();
  await page.frameLocator('[data-testid=embed-preview]').getByTestId('widget').waitFor();
  assert.equal(await page.frameLocator('[data-testid=embed-preview]').getByTestId('result-region').textContent(), 'Wales');
  await context.close();
});

test('the page says what it is', async () => {
  const { context, page } = await open('nec-2022/wales/');
  assert.equal(await page.getByTestId('page-heading').textContent(), 'How to vote: NEC 2022 — Grassroots 5');
  assert.equal(await page.locator('h1').count(), 1);
  await context.close();
});

test('copy my order, share, and share without my region', async () => {
  const { context, page } = await open('nec-2022/northern/');
  await page.getByTestId('copy-order').click();
  await page.getByTestId('share-status').filter({ hasText: 'Copied' }).waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(text, `NEC 2022 — Grassroots 5, Northern:\n1 Yasmine Dar\n2 Naomi Wimborne-Idrissi\n3 Mish Rahman\n4 Jess Barnard\n5 Gemma Bolton\nThe slate's published order.\n${site.server.url}/nec-2022/northern/`);
  // No share sheet in this browser: the link is copied instead, never a postcode.
  const hasShare = await page.evaluate(() => typeof navigator.share === 'function');
  if (!hasShare) {
    await page.getByTestId('share-page').click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.server.url}/nec-2022/northern/`);
    await page.getByTestId('share-election').click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.server.url}/nec-2022/`);
  }
  await context.close();
});

test('Back undoes the last step instead of leaving the app', async () => {
  const { context, page, app } = await open('nec-2022/');
  await app.chooseRegion('wales');
  await page.waitForURL(/\/nec-2022\/wales\/$/);
  await app.changeRegion();
  await app.chooseRegion('london');
  await page.waitForURL(/\/nec-2022\/london\/$/);
  await page.goBack();
  await page.waitForURL(/\/nec-2022\/$/);
  await page.getByTestId('region-london').waitFor();
  await page.goBack();
  await page.waitForURL(/\/nec-2022\/wales\/$/);
  assert.equal(await app.regionShown(), 'Wales');
  assert.equal(await page.getByTestId('from-link').count(), 0, 'a step the member took is theirs');
  await context.close();
});

test('printed, the card keeps the order and drops the buttons', async () => {
  const context = await site.browser.newContext({ viewport: { width: 420, height: 595 } }); // A5 at 72 dpi
  const page = await context.newPage();
  const app = new SlatecardPage(page, site.server.url);
  await app.open('nec-2022/northern/');
  await page.emulateMedia({ media: 'print' });
  for (const id of ['share', 'embed-panel', 'from-link', 'change-region']) {
    assert.equal(await page.getByTestId(id).isVisible(), false, `${id} is not printed`);
  }
  for (const id of ['page-heading', 'election-status', 'provenance', 'instruction', 'ballot']) {
    assert.equal(await page.getByTestId(id).isVisible(), true, `${id} is printed`);
  }
  assert.deepEqual(await app.candidates(), ['Yasmine Dar', 'Naomi Wimborne-Idrissi', 'Mish Rahman', 'Jess Barnard', 'Gemma Bolton']);
  const { ROOT } = await import('./support.mjs');
  // To target/ (SLATECARD_SCREENSHOTS=docs: over the committed one in docs/).
  const shots = process.env.SLATECARD_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'target/screenshots';
  await page.screenshot({ path: `${ROOT}/${shots}/card/print-a5.png`, fullPage: true });
  await context.close();
});

test('while voting is open: the countdown and a calendar reminder; a copy read after the close says so', async () => {
  // The pages as built on 11 September 2024, 10:00 BST, while NEC 2024 was
  // open: drawn by the build at that clock, served as published.
  const built = await serveApp();
  execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'slatecard-site', '--', 'prerender',
    '--dist', built.dir, '--base', `${built.url}/`, '--now', String(Date.parse('2024-09-11T09:00:00Z') / 60000)],
  { cwd: ROOT, stdio: 'ignore' });
  const context = await site.browser.newContext({ viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2024-09-11T09:00:00Z'));
  const app = new SlatecardPage(page, built.url);
  await app.open('nec-2024/london/');
  await page.getByTestId('reminder').waitFor();
  assert.equal(await app.status(), 'Voting closes in 6 days — Tuesday 17 September 2024, midday UK time');
  const href = await page.getByTestId('reminder').getAttribute('href');
  assert.ok(href.startsWith('data:text/calendar;charset=utf-8,'));
  const file = decodeURIComponent(href.slice(href.indexOf(',') + 1));
  assert.match(file, /^BEGIN:VCALENDAR\r\n/);
  assert.match(file, /\r\nDTSTART:20240917T110000Z\r\n/);
  assert.match(file, /\r\nTRIGGER:-P1D\r\n/);
  assert.equal(await page.getByTestId('reminder').getAttribute('download'), 'nec-2024-closes.ics');
  // The same copy read the next day, and after the close (a tab left open,
  // a page from the cache): what is true then, and no reminder once closed.
  await page.clock.setFixedTime(new Date('2024-09-12T09:00:00Z'));
  await page.reload();
  assert.equal(await app.status(), 'Voting closes in 5 days — Tuesday 17 September 2024, midday UK time');
  await page.clock.setFixedTime(new Date('2024-09-18T09:00:00Z'));
  await page.reload();
  assert.equal(await app.status(), 'Voting closed on 17 September 2024, midday UK time');
  assert.equal(await page.getByTestId('reminder').count(), 0);
  await context.close();
  await built.close();
});

test('the member\'s region is remembered on this device, with a visible "forget"; no storage, no harm', async () => {
  const { context, page, app } = await open('nec-2022/');
  await app.chooseRegion('wales');
  await app.open('nec-2022/');
  assert.equal(await page.getByTestId('remembered').textContent(), 'Your region, remembered on this device: Wales Forget it');
  await page.getByTestId('remembered-region').click();
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Wales');
  // Someone else's link is not remembered over it.
  await app.open('nec-2022/london/');
  await app.open('nec-2022/');
  await page.getByTestId('remembered').waitFor();
  assert.equal(await page.getByTestId('remembered-region').textContent(), 'Wales');
  await page.getByTestId('forget-region').click();
  assert.equal(await page.getByTestId('remembered').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing left on the device');
  await app.open('nec-2022/');
  assert.equal(await page.getByTestId('remembered').count(), 0);
  await context.close();
  // Storage refused (some private modes): everything else still works.
  const blocked = await site.browser.newContext({ viewport: { width: 390, height: 900 } });
  const p2 = await blocked.newPage();
  const errors = [];
  p2.on('pageerror', (e) => errors.push(String(e)));
  await p2.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const app2 = new SlatecardPage(p2, site.server.url);
  await app2.open('nec-2022/');
  await app2.chooseRegion('wales');
  assert.equal(await app2.regionShown(), 'Wales');
  await app2.open('nec-2022/');
  assert.equal(await p2.getByTestId('remembered').count(), 0);
  assert.deepEqual(errors, []);
  await blocked.close();
});

test('the tab\'s title follows what is shown', async () => {
  const { context, page, app } = await open('nec-2022/');
  assert.match(await page.title(), /^NEC 2022 — Grassroots 5: how to vote/);
  await app.chooseRegion('wales');
  await page.waitForFunction(() => document.title.startsWith('NEC 2022 — Grassroots 5, Wales'));
  await context.close();
});

test('the ballot-paper view: the slate\'s names in the ballot\'s own order, each with its number', async () => {
  const { context, page, app } = await open('nec-2022/wales/');
  const order = await app.candidates();
  await page.getByTestId('ballot-list').locator('summary').click();
  const lines = await page.getByTestId('ballot-list').locator('li').evaluateAll((els) =>
    els.map((li) => [li.querySelector('.sc-mark').textContent, li.textContent.slice(li.querySelector('.sc-mark').textContent.length)]));
  const surname = (n) => n.split(' ').pop();
  assert.deepEqual(lines.map(([, n]) => n), [...order].sort((a, b) => surname(a).localeCompare(surname(b))));
  for (const [mark, name] of lines) assert.equal(Number(mark), order.indexOf(name) + 1, name);
  assert.match(await page.getByTestId('ballot-list').locator('summary').textContent(), /alphabetically/);
  await context.close();
});

test('the view is in the address: the ballot-paper view opens again on reload, and closing it clears it', async () => {
  const { context, page, app } = await open('nec-2022/london/');
  const details = page.getByTestId('ballot-list');
  assert.equal(await details.evaluate((d) => d.open), false);
  await details.locator('summary').click();
  await page.waitForURL(/\/nec-2022\/london\/#ballot-paper$/);
  await page.reload();
  await app.ready();
  await page.waitForFunction(() => document.querySelector('[data-testid=ballot-list]')?.open === true);
  assert.match(page.url(), /\/nec-2022\/london\/#ballot-paper$/);
  await page.getByTestId('ballot-list').locator('summary').click();
  await page.waitForURL(/\/nec-2022\/london\/$/);
  await context.close();
});
