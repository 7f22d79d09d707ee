/*! slatecard embed loader: turns <div data-slatecard> placeholders and
 * <slatecard-widget> elements into lazy iframes of the widget that resize
 * themselves. No dependencies, no cookies, no storage. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__slatecardLoader) return;
  window.__slatecardLoader = true;
  var base = new URL('./', script.src);
  var origin = base.origin;
  var frames = [];
  var OPTIONS = ['election', 'region', 'theme', 'accent', 'lang'];

  function option(el, name) {
    return el.getAttribute('data-' + name) || el.getAttribute(name);
  }

  function widgetUrl(el) {
    var url = new URL(base.href);
    url.searchParams.set('embed', '1');
    OPTIONS.forEach(function (name) {
      var v = option(el, name);
      if (v) url.searchParams.set(name, v);
    });
    return url.href;
  }

  // The frame's title in the widget's language, as the widget reads
  // `lang` (`cy` in any case is Welsh; anything else, English).
  function frameTitle(el) {
    var lang = option(el, 'lang');
    return lang && lang.toLowerCase() === 'cy' ? '{{sc:frame_title_cy}}' : '{{sc:frame_title}}';
  }

  function upgrade(el) {
    if (el.getAttribute('data-slatecard-ready')) return;
    el.setAttribute('data-slatecard-ready', '1');
    var frame = document.createElement('iframe');
    frame.src = widgetUrl(el);
    frame.title = el.getAttribute('data-title') || frameTitle(el);
    frame.loading = 'lazy';
    frame.setAttribute('scrolling', 'no');
    frame.style.cssText = 'display:block;width:100%;max-width:100%;border:0;height:480px;overflow:hidden';
    el.textContent = '';
    el.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== 'slatecard:height' || typeof data.height !== 'number') return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var h = Math.max(120, Math.min(4000, Math.ceil(data.height)));
        frames[i].style.height = h + 'px';
      }
    }
  });

  if (window.customElements && !customElements.get('slatecard-widget')) {
    customElements.define('slatecard-widget', class extends HTMLElement {
      connectedCallback() { upgrade(this); }
    });
  }

  function scan() {
    var els = document.querySelectorAll('[data-slatecard]');
    for (var i = 0; i < els.length; i++) upgrade(els[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
