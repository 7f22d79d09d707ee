// Unit tests of the start-up script (static/start.js) in a DOM (happy-dom),
// on the release build's own pre-rendered pages: its inline copy of the
// script is taken out and the file itself is run in the page. What the
// browser would do beyond the DOM (the clipboard, the network, reloading)
// is recorded, never answered by the script under test.
//
//   node --test tests/start/      (after `trunk build --release`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { Window } = require('happy-dom');
const START = readFileSync(join(ROOT, 'static', 'start.js'), 'utf8');
const SITE = 'http://127.0.0.1:8080/';

/**
 * The built page at `path` (under dist/), opened at `address` (default: its
 * own), with start.js run in it. `browser` sets what the browser has before
 * the script runs (a clipboard, fetch, a share sheet).
 */
async function open(path, { address, browser = () => {} } = {}) {
  const html = readFileSync(join(ROOT, 'dist', path, 'index.html'), 'utf8')
    // The page's own copy of the script, and the old-link redirect: the
    // file is what is tested, and the redirect would navigate.
    .replace(/<script type="?module"? data-sc-start>[\s\S]*?<\/script>/, '')
    .replace(/<script data-sc-redirect>[\s\S]*?<\/script>/, '')
    // happy-dom reads Trunk's minified `<base href=/>` as an empty address
    // (browsers, as HTML says, as `/`): quoted, both read it alike.
    .replace(/<base href=\/>/, '<base href="/">');
  const window = new Window({
    url: address ?? SITE + path,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true },
    },
  });
  window.document.write(html);
  window.WebAssembly = WebAssembly;
  const seen = { reloads: 0, fetched: [], copied: [] };
  window.location.reload = () => { seen.reloads += 1; };
  browser(window, seen);
  const script = window.document.createElement('script');
  script.textContent = START;
  window.document.body.appendChild(script);
  await new Promise((r) => setTimeout(r, 50));
  return { window, document: window.document, seen };
}

/** A clipboard that takes what is written, or refuses. */
function clipboard(refuse = false) {
  return (window, seen) => {
    Object.defineProperty(window.navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: (text) => {
          if (refuse) return Promise.reject(new window.DOMException('refused', 'NotAllowedError'));
          seen.copied.push(text);
          return Promise.resolve();
        },
      },
    });
    window.document.execCommand = () => false;
  };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

test('copy my order: "Copied" once the clipboard has it, with the order as the page shows it', async () => {
  const { window, document, seen } = await open('nec-2022/london/', { browser: clipboard() });
  document.querySelector('[data-testid=copy-order]').click();
  await tick();
  assert.equal(seen.copied.length, 1);
  const names = [...document.querySelectorAll('[data-testid=candidate-name]')].map((n) => n.textContent);
  for (const name of names) assert.ok(seen.copied[0].includes(name), name);
  assert.ok(seen.copied[0].includes(`${SITE}nec-2022/london/`));
  assert.equal(document.getElementById('sc-share-status').textContent.trim(), 'Copied');
  await window.happyDOM.close();
});

test('a refused clipboard, and a refused older way: never "Copied"', async () => {
  const { window, document, seen } = await open('nec-2022/london/', { browser: clipboard(true) });
  document.querySelector('[data-testid=copy-order]').click();
  await tick();
  assert.deepEqual(seen.copied, []);
  assert.equal(document.getElementById('sc-share-status').textContent.trim(), '');
  await window.happyDOM.close();
});

test('a refused share sheet copies the link instead; one the member closed does nothing', async () => {
  for (const [name, copies] of [['NotAllowedError', 1], ['AbortError', 0]]) {
    const { window, document, seen } = await open('nec-2022/london/', {
      browser: (w, s) => {
        clipboard()(w, s);
        w.navigator.share = () => Promise.reject(new w.DOMException('no', name));
      },
    });
    document.querySelector('[data-testid=share-page]').click();
    await tick();
    assert.equal(seen.copied.length, copies, name);
    if (copies) assert.equal(seen.copied[0], `${SITE}nec-2022/london/`);
    await window.happyDOM.close();
  }
});

test('an embed snippet\'s "Copy" copies that snippet', async () => {
  const { window, document, seen } = await open('nec-2022/london/', { browser: clipboard() });
  const button = document.querySelector('[data-sc-copy=embed-iframe]');
  button.click();
  await tick();
  assert.deepEqual(seen.copied, [document.getElementById('embed-iframe').value]);
  assert.match(seen.copied[0], /<iframe/);
  await window.happyDOM.close();
});

test('a page whose orders a later release corrected says so, with a reload', async () => {
  const answer = (tag) => (window, seen) => {
    window.fetch = (url) => {
      seen.fetched.push(String(url));
      return Promise.resolve({ ok: true, json: () => Promise.resolve({ 'nec-2022': tag }) });
    };
  };
  // The same release: nothing said.
  const own = readFileSync(join(ROOT, 'dist', 'nec-2022', 'london', 'index.html'), 'utf8')
    .match(/data-orders="?([^" >]+)/)[1];
  let { window, document, seen } = await open('nec-2022/london/', { browser: answer(own) });
  document.dispatchEvent(new window.Event('visibilitychange')); // a tab back in front
  await tick();
  assert.deepEqual(seen.fetched, [`${SITE}orders.json`]);
  assert.equal(document.querySelector('[data-testid=corrected]'), null);
  await window.happyDOM.close();
  // A new release changed the election's orders.
  ({ window, document, seen } = await open('nec-2022/london/', { browser: answer('nec-2022:0ddba11e') }));
  document.dispatchEvent(new window.Event('visibilitychange')); // a tab back in front
  await tick();
  const note = document.querySelector('[data-testid=corrected]');
  assert.match(note.textContent, /A corrected order is available/);
  assert.equal(note.closest('#app'), null, 'above the page, not in it');
  note.querySelector('button').click();
  assert.equal(seen.reloads, 1);
  await window.happyDOM.close();
});

test('Back or Forward to an address the page does not show loads it', async () => {
  const { window, seen } = await open('nec-2022/london/');
  // (As after a reload: the address moved back, the page stayed.)
  window.history.pushState(null, '', '/nec-2022/');
  window.dispatchEvent(new window.PopStateEvent('popstate'));
  await tick();
  assert.equal(seen.reloads, 1);
  // The page the address names: nothing to do.
  window.history.pushState(null, '', '/nec-2022/london/');
  window.dispatchEvent(new window.PopStateEvent('popstate'));
  await tick();
  assert.equal(seen.reloads, 1);
  await window.happyDOM.close();
});

test('the widget is read from the address as Link::parse reads it', async () => {
  for (const [query, widget] of [
    ['?embed=1', true], ['?embed', true], ['?embed=true', true], ['?x=1&amp;embed=1', true],
    ['?embed=0', false], ['?embedded=1', false], ['?embed=1&embed=0', false], ['', false],
  ]) {
    const { window, document } = await open('', { address: SITE + query });
    assert.equal(document.body.classList.contains('sc-embed'), widget, query);
    await window.happyDOM.close();
  }
});
