//! `check` on the bundled data and on single faults made in real files.

use slatecard_data_format::{check_dir, Reference};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn the_bundled_data_has_no_problems() {
    let root = root();
    let problems = check_dir(&root, &Reference::load(&root));
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", shown.join("\n"));
}
