//! The data's fingerprint: a short hash that names exactly what an election
//! says, whatever the layout of its file, so a member, a blogger or an
//! organiser can confirm they see the official version (`slatecard check`
//! prints it; the app shows it in its footer and embeds).

use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// The fingerprint of an election file together with its region scheme
/// file: the first 8 hexadecimal digits of the SHA-256 of their canonical
/// form, e.g. `"3f9c01ab"`.
///
/// The canonical form is each file's parsed TOML values, written with
/// tables' keys sorted and no spaces (see [`canonical`]), so comments,
/// blank lines, key order, quoting style and table layout do not change it;
/// any changed value (a name, a place in an order, a date) does. The scheme
/// is included because it decides which region's order a postcode gets.
///
/// # Errors
/// The TOML parser's message when either text is not valid TOML (the
/// checks of [`crate::parse_election`] report it better: call them first).
///
/// ```
/// let scheme = "scheme = \"x\"";
/// let a = slatecard_data_format::fingerprint("id = \"e\"\nn = [1, 2]", scheme).unwrap();
/// let b = slatecard_data_format::fingerprint("# a comment\nn = [ 1,2 ]\nid = 'e'", scheme).unwrap();
/// let c = slatecard_data_format::fingerprint("id = \"e\"\nn = [2, 1]", scheme).unwrap();
/// assert_eq!(a, b);
/// assert_ne!(a, c);
/// assert_eq!(a.len(), 8);
/// ```
pub fn fingerprint(election: &str, scheme: &str) -> Result<String, String> {
    let mut hash = Sha256::new();
    for text in [election, scheme] {
        let value: toml::Table = toml::from_str(text).map_err(|e| e.message().to_owned())?;
        hash.update(canonical(&toml::Value::Table(value)));
        // A separator no canonical form contains, so two files can never be
        // read as one.
        hash.update([0u8]);
    }
    let digest = hash.finalize();
    Ok(digest[..4].iter().fold(String::new(), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    }))
}

/// A TOML value in canonical form: JSON-like, tables' keys sorted by their
/// bytes, strings in JSON's escaping, floats in Rust's shortest round-trip
/// form, dates and times as TOML writes them prefixed by `@`.
pub fn canonical(value: &toml::Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value);
    out
}

fn write_value(out: &mut String, value: &toml::Value) {
    match value {
        toml::Value::String(s) => write_string(out, s),
        toml::Value::Integer(i) => {
            let _ = write!(out, "{i}");
        }
        toml::Value::Float(f) => {
            let _ = write!(out, "{f:?}");
        }
        toml::Value::Boolean(b) => {
            let _ = write!(out, "{b}");
        }
        toml::Value::Datetime(d) => {
            let _ = write!(out, "@{d}");
        }
        toml::Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        toml::Value::Table(table) => {
            let mut keys: Vec<&String> = table.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write_value(out, &table[key]);
            }
            out.push('}');
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A published file's content-addressed name: `NAME` with the first 8
/// hexadecimal digits of the SHA-256 of its bytes before its extension, e.g.
/// `content_name("labour.bin", bytes)` is `"labour.3f9c01ab.bin"`.
///
/// Hosts may keep such a file for a year (`immutable`): a new content is a
/// new name. `site/src/hash_names.rs` names the built files by the same rule;
/// the app asks for the postcode table by the name this gives at build time.
///
/// ```
/// let name = slatecard_data_format::content_name("labour.bin", b"abc");
/// assert_eq!(name, "labour.ba7816bf.bin");
/// assert_eq!(slatecard_data_format::content_name("README", b"abc"), "README.ba7816bf");
/// ```
pub fn content_name(name: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(8);
    for b in &digest[..4] {
        let _ = write!(hex, "{b:02x}");
    }
    match name.split_once('.') {
        Some((stem, ext)) => format!("{stem}.{hex}.{ext}"),
        None => format!("{name}.{hex}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_form_sorts_keys_and_escapes() {
        let t: toml::Table =
            toml::from_str("b = \"x\\\"y\\n\"\na = [1, 2.5, true]\n[c]\nd = 2022-08-30").unwrap();
        assert_eq!(
            canonical(&toml::Value::Table(t)),
            r#"{"a":[1,2.5,true],"b":"x\"y\u000a","c":{"d":@2022-08-30}}"#
        );
    }

    #[test]
    fn layout_does_not_count_but_the_scheme_does() {
        let e1 = "[ballot]\nseats = 9\n";
        let e2 = "ballot = { seats = 9 } # inline\n";
        assert_eq!(
            fingerprint(e1, "s = 1").unwrap(),
            fingerprint(e2, "s = 1").unwrap()
        );
        assert_ne!(
            fingerprint(e1, "s = 1").unwrap(),
            fingerprint(e1, "s = 2").unwrap()
        );
    }

    #[test]
    fn invalid_toml_is_an_error_not_a_panic() {
        assert!(fingerprint("id = ", "").is_err());
    }
}
