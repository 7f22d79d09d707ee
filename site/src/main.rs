//! The site builder's command (`cargo run -p slatecard-site --`): Trunk's one
//! post-build hook, and the re-addressing of a built copy for the tests.
//! The steps themselves are in the `slatecard_site` library (its
//! `prerender` and `render` modules for the pages); this binary reads the command line and runs them.
//!
//!   site post-build [--dist DIR]
//!       Every step, in order (`slatecard_site` lists them). DIR defaults
//!       to $TRUNK_STAGING_DIR, then `dist/`. The public address is
//!       $SLATECARD_PUBLIC_URL (default `http://127.0.0.1:8080/`); debug
//!       builds ($TRUNK_PROFILE other than `release`) skip minification
//!       and wasm-opt.
//!   site prerender [--dist DIR] [--base URL] [--now MINUTES]
//!       The pre-rendered pages only (see `prerender.rs`).
//!   site retarget --dist DIR --origin URL
//!       A built copy re-addressed to be served at URL: every page's CSP
//!       names URL's origin, and its oEmbed answer and link name URL.
//!   site sw [--dist DIR]
//!       The service worker written again (after pages were edited).
//!
//! Errors are printed as `site: <step>: <what>, naming the file`, and the
//! exit status is 1.

use slatecard_site::render::{self as prerender, arg};
use slatecard_site::{csp, hash_names, oembed, organise, shell_text, sw, tools};
use std::path::PathBuf;

const USAGE: &str = "usage: site post-build [--dist DIR]
       site prerender [--dist DIR] [--base URL] [--now MINUTES]
       site retarget --dist DIR --origin URL
       site sw [--dist DIR]";

/// The public address: $SLATECARD_PUBLIC_URL, else `trunk serve`'s.
fn public_url() -> String {
    std::env::var("SLATECARD_PUBLIC_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "http://127.0.0.1:8080/".to_owned())
}

fn dist_of(args: &[String]) -> PathBuf {
    arg(args, "--dist")
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map_or_else(|| PathBuf::from("dist"), PathBuf::from)
}

/// Prefixes a step's name to its error.
fn step<T>(name: &str, r: Result<T, String>) -> Result<T, String> {
    r.map_err(|e| format!("{name}: {e}"))
}

fn post_build(args: &[String]) -> Result<(), String> {
    let dist = dist_of(args);
    let url = public_url();
    let origin = step("csp", csp::origin_of(&url))?;
    let release = tools::release();
    let lang = step("shell-text", shell_text::run(&dist))?;
    println!(
        "site: words written into {}/index.html, embed.js and manifest.webmanifest ({lang})",
        dist.display()
    );
    let pruned = slatecard_site::cache::prune();
    if pruned > 0 {
        println!("site: {pruned} build-cache entries unused for two weeks removed");
    }
    if release {
        let size = step("modules", tools::optimise_island(&dist))?;
        println!("site: the postcode island, {size} B of wasm (wasm-opt)");
    }
    for module in [tools::EMBED, tools::ISLAND_CY, tools::STUDIO] {
        let size = step("modules", tools::build_module(&dist, release, module))?;
        println!(
            "site: {}, {size} B of wasm ({})",
            module.what,
            if release { "release" } else { "debug" }
        );
    }
    let pages = step("csp", csp::secure_all(&dist, &origin))?;
    println!("site: {pages} pages have no inline script; start.js written");
    if release {
        step("minify", tools::minify_all(&dist))?;
        println!("site: JS minified by terser");
    }
    let names = step("hash-names", hash_names::run(&dist))?;
    let list: Vec<String> = names.iter().map(|(o, n)| format!("{o} → {n}")).collect();
    println!("site: {}", list.join(", "));
    let start = step("csp --inline", csp::inline_start(&dist, &origin))?;
    println!("site: start.js ({start} B) and the old-link redirect are inline");
    let dist_arg = vec!["--dist".to_owned(), dist.display().to_string()];
    let written = step("prerender", prerender::run(&dist_arg))?;
    println!("site: {written} pages pre-rendered");
    let pages = step("oembed", oembed::run(&dist, &url))?;
    println!("site: an oembed.json for each of {pages} pages, for {url}");
    step("organise", organise::write_page(&dist, &origin))?;
    println!("site: the organisers' studio at organise/ (noindex; no member's page loads it)");
    let (version, files) = step("sw", sw::run(&dist))?;
    println!("site: service worker version {version}, {files} files fetched at install");
    Ok(())
}

fn retarget(args: &[String]) -> Result<(), String> {
    let dist = arg(args, "--dist").ok_or("retarget: --dist DIR is required")?;
    let url = arg(args, "--origin").ok_or("retarget: --origin URL is required")?;
    let dist = PathBuf::from(dist);
    let origin = step("csp", csp::origin_of(&url))?;
    step("csp", csp::secure_all(&dist, &origin))?;
    let pages = step("oembed", oembed::run(&dist, &url))?;
    println!("site: {pages} pages re-addressed to {url}");
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    let result = match args.first().map(String::as_str) {
        Some("post-build") => post_build(rest),
        Some("prerender") => step("prerender", prerender::run(rest))
            .map(|n| println!("prerender: {n} pages written")),
        Some("retarget") => retarget(rest),
        Some("sw") => step("sw", sw::run(&dist_of(rest))).map(|(v, n)| {
            println!("site: service worker version {v}, {n} files fetched at install");
        }),
        _ => Err(USAGE.to_owned()),
    };
    if let Err(e) = result {
        eprintln!("site: {e}");
        std::process::exit(1);
    }
}
