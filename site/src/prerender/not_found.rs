//! The "not found" page (`404.html` at the top of `dist/`), which static
//! hosts (Netlify, Cloudflare Pages, GitHub Pages; nginx with `error_page`,
//! `docs/deploying.md`) send with a 404 for an address that has no file.
//! Without it, Cloudflare Pages answers every such address with the landing
//! page and a 200, and nginx with a bare error page. Plain HTML, no script;
//! its links are absolute, since it is served at any depth.

use crate::domain::escape::html_escape;
use crate::domain::link::address_table;
use crate::text::{catalogue, tag, Catalogue as _, Lang};
use base64::Engine as _;
use sha2::{Digest as _, Sha256};

/// The page's file name, at the top of `dist/`.
pub const FILE: &str = "404.html";

/// The page, linking to the landing page at `base` (the app's published
/// address, ending in `/`).
pub fn not_found_page(base: &str) -> String {
    let lang = Lang::default();
    let t = catalogue(lang);
    let p = t.print_text();
    let script = redirect_script(base);
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()));
    let base = html_escape(base);
    format!(
        "<!doctype html><html lang={lang}><meta charset=utf-8>\
         <meta name=viewport content=\"width=device-width, initial-scale=1\">\
         <meta name=color-scheme content=\"light dark\">\
         <meta name=robots content=noindex>\
         <meta http-equiv=Content-Security-Policy content=\"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'\">\
         <link rel=icon href=\"{base}favicon.svg\" type=image/svg+xml>\
         <title>{title} — {brand}</title>\
         <style>body{{font:1.125rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:36rem;padding:1.5rem}}\
         a{{font-weight:600}}</style>\
         <script>{script}</script>\
         <main><p>{brand}</p><h1>{title}</h1><p>{body}</p><p><a href=\"{base}\">{link}</a></p></main>\n",
        lang = tag(lang),
        title = html_escape(p.not_found),
        brand = html_escape(t.label(crate::text::Label::Brand)),
        body = html_escape(p.not_found_body),
        link = html_escape(p.not_found_link),
    )
}

/// The 404 page's script: the address's first two folders, folded, looked
/// up in Rust's table; a known election (and region) named otherwise than
/// its page's address is sent there, with the query and fragment. Anything
/// else stays on the 404 page. `base` is the app's published address; the
/// script holds no `<`, so it sits in the page as it is.
fn redirect_script(base: &str) -> String {
    let base = base.replace(['\\', '\'', '<', '>'], "");
    format!(
        "(function(){{var k={table},b=new URL('{base}').pathname,p=location.pathname,s,e,r;\
         if(p.indexOf(b)!==0)return;\
         try{{s=decodeURIComponent(p.slice(b.length)).split('/').filter(Boolean)}}catch(x){{return}}\
         var f=function(v){{return v.replace(/[^A-Za-z0-9]/g,'').toLowerCase()}};\
         if(s.length<1||s.length>2)return;e=k.e[f(s[0])];if(!e)return;\
         if(s[1]){{r=k.r[f(s[1])];if(!r)return}}\
         var to=b+e+'/'+(r?r+'/':'');\
         if(to!==p)location.replace(to+location.search+location.hash)}})()",
        table = address_table(),
    )
}
