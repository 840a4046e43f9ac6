#!/usr/bin/env python3
# check-briefing.py: nhs-dispute --export-briefing, read back with poppler,
# HTML Tidy and a Markdown table reader
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-briefing.py SRCDIR (NHS_DISPUTE_BIN names the program)

Prints TAP. The PDF is read with pdftotext (its text, and each word's box
with -bbox), pdfinfo (metadata, pages, and -url for the link annotations)
and pdffonts; the HTML is checked by tidy; the Markdown's tables are parsed
here, cell by cell.
"""

import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SRCDIR = sys.argv[1]
BIN = os.environ["NHS_DISPUTE_BIN"]
BUNDLED = os.path.join(SRCDIR, "data", "dataset", "nhs-dispute.json")
HARD = os.path.join(SRCDIR, "tests", "data", "briefing-hard.json")
MARKUP = os.path.join(SRCDIR, "tests", "data", "markup.json")
GEN = os.path.join(SRCDIR, "build-aux", "gen-dataset")
EPOCH = "1700000000"   # 2023-11-14 22:13:20 UTC
# the PDF's margins (nhs-briefing-pdf.c): text 64 pt from each side, the
# body ends 62 pt above the bottom; the page number sits below that
SIDE, BOTTOM = 64, 62

TMP = tempfile.mkdtemp(prefix="nhs-briefing-")
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok" if ok else "not ok") + f" {len(results)} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print("# " + line)


def run(*args, env_extra=None):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("SOURCE_DATE_EPOCH", None)
    env.update(env_extra or {})
    return subprocess.run([BIN, *args], env=env, capture_output=True, text=True)


def export(name, *args, epoch=EPOCH):
    out = os.path.join(TMP, name)
    r = run("--export-briefing=" + out, *args, env_extra={"SOURCE_DATE_EPOCH": epoch} if epoch else None)
    if r.returncode != 0:
        raise SystemExit(f"Bail out! {name}: exit {r.returncode}: {r.stderr}")
    return out


def tool(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def normalise(text):
    """Text as a reader sees it: no bidi controls, one space for any run of
    white space (the line breaks), none after a hyphen a line ended on"""
    text = BIDI.sub("", text)
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"- ", "-", text).strip()


def pdf_text(path, *pages):
    args = ["pdftotext", "-enc", "UTF-8"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[0])]
    return tool(*args, path, "-")


def pdf_body_text(path):
    """The text without the running header and the page numbers, which
    would otherwise stand in the middle of a paragraph that goes on to the
    next page"""
    n = int(pdf_info(path)["Pages"])
    body = []
    for p in range(1, n + 1):
        lines = pdf_text(path, p).splitlines()
        lines = [l for l in lines if l.strip() != f"Page {p} of {n}"]
        if p > 1:
            head = [l for l in lines[:4] if l.startswith("Briefing:") or l in ("Chart", "Key numbers", "Events", "References")]
            lines = [l for l in lines if l not in head]
        body.append("\n".join(lines))
    return "\n".join(body)


def pdf_info(path):
    info = {}
    for line in tool("pdfinfo", "-isodates", path).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdf_links(path):
    links = set()
    for line in tool("pdfinfo", "-url", path).splitlines()[1:]:
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[1] == "Annotation":
            links.add(parts[2])
    return links


def word_boxes(path):
    """(page, width, height, word, xMin, yMin, xMax, yMax) for every word"""
    out = os.path.join(TMP, "bbox.html")
    subprocess.run(["pdftotext", "-bbox", path, out], check=True)
    text = open(out, encoding="utf-8").read()
    words = []
    for n, (attrs, body) in enumerate(re.findall(r"<page ([^>]*)>(.*?)</page>", text, re.S), 1):
        w = float(re.search(r'width="([\d.]+)"', attrs).group(1))
        h = float(re.search(r'height="([\d.]+)"', attrs).group(1))
        for m in re.finditer(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>', body):
            words.append((n, w, h, m.group(5), *map(float, m.group(1, 2, 3, 4))))
    return words


def check_inside_margins(name, path):
    words = word_boxes(path)
    outside = []
    for page, w, h, word, x0, y0, x1, y1 in words:
        # a word's box may pass its glyphs by a hair (italic overhang)
        if x0 < SIDE - 1.5 or x1 > w - SIDE + 1.5 or y0 < 20 or y1 > h - 20:
            outside.append(f"page {page}: {word!r} at {x0:.1f},{y0:.1f}–{x1:.1f},{y1:.1f} on {w:.0f}×{h:.0f}")
        elif y1 > h - BOTTOM + 1.5 and not re.fullmatch(r"Page|of|\d+", word):
            outside.append(f"page {page}: {word!r} below the bottom margin ({y1:.1f} > {h - BOTTOM:.1f})")
    check(f"{name}: {len(words)} words, every one inside the page's margins", len(words) > 100 and not outside,
          "\n".join(outside))


def check_page_numbers(name, path):
    n = int(pdf_info(path)["Pages"])
    missing = [p for p in range(1, n + 1) if f"Page {p} of {n}" not in pdf_text(path, p)]
    check(f"{name}: each of its {n} pages says “Page N of {n}”", n > 1 and not missing, f"missing on {missing}")


class TextAndTags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.tags, self.refs = [], [], []
        self._li = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if tag == "li" and (attrs.get("id") or "").startswith("ref-"):
            self._li = attrs["id"]
        if tag == "a" and self._li and attrs.get("href", "").startswith("http"):
            self.refs.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "li":
            self._li = None

    def handle_data(self, data):
        self.text.append(data)


def parse_html(path):
    p = TextAndTags()
    p.feed(open(path, encoding="utf-8").read())
    return p


def markdown_tables(text):
    """Each table as its rows of cells; a cell ends at a "|" without a
    backslash before it"""
    tables, current = [], []
    for line in text.split("\n") + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    parsed = []
    for lines in tables:
        rows = []
        for line in lines:
            cells = re.split(r"(?<!\\)\|", line)
            if cells[0].strip() or cells[-1].strip():
                rows.append(None)    # not closed by pipes at both ends
            else:
                rows.append([c.strip() for c in cells[1:-1]])
        parsed.append(rows)
    return parsed


def check_markdown_tables(name, path, expect_tables, expect_rows):
    tables = markdown_tables(open(path, encoding="utf-8").read())
    problems = []
    for rows in tables:
        if None in rows or len(rows) < 3:
            problems.append(f"a malformed table: {rows}")
            continue
        width = len(rows[0])
        if not all(re.fullmatch(r":?-{3,}:?", c) for c in rows[1]) or len(rows[1]) != width:
            problems.append(f"no delimiter row under the header: {rows[1]}")
        for row in rows[2:]:
            if len(row) != width:
                problems.append(f"{len(row)} cells under a header of {width}: {row}")
    check(f"{name}: {len(tables)} Markdown tables, each a header, a delimiter row and rows of as many cells",
          len(tables) == expect_tables and all(len(t) == expect_rows + 2 for t in tables) and not problems,
          "\n".join(problems) or f"{len(tables)} tables: {tables}")
    return tables


def markdown_unescape(text):
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def main():
    dataset = json.load(open(BUNDLED, encoding="utf-8"))
    consultant_events = [e for e in dataset["events"] if "consultant" in e["groups"]]
    strikes = [e for e in consultant_events if e["kind"] == "strike"]
    quotes = [ev["quote"] for e in consultant_events for ev in e.get("evidence", []) if ev.get("quote")]
    sources = {s["id"]: s for s in dataset["sources"]}
    articles = {a["id"]: a for a in dataset["articles"]}
    all_urls = {x.get("url") for x in dataset["sources"] + dataset["articles"] if x.get("url")}

    # --- The PDF of the consultants ----------------------------------------
    pdf = export("consultants.pdf", "--group=consultant", "--paper=a4")
    again = export("consultants-again.pdf", "--group=consultant", "--paper=a4")
    text = normalise(pdf_body_text(pdf))

    missing = [e["title"] for e in strikes if normalise(e["title"]) not in text]
    check(f"PDF: all {len(strikes)} consultant strikes, by title", len(strikes) == 4 and not missing, missing)
    events_text = text[text.index(" Events "):]
    order = [events_text.find(normalise(e["title"])) for e in consultant_events]
    check(f"PDF: all {len(consultant_events)} consultant events, in date order",
          -1 not in order and order == sorted(order), order)
    missing = [q for q in quotes if normalise("“" + q + "”") not in text]
    check(f"PDF: each of the {len(quotes)} quotes verbatim, in quotation marks", len(quotes) >= 10 and not missing,
          "\n".join(missing))

    links = pdf_links(pdf)
    cited = set()
    for e in consultant_events:
        for ev in e.get("evidence", []):
            item = articles.get(ev.get("article")) or sources.get(ev.get("source"))
            if item and item.get("url"):
                cited.add(item["url"])
    html_path = export("consultants.html", "--group=consultant")
    refs = parse_html(html_path).refs
    check(f"PDF: every URL of the events' evidence ({len(cited)}) is a link annotation",
          len(cited) > 10 and cited <= links, sorted(cited - links))
    check(f"PDF: every reference's URL ({len(refs)}) is a link, and every link a URL from the dataset",
          len(refs) >= len(cited) and set(refs) <= links and links <= all_urls,
          f"not links: {sorted(set(refs) - links)}\nnot in the dataset: {sorted(links - all_urls)}")
    check_page_numbers("PDF", pdf)

    info = pdf_info(pdf)
    check("PDF: title, author and the dates of SOURCE_DATE_EPOCH in its metadata",
          info.get("Title") == "Briefing: " + dataset["title"] and info.get("Author") == dataset["title"]
          and info.get("CreationDate") == "2023-11-14T22:13:20Z" and info.get("ModDate") == "2023-11-14T22:13:20Z",
          info)
    check("PDF: A4 with --paper=a4", info.get("Page size", "").startswith("595.276 x 841.89"), info.get("Page size"))
    fonts = tool("pdffonts", pdf).splitlines()[2:]
    check(f"PDF: all {len(fonts)} fonts embedded",
          len(fonts) >= 3 and all(re.search(r"\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", f) for f in fonts), fonts)
    raw = open(pdf, "rb").read()
    check("PDF: an outline of the sections (Chart, Key numbers, Events, References) and the events",
          b"/Outlines" in raw and all(b"(" + s + b")" in raw for s in (b"Chart", b"Key numbers", b"Events", b"References"))
          and b"(" + strikes[0]["title"].encode() + b")" in raw)
    check("PDF: two runs with SOURCE_DATE_EPOCH set give the same bytes", raw == open(again, "rb").read())
    other = export("consultants-other-day.pdf", "--group=consultant", "--paper=a4", epoch="1800000000")
    check("PDF: another SOURCE_DATE_EPOCH, other dates in the file", open(other, "rb").read() != raw)

    letter = export("letter.pdf", "--group=consultant", "--paper=letter")
    check("PDF: Letter with --paper=letter", pdf_info(letter).get("Page size", "").startswith("612 x 792"))
    default = export("default.pdf", "--group=consultant")
    check("PDF: A4 from the C locale without --paper", pdf_info(default).get("Page size", "").startswith("595.276 x 841.89"))

    # the US locale, compiled here (the machine needs none installed) under a
    # name without its country, so only its LC_PAPER can say Letter
    locales = os.path.join(TMP, "locale")
    os.makedirs(locales)
    built = subprocess.run(["localedef", "-i", "en_US", "-f", "UTF-8", os.path.join(locales, "paper.UTF-8")],
                           capture_output=True).returncode == 0
    if built:
        out = os.path.join(TMP, "us.pdf")
        r = run("--export-briefing=" + out, "--group=consultant",
                env_extra={"LOCPATH": locales, "LC_ALL": "paper.UTF-8"})
        check("PDF: Letter from the paper size of the locale (en_US's LC_PAPER)", r.returncode == 0
              and pdf_info(out).get("Page size", "").startswith("612 x 792"), r.stderr)
    else:
        print(f"ok {len(results) + 1} - # SKIP localedef could not build en_US")
        results.append(True)

    # --- Filters as --list-events takes them -------------------------------
    r = run("--list-events", "--format=json", "--group=consultant", "--kind=strike", "--from=2023-08-01")
    listed = [e["title"] for e in json.loads(r.stdout)]
    filtered = export("filtered.md", "--group=consultant", "--kind=strike", "--from=2023-08-01")
    md = open(filtered, encoding="utf-8").read()
    titles = [markdown_unescape(line[4:]) for line in md.splitlines() if line.startswith("### ")]
    titles = [t for t in titles if t not in ("Strikes", "Pay")]
    check(f"Markdown: the same {len(listed)} events as --list-events with the same filters", titles == listed,
          f"{titles}\n{listed}")

    # --- HTML ----------------------------------------------------------------
    tidy = subprocess.run(["tidy", "-errors", "-q", html_path], capture_output=True, text=True)
    check("HTML: tidy finds no error or warning", tidy.returncode == 0 and not tidy.stdout and not tidy.stderr,
          tidy.stdout + tidy.stderr)
    page = parse_html(html_path)
    html_text = normalise(" ".join(page.text))
    check("HTML: the chart inline as SVG, no script, no outside resource",
          "svg" in page.tags and "script" not in page.tags and "img" not in page.tags and "link" not in page.tags)
    missing = [q for q in quotes if normalise("“" + q + "”") not in html_text]
    check("HTML: every quote verbatim", not missing, missing)

    markup_html = export("markup.html", "--dataset=" + MARKUP)
    tidy = subprocess.run(["tidy", "-errors", "-q", markup_html], capture_output=True, text=True)
    check("HTML of markup-like text: tidy finds no error", tidy.returncode == 0 and not tidy.stdout + tidy.stderr,
          tidy.stdout + tidy.stderr)
    page = parse_html(markup_html)
    joined = " ".join(page.text)
    check("HTML of markup-like text: every text as written, no tag from the data",
          "Walkout <b>six</b> days & nights" in joined and "“<b>six full days</b> & nights”" in joined
          and not {"b", "i", "u", "span", "markup"} & set(page.tags), sorted(set(page.tags)))

    # --- Markdown ------------------------------------------------------------
    md_path = export("consultants.md", "--group=consultant")
    check_markdown_tables("Markdown", md_path, 2, 1)
    markup_md = export("markup.md", "--dataset=" + MARKUP)
    tables = check_markdown_tables("Markdown of markup-like text", markup_md, 2, 3)
    md = open(markup_md, encoding="utf-8").read()
    check("Markdown of markup-like text: no character of the data left to mean markup",
          "Walkout \\<b\\>six\\</b\\> days \\& nights" in md and "<b>" not in md.split("## References")[0]
          and markdown_unescape(tables[0][2][0]) == "Resident <b>doctors</b> & co", tables[0][2])

    # --- Layout under load ----------------------------------------------------
    synthetic = os.path.join(TMP, "dataset-500.json")
    subprocess.run([sys.executable, GEN, "500", "1", synthetic], check=True)
    big = export("synthetic-500.pdf", "--dataset=" + synthetic)
    big_text = normalise(pdf_text(big))
    n_events = len(json.load(open(synthetic))["events"])
    check(f"PDF of {n_events} events: {pdf_info(big)['Pages']} pages",
          n_events == 500 and int(pdf_info(big)["Pages"]) > 50)
    check_inside_margins("PDF of 500 events", big)
    check_page_numbers("PDF of 500 events", big)

    hard = json.load(open(HARD, encoding="utf-8"))
    hard_pdf = export("hard.pdf", "--dataset=" + HARD, "--paper=letter")
    check_inside_margins("PDF of right-to-left text, long quotes and missing fields", hard_pdf)
    hard_text = normalise(pdf_body_text(hard_pdf))
    quotes = [ev["quote"] for e in hard["events"] for ev in e.get("evidence", []) if ev.get("quote")]
    latin = [q for q in quotes if q.isascii()]
    missing = [q[:60] for q in latin if normalise("“" + q + "”") not in hard_text]
    check("PDF of long quotes: each quote verbatim", len(latin) >= 2 and not missing, missing)
    rtl = [e["title"] for e in hard["events"] if re.search("[\u0590-\u06ff]", e["title"])]
    # poppler gives a lam-alef ligature's two letters in either order: compare without them
    def letters(text):
        return re.sub("[\\s\u0622\u0623\u0625\u0627\u0644]", "", BIDI.sub("", text))
    missing = [t for t in rtl if letters(t) not in letters(pdf_text(hard_pdf))]
    check("PDF of right-to-left text: the Arabic title, its letters in logical order", rtl and not missing, missing)
    check("PDF of missing fields: an event with only a title, an article with only a title",
          "An event with nothing but a title" in hard_text and "An article with no date, publisher or address" in hard_text)

    # --- Usage and failures ---------------------------------------------------
    r = run("--export-briefing=" + os.path.join(TMP, "x.txt"))
    check("an unknown extension is bad usage (2), in plain words", r.returncode == 2 and ".pdf, .md or .html" in r.stderr,
          r.stderr)
    r = run("--export-briefing=" + os.path.join(TMP, "x.pdf"), "--paper=a5")
    check("--paper=a5 is bad usage (2)", r.returncode == 2 and "a4 or letter" in r.stderr, r.stderr)
    r = run("--export-briefing=" + os.path.join(TMP, "x.pdf"), "--group=nobody")
    check("an unknown group is bad usage (2)", r.returncode == 2 and "nobody" in r.stderr, r.stderr)
    keep = os.path.join(TMP, "keep.pdf")
    open(keep, "w").write("old")
    if os.geteuid() != 0:
        os.chmod(TMP, 0o500)
        try:
            r = run("--export-briefing=" + keep)
        finally:
            os.chmod(TMP, 0o700)
        check("a folder that cannot be written: exit 1, a message, and the old file intact",
              r.returncode == 1 and r.stderr.strip() and open(keep).read() == "old", r.stderr)
    r = run("--export-briefing=" + os.path.join(TMP, "no-such-folder", "x.pdf"))
    check("a folder that does not exist: exit 1, no file", r.returncode == 1 and r.stderr
          and not os.path.exists(os.path.join(TMP, "no-such-folder")), r.stderr)

    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    try:
        status = main()
    finally:
        os.chmod(TMP, 0o700)
        shutil.rmtree(TMP, ignore_errors=True)
    sys.exit(status)
