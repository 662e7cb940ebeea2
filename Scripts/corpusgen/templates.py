"""Document templates: one function per kind of document, each filling a Doc.

A Case holds what the documents of one supervision thread share (kommun, area, brister,
diarienummer, dates, measures), so the IVO beslut, the kommun's tjänsteskrivelse or yttrande,
the nämnd's protokoll and the återredovisning agree with each other and come in date order.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import data, phrases
from .doc import Doc, area_pick, stable_choice
from .layout import FORCE, FORCE_HYPHEN

D = dt.timedelta


def cap(s: str) -> str:
    return s[0].upper() + s[1:]


def email(name: str, domain: str) -> str:
    table = str.maketrans("åäöéÅÄÖÉ", "aaoeaaoe")
    first, last = name.lower().split(" ", 1)
    return "%s.%s@%s" % (first.translate(table), last.translate(table).replace(" ", ""), domain)


def direct_phone(rng: random.Random, kommun: data.Kommun) -> str:
    return "%s-%02d %02d %02d" % (kommun.phone.split("-")[0], rng.randint(10, 99),
                                  rng.randint(10, 99), rng.randint(10, 99))


def ivo_phone(rng: random.Random) -> str:
    return "010-788 %02d %02d" % (rng.randint(50, 59), rng.randint(10, 99))


HOLIDAYS = {(1, 1), (1, 6), (5, 1), (6, 6), (12, 24), (12, 25), (12, 26), (12, 31)}


def workday(d: dt.date) -> dt.date:
    """The first working day on or after d: authorities do not date documents on Sundays."""
    while d.weekday() >= 5 or (d.month, d.day) in HOLIDAYS:
        d += D(days=1)
    return d


@dataclass
class Case:
    key: str
    kommun: data.Kommun
    area: str
    brister: list[str]
    clean: list[str]                      # checked areas where IVO saw no brist (negated)
    ivo_dnr: str
    mun_dnr: str
    d_beslut: dt.date
    inspectors: list[str]
    chief: str
    # brist -> [(measure key, status in yttrande, status in återredovisning)]
    measures: dict = field(default_factory=dict)
    passing: str | None = None
    ivo_ref_suffix: bool = False          # the kommun quotes IVO's dnr with a "-1" suffix
    paragraph: int = 87
    page3_phrase: str | None = None
    split_dnr: bool = False               # force the dnr and a date across line ends
    handlaggare: str | None = None        # override the kommun's invented handläggare
    force_hyphen: str | None = None       # a word to hyphenate at a line end, e.g. "genomförande|plan"

    @property
    def d_interviews(self): return workday(self.d_beslut - D(days=41))
    @property
    def d_request(self): return workday(self.d_beslut - D(days=88))
    @property
    def d_deadline(self): return workday(self.d_beslut + D(days=92))
    @property
    def d_tjsk(self): return workday(self.d_beslut + D(days=27))
    @property
    def d_protokoll(self): return workday(self.d_beslut + D(days=41))
    @property
    def d_ater(self): return workday(self.d_beslut + D(days=88))
    @property
    def d_news(self): return workday(self.d_beslut + D(days=96))

    def ivo_ref(self) -> str:
        """IVO's number as the kommun quotes it."""
        return self.ivo_dnr + ("-1" if self.ivo_ref_suffix else "")


def make_case(rng: random.Random, kommun: data.Kommun, area: str, year: int, brister=None,
              n_brister=None, ivo_style=None, passing=True) -> Case:
    pool = [b for b, d in phrases.BRISTER.items() if area in d["areas"]]
    if brister is None:
        brister = rng.sample(pool, n_brister or rng.randint(2, 4))
    clean = rng.sample([b for b in pool if b not in brister], min(2, len(pool) - len(brister)))
    serial = rng.randint(1000, 29999)
    style = ivo_style or rng.choice(["classic", "classic", "bare"])
    if style == "bare" and year >= 2024:
        ivo = "%d/%d" % (rng.randint(30000, 39999), year)
    else:
        ivo = "3.5.1-%05d/%d" % (serial, year)
    d_beslut = workday(dt.date(year, rng.randint(2, 9), rng.randint(1, 28)))
    case = Case(
        key="ivo:" + ivo, kommun=kommun, area=area, brister=list(brister), clean=clean,
        ivo_dnr=ivo, mun_dnr=kommun.dnr(year, rng.randint(40, 900), area), d_beslut=d_beslut,
        inspectors=["%s %s" % (rng.choice(data.FIRST_NAMES), rng.choice(data.SURNAMES))
                    for _ in range(2)],
        chief="%s %s" % (rng.choice(data.FIRST_NAMES), rng.choice(data.SURNAMES)),
        passing=(rng.choice(data.NEIGHBOURS[kommun.base]) if passing and rng.random() < 0.6 else None),
        ivo_ref_suffix=rng.random() < 0.5, paragraph=rng.randint(12, 140))
    used: set[str] = set()
    for b in brister:
        # A measure answers one brist per case: the same step is not both done and planned.
        keys = [m for m in area_measures(b, area) if m not in used]
        chosen = rng.sample(keys, min(len(keys), rng.randint(2, 3)))
        used.update(chosen)
        plan = []
        for i, key in enumerate(chosen):
            first = "genomford" if i == 0 or rng.random() < 0.5 else "planerad"
            later = "genomford" if first == "genomford" or rng.random() < 0.6 else "planerad"
            plan.append((key, first, later))
        case.measures[b] = plan
    return case


def area_measures(brist: str, area: str) -> list[str]:
    m = phrases.BRISTER[brist]["measures"]
    return m.get(area, m.get("default")) if isinstance(m, dict) else m


# --- shared pieces -----------------------------------------------------------------------------

def address(doc: Doc) -> str:
    street, post = doc.kommun.address
    town = post.split(" ", 2)[2]
    if town == doc.kommun.base:
        doc.k(town, "base")
    return "%s, %s" % (street, post)


def kommun_footer(doc: Doc) -> None:
    """The letterhead footer. Built lazily at PDF rendering, so the kommun named in its address
    is only recorded when the footer is actually printed (plain text has no footer)."""
    doc.extra["footer_fn"] = lambda: "%s · %s · Telefon %s" % (
        doc.k(doc.kommun.base), address(doc), doc.kommun.phone)


def verksamhet(doc: Doc) -> str:
    return doc.words["verksamhet"]


def brist_title(doc: Doc, b: str) -> str:
    """IVO's heading for a brist; one wording per case so all documents of a thread agree."""
    titles = area_pick(phrases.BRISTER[b]["title"], doc.area)
    return doc.fill(stable_choice(titles, doc.case, b), b)


def fmt_date(doc: Doc, d: dt.date, main=False, styles=("iso", "long", "den")) -> str:
    return doc.date(d, doc.rng.choice(styles), main)


# --- IVO beslut --------------------------------------------------------------------------------

def ivo_beslut(doc: Doc, c: Case) -> None:
    rng, k = doc.rng, c.kommun
    doc.style, doc.header_right = "ivo", "BESLUT"
    namnd = doc.namnd()
    date = doc.date(c.d_beslut, "iso", main=True)
    dnr = doc.dnr(c.ivo_dnr, "ivo")
    doc.header_sub = "%s  Dnr %s" % (date, dnr)
    doc.extra["footer"] = "Inspektionen för vård och omsorg · %s · registrator@ivo.se · 010-788 50 00" % (
        data.IVO_AVD[k.avd])
    doc.created = c.d_beslut.isoformat() + "T10:12:00"
    doc.title = "Beslut efter tillsyn av %s i %s" % (verksamhet(doc), k.official)
    doc.add("kv", [("Datum", date), ("Diarienummer", dnr),
                   ("Tillsynsobjekt", "%s i %s" % (cap(namnd), doc.k(k.base))),
                   ("Adress", address(doc)),
                   ("Avdelning", data.IVO_AVD[k.avd])])
    doc.add("title", doc.title)
    doc.h("Beslut")
    doc.p("Inspektionen för vård och omsorg (IVO) bedömer att %s i %s inte i alla delar uppfyller "
          "de krav som ställs på %s. IVO konstaterar följande brister:" % (
              namnd, doc.k(k.base), verksamhet(doc)))
    for b in c.brister:
        doc.brist(b)
        doc.li(brist_title(doc, b))
    if c.split_dnr:
        # Pin the deadline date across a line end, as word processors do with "2023-09-" / "30".
        dl = doc.date(c.d_deadline, "iso")
        cut = dl.rindex("-") + 1
        doc.p("IVO begär att %s senast %s%s%s redovisar vilka åtgärder som har vidtagits eller "
              "planeras för att komma till rätta med bristerna." % (namnd, dl[:cut], FORCE, dl[cut:]))
    else:
        doc.p("IVO begär att %s senast %s redovisar vilka åtgärder som har vidtagits eller planeras "
              "för att komma till rätta med bristerna. Redovisningen ska lämnas i det formulär som "
              "bifogas beslutet." % (namnd, fmt_date(doc, c.d_deadline, styles=("den", "iso"))))
    doc.p("Redovisa de eventuella åtgärder som genomförts och de som planeras, när de genomförts "
          "eller ska genomföras och vilken effekt de förväntas få för %s." % doc.words["malgrupp"])
    doc.h("Bakgrund")
    doc.p("IVO har inom ramen för sin riskbaserade tillsyn granskat %s i %s. Tillsynen har omfattat "
          "nämndens ansvar för att verksamheten bedrivs med god kvalitet och att den följer gällande "
          "lagstiftning." % (verksamhet(doc), doc.k(k.base)))
    if c.passing:
        doc.p("Motsvarande tillsyn har under samma period genomförts i bland annat %s. Iakttagelserna "
              "från de andra kommunerna ingår inte i detta beslut." % doc.k(c.passing))
    doc.p("Tillsynen inleddes genom en begäran om handlingar %s. Intervjuer med %s "
          "genomfördes %s." % (
              fmt_date(doc, c.d_request, styles=("den",)), doc.words["intervjuade"],
              fmt_date(doc, c.d_interviews, styles=("den", "iso"))))
    doc.h3("Tillsynens inriktning")
    doc.p("IVO har i tillsynen särskilt granskat följande områden:")
    for b in sorted(c.brister + c.clean, key=lambda x: phrases.BRISTER[x]["short"]):
        doc.li(cap(phrases.BRISTER[b]["short"]))
    doc.h3("Underlag")
    doc.li("Nämndens svar på IVO:s begäran om handlingar, inkommet %s" % doc.date(
        c.d_request + D(days=21), "iso"))
    doc.li("Intervjuer med medarbetare och chefer %s" % doc.date(c.d_interviews, "iso"))
    doc.li("Granskning av %d akter som valts ut slumpvis" % rng.randint(12, 30))
    doc.li("Nämndens rutiner, delegationsordning och plan för egenkontroll")

    doc.h("Skäl för beslutet")
    for b in c.brister:
        doc.h(brist_title(doc, b))
        doc.h3("Vad IVO har granskat")
        doc.p("IVO har granskat %s genom att ta del av nämndens rutiner och av dokumentationen i de "
              "utvalda akterna, och genom att ställa frågor om arbetssättet vid intervjuerna." %
              phrases.BRISTER[b]["short"])
        doc.h3("Vad som har framkommit")
        for para in doc.bphrase(b, "findings", pick="all"):
            if c.force_hyphen and c.force_hyphen.replace("|", "") in para:
                para = para.replace(c.force_hyphen.replace("|", ""),
                                    c.force_hyphen.replace("|", FORCE_HYPHEN), 1)
            doc.p(para)
        if b == "egenkontroll" and c.page3_phrase:
            # corpus.place_phrase() later adds a page break so this lands on page 3.
            doc.p(cap(c.page3_phrase) + ", vilket innebar att händelser som borde ha rapporterats "
                  "som avvikelser aldrig nådde enhetscheferna eller nämnden.")
        doc.h3("IVO:s bedömning")
        for para in doc.bphrase(b, "assessment", pick="all"):
            doc.p(para)
    if c.clean:
        doc.h("Områden där IVO inte har sett brister")
        for b in c.clean:
            doc.p("IVO ser inga brister när det gäller %s. Av akterna och intervjuerna framgår att "
                  "nämndens rutiner på detta område är kända och följs." % phrases.BRISTER[b]["short"])
        doc.extra["not_brister"] = list(c.clean)

    doc.h("Information om återredovisning")
    insp = c.inspectors[0]
    if c.split_dnr:
        cut = dnr.index("/") + 1
        doc.p("Redovisningen ska ha kommit in till IVO senast %s. Vid kontakt med IVO, ange "
              "diarienummer %s%s%s. Skicka gärna redovisningen elektroniskt." % (
                  doc.date(c.d_deadline, "den"), dnr[:cut], FORCE, dnr[cut:]))
    else:
        doc.p("Redovisningen ska ha kommit in till IVO senast %s. Vid kontakt med IVO, ange "
              "diarienummer %s." % (doc.date(c.d_deadline, "den"), dnr))
    doc.p("Frågor om tillsynen besvaras av inspektör %s, %s, telefon %s." % (
        insp, email(insp, "ivo.se"), ivo_phone(rng)))
    doc.h("Information om beslutet")
    doc.p("IVO:s beslut med kritik går inte att överklaga. IVO kan komma att följa upp beslutet "
          "genom en ny tillsyn. Beslutet och nämndens redovisning är allmänna handlingar som kan "
          "lämnas ut efter sekretessprövning.")
    doc.h("Beslutet har fattats av")
    doc.p("Beslut i detta ärende har fattats av avdelningschef %s. Inspektör %s har varit "
          "föredragande och inspektör %s har deltagit i den slutliga handläggningen." % (
              c.chief, insp, c.inspectors[1]))
    doc.add("lines", ["Kopia till:", "%s, %s" % (k.forvaltning, k.official)])
    # Appendix: the provisions behind the assessment, in IVO's usual order.
    doc.add("pagebreak")
    doc.h("Bilaga – Bestämmelser")
    doc.p("Nedan sammanfattas de bestämmelser som IVO:s bedömningar i beslutet grundar sig på.")
    seen = set()
    for b in c.brister:
        for written, norm in area_pick(phrases.BRISTER[b]["refs"], doc.area):
            if norm in seen or norm not in phrases.REF_TEXT:
                continue
            seen.add(norm)
            doc.h3(doc.ref(written, norm))
            doc.p(phrases.REF_TEXT[norm])


def ivo_closing(doc: Doc, c: Case, event: str) -> None:
    """IVO closes a lex Sarah anmälan: a beslut that names the missförhållande but finds the
    nämnd has done what it must (so lex_sarah is not a brist here)."""
    k = c.kommun
    doc.style, doc.header_right = "ivo", "BESLUT"
    date = doc.date(c.d_beslut, "iso", main=True)
    dnr = doc.dnr(c.ivo_dnr, "ivo")
    doc.header_sub = "%s  Dnr %s" % (date, dnr)
    doc.extra["footer"] = "Inspektionen för vård och omsorg · registrator@ivo.se · 010-788 50 00"
    doc.created = c.d_beslut.isoformat() + "T14:40:00"
    doc.title = "Beslut – anmälan enligt lex Sarah"
    doc.add("kv", [("Datum", date), ("Diarienummer", dnr),
                   ("Anmälare", "%s i %s" % (cap(doc.namnd()), doc.k(k.base))),
                   ("Anmälarens diarienummer", doc.dnr(c.mun_dnr, "municipal"))])
    doc.add("title", doc.title)
    doc.h("Beslut")
    doc.p("Inspektionen för vård och omsorg (IVO) avslutar ärendet. IVO bedömer att %s har "
          "fullgjort sin utrednings- och anmälningsskyldighet enligt %s." % (
              doc.namnd(), doc.ref("14 kap. 7 § SoL", "SoL 14 kap. 7 §")))
    doc.h("Anmälan")
    doc.p("%s anmälde %s ett allvarligt missförhållande till IVO. %s" % (
        cap(doc.namnd()), fmt_date(doc, c.d_beslut - D(days=47), styles=("den", "iso")), event))
    doc.h("IVO:s bedömning")
    doc.p("Av anmälan och utredningen framgår att nämnden har klarlagt vad som har hänt, varför det "
          "har hänt och vilka åtgärder som behövs. IVO ser inga brister när det gäller nämndens "
          "utredning av händelsen. IVO förutsätter att nämnden följer upp att åtgärderna får "
          "avsedd effekt.")
    doc.p("Ärendet har avgjorts av enhetschef %s efter föredragning av inspektör %s." % (
        c.chief, c.inspectors[0]))


# --- the kommun's answers ----------------------------------------------------------------------

def kommun_letterhead(doc: Doc, kind: str, date: str, extra_rows, with_date: bool = True) -> None:
    """Running header and footer (PDF), and the first-page letterhead in the body (all formats)."""
    k = doc.kommun
    doc.style, doc.header_right = "kommun", kind.upper()
    doc.extra.setdefault("forvaltning", k.forvaltning)
    doc.header_sub = date
    kommun_footer(doc)
    doc.add("lines", [doc.k(k.base), doc.extra["forvaltning"], kind.upper()])
    doc.add("kv", ([("Datum", date)] if with_date else []) + extra_rows)


def measure_items(doc: Doc, c: Case, b: str, status: str, stage: int, as_list: bool = True):
    items = []
    for key, s1, s2 in c.measures.get(b, []):
        s = s1 if stage == 1 else s2
        if s == status:
            items.append(doc.measure(key, status, brist=b))
    if as_list:
        for t in items:
            doc.li(t)
    return items


def yttrande(doc: Doc, c: Case, appended: bool = False) -> None:
    """The nämnd's statement to IVO. appended=True when it follows a tjänsteskrivelse."""
    k, rng = c.kommun, doc.rng
    namnd = doc.namnd()
    if not appended:
        date = doc.date(c.d_tjsk + D(days=16), "iso", main=True)
        handl = c.handlaggare or k.staff("handläggare-%s" % doc.area)
        kommun_letterhead(doc, "Yttrande", date, [
            ("Diarienummer", doc.dnr(c.mun_dnr, "municipal")),
            ("Er beteckning", doc.dnr(c.ivo_ref(), "ivo")),
            ("Handläggare", handl), ("Telefon", direct_phone(rng, k))])
        doc.created = c.d_tjsk.isoformat() + "T08:55:00"
        doc.add("lines", ["Inspektionen för vård och omsorg", data.IVO_AVD[k.avd],
                          "registrator@ivo.se"])
        doc.title = "Yttrande till IVO efter tillsyn av %s" % verksamhet(doc)
        doc.add("title", doc.title)
    else:
        doc.add("pagebreak")
        doc.add("title", "Yttrande i tillsynsärende, IVO dnr %s" % doc.dnr(c.ivo_ref(), "ivo"))
    doc.p("%s i %s har %s tagit emot IVO:s beslut med begäran om redovisning av åtgärder. Nämnden "
          "lämnar här sitt yttrande över de brister som IVO har konstaterat." % (
              cap(namnd), doc.k(k.base), fmt_date(doc, c.d_beslut + D(days=3), styles=("den",))))
    for b in c.brister:
        doc.brist(b)
        doc.h(brist_title(doc, b))
        doc.h3("Nämndens inställning")
        doc.p(doc.bphrase(b, "stance"))
        doc.h3("Vidtagna åtgärder")
        if not measure_items(doc, c, b, "genomford", 1):
            doc.p("Inga åtgärder har ännu genomförts.")
        planned = [m for m in c.measures.get(b, []) if m[1] == "planerad"]
        if planned:
            doc.h3("Planerade åtgärder")
            measure_items(doc, c, b, "planerad", 1)
        doc.h3("Förväntad effekt")
        doc.p(doc.bphrase(b, "effect"))
    if c.passing and not appended:
        doc.p("Förvaltningen har under arbetet haft kontakt med %s, som nyligen genomfört ett "
              "liknande utvecklingsarbete, för att ta del av deras erfarenheter." % doc.k(c.passing))
    doc.add("lines", ["För %s" % namnd, "", k.staff("ordförande-%s" % doc.area), "Ordförande", "",
                      k.staff("socialchef"), "Förvaltningschef"])


def tjansteskrivelse(doc: Doc, c: Case, with_yttrande: bool = True) -> None:
    k, rng = c.kommun, doc.rng
    namnd = doc.namnd()
    date = doc.date(c.d_tjsk, "iso", main=True)
    handl = c.handlaggare or k.staff("handläggare-%s" % doc.area)
    kommun_letterhead(doc, "Tjänsteskrivelse", date, [
        ("Ärendebeteckning", doc.dnr(c.mun_dnr, "municipal")),
        ("Handläggare", "%s\u00a0\u00a0%s" % (handl, direct_phone(rng, k)))])
    doc.created = c.d_tjsk.isoformat() + "T13:05:00"
    doc.add("lines", [cap(namnd)])
    doc.title = "Svar till Inspektionen för vård och omsorg efter tillsyn av %s" % verksamhet(doc)
    doc.add("title", doc.title)
    doc.h("Förslag till beslut")
    doc.p("%s antar förvaltningens förslag till yttrande som sitt eget och överlämnar det till "
          "Inspektionen för vård och omsorg." % cap(namnd))
    doc.h("Sammanfattning")
    doc.p("IVO har i beslut %s (dnr %s) konstaterat brister inom %s i %s. Förvaltningen har tagit "
          "fram en handlingsplan och redovisar vilka åtgärder som har vidtagits och vilka som "
          "planeras." % (
              fmt_date(doc, c.d_beslut, styles=("iso", "den")), doc.dnr(c.ivo_ref(), "ivo"), verksamhet(doc),
              doc.k(k.base)))
    doc.h("Bakgrund")
    doc.p("IVO har genomfört en tillsyn av nämndens verksamhet. I beslutet konstateras att "
          "nämnden brister i följande avseenden:")
    for b in c.brister:
        doc.brist(b)
        doc.li(brist_title(doc, b))
    doc.p("IVO begär att nämnden redovisar sina åtgärder senast %s." % doc.date(c.d_deadline, "iso"))
    if with_yttrande:
        doc.extra["doc_type_also"] = ["yttrande"]
    else:
        doc.h("Ärendet")
        for b in c.brister:
            doc.h3(cap(phrases.BRISTER[b]["short"]))
            doc.p(doc.bphrase(b, "stance"))
            measure_items(doc, c, b, "genomford", 1)
            measure_items(doc, c, b, "planerad", 1)
    if doc.area == "barn_unga":
        doc.h("Barnrättsperspektiv")
        doc.p("Åtgärderna syftar till att stärka barns rätt till skydd, information och "
              "delaktighet i enlighet med barnkonventionen.")
    doc.h("Ekonomiska konsekvenser")
    doc.p("Åtgärderna ryms inom nämndens befintliga budget.")
    doc.h("Beslutsunderlag")
    doc.li("Tjänsteskrivelse %s" % date)
    doc.li("IVO:s beslut %s, dnr %s" % (doc.date(c.d_beslut, "iso"), c.ivo_ref()))
    if with_yttrande:
        doc.li("Förslag till yttrande")
    doc.h("Beslutet skickas till")
    doc.li("Inspektionen för vård och omsorg")
    doc.add("lines", ["", k.staff("socialchef"), "Förvaltningschef", "", handl,
                      "Verksamhetschef"])
    if with_yttrande:
        yttrande(doc, c, appended=True)


def aterredovisning(doc: Doc, c: Case, variant: str = "form") -> None:
    k, rng = c.kommun, doc.rng
    namnd = doc.namnd()
    date = doc.date(c.d_ater, "iso", main=True)
    kommun_letterhead(doc, "Återredovisning", date, [
        ("Kommunens diarienummer", doc.dnr(c.mun_dnr, "municipal")),
        ("IVO:s diarienummer", doc.dnr(c.ivo_dnr, "ivo"))])
    doc.created = c.d_ater.isoformat() + "T16:20:00"
    doc.title = "Återredovisning av åtgärder efter IVO:s tillsyn av %s" % verksamhet(doc)
    doc.add("title", doc.title)
    doc.p("Redovisningen avser de åtgärder som %s i %s har vidtagit med anledning av IVO:s beslut "
          "%s med begäran om återredovisning. Redovisningen utgör underlag för IVO:s fortsatta "
          "bedömning i ärendet." % (namnd, doc.k(k.base), fmt_date(doc, c.d_beslut, styles=("iso", "den"))))
    doc.p("Vid kontakt med IVO, ange diarienummer: %s." % c.ivo_dnr)
    contact = k.staff("kvalitet")
    doc.add("kv", [("Kontaktperson", contact), ("E-post", email(contact, k.base.lower().translate(
        str.maketrans("åäö", "aao")) + ".se")), ("Telefon", direct_phone(rng, k))])
    doc.h("Uppge vilka brister som kommunen kommer att redovisa åtgärder för")
    for b in c.brister:
        doc.brist(b)
        doc.li(brist_title(doc, b))
    table_rows = []
    for b in c.brister:
        doc.h(brist_title(doc, b))
        doc.h3("Redovisa kommunens inställning till ovanstående brist")
        doc.p(doc.bphrase(b, "stance"))
        if variant == "table":
            for key, _, status in c.measures.get(b, []):
                klart = c.d_ater - D(days=rng.randint(10, 70)) if status == "genomford" else \
                    c.d_ater + D(days=rng.randint(30, 150))
                table_rows.append([doc.measure(key, status, form="row", brist=b),
                                   rng.choice(["Enhetschef", "Verksamhetschef", "Förste socialsekreterare",
                                               "Kvalitetsutvecklare", "Socialchef"]),
                                   doc.date(klart, "iso"),
                                   "Genomförd" if status == "genomford" else "Planerad"])
            doc.p("Åtgärderna redovisas i handlingsplanen nedan.")
            continue
        doc.h3("Redovisa de eventuella åtgärder som genomförts för att komma till rätta med "
               "ovanstående brist")
        if not measure_items(doc, c, b, "genomford", 2):
            doc.p("Ej aktuell.")
        doc.h3("Redovisa uppgifter om när vidtagna åtgärder genomförts")
        doc.p("Åtgärderna genomfördes mellan %s och %s." % (
            doc.date(c.d_beslut + D(days=20), "iso"), doc.date(c.d_ater - D(days=6), "iso")))
        doc.h3("Redovisa förväntad effekt av åtgärderna för %s" % doc.words["malgrupp"])
        doc.p(doc.bphrase(b, "effect"))
        doc.h3("Redovisa de eventuella åtgärder som planeras för att komma till rätta med "
               "ovanstående brist")
        if not measure_items(doc, c, b, "planerad", 2):
            doc.p("Ej aktuell.")
        else:
            doc.h3("Redovisa uppgifter om när eventuella planerade åtgärder kommer att genomföras")
            doc.p("De planerade åtgärderna beräknas vara genomförda senast %s." %
                  fmt_date(doc, c.d_ater + D(days=120), styles=("long", "iso")))
    if table_rows:
        doc.h("Handlingsplan")
        doc.add("table", ["Åtgärd", "Ansvarig", "Klart", "Status"], table_rows,
                [0.52, 0.2, 0.14, 0.14])
        doc.extra["txt_style"] = rng.choice(["pipe", "tab"])
    doc.add("lines", ["", "För %s" % namnd, k.staff("ordförande-%s" % doc.area), "Ordförande"])


def protokoll(doc: Doc, c: Case) -> None:
    k = c.kommun
    namnd = doc.namnd()
    date = doc.date(c.d_protokoll, "iso", main=True)
    kommun_letterhead(doc, "Protokollsutdrag", date, [
        ("Sammanträdesdatum", date), ("Paragraf", "§ %d" % c.paragraph),
        ("Diarienummer", doc.dnr(c.mun_dnr, "municipal"))], with_date=False)
    doc.header_sub = "Sammanträdesdatum %s" % date
    doc.created = (c.d_protokoll + D(days=2)).isoformat() + "T09:00:00"
    doc.title = "§ %d Yttrande till IVO efter tillsyn av %s" % (c.paragraph, verksamhet(doc))
    doc.add("title", doc.title)
    doc.add("lines", [cap(namnd)])
    doc.h("Beslut")
    doc.p("%s beslutar att anta förvaltningens förslag till yttrande som sitt eget och överlämna det "
          "till Inspektionen för vård och omsorg. Paragrafen förklaras omedelbart justerad." % cap(namnd))
    doc.h("Ärendebeskrivning")
    shorts = []
    for b in c.brister:
        doc.brist(b)
        shorts.append(phrases.BRISTER[b]["short"])
    listed = ", ".join(shorts[:-1]) + " och " + shorts[-1] if len(shorts) > 1 else shorts[0]
    doc.p("IVO har i beslut %s (dnr %s) riktat kritik mot nämnden. IVO konstaterar brister i %s." % (
        fmt_date(doc, c.d_beslut, styles=("den", "iso")), doc.dnr(c.ivo_ref(), "ivo"), listed))
    doc.p("Förvaltningen har tagit fram ett förslag till yttrande. Av förslaget framgår vilka "
          "åtgärder som har vidtagits och vilka som planeras.")
    doc.h("Beslutsunderlag")
    doc.li("Tjänsteskrivelse %s" % doc.date(c.d_tjsk, "iso"))
    doc.li("Förslag till yttrande")
    doc.li("IVO:s beslut %s" % doc.date(c.d_beslut, "iso"))
    doc.h("Beslutet skickas till")
    doc.li("Inspektionen för vård och omsorg")
    doc.li("%s, för kännedom" % k.forvaltning)
    doc.add("kv", [("Justerare", k.staff("justerare-%s" % doc.area)),
                   ("Justeringens datum", doc.date(c.d_protokoll, "iso")),
                   ("Ordförande", k.staff("ordförande-%s" % doc.area)),
                   ("Sekreterare", k.staff("nämndsekreterare"))])
    doc.add("lines", ["Rätt utdraget intygar", "", k.staff("nämndsekreterare")])


def nyhet(doc: Doc, c: Case, when: dt.date, stage: int = 2) -> None:
    k, rng = c.kommun, doc.rng
    doc.style = "news"
    doc.extra["site"] = "Nyheter från %s" % k.official
    doc.created = when.isoformat() + "T07:30:00"
    doc.title = rng.choice([
        "%s har åtgärdat brister efter IVO:s granskning" % k.official,
        "IVO har granskat %s – så arbetar vi vidare" % verksamhet(doc),
        "Nya rutiner efter kritik från IVO",
    ])
    doc.p("Publicerad %s" % doc.date(when, rng.choice(["long", "iso"]), main=True))
    doc.add("title", doc.title)
    shorts = []
    for b in c.brister:
        doc.brist(b)
        shorts.append(phrases.BRISTER[b]["short"])
    listed = ", ".join(shorts[:-1]) + " och " + shorts[-1] if len(shorts) > 1 else shorts[0]
    doc.p("Inspektionen för vård och omsorg, IVO, har granskat %s i %s. IVO konstaterade brister "
          "när det gäller %s." % (verksamhet(doc), doc.k(k.base), listed))
    chef = k.staff("socialchef")
    doc.p("– Vi tar kritiken på stort allvar. Flera förbättringar var redan på gång när "
          "granskningen gjordes, och nu har vi en tydlig plan för resten, säger %s, "
          "förvaltningschef." % chef)
    doc.h3("Vad har gjorts?")
    # Choose first, then write: a measure is recorded only when its text is printed.
    done = [(key, b) for b in c.brister for key, s1, s2 in c.measures[b]
            if (s2 if stage == 2 else s1) == "genomford"][:4]
    planned = [(key, b) for b in c.brister for key, s1, s2 in c.measures[b]
               if (s2 if stage == 2 else s1) == "planerad"][:2]
    for key, b in done:
        doc.li(doc.measure(key, "genomford", brist=b))
    if planned:
        doc.h3("Vad händer nu?")
        for key, b in planned:
            doc.li(doc.measure(key, "planerad", brist=b))
    doc.h3("Fakta: IVO:s tillsyn")
    doc.p("IVO granskar att vård och omsorg bedrivs säkert, med god kvalitet och enligt lagar och "
          "föreskrifter. Efter en tillsyn kan IVO begära att kommunen redovisar vilka åtgärder den "
          "har vidtagit.")


# --- lex Sarah -----------------------------------------------------------------------------------

SARAH_EVENTS = {
    "anmalningsskyldighet": ("barn_unga",
        "En familjebehandlare i öppenvården fick under ett hembesök uppgifter om att ett barn "
        "utsatts för våld av en vuxen i hemmet. Uppgifterna diskuterades i arbetsgruppen men ingen "
        "orosanmälan gjordes till mottagningsgruppen.",
        ["rutin_anmalan_personal", "utbildning_anmalningsskyldighet", "arendegenomgang"]),
    "uppfoljning_placering": ("barn_unga",
        "Ett barn som var placerat i ett konsulentstött familjehem har under en längre period inte "
        "fått sina behov tillgodosedda. Barnsekreteraren hade inte träffat barnet enskilt under "
        "de senaste sex månaderna.",
        ["besok_familjehem", "egenkontroll_besok", "utsedd_socialsekreterare"]),
    "omsorg_tillsyn": ("aldreomsorg",
        "En boende på ett särskilt boende föll i sin lägenhet under natten och blev liggande på "
        "golvet i flera timmar innan personalen upptäckte henne vid morgonens tillsyn.",
        ["tillsynsrutin", "bemanning_natt", "larmuppfoljning"]),
    "lakemedel_halsa": ("aldreomsorg",
        "En boende fick vid två tillfällen en annan boendes kvällsmedicin. Signeringslistan visade "
        "att dosen hade signerats som given till rätt person.",
        ["delegering_lakemedel", "signering_egenkontroll"]),
    "tvang_begransning": ("funktionsnedsattning",
        "I en gruppbostad har en boendes dörr låsts från utsidan nattetid under flera månader, "
        "utan samtycke och utan att saken tagits upp med den boendes företrädare.",
        ["inventering_begransning", "utbildning_bemotande", "etiskt_forum"]),
    "hot_vald": ("funktionsnedsattning",
        "En boende i en servicebostad har vid upprepade tillfällen slagit en annan boende i "
        "gemensamhetsutrymmet. Händelserna har inte rapporterats som avvikelser.",
        ["riskbedomning_vald", "utbildning_hot_vald", "avvikelserutin"]),
    "bemotande_integritet": ("aldreomsorg",
        "En medarbetare i hemtjänsten har vid flera besök talat nedsättande till en brukare och "
        "skyndat på henne vid morgonhygienen trots att hon bett om mer tid.",
        ["utbildning_bemotande", "etiskt_forum"]),
}


def lex_sarah(doc: Doc, k: data.Kommun, cat: str, d: dt.date, variant: str, mun_dnr: str,
              ivo_dnr: str | None = None) -> None:
    """A lex Sarah rapport, utredning or anmälan about one missförhållande (category cat)."""
    rng = doc.rng
    area, event, mkeys = SARAH_EVENTS[cat]
    doc.brist(cat)
    doc.created = d.isoformat() + "T11:00:00"
    if variant == "rapport":
        kommun_letterhead(doc, "Lex Sarah", doc.date(d, "iso", main=True),
                          [("Diarienummer", doc.dnr(mun_dnr, "municipal"))])
        doc.title = "Rapport om missförhållande enligt lex Sarah"
        doc.add("title", doc.title)
        doc.add("kv", [("Rapportör", k.staff("rapportör-%s" % cat)),
                       ("Verksamhet", cap(doc.words["enhet"])),
                       ("Datum för händelsen", doc.date(d - D(days=2), "iso")),
                       ("Den enskildes personnummer", doc.pnr())])
        doc.h("Vad har hänt?")
        doc.p(event)
        doc.h("Vad gjordes direkt för att skydda den enskilde?")
        doc.p("Enhetschefen informerades samma dag och den enskildes närstående kontaktades. "
              "Händelsen dokumenterades i journalen.")
        doc.h("Rapporten har tagits emot av")
        doc.p("%s, enhetschef, %s." % (k.staff("enhetschef-%s" % area), doc.date(d, "long")))
        return
    if variant == "utredning":
        kommun_letterhead(doc, "Utredning lex Sarah", doc.date(d, "iso", main=True),
                          [("Diarienummer", doc.dnr(mun_dnr, "municipal")),
                           ("Utredare", k.staff("kvalitet"))])
        doc.title = "Utredning enligt lex Sarah – %s" % doc.words["enhet"]
        doc.add("title", doc.title)
        doc.h("Bakgrund")
        doc.p("En rapport enligt lex Sarah kom in till %s %s. Rapporten gäller %s inom %s." % (
            doc.namnd(), doc.date(d - D(days=30), "den"), doc.words["enskild"], doc.words["enhet"]))
        doc.add("kv", [("Den enskilde", "Personnummer %s" % doc.pnr(short=rng.random() < 0.5)),
                       ("Händelsedatum", doc.date(d - D(days=33), "iso"))])
        doc.h("Händelseförlopp")
        doc.p(event)
        doc.h("Orsaker")
        doc.p("Utredningen visar att det saknades en tydlig rutin och att ansvarsfördelningen mellan "
              "medarbetare och chefer var oklar. Hög arbetsbelastning bidrog till att signaler "
              "inte uppmärksammades.")
        doc.h("Bedömning")
        doc.p("Händelsen bedöms utgöra ett allvarligt missförhållande. Den ska därför anmälas till "
              "Inspektionen för vård och omsorg enligt %s." % doc.ref("14 kap. 7 § SoL",
                                                                     "SoL 14 kap. 7 §"))
        doc.h("Vidtagna åtgärder")
        for key in mkeys[:2]:
            doc.li(doc.measure(key, "genomford", brist=cat))
        doc.h("Planerade åtgärder")
        for key in mkeys[2:] or mkeys[:1]:
            doc.li(doc.measure(key, "planerad", brist=cat, salt="p"))
        return
    # anmälan to IVO
    kommun_letterhead(doc, "Anmälan lex Sarah", doc.date(d, "iso", main=True),
                      [("Diarienummer", doc.dnr(mun_dnr, "municipal"))])
    doc.title = "Anmälan av allvarligt missförhållande enligt lex Sarah"
    doc.add("title", doc.title)
    doc.p("Anmälan görs till Inspektionen för vård och omsorg enligt %s och %s." % (
        doc.ref("14 kap. 7 § SoL", "SoL 14 kap. 7 §"), doc.ref("SOSFS 2011:5", "SOSFS 2011:5")))
    if ivo_dnr:
        doc.p("Anmälan kompletterar tidigare lämnade uppgifter i IVO:s ärende med diarienummer %s."
              % doc.dnr(ivo_dnr, "ivo"))
    doc.add("kv", [("Anmälande nämnd", "%s i %s" % (cap(doc.namnd()), doc.k(k.base))),
                   ("Verksamhet", cap(doc.words["enhet"])),
                   ("Egen eller annan utförare", "Egen regi"),
                   ("Den enskilde", doc.pnr())])
    doc.h("Beskrivning av missförhållandet")
    doc.p(event)
    doc.h("Vidtagna åtgärder för att skydda den enskilde")
    doc.p("Den enskilde har fått en ny kontaktperson och närstående har informerats.")
    doc.h("Vidtagna åtgärder för att händelsen inte ska upprepas")
    for key in mkeys:
        doc.li(doc.measure(key, "genomford", brist=cat))


# --- audits, JO, annat ------------------------------------------------------------------------

def granskningsrapport(doc: Doc, k: data.Kommun, d: dt.date, red: list[str], yellow: list[str],
                       green: list[str], by: str = "intern") -> None:
    rng = doc.rng
    doc.style = "kommun"
    doc.header_right = "GRANSKNINGSRAPPORT"
    doc.header_sub = str(d.year)
    kommun_footer(doc)
    doc.created = d.isoformat() + "T15:45:00"
    if by == "revision":
        doc.title = "Granskning av %s – revisionsrapport" % verksamhet(doc)
    else:
        doc.title = "Kvalitetsgranskning av %s" % doc.words["enhet"]
    doc.add("title", doc.title)
    doc.add("kv", [("Granskningen avser", "%s, %s" % (cap(doc.words["enhet"]), doc.k(k.base))),
                   ("Rapportdatum", doc.date(d, "iso", main=True)),
                   ("Granskare", "%s, kvalitetscontroller" % k.staff("controller"))])
    doc.h("1 Sammanfattning")
    rows = []
    for b in green:
        rows.append(["Grön", doc.fill(phrases.BRISTER[b]["green"], b)])
    for b in yellow:
        rows.append(["Gul", doc.fill(phrases.BRISTER[b]["yellow"], b)])
    for b in red:
        doc.brist(b)
        rows.append(["Röd", doc.fill(phrases.BRISTER[b]["red"], b)])
    doc.add("table", ["Kvalitetsnivå", "Bedömning"], rows, [0.2, 0.8])
    doc.h3("Kvalitetsnivåer")
    doc.add("table", ["Nivå", "Innebörd"], [
        ["Grön", "Verksamheten visar goda exempel som kan spridas till andra enheter."],
        ["Gul", "Verksamheten har områden som behöver utvecklas."],
        ["Röd", "Verksamheten har brister som måste åtgärdas."]], [0.2, 0.8])
    doc.extra["not_brister"] = list(green) + list(yellow)
    doc.h("2 Syfte")
    doc.p("Syftet med granskningen är att bedöma kvaliteten i %s och att peka ut områden där "
          "verksamheten behöver förbättras. Granskningen ingår i den plan för intern kontroll som "
          "nämnden beslutar om varje år." % verksamhet(doc))
    doc.h("3 Metod")
    doc.p("Granskningen bygger på intervjuer med chefer och medarbetare %s samt en "
          "stickprovsgranskning av %d akter. Granskningen utgår från gällande lagstiftning, bland "
          "annat %s, och Socialstyrelsens föreskrifter %s." % (
              doc.date(d - D(days=40), "den"), rng.randint(15, 40),
              doc.ref("3 kap. 3 § SoL", "SoL 3 kap. 3 §"), doc.ref("SOSFS 2011:9", "SOSFS 2011:9")))
    doc.h("4 Resultat")
    for b in green + yellow + red:
        doc.h3(cap(phrases.BRISTER[b]["short"]))
        if b in red:
            doc.p(doc.bphrase(b, "findings"))
            doc.p("Bedömning: Röd. " + doc.fill(phrases.BRISTER[b]["red"], b))
        elif b in yellow:
            doc.p("Bedömning: Gul. " + doc.fill(phrases.BRISTER[b]["yellow"], b))
        else:
            doc.p("Bedömning: Grön. " + doc.fill(phrases.BRISTER[b]["green"], b))
    neighbours = data.NEIGHBOURS.get(k.base)
    if neighbours and rng.random() < 0.5:
        doc.p("Som jämförelse kan nämnas att %s har en liknande organisation för motsvarande "
              "verksamhet." % doc.k(rng.choice(neighbours)))
    doc.h("5 Rekommendationer")
    doc.p("Granskaren rekommenderar att förvaltningen tar fram en plan för hur de röda områdena "
          "ska åtgärdas och att planen följs upp vid nästa granskning.")


def jo_beslut(doc: Doc, k: data.Kommun, d: dt.date, jo_dnr: str, brist: str, lst_dnr: str | None):
    doc.style, doc.header_right = "jo", "BESLUT"
    date = doc.date(d, "iso", main=True)
    doc.header_sub = "%s  Dnr %s" % (date, doc.dnr(jo_dnr, "other"))
    doc.extra["footer"] = "Riksdagens ombudsmän · justitieombudsmannen@jo.se"
    doc.created = d.isoformat() + "T12:00:00"
    doc.title = "Kritik mot %s i %s för handläggningen av ett ärende" % (doc.namnd(), k.official)
    doc.add("kv", [("Datum", date), ("Dnr", jo_dnr)])
    doc.add("title", doc.title)
    doc.brist(brist)
    doc.h("Beslutet i korthet")
    doc.p("En person som beviljats bostad med särskild service fick vänta i mer än ett år på att "
          "beslutet skulle verkställas. JO riktar kritik mot %s i %s för att nämnden inte vidtog "
          "tillräckliga åtgärder för att verkställa beslutet." % (doc.namnd(), doc.k(k.base)))
    doc.h("Anmälan")
    doc.p("I en anmälan som kom in till JO %s framförde en anhörig klagomål på hur nämnden "
          "hanterat ärendet." % doc.date(d - D(days=260), "den"))
    if lst_dnr:
        doc.p("Frågan hade tidigare varit föremål för länsstyrelsens tillsyn (länsstyrelsens dnr %s), "
              "innan tillsynen fördes över till IVO." % doc.dnr(lst_dnr, "other"))
    doc.h("Bedömning")
    doc.p("Av %s följer att insatser ska ges den som har rätt till dem. Nämnden har rapporterat "
          "beslutet som ej verkställt enligt %s, men det befriar inte nämnden från skyldigheten "
          "att verkställa det. JO ser allvarligt på den långa väntetiden." % (
              doc.ref("9 § LSS", "LSS 9 §"), doc.ref("28 f § LSS", "LSS 28 f §")))
    doc.p("Ärendet avslutas med den kritik som uttalats.")


def inbjudan(doc: Doc, k: data.Kommun, d: dt.date, others: list[str]) -> None:
    doc.style = "kommun"
    doc.header_right = "INBJUDAN"
    kommun_footer(doc)
    doc.created = d.isoformat() + "T10:00:00"
    doc.title = "Inbjudan till regional nätverksträff om familjehemsvård"
    doc.add("title", doc.title)
    doc.p("Välkommen till nätverksträff för familjehemssekreterare och enhetschefer! Träffen "
          "hålls %s i %s." % (doc.date(workday(d + D(days=30)), "den"), doc.k(k.base, "base")))
    names = [doc.k(o) for o in others]
    listed = ", ".join(names[:-1]) + " och " + names[-1] if len(names) > 1 else names[0]
    doc.p("Inbjudna är medarbetare från %s. Även representanter för %s deltar under "
          "eftermiddagen." % (listed, k.region))
    doc.h3("Program")
    doc.add("table", ["Tid", "Innehåll"], [
        ["09.30", "Kaffe och registrering"], ["10.00", "Aktuellt från respektive kommun"],
        ["11.30", "Lunch"], ["12.30", "Erfarenhetsutbyte i grupper"], ["15.00", "Avslutning"]],
            [0.2, 0.8])
    doc.p("Anmälan senast %s till %s, telefon %s." % (
        doc.date(d + D(days=14), "iso", main=False),
        email(k.staff("samordnare"), k.base.lower().translate(str.maketrans("åäö", "aao")) + ".se"),
        direct_phone(doc.rng, k)))
    doc.date_main = d.isoformat()
    doc.p("Varmt välkomna!")


def checklista_doc(doc: Doc, k: data.Kommun, d: dt.date) -> None:
    """The checklist itself, an attachment (annat): a form, not a report of measures."""
    doc.style = "kommun"
    doc.header_right = "CHECKLISTA"
    date = doc.date(d, "iso", main=True)
    doc.header_sub = "Fastställd %s" % date
    kommun_footer(doc)
    doc.created = d.isoformat() + "T08:00:00"
    doc.title = "Checklista inför placering i familjehem"
    doc.add("title", doc.title)
    doc.add("kv", [("Fastställd", date), ("Gäller för", doc.words["enhet"].capitalize())])
    doc.p("Checklistan fylls i av barnsekreteraren och bifogas akten innan beslut om placering "
          "fattas. Se även %s." % doc.ref("SOSFS 2012:11", "SOSFS 2012:11"))
    doc.add("table", ["Kontrollmoment", "Utfört (datum)", "Signatur"], [
        ["Utdrag ur belastningsregistret för samtliga vuxna i hemmet", "", ""],
        ["Utdrag ur socialregistret, även tidigare bosättningskommuner", "", ""],
        ["Kontroll hos Kronofogden och Försäkringskassan", "", ""],
        ["Referenser från minst två personer", "", ""],
        ["Kontroll av IVO-tillstånd vid konsulentstött familjehem", "", ""],
        ["Barnsäkerhetsrond i hemmet", "", ""]], [0.6, 0.22, 0.18])
