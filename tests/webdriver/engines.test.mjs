// The member's flows in three browser engines through W3C WebDriver:
// Blink (Chromium + chromedriver), Gecko (Firefox ESR + geckodriver) and
// WebKit (WebKitGTK's MiniBrowser + WebKitWebDriver under Xvfb, the engine
// family of Safari on iPhone). Against the release build in dist/. The widget
// in a blog's frame is tested in a real WordPress (../wordpress/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveApp, expected, takenOver, buildCli, example, repo, slatecard, problemsOf } from '../e2e/support.mjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { By, until, byId, fresh, located, texts, click, lookUp, waitResult, startDriver, stopDrivers, chosenEngines } from './drivers.mjs';

let server, data;

before(async () => {
  data = expected();
  buildCli();
  server = await serveApp();
});
after(async () => {
  stopDrivers();
  await server?.close();
});

async function open(driver, query = '') {
  await driver.get(`${server.url}/${query}`);
  await located(driver, byId('election-select'), 20000);
  // The page is pre-rendered and complete: on a page with a postcode box,
  // its one module (the postcode island) starts when the member first
  // reaches for the box, as a keyboard user reaches it; a result page runs
  // no module.
  const box = await driver.executeScript(() => {
    const input = document.querySelector('[data-testid=postcode-input]');
    if (input) input.focus();
    return !!input;
  });
  if (box) await driver.wait(() => driver.executeScript(takenOver), 20000);
}

const FLOWS = {
  'region chooser shows the domain order': async (d) => {
    await open(d);
    await click(d, byId('region-london'));
    assert.equal(await waitResult(d), 'London');
    // The page opens on the most recent election.
    assert.deepEqual(await texts(d, 'candidate-name'), data.elections[0].regions.london.candidates);
  },
  'full postcode': async (d) => {
    await open(d);
    await lookUp(d, ' sw1a1aa ');
    assert.equal(await waitResult(d), 'London');
  },
  'partial postcode in one region': async (d) => {
    await open(d);
    await lookUp(d, 'ca1');
    assert.equal(await waitResult(d), 'Northern');
  },
  'straddling district offers its regions': async (d) => {
    await open(d);
    await lookUp(d, 'SY10');
    await located(d, byId('choice-wales'), 10000);
    assert.equal(await fresh(async () => (await d.findElements(By.css('[data-testid^="choice-"]'))).length), 2);
    await click(d, byId('choice-wales'));
    assert.equal(await waitResult(d), 'Wales');
  },
  'invalid postcode gets an error': async (d) => {
    await open(d);
    await lookUp(d, '1SW');
    await located(d, byId('postcode-error'), 10000);
    assert.match((await texts(d, 'postcode-error'))[0], /Enter a real postcode/);
  },
  'outside the UK': async (d) => {
    await open(d);
    await lookUp(d, 'JE2 3AB');
    await located(d, byId('choose-international'), 10000);
    await click(d, byId('choose-international'));
    assert.equal(await waitResult(d), 'Labour International');
  },
  'the first tap in the postcode box starts the island, and typing goes on there': async (d) => {
    // A member without a region remembered from the flows before (for
    // whom the landing page starts the app at once).
    await d.get(`${server.url}/nec-2022/london/`);
    await d.executeScript(() => localStorage.clear());
    await d.get(`${server.url}/`);
    await located(d, byId('postcode-input'), 20000);
    assert.equal(await d.executeScript(takenOver), false, 'the island waits for the member');
    await lookUp(d, 'CF10 1EP');
    assert.equal(await waitResult(d), 'Wales');
  },
  'Copy is done at once by the page itself, and "Copied" said once the clipboard has it': async (d) => {
    await d.get(`${server.url}/nec-2022/london/`);
    await located(d, byId('copy-order'), 20000);
    await click(d, byId('copy-order'));
    await d.wait(async () => (await texts(d, 'share-status'))[0] === 'Copied', 10000);
    assert.equal(await d.executeScript(takenOver), false, 'no module was needed');
  },
  'Back after a reload shows the page the address names': async (d) => {
    await d.get(`${server.url}/nec-2022/london/`);
    await d.executeScript(() => localStorage.clear());
    await d.get(`${server.url}/nec-2026/`);
    await located(d, byId('postcode-input'), 20000);
    await lookUp(d, 'CF10 1EP');
    assert.equal(await waitResult(d), 'Wales');
    await d.wait(async () => (await d.getCurrentUrl()).endsWith('/nec-2026/wales/'), 10000);
    await d.navigate().refresh();
    await located(d, byId('result'), 20000);
    await d.navigate().back();
    await d.wait(async () => (await d.getCurrentUrl()).endsWith('/nec-2026/'), 10000);
    await located(d, byId('postcode-input'), 20000);
    await d.wait(async () => (await d.findElements(byId('result'))).length === 0, 10000);
    await d.navigate().forward();
    assert.equal(await waitResult(d), 'Wales');
  },
  'election switch to the 2018 cross ballot': async (d) => {
    await open(d, '?region=scotland');
    await waitResult(d);
    const select = await d.findElement(byId('election-select'));
    await select.findElement(By.css('option[value="nec-2018"]')).click();
    await d.wait(async () => (await texts(d, 'candidate-name')).length === 9, 10000);
    assert.equal((await d.findElements(By.css('.sc-pref'))).length, 0);
  },
};

/** The studio's editor set to `text`, as pasting it would. */
async function paste(driver, text) {
  await driver.executeScript((t) => {
    const area = document.querySelector('[data-testid=editor]');
    area.value = t;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
}

/** The organisers' studio: the same problems and the same balanced file as the command line. */
FLOWS["organisers' studio agrees with slatecard check and balance"] = async (d) => {
  const good = await example();
  const faulty = good.replace('updated = "2028-06-01"', 'updated = "2028-02-30"')
    .replace('order = ["chen", "avery", "dunn", "brook"]', 'order = ["chen", "avery", "dunn", "broke"]');
  const expectedProblems = problemsOf(slatecard(await repo('nec-2028.toml', faulty), 'check', 'data/elections/nec-2028.toml').out);
  await d.get(`${server.url}/organise/`);
  await located(d, byId('editor'), 20000);
  await paste(d, faulty);
  await located(d, byId('problems'), 10000);
  const shown = await d.executeScript(() => [...document.querySelectorAll('[data-problem]')].map((e) => e.dataset.problem));
  assert.deepEqual(shown, expectedProblems);

  const dir = await repo('nec-2028.toml', good);
  const cli = slatecard(dir, 'balance', 'data/elections/nec-2028.toml', '--write');
  assert.equal(cli.status, 0, cli.out + cli.err);
  await paste(d, good);
  await d.wait(async () => (await d.executeScript(() => document.querySelectorAll('[data-problem]').length)) === 12, 10000);
  await click(d, byId('balance'));
  await located(d, byId('balanced'), 20000);
  const text = await d.executeScript(() => document.querySelector('[data-testid=editor]').value);
  assert.equal(text, await readFile(join(dir, 'data/elections/nec-2028.toml'), 'utf8'));
};

for (const engine of chosenEngines()) {
  test(`${engine}: member flows`, async (t) => {
    const driver = await startDriver(engine);
    try {
      for (const [name, flow] of Object.entries(FLOWS)) {
        await t.test(name, () => flow(driver));
      }
    } finally {
      await driver.quit();
    }
  });
}
