// The three WebDriver engines the browser tests run in, shared by the member
// flows (engines.test.mjs) and the real-WordPress embeds (../wordpress/).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS, takenOver } from '../e2e/support.mjs';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
export const { Builder, By, until, Key } = require('selenium-webdriver');

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

let xvfb;
const procs = [];

async function waitForPort(port, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try { const r = await fetch(`http://127.0.0.1:${port}/status`); if (r.ok) return; } catch {}
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`driver on port ${port} did not start`);
}

/** Stops every driver started here and the X server. */
export function stopDrivers() {
  for (const p of procs) p.kill('SIGTERM');
  xvfb?.kill('SIGTERM');
}

/** Starts `name`'s WebDriver and a session in it. */
export async function startDriver(name) {
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

export const byId = (id) => By.css(`[data-testid="${id}"]`);

/**
 * Runs `fn` again when the element it holds was replaced under it (the app
 * re-renders; WebKitWebDriver reports that as a stale element even between
 * finding and reading), up to five times. Any other error fails at once.
 */
export async function fresh(fn) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (e?.name !== 'StaleElementReferenceError' || attempt === 5) throw e;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
}


export function texts(driver, id) {
  return fresh(async () => {
    const els = await driver.findElements(byId(id));
    return Promise.all(els.map((el) => el.getText()));
  });
}

export function click(driver, locator) {
  return fresh(async () => (await driver.findElement(locator)).click());
}

/**
 * Looks `text` up as a member does: a tap in the postcode box, then typing
 * and Enter. On a pre-rendered page that tap starts the postcode island
 * (start.js), which runs the box in place; waited for, so that the lookup
 * is the island's own.
 */
export async function lookUp(driver, text) {
  const input = await located(driver, byId('postcode-input'), 10000);
  await driver.wait(until.elementIsVisible(input), 10000);
  await fresh(async () => (await driver.findElement(byId('postcode-input'))).click());
  await driver.wait(() => driver.executeScript(takenOver), 20000);
  await fresh(async () => {
    const box = await driver.findElement(byId('postcode-input'));
    await box.clear();
    await box.sendKeys(text, Key.ENTER);
  });
}

export async function waitResult(driver) {
  await located(driver, byId('result'), 10000);
  return (await texts(driver, 'result-region'))[0];
}


/**
 * Waits up to `ms` for an element, as `until.elementLocated` does, but a
 * stale element met while looking (WebKitWebDriver reports one when the app
 * re-renders mid-search) is looked for again, not a failure.
 */
export function located(driver, locator, ms = 10000) {
  return fresh(() => driver.wait(until.elementLocated(locator), ms));
}

/** The engines chosen with SLATECARD_ENGINES=chromium,webkit (default: all three). */
export const chosenEngines = () => (process.env.SLATECARD_ENGINES ?? Object.keys(ENGINES).join(',')).split(',');
