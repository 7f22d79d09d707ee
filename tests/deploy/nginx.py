#!/usr/bin/env python3
"""Serves the release build with the nginx configuration that
docs/deploying.md gives, exactly as written there, and checks what every file
is sent with, as a browser and a CDN would see it:

- status 200, and the Content-Type browsers need (application/wasm for
  streaming compilation, a JavaScript type for modules, text/css, …);
- Cache-Control: a year and `immutable` for content-addressed names
  (`STEM.<8 hex>.EXT`) and for nothing else, a day for favicon.svg and the
  QR codes, `no-cache` for the rest (the table in the guide);
- `Access-Control-Allow-Origin: *` (the widget in blogs' frames);
- brotli for everything that compresses, with `Vary: Accept-Encoding`;
- pages by their folder's address; a missing address answered with 404.html
  and a 404, never with the one-year header.

  python3 tests/deploy/nginx.py      (after `trunk build --release`)

Needs nginx with ngx_brotli's static module (scripts/setup installs them).
"""
import re
import runpy
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
GUIDE = ROOT / "docs" / "deploying.md"
MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
HASHED = re.compile(r"\.[0-9a-f]{8}\.[a-z]+$")
TYPES = {".html": r"text/html", ".js": r"(text|application)/javascript", ".wasm": r"application/wasm",
         ".css": r"text/css", ".png": r"image/png", ".svg": r"image/svg\+xml", ".json": r"application/json",
         ".webmanifest": r"application/manifest\+json", ".bin": r"application/octet-stream",
         ".txt": r"text/plain"}
# What the release step compresses (scripts/precompress), so what must go out as brotli.
COMPRESSED = runpy.run_path(str(ROOT / "scripts" / "precompress"))["COMPRESSIBLE"]


def guide_block() -> str:
    """The guide's ```nginx block, as written."""
    blocks = re.findall(r"```nginx\n(.*?)```", GUIDE.read_text(), re.S)
    if len(blocks) != 1:
        sys.exit(f"deploy: {GUIDE} should have one ```nginx block, not {len(blocks)}")
    return blocks[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str):
    """(status, headers) of GET url, asking for brotli; the body is read and dropped."""
    req = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip"})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def cache_wanted(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if HASHED.search(name):
        return "public, max-age=31536000, immutable"
    if name in ("favicon.svg", "qr.svg"):
        return "public, max-age=86400"
    return "no-cache"


def main() -> int:
    if not (DIST / "index.html").is_file():
        print("deploy: dist/ is missing: run `trunk build --release` first", file=sys.stderr)
        return 2
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists() or not MODULE.exists():
        print("deploy: nginx or its brotli static module is missing: run scripts/setup", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="slatecard-nginx-"))
    # nginx's workers run as an unprivileged user when it is started as root.
    work.chmod(0o755)
    site = work / "site"
    shutil.copytree(DIST, site)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "precompress"), str(site)], check=True)
    shutil.copy("/etc/nginx/mime.types", work / "mime.types")
    port = free_port()
    for d in ("tmp", "logs"):
        (work / d).mkdir()
    block = guide_block().replace("/srv/slatecard", str(site))
    (work / "nginx.conf").write_text(
        f"load_module {MODULE};\nworker_processes 1;\ndaemon off;\npid {work}/tmp/nginx.pid;\n"
        f"error_log {work}/logs/error.log warn;\nevents {{ worker_connections 64; }}\n"
        "http {\n  default_type application/octet-stream;\n  access_log off;\n"
        + "".join(f"  {k}_temp_path {work}/tmp/{k};\n" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + f"  server {{\n    listen 127.0.0.1:{port};\n{block}\n  }}\n}}\n")
    server = subprocess.Popen([nginx, "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "logs" / "error.log")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/"
    problems = []
    try:
        for _ in range(100):
            if server.poll() is not None:
                print(f"deploy: nginx did not start:\n{server.stderr.read().decode()}", file=sys.stderr)
                return 1
            try:
                fetch(base)
                break
            except OSError:
                time.sleep(0.05)
        files = [f.relative_to(DIST).as_posix() for f in sorted(DIST.rglob("*")) if f.is_file()]
        # Each file by its name, and each page by its folder's address too.
        urls = files + [f[: -len("index.html")] for f in files if f.endswith("index.html")]
        for path in urls:
            status, h, _ = fetch(base + path)
            ext = Path(path).suffix or ".html"
            where = f"/{path}"
            if status != 200:
                problems.append(f"{where}: status {status}")
                continue
            if not re.match(TYPES[ext], h.get("Content-Type", "")):
                problems.append(f"{where}: Content-Type {h.get('Content-Type')}, not {TYPES[ext]}")
            want = cache_wanted(path or "index.html")
            if h.get("Cache-Control") != want:
                problems.append(f"{where}: Cache-Control {h.get('Cache-Control')!r}, not {want!r}")
            if h.get("Access-Control-Allow-Origin") != "*":
                problems.append(f"{where}: no Access-Control-Allow-Origin: *")
            if ext in COMPRESSED:
                if h.get("Content-Encoding") != "br":
                    problems.append(f"{where}: Content-Encoding {h.get('Content-Encoding')}, not br")
                if "Accept-Encoding" not in (h.get("Vary") or ""):
                    problems.append(f"{where}: no Vary: Accept-Encoding")
        not_found = (DIST / "404.html").read_bytes()
        for path in ("nec-1999/", "nec-2026/atlantis/", "slatecard_bg.00000000.wasm", "slatecard.00000000.js"):
            status, h, body = fetch(base + path)
            if status != 404:
                problems.append(f"/{path}: status {status}, not 404")
            if "immutable" in (h.get("Cache-Control") or ""):
                problems.append(f"/{path}: a 404 sent with Cache-Control {h.get('Cache-Control')!r}")
            if body and body != not_found and h.get("Content-Encoding") is None:
                problems.append(f"/{path}: not answered with 404.html")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    if problems:
        print(f"deploy: the nginx configuration in {GUIDE.relative_to(ROOT)} serves {len(problems)} things wrongly:")
        for p in problems[:40]:
            print(f"  {p}")
        if len(problems) > 40:
            print(f"  … and {len(problems) - 40} more")
        return 1
    print(f"deploy: nginx with the guide's configuration serves all {len(urls)} addresses of the build as the guide says, "
          "and answers 4 missing ones with 404.html and a 404")
    return 0


if __name__ == "__main__":
    sys.exit(main())
