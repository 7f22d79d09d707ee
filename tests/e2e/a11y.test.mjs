// Accessibility gates: axe-core finds 0 violations in every main state, in
// light and dark; nothing is cut off at 320 px with text at 200 %.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { servedApp, watchErrors, SlatecardPage } from './support.mjs';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const site = servedApp();

/** Runs axe in the page (via the devtools protocol, so the CSP still applies to the app). */
async function axe(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const STATES = {
  'start': async () => {},
  'postcode error': async (app, page) => { await app.lookUp('hello'); await page.getByTestId('postcode-error').waitFor(); },
  'straddling choice': async (app, page) => { await app.lookUp('SY10'); await page.getByTestId('choice-wales').waitFor(); },
  'outside the UK': async (app, page) => { await app.lookUp('JE2 3AB'); await page.getByTestId('choose-international').waitFor(); },
  'result, generated order': async (app) => { await app.chooseRegion('london'); },
  'result opened from someone else\'s link (banner, share buttons)': async (app, page) => { await app.open('nec-2022/london/'); await page.getByTestId('from-link').waitFor(); },
  'start, with a remembered region': async (app, page) => { await app.chooseRegion('wales'); await app.open(''); await page.getByTestId('remembered').waitFor(); },
  'result, published order': async (app) => { await app.chooseElection('nec-2022'); await app.chooseRegion('northern'); },
  'result, results and the ballot list open (2024)': async (app, page) => {
    await app.chooseElection('nec-2024'); await app.chooseRegion('london');
    await page.getByTestId('ballot-list').locator('summary').click();
    await page.getByTestId('results').waitFor();
  },
  'result, a list shared by regions (2020)': async (app, page) => { await app.chooseElection('nec-2020'); await app.chooseRegion('south-west'); await page.getByTestId('shared-list').waitFor(); },
  'result, closed without results (2026)': async (app, page) => { await app.chooseElection('nec-2026'); await app.chooseRegion('wales'); await page.getByTestId('results-missing').waitFor(); },
  'result, cross ballot 2018': async (app, page) => { await app.chooseElection('nec-2018'); await app.chooseRegion('wales'); },
  'embed panel open': async (app, page) => { await app.chooseRegion('wales'); await page.getByTestId('embed-panel').locator('summary').click(); },
};

// The Welsh pages (`cy/…`), in their main states.
const WELSH = {
  'start': STATES.start,
  'postcode error': STATES['postcode error'],
  'straddling choice': STATES['straddling choice'],
  'outside the UK': STATES['outside the UK'],
  'result, generated order': STATES['result, generated order'],
  'result, results and the ballot list open (2024)': async (app, page) => {
    await app.open('cy/nec-2024/london/');
    await page.getByTestId('ballot-list').locator('summary').click();
    await page.getByTestId('results').waitFor();
  },
  'embed panel open': STATES['embed panel open'],
};
for (const [name, act] of Object.entries(WELSH)) {
  test(`axe (Cymraeg): ${name}`, async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
    const errors = watchErrors(page);
    const app = new SlatecardPage(page, site.server.url);
    await app.open('cy/');
    assert.equal(await page.getAttribute('html', 'lang'), 'cy');
    await act(app, page);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// Each state is reached once and checked in the light scheme, then again
// in the dark one, switched in place (`prefers-color-scheme` changes only
// the page's colours, so the state stays what the actions made it).
for (const [name, act] of Object.entries(STATES)) {
  test(`axe: ${name} (light, then dark)`, async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 800 }, colorScheme: 'light' });
    const errors = watchErrors(page);
    const app = new SlatecardPage(page, site.server.url);
    await app.open();
    await act(app, page);
    assert.deepEqual(await axe(page), [], 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
    assert.deepEqual(await axe(page), [], 'dark');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

for (const scheme of ['light', 'dark']) {
  // The widget in the reader's scheme, and forced to the other one by a blogger.
  const other = scheme === 'dark' ? 'light' : 'dark';
  for (const theme of ['auto', other]) {
    test(`axe: embedded widget, theme=${theme} (reader's scheme ${scheme})`, async () => {
      const page = await site.browser.newPage({ viewport: { width: 320, height: 800 }, colorScheme: scheme });
      await page.goto(`${site.server.url}/?embed=1&region=wales&theme=${theme}`);
      await page.getByTestId('result').waitFor();
      assert.deepEqual(await axe(page), []);
      await page.close();
    });
  }
}

for (const [name, query] of [['start', ''], ['result', '?region=yorkshire'], ['widget', '?embed=1&region=east-midlands']]) {
  test(`320 px with text at 200 %: nothing needs horizontal scrolling (${name})`, async () => {
    const page = await site.browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto(`${site.server.url}/${query}`);
    await page.locator(query ? '[data-testid=result]' : '[data-testid=postcode-input]').waitFor();
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    const overflow = await page.evaluate(() => {
      const doc = document.documentElement;
      const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1);
      return { scroll: doc.scrollWidth - doc.clientWidth, wide: wide.slice(0, 5).map((el) => el.className || el.tagName) };
    });
    assert.deepEqual(overflow, { scroll: 0, wide: [] });
    await page.close();
  });
}
