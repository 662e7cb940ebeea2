"""The shipped sample corpus (a fixed plan) and the random benchmark corpus.

Both write files plus labels.jsonl (one JSON object per document, in file order).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import sys
import time

from . import data, templates as T
from .doc import Doc, dates_in, kommuner_in
from .layout import FORCE, FORCE_HYPHEN, paginate

PAGE3_PHRASE = "kvalitetsledningssystemet saknade en fungerande avvikelsehantering"
K = data.KOMMUNER


def _slug(s: str) -> str:
    return re.sub(r"[^0-9A-Za-zÅÄÖåäö.]+", "-", s).strip("-")


def _phrase_pages(blocks, phrase: str, hyphenate: bool) -> list[int]:
    pages = paginate(blocks, hyphenate)
    return [i + 1 for i, frags in enumerate(pages)
            if phrase in " ".join(f[4] for f in frags).lower()]


def place_phrase(doc: Doc, phrase: str, page: int) -> None:
    """Insert one page break (no text, so labels are unaffected) so that the paragraph holding
    phrase starts on the given page, and the phrase appears on no other page."""
    idx = next(i for i, b in enumerate(doc.blocks) if b[0] == "p" and phrase in b[1].lower())
    if _phrase_pages(doc.blocks, phrase, doc.hyphenate) == [page]:
        return
    for j in range(idx, 0, -1):
        trial = doc.blocks[:j] + [("pagebreak",)] + doc.blocks[j:]
        if _phrase_pages(trial, phrase, doc.hyphenate) == [page]:
            doc.blocks = trial
            return
    raise RuntimeError("cannot place the phrase on page %d" % page)


class Writer:
    """Writes documents under root and their labels to root/labels.jsonl, streaming."""

    def __init__(self, root: str, check: bool = False):
        self.root = root
        self.check = check
        os.makedirs(root, exist_ok=True)
        self.labels = open(os.path.join(root, "labels.jsonl"), "w", encoding="utf-8")
        self.count = 0
        self.problems: list[str] = []
        self.made_dirs: set[str] = set()

    def write(self, doc: Doc, rel: str, fmt: str) -> dict:
        if "page3_phrase" in doc.extra and fmt == "pdf":
            place_phrase(doc, doc.extra["page3_phrase"], 3)
        data_bytes, pages, page_texts = doc.render(fmt)
        path = os.path.join(self.root, rel)
        d = os.path.dirname(path)
        if d not in self.made_dirs:
            os.makedirs(d, exist_ok=True)
            self.made_dirs.add(d)
        with open(path, "wb") as f:
            f.write(data_bytes)
        lab = doc.labels(rel, pages)
        if "page3_phrase" in doc.extra:
            where = [i + 1 for i, t in enumerate(page_texts or []) if doc.extra["page3_phrase"] in
                     t.replace("\n", " ").lower()]
            if where != [3]:
                self.problems.append("%s: page3 phrase found on pages %s" % (rel, where))
        if self.check:
            self._check(doc, lab)
        self.labels.write(json.dumps(lab, ensure_ascii=False) + "\n")
        self.count += 1
        return lab

    def _check(self, doc: Doc, lab: dict) -> None:
        """Cross-check labels against the text: dates and kommun names found by pattern."""
        parts = []
        for b in doc.blocks:
            for item in b[1:]:
                if isinstance(item, str):
                    parts.append(item)
                elif isinstance(item, list):
                    for x in item:
                        parts.append(" ".join(x) if isinstance(x, (list, tuple)) else str(x))
        if lab["file"].endswith(".pdf"):
            parts += [t[4] for t in doc._header(1, 1) + doc._footer(1, 1)]
        text = "\n".join(parts).replace(FORCE, "").replace(FORCE_HYPHEN, "")
        if dates_in(text) != set(lab["dates"]):
            self.problems.append("%s: dates text=%s labels=%s" % (
                lab["file"], sorted(dates_in(text)), sorted(lab["dates"])))
        if kommuner_in(text) != set(lab["municipalities"]):
            self.problems.append("%s: kommuner text=%s labels=%s" % (
                lab["file"], sorted(kommuner_in(text)), lab["municipalities"]))
        for m in lab["measures"]:
            if m["text"] not in text:
                self.problems.append("%s: measure not in text: %s" % (lab["file"], m["text"]))
        for d in lab["diarienummer"]:
            if d["value"] not in text:
                self.problems.append("%s: dnr not in text: %s" % (lab["file"], d["value"]))

    def close(self):
        self.labels.close()


# --- the shipped corpus --------------------------------------------------------------------------

def _thread(rng, kommun, area, year, brister, ivo_style="classic", **kw):
    c = T.make_case(rng, K[kommun], area, year, brister=brister, ivo_style=ivo_style)
    for k_, v in kw.items():
        setattr(c, k_, v)
    return c


def _doc(rng, doc_type, c_or_k, area, case=None):
    if isinstance(c_or_k, T.Case):
        return Doc(rng, doc_type, c_or_k.kommun, c_or_k.area, c_or_k.key)
    return Doc(rng, doc_type, c_or_k, area, case)


def build_sample(root: str, seed: int = 20240512) -> Writer:
    rng = random.Random(seed)
    w = Writer(root, check=True)

    def out(doc, c_kommun, d, kind, ext, extra_name=""):
        k = c_kommun
        name = "%s_%s%s.%s" % (d.isoformat(), kind, ("_" + extra_name) if extra_name else "", ext)
        return w.write(doc, "%s/%d/%s" % (k.base, d.year, name), ext)

    def thread(c, plan):
        """plan: list of (kind, fmt, options)."""
        for kind, fmt, opts in plan:
            hyph = opts.get("hyphenate", rng.random() < 0.5)
            if kind == "beslut":
                doc = _doc(rng, "beslut", c, None)
                doc.hyphenate = hyph
                if c.page3_phrase:
                    doc.extra["page3_phrase"] = c.page3_phrase
                T.ivo_beslut(doc, c)
                out(doc, c.kommun, c.d_beslut, "IVO-beslut", fmt, _slug(c.ivo_dnr))
            elif kind == "tjsk":
                doc = _doc(rng, "tjansteskrivelse", c, None)
                doc.hyphenate = hyph
                T.tjansteskrivelse(doc, c, with_yttrande=opts.get("yttrande", True))
                out(doc, c.kommun, c.d_tjsk, "tjansteskrivelse", fmt, _slug(c.mun_dnr))
            elif kind == "yttrande":
                doc = _doc(rng, "yttrande", c, None)
                doc.hyphenate = hyph
                T.yttrande(doc, c)
                out(doc, c.kommun, c.d_tjsk + dt.timedelta(days=16), "yttrande", fmt, opts.get("suffix", ""))
            elif kind == "protokoll":
                doc = _doc(rng, "protokoll", c, None)
                T.protokoll(doc, c)
                out(doc, c.kommun, c.d_protokoll, "protokollsutdrag", fmt, "paragraf-%d" % c.paragraph)
            elif kind == "ater":
                doc = _doc(rng, "aterredovisning", c, None)
                doc.hyphenate = hyph
                T.aterredovisning(doc, c, opts.get("variant", "form"))
                if "encoding" in opts:
                    doc.extra["encoding"] = opts["encoding"]
                out(doc, c.kommun, c.d_ater, "aterredovisning", fmt, opts.get("suffix", ""))
            elif kind == "nyhet":
                doc = _doc(rng, "nyhet", c, None)
                when = opts.get("when", c.d_news)
                T.nyhet(doc, c, when, stage=opts.get("stage", 2))
                if "encoding" in opts:
                    doc.extra["encoding"] = opts["encoding"]
                out(doc, c.kommun, when, "nyhet", fmt, opts.get("suffix", ""))

    # Thread 1: Lekeberg. The beslut pins its dnr and a date across line ends and carries the
    # page-3 phrase.
    c = _thread(rng, "Lekeberg", "barn_unga", 2023, ["orosanmalan", "kontroll_placering", "egenkontroll"],
                page3_phrase=PAGE3_PHRASE, split_dnr=True, passing="Kumla")
    c.ivo_dnr, c.key = "3.5.1-12345/2023", "ivo:3.5.1-12345/2023"
    thread(c, [("beslut", "pdf", {"hyphenate": True}), ("tjsk", "pdf", {}), ("protokoll", "txt", {}),
               ("ater", "pdf", {"variant": "table"})])
    # Thread 2: Kalmar, with a Windows-1252 news item.
    c = _thread(rng, "Kalmar", "barn_unga", 2023, ["utredning", "barns_delaktighet", "uppfoljning_placering", "dokumentation"],
                ivo_ref_suffix=True, passing="Nybro")
    thread(c, [("beslut", "pdf", {}), ("yttrande", "txt", {}), ("protokoll", "pdf", {}),
               ("ater", "pdf", {"variant": "form"}),
               ("nyhet", "txt", {"encoding": "cp1252", "suffix": "cp1252"})])
    # Thread 3: Tyresö, IVO's newer bare case number.
    c = _thread(rng, "Tyresö", "barn_unga", 2024,
                ["kontroll_placering", "vardplan_genomforandeplan", "overvagande_omprovning"],
                ivo_style="bare", force_hyphen="genomförande|plan")
    thread(c, [("beslut", "pdf", {}), ("tjsk", "txt", {"yttrande": False}),
               ("ater", "pdf", {"variant": "table"})])
    # Thread 4: Umeå äldreomsorg, återredovisning saved as UTF-16LE text.
    c = _thread(rng, "Umeå", "aldreomsorg", 2022, ["omsorg_tillsyn", "lakemedel_halsa", "bemanning_kompetens"])
    thread(c, [("beslut", "pdf", {}), ("yttrande", "pdf", {}),
               ("ater", "txt", {"variant": "form", "encoding": "utf-16-le-bom", "suffix": "utf16le-bom"})])
    # Thread 5: Gävle LSS.
    c = _thread(rng, "Gävle", "funktionsnedsattning", 2024,
                ["tvang_begransning", "bemotande_integritet", "dokumentation"], passing="Sandviken")
    thread(c, [("beslut", "pdf", {}), ("yttrande", "txt", {}), ("ater", "pdf", {"variant": "table"})])
    # Thread 6: Malmö missbruk.
    # The handläggare's surname is also a kommun's name (Lund): not a mention of Lunds kommun.
    c = _thread(rng, "Malmö", "missbruk", 2024, ["kontroll_placering", "vardplan_genomforandeplan", "samverkan"],
                ivo_ref_suffix=True, handlaggare="Karin Lund")
    thread(c, [("beslut", "pdf", {}), ("tjsk", "pdf", {}), ("protokoll", "txt", {})])
    # Thread 7: Luleå.
    c = _thread(rng, "Luleå", "barn_unga", 2025, ["skyddsbedomning", "orosanmalan", "dokumentation", "egenkontroll"],
                passing="Piteå")
    c.d_beslut = dt.date(2025, 2, 11)
    thread(c, [("beslut", "pdf", {}), ("tjsk", "pdf", {"yttrande": False}), ("protokoll", "pdf", {}),
               ("ater", "txt", {"variant": "form"}), ("nyhet", "txt", {})])
    # Thread 8: Skellefteå.
    c = _thread(rng, "Skellefteå", "barn_unga", 2023, ["uppfoljning_placering", "kontroll_placering"])
    thread(c, [("beslut", "txt", {}), ("ater", "pdf", {"variant": "form"}), ("nyhet", "pdf", {})])
    # Thread 9: Örebro LSS.
    c = _thread(rng, "Örebro", "funktionsnedsattning", 2024, ["beslut_verkstallighet", "vardplan_genomforandeplan"])
    thread(c, [("beslut", "pdf", {}), ("yttrande", "pdf", {})])
    # Thread 10: Växjö.
    c = _thread(rng, "Växjö", "barn_unga", 2022, ["anmalningsskyldighet", "samverkan", "bemanning_kompetens"],
                passing="Alvesta")
    thread(c, [("beslut", "pdf", {}), ("yttrande", "pdf", {}), ("ater", "txt", {"variant": "form"})])
    # Thread 11: Borås.
    c = _thread(rng, "Borås", "barn_unga", 2023, ["orosanmalan", "egenkontroll", "utredning", "bemanning_kompetens"],
                ivo_ref_suffix=True, passing="Ulricehamn")
    thread(c, [("beslut", "txt", {}), ("tjsk", "pdf", {}), ("ater", "txt", {"variant": "table"})])

    # Thread 12: Kungsbacka lex Sarah: utredning, anmälan, IVO's closing beslut, news item.
    kb = K["Kungsbacka"]
    case = "ivo:3.1.2-04417/2024"
    mun = kb.dnr(2024, 118)
    d0 = dt.date(2024, 1, 12)
    doc = _doc(rng, "lex_sarah", kb, "barn_unga", case)
    T.lex_sarah(doc, kb, "anmalningsskyldighet", d0, "utredning", mun)
    w.write(doc, "Kungsbacka/2024/2024-01-12_lex-sarah-utredning.pdf", "pdf")
    doc = _doc(rng, "lex_sarah", kb, "barn_unga", case)
    T.lex_sarah(doc, kb, "anmalningsskyldighet", d0 + dt.timedelta(days=7), "anmalan", mun)
    w.write(doc, "Kungsbacka/2024/2024-01-19_lex-sarah-anmalan-till-IVO.txt", "txt")
    c = T.make_case(rng, kb, "barn_unga", 2024, brister=["anmalningsskyldighet"])
    c.ivo_dnr, c.key, c.mun_dnr, c.d_beslut = "3.1.2-04417/2024", case, mun, dt.date(2024, 3, 6)
    doc = _doc(rng, "beslut", c, None)
    doc.brist("anmalningsskyldighet")
    T.ivo_closing(doc, c, T.SARAH_EVENTS["anmalningsskyldighet"][1])
    w.write(doc, "Kungsbacka/2024/2024-03-06_IVO-beslut-lex-sarah_3.1.2-04417-2024.pdf", "pdf")
    doc = _doc(rng, "nyhet", c, None)
    c.measures = {"anmalningsskyldighet": [("rutin_anmalan_personal", "genomford", "genomford"),
                                           ("utbildning_anmalningsskyldighet", "planerad", "planerad")]}
    T.nyhet(doc, c, dt.date(2024, 2, 2), stage=1)
    w.write(doc, "Kungsbacka/2024/2024-02-02_nyhet-lex-sarah.txt", "txt")

    # Standalone lex Sarah material, with test personnummer.
    for kommun, cat, d, variant, fmt in [
            ("Malmö", "omsorg_tillsyn", dt.date(2023, 11, 3), "rapport", "pdf"),
            ("Gävle", "hot_vald", dt.date(2024, 5, 20), "utredning", "txt"),
            ("Umeå", "lakemedel_halsa", dt.date(2023, 9, 14), "anmalan", "pdf"),
            ("Örebro", "tvang_begransning", dt.date(2022, 10, 4), "rapport", "txt"),
            ("Växjö", "bemotande_integritet", dt.date(2024, 8, 27), "utredning", "pdf"),
            ("Kalmar", "uppfoljning_placering", dt.date(2024, 11, 18), "anmalan", "pdf")]:
        k = K[kommun]
        area = T.SARAH_EVENTS[cat][0]
        doc = _doc(rng, "lex_sarah", k, area)
        ivo = "3.1.2-%05d/%d" % (rng.randint(100, 9999), d.year) if variant == "anmalan" and \
            kommun == "Kalmar" else None
        T.lex_sarah(doc, k, cat, d, variant, k.dnr(d.year, rng.randint(40, 900), area), ivo)
        w.write(doc, "%s/%d/%s_lex-sarah-%s.%s" % (kommun, d.year, d.isoformat(), variant, fmt), fmt)

    # Granskningsrapporter: only the red ratings are brister.
    for kommun, area, d, red, yellow, green, by, fmt in [
            ("Örebro", "barn_unga", dt.date(2023, 6, 9), ["vardplan_genomforandeplan"], ["dokumentation"],
             ["barns_delaktighet", "bemanning_kompetens", "egenkontroll", "samverkan"], "intern", "pdf"),
            ("Växjö", "barn_unga", dt.date(2024, 4, 18), ["orosanmalan", "skyddsbedomning"], [],
             ["utredning", "barns_delaktighet", "dokumentation"], "intern", "txt"),
            ("Skellefteå", "aldreomsorg", dt.date(2022, 11, 30), ["lakemedel_halsa"],
             ["bemanning_kompetens"], ["omsorg_tillsyn", "bemotande_integritet"], "revision", "pdf"),
            ("Borås", "funktionsnedsattning", dt.date(2024, 9, 12), [], ["vardplan_genomforandeplan"],
             ["tvang_begransning", "bemotande_integritet", "dokumentation"], "intern", "pdf"),
            ("Kungsbacka", "barn_unga", dt.date(2025, 3, 4), ["uppfoljning_placering"], [],
             ["kontroll_placering", "overvagande_omprovning", "lex_sarah"], "intern", "pdf")]:
        k = K[kommun]
        doc = _doc(rng, "granskningsrapport", k, area)
        doc.hyphenate = True
        T.granskningsrapport(doc, k, d, red, yellow, green, by)
        w.write(doc, "%s/%d/%s_granskningsrapport.%s" % (kommun, d.year, d.isoformat(), fmt), fmt)

    # JO's beslut on Borås (an authority other than IVO, with a länsstyrelse number).
    doc = _doc(rng, "beslut", K["Borås"], "funktionsnedsattning")
    T.jo_beslut(doc, K["Borås"], dt.date(2022, 6, 21), "4321-2021", "beslut_verkstallighet",
                "701-12345-2010")
    w.write(doc, "Borås/2022/2022-06-21_JO-beslut_4321-2021.pdf", "pdf")

    # Annat: an invitation naming several kommuner in passing, and the checklist itself.
    doc = _doc(rng, "annat", K["Kalmar"], "barn_unga")
    T.inbjudan(doc, K["Kalmar"], dt.date(2024, 2, 15), ["Nybro", "Emmaboda", "Mörbylånga"])
    w.write(doc, "Kalmar/2024/Inbjudan nätverksträff familjehemsvård.txt", "txt")
    doc = _doc(rng, "annat", K["Umeå"], "barn_unga")
    T.inbjudan(doc, K["Umeå"], dt.date(2023, 9, 1), ["Vännäs", "Skellefteå"])
    w.write(doc, "Umeå/2023/2023-09-01_inbjudan-natverk.pdf", "pdf")
    doc = _doc(rng, "annat", K["Lekeberg"], "barn_unga")
    T.checklista_doc(doc, K["Lekeberg"], dt.date(2023, 9, 4))
    w.write(doc, "Lekeberg/2023/Bilaga - checklista inför placering.pdf", "pdf")
    w.close()
    return w


# --- the benchmark corpus ----------------------------------------------------------------------

AREA_WEIGHTS = [("barn_unga", 60), ("aldreomsorg", 15), ("funktionsnedsattning", 15), ("missbruk", 10)]


def build_random(root: str, count: int, seed: int, pdf_ratio: float, progress=True,
                 check=False) -> Writer:
    """count documents, streamed: threads of a random case, plus lex Sarah and audits."""
    rng = random.Random(seed)
    w = Writer(root, check=check)
    areas = [a for a, n in AREA_WEIGHTS for _ in range(n)]
    kommuner = list(K.values())
    started = time.time()
    n = 0

    def emit(doc, kind, d):
        nonlocal n
        fmt = "pdf" if rng.random() < pdf_ratio else "txt"
        if fmt == "pdf":
            doc.hyphenate = rng.random() < 0.5
        elif rng.random() < 0.03:
            doc.extra["encoding"] = rng.choice(["cp1252", "utf-16-le-bom"])
        w.write(doc, "%s/%d/%07d_%s.%s" % (doc.kommun.base, d.year, n, kind, fmt), fmt)
        n += 1
        if progress and n % 1000 == 0:
            rate = n / max(time.time() - started, 1e-9)
            print("%d/%d documents, %.0f/s" % (n, count, rate), file=sys.stderr)

    while n < count:
        k = rng.choice(kommuner)
        area = rng.choice(areas)
        year = rng.randint(2019, 2025)
        r = rng.random()
        # Per iteration a case thread gives about three documents, the other kinds one each:
        # r < 0.05 annat or JO, < 0.25 lex Sarah, < 0.37 granskningsrapport, else a thread.
        if r < 0.05:
            d = T.workday(dt.date(year, rng.randint(1, 12), rng.randint(1, 28)))
            if r < 0.03:
                doc = Doc(rng, "annat", k, "barn_unga")
                if rng.random() < 0.5:
                    others = data.NEIGHBOURS[k.base] + [rng.choice([x for x in K if x != k.base])]
                    T.inbjudan(doc, k, d, others)
                else:
                    T.checklista_doc(doc, k, d)
                emit(doc, "annat", d)
            else:
                doc = Doc(rng, "beslut", k, "funktionsnedsattning")
                T.jo_beslut(doc, k, d, "%d-%d" % (rng.randint(100, 9999), year - 1),
                            "beslut_verkstallighet",
                            "701-%05d-%d" % (rng.randint(1, 99999), year - 6) if rng.random() < 0.3 else None)
                emit(doc, "JO-beslut", d)
            continue
        if r < 0.25:
            cat = rng.choice(list(T.SARAH_EVENTS))
            a = T.SARAH_EVENTS[cat][0]
            d = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            doc = Doc(rng, "lex_sarah", k, a)
            T.lex_sarah(doc, k, cat, d, rng.choice(["rapport", "utredning", "anmalan"]),
                        k.dnr(year, rng.randint(10, 999), a))
            emit(doc, "lex-sarah", d)
            continue
        if r < 0.37:
            pool = [b for b, dd in T.phrases.BRISTER.items() if area in dd["areas"]]
            picked = rng.sample(pool, min(len(pool), rng.randint(3, 6)))
            nred = rng.randint(0, min(2, len(picked)))
            nyel = rng.randint(0, len(picked) - nred)
            d = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            doc = Doc(rng, "granskningsrapport", k, area)
            T.granskningsrapport(doc, k, d, picked[:nred], picked[nred:nred + nyel],
                                 picked[nred + nyel:], rng.choice(["intern", "revision"]))
            emit(doc, "granskningsrapport", d)
            continue
        c = T.make_case(rng, k, area, year)
        steps = [("beslut", 1.0), ("yttrande", 0.45), ("tjsk", 0.45), ("protokoll", 0.35),
                 ("ater", 0.7), ("nyhet", 0.15)]
        for kind, p in steps:
            if n >= count:
                break
            if rng.random() > p:
                continue
            if kind == "beslut":
                doc = Doc(rng, "beslut", k, area, c.key)
                T.ivo_beslut(doc, c)
                emit(doc, "IVO-beslut", c.d_beslut)
            elif kind == "yttrande":
                doc = Doc(rng, "yttrande", k, area, c.key)
                T.yttrande(doc, c)
                emit(doc, "yttrande", c.d_tjsk)
            elif kind == "tjsk":
                doc = Doc(rng, "tjansteskrivelse", k, area, c.key)
                T.tjansteskrivelse(doc, c, with_yttrande=rng.random() < 0.5)
                emit(doc, "tjansteskrivelse", c.d_tjsk)
            elif kind == "protokoll":
                doc = Doc(rng, "protokoll", k, area, c.key)
                T.protokoll(doc, c)
                emit(doc, "protokollsutdrag", c.d_protokoll)
            elif kind == "ater":
                doc = Doc(rng, "aterredovisning", k, area, c.key)
                T.aterredovisning(doc, c, rng.choice(["form", "table"]))
                emit(doc, "aterredovisning", c.d_ater)
            else:
                doc = Doc(rng, "nyhet", k, area, c.key)
                T.nyhet(doc, c, c.d_news)
                emit(doc, "nyhet", c.d_news)
    w.close()
    return w
