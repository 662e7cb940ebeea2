"""Lay out a document's blocks as PDF pages, or render them as plain text.

A document is a list of blocks (tuples):
  ("title", text)            large bold heading
  ("h", text) / ("h3", text) section headings
  ("p", text)                paragraph, word-wrapped
  ("li", text)               bullet item with hanging indent
  ("kv", [(label, value)])   label/value rows (letterheads, forms)
  ("table", headers, rows, fractions)   columns; cells wrap inside their column
  ("lines", [text, ...])     short lines kept as they are (addresses, signatures)
  ("space",) / ("pagebreak",)
Inside any text, FORCE marks a place where the PDF line must end (to pin a diarienummer or a
date across a line end); plain text drops the mark.
"""

from __future__ import annotations

from .pdfwriter import Page, text_width

FORCE = "\x1e"
# Inside a word: the PDF line must end here with a hyphen ("genomförande-" / "plan").
FORCE_HYPHEN = "\ue000"  # private use: not whitespace to str.split()

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT = 68.0, 68.0
BODY_W = PAGE_W - LEFT - RIGHT
TOP, BOTTOM = 752.0, 78.0
SIZE = 10.5
LEAD = 14.0

# Stems after which a long Swedish compound may be hyphenated at a line end ("genomförande-"/"plan").
HYPHEN_STEMS = (
    "genomförande", "familjehems", "orosanmäl", "förhands", "kvalitets", "myndighets",
    "handläggnings", "verksamhets", "belastnings", "dokumentations", "anmälnings", "skydds",
    "ärende", "socialtjänst", "utrednings", "placerings", "tillsyns", "återredo", "informations",
    "avvikelse", "samverkans", "introduktions", "arbets", "social", "uppföljnings",
    "ledningssystem", "omsorgs", "läkemedels", "bemannings", "kompetens", "barnsekre",
    "handlägg", "delegations", "övervägande",
)


def _splits(token: str, hyphenate: bool) -> list[tuple[str, str]]:
    """Ways to end a line inside token: (text shown at line end, rest). Longest first."""
    out = []
    if any(ch.isdigit() for ch in token):
        # Diarienummer, dates, phone numbers: a line may end after '-' or '/'.
        for i in range(len(token) - 2, 0, -1):
            if token[i] in "-/" and i + 1 < len(token):
                out.append((token[: i + 1], token[i + 1:]))
    elif hyphenate and len(token) >= 11:
        low = token.lower()
        for stem in HYPHEN_STEMS:
            if low.startswith(stem):
                rest = token[len(stem):]
                tail = rest.rstrip(".,:;)")
                if len(tail) >= 3 and tail.isalpha():
                    out.append((token[: len(stem)] + "-", rest))
        out.sort(key=lambda t: -len(t[0]))
    return out


def wrap(text: str, width: float, font: str = "F1", size: float = SIZE,
         hyphenate: bool = False) -> list[str]:
    """Greedy word wrap by measured width; may break inside numbers and hyphenate compounds."""
    lines: list[str] = []
    for segment in text.split(FORCE):
        cur = ""
        for token in segment.split():
            if FORCE_HYPHEN in token:
                head, token = token.split(FORCE_HYPHEN, 1)
                lines.append((cur + " " if cur else "") + head + "-")
                cur = ""
            while token:
                cand = token if not cur else cur + " " + token
                if text_width(cand, font, size) <= width:
                    cur, token = cand, ""
                    break
                placed = False
                for shown, rest in _splits(token, hyphenate):
                    c2 = shown if not cur else cur + " " + shown
                    if text_width(c2, font, size) <= width:
                        lines.append(c2)
                        cur, token, placed = "", rest, True
                        break
                if placed:
                    continue
                if cur:
                    lines.append(cur)
                    cur = ""
                else:  # a single over-long token: place it anyway
                    cur, token = token, ""
        if cur or not lines:
            lines.append(cur)
    return lines


class Row:
    """One printed line of the body: fragments (font, size, x, text), its height, keep flag."""
    __slots__ = ("frags", "height", "keep", "space", "need")

    def __init__(self, frags, height, keep=False, space=False):
        self.frags, self.height, self.keep, self.space = frags, height, keep, space
        self.need = 0.0  # >0 on the first row of a group that must not be split over pages


def _group(rows: list[Row], start: int) -> None:
    """Keep rows[start:] together on one page (a signature block, a table row)."""
    if len(rows) - start > 1:
        rows[start].need = sum(r.height for r in rows[start:])


def _rows(blocks, hyphenate: bool) -> list[Row]:
    rows: list[Row] = []
    gap = lambda h=6.0: rows.append(Row([], h, space=True))  # noqa: E731
    for b in blocks:
        kind = b[0]
        if kind == "title":
            gap(4)
            for ln in wrap(b[1], BODY_W, "F2", 15):
                rows.append(Row([("F2", 15, LEFT, ln)], 20, keep=True))
            gap(8)
        elif kind in ("h", "h3"):
            size = 11.5 if kind == "h" else 10.0
            gap(8 if kind == "h" else 4)
            for ln in wrap(b[1], BODY_W, "F2", size):
                rows.append(Row([("F2", size, LEFT, ln)], size + 5, keep=True))
            gap(2)
        elif kind == "p":
            for ln in wrap(b[1], BODY_W, "F1", SIZE, hyphenate):
                rows.append(Row([("F1", SIZE, LEFT, ln)], LEAD))
            gap()
        elif kind == "li":
            bullet = b[2] if len(b) > 2 else "•"
            for i, ln in enumerate(wrap(b[1], BODY_W - 16, "F1", SIZE, hyphenate)):
                frags = [("F1", SIZE, LEFT + 16, ln)]
                if i == 0:
                    frags.insert(0, ("F1", SIZE, LEFT + 3, bullet))
                rows.append(Row(frags, LEAD))
            gap(3)
        elif kind == "kv":
            # The value column starts after the widest label (at least 150 pt in).
            col = max([150.0] + [text_width(lb, "F2", SIZE) + 14 for lb, _ in b[1]])
            for label, value in b[1]:
                vals = wrap(value, BODY_W - col, "F1", SIZE) if value else [""]
                for i, ln in enumerate(vals):
                    frags = [("F1", SIZE, LEFT + col, ln)]
                    if i == 0:
                        frags.insert(0, ("F2", SIZE, LEFT, label))
                    rows.append(Row(frags, LEAD))
            gap()
        elif kind == "lines":
            start = len(rows)
            for ln in b[1]:
                rows.append(Row([("F1", SIZE, LEFT, ln)], LEAD))
            if len(b[1]) <= 12:
                _group(rows, start)
            gap()
        elif kind == "table":
            headers, body, fracs = b[1], b[2], b[3]
            xs, widths = [], []
            x = LEFT
            for f in fracs:
                xs.append(x)
                widths.append(BODY_W * f - 8)
                x += BODY_W * f
            for r, cells in enumerate([headers] + list(body)):
                font = "F2" if r == 0 else "F1"
                wrapped = [wrap(c, widths[i], font, 9) for i, c in enumerate(cells)]
                start = len(rows)
                for k in range(max(len(w) for w in wrapped)):
                    frags = [(font, 9, xs[i], w[k]) for i, w in enumerate(wrapped) if k < len(w)]
                    rows.append(Row(frags, 12, keep=(r == 0)))
                _group(rows, start)
                gap(3)
            gap()
        elif kind == "space":
            gap(10)
        elif kind == "pagebreak":
            rows.append(Row(None, 0))
        else:
            raise ValueError("unknown block %r" % kind)
    return rows


def paginate(blocks, hyphenate: bool = False) -> list[list[tuple]]:
    """Body fragments per page: [[(font, size, x, y, text), ...], ...]."""
    pages: list[list[tuple]] = [[]]
    y = TOP
    rows = _rows(blocks, hyphenate)
    for i, row in enumerate(rows):
        if row.frags is None:  # explicit page break
            if pages[-1]:
                pages.append([])
                y = TOP
            continue
        if row.space:
            if y < TOP:  # no leading space at the top of a page
                y -= row.height
            continue
        need = max(row.height, row.need)
        if row.keep:  # a heading must not end a page: keep it with the next printed line
            for nxt in rows[i + 1:]:
                if nxt.frags:
                    need += nxt.height
                    break
        if y - need < BOTTOM and pages[-1]:
            pages.append([])
            y = TOP
        y -= row.height
        for font, size, x, text in row.frags:
            pages[-1].append((font, size, x, y, text))
    return pages


def render_pdf_pages(blocks, header, footer, hyphenate=False) -> tuple[list[Page], list[str]]:
    """Pages with running header/footer. header/footer(page_no, total) -> [(font,size,x,y,text)],
    where a negative x means right-aligned at PAGE_W + x. Returns pages and each page's text."""
    body = paginate(blocks, hyphenate)
    total = len(body)
    pages, texts = [], []
    for n, frags in enumerate(body, 1):
        page = Page(PAGE_W, PAGE_H)
        lines = []
        for font, size, x, y, text in header(n, total) + frags + footer(n, total):
            if x < 0:
                x = PAGE_W + x - text_width(text, font, size)
            page.text(x, y, text, font, size)
            lines.append(text)
        page.line(LEFT, 772, PAGE_W - RIGHT, 772, 0.4)
        page.line(LEFT, 62, PAGE_W - RIGHT, 62, 0.4)
        pages.append(page)
        texts.append("\n".join(lines))
    return pages, texts


def render_txt(blocks, style: str = "pipe") -> str:
    """Plain text as a word processor's 'save as text' gives it: one line per paragraph."""
    out: list[str] = []
    prev = None
    for b in blocks:
        kind = b[0]
        if prev == "li" and kind != "li":
            out.append("")  # a list ends with a blank line, like a paragraph
        prev = kind
        if kind in ("title", "h", "h3"):
            if out and out[-1] != "":
                out.append("")
            out.append(b[1].replace(FORCE, "").replace(FORCE_HYPHEN, ""))
            out.append("")
        elif kind == "p":
            out.append(b[1].replace(FORCE, "").replace(FORCE_HYPHEN, ""))
            out.append("")
        elif kind == "li":
            out.append(("- " if style == "tab" else "• ") + b[1].replace(FORCE, "").replace(FORCE_HYPHEN, ""))
        elif kind == "kv":
            for label, value in b[1]:
                out.append(("%s\t%s" if style == "tab" else "%s: %s") % (label, value.replace(FORCE, "").replace(FORCE_HYPHEN, "")))
            out.append("")
        elif kind == "lines":
            out.extend(ln.replace(FORCE, "").replace(FORCE_HYPHEN, "") for ln in b[1])
            out.append("")
        elif kind == "table":
            headers, rows = b[1], b[2]
            if style == "tab":
                for cells in [headers] + list(rows):
                    out.append("\t".join(c.replace(FORCE, "").replace(FORCE_HYPHEN, "") for c in cells))
            else:
                out.append(" | ".join(headers))
                out.append(" | ".join("-" * len(h) for h in headers))
                for cells in rows:
                    out.append(" | ".join(c.replace(FORCE, "").replace(FORCE_HYPHEN, "") for c in cells))
            out.append("")
        elif kind in ("space", "pagebreak"):
            if out and out[-1] != "":
                out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
