#!/usr/bin/env python3
"""Renders the platform's business and platform metrics, read live from running servers' Prometheus /metrics,
as one HTML page (the README picture docs/img/metrics.png is a headless-Chromium screenshot of it).

    python3 docs/img/metrics-page.py http://127.0.0.1:4040/metrics http://127.0.0.1:4050/metrics > /tmp/metrics.html
    chromium --headless --no-sandbox --window-size=1400,1500 --screenshot=docs/img/metrics.png file:///tmp/metrics.html

Only the series named in deploy/grafana/exposed-metrics.txt (what the dashboard queries) are shown.
"""
import html
import os
import re
import sys
import urllib.request
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def wanted():
    names = []
    with open(os.path.join(ROOT, "deploy/grafana/exposed-metrics.txt")) as f:
        for line in f:
            entry = line.split("#")[0].split()
            if entry:
                names.append(entry[0])
    return names


def scrape(url):
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/plain"}), timeout=20) as r:
        text = r.read().decode()
    for line in text.splitlines():
        m = LINE.match(line)
        if m and not line.startswith("#"):
            labels = {k: v for k, v in LABEL.findall(m.group(3) or "") if k not in ("mp_scope",)}
            yield m.group(1), labels, m.group(4)


def main(urls):
    names = wanted()
    rows = []
    for url in urls:
        for name, labels, value in scrape(url):
            if name in names and not (name.endswith("_bucket")):
                rows.append((names.index(name), name, labels, value, url))
    rows.sort(key=lambda r: (r[0], sorted(r[2].items())))
    out = ["<!doctype html><meta charset=utf-8><title>Autopilot Monster metrics</title><style>",
           "body{font:14px system-ui,sans-serif;margin:24px;color:#1d2330}h1{font-size:20px;margin:0 0 4px}",
           ".sub{color:#667;margin-bottom:16px}table{border-collapse:collapse;width:100%}",
           "td,th{padding:4px 8px;border-bottom:1px solid #e3e6ee;text-align:left;vertical-align:top}",
           "th{background:#f3f5fa}td.v{text-align:right;font-family:monospace;font-weight:600}",
           "td.n{font-family:monospace;color:#0b4f9c}span.l{display:inline-block;background:#eef1f8;border-radius:3px;",
           "padding:0 5px;margin:1px 3px 1px 0;font-family:monospace;font-size:12px}td.s{color:#889;font-size:12px}",
           "</style>", "<h1>Autopilot Monster &mdash; business and platform metrics (Prometheus /metrics, live)</h1>",
           "<div class=sub>scraped %s from %s</div>" % (datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
                                                        ", ".join(html.escape(u) for u in urls)),
           "<table><tr><th>metric</th><th>labels</th><th>value</th><th>server</th></tr>"]
    for _, name, labels, value, url in rows:
        chips = "".join("<span class=l>%s=%s</span>" % (html.escape(k), html.escape(v)) for k, v in sorted(labels.items()))
        out.append("<tr><td class=n>%s</td><td>%s</td><td class=v>%s</td><td class=s>%s</td></tr>"
                   % (html.escape(name), chips, html.escape(value), html.escape(url.split("//")[1].split("/")[0])))
    out.append("</table>")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
