//! Escaping for the two text formats slatecard reads and writes: URL query
//! strings (read) and HTML attributes (written into embed snippets).

/// Decodes `%XX` escapes and `+` (a space), as in a URL query string. Invalid
/// escapes are kept as they are and invalid UTF-8 becomes U+FFFD, so decoding
/// never fails.
///
/// ```
/// use slatecard_core::domain::escape::percent_decode;
/// assert_eq!(percent_decode("SW1A%201AA+x"), "SW1A 1AA x");
/// assert_eq!(percent_decode("%zz"), "%zz");
/// ```
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes `s` for use inside a double-quoted HTML attribute or as text.
///
/// ```
/// use slatecard_core::domain::escape::html_escape;
/// assert_eq!(html_escape(r#"a&b "c" <d>"#), "a&amp;b &quot;c&quot; &lt;d&gt;");
/// ```
pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_leniently() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%E2%9C%93"), "✓");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }
}
