//! The app's URL state: decoding any query never panics, and what it decodes
//! encodes back to a query that decodes the same. `mount()`'s strict options
//! never panic either, and what they accept a link carries the same way.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slatecard::domain::embedding::{widget_options, wp_embed_secret};
use slatecard::domain::link::Link;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let q = Link::parse(&s);
    let again = Link::parse(&q.to_query());
    assert_eq!(again.election, q.election);
    assert_eq!(again.region, q.region);
    assert_eq!(again.embed, q.embed);
    let _ = wp_embed_secret(&s);

    // The same bytes as mount() options: `key=value` lines.
    let pairs: Vec<(&str, &str)> = s
        .split('\n')
        .map(|line| line.split_once('=').unwrap_or((line, "")))
        .collect();
    match widget_options(pairs.iter().copied()) {
        Ok(opts) => {
            let link = Link::parse(&opts.to_query());
            assert_eq!(link.election, opts.election);
            assert_eq!(link.region, opts.region);
        }
        // Refusals are worded for the host page's author, never a panic.
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
