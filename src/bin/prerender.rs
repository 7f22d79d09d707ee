//! Writes the pre-rendered pages into a built `dist/` (Trunk's last
//! post-build step; see `slatecard::prerender`).
//!
//!   prerender [--dist DIR] [--base URL]
//!
//! DIR defaults to $TRUNK_STAGING_DIR, then `dist/`; URL (where the app is
//! published) to $SLATECARD_PUBLIC_URL, then `http://127.0.0.1:8080/`.

use slatecard::prerender::{pages, render_page};
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

fn arg(args: &[String], name: &str) -> Option<String> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).cloned()
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
    for link in &links {
        let html = render_page(&template, link, &base, now)
            .map_err(|e| format!("{}: {e}", index.display()))?;
        let dir = dist.join(link.to_path());
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let file = dir.join("index.html");
        std::fs::write(&file, html).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(links.len())
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
