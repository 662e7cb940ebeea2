"""A document under construction: its blocks, plus the ground-truth labels recorded as text is
written. Every case number, date, kommun name, legal reference and measure goes into the text
through a helper here, so the labels say exactly what the text says."""

from __future__ import annotations

import datetime as dt
import random
import re
import zlib

from . import data, phrases
from .layout import FORCE, LEFT, RIGHT, render_pdf_pages, render_txt
from .pdfwriter import build_pdf

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december"]


def long_date(d: dt.date) -> str:
    return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)


def stable_choice(seq, *salt):
    """The same choice for the same salt (a kommun keeps its wording of a measure)."""
    return seq[zlib.crc32("|".join(map(str, salt)).encode()) % len(seq)]


def area_pick(field, area):
    """A phrase field is a list, or a dict from area to list with 'default'."""
    if isinstance(field, dict):
        return field.get(area, field.get("default"))
    return field


class Doc:
    def __init__(self, rng: random.Random, doc_type: str, kommun: data.Kommun | None,
                 area: str | None, case: str | None = None):
        self.rng = rng
        self.doc_type = doc_type
        self.kommun = kommun
        self.area = area
        self.case = case
        self.blocks: list[tuple] = []
        self.title = ""
        self.date_main: str | None = None
        self.created: str | None = None
        self.style = "ivo"            # letterhead: ivo, kommun, jo, news, plain
        self.header_right = ""        # e.g. "BESLUT"
        self.header_sub = ""          # second header line, right
        self.hyphenate = False
        self.extra: dict = {}
        self._muni: list[str] = []
        self._dnr: list[dict] = []
        self._dates: list[str] = []
        self._refs: list[str] = []
        self._brister: list[str] = []
        self._measures: list[dict] = []
        self._pnr: list[str] = []
        self.words = data.AREAS.get(area or "barn_unga", data.AREAS["barn_unga"])

    # --- recording helpers -------------------------------------------------------------------
    def k(self, name: str, form: str = "official") -> str:
        """A kommun name in running text; records its base form."""
        if name not in self._muni:
            self._muni.append(name)
        km = data.KOMMUNER.get(name)
        if form == "base":
            return name
        if km is None:
            return data.PASSING[name] if form == "official" else name
        return {"official": km.official, "gen": km.gen}[form]

    def date(self, d: dt.date, style: str = "iso", main: bool = False) -> str:
        iso = d.isoformat()
        if iso not in self._dates:
            self._dates.append(iso)
        if main:
            self.date_main = iso
        if style == "iso":
            return iso
        if style == "long":
            return long_date(d)
        if style == "den":
            return "den " + long_date(d)
        raise ValueError(style)

    def dnr(self, value: str, authority: str) -> str:
        entry = {"value": value.replace(FORCE, ""), "authority": authority}
        if entry not in self._dnr:
            self._dnr.append(entry)
        return value

    def ref(self, written: str, norm: str) -> str:
        if norm not in self._refs:
            self._refs.append(norm)
        return written

    def brist(self, bid: str) -> None:
        if bid not in self._brister:
            self._brister.append(bid)

    def pnr(self, short: bool = False) -> str:
        p = data.test_personnummer(self.rng, short)
        self._pnr.append(p)
        return p

    def measure(self, key: str, status: str | None, form: str = "sentence", brist: str | None = None,
                salt: str = "") -> str:
        """Text of a measure in this kommun's wording; records it with categories and status."""
        m = phrases.MEASURES[key]
        kname = self.kommun.base if self.kommun else "-"
        row = stable_choice(m["rows"], kname, key, salt).format(region=self.region())
        if form == "row":
            text = row
        else:
            vp = stable_choice(m["done"] if status == "genomford" else m["planned"], kname, key, "vp")
            text = "%s %s." % (row, vp)
        self._measures.append({"text": text, "categories": list(m["cats"]), "status": status,
                               "brist": brist})
        return text

    def region(self) -> str:
        return self.kommun.region if self.kommun else "regionen"

    # --- phrase filling ----------------------------------------------------------------------
    def fill(self, text: str, brist_id: str | None = None) -> str:
        """Fill area words, numbers and legal references into a phrase."""
        refs = area_pick(phrases.BRISTER[brist_id]["refs"], self.area) if brist_id else []
        n1 = self.rng.randint(14, 40)
        values = dict(self.words)
        values.update(namnd=self.namnd(), region=self.region(), n1=n1,
                      n2=self.rng.randint(3, min(9, n1 - 2)), n3=self.rng.randint(5, 14))
        for i, (written, norm) in enumerate(refs):
            if "{ref%d}" % i in text:
                values["ref%d" % i] = self.ref(written, norm)
        out = text.format(**values)
        return out[0].upper() + out[1:]

    def namnd(self) -> str:
        return self.kommun.namnd_for(self.area) if self.kommun else "nämnden"

    def bphrase(self, brist_id: str, field: str, pick: str = "one") -> str | list[str]:
        val = area_pick(phrases.BRISTER[brist_id][field], self.area)
        if isinstance(val, str):
            return self.fill(val, brist_id)
        if pick == "all":
            return [self.fill(v, brist_id) for v in val]
        return self.fill(self.rng.choice(val), brist_id)

    # --- blocks ------------------------------------------------------------------------------
    def add(self, *block) -> None:
        self.blocks.append(tuple(block))

    def p(self, text): self.add("p", text)
    def h(self, text): self.add("h", text)
    def h3(self, text): self.add("h3", text)
    def li(self, text): self.add("li", text)

    # --- output ------------------------------------------------------------------------------
    def _header(self, n, total):
        """Running header: organisation left, document kind and reference right."""
        if self.style == "plain":
            return []
        left = {"ivo": "Inspektionen för vård och omsorg", "jo": "Riksdagens ombudsmän",
                "news": self.extra.get("site", "")}.get(self.style)
        if self.style == "news" and self.kommun:
            self.k(self.kommun.base)  # the site name carries the kommun's name
        if left is None:
            left = self.k(self.kommun.base) if self.kommun else ""
        out = [("F2", 10, LEFT, 800, left)]
        if self.style == "kommun" and self.kommun:
            out.append(("F1", 8.5, LEFT, 788, self.extra.get("forvaltning", self.kommun.forvaltning)))
        if self.header_right:
            out.append(("F2", 9, -RIGHT, 800, self.header_right))
        if self.header_sub:
            out.append(("F1", 8.5, -RIGHT, 788, self.header_sub))
        return out

    def _footer(self, n, total):
        out = [("F1", 8.5, -RIGHT, 48, "Sida %d (%d)" % (n, total))]
        if "footer_fn" in self.extra and "footer" not in self.extra:
            self.extra["footer"] = self.extra["footer_fn"]()
        foot = self.extra.get("footer")
        if foot:
            out.append(("F1", 7.5, LEFT, 48, foot))
        return out

    def render(self, fmt: str) -> tuple[bytes, int, list[str] | None]:
        """Bytes of the file, its page count, and the text of each page (PDF only)."""
        if fmt == "pdf":
            pages, texts = render_pdf_pages(self.blocks, self._header, self._footer, self.hyphenate)
            return (build_pdf(pages, title=self.title, created=self.created,
                              author=self.extra.get("author")), len(pages), texts)
        text = render_txt(self.blocks, self.extra.get("txt_style", "pipe"))
        enc = self.extra.get("encoding", "utf-8")
        if enc == "cp1252":
            return text.replace("\n", "\r\n").encode("cp1252"), 1, None
        if enc == "utf-16-le-bom":
            return b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"), 1, None
        return text.encode("utf-8"), 1, None

    def labels(self, file: str, pages: int) -> dict:
        lab = {
            "file": file, "title": self.title, "doc_type": self.doc_type,
            "municipality": self.kommun.base if self.kommun and self.kommun.base in self._muni else None,
            "municipalities": list(self._muni), "diarienummer": list(self._dnr),
            "date": self.date_main, "dates": list(self._dates), "area": self.area,
            "brister": list(self._brister), "measures": list(self._measures),
            "legal_refs": list(self._refs), "pages": pages, "case": self.case,
        }
        if self._pnr:
            lab["personnummer"] = list(self._pnr)
        for key in ("doc_type_also", "page3_phrase", "not_brister", "encoding"):
            if key in self.extra:
                lab[key] = self.extra[key]
        return lab


# Used by the self-check: every ISO or Swedish long date in a text.
DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2}) (%s) (\d{4})\b" % "|".join(MONTHS))


def dates_in(text: str) -> set[str]:
    out = set()
    for m in DATE_RE.finditer(text):
        if m.group(1):
            out.add("%s-%s-%s" % (m.group(1), m.group(2), m.group(3)))
        else:
            out.add("%s-%02d-%02d" % (m.group(6), MONTHS.index(m.group(5)) + 1, int(m.group(4))))
    return out


def kommuner_in(text: str) -> set[str]:
    """Kommun names a text names: known names, minus region names ('Region Kalmar län')."""
    text = re.sub(r"Region \w+( län)?|\w+ län|Västra Götalandsregionen", " ", text)
    found = set()
    for base, km in data.KOMMUNER.items():
        if re.search(r"\b%s(s)?\b" % re.escape(base), text):
            found.add(base)
    for base, official in data.PASSING.items():
        if base == "Lund":
            if "Lunds kommun" in text:
                found.add(base)
        elif re.search(r"\b%s\b" % re.escape(official.split()[0]), text):
            found.add(base)
    return found
