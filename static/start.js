// slatecard's start-up script (static/start.js): scripts/csp puts it in
// each page, minified, in place of Trunk's loader.
//
// A pre-rendered page (the landing page, an election's, a region's) shows
// everything and its links work without the app, so the app waits: once the
// page is idle its module is downloaded and compiled (off the main thread),
// and it runs only when the member first reaches for something that needs it
// (a field, a button, the election choice, a section to open). What they did
// meanwhile is carried over to the app's page (text typed, focus, open
// sections, the election chosen) and the tap or Enter that started it is
// replayed. The widget, old-style links (?election=…), an out-of-date page
// (its countdown) and a member with a remembered region start it at once.
// If it cannot start, the postcode box says so, with a retry; the page stays
// usable either way.
//
// Written for the engines that cannot run the app, so that they can say so:
// ES2017 syntax and dynamic import() (no ?., ??, ??=, or catch without a
// binding), and nothing newer than them on the way to that message (no
// replaceChildren), so that engines with WebAssembly but without the
// module's features (Safari 11.1-14, Chrome 63-84, Firefox 67-78) parse and
// run it (tests/e2e/prerender.test.mjs).
const app = document.getElementById('app');
// As the app reads it (Link::parse): `embed`, `embed=1` or `embed=true`,
// the key after `&amp;` too (a link copied from a web page's source); the
// last one given wins.
let embed = false;
new URLSearchParams(location.search).forEach((v, k) => {
  if (k.replace(/^amp;/, '') === 'embed') embed = ['1', 'true', ''].indexOf(v.trim()) >= 0;
});
if (embed && app) {
  // The widget is not the pre-rendered page: show only "Loading" until it
  // starts, in the widget's styles (body.sc-embed).
  document.body.classList.add('sc-embed');
  const loading = document.getElementById('sc-loading');
  show(app, loading);
}
// `box` with only the content of `template` (if any) in it.
function show(box, template) {
  box.textContent = '';
  if (template) box.appendChild(template.content.cloneNode(true));
}
let broken = false;
function failed(error) {
  // Said once: reaching for "Try again" must not start (and fail) it again.
  if (broken) return;
  broken = true;
  done();
  console.error('slatecard could not start:', error);
  if (app && !embed) {
    // What only the app can do is switched off rather than left dead (the
    // postcode box, the election drop-down; share and copy work without it:
    // shareNow), and the other
    // elections become the plain links the page has for no script.
    // (Nor the finder's postcode box, when it runs: only the full app failed.)
    const working = (el) => el.closest('.sc-share') || (finderBox && finderBox.contains(el));
    for (const el of app.querySelectorAll('input, button, select')) if (!working(el)) el.setAttribute('disabled', '');
    for (const n of app.querySelectorAll('.sc-election noscript')) n.insertAdjacentHTML('afterend', n.textContent);
    // An election chosen meanwhile is opened as its page, by its link.
    const select = app.querySelector('.sc-election select');
    const link = select && select.value !== defaultChoice(select)
      && [...app.querySelectorAll('.sc-election a[href]')].find((a) => a.getAttribute('href').indexOf(select.value + '/') === 0);
    if (link) location.assign(link.href);
  }
  const words = document.getElementById(embed ? 'sc-widget-failed' : 'sc-app-failed');
  const box = embed ? app : !(finderBox && finderBox.isConnected) && document.querySelector('[data-testid=postcode-answer]');
  if (!words || !box) return; // a result page: the order is already there
  show(box, words);
  const retry = box.querySelector('[data-sc-retry]');
  if (retry) retry.addEventListener('click', () => location.reload());
}
// Once the page has loaded and been painted: nothing may share the network
// or the main thread with the page's first paint (the browser's paint timing
// where it has it, else two frames; at most 3 s after load either way).
const painted = new Promise((done) => {
  const loaded = () => {
    const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)));
    try {
      if (performance.getEntriesByType('paint').length) return frames();
      const seen = new PerformanceObserver(() => { seen.disconnect(); frames(); });
      seen.observe({ type: 'paint' });
      setTimeout(done, 3000);
    } catch (e) { frames(); }
  };
  if (document.readyState === 'complete') loaded(); else addEventListener('load', loaded);
});
// Installable, offline and instant on a repeat visit: the web app manifest
// and the app's own service worker (sw.js, written by scripts/sw), for the
// full page only (never in a frame). The manifest is linked here, after the
// paint: linked in the HTML, browsers fetch it while the page is painted
// (Lighthouse counted it against the largest paint: LCP 1.19 → 1.09 × the
// static page's, reports/lighthouse.md). Neither works without script anyway.
if (!embed && window.top === window) {
  painted.then(() => {
    const manifest = document.createElement('link');
    manifest.rel = 'manifest';
    manifest.href = new URL('manifest.webmanifest', document.baseURI).href;
    document.head.append(manifest);
    if ('serviceWorker' in navigator) return navigator.serviceWorker.register(new URL('sw.js', document.baseURI));
  }).catch(() => {});
}

// The modules, each fetched once: the blogs' for the widget
// (scripts/embed-module); for members, the finder (the postcode box of the
// landing and election pages, scripts/finder-module) and the full app
// (anything else, and any page the finder cannot show).
// Their addresses are the build's: in the page's JSON block (scripts/csp
// writes it from Trunk's loader; scripts/hash-names names the files), so
// this file is the same whatever the build.
const built = JSON.parse((document.getElementById('sc-modules') || {}).textContent || '{}');
const modules = { app: embed ? built.embed : built.app, finder: built.finder };
const noWasm = typeof WebAssembly !== 'object' && Error('this browser has no WebAssembly');
const ready = {};
const prepare = (which) => ready[which] || (ready[which] = (async () => {
  if (noWasm) throw noWasm;
  const [glueAt, wasmAt] = modules[which];
  const wasm = fetch(new URL(wasmAt, document.baseURI)).then((r) => {
    if (!r.ok) throw Error(r.status); // (HTTP)
    // Streaming needs the application/wasm type (and Safari 15); any server
    // and engine will do without.
    const streamed = WebAssembly.compileStreaming ? WebAssembly.compileStreaming(r.clone()) : Promise.reject();
    return streamed.catch(async () => WebAssembly.compile(await r.arrayBuffer()));
  });
  return Promise.all([import(glueAt), wasm]);
})());

// The element of `to` at the place of `el` in `from` (the same child of the
// same child…): the app draws the same elements as the pre-rendered page.
// A control with an id (the postcode field, the election choice) is found
// by it, whatever a browser extension or a translation added around it (a
// password manager's icon before the field); anything else by its place
// among the elements of its kind under the same parent.
const twin = (el, from, to) => {
  if (el === from) return to;
  if (el.id) {
    const t = to.querySelector('[id="' + el.id + '"]');
    return t && t.tagName === el.tagName ? t : null;
  }
  const up = el.parentElement;
  const parent = up && twin(up, from, to);
  if (!parent) return null;
  const kind = (list) => [...list].filter((c) => c.tagName === el.tagName);
  return kind(parent.children)[kind(up.children).indexOf(el)] || null;
};

// What the member did before the app took over: the element they last
// focused, and the taps and Enter presses to replay.
let focused;
const replay = [];
const started = {};
// The finder's box once it runs: what happens in it is the finder's alone.
let finderBox;
// The finder draws only the postcode box (`.sc-finder`), the full app the
// whole of #app: each puts what it drew in place of the pre-rendered
// element once drawn; the member's doings are brought over before it is
// painted.
const drawnBy = (which) => (which === 'finder' ? app.querySelector('.sc-finder') : document.getElementById('app'));
function start(which) {
  which = which || (finderPage && !started.app ? 'finder' : 'app');
  if (which === 'app' && same && !started.app) setTimeout(waiting, 400);
  if (!started[which]) started[which] = prepare(which).then(async ([bindings, module]) => {
    const old = app && drawnBy(which);
    if (old && same) {
      const seen = new MutationObserver(() => {
        const fresh = drawnBy(which);
        if (!fresh || fresh === old) return;
        seen.disconnect();
        carry(old, fresh);
        if (which === 'finder') window.scFinderBox = finderBox = fresh;
      });
      seen.observe(old.parentNode, { childList: true });
    }
    await bindings.default({ module_or_path: module });
    if (which === 'app' || !window.wasmBindings) window.wasmBindings = bindings;
  }).catch(failed);
}

// The option a drop-down was drawn with.
function defaultChoice(select) {
  const first = [...select.options].find((o) => o.defaultSelected);
  return first ? first.value : undefined;
}

// A control only the full app has, reached for on a slow connection: the
// app may take seconds to arrive (120 KB), so the page says it is coming
// (at the foot of the screen, moving nothing) until it has taken over.
let busy;
function waiting() {
  if (busy || broken || document.getElementById('app') !== app) return;
  busy = document.createElement('div');
  busy.className = 'sc-busy';
  busy.setAttribute('role', 'status');
  show(busy, document.getElementById('sc-loading'));
  document.body.appendChild(busy);
}
function done() {
  if (busy && busy.parentNode) busy.parentNode.removeChild(busy);
}

function carry(old, fresh) {
  done();
  for (const el of old.querySelectorAll('details, input, textarea, select')) {
    const t = twin(el, old, fresh);
    const select = el.tagName === 'SELECT';
    if (!t) continue;
    if (el.tagName === 'DETAILS') {
      if (t.open !== el.open) t.open = el.open;
    } else if (el.value !== (select ? defaultChoice(el) : el.defaultValue)) {
      // Changed by the member: the app reads the text when it looks it up,
      // and is told of the election chosen as if it had been chosen there.
      t.value = el.value;
      if (select) t.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
  // What a live region said meanwhile ("Copied": shareNow).
  for (const el of old.querySelectorAll('[role=status]')) {
    const t = el.textContent && twin(el, old, fresh);
    if (t && !t.textContent) t.textContent = el.textContent;
  }
  // The focus, unless the app has put it somewhere itself.
  const f = focused && twin(focused, old, fresh);
  // (The caret ends up after the text, where typing goes on. The twin is
  // where the member's element was: nothing to scroll to.)
  if (f && !fresh.contains(document.activeElement)) f.focus({ preventScroll: true });
  const acts = replay.splice(0).map(([el, act]) => [twin(el, old, fresh), act]);
  setTimeout(() => {
    for (const [t, act] of acts) {
      if (!t) continue;
      if (act === 'click') t.click();
      else t.dispatchEvent(new KeyboardEvent('keydown', { key: act, bubbles: true, cancelable: true }));
    }
  });
}

const page = document.querySelector('meta[name=sc-page]');
const remembered = () => { try { return localStorage.getItem('slatecard:region'); } catch (e) { return null; } };
// The pre-rendered page is the one the app will draw (its address, no old-style query).
// An old-style link (?election=…&region=…): the app reads it.
const oldLink = /[?&](election|region)=/.test(location.search);
const same = app && app.firstChild && app.firstChild.nodeType === 8 && page
  && new URL(page.content, document.baseURI).pathname === location.pathname && !oldLink;
// A region's page not visited yet, offline: the service worker serves the
// landing page for it, and the finder shows the region from its election's
// bundle (or, failing that, asks for the full app, which shows any page).
const under = location.pathname.slice(new URL(document.baseURI).pathname.length);
const arrived = app && page && !same && /^[^/]+\/[^/]+\/$/.test(under) && !oldLink;
document.addEventListener('sc-finder-cannot', () => start('app'));
// A landing or election page: its postcode box is the finder's.
const finderPage = (same || arrived) && !embed && app.querySelector('.sc-finder');
const wait = same && Date.now() / 60000 < Number(page.dataset.until)
  && !(remembered() && document.getElementById('sc-postcode'));
let pressing;
// Copies `words` and then, once it is done, says so in the share buttons'
// live region (the app's, if it has taken over meanwhile): with the
// clipboard API, else the old way (Safari before 13.1, a page not served
// over https), both while the tap still counts as the member's.
function copyNow(words, copied) {
  const said = copied || (() => {
    const status = document.getElementById('sc-share-status');
    if (status) show(status, document.getElementById('sc-copied'));
  });
  const old = () => {
    const back = document.activeElement;
    const area = document.createElement('textarea');
    area.value = words;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    area.setSelectionRange(0, words.length);
    let ok;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    if (back && back.focus) back.focus({ preventScroll: true });
    if (ok) said();
  };
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(words).then(said, old);
  else old();
}

// Share and copy, before the app runs or where it cannot: what they share is
// in the page (components/advice.rs), and browsers allow sharing and copying
// only while the tap still counts as the member's, not seconds later when
// the app has arrived to replay it. As web::share: the phone's share sheet,
// else the link copied.
function shareNow(el) {
  // An embed snippet's "Copy": the text of the snippet it names.
  const snippet = el.dataset.scCopy && document.getElementById(el.dataset.scCopy);
  if (snippet) {
    copyNow(snippet.value, () => {});
    return true;
  }
  const box = el.closest('.sc-share');
  const id = el.dataset.testid;
  if (!box || !/^(share-page|share-election|copy-order)$/.test(id)) return false;
  // The page names the address it was built for; this copy of it may be
  // served from another. The page's own path (sc-page) ends the built
  // address of the page: what comes before it is the built site's, and
  // becomes this one's.
  const built = box.querySelector('[data-testid=share-page]').dataset.url || '';
  const path = page ? page.content : '';
  const site = path && built.slice(-path.length) === path ? built.slice(0, built.length - path.length) : '';
  const live = (s) => (site ? s.split(site).join(document.baseURI) : s);
  const text = live(box.dataset.text || '');
  if (id === 'copy-order') {
    copyNow(text);
    return true;
  }
  const url = live(el.dataset.url || '');
  // The share sheet; in a frame (where browsers refuse it unless the host
  // allows it) or where it is refused, the link copied instead. A sheet the
  // member closed (AbortError) needs no answer.
  let shared = false;
  try {
    if (navigator.share && window.top === window) {
      navigator.share(id === 'share-page' ? { url: url, text: text } : { url: url })
        .catch((e) => { if (!e || e.name !== 'AbortError') copyNow(url); });
      shared = true;
    }
  } catch (e) { shared = false; }
  if (!shared) copyNow(url);
  return true;
}

// A postcode asked for while a module is still on its way (seconds on a
// slow phone) is answered at once with what it will say first.
function lookingUp(t, el, e) {
  if (!el) return;
  const box = document.getElementById('sc-postcode');
  const asked = (t === 'click' && el.dataset.testid === 'postcode-submit') || (t === 'keydown' && e.key === 'Enter' && el === box);
  const answer = document.querySelector('[data-testid=postcode-answer]');
  if (asked && box && box.value.trim() && answer) show(answer, document.getElementById('sc-looking-up'));
}

function reach(e) {
  const t = e.type;
  const el = e.target.closest ? e.target.closest('input,textarea,select,button,summary') : null;
  // (Whichever module drew the page: the full app's #app too.)
  const shown = document.getElementById('app');
  if (t === 'click' && el && shown && shown.contains(el) && shareNow(el)) return;
  // While the full app is on its way (it was reached for: the election
  // drop-down, say), what the member does next is its to do: held here and
  // replayed there, so that the finder, if it runs, does not act on it first
  // (a region tapped after another election was chosen is that election's).
  const link = t === 'click' && e.target.closest ? e.target.closest('a[href]') : null;
  const held = (link && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.button === 0)
    || (t === 'click' && el && el.tagName === 'BUTTON')
    || (t === 'keydown' && e.key === 'Enter' && el && el.tagName === 'INPUT');
  if (held && same && started.app && !broken && document.getElementById('app') === app && app.contains(e.target)) {
    e.preventDefault();
    e.stopPropagation();
    replay.push([link || el, t === 'keydown' ? 'Enter' : 'click']);
    lookingUp(t, el, e);
    return;
  }
  if (el && finderBox && finderBox.contains(el)) return;
  // The postcode box (and the remembered region's "Forget") is the
  // finder's on the pages that have one; anything else is the full app's.
  const which = el && finderPage && !started.app && el.closest('.sc-finder') ? 'finder' : 'app';
  if (broken) return;
  // A tap starts the app with its click (else soon after, if none comes).
  if (pressing === 1 && /^pointer[uc]/.test(t)) {
    pressing = 0;
    setTimeout(() => start(which), 500);
  }
  if (!el || !app.contains(el)) return;
  if (t === 'focusin') focused = el;
  if (started[which]) {
    // Until the app has taken over: taps and Enter are replayed there.
    if (t === 'click' && el.tagName === 'BUTTON') replay.push([el, 'click']);
    if (t === 'keydown' && e.key === 'Enter' && el.tagName === 'INPUT') replay.push([el, 'Enter']);
    lookingUp(t, el, e);
  } else if (t === 'pointerdown') {
    // Let the tap end on the page as it is (its click is replayed): the app
    // never replaces what is under a finger, which would lose the click. A
    // drop-down waits for the choice.
    pressing = el.tagName === 'SELECT' ? 2 : 1;
  } else if (!/^pointer/.test(t) && (t !== 'focusin' || !pressing)) {
    start(which);
    reach(e);
  }
}
// Back and Forward show the page the address names. The island and the
// full app move between pages themselves; where neither does (a page
// reloaded, or restored in a background tab, after the island had pushed its
// address), the browser changes the address and keeps the page: load it.
if (app && !embed && page) {
  addEventListener('popstate', () => setTimeout(() => {
    if (document.getElementById('app') !== app) return; // the full app's
    const shown = new URL(page.content, document.baseURI).pathname;
    if (shown !== location.pathname) location.reload();
  }));
}

// A release that changed this page's orders since the page was opened (a tab
// left open, a copy from the cache): said at the top, with a reload. The
// service worker fetches orders.json from the network first.
const orders = page && page.dataset.orders ? page.dataset.orders.split(' ')[0] : '';
let checked = 0;
let corrected = false;
// (At most once a minute when it is only the tab coming back to the front.)
function checkOrders(often) {
  if (!orders || corrected || embed || !app || (often === true && Date.now() - checked < 60000)) return;
  checked = Date.now();
  fetch(new URL('orders.json', document.baseURI), { cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : null))
    .then((all) => {
      const id = orders.split(':')[0];
      if (!all || !all[id] || all[id] === orders || corrected) return;
      corrected = true;
      const note = document.createElement('div');
      show(note, document.getElementById('sc-corrected'));
      const button = note.querySelector('[data-sc-reload]');
      if (button) button.addEventListener('click', () => location.reload());
      app.parentNode.insertBefore(note, app);
    })
    .catch(() => {});
}
if ('serviceWorker' in navigator && !embed) {
  // A new release's worker has taken over.
  navigator.serviceWorker.addEventListener('controllerchange', () => checkOrders());
  // A page that may have come from the cache.
  if (navigator.serviceWorker.controller) painted.then(() => checkOrders());
}
// A tab restored from the back/forward cache, or brought back to the front.
addEventListener('pageshow', (e) => { if (e.persisted) checkOrders(); });
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') checkOrders(true); });

if (noWasm) failed(noWasm);
// (With no WebAssembly too: share and copy work without it.)
if (app && !embed) {
  for (const t of ['pointerdown', 'pointerup', 'pointercancel', 'focusin', 'keydown', 'click', 'change']) addEventListener(t, reach, true);
}
if (!wait) start();
else {
  // The view named in the address (#ballot-paper), as the app would open it.
  const view = location.hash && document.getElementById(location.hash.slice(1));
  if (view) view.open = true;
  // Fetched and compiled once the page has loaded and painted, when the
  // browser is idle: never in the way of the page's first paint.
  // Only the finder, on pages with a postcode box. A result page reads in
  // full without either module: the full app is fetched only once the
  // member reaches for one of its controls, so that a link opened from a
  // message costs the page alone.
  if (finderPage) painted.then(() => (window.requestIdleCallback || setTimeout)(() => prepare('finder').catch(failed), { timeout: 3000 }));
}
