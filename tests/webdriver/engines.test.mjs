// The member's flows in three browser engines through W3C WebDriver:
// Blink (Chromium + chromedriver), Gecko (Firefox ESR + geckodriver) and
// WebKit (WebKitGTK's MiniBrowser + WebKitWebDriver under Xvfb, the engine
// family of Safari on iPhone). Against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve, serveApp, expected, CHROMIUM_ARGS, takenOver } from '../e2e/support.mjs';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const { Builder, By, until, Key } = require('selenium-webdriver');

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const which = (cmd) => { try { return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim(); } catch { return ''; } };

const ENGINES = {
  chromium: {
    driver: '/usr/bin/chromedriver', port: 9515, args: (p) => [`--port=${p}`],
    caps: { browserName: 'chrome', 'goog:chromeOptions': { binary: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'wd-chr-'))}`, '--window-size=412,900'] } },
  },
  firefox: {
    driver: which('geckodriver'), port: 4444, args: (p) => ['--host', '127.0.0.1', '--port', String(p), '--log', 'warn'],
    caps: { browserName: 'firefox', 'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless', '--width=412', '--height=900'], prefs: {
      'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false, 'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false, 'network.captive-portal-service.enabled': false, 'browser.safebrowsing.update.enabled': false } } },
  },
  webkit: {
    driver: which('WebKitWebDriver'), port: 4445, args: (p) => ['--host=127.0.0.1', `--port=${p}`, '--replace-on-new-session'],
    display: true,
    caps: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } },
  },
};

let server, host, data, xvfb;
const procs = [];

async function waitForPort(port, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try { const r = await fetch(`http://127.0.0.1:${port}/status`); if (r.ok) return; } catch {}
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`driver on port ${port} did not start`);
}

before(async () => {
  data = expected();
  server = await serveApp();
  // A blog on another origin, embedding the widget the way WordPress's oEmbed does.
  const dir = mkdtempSync(join(tmpdir(), 'wd-host-'));
  writeFileSync(join(dir, 'wp.html'), `<!doctype html><meta charset="utf-8"><title>Blog</title><link rel="icon" href="data:,">
<h1>Blog</h1><iframe id="w" sandbox="allow-scripts" data-secret="Qa12Ws34Ed" title="slatecard"
 src="${server.url}/?embed=1#?secret=Qa12Ws34Ed" width="400" height="600" frameborder="0"></iframe>
<script>window.heights=[];addEventListener('message',function(e){var d=e.data;
if(d&&d.message==='height'&&d.secret==='Qa12Ws34Ed'&&e.source===document.getElementById('w').contentWindow){window.heights.push(d.value);}});</script>`);
  host = await serve(dir);
});
after(async () => {
  for (const p of procs) p.kill('SIGTERM');
  xvfb?.kill('SIGTERM');
  await server?.close();
  await host?.close();
});

async function startDriver(name) {
  const e = ENGINES[name];
  if (!e.driver || !existsSync(e.driver)) throw new Error(`${name}: WebDriver binary not found (run scripts/setup)`);
  const env = { ...process.env };
  if (e.display) {
    if (!xvfb) {
      xvfb = spawn('Xvfb', [':99', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
      await new Promise((ok) => setTimeout(ok, 500));
    }
    env.DISPLAY = ':99';
  }
  const p = spawn(e.driver, e.args(e.port), { stdio: 'ignore', env });
  procs.push(p);
  await waitForPort(e.port);
  return new Builder().usingServer(`http://127.0.0.1:${e.port}`).withCapabilities(e.caps).build();
}

const byId = (id) => By.css(`[data-testid="${id}"]`);

/**
 * Runs `fn` again when the element it holds was replaced under it (the app
 * re-renders; WebKitWebDriver reports that as a stale element even between
 * finding and reading), up to five times. Any other error fails at once.
 */
async function fresh(fn) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (e?.name !== 'StaleElementReferenceError' || attempt === 5) throw e;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
}

function texts(driver, id) {
  return fresh(async () => {
    const els = await driver.findElements(byId(id));
    return Promise.all(els.map((el) => el.getText()));
  });
}

function click(driver, locator) {
  return fresh(async () => (await driver.findElement(locator)).click());
}

async function open(driver, query = '') {
  await driver.get(`${server.url}/${query}`);
  await driver.wait(until.elementLocated(byId('election-select')), 20000);
  // The page is pre-rendered: wait for the app to take it over.
  await driver.wait(() => driver.executeScript(takenOver), 20000);
}

async function lookUp(driver, text) {
  const input = await driver.wait(until.elementLocated(byId('postcode-input')), 10000);
  await driver.wait(until.elementIsVisible(input), 10000);
  await input.click();
  await input.clear();
  await input.sendKeys(text, Key.ENTER);
}

async function waitResult(driver) {
  await driver.wait(until.elementLocated(byId('result')), 10000);
  return (await texts(driver, 'result-region'))[0];
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
    await d.wait(until.elementLocated(byId('choice-wales')), 10000);
    assert.equal(await fresh(async () => (await d.findElements(By.css('[data-testid^="choice-"]'))).length), 2);
    await click(d, byId('choice-wales'));
    assert.equal(await waitResult(d), 'Wales');
  },
  'invalid postcode gets an error': async (d) => {
    await open(d);
    await lookUp(d, '1SW');
    await d.wait(until.elementLocated(byId('postcode-error')), 10000);
    assert.match((await texts(d, 'postcode-error'))[0], /Enter a real postcode/);
  },
  'outside the UK': async (d) => {
    await open(d);
    await lookUp(d, 'JE2 3AB');
    await d.wait(until.elementLocated(byId('choose-international')), 10000);
    await click(d, byId('choose-international'));
    assert.equal(await waitResult(d), 'Labour International');
  },
  'election switch to the 2018 cross ballot': async (d) => {
    await open(d, '?region=scotland');
    await waitResult(d);
    const select = await d.findElement(byId('election-select'));
    await select.findElement(By.css('option[value="nec-2018"]')).click();
    await d.wait(async () => (await texts(d, 'candidate-name')).length === 9, 10000);
    assert.equal((await d.findElements(By.css('.sc-pref'))).length, 0);
  },
  'embedded in a sandboxed frame (WordPress oEmbed)': async (d) => {
    await d.get(`${host.url}/wp.html`);
    const frame = await d.wait(until.elementLocated(By.id('w')), 10000);
    await d.switchTo().frame(frame);
    try {
      await d.wait(until.elementLocated(byId('widget')), 20000);
      await lookUp(d, 'CF10 1EP');
      assert.equal(await waitResult(d), 'Wales');
    } finally {
      await d.switchTo().defaultContent();
    }
    await d.wait(async () => (await d.executeScript('return window.heights.length')) > 0, 10000);
  },
};

// SLATECARD_ENGINES=chromium,webkit runs a subset (default: all three).
const chosen = (process.env.SLATECARD_ENGINES ?? Object.keys(ENGINES).join(',')).split(',');
for (const engine of chosen) {
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
