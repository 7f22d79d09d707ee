//! The app's URL state: decoding any query never panics, and what it decodes
//! encodes back to a query that decodes the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slatecard::domain::query::{wp_embed_secret, AppQuery};

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let q = AppQuery::parse(&s);
    let again = AppQuery::parse(&q.to_query());
    assert_eq!(again.election, q.election);
    assert_eq!(again.region, q.region);
    assert_eq!(again.embed, q.embed);
    let _ = wp_embed_secret(&s);
});
