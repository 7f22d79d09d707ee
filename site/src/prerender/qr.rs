//! Each result page's QR code (`qr.svg`): its public address, for the printed
//! card and the stall sheet. Encoded at build time with the `qrcode` crate;
//! never in the WebAssembly.

use qrcode::{Color, EcLevel, QrCode};
use std::fmt::Write as _;

/// The quiet zone around the code, in modules (the standard's minimum).
const QUIET: usize = 4;

/// `url` as an SVG QR code: black on white, error correction level M (a
/// creased or smudged card still scans), one module a unit of the viewBox
/// and each row's dark runs one subpath, so the file stays small. Addresses
/// are short: this fails only for text far longer than any page's.
pub fn qr_svg(url: &str) -> Result<String, String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
        .map_err(|e| format!("{url}: {e}"))?;
    let width = code.width();
    let size = width + 2 * QUIET;
    let colors = code.to_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let run = row[x..].iter().take_while(|c| **c == Color::Dark).count();
                let _ = write!(path, "M{} {}h{run}v1h-{run}z", x + QUIET, y + QUIET);
                x += run;
            } else {
                x += 1;
            }
        }
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" \
         width=\"{px}\" height=\"{px}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{path}\"/></svg>\n",
        px = size * 4,
    ))
}
