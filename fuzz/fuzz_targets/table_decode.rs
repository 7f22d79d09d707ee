//! A corrupt postcode table is an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slatecard::domain::table::Table;

fuzz_target!(|data: &[u8]| {
    if let Ok(t) = Table::decode(data) {
        let _ = t.stats();
        let _ = t.district_match("SW", 27);
        let _ = t.area_match("SW");
        let _ = t.postcode_region("SW", 28, 1, 0);
    }
});
