//! A content-addressed cache for the build's slow steps whose output is a
//! function of their input alone: `wasm-bindgen` and `wasm-opt` on each
//! browser module, terser on each script, and the rasterising of each
//! preview image. A build that changes nothing (a re-run of CI, the
//! subfolder build after the release build) then skips most of its work
//! (`reports/ci.md` has the figures).
//!
//! Each entry's name is the SHA-256 of everything its output depends on
//! (the input's bytes, the tool's version and arguments, or the drawing
//! code's source), so a stale entry is never read: it is simply never asked
//! for again. Entries unused for [`KEEP_DAYS`] days are removed at the
//! start of each build.
//!
//! Where: `$SLATECARD_BUILD_CACHE`, else `$CARGO_TARGET_DIR/site-cache`,
//! else `target/site-cache`. `SLATECARD_BUILD_CACHE=off` turns it off. A
//! cache that cannot be read or written never fails the build: the step
//! simply runs.

use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// Days an entry is kept after it was last used.
pub const KEEP_DAYS: u64 = 14;

/// One kind of entry (`modules`, `terser`, `previews`), in a folder of
/// its own.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: Option<PathBuf>,
}

/// The cache's folder, or None when it is turned off.
fn base() -> Option<PathBuf> {
    match std::env::var("SLATECARD_BUILD_CACHE") {
        Ok(v) if v == "off" || v == "0" => None,
        Ok(v) if !v.trim().is_empty() => Some(PathBuf::from(v)),
        _ => Some(
            std::env::var_os("CARGO_TARGET_DIR")
                .map_or_else(|| crate::root().join("target"), PathBuf::from)
                .join("site-cache"),
        ),
    }
}

impl Cache {
    /// The cache of entries of `kind` (a folder name).
    pub fn open(kind: &str) -> Cache {
        Cache {
            dir: base().map(|b| b.join(kind)),
        }
    }

    /// The key of an output made from `parts`: the hex SHA-256 of each
    /// part's length and bytes, so that no two lists of parts share a key.
    pub fn key(parts: &[&[u8]]) -> String {
        let mut hash = Sha256::new();
        for part in parts {
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part);
        }
        hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    fn file(&self, key: &str, ext: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(format!("{key}.{ext}")))
    }

    /// The bytes stored under `key` and `ext`, if any. A hit counts as a
    /// use (its time is renewed).
    pub fn get(&self, key: &str, ext: &str) -> Option<Vec<u8>> {
        let file = self.file(key, ext)?;
        let bytes = std::fs::read(&file).ok()?;
        if let Ok(f) = std::fs::File::options().append(true).open(&file) {
            let _ = f.set_modified(SystemTime::now());
        }
        Some(bytes)
    }

    /// Stores `bytes` under `key` and `ext` (written aside, then renamed:
    /// a build stopped half-way leaves no half entry).
    pub fn put(&self, key: &str, ext: &str, bytes: &[u8]) {
        let (Some(dir), Some(file)) = (self.dir.as_ref(), self.file(key, ext)) else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let part = dir.join(format!("{key}.{ext}.{}.part", std::process::id()));
        if std::fs::write(&part, bytes).is_ok() && std::fs::rename(&part, &file).is_err() {
            let _ = std::fs::remove_file(&part);
        }
    }
}

/// Removes every entry, of every kind, not used for [`KEEP_DAYS`] days;
/// returns how many went.
pub fn prune() -> usize {
    let Some(base) = base() else { return 0 };
    let Some(cutoff) = SystemTime::now().checked_sub(Duration::from_secs(KEEP_DAYS * 24 * 60 * 60))
    else {
        return 0;
    };
    let mut removed = 0;
    for kind in std::fs::read_dir(base).into_iter().flatten().flatten() {
        for entry in std::fs::read_dir(kind.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t < cutoff);
            if old && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tell_apart_lists_that_join_to_the_same_bytes() {
        assert_ne!(Cache::key(&[b"ab", b"c"]), Cache::key(&[b"a", b"bc"]));
        assert_eq!(Cache::key(&[b"ab", b"c"]), Cache::key(&[b"ab", b"c"]));
        assert_eq!(Cache::key(&[]).len(), 64);
    }

    #[test]
    fn an_entry_put_is_got_back_and_a_missing_one_is_none() {
        let dir = std::env::temp_dir().join(format!("site-cache-test-{}", std::process::id()));
        let cache = Cache {
            dir: Some(dir.clone()),
        };
        let key = Cache::key(&[b"input"]);
        assert_eq!(cache.get(&key, "bin"), None);
        cache.put(&key, "bin", b"output");
        assert_eq!(cache.get(&key, "bin").as_deref(), Some(&b"output"[..]));
        assert_eq!(cache.get(&key, "png"), None);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_cache_turned_off_stores_nothing() {
        let cache = Cache { dir: None };
        cache.put("k", "bin", b"x");
        assert_eq!(cache.get("k", "bin"), None);
    }
}
