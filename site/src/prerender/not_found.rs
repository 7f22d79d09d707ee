//! The "not found" page (`404.html` at the top of `dist/`), which static
//! hosts (Netlify, Cloudflare Pages, GitHub Pages; nginx with `error_page`,
//! `docs/deploying.md`) send with a 404 for an address that has no file.
//! Without it, Cloudflare Pages answers every such address with the landing
//! page and a 200, and nginx with a bare error page. Plain HTML and one
//! small script; its links are absolute, since it is served at any depth.
//!
//! **One page for both languages.** GitHub Pages sends only the top
//! `404.html`, and so do Netlify and the guide's nginx block
//! (`error_page 404 /404.html`): a `cy/404.html` would never be sent on
//! most documented hosts. So the one page carries both languages' few
//! words, each in its own block marked with its `lang`, and its script
//! (run in the head, before anything is drawn) reads the address: under
//! `cy/` (in any case) the page is Welsh (`<html lang=cy>`, the Welsh
//! title, only the Welsh block, which links to the Welsh landing page),
//! elsewhere English. Without script both blocks show, English first.

use crate::domain::escape::html_escape;
use crate::domain::link::address_table;
use crate::text::{catalogue, tag, Catalogue as _, Label, Lang};
use base64::Engine as _;
use sha2::{Digest as _, Sha256};

/// The page's file name, at the top of `dist/`.
pub const FILE: &str = "404.html";

/// The page's title in `lang`.
fn title(lang: Lang) -> String {
    let t = catalogue(lang);
    format!("{} — {}", t.print_text().not_found, t.label(Label::Brand))
}

/// The words of the page in `lang`, in a block marked with its language
/// (`l-en`, `l-cy`: the style shows the address's only), linking to that
/// language's landing page under `base`.
fn block(lang: Lang, base: &str) -> String {
    let p = catalogue(lang).print_text();
    let home = match lang.prefix() {
        Some(prefix) => format!("{base}{prefix}/"),
        None => base.to_owned(),
    };
    format!(
        "<div class=l-{short} lang={tag}><h1>{title}</h1><p>{body}</p><p><a href=\"{home}\">{link}</a></p></div>",
        short = lang.prefix().unwrap_or("en"),
        tag = tag(lang),
        title = html_escape(p.not_found),
        body = html_escape(p.not_found_body),
        home = html_escape(&home),
        link = html_escape(p.not_found_link),
    )
}

/// The page, linking to the landing page at `base` (the app's published
/// address, ending in `/`), or to the Welsh one at an address under `cy/`.
pub fn not_found_page(base: &str) -> String {
    let script = redirect_script(base);
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()));
    let t = catalogue(Lang::En);
    format!(
        "<!doctype html><html lang={lang}><meta charset=utf-8>\
         <meta name=viewport content=\"width=device-width, initial-scale=1\">\
         <meta name=color-scheme content=\"light dark\">\
         <meta name=robots content=noindex>\
         <meta http-equiv=Content-Security-Policy content=\"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'\">\
         <link rel=icon href=\"{icon}favicon.svg\" type=image/svg+xml>\
         <title>{title}</title>\
         <style>body{{font:1.125rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:36rem;padding:1.5rem}}\
         a{{font-weight:600}}[data-l=en] .l-cy,[data-l=cy] .l-en{{display:none}}</style>\
         <script>{script}</script>\
         <main><p>{brand}</p>{english}{welsh}</main>\n",
        lang = tag(Lang::En),
        icon = html_escape(base),
        title = html_escape(&title(Lang::En)),
        brand = html_escape(t.label(Label::Brand)),
        english = block(Lang::En, base),
        welsh = block(Lang::Cy, base),
    )
}

/// The 404 page's script. First the language: an address under `cy/` (in
/// any case) shows the Welsh words (`<html lang=cy>`, the Welsh title),
/// any other the English. Then the address's folders after `cy/`, if any,
/// folded and looked up in Rust's table: a known election (and region)
/// named otherwise than its page's address is sent there, in the same
/// language, with the query and fragment (`/CY/` alone to the Welsh landing
/// page); a region alone (`/london/`) to the latest election's page for it.
/// An unknown region of a known election (`/nec-2026/atlantis/`), or an
/// unknown election named like one (`/nec-2030/london/`: it starts with
/// "nec"), goes to the landing page as an old-style link
/// (`?election=…&region=…`), whose redirect ([`crate::csp::REDIRECT`])
/// says which name is unknown and shows what it can. Anything else stays on
/// the 404 page. `base` is the app's
/// published address; the script holds no `<`, so it sits in the page as
/// it is.
fn redirect_script(base: &str) -> String {
    let base = base.replace(['\\', '\'', '<', '>'], "");
    // A JSON string (ASCII, `<` escaped) is a JavaScript string.
    let welsh_title = crate::json_ascii(&title(Lang::Cy), false)
        .unwrap_or_else(|_| "document.title".to_owned())
        .replace('<', "\\u003c");
    format!(
        "(function(){{var k={table},b=new URL('{base}').pathname,p=location.pathname,d=document.documentElement,w=[],s,c,e,r,to;\
         if(p.indexOf(b)===0)w=p.slice(b.length).split('/').filter(Boolean);\
         c=w.length>0&&w[0].toLowerCase()==='cy';\
         if(c){{d.lang='cy';document.title={welsh_title}}}\
         d.setAttribute('data-l',c?'cy':'en');\
         try{{s=w.slice(c?1:0).map(decodeURIComponent)}}catch(x){{return}}\
         var f=function(v){{return v.replace(/[^A-Za-z0-9]/g,'').toLowerCase()}};\
         if(s.length>2||(!s.length&&!c))return;\
         var h=b+(c?'cy/':''),q=function(v,x){{location.replace(h+'?election='+encodeURIComponent(v)+(x?'&region='+encodeURIComponent(x):'')+location.hash)}};\
         if(s.length){{e=k.e[f(s[0])];\
         if(!e){{r=s.length===1&&k.r[f(s[0])];if(r)e=k.l;else{{if(f(s[0]).indexOf('nec')===0)q(s[0],s[1]);return}}}}\
         else if(s[1]){{r=k.r[f(s[1])];if(!r)return q(e,s[1])}}}}\
         to=h+(e?e+'/':'')+(r?r+'/':'');\
         if(to!==p)location.replace(to+location.search+location.hash)}})()",
        table = address_table(),
    )
}
