"""A heavy, realistic article page (about 230 KB) for timing footcheck's page analysis.

Modern news pages carry far more markup than text: a head full of meta and link tags, inline
scripts and styles (analytics, consent managers, framework state as JSON), inline SVG icons,
navigation menus and a footer with hundreds of links around an article of a few thousand
words. :func:`heavy_page` builds one such page, deterministically from a seed.
"""

from __future__ import annotations

import json
import random

WORDS = ("migration", "labour", "remittance", "Tbilisi", "Yerevan", "sanctions", "budget",
         "energy", "inflation", "border", "visa", "housing", "exodus", "diaspora", "tax",
         "startup", "bank", "transfer", "rent", "census", "survey", "ministry", "report",
         "the", "of", "and", "in", "to", "a", "for", "was", "on", "that", "with", "by")


def _sentence(rng: random.Random, n: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def heavy_page(seed: int = 1, size: int = 230_000, title: str = "Relocants and the rent boom",
               extra_head: str = "", extra_body: str = "") -> bytes:
    """An article page of about ``size`` bytes (UTF-8)."""
    rng = random.Random(seed)
    metas = "".join(f'<meta name="x-meta-{i}" content="{_sentence(rng, 6)}">' for i in range(40))
    links = "".join(f'<link rel="preload" href="/static/chunk-{i:03d}.js" as="script">'
                    for i in range(40))
    state = json.dumps({"articles": [{"id": i, "headline": _sentence(rng, 8),
                                      "tags": [rng.choice(WORDS) for _ in range(6)]}
                                     for i in range(150)]})
    css = "".join(f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i:06x}}}"
                  for i in range(900))
    analytics = "".join(f"window.dl.push({{event:'e{i}',value:{i}}});" for i in range(800))
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": title, "datePublished": "2023-05-04T09:00:00+03:00"})
    head = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{title} | Farm Daily</title>"
            f'<meta property="og:title" content="{title}">'
            f'<meta property="article:published_time" content="2023-05-04T09:00:00+03:00">'
            f'<link rel="canonical" href="https://farm.example/news/2023/rent-boom">'
            f"{metas}{links}<style>{css}</style>"
            f'<script type="application/ld+json">{ld}</script>'
            f"<script>window.dl=[];{analytics}</script>{extra_head}</head>")
    svg = ("<svg viewBox='0 0 24 24' width='24' height='24'><path d='"
           + " ".join(f"M{i} {i + 1}L{i + 2} {i + 3}" for i in range(60)) + "'/></svg>")
    nav = "".join(f"<li class='c{i}'><a href='/section/{i}'>{svg if i % 10 == 0 else ''}"
                  f"{rng.choice(WORDS).title()}</a></li>" for i in range(200))
    nav = f"<nav><ul>{nav}</ul></nav>"
    article = "".join(f"<p class='c{i % 900}'>{' '.join(_sentence(rng) for _ in range(4))}</p>"
                      for i in range(60))
    body = (f"<body><header>{nav}</header><main><article><h1>{title}</h1>"
            f"<time datetime='2023-05-04'>4 May 2023</time>{article}</article></main>"
            f"{extra_body}")
    footer = "<footer>" + "".join(f"<a href='/tag/{i}'>{rng.choice(WORDS)}</a> "
                                  for i in range(600)) + "</footer>"
    page = head + body + footer
    filler_state = f"<script id='__STATE__' type='application/json'>{state}</script>"
    page += filler_state
    while True:  # more framework state, as such pages carry
        chunk = f"<script>self.__next_f.push([1,{json.dumps(_sentence(rng, 30) * 3)}])</script>"
        pad = size - len(page.encode()) - len("</body></html>")
        if len(chunk) > pad:
            break
        page += chunk
    return (page + "<!--" + "x" * max(0, pad - 7) + "-->" + "</body></html>").encode()
