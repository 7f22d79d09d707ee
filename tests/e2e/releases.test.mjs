// Releases (issue #26, item 6): a corrected order reaches a member with a tab
// open within one reload, an open tab is told, and a page never shows a mix
// of two releases.
//
// The second release is the first one's built files as a release that
// corrects London's NEC 2026 order would change them: London's page and its
// election's bundle list two names the other way round, and every page's
// and orders.json's tag for NEC 2026 (`nec-2026:<fingerprint>`) is the new
// data's. The service worker is written again by the real build step
// (`site sw`), so it is a new version, as after any release. Rebuilding
// from edited data would test the same files and take minutes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveApp, launch, SlatecardPage, site } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Every `index.html` and `regions.html` under `dir`. */
async function pages(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /^(index|regions)\.html$/.test(entry.name)) out.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return out;
}

/** Publishes the correction into the served copy; returns London's new order. */
async function release(dir) {
  const orders = JSON.parse(await readFile(join(dir, 'orders.json'), 'utf8'));
  const old = orders['nec-2026'];
  const fresh = 'nec-2026:0ddba11e';
  assert.notEqual(old, fresh);
  orders['nec-2026'] = fresh;
  await writeFile(join(dir, 'orders.json'), JSON.stringify(orders));
  let order;
  for (const file of await pages(dir)) {
    let html = (await readFile(file, 'utf8')).split(old).join(fresh);
    const london = file.endsWith(join('nec-2026', 'london', 'index.html'));
    const bundle = file.endsWith(join('nec-2026', 'regions.html'));
    if (london || bundle) {
      // London's list: its first two names the other way round.
      const welsh = file.includes(join('cy', 'nec-2026'));
      const start = bundle ? html.indexOf(`data-path="${welsh ? 'cy/' : ''}nec-2026/london/"`) : 0;
      const end = bundle ? html.indexOf('</template>', start) : html.length;
      let part = html.slice(start, end);
      const names = [...part.matchAll(/data-testid="?candidate-name"?[^>]*>([^<]+)</g)].map((m) => m[1]);
      assert.ok(names.length >= 2, `London's order in ${file}`);
      part = part.split(`>${names[0]}<`).join('>\u0000<').split(`>${names[1]}<`).join(`>${names[0]}<`).split('>\u0000<').join(`>${names[1]}<`);
      html = html.slice(0, start) + part + html.slice(end);
      order = [names[1], names[0], ...names.slice(2)];
    }
    await writeFile(file, html);
  }
  site('sw', '--dist', dir);
  return order;
}

/** A first visit to `path`, until the service worker is in charge. */
async function visit(server, path) {
  const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  const app = new SlatecardPage(page, server.url);
  await page.goto(`${server.url}/${path}`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page, app };
}

test('a corrected order: an open tab is told, and one reload shows it', async () => {
  const server = await serveApp();
  const { context, page, app } = await visit(server, 'nec-2026/london/');
  const before = await app.candidates();
  const order = await release(server.dir);
  assert.deepEqual(order.slice(2), before.slice(2));
  assert.notDeepEqual(order, before);
  // The browser looks for a new worker on a navigation: a new tab.
  const other = await context.newPage();
  await other.goto(`${server.url}/nec-2026/`);
  // The open tab: told, with a reload, above the page.
  const note = page.getByTestId('corrected');
  await note.waitFor({ timeout: 15000 });
  assert.match(await note.textContent(), /A corrected order is available/);
  // One reload: the corrected order, not the cached one.
  await Promise.all([page.waitForNavigation(), note.getByRole('button').click()]);
  assert.deepEqual(await app.candidates(), order);
  // A new tab opened on London: the corrected order too.
  await other.goto(`${server.url}/nec-2026/london/`);
  assert.deepEqual(await new SlatecardPage(other, server.url).candidates(), order);
  await context.close();
  await server.close();
});

test('a page opened before a release never shows its region from the new release\'s pages', async () => {
  const server = await serveApp();
  const { context, page, app } = await visit(server, 'nec-2026/');
  const order = await release(server.dir);
  // The postcode island starts now, and fetches the election's pages of the
  // new release: a mix of two releases, so London's page is loaded whole.
  await app.lookUp('SW1A 1AA');
  await page.waitForURL(/\/nec-2026\/london\/$/);
  await page.getByTestId('result').waitFor();
  assert.deepEqual(await app.candidates(), order);
  assert.equal(await app.regionShown(), 'London');
  await context.close();
  await server.close();
});
