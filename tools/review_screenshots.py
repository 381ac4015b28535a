"""Screenshots of ``khplan review`` for the README, from a real ingest (``make demo`` writes build/demo).

    .venv/bin/python -m tools.review_screenshots --out build/demo --to docs

Serves the folder in this process on a free loopback port and photographs
the queue and one scanned document with a field selected.
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path

import uvicorn

from khplan.pipeline.review.app import ReviewConfig, create_app
from khplan.pipeline.review.security import Guard
from khplan.pipeline.review.server import bind
from tools.browser import browser


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("build/demo"), help="an ingested output folder")
    parser.add_argument("--to", type=Path, default=Path("docs"), help="where the PNG files go")
    parser.add_argument("--field", default="number", help="the field selected in the document view")
    args = parser.parse_args()

    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    app = create_app(ReviewConfig(args.out, "archivist"), Guard.for_address("127.0.0.1", port, None))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    args.to.mkdir(parents=True, exist_ok=True)
    try:
        with browser(1600, 1000) as context:
            page = context.new_page()
            page.goto(base + "/")
            page.screenshot(path=str(args.to / "review-queue.png"))
            scanned = sorted(p.stem for p in (args.out / "records").glob("*.pdf"))
            page.goto(f"{base}/documents/{scanned[0]}")
            page.locator(f'.field[data-path="{args.field}"]').click()
            page.wait_for_selector(".box")
            page.wait_for_function(
                "() => [...document.querySelectorAll('figure.page img')].filter(i => i.getBoundingClientRect().top"
                " < innerHeight && i.getBoundingClientRect().bottom > 0).every(i => i.complete && i.naturalWidth)"
            )
            page.wait_for_timeout(300)
            page.screenshot(path=str(args.to / "review-document.png"))
    finally:
        server.should_exit = True
        thread.join(10)
    print(f"wrote {args.to / 'review-queue.png'} and {args.to / 'review-document.png'}")


if __name__ == "__main__":
    main()
