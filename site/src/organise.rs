//! The organisers' studio's page, `organise/index.html`: the app's shell
//! (its stylesheets, icon and policy) with the studio's root in place of a
//! member's page, `noindex`, and the studio's module (`organise/`, built by
//! [`crate::tools::build_module`] with [`crate::tools::STUDIO`]) loaded by
//! `organise/studio.js`. No member's page links to it or loads anything of
//! it, and the service worker does not fetch it.

use super::{csp, read, rewrite, write};
use lol_html::html_content::ContentType;
use lol_html::{element, RewriteStrSettings};
use std::path::Path;

/// The folder of `dist` the studio is in.
pub const DIR: &str = "organise";

/// The studio's start-up script: loads the module, whose `main` draws the
/// studio into `#studio`.
const LOADER: &str = "import init from \"./slatecard-studio.js\";\ninit();\n";

/// What the page says where the studio will be, and all it says without
/// JavaScript.
const ROOT: &str = "<div id=\"studio\"><main class=\"sc-main\"><h1>Organisers' studio</h1>\
<p>Loading the studio…</p><noscript><p>The studio checks your election file in this browser, \
so it needs JavaScript. Without it, use the command line: <code>slatecard check</code> \
(docs/organisers.md).</p></noscript></main></div>";

/// The organisers' guide, published beside the studio as plain text (its
/// "what next" links to it): the repository's `docs/organisers.md`.
const GUIDE: &str = include_str!("../../docs/organisers.md");

/// The guide's file in the studio's folder.
pub const GUIDE_FILE: &str = "organisers.txt";

/// The studio's own styles, put inline after the app's.
const CSS: &str = include_str!("../../styles/studio.css");

/// Writes `organise/index.html`, `organise/studio.js` and the guide
/// (`organise/organisers.txt`) from the built
/// `index.html`, with its Content-Security-Policy for `origin` (the app's
/// inline stylesheets and the studio's, by their hashes; `'self'` allows
/// the studio's scripts).
///
/// # Errors
/// A file that cannot be read or written, or HTML `lol_html` refuses.
pub fn write_page(dist: &Path, origin: &str) -> Result<(), String> {
    let index = dist.join("index.html");
    let html = read(&index)?;
    let gone = |sel: &'static str| {
        element!(sel, |el| {
            el.remove();
            Ok(())
        })
    };
    let style = format!("<style>{}</style>", csp::strip_css_comments(CSS));
    let page = rewrite(
        &index,
        &html,
        RewriteStrSettings {
            element_content_handlers: vec![
                gone("script"),
                gone("link[rel=canonical]"),
                gone("link[rel=alternate]"),
                gone("link[rel=manifest]"),
                gone("link[rel=modulepreload]"),
                gone("link[rel=preload]"),
                gone("meta[property]"),
                gone("meta[name^=twitter]"),
                gone("meta[name=sc-page]"),
                gone("template"),
                element!("title", |el| {
                    el.set_inner_content("Organisers' studio — slatecard", ContentType::Text);
                    Ok(())
                }),
                // After `<base>`, so that the script's address is read
                // against the app's base, as every other address.
                element!("base", |el| {
                    el.after(
                        &format!(
                            "<meta name=robots content=\"noindex, nofollow\">\
                             <script type=module src=\"organise/studio.js\"></script>{style}"
                        ),
                        ContentType::Html,
                    );
                    Ok(())
                }),
                element!("meta[name=description]", |el| {
                    el.set_attribute(
                        "content",
                        "Check, balance and preview a slate's election file for slatecard, in the browser.",
                    )?;
                    Ok(())
                }),
                element!("div#app", |el| {
                    el.replace(ROOT, ContentType::Html);
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?;
    if !page.contains("id=\"studio\"") || !page.contains("organise/studio.js") {
        return Err(format!(
            "{}: has no <div id=app> to put the studio in, or no <base>",
            index.display()
        ));
    }
    let dir = dist.join(DIR);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let file = dir.join("index.html");
    let page = csp::with_policy(&file, &page, origin)?;
    write(&file, page)?;
    write(&dir.join(GUIDE_FILE), GUIDE)?;
    write(&dir.join("studio.js"), LOADER)
}
