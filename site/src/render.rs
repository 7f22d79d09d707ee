//! Writes the pre-rendered pages into a built `dist/` (a step of `site
//! post-build`; drawn by [`crate::prerender`]), each with its preview image,
//! and each result page with its QR code and stall sheet.
//!
//!   site prerender [--dist DIR] [--base URL] [--now MINUTES]
//!
//! DIR defaults to $TRUNK_STAGING_DIR, then `dist/`; URL (where the app is
//! published) to $SLATECARD_PUBLIC_URL, then `http://127.0.0.1:8080/`, which
//! it says in capitals (link previews and QR codes would lead nowhere once
//! published). With $SLATECARD_DEPLOY set, it refuses to run without one.
//! MINUTES (since the Unix epoch, UTC) is the clock the pages are drawn at,
//! by default the machine's: the end-to-end tests draw pages as they read
//! while a past ballot was open.

use crate::cache::Cache;
use crate::domain::link::Link;
use crate::domain::model::{Lang, Mode, Model};
use crate::domain::page::view;
use crate::prerender::not_found::{self, not_found_page};
use crate::prerender::preview::{self, preview_svg, Rasteriser};
use crate::prerender::qr::qr_svg;
use crate::prerender::stall::{self, stall_sheet};
use crate::prerender::{pages, preview_name, region_bundle, render_page, why, QR};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The value after `name` in `args`, if any (`--dist DIR`).
pub fn arg(args: &[String], name: &str) -> Option<String> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).cloned()
}

fn write(file: &Path, data: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(file, data).map_err(|e| format!("{}: {e}", file.display()))
}

/// Draws each preview SVG into PNG bytes, on every core, in order. An
/// image drawn before from the same SVG, by the same drawing code
/// (`preview.rs`, the crates of `Cargo.lock`) and fonts, is taken from the
/// build cache (`crate::cache`).
fn previews(svgs: &[String]) -> Result<Vec<Vec<u8>>, String> {
    let cache = Cache::open("previews");
    let code = [
        include_str!("prerender/preview.rs"),
        include_str!("../../Cargo.lock"),
    ]
    .concat();
    // What every image shares, hashed once.
    let shared = Cache::key(&[code.as_bytes(), &preview::font_bytes()]);
    let keys: Vec<String> = svgs
        .iter()
        .map(|svg| Cache::key(&[svg.as_bytes(), shared.as_bytes()]))
        .collect();
    let mut pngs: Vec<Option<Vec<u8>>> = keys.iter().map(|k| cache.get(k, "png")).collect();
    let missing: Vec<usize> = (0..svgs.len()).filter(|&i| pngs[i].is_none()).collect();
    if !missing.is_empty() {
        let drawn = draw(&missing.iter().map(|&i| &svgs[i]).collect::<Vec<_>>())?;
        for (i, png) in missing.into_iter().zip(drawn) {
            cache.put(&keys[i], "png", &png);
            pngs[i] = Some(png);
        }
    }
    Ok(pngs.into_iter().flatten().collect())
}

/// Draws each SVG into PNG bytes, on every core, in order.
fn draw(svgs: &[&String]) -> Result<Vec<Vec<u8>>, String> {
    let raster = Rasteriser::new()?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = svgs.len().div_ceil(threads).max(1);
    let parts = std::thread::scope(|scope| {
        let raster = &raster;
        let workers: Vec<_> = svgs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|svg| raster.png(svg))
                        .collect::<Result<Vec<Vec<u8>>, String>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .map_err(|_| "a preview image's thread panicked".to_owned())?
            })
            .collect::<Result<Vec<Vec<Vec<u8>>>, String>>()
    })?;
    Ok(parts.into_iter().flatten().collect())
}

/// Writes every page (options as above); returns how many.
pub fn run(args: &[String]) -> Result<usize, String> {
    let dist = arg(args, "--dist")
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    let given = arg(args, "--base")
        .or_else(|| std::env::var("SLATECARD_PUBLIC_URL").ok())
        .filter(|b| !b.trim().is_empty());
    let deploying = std::env::var("SLATECARD_DEPLOY").is_ok_and(|v| !v.is_empty() && v != "0");
    if given.is_none() && deploying {
        return Err("SLATECARD_DEPLOY is set but no public address is: set \
                    SLATECARD_PUBLIC_URL to where the site will be published \
                    (https://example.org/slatecard/), so that link previews, \
                    canonical links and printed QR codes lead there"
            .to_owned());
    }
    let mut base = given
        .clone()
        .unwrap_or_else(|| "http://127.0.0.1:8080/".to_owned());
    if !base.ends_with('/') {
        base.push('/');
    }
    // Said in plain words either way: an organiser who forgets the address
    // would otherwise publish previews and QR codes that lead nowhere.
    if given.is_some() {
        println!("prerender: link previews, canonical links and QR codes name {base}");
    } else {
        println!(
            "prerender: NO PUBLIC ADDRESS: link previews, canonical links and QR codes name \
             {base}, which works only on this computer. To publish, build with \
             SLATECARD_PUBLIC_URL=https://your.site/ (docs/deploying.md)."
        );
    }
    // The page templates: English (`index.html`) and Welsh (`cy/index.html`,
    // the same page with the Welsh words: `shell_text`).
    let templates: Vec<(Lang, PathBuf, String)> = Lang::ALL
        .iter()
        .map(|&lang| {
            let index = dist
                .join(
                    Link {
                        lang,
                        ..Link::default()
                    }
                    .to_path(),
                )
                .join("index.html");
            std::fs::read_to_string(&index)
                .map(|t| (lang, index.clone(), t))
                .map_err(|e| format!("{}: cannot read: {e}", index.display()))
        })
        .collect::<Result<_, _>>()?;
    let now = match arg(args, "--now") {
        Some(m) => m
            .parse::<i64>()
            .map_err(|_| format!("--now {m}: not a number of minutes since 1970"))?,
        None => {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_err(|e| e.to_string())?
                .as_secs() as i64
                / 60
        }
    };
    let links = pages();
    let views: Vec<_> = links
        .iter()
        .map(|link| view(&Model::new(Mode::App, link), now))
        .collect();
    // The preview images first: each page names its own by its content.
    let pngs = previews(
        &links
            .iter()
            .zip(&views)
            .map(|(link, page)| preview_svg(page, link.election.is_none()))
            .collect::<Vec<_>>(),
    )?;
    let mut sheets = 0;
    for ((link, page), png) in links.iter().zip(&views).zip(&pngs) {
        let dir = dist.join(link.to_path());
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        // A page built before, in place: its old images go.
        remove_previews(&dir)?;
        let image = preview_name(png);
        write(&dir.join(&image), png)?;
        let (_, index, template) = templates
            .iter()
            .find(|(lang, _, _)| *lang == link.lang)
            .ok_or("no page template for a language")?;
        let html = render_page(template, link, &base, now, &image)
            .map_err(|e| format!("{}: {e}", index.display()))?;
        write(&dir.join("index.html"), html)?;
        if let Some(sheet) = stall_sheet(page) {
            write(&dir.join(stall::FILE), sheet)?;
            write(&dir.join(QR), qr_svg(&format!("{base}{}", link.to_path()))?)?;
            sheets += 1;
        }
    }
    // Each election's region pages in one file, for the finder.
    for e in crate::domain::election::Election::all() {
        for lang in Lang::ALL {
            let folder = Link {
                election: Some(e),
                lang,
                ..Link::default()
            }
            .to_path();
            write(
                &dist.join(folder).join(slatecard::components::REGION_BUNDLE),
                region_bundle(e, lang, &base, now),
            )?;
        }
    }
    write(&dist.join(stall::css_name()), stall::CSS)?;
    write(
        &dist.join(crate::prerender::ORDERS),
        crate::prerender::orders_json(),
    )?;
    write(&dist.join(not_found::FILE), not_found_page(&base))?;
    let bytes: usize = pngs.iter().map(Vec::len).sum();
    let largest = pngs.iter().map(Vec::len).max().unwrap_or(0);
    println!(
        "prerender: {} preview images, {bytes} bytes (largest {largest}); {sheets} QR codes and stall sheets",
        pngs.len()
    );
    let why = why_pages(&dist)?;
    println!(
        "prerender: {why} pages explaining why orders differ ({})",
        why::FILE
    );
    Ok(links.len())
}

/// Writes each ranked election's "why is my order different?" page, with
/// its simulated counts (`crate::prerender::why`); returns how many. The
/// elections are counted side by side, one thread each; pages made before
/// by this same program (its own bytes, which hold the compiled data) from
/// the same region weights come from the build cache (`crate::cache`).
fn why_pages(dist: &std::path::Path) -> Result<usize, String> {
    let cache = Cache::open("why");
    let program = std::env::current_exe()
        .and_then(std::fs::read)
        .map(|bytes| Cache::key(&[&bytes]))
        .map_err(|e| format!("cannot read this program, for the cache: {e}"))?;
    let mut jobs = Vec::new();
    for e in crate::domain::election::Election::all() {
        let weights = slatecard_data_format::region_weights_in(&crate::root(), e.id)?;
        let key = Cache::key(&[
            program.as_bytes(),
            e.id.as_bytes(),
            format!("{weights:?}").as_bytes(),
        ]);
        jobs.push((e, weights, key));
    }
    let made = std::thread::scope(|scope| {
        let workers: Vec<_> = jobs
            .iter()
            .map(|(e, weights, key)| {
                let cache = &cache;
                scope.spawn(move || -> Result<Option<Vec<String>>, String> {
                    let cached = cache
                        .get(key, "json")
                        .and_then(|b| serde_json::from_slice::<Option<Vec<String>>>(&b).ok());
                    if let Some(pages) = cached {
                        return Ok(pages);
                    }
                    let pages = why::why_pages_in(e, weights, &Lang::ALL).transpose()?;
                    if let Ok(json) = serde_json::to_vec(&pages) {
                        cache.put(key, "json", &json);
                    }
                    Ok(pages)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .map_err(|_| "a why page's thread panicked".to_owned())?
            })
            .collect::<Result<Vec<_>, String>>()
    })?;
    let mut written = 0;
    for ((e, _, _), pages) in jobs.iter().zip(made) {
        for (lang, page) in Lang::ALL.iter().zip(pages.into_iter().flatten()) {
            let folder = Link {
                election: Some(*e),
                lang: *lang,
                ..Link::default()
            }
            .to_path();
            let out = dist.join(folder).join(why::FILE);
            std::fs::write(&out, page).map_err(|err| format!("{}: {err}", out.display()))?;
            written += 1;
        }
    }
    Ok(written)
}

/// Removes the preview images (`preview.png`, `preview.<hash>.png`) in `dir`.
fn remove_previews(dir: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("preview.") && name.ends_with(".png") {
            std::fs::remove_file(entry.path())
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}
