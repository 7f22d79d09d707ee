// The member's path against the release build (dist/): choose an election and
// a region, see the order the domain computes, with no console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, expected, watchErrors, SlatecardPage } from './support.mjs';

const data = expected();
const site = servedApp();

async function newPage(width = 390) {
  const page = await site.browser.newPage({ viewport: { width, height: 800 } });
  const errors = watchErrors(page);
  return { page, errors, app: new SlatecardPage(page, site.server.url) };
}

test('every region of every election shows the order and seats the domain gives', async () => {
  const { page, errors, app } = await newPage();
  await app.open();
  for (const election of data.elections) {
    await app.chooseElection(election.id);
    for (const [slug, want] of Object.entries(election.regions)) {
      await app.chooseRegion(slug);
      assert.equal(await app.regionShown(), want.name);
      assert.deepEqual(await app.candidates(), want.candidates, `${election.id} ${slug}`);
      assert.deepEqual(await app.seats(), want.seats.map((s) => s.name), `${election.id} ${slug} seats`);
      await app.changeRegion();
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('the published Northern order, from a shared link', async () => {
  const { page, errors, app } = await newPage();
  await app.open('?election=nec-2022&region=northern');
  await page.getByTestId('result').waitFor();
  assert.deepEqual(await app.candidates(),
    ['Yasmine Dar', 'Naomi Wimborne-Idrissi', 'Mish Rahman', 'Jess Barnard', 'Gemma Bolton']);
  assert.equal(await app.provenance(), 'published');
  assert.match(await app.status(), /^Voting closed on 30 August 2022$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('2018 is a cross ballot, alphabetical, with no numbers', async () => {
  const { page, errors, app } = await newPage();
  await app.open('?election=nec-2018');
  await app.chooseRegion('scotland');
  const names = await app.candidates();
  assert.equal(names.length, 9);
  assert.equal(await page.locator('.sc-pref').count(), 0);
  assert.match(await page.getByTestId('instruction').textContent(), /Put a cross next to each of these 9 names/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard only: Tab to a region, Enter, focus lands on the result', async () => {
  const { page, errors, app } = await newPage();
  await app.open();
  // Tab until the London button has focus (bounded).
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.dataset?.testid ?? '');
    if (id === 'region-london') break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'region-london');
  await page.keyboard.press('Enter');
  await page.getByTestId('result').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'sc-result-heading');
  assert.deepEqual(errors, []);
  await page.close();
});

test('nothing is cut off at 320 px', async () => {
  const { page, app } = await newPage(320);
  await app.open('?election=nec-2022&region=wales');
  await page.getByTestId('result').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  await page.close();
});
