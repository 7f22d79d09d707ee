#!/usr/bin/env python3
"""Follows docs/organisers.md's worked example step by step on a fresh copy
of the project, as an organiser would: runs each block marked
`<!-- walkthrough: run -->` and writes each block marked
`<!-- walkthrough: write PATH -->`, in the page's order. Then checks that the
new election is in the built site (its London page carries the slate's
published order, the landing page offers it) and that nothing outside
`data/` was edited along the way (no Rust, no scripts).

  tests/organisers/walkthrough.py [--keep]

The copy is the project's tracked files (as `git ls-files` lists them) in a
temporary folder; cargo builds go to target/walkthrough/, its own, kept
between runs. The first run seeds it with the project's compiled
third-party crates (from crates.io, as Cargo.lock names them), so only the
copy's own crates compile: they are built from the copy's data, never
taken from the project's. --keep leaves the copy.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "organisers.md"


def steps(text):
    """(kind, argument, body) for each marked block, in order."""
    pattern = re.compile(r"<!-- walkthrough: (run|write ([^ ]+)) -->\s*```[a-z]*\n(.*?)```", re.S)
    for m in pattern.finditer(text):
        kind = "run" if m.group(1) == "run" else "write"
        yield kind, m.group(2), m.group(3)


def registry_crates():
    """The crates.io packages of Cargo.lock, as file names spell them."""
    lock = (ROOT / "Cargo.lock").read_text()
    found = re.findall(r'\[\[package\]\]\nname = "([^"]+)"\nversion = "[^"]+"\nsource = "registry', lock)
    return {name.replace("-", "_") for name in found}


def seed(target, into):
    """Copies the compiled crates.io crates of the profiles the walkthrough
    builds (the native tools' debug; the browser modules' wasm32 release and, for their build scripts and macros, the host's release)
    from the project's target folder into the walkthrough's, once.

    The workspace's own crates are left out: cargo names them by their path
    from the workspace root, the same in the copy, and their build script
    reads data/ by absolute path, so a copied one would be the project's,
    built from the project's data. Everything from crates.io is the same in
    both (same Cargo.lock, same features, same compiler), and cargo moves
    build-script outputs' paths to the new folder itself."""
    crates = registry_crates()

    def third_party(name):
        stem = name.split(".")[0].rsplit("-", 1)[0].replace("-", "_")
        return stem in crates or (stem.startswith("lib") and stem[3:] in crates)

    copied = 0
    for profile in ["debug", "release", "wasm32-unknown-unknown/release"]:
        for part in [".fingerprint", "build", "deps"]:
            src = target / profile / part
            if not src.is_dir():
                continue
            dst = into / profile / part
            dst.mkdir(parents=True, exist_ok=True)
            for entry in src.iterdir():
                if not third_party(entry.name) or (dst / entry.name).exists():
                    continue
                if entry.is_dir():
                    shutil.copytree(entry, dst / entry.name, symlinks=True)
                else:
                    shutil.copy2(entry, dst / entry.name)
                copied += 1
    return copied


def fail(message):
    print(f"walkthrough: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    keep = "--keep" in sys.argv
    todo = list(steps(DOC.read_text()))
    if not any(k == "write" for k, _, _ in todo) or not any(k == "run" for k, _, _ in todo):
        fail(f"{DOC} has no marked steps")
    work = Path(tempfile.mkdtemp(prefix="slatecard-organiser-"))
    try:
        files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True,
                               capture_output=True).stdout.split(b"\0")
        for f in filter(None, files):
            src, dst = ROOT / f.decode(), work / f.decode()
            if src.is_file():
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dst)
        # Installed tools (scripts/setup puts them in tools/node_modules).
        (work / "tools" / "node_modules").symlink_to(ROOT / "tools" / "node_modules")
        git = lambda *a: subprocess.run(["git", *a], cwd=work, check=True, capture_output=True, text=True).stdout
        git("init", "-q")
        git("add", "-A")
        git("-c", "user.name=walkthrough", "-c", "user.email=walkthrough@localhost", "commit", "-qm", "fresh copy")
        # A target directory of its own: the copy's crates have the same
        # names as the project's, so in a shared one its binaries and wasm
        # (built with the example election) would replace the project's
        # under the same file names. Kept between runs, so a re-run is warm.
        own = ROOT / "target" / "walkthrough"
        if not own.exists():
            start = time.monotonic()
            n = seed(ROOT / "target", own)
            print(f"walkthrough: seeded {own.relative_to(ROOT)} with {n} compiled crates.io "
                  f"crates from target/ in {time.monotonic() - start:.0f} s")
        # The site builder's cache is the project's: its entries are named
        # by the SHA-256 of their whole input, so the copy's new data can
        # only miss it, never read an entry made from other data.
        env = dict(os.environ, CARGO_TARGET_DIR=str(own),
                   SLATECARD_BUILD_CACHE=str(ROOT / "target" / "site-cache"))
        for n, (kind, path, body) in enumerate(todo, 1):
            if kind == "write":
                print(f"walkthrough: step {n}: write {path}")
                (work / path).write_text(body)
                continue
            print(f"walkthrough: step {n}: {body.strip().splitlines()[-1]}", end="", flush=True)
            start = time.monotonic()
            run = subprocess.run(["bash", "-euo", "pipefail", "-c", body], cwd=work, env=env,
                                 capture_output=True, text=True)
            print(f" ({time.monotonic() - start:.0f} s)")
            if run.returncode != 0:
                fail(f"step {n} exited {run.returncode}:\n{body}\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
        changed = [line[3:] for line in git("status", "--porcelain", "--untracked-files=all").splitlines()]
        outside = [p for p in changed if not p.startswith("data/") and not p.startswith("dist/")]
        if outside:
            fail(f"files outside data/ changed: {outside}")
        if "data/elections/nec-2028.toml" not in changed:
            fail(f"no new election file; changed: {changed}")
        london = work / "dist" / "nec-2028" / "london" / "index.html"
        if not london.exists():
            fail(f"{london.relative_to(work)} was not built")
        page = london.read_text()
        names = ["Cara Chen", "Ada Avery", "Dev Dunn", "Ben Brook"]
        at = [page.find(n) for n in names]
        if -1 in at or at != sorted(at):
            fail(f"London's page does not list {names} in that order: {at}")
        if "NEC 2028" not in (work / "dist" / "index.html").read_text():
            fail("the landing page does not offer NEC 2028")
        wales = (work / "dist" / "nec-2028" / "wales" / "index.html").read_text()
        if "worked out by slatecard" not in wales:
            fail("Wales's generated order is not labelled as worked out by slatecard")
        print(f"walkthrough: ok: {len(todo)} steps; the new election is in the built site; only data/ changed ({', '.join(changed)})")
    finally:
        if keep:
            print(f"walkthrough: copy kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
