//! Each pre-rendered page's preview image (`preview.png`, 1200×630), the
//! picture a link shows when pasted into WhatsApp, Facebook or X: for a
//! result page the numbered order itself.
//!
//! [`preview_svg`] draws a [`Page`] as SVG text (pure, tested natively);
//! [`Rasteriser`] turns it into a small palette PNG with `resvg`, at build
//! time only: none of this reaches the WebAssembly.
//!
//! Fonts: DejaVu Sans from Debian's `fonts-dejavu-core` (installed by
//! `scripts/setup`; its licence is the Bitstream Vera licence with DejaVu's
//! changes in the public domain, see `/usr/share/doc/fonts-dejavu-core/copyright`).
//! Without it the system's fonts are used (fontconfig), whatever sans-serif
//! they have; with no font at all the build fails rather than write images
//! without words.

use crate::domain::escape::html_escape;
use crate::domain::page::{Body, EntryView, OrderSource, Page, ResultView};
use crate::domain::region::RegionId;
use crate::text::{catalogue, Catalogue as _, Label, Lang, PrintText};
use resvg::{tiny_skia, usvg};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

/// The image's width in pixels (what link previews ask for: 1.91:1).
pub const WIDTH: u32 = 1200;
/// The image's height in pixels.
pub const HEIGHT: u32 = 630;

/// The slatecard red (the app's theme colour).
const RED: &str = "#c8102e";
/// Text.
const INK: &str = "#1a1a1a";
/// Secondary text.
const MUTED: &str = "#555555";
/// The family asked for; [`Rasteriser`] maps `sans-serif` to what it loaded.
const FAMILY: &str = "DejaVu Sans, Liberation Sans, sans-serif";
/// Left and right margin.
const MARGIN: f32 = 60.0;

/// Where Debian's `fonts-dejavu-core` puts the two faces the images use.
pub const DEJAVU: [&str; 2] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
];

/// About how wide `text` is at `size` px: DejaVu Sans averages under 0.6 em
/// a character (bold under 0.68), so text sized by this fits.
fn width(text: &str, size: f32, bold: bool) -> f32 {
    text.chars().count() as f32 * size * if bold { 0.68 } else { 0.6 }
}

/// The largest size up to `max` at which `text` fits in `room` px.
fn fit(text: &str, room: f32, max: f32, bold: bool) -> f32 {
    let w = width(text, max, bold);
    if w <= room {
        max
    } else {
        (max * room / w).floor()
    }
}

/// `text` broken into lines that fit `room` px at `size`, at spaces.
fn wrap(text: &str, room: f32, size: f32, bold: bool) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if width(&format!("{line} {word}"), size, bold) <= room => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// SVG being written.
struct Svg(String);

impl Svg {
    /// The image's background and its slatecard band, worded in `lang`.
    fn new(lang: Lang) -> Svg {
        let mut svg = Svg(format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
             viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FAMILY}\">\
             <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>\
             <rect width=\"{WIDTH}\" height=\"96\" fill=\"{RED}\"/>"
        ));
        let brand = catalogue(lang).label(Label::Brand);
        svg.text(MARGIN, 64.0, 44.0, true, "#ffffff", brand);
        svg
    }

    /// Text with its baseline at `y`, starting at `x`.
    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, fill: &str, text: &str) {
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        let _ = write!(
            self.0,
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\"{weight} fill=\"{fill}\">{}</text>",
            html_escape(text)
        );
    }

    /// Text centred on `x`.
    fn centred(&mut self, x: f32, y: f32, size: f32, fill: &str, text: &str) {
        let _ = write!(
            self.0,
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" font-weight=\"bold\" \
             text-anchor=\"middle\" fill=\"{fill}\">{}</text>",
            html_escape(text)
        );
    }

    fn circle(&mut self, cx: f32, cy: f32, r: f32, fill: &str) {
        let _ = write!(
            self.0,
            "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\" fill=\"{fill}\"/>"
        );
    }

    fn finish(mut self) -> String {
        self.0.push_str("</svg>");
        self.0
    }
}

/// Under the order: whose it is.
fn provenance(p: &PrintText, source: &OrderSource) -> Option<&'static str> {
    match source {
        OrderSource::Published { .. } => Some(p.published),
        OrderSource::PartlyPublished { .. } => Some(p.partly_published),
        OrderSource::Generated { .. } => Some(p.generated),
        OrderSource::NoOrder => None,
    }
}

/// The numbered names (or crossed, on a cross ballot): one column up to
/// five names, two beyond, between `top` and `bottom` (baselines).
fn names(svg: &mut Svg, entries: &[EntryView], top: f32, bottom: f32) {
    let columns = if entries.len() > 5 { 2 } else { 1 };
    let rows = entries.len().div_ceil(columns).max(1);
    let step = if rows > 1 {
        ((bottom - top) / (rows - 1) as f32).min(58.0)
    } else {
        0.0
    };
    let column_width = (WIDTH as f32 - 2.0 * MARGIN) / columns as f32;
    let size = entries
        .iter()
        .map(|e| fit(e.name, column_width - 76.0, 40.0, true))
        .fold(40.0, f32::min);
    for (i, e) in entries.iter().enumerate() {
        let x = MARGIN + (i / rows) as f32 * column_width;
        let y = top + (i % rows) as f32 * step;
        svg.circle(x + 23.0, y - 13.0, 23.0, RED);
        let mark = e.preference.map_or("X".to_owned(), |p| p.to_string());
        svg.centred(x + 23.0, y - 3.0, 27.0, "#ffffff", &mark);
        svg.text(x + 62.0, y, size, true, INK, e.name);
    }
}

/// A result page's image: the election, the region, the numbered order and
/// whose order it is.
fn result(svg: &mut Svg, page: &Page, v: &ResultView) {
    let p = catalogue(page.lang).print_text();
    let room = WIDTH as f32 - 2.0 * MARGIN;
    let e = page.election.election;
    svg.text(
        MARGIN,
        156.0,
        fit(e.short_title, room, 34.0, false),
        false,
        MUTED,
        e.short_title,
    );
    let region = catalogue(page.lang).region_name(v.region);
    svg.text(
        MARGIN,
        222.0,
        fit(region, room, 58.0, true),
        true,
        INK,
        region,
    );
    let ranked = v.entries.iter().any(|e| e.preference.is_some());
    let how = if ranked { p.number_them } else { p.cross_each };
    svg.text(MARGIN, 280.0, 30.0, true, RED, how);
    names(svg, &v.entries, 344.0, 566.0);
    if let Some(whose) = provenance(&p, &v.source) {
        svg.text(
            MARGIN,
            610.0,
            fit(whose, room, 24.0, false),
            false,
            MUTED,
            whose,
        );
    }
}

/// An election page's image: the election, the slate, and the regions to
/// choose from.
fn election(svg: &mut Svg, page: &Page, regions: &[RegionId]) {
    let p = catalogue(page.lang).print_text();
    let room = WIDTH as f32 - 2.0 * MARGIN;
    let e = page.election.election;
    svg.text(
        MARGIN,
        166.0,
        fit(e.short_title, room, 46.0, true),
        true,
        INK,
        e.short_title,
    );
    svg.text(
        MARGIN,
        224.0,
        fit(p.each_region, room, 34.0, true),
        true,
        RED,
        p.each_region,
    );
    // The slate's Welsh name where the data gives one.
    let slate = e.slate_in(page.lang).text;
    if !e.short_title.contains(slate) {
        svg.text(
            MARGIN,
            268.0,
            fit(slate, room, 26.0, false),
            false,
            MUTED,
            slate,
        );
    }
    // Two columns, between baselines 330 and 566.
    let rows = regions.len().div_ceil(2).max(1);
    let step = if rows > 1 {
        (236.0 / (rows - 1) as f32).min(56.0)
    } else {
        0.0
    };
    let column = room / 2.0;
    let size = regions
        .iter()
        .map(|r| {
            fit(
                catalogue(page.lang).region_name(*r),
                column - 40.0,
                29.0,
                false,
            )
        })
        .fold(29.0, f32::min);
    for (i, r) in regions.iter().enumerate() {
        let x = MARGIN + (i / rows) as f32 * column;
        let y = 330.0 + (i % rows) as f32 * step;
        svg.circle(x + 9.0, y - 10.0, 9.0, RED);
        svg.text(
            x + 30.0,
            y,
            size,
            false,
            INK,
            catalogue(page.lang).region_name(*r),
        );
    }
}

/// The landing page's image: what slatecard does, and the latest election.
fn landing(svg: &mut Svg, page: &Page) {
    let t = catalogue(page.lang);
    let room = WIDTH as f32 - 2.0 * MARGIN;
    let mut y = 200.0;
    for line in wrap(t.print_text().landing, room, 58.0, true) {
        svg.text(MARGIN, y, 58.0, true, INK, &line);
        y += 72.0;
    }
    let e = page.election.election;
    svg.text(
        MARGIN,
        y + 10.0,
        fit(e.short_title, room, 36.0, true),
        true,
        RED,
        e.short_title,
    );
    let mut y = y + 90.0;
    for line in wrap(t.label(Label::Tagline), room, 28.0, false) {
        svg.text(MARGIN, y, 28.0, false, MUTED, &line);
        y += 40.0;
    }
}

/// The preview image of `page` as SVG: for a result, the election, region,
/// numbered order and whose order it is; for an election's page, its regions;
/// for the landing page (`landing_page`: the page with no election in its
/// address), what slatecard does.
pub fn preview_svg(page: &Page, landing_page: bool) -> String {
    let mut svg = Svg::new(page.lang);
    match &page.body {
        Body::Result { result: v, .. } => result(&mut svg, page, v),
        Body::Choose(_) if landing_page => landing(&mut svg, page),
        Body::Choose(chooser) => {
            let regions: Vec<RegionId> = chooser.regions.iter().map(|r| r.region).collect();
            election(&mut svg, page, &regions);
        }
    }
    svg.finish()
}

/// The bytes of the fonts [`Rasteriser::new`] loads (DejaVu Sans, those
/// files found), for the build cache's keys; empty when neither is there
/// (the system's fonts are used then, and an image's key names none).
pub fn font_bytes() -> Vec<u8> {
    DEJAVU
        .iter()
        .filter_map(|file| std::fs::read(file).ok())
        .flatten()
        .collect()
}

/// Turns preview SVGs into PNGs, with the fonts loaded once.
pub struct Rasteriser {
    options: usvg::Options<'static>,
}

impl Rasteriser {
    /// Loads DejaVu Sans (regular and bold) from `fonts-dejavu-core`, or
    /// else the system's fonts; an error when there is no font at all.
    pub fn new() -> Result<Rasteriser, String> {
        let mut db = usvg::fontdb::Database::new();
        for file in DEJAVU {
            if Path::new(file).is_file() {
                db.load_font_file(file)
                    .map_err(|e| format!("{file}: {e}"))?;
            }
        }
        if db.is_empty() {
            eprintln!(
                "prerender: {} not found (Debian's fonts-dejavu-core, installed by scripts/setup): \
                 the preview images use the system's fonts",
                DEJAVU[0]
            );
            db.load_system_fonts();
        }
        let family = db
            .faces()
            .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
            .find(|name| name.contains("Sans"))
            .or_else(|| {
                db.faces()
                    .next()
                    .and_then(|f| f.families.first().map(|(n, _)| n.clone()))
            })
            .ok_or("no font found for the preview images: run scripts/setup (fonts-dejavu-core)")?;
        db.set_sans_serif_family(family.clone());
        let options = usvg::Options {
            font_family: family,
            fontdb: Arc::new(db),
            ..usvg::Options::default()
        };
        Ok(Rasteriser { options })
    }

    /// The image `svg` draws, as RGBA pixels (`WIDTH`×`HEIGHT` of them for
    /// a preview).
    pub fn pixels(&self, svg: &str) -> Result<tiny_skia::Pixmap, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let size = tree.size().to_int_size();
        let mut pixmap =
            tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("an image of no size")?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        Ok(pixmap)
    }

    /// `svg` as a PNG of at most 256 colours (the images are flat colours
    /// and their anti-aliased edges: a palette keeps them small).
    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        let pixmap = self.pixels(svg)?;
        palette_png(pixmap.width(), pixmap.height(), pixmap.data())
    }
}

/// Opaque RGBA pixels as an 8-bit palette PNG (NeuQuant to 256 colours,
/// learning from one pixel in 30: the images are mostly flat colour).
pub fn palette_png(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, String> {
    let quant = color_quant::NeuQuant::new(30, 256, rgba);
    // Mostly runs of one colour: look a colour up only where it changes
    // (this runs unoptimised in Trunk's debug-profile hook).
    let mut indices = Vec::with_capacity(rgba.len() / 4);
    let mut last: (&[u8], u8) = (&[], 0);
    for px in rgba.chunks_exact(4) {
        if px != last.0 {
            last = (px, quant.index_of(px) as u8);
        }
        indices.push(last.1);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(quant.color_map_rgb());
    encoder.set_compression(png::Compression::High);
    encoder.set_filter(png::Filter::NoFilter);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer
        .write_image_data(&indices)
        .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_made_to_fit_and_wrapped_at_spaces() {
        assert_eq!(fit("London", 1080.0, 58.0, true), 58.0);
        let long = "Naomi Wimborne-Idrissi and a much longer name besides";
        let size = fit(long, 500.0, 40.0, true);
        assert!(size < 40.0 && width(long, size, true) <= 500.0);
        let lines = wrap("one two three four five six", 200.0, 20.0, false);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), "one two three four five six");
        assert!(lines.iter().all(|l| width(l, 20.0, false) <= 200.0));
    }
}
