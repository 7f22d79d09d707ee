// slatecard's start-up script (static/start.js): site/src/csp.rs puts it in
// each page, minified, in place of Trunk's loader.
//
// Every page a member can reach is pre-rendered and complete: its order,
// its links, and its controls as HTML. This script gives the controls what
// HTML alone cannot: the election choice opens that election's page, the
// ballot-paper view is kept in the address, the embed preview is put in its
// panel when opened, share and copy, a corrected order said at the top.
// It runs one module at most, and takes nothing over:
// - on the landing and election pages, the postcode island (src/finder.rs),
//   which runs the postcode box in place. It is fetched and compiled once
//   the page is painted, and started when the member reaches for the box (or
//   at once, for a remembered region or a page served for another
//   address). A postcode asked for before it runs is recorded here and
//   handed to it once it runs: answered once, never lost;
// - on `?embed` pages, the blogs' module (the widget), at once.
// If it cannot start, the postcode box says so; the page stays usable.
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
// The widget's styles, which only `?embed` pages use (member pages do not
// carry them): asked for at once, and the widget waits for them.
let styled;
if (embed && app) {
  // The widget is not the pre-rendered page: show only "Loading" until it
  // starts, in the widget's styles (body.sc-embed).
  document.body.classList.add('sc-embed');
  show(app, document.getElementById('sc-loading'));
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = new URL('widget.css', document.baseURI).href;
  styled = new Promise((done) => { sheet.onload = sheet.onerror = done; });
  document.head.appendChild(sheet);
}
// `box` with only the content of `template` (if any) in it.
function show(box, template) {
  box.textContent = '';
  if (template) box.appendChild(template.content.cloneNode(true));
}
const byId = (id) => document.getElementById(id);
// The postcode box's parts (src/components/postcode_form.rs).
const field = byId('sc-postcode');
const answer = byId('sc-postcode-answer');
const finderPage = !embed && app && app.querySelector('.sc-finder');

let broken = false;
function failed(error) {
  // Said once: reaching for "Try again" must not start (and fail) it again.
  if (broken) return;
  broken = true;
  console.error('slatecard could not start:', error);
  if (embed) {
    if (app) show(app, byId('sc-widget-failed'));
  } else if (finderPage && answer) {
    // The box cannot look up: said in it, with a retry. The list of
    // regions and everything else on the page work without the module.
    for (const el of finderPage.querySelectorAll('input, button')) el.setAttribute('disabled', '');
    show(answer, byId('sc-app-failed'));
  } else return;
  const retry = document.querySelector('[data-sc-retry]');
  if (retry) {
    retry.removeAttribute('disabled');
    retry.addEventListener('click', () => location.reload());
  }
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
// As soon as the browser has painted the page's largest element, where it
// says so (Chromium, Firefox: the largest-contentful-paint entry), without
// waiting for the load event and two frames; else as `painted`. For the
// island's module, which a member in a hurry needs soon: requested after the
// largest paint, it never shares the network with it.
const largestPainted = new Promise((done) => {
  painted.then(done);
  try {
    const seen = new PerformanceObserver(() => { seen.disconnect(); done(); });
    seen.observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (e) { /* an engine without it: `painted` */ }
});
// Installable, offline and instant on a repeat visit: the web app manifest
// (a Welsh page's, `<html lang=cy>`, is the Welsh one: the Welsh app, at cy/)
// and the app's own service worker (sw.js, written by site/src/sw.rs), for the
// full page only (never in a frame). The manifest is linked here, after the
// paint: linked in the HTML, browsers fetch it while the page is painted
// (Lighthouse counted it against the largest paint: LCP 1.19 → 1.09 × the
// static page's, reports/lighthouse.md). Neither works without script anyway.
const welshPage = document.documentElement.lang === 'cy';
if (!embed && window.top === window) {
  painted.then(() => {
    const manifest = document.createElement('link');
    manifest.rel = 'manifest';
    manifest.href = new URL(welshPage ? 'manifest-cy.webmanifest' : 'manifest.webmanifest', document.baseURI).href;
    document.head.append(manifest);
    if ('serviceWorker' in navigator) return navigator.serviceWorker.register(new URL('sw.js', document.baseURI));
  }).catch(() => {});
}

// The page's module, fetched once: the blogs' on `?embed` pages, else the
// member's (the postcode island, English or Welsh). Their addresses are the build's: in the
// page's JSON block (site/src/csp.rs writes it from Trunk's loader;
// site/src/hash_names.rs names the files), so this file is the same whatever
// the build.
const built = JSON.parse((byId('sc-modules') || {}).textContent || '{}');
const noWasm = typeof WebAssembly !== 'object' && Error('this browser has no WebAssembly');
let ready;
const prepare = () => ready || (ready = (async () => {
  if (noWasm) throw noWasm;
  // A Welsh page (`<html lang=cy>`) runs the Welsh island: the same module
  // with Welsh words only.
  const welsh = welshPage && built.cy;
  const [glueAt, wasmAt] = embed ? built.embed : welsh || built.app;
  const wasm = fetch(new URL(wasmAt, document.baseURI)).then((r) => {
    if (!r.ok) throw Error(r.status); // (HTTP)
    // Streaming needs the application/wasm type (and Safari 15); any server
    // and engine will do without.
    const streamed = WebAssembly.compileStreaming ? WebAssembly.compileStreaming(r.clone()) : Promise.reject();
    return streamed.catch(async () => WebAssembly.compile(await r.arrayBuffer()));
  });
  return Promise.all([import(glueAt), wasm, styled]);
})());

// A postcode asked for before the island runs (its text when asked), and
// whether it runs.
let asked = null;
let running = false;
let started;
// What the island fetches first, asked for as it starts, beside its module
// (not at idle: a member who only reads never needs them): the postcode
// table and the election's pages (`nec-2026/regions.html`), which the
// island's own requests then take from the preload.
function preload(href) {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = new URL(href, document.baseURI).href;
  document.head.appendChild(link);
}
function start() {
  if (!started && !embed && finderPage && built.table) {
    preload(built.table);
    if (!servedFor && finderPage.dataset.election) preload(finderPage.dataset.election + 'regions.html');
  }
  if (!started) started = prepare().then(async ([bindings, module]) => {
    await bindings.default({ module_or_path: module });
    // The island now listens to the box itself.
    running = true;
    window.wasmBindings = bindings;
    if (asked !== null && bindings.asked) {
      const postcode = asked;
      asked = null;
      bindings.asked(postcode);
    }
  }).catch(failed);
}

// The postcode box before the island runs: reaching for it starts the
// island; a lookup asked for (Enter, or "Find my region") is recorded, and
// answered with what the island will say first.
function reach(e) {
  if (running || broken || !finderPage) return;
  const t = e.type;
  const el = e.target;
  if (!el || !el.closest || !finderPage.contains(el)) return;
  const enter = t === 'keydown' && e.key === 'Enter' && el === field;
  const button = t === 'click' && el.closest('#sc-postcode-submit');
  if (enter || button) {
    e.preventDefault();
    asked = field.value;
    if (asked.trim() && answer) show(answer, byId('sc-looking-up'));
  }
  start();
}
if (finderPage) {
  for (const t of ['pointerdown', 'focusin', 'keydown', 'click']) addEventListener(t, reach, true);
}

// The election choice opens that election's page (each option's
// `data-path`, for the same region): chosen with a pointer, at once; with
// the arrow keys (which change a closed drop-down as they go), once
// confirmed with Enter or by leaving the field, so that stepping through
// the list does not leave the page.
// (Listened to on the document: a region's page the island shows from the
// election's bundle brings its own drop-down.)
const isChoice = (el) => el && el.id === 'sc-election' && el.tagName === 'SELECT';
// The option a drop-down was drawn with.
const drawnWith = (select) => {
  const first = [...select.options].find((o) => o.defaultSelected);
  return first ? first.value : undefined;
};
if (!embed) {
  let keyed = false;
  const go = (select) => {
    keyed = false;
    const option = select.options[select.selectedIndex];
    if (!option || option.value === drawnWith(select) || !option.dataset.path) return;
    location.assign(new URL(option.dataset.path, document.baseURI).href);
  };
  document.addEventListener('pointerdown', (e) => { if (isChoice(e.target)) keyed = false; }, true);
  document.addEventListener('keydown', (e) => {
    if (!isChoice(e.target)) return;
    if (e.key === 'Enter') go(e.target);
    else if (e.key !== 'Tab' && e.key !== 'Shift') keyed = true;
  }, true);
  document.addEventListener('change', (e) => { if (isChoice(e.target) && !keyed) go(e.target); }, true);
  document.addEventListener('blur', (e) => { if (isChoice(e.target) && keyed) go(e.target); }, true);
  // A page come back to from the back/forward cache shows its own election.
  addEventListener('pageshow', () => {
    const select = byId('sc-election');
    const own = select && drawnWith(select);
    if (own !== undefined) select.value = own;
  });
}

// The page names the address it was built for (share, copy, the embed
// preview); this copy of it may be served from another. The canonical link
// is the built address of the page, and ends with the page's own path
// (sc-page): what comes before it is the built site's, and becomes this
// one's.
const page = document.querySelector('meta[name=sc-page]');
// A region's page never visited, offline: the service worker serves the
// landing page for it, and the island shows the region from its election's
// pages at once.
const servedFor = page && new URL(page.content, document.baseURI).pathname !== location.pathname;
const canonical = document.querySelector('link[rel=canonical]');
const builtAt = canonical ? canonical.getAttribute('href') : '';
const own = page ? page.content : '';
const site = builtAt && builtAt.slice(builtAt.length - own.length) === own ? builtAt.slice(0, builtAt.length - own.length) : '';
const live = (s) => (site && site !== document.baseURI ? s.split(site).join(document.baseURI) : s);

// The ballot-paper view is kept in the address (`#ballot-paper`), in place,
// so a reload or a shared link opens it; the embed panel's preview is put in
// it once opened (it loads the blogs' module).
const VIEW = 'ballot-paper';
const view = location.hash === '#' + VIEW && byId(VIEW);
if (view) view.open = true;
document.addEventListener('toggle', (e) => {
  const d = e.target;
  if (d.id === VIEW) {
    const hash = d.open ? '#' + VIEW : '';
    if (location.hash !== hash && (d.open || location.hash === '#' + VIEW)) {
      try {
        history.replaceState(history.state, '', location.pathname + location.search + hash);
      } catch (err) { /* a sandboxed frame: the view works without it */ }
    }
  }
  const preview = d.open && d.classList && d.classList.contains('sc-embed-panel') && d.querySelector('template[data-sc-preview]');
  if (preview) {
    // The snippets name this copy's address, as share and copy do.
    for (const snippet of d.querySelectorAll('textarea')) snippet.value = live(snippet.value);
    const shown = preview.content.cloneNode(true);
    const frame = shown.querySelector('iframe');
    if (frame) frame.setAttribute('src', live(frame.getAttribute('src')));
    d.replaceChild(shown, preview);
  }
}, true);

const remembered = () => { try { return localStorage.getItem('slatecard:region'); } catch (e) { return null; } };

// The other language, offered once at the top to a browser whose first
// language it is (`<template id=sc-language-offer data-lang=cy>`, in that
// language): never a redirect. Taking or declining it is remembered on
// this device, where storage allows, and it is not offered again.
const OFFERED = 'slatecard:language-offer';
function offerLanguage() {
  const offer = byId('sc-language-offer');
  const main = byId('main');
  if (!offer || !main || embed) return;
  let answered = null;
  try { answered = localStorage.getItem(OFFERED); } catch (e) { /* no storage: offered each time */ }
  const first = ((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase();
  if (answered || first.split('-')[0] !== offer.dataset.lang) return;
  const shown = offer.content.firstElementChild.cloneNode(true);
  shown.addEventListener('click', (e) => {
    const choice = e.target.closest('[data-sc-offer]');
    if (!choice) return;
    try { localStorage.setItem(OFFERED, choice.dataset.scOffer); } catch (err) { /* not remembered */ }
    if (choice.dataset.scOffer === 'no') shown.remove();
  });
  main.prepend(shown);
}
offerLanguage();

// What a ballot's status says changes with the clock ("Voting closes in 3
// days", then "Voting closed"): a page drawn before such a change (an old
// copy, a tab left open) says what is true now. The page carries the words
// of each later change (`#sc-later`, written at build time from the
// message catalogue): [minute since the Unix epoch, words, voting open].
const later = JSON.parse((byId('sc-later') || {}).textContent || '[]');
function brought() {
  const now = Date.now() / 60000;
  const due = later.filter((l) => l[0] <= now).pop();
  if (!due) return;
  for (const el of document.querySelectorAll('[data-testid=election-status]')) {
    // A new element, as a new status is drawn (never text patched under a
    // translating browser's own elements).
    const fresh = el.cloneNode(false);
    fresh.textContent = due[1];
    fresh.classList.toggle('sc-status--open', due[2]);
    el.parentNode.replaceChild(fresh, el);
  }
  // A calendar reminder of the close is offered only while voting is open.
  if (!due[2]) for (const el of document.querySelectorAll('.sc-reminder')) el.parentNode.removeChild(el);
}
if (!embed) {
  brought();
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') brought(); });
}

// An old-style link naming an election or region we do not know: the
// page's head sent it here with the name (`unknown-election`,
// `unknown-region`), which is said at the top, in the page's words; the
// address is then the page's own.
if (app && !embed) {
  const main = byId('main');
  const query = new URLSearchParams(location.search);
  let told = false;
  for (const kind of ['region', 'election']) {
    const name = query.get('unknown-' + kind);
    const words = byId('sc-unknown-' + kind);
    if (name === null || !words || !main) continue;
    const note = words.content.cloneNode(true);
    const slot = note.querySelector('[data-sc-name]');
    if (slot) slot.textContent = name;
    main.insertBefore(note, main.firstChild);
    told = true;
  }
  if (told) {
    try {
      history.replaceState(history.state, '', location.pathname + location.hash);
    } catch (e) { /* the notice is said either way */ }
  }
}

// Copies `words` and then, once it is done, says so in the share buttons'
// live region: with the clipboard API, else the old way (Safari before
// 13.1, a page not served over https), both while the tap still counts as
// the member's.
function copyNow(words, copied) {
  const said = copied || (() => {
    const status = byId('sc-share-status');
    if (status) show(status, byId('sc-copied'));
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

// Share and copy: what they share is in the page (components/advice.rs),
// and browsers allow sharing and copying only while the tap still counts as
// the member's. The phone's share sheet, else the link copied.
function shareNow(el) {
  // An embed snippet's "Copy": the text of the snippet it names.
  const snippet = el.dataset.scCopy && byId(el.dataset.scCopy);
  if (snippet) {
    copyNow(snippet.value, () => {});
    return;
  }
  const box = el.closest('.sc-share');
  const id = el.dataset.testid;
  if (!box || !/^(share-page|share-election|copy-order)$/.test(id)) return;
  const text = live(box.dataset.text || '');
  if (id === 'copy-order') {
    copyNow(text);
    return;
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
}
if (app && !embed) {
  app.addEventListener('click', (e) => {
    const el = e.target.closest ? e.target.closest('button') : null;
    if (el) shareNow(el);
  });
}

// Back and Forward show the page the address names. The island moves
// between the pages it shows itself; where it does not (a page reloaded, or
// restored in a background tab, after the island had pushed its address),
// the browser changes the address and keeps the page: load it.
if (app && !embed && page) {
  addEventListener('popstate', () => setTimeout(() => {
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
      show(note, byId('sc-corrected'));
      const button = note.querySelector('[data-sc-reload]');
      if (button) button.addEventListener('click', () => location.reload());
      app.parentNode.insertBefore(note, app);
    })
    .catch(() => {});
}
if ('serviceWorker' in navigator && !embed) {
  // A new release's worker has taken over. (Not the first worker taking a
  // page just fetched from the network: nothing to check on a first visit.)
  let controlled = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) checkOrders();
    controlled = true;
  });
  // A page that may have come from the cache.
  if (navigator.serviceWorker.controller) painted.then(() => checkOrders());
}
// A tab restored from the back/forward cache, or brought back to the front.
addEventListener('pageshow', (e) => { if (e.persisted) checkOrders(); });
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') checkOrders(true); });

// Which module runs, and when.
if (noWasm) {
  if (embed || finderPage) failed(noWasm);
} else if (embed) start();
else if (finderPage) {
  if (servedFor || (remembered() && field)) start();
  // Else fetched and compiled (off the main thread) as soon as the page's
  // largest element has been painted, never in the way of that paint, and
  // run when the member reaches for the box: a member in a hurry has typed
  // their postcode within a second or two (benches/hurried.mjs).
  else largestPainted.then(() => prepare().catch(failed));
}
