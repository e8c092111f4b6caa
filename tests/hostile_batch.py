"""A small batch of articles whose titles, text, URLs and file names carry payloads.

Script and markup injection, template syntax (Jinja and others), JavaScript
URLs, terminal escape sequences, bidi overrides and carriage returns: written
by ``write_batch`` as a JSON lines file and a .txt file that the pipeline
reads like any scraped batch. Two outlets disagree on one toll, so the
report has a conflict whose claims quote the hostile sentences.
"""

from __future__ import annotations

import json
from pathlib import Path

SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
IMG = '<img src=x onerror="window.__pwned=2;alert(2)">'
SVG = '"><svg onload=alert(3)>'
JINJA = "{{ 7*7 }}{% for x in range(3) %}X{% endfor %}{{ config }}"
OTHER_TEMPLATES = "${7*7} #{7*7} <%= 7*7 %>"
ESCAPES = "\x1b[2J\x1b[31mRED\x1b]0;owned\x07\r\u202eevil"
JS_URL = "javascript:alert(4)"
QUOTE_URL = 'https://news.example/a"><script>alert(5)</script>'
PAYLOAD = " ".join((SCRIPT, IMG, SVG, JINJA, OTHER_TEMPLATES))
# A file name may carry markup and escape sequences too (never a slash).
HOSTILE_FILE = "feed <b onmouseover=alert(6)>\x1b[31m.jsonl"


def write_batch(root: Path) -> list[str]:
    """Write the hostile batch under ``root``; returns the file names written."""
    records = [
        {
            "title": f"Bus crash {PAYLOAD} {ESCAPES}",
            "maintext": (
                "The police said 12 people were killed when a bus fell into a gorge near the "
                f"mountain town on Monday. {PAYLOAD} {ESCAPES}"
            ),
            "url": JS_URL,
            "source_domain": f"first.example {SCRIPT}",
            "date_publish": "2024-05-06",
        },
        {
            "title": f"Gorge bus crash kills 20 {JINJA}",
            "maintext": (
                "The police said 20 people were killed when a bus fell into a gorge near the "
                f"mountain town on Monday. {IMG} {OTHER_TEMPLATES}"
            ),
            "url": QUOTE_URL,
            "date_publish": "2024-05-06",
        },
    ]
    (root / HOSTILE_FILE).write_text(
        "".join(json.dumps(record) + "\n" for record in records), encoding="utf-8"
    )
    (root / "plain.txt").write_text(
        f"Gorge crash {SVG} {ESCAPES}\n\n"
        "Rescuers said 12 people were killed when a bus fell into a gorge near "
        f"the mountain town on Monday. {SCRIPT} {JINJA}\n",
        encoding="utf-8",
    )
    return [HOSTILE_FILE, "plain.txt"]
