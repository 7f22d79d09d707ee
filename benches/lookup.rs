//! Benchmark (not a test): native lookup speed and table decode time.
//!
//! `cargo bench --bench lookup` prints nanoseconds per lookup over the 3,000
//! sample postcodes (full) and their districts (partial), and the decode time.

use slatecard::domain::lookup::resolve_in;
use slatecard::domain::table::Table;
use std::hint::black_box;
use std::time::Instant;

/// The compiled table, as the app fetches it (`labour.bin`).
const TABLE_BYTES: &[u8] = include_bytes!("../data/postcodes/labour.bin");

fn main() {
    let sample: Vec<String> = include_str!("../tests/fixtures/sample-postcodes.csv")
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap_or_default().to_owned())
        .collect();
    let districts: Vec<String> = sample
        .iter()
        .map(|p| p.split(' ').next().unwrap_or_default().to_owned())
        .collect();

    let runs = 200;
    let start = Instant::now();
    for _ in 0..runs {
        black_box(Table::decode(black_box(TABLE_BYTES)).expect("bundled table decodes"));
    }
    let decode = start.elapsed() / runs;

    let table = Table::decode(TABLE_BYTES).expect("bundled table decodes");
    for (name, inputs) in [("full postcode", &sample), ("district", &districts)] {
        let rounds = 100;
        let start = Instant::now();
        for _ in 0..rounds {
            for pc in inputs.iter() {
                black_box(resolve_in(&table, black_box(pc)).ok());
            }
        }
        let per = start.elapsed().as_nanos() as f64 / (rounds * inputs.len()) as f64;
        println!(
            "lookup ({name}): {per:.0} ns per input ({} inputs x {rounds})",
            inputs.len()
        );
    }
    println!(
        "table decode: {:.1} µs ({} bytes)",
        decode.as_nanos() as f64 / 1000.0,
        TABLE_BYTES.len()
    );
}
