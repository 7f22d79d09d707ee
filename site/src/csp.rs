//! The pages' Content-Security-Policy, and what makes it possible: Trunk's
//! inline loader swapped for our start-up script (`static/start.js`) with
//! the modules' addresses beside it as a JSON block (`<script
//! type="application/json" id="sc-modules">`), the stylesheets and the icon
//! put inline, and later ([`inline_start`]) the minified start-up script and
//! the old-link redirect put inline, each allowed by its hash.
//!
//! Policy: only the app's own origin, plus `'wasm-unsafe-eval'` to compile
//! the WebAssembly; no inline script or style but ours, each allowed by its
//! hash; no forms; frames only of itself (the "Embed this" preview). The
//! origin is named as well as `'self'` because in a sandboxed frame
//! (WordPress's oEmbed) the page's origin is opaque and WebKit then matches
//! nothing against `'self'`. Re-running replaces the policy.

use super::{csp_hash, json_ascii, pages, read, rewrite, root, set_attributes, write};
use lol_html::html_content::ContentType;
use lol_html::{element, text, RewriteStrSettings};
use std::cell::RefCell;
use std::path::Path;

/// The policy, for `origin` (`'self' http://host:port`), with the hash
/// sources of the page's inline `scripts` and `styles` (each with a space
/// before it).
pub fn policy(origin: &str, scripts: &[String], styles: &[String]) -> String {
    let list = |hashes: &[String]| hashes.iter().map(|h| format!(" {h}")).collect::<String>();
    format!(
        "default-src {o}; script-src {o} 'wasm-unsafe-eval'{s}; style-src {o}{st}; \
         img-src {o} data:; connect-src {o}; frame-src {o}; object-src 'none'; \
         base-uri {o}; form-action 'none'",
        o = origin,
        s = list(scripts),
        st = list(styles)
    )
}

/// The policy's origin for the app published at `url`:
/// `'self' scheme://host[:port]`. Errors unless `url` is http(s).
pub fn origin_of(url: &str) -> Result<String, String> {
    let (scheme, rest) = url
        .split_once("://")
        .filter(|(s, _)| *s == "http" || *s == "https")
        .ok_or_else(|| format!("not an http(s) URL: {url}"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        return Err(format!("not an http(s) URL: {url}"));
    }
    Ok(format!("'self' {scheme}://{host}"))
}

/// The modules' addresses, from Trunk's inline loader `trunk`, as the JSON
/// block start.js reads: the member's (`app`: the postcode island) and the
/// blogs' (`embed`), each `[glue, wasm]`, and the postcode table's (`table`,
/// beside the modules; [`super::hash_names`] puts its content name in).
pub fn modules_json(trunk: &str) -> Result<String, String> {
    let between = |start: &str| {
        let i = trunk.find(start)? + start.len();
        let end = trunk[i..].find('\'')?;
        Some(trunk[i..i + end].to_owned())
    };
    let changed =
        || format!("Trunk's start-up script has changed; update site/src/csp.rs:\n{trunk}");
    let glue = between("import init, * as bindings from '").ok_or_else(changed)?;
    let wasm = between("module_or_path: '").ok_or_else(changed)?;
    let beside = |path: &str, stem: &str| {
        for (old, suffix) in [
            ("slatecard.js", ".js"),
            ("slatecard_bg.wasm", "_bg.wasm"),
            ("slatecard_bg.js", "_bg.js"),
            ("slatecard.wasm", ".wasm"),
        ] {
            if let Some(dir) = path.strip_suffix(old) {
                return Ok(format!("{dir}{stem}{suffix}"));
            }
        }
        Err(format!(
            "the member's module is no longer slatecard.js/slatecard_bg.wasm: {path}"
        ))
    };
    #[derive(serde::Serialize)]
    struct Modules {
        app: [String; 2],
        cy: [String; 2],
        embed: [String; 2],
        table: String,
    }
    let folder = glue.rfind('/').map_or(glue.as_str(), |i| &glue[..i]);
    let modules = Modules {
        cy: [
            beside(&glue, "slatecard-cy")?,
            beside(&wasm, "slatecard-cy")?,
        ],
        embed: [
            beside(&glue, "slatecard-embed")?,
            beside(&wasm, "slatecard-embed")?,
        ],
        table: format!("{folder}/labour.bin"),
        app: [glue, wasm],
    };
    json_ascii(&modules, false)
}

/// Strips `/* … */` comments from CSS.
pub fn strip_css_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        match rest[i + 2..].find("*/") {
            Some(end) => rest = &rest[i + 2 + end + 2..],
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The favicon's SVG as a `data:` address: double quotes made single,
/// whitespace runs one space, and `%`, `#`, `<`, `>` escaped.
pub fn svg_data_url(svg: &str) -> String {
    let svg = svg.replace('"', "'");
    let svg = svg.split_whitespace().collect::<Vec<_>>().join(" ");
    let svg = svg
        .replace('%', "%25")
        .replace('#', "%23")
        .replace('<', "%3C")
        .replace('>', "%3E");
    format!("data:image/svg+xml,{svg}")
}

/// The hash sources of a page's inline scripts and styles, in document
/// order: scripts are ours only (`data-sc-start`, `data-sc-redirect`);
/// styles are every `<style>` with no attribute or `media="print"`,
/// including those inside `<noscript>`. Errors if an inline script that is
/// not ours (no `src`, `data-sc-start`, `data-sc-redirect` or
/// `data-sc-build`) is in the page.
pub fn inline_hashes(file: &Path, page: &str) -> Result<(Vec<String>, Vec<String>), String> {
    #[derive(Default)]
    struct Found {
        scripts: Vec<String>,
        styles: Vec<String>,
        foreign: bool,
    }
    let found = RefCell::new(Found::default());
    let script_text = RefCell::new(None::<String>);
    let style_text = RefCell::new(None::<String>);
    let noscript_text = RefCell::new(String::new());
    rewrite(
        file,
        page,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("script", |el| {
                    let has = |a: &str| el.get_attribute(a).is_some();
                    if !(has("src")
                        || has("data-sc-start")
                        || has("data-sc-redirect")
                        || has("data-sc-build"))
                    {
                        found.borrow_mut().foreign = true;
                    }
                    let ours = has("data-sc-start") || has("data-sc-redirect");
                    *script_text.borrow_mut() = ours.then(String::new);
                    Ok(())
                }),
                text!("script", |chunk| {
                    if let Some(t) = script_text.borrow_mut().as_mut() {
                        t.push_str(chunk.as_str());
                    }
                    if chunk.last_in_text_node() {
                        if let Some(t) = script_text.borrow_mut().take() {
                            found.borrow_mut().scripts.push(csp_hash(&t));
                        }
                    }
                    Ok(())
                }),
                element!("style", |el| {
                    let attrs = el.attributes();
                    let plain = attrs.is_empty()
                        || (attrs.len() == 1
                            && attrs[0].name() == "media"
                            && attrs[0].value() == "print");
                    *style_text.borrow_mut() = plain.then(String::new);
                    Ok(())
                }),
                text!("style", |chunk| {
                    if let Some(t) = style_text.borrow_mut().as_mut() {
                        t.push_str(chunk.as_str());
                    }
                    if chunk.last_in_text_node() {
                        if let Some(t) = style_text.borrow_mut().take() {
                            found.borrow_mut().styles.push(csp_hash(&t));
                        }
                    }
                    Ok(())
                }),
                // A <noscript>'s content is raw text to the rewriter (as to a
                // browser running scripts); its styles are read from it below.
                text!("noscript", |chunk| {
                    noscript_text.borrow_mut().push_str(chunk.as_str());
                    if chunk.last_in_text_node() {
                        let t = std::mem::take(&mut *noscript_text.borrow_mut());
                        let (_, styles) = inline_hashes(file, &t)?;
                        found.borrow_mut().styles.extend(styles);
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?;
    let mut found = found.into_inner();
    if found.foreign {
        return Err(format!(
            "an inline script that is not ours is in {}",
            file.display()
        ));
    }
    let styles = std::mem::take(&mut found.styles);
    Ok((found.scripts, styles))
}

/// `page` with its Content-Security-Policy for `origin` in place (right
/// after `<meta charset>`), any earlier one removed. Errors if an inline
/// script that is not ours is in the page, or it has no `<meta charset>`.
pub fn with_policy(file: &Path, page: &str, origin: &str) -> Result<String, String> {
    let (scripts, styles) = inline_hashes(file, page)?;
    let meta = format!(
        r#"<meta http-equiv="Content-Security-Policy" content="{}">"#,
        policy(origin, &scripts, &styles)
    );
    let placed = RefCell::new(false);
    let out = rewrite(
        file,
        page,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("meta[http-equiv]", |el| {
                    if el.get_attribute("http-equiv").as_deref() == Some("Content-Security-Policy")
                    {
                        el.remove();
                    }
                    Ok(())
                }),
                element!("meta[charset]", |el| {
                    if !*placed.borrow()
                        && el
                            .get_attribute("charset")
                            .is_some_and(|c| c.eq_ignore_ascii_case("utf-8"))
                    {
                        el.after(&meta, ContentType::Html);
                        *placed.borrow_mut() = true;
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?;
    if !placed.into_inner() {
        return Err(format!(
            "{}: no <meta charset=utf-8> to put the policy after",
            file.display()
        ));
    }
    Ok(out)
}

/// Secures one page (`index`, in `dist`): Trunk's inline loader (if there)
/// becomes the modules' JSON block and a `start.js` script (copied into
/// `dist`), stylesheets and the icon go inline, preloads and the manifest
/// link go, and the policy is set (not on `trunk serve`'s pages, whose
/// live-reload script is inline).
pub fn secure(index: &Path, dist: &Path, origin: &str) -> Result<(), String> {
    let page = read(index)?;
    // Pass 1: Trunk's loader (`<script type=module>` with no other attribute)
    // and the page's <base href>.
    let loaders = RefCell::new(Vec::<Option<String>>::new());
    let base = RefCell::new(None::<String>);
    rewrite(
        index,
        &page,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("script[type=module]", |el| {
                    let trunk = el.attributes().len() == 1;
                    loaders.borrow_mut().push(trunk.then(String::new));
                    Ok(())
                }),
                text!("script[type=module]", |chunk| {
                    if let Some(Some(t)) = loaders.borrow_mut().last_mut() {
                        t.push_str(chunk.as_str());
                    }
                    Ok(())
                }),
                element!("base[href]", |el| {
                    if base.borrow().is_none() {
                        *base.borrow_mut() = el.get_attribute("href");
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?;
    let loader = loaders.into_inner().into_iter().flatten().next();
    let base = base.into_inner();
    let replacement = match &loader {
        Some(trunk) => {
            let start = root().join("static/start.js");
            write(&dist.join("start.js"), read(&start)?)?;
            Some(format!(
                r#"<script type="application/json" id="sc-modules" data-sc-build>{}</script><script type="module" src="{}start.js" fetchpriority="low"></script>"#,
                modules_json(trunk).map_err(|e| format!("{}: {e}", index.display()))?,
                base.as_deref().unwrap_or("")
            ))
        }
        None if !page.contains("start.js") && !page.contains("data-sc-start") => {
            return Err(format!(
                "no inline module script found in {}",
                index.display()
            ));
        }
        None => None,
    };
    let prefix = base.unwrap_or_else(|| "/".to_owned());
    // Pass 2: the edits.
    let problem = RefCell::new(None::<String>);
    let replaced = RefCell::new(false);
    let page = rewrite(
        index,
        &page,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("script[type=module]", |el| {
                    if let Some(r) = &replacement {
                        if !*replaced.borrow() && el.attributes().len() == 1 {
                            el.replace(r, ContentType::Html);
                            *replaced.borrow_mut() = true;
                        }
                    }
                    Ok(())
                }),
                element!("link[rel]", |el| {
                    let rel = el.get_attribute("rel").unwrap_or_default();
                    let href = el.get_attribute("href").unwrap_or_default();
                    match rel.as_str() {
                        // The stylesheets inline (no round trip before first
                        // paint); the files stay for host pages. The print
                        // rules too, without their comments.
                        "stylesheet" => {
                            let print = el
                                .get_attribute("media")
                                .is_some_and(|m| m.starts_with("print"));
                            let name = href
                                .strip_prefix(prefix.as_str())
                                .unwrap_or(href.trim_start_matches('/'));
                            match read(&dist.join(name)) {
                                Ok(css) => {
                                    let css = if print { strip_css_comments(&css) } else { css };
                                    let media = if print { r#" media="print""# } else { "" };
                                    el.replace(
                                        &format!("<style{media}>{}</style>", css.trim()),
                                        ContentType::Html,
                                    );
                                }
                                Err(e) => *problem.borrow_mut() = Some(e),
                            }
                        }
                        // The tab's icon as a data: address.
                        "icon" if !href.starts_with("data:") => {
                            let name = Path::new(&href)
                                .file_name()
                                .map(|n| n.to_os_string())
                                .unwrap_or_default();
                            match read(&dist.join(name)) {
                                Ok(svg) => {
                                    set_attributes(el, &[("href".to_owned(), svg_data_url(&svg))])?
                                }
                                Err(e) => *problem.borrow_mut() = Some(e),
                            }
                        }
                        // No preload of the glue or wasm (start.js fetches the
                        // app once the page is idle); the manifest is linked
                        // by start.js once the page is painted.
                        "modulepreload" | "preload" | "manifest" => el.remove(),
                        _ => {}
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?;
    if let Some(e) = problem.into_inner() {
        return Err(e);
    }
    if page.contains("__TRUNK_ADDRESS__") {
        // `trunk serve` injects its live-reload script inline, with an
        // address filled in per request: no static policy can allow it.
        // Development only.
        write(index, page)?;
        println!(
            "site: trunk serve's live-reload script is inline: no CSP on the dev server ({})",
            index.display()
        );
        return Ok(());
    }
    let page = with_policy(index, &page, origin)?;
    write(index, page)
}

/// Secures every page under `dist` ([`secure`]) for `origin`, and removes
/// `print.css` (its rules are in every page). Returns how many pages.
pub fn secure_all(dist: &Path, origin: &str) -> Result<usize, String> {
    let pages = pages(dist)?;
    if !pages.contains(&dist.join("index.html")) {
        return Err(format!("{} not found", dist.join("index.html").display()));
    }
    let studio = dist.join(crate::organise::DIR).join("index.html");
    for index in &pages {
        if *index == studio {
            // The studio's page has its own scripts: only its policy changes.
            let page = with_policy(index, &read(index)?, origin)?;
            write(index, page)?;
        } else {
            secure(index, dist, origin)?;
        }
    }
    let _ = std::fs::remove_file(dist.join("print.css"));
    Ok(pages.len())
}

/// The old-link redirect (`?election=…&region=…`, what the app shared
/// before pages were pre-rendered, goes to its page before anything is
/// painted; not the widget, `?embed`), with `TABLE` to be replaced by
/// [`crate::domain::link::address_table`]. A name we do not know goes along
/// as `unknown-election` or `unknown-region`, which start.js shows. A Welsh
/// page's link (under `cy/`) stays Welsh.
pub const REDIRECT: &str = r"(function(){var k=TABLE,e,r,w=!1,a=0,u=[],f=function(s){return s.replace(/[^A-Za-z0-9]/g,'').toLowerCase()};
new URLSearchParams(location.search).forEach(function(v,q){q=q.replace(/^amp;/,'');v=v.trim();
if(q==='embed'&&(v==='1'||v==='true'||v===''))w=!0;if((q==='election'||q==='region')&&v){a=1;
if(q==='election'){e=k.e[f(v)];if(!e)u.push('unknown-election='+encodeURIComponent(v))}else{r=k.r[f(v)];if(!r)u.push('unknown-region='+encodeURIComponent(v))}}});
if(w||!a)return;var p=e||(r?k.l:''),b=new URL(document.baseURI).pathname,c=location.pathname.indexOf(b)===0&&/^cy\//i.test(location.pathname.slice(b.length));
p=(c?'cy/':'')+(p?p+'/'+(r?r+'/':''):'');
location.replace(new URL(p+(u.length?'?'+u.join('&'):'')+location.hash,document.baseURI).href)})()";

/// Puts `dist/start.js` (minified by now on release builds) at the end of
/// `dist/index.html`'s body and the old-link redirect right after its
/// `<base>`, each allowed by its hash, and removes `start.js` (nothing else
/// loads it). Returns start.js's size in bytes.
pub fn inline_start(dist: &Path, origin: &str) -> Result<usize, String> {
    let start_file = dist.join("start.js");
    let start = read(&start_file)?.trim().to_owned();
    if start.to_lowercase().contains("</script") || start.contains("<!--") {
        return Err(format!(
            "{}: cannot be put inside a <script> as it is",
            start_file.display()
        ));
    }
    let redirect = REDIRECT.replace("TABLE", &crate::domain::link::address_table());
    // The page templates: English (`index.html`) and Welsh (`cy/index.html`).
    for index in super::pages(dist)? {
        inline_into(&index, &start, &redirect, origin)?;
    }
    std::fs::remove_file(&start_file).map_err(|e| format!("{}: {e}", start_file.display()))?;
    Ok(start.len())
}

/// Puts `start` and `redirect` into the page template `index` (see
/// [`inline_start`]).
fn inline_into(index: &Path, start: &str, redirect: &str, origin: &str) -> Result<(), String> {
    let index = index.to_path_buf();
    let page = read(&index)?;
    let start_tag = format!("<script type=\"module\" data-sc-start>{start}</script>");
    let found = RefCell::new((false, false, false));
    let page = rewrite(
        &index,
        &page,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("script[type=module][src]", |el| {
                    if el
                        .get_attribute("src")
                        .is_some_and(|s| s.ends_with("start.js"))
                    {
                        el.remove();
                        found.borrow_mut().0 = true;
                    }
                    Ok(())
                }),
                element!("body", |el| {
                    let tag = start_tag.clone();
                    if let Some(handlers) = el.end_tag_handlers() {
                        handlers.push(Box::new(move |end| {
                            end.before(&tag, ContentType::Html);
                            Ok(())
                        }));
                        found.borrow_mut().1 = true;
                    }
                    Ok(())
                }),
                element!("base", |el| {
                    if !found.borrow().2 {
                        el.after(
                            &format!("<script data-sc-redirect>{redirect}</script>"),
                            ContentType::Html,
                        );
                        found.borrow_mut().2 = true;
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?;
    let (tag, body, base) = found.into_inner();
    let missing = if !tag {
        Some("no start.js script")
    } else if !body {
        Some("no <body>")
    } else if !base {
        Some("no <base>")
    } else {
        None
    };
    if let Some(what) = missing {
        return Err(format!("{what} in {}", index.display()));
    }
    let page = if page.contains("__TRUNK_ADDRESS__") {
        page
    } else {
        with_policy(&index, &page, origin)?
    };
    write(&index, page)
}
