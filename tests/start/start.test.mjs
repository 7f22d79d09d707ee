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
  const seen = { reloads: 0, fetched: [], copied: [], assigned: [] };
  window.location.reload = () => { seen.reloads += 1; };
  window.location.assign = (url) => { seen.assigned.push(String(url)); };
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

test('the election choice opens that election\'s page for the same region', async () => {
  const { window, document, seen } = await open('nec-2022/london/');
  const select = document.getElementById('sc-election');
  // With a pointer (or a phone's picker): at once.
  select.dispatchEvent(new window.PointerEvent('pointerdown', { bubbles: true }));
  select.value = 'nec-2020';
  select.dispatchEvent(new window.Event('change', { bubbles: true }));
  assert.deepEqual(seen.assigned, [`${SITE}nec-2020/london/`]);
  await window.happyDOM.close();
});

test('stepping through the elections with the arrow keys leaves the page only once confirmed', async () => {
  for (const confirm of ['Enter', 'blur']) {
    const { window, document, seen } = await open('nec-2022/');
    const select = document.getElementById('sc-election');
    select.focus();
    for (const id of ['nec-2020', 'nec-2018']) {
      select.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
      select.value = id;
      select.dispatchEvent(new window.Event('change', { bubbles: true }));
    }
    assert.deepEqual(seen.assigned, [], confirm);
    if (confirm === 'Enter') select.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    else select.dispatchEvent(new window.FocusEvent('blur'));
    assert.deepEqual(seen.assigned, [`${SITE}nec-2018/`], confirm);
    await window.happyDOM.close();
  }
});

test('the ballot-paper view is kept in the address, and opened from it', async () => {
  let { window, document } = await open('nec-2022/london/');
  const view = document.getElementById('ballot-paper');
  assert.equal(view.open, false);
  view.open = true;
  view.dispatchEvent(new window.Event('toggle'));
  assert.equal(window.location.hash, '#ballot-paper');
  view.open = false;
  view.dispatchEvent(new window.Event('toggle'));
  assert.equal(window.location.hash, '');
  await window.happyDOM.close();
  ({ window, document } = await open('nec-2022/london/', { address: `${SITE}nec-2022/london/#ballot-paper` }));
  assert.equal(document.getElementById('ballot-paper').open, true);
  await window.happyDOM.close();
});

test('the embed preview is put in its panel only once the panel is opened', async () => {
  const { window, document } = await open('nec-2022/london/');
  const panel = document.querySelector('[data-testid=embed-panel]');
  assert.equal(document.querySelector('iframe'), null);
  panel.open = true;
  panel.dispatchEvent(new window.Event('toggle'));
  const frame = document.querySelector('[data-testid=embed-preview]');
  assert.ok(frame, 'the preview is in the panel');
  assert.match(frame.getAttribute('src'), /[?&]embed=1/);
  // (Built for this address: the snippets are as built.)
  assert.ok(document.getElementById('embed-link').value.includes(SITE), document.getElementById('embed-link').value);
  await window.happyDOM.close();
});

test('a status the clock has moved past is replaced by what is true now', async () => {
  const { window, document } = await open('nec-2022/london/', {
    browser: (w) => {
      const later = w.document.getElementById('sc-later');
      // As a page built before the 2022 ballot closed carries it.
      later.textContent = JSON.stringify([[1, 'Voting closes in 2 days', true], [2, 'Voting closed on 1 September', false], [1e12, 'not yet', false]]);
    },
  });
  const status = [...document.querySelectorAll('[data-testid=election-status]')];
  assert.ok(status.length >= 1);
  for (const s of status) {
    assert.equal(s.textContent, 'Voting closed on 1 September');
    assert.equal(s.classList.contains('sc-status--open'), false);
  }
  await window.happyDOM.close();
});

test('a module that cannot start: the postcode box says so, with a retry, and the page stays usable', async () => {
  const { window, document, seen } = await open('nec-2022/', {
    browser: (w) => { w.fetch = () => Promise.reject(new Error('offline')); },
  });
  const field = document.getElementById('sc-postcode');
  field.value = 'SW1A 1AA';
  field.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  await tick();
  assert.match(document.querySelector('[data-testid=app-failed]').textContent, /could not start/);
  assert.equal(field.hasAttribute('disabled'), true);
  document.querySelector('[data-sc-retry]').click();
  assert.equal(seen.reloads, 1);
  // The regions are links, and the election choice still works.
  assert.ok(document.querySelector('a[href="nec-2022/london/"]'));
  await window.happyDOM.close();
});

test('a copy served from another address: the opened panel\'s snippets and preview name that address', async () => {
  const other = 'http://other.example/';
  const { window, document } = await open('nec-2022/london/', { address: `${other}nec-2022/london/` });
  const panel = document.querySelector('[data-testid=embed-panel]');
  panel.open = true;
  panel.dispatchEvent(new window.Event('toggle'));
  for (const id of ['embed-loader', 'embed-iframe', 'embed-link']) {
    const text = document.getElementById(id).value;
    assert.ok(text.includes(other) && !text.includes(SITE), `${id}: ${text}`);
  }
  assert.ok(document.querySelector('[data-testid=embed-preview]').getAttribute('src').startsWith(other));
  await window.happyDOM.close();
});

test('a browser whose first language is Welsh is offered the Welsh page, once, in Welsh', async () => {
  const welsh = (languages) => (window) => {
    Object.defineProperty(window.navigator, 'languages', { value: languages, configurable: true });
  };
  const { document, window } = await open('nec-2026/wales/', { browser: welsh(['cy-GB', 'en-GB']) });
  const offer = document.querySelector('[data-testid=language-offer]');
  assert.ok(offer, 'offered');
  assert.equal(offer.getAttribute('lang'), 'cy');
  assert.equal(offer.querySelector('a').getAttribute('href'), 'cy/nec-2026/wales/');
  // Declined: gone, and remembered.
  offer.querySelector('button').click();
  assert.equal(document.querySelector('[data-testid=language-offer]'), null);
  assert.equal(window.localStorage.getItem('slatecard:language-offer'), 'no');
  // Not offered to an English browser, nor on a Welsh page, nor twice.
  for (const [path, languages] of [['nec-2026/wales/', ['en-GB', 'cy']], ['cy/nec-2026/wales/', ['cy']]]) {
    const other = await open(path, { browser: welsh(languages) });
    assert.equal(other.document.querySelector('[data-testid=language-offer]'), null, `${path} ${languages}`);
  }
  const again = await open('nec-2026/wales/', {
    browser: (w) => { welsh(['cy'])(w); w.localStorage.setItem('slatecard:language-offer', 'take'); },
  });
  assert.equal(again.document.querySelector('[data-testid=language-offer]'), null, 'answered before');
});
