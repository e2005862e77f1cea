#!/usr/bin/env python3
"""The reference extractor for the saved-page evaluation (examples/eval.rs): trafilatura, run on
the same files in the same run. Reads file paths, one per line, on stdin; writes one JSON object
per file on stdout: file, title, date, author, text, and the seconds trafilatura took in all on
the last line ({"seconds": ...}).

    pip install trafilatura lxml_html_clean
"""
import json
import sys
import time

import trafilatura

total = 0.0
for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    with open(path, "rb") as f:
        data = f.read()
    start = time.perf_counter()
    try:
        out = trafilatura.extract(data, output_format="json", with_metadata=True, include_comments=False)
        doc = json.loads(out) if out else {}
    except Exception as e:  # a page trafilatura cannot read counts as nothing found
        doc = {"error": str(e)}
    total += time.perf_counter() - start
    print(json.dumps({
        "file": path,
        "title": doc.get("title") or "",
        "date": doc.get("date") or "",
        "author": doc.get("author") or "",
        "text": doc.get("text") or "",
    }, ensure_ascii=False), flush=True)
print(json.dumps({"seconds": total}))
