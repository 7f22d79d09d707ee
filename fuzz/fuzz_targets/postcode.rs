//! Postcode input: parsing, lookup and wording the answer never panic, and normalising is idempotent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slatecard::domain::lookup::resolve;
use slatecard::domain::postcode::{normalise, parse};

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let once = normalise(&s);
    assert_eq!(normalise(&once), once);
    let _ = parse(&s, |_| true);
    if let Ok(answer) = resolve(&s) {
        use slatecard::text::Catalogue as _;
        let _ = slatecard::text::catalogue(slatecard::text::Lang::En).answer(&answer);
    }
});
