// "Why is my order different?" (issue #17): every ranked election's page,
// reached from the result card, is plain HTML (no script, nothing else
// loaded) that axe passes in light and dark, and it costs the app nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { servedApp, watchErrors, SlatecardPage, DIST } from './support.mjs';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

// Whatever elections the build has: those with a why.html.
const ELECTIONS = (await readdir(DIST, { withFileTypes: true }))
  .filter((d) => d.isDirectory() && existsSync(join(DIST, d.name, 'why.html')))
  .map((d) => d.name);

const site = servedApp();

test('some elections have the page', () => {
  assert.ok(ELECTIONS.length > 0);
});

for (const id of ELECTIONS) {
  test(`${id}: the result card links the page, which loads nothing else and passes axe`, async () => {
    for (const scheme of ['light', 'dark']) {
      const page = await site.browser.newPage({ viewport: { width: 390, height: 800 }, colorScheme: scheme });
      const errors = watchErrors(page);
      const app = new SlatecardPage(page, site.server.url);
      await app.open(`${id}/wales/`);
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.getByTestId('why-link').click();
      await page.waitForURL(new RegExp(`/${id}/why\\.html$`));
      await page.locator('svg.chart').waitFor();
      // The page and its icon: nothing else. (The result page left behind
      // may have asked for orders.json, to tell of a corrected order, as
      // pages the service worker serves do.)
      const own = requests.filter((u) => !u.endsWith('/favicon.svg') && !u.endsWith('/orders.json'));
      assert.deepEqual(own, [`${site.server.url}/${id}/why.html`]);
      assert.equal(await page.locator('script').count(), 0);
      assert.match(await page.locator('.label').textContent(), /simulation, not a result/i);
      await page.evaluate(AXE);
      const violations = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      }).then((r) => r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)));
      assert.deepEqual(violations, [], `${id} (${scheme})`);
      // Back to the orders: the election's page.
      await page.getByRole('link', { name: 'Back to the orders' }).click();
      await page.waitForURL(new RegExp(`/${id}/$`));
      assert.deepEqual(errors, []);
      await page.close();
    }
  });
}
