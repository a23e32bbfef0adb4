"""Screenshots of every dashboard view, from the demo ledger, for the README and docs.

    python scripts/take_screenshots.py [--db demo.db] [--out docs/screenshots]

Builds the demo ledger first when the file does not exist (``warledger demo``), serves it
on a free loopback port and photographs each page in Debian's headless Chromium.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import uvicorn

from warledger.interfaces.api import create_app

REPO = Path(__file__).resolve().parent.parent
VIEWS = {
    "overview.png": "/",
    "events.png": "/events",
    "barrages.png": "/barrages",
    "peace.png": "/peace",
    "positions.png": "/positions",
    "coverage.png": "/coverage",
}


def _serve(db: Path) -> tuple[str, uvicorn.Server]:
    app = create_app(f"sqlite:///{db}", token="")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("demo-screenshots.db"))
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    if not args.db.exists():
        cmd = [sys.executable, "-m", "warledger", "demo", "--db", str(args.db), "--json"]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    args.out.mkdir(parents=True, exist_ok=True)
    base, server = _serve(args.db.resolve())
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--headless=new"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for name, path in VIEWS.items():
            page.goto(base + path)
            if path == "/":
                page.locator("#map[data-loaded='1']").wait_for()
            page.screenshot(path=str(args.out / name), full_page=path != "/")
            print(args.out / name)
        # One event with a map and several claims: the busiest placed strike.
        page.goto(base + "/events?kind=strike&sort=-sources")
        page.locator("#events-table tbody tr td.summary a").first.click()
        page.wait_for_url("**/events/e-*")
        if page.locator("#event-map").count():
            page.locator("#event-map[data-ready='1']").wait_for()
        page.screenshot(path=str(args.out / "event.png"), full_page=True)
        print(args.out / "event.png")
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
