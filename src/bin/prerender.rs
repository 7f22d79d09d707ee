//! Writes the pre-rendered pages into a built `dist/` (Trunk's last
//! post-build step; see `slatecard::prerender`), each with its preview image,
//! and each result page with its QR code and stall sheet.
//!
//!   prerender [--dist DIR] [--base URL]
//!
//! DIR defaults to $TRUNK_STAGING_DIR, then `dist/`; URL (where the app is
//! published) to $SLATECARD_PUBLIC_URL, then `http://127.0.0.1:8080/`.

use slatecard::domain::model::{Mode, Model};
use slatecard::domain::page::view;
use slatecard::prerender::preview::{preview_svg, Rasteriser};
use slatecard::prerender::qr::qr_svg;
use slatecard::prerender::stall::{self, stall_sheet};
use slatecard::prerender::{pages, render_page, why, PREVIEW, QR};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

fn arg(args: &[String], name: &str) -> Option<String> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).cloned()
}

fn write(file: &Path, data: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(file, data).map_err(|e| format!("{}: {e}", file.display()))
}

/// Draws each `(folder, svg)` into `folder/preview.png`, on every core;
/// returns the bytes written, and the largest image's.
fn previews(jobs: &[(PathBuf, String)]) -> Result<(usize, usize), String> {
    let raster = Rasteriser::new()?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = jobs.len().div_ceil(threads).max(1);
    let sizes = std::thread::scope(|scope| {
        let raster = &raster;
        let workers: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(dir, svg)| {
                            let png = raster
                                .png(svg)
                                .map_err(|e| format!("{}: {e}", dir.display()))?;
                            write(&dir.join(PREVIEW), &png)?;
                            Ok(png.len())
                        })
                        .collect::<Result<Vec<usize>, String>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .map_err(|_| "a preview image's thread panicked".to_owned())?
            })
            .collect::<Result<Vec<Vec<usize>>, String>>()
    })?;
    let sizes: Vec<usize> = sizes.into_iter().flatten().collect();
    Ok((sizes.iter().sum(), sizes.iter().copied().max().unwrap_or(0)))
}

fn run() -> Result<usize, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dist = arg(&args, "--dist")
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    let mut base = arg(&args, "--base")
        .or_else(|| std::env::var("SLATECARD_PUBLIC_URL").ok())
        .unwrap_or_else(|| "http://127.0.0.1:8080/".to_owned());
    if !base.ends_with('/') {
        base.push('/');
    }
    let index = dist.join("index.html");
    let template = std::fs::read_to_string(&index)
        .map_err(|e| format!("{}: cannot read: {e}", index.display()))?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_secs() as i64
        / 60;
    let links = pages();
    let mut jobs = Vec::with_capacity(links.len());
    let mut sheets = 0;
    for link in &links {
        let html = render_page(&template, link, &base, now)
            .map_err(|e| format!("{}: {e}", index.display()))?;
        let dir = dist.join(link.to_path());
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        write(&dir.join("index.html"), html)?;
        let page = view(&Model::new(Mode::App, link), now);
        if let Some(sheet) = stall_sheet(&page) {
            write(&dir.join(stall::FILE), sheet)?;
            write(&dir.join(QR), qr_svg(&format!("{base}{}", link.to_path()))?)?;
            sheets += 1;
        }
        jobs.push((dir, preview_svg(&page, link.election.is_none())));
    }
    write(&dist.join("cards.css"), stall::CSS)?;
    let (bytes, largest) = previews(&jobs)?;
    println!(
        "prerender: {} preview images, {bytes} bytes (largest {largest}); {sheets} QR codes and stall sheets",
        jobs.len()
    );
    let why = why_pages(&dist)?;
    println!(
        "prerender: {why} pages explaining why orders differ ({})",
        why::FILE
    );
    Ok(links.len())
}

/// Writes each ranked election's "why is my order different?" page, with
/// its simulated counts (`slatecard::prerender::why`); returns how many.
fn why_pages(dist: &std::path::Path) -> Result<usize, String> {
    let mut written = 0;
    for e in slatecard::domain::election::Election::all() {
        let weights = slatecard::cli::balance::region_weights_of(e)?;
        if let Some(page) = why::why_page(e, &weights) {
            let out = dist.join(e.id).join(why::FILE);
            std::fs::write(&out, page?).map_err(|err| format!("{}: {err}", out.display()))?;
            written += 1;
        }
    }
    Ok(written)
}

fn main() {
    match run() {
        Ok(n) => println!("prerender: {n} pages written"),
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::exit(1);
        }
    }
}
