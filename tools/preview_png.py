"""Screenshot the HTML preview of an example with headless Chromium (for docs/img/).

python tools/preview_png.py examples/giam-ngheo-ben-vung.yaml docs/img/preview-ke-hoach.png
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import vanban
from vanban.preview import to_html


def main(source: str, out: str, height: int = 1300) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("cần Chromium: apt-get install -y chromium")
    html = to_html(vanban.load(source))
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "preview.html"
        page.write_text(
            '<!doctype html><html><head><meta charset="utf-8"></head>'
            f'<body style="margin:0">{html}</body></html>',
            encoding="utf-8",
        )
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--user-data-dir={tmp}/profile",
                f"--window-size=900,{height}",
                f"--screenshot={Path(out).resolve()}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


if __name__ == "__main__":
    main(*sys.argv[1:3])
