"""Facts about the municipalities, regions and people the generated documents use.

Municipalities are real; every case, person, address detail beyond the postcode town, and
case number is invented. People's names are chosen so that no surname is also a kommun name
(except one deliberate trap, see templates: a handläggare called Lund).
"""

from __future__ import annotations

import random
import zlib

# Area ids of DOMAIN.md with the words the templates need for each.
AREAS = {
    "barn_unga": dict(
        malgrupp="barn och unga", verksamhet="myndighetsutövningen för barn och unga",
        enskilda="barnen", enskild="barnet", personal="socialsekreterarna",
        enhet="barn- och familjeenheten", insats="placeringen", boende="familjehem och HVB",
        intervjuade="enhetschefer, förste socialsekreterare och handläggare"),
    "aldreomsorg": dict(
        malgrupp="äldre personer", verksamhet="hemtjänsten och de särskilda boendena för äldre",
        enskilda="de boende", enskild="den enskilde", personal="omsorgspersonalen",
        enhet="äldreomsorgen", insats="insatsen", boende="särskilt boende",
        intervjuade="enhetschefer, biståndshandläggare och omsorgspersonal"),
    "funktionsnedsattning": dict(
        malgrupp="personer med funktionsnedsättning",
        verksamhet="bostäderna med särskild service enligt LSS",
        enskilda="de boende", enskild="den enskilde", personal="personalen",
        enhet="LSS-verksamheten", insats="insatsen", boende="gruppbostad",
        intervjuade="enhetschefer, biståndshandläggare och omsorgspersonal"),
    "missbruk": dict(
        malgrupp="vuxna med missbruk eller beroende",
        verksamhet="myndighetsutövningen inom missbruks- och beroendevården",
        enskilda="klienterna", enskild="klienten", personal="handläggarna",
        enhet="vuxenenheten", insats="placeringen", boende="HVB för vuxna",
        intervjuade="enhetschefer och handläggare"),
    "ekonomiskt_bistand": dict(
        malgrupp="personer som söker ekonomiskt bistånd",
        verksamhet="handläggningen av ekonomiskt bistånd",
        enskilda="de sökande", enskild="den sökande", personal="handläggarna",
        enhet="försörjningsstödsenheten", insats="biståndet", boende="boende",
        intervjuade="enhetschefer och handläggare"),
}


class Kommun:
    def __init__(self, base, official, gen, avd, region, address, phone, dnr, namnd, forvaltning):
        self.base = base                # "Lekeberg": the label form
        self.official = official        # "Lekebergs kommun", "Malmö stad", "Falu kommun"
        self.gen = gen                  # genitive used in running text: "Lekebergs"
        self.avd = avd                  # IVO avdelning that supervises it
        self.region = region            # "Region Örebro län": a region, never a kommun
        self.address = address          # (street, postcode + town)
        self.phone = phone              # switchboard number
        self.dnr_style = dnr            # format with {y} year and {n} serial
        self.namnd = namnd              # area -> the responsible board
        self.forvaltning = forvaltning  # the administration's name

    def namnd_for(self, area: str) -> str:
        return self.namnd.get(area, self.namnd["default"])

    def dnr(self, year: int, serial: int, area: str = "default") -> str:
        style = self.dnr_style.get(area, self.dnr_style["default"])
        return style.format(y=year, n=serial)

    def staff(self, role: str) -> str:
        """A stable invented name for a role in this kommun (same person across its documents)."""
        r = random.Random(zlib.crc32(("%s/%s" % (self.base, role)).encode()))
        return "%s %s" % (r.choice(FIRST_NAMES), r.choice(SURNAMES))


KOMMUNER = {k.base: k for k in [
    Kommun("Kalmar", "Kalmar kommun", "Kalmars", "sydöst", "Region Kalmar län",
           ("Box 611", "391 26 Kalmar"), "0480-45 00 00",
           {"default": "SN {y}/{n:04d}", "barn_unga": "SN {y}/{n:04d}.11.03"},
           {"default": "socialnämnden", "aldreomsorg": "omsorgsnämnden",
            "funktionsnedsattning": "omsorgsnämnden"}, "Socialförvaltningen"),
    Kommun("Tyresö", "Tyresö kommun", "Tyresös", "öst", "Region Stockholm",
           ("Marknadsvägen 1", "135 81 Tyresö"), "08-578 291 00",
           {"default": "SOC {y}/{n}"},
           {"default": "socialnämnden", "aldreomsorg": "vård- och omsorgsnämnden"},
           "Socialförvaltningen"),
    Kommun("Lekeberg", "Lekebergs kommun", "Lekebergs", "mitt", "Region Örebro län",
           ("Centrumvägen 5", "716 81 Fjugesta"), "0585-487 00",
           {"default": "SAN {y}/{n:04d}"},
           {"default": "social- och arbetsmarknadsnämnden"}, "Förvaltningen för vård och omsorg"),
    Kommun("Örebro", "Örebro kommun", "Örebros", "mitt", "Region Örebro län",
           ("Box 30000", "701 35 Örebro"), "019-21 10 00",
           {"default": "SN {y}/{n:05d}", "funktionsnedsattning": "FUN {y}/{n:05d}"},
           {"default": "socialnämnden", "funktionsnedsattning": "funktionsstödsnämnden",
            "aldreomsorg": "vård- och omsorgsnämnden"}, "Förvaltningen social välfärd"),
    Kommun("Kungsbacka", "Kungsbacka kommun", "Kungsbackas", "väst", "Region Halland",
           ("Storgatan 37", "434 81 Kungsbacka"), "0300-83 40 00",
           {"default": "IFO {y}/{n:04d}"},
           {"default": "nämnden för individ- och familjeomsorg",
            "aldreomsorg": "nämnden för vård och omsorg"}, "Förvaltningen för Individ & Familjeomsorg"),
    Kommun("Umeå", "Umeå kommun", "Umeås", "nord", "Region Västerbotten",
           ("Skolgatan 31 A", "901 84 Umeå"), "090-16 10 00",
           {"default": "IFN-{y}-{n:04d}", "aldreomsorg": "ÄN-{y}-{n:04d}"},
           {"default": "individ- och familjenämnden", "aldreomsorg": "äldrenämnden"},
           "Socialtjänsten"),
    Kommun("Gävle", "Gävle kommun", "Gävles", "mitt", "Region Gävleborg",
           ("Drottninggatan 22", "801 84 Gävle"), "026-17 80 00",
           {"default": "SOCN {y}/{n:04d}", "funktionsnedsattning": "OFN {y}/{n:04d}"},
           {"default": "socialnämnden", "funktionsnedsattning": "omsorgs- och funktionsstödsnämnden"},
           "Socialförvaltningen"),
    Kommun("Växjö", "Växjö kommun", "Växjös", "sydöst", "Region Kronoberg",
           ("Box 1222", "351 12 Växjö"), "0470-410 00",
           {"default": "OMN {y}/{n:04d}"},
           {"default": "omsorgsnämnden"}, "Omsorgsförvaltningen"),
    Kommun("Malmö", "Malmö stad", "Malmö stads", "sydväst", "Region Skåne",
           ("August Palms plats 1", "205 80 Malmö"), "040-34 10 00",
           {"default": "ASN-{y}-{n:05d}"},
           {"default": "arbetsmarknads- och socialnämnden",
            "aldreomsorg": "hälsa-, vård- och omsorgsnämnden"}, "Arbetsmarknads- och socialförvaltningen"),
    Kommun("Luleå", "Luleå kommun", "Luleås", "nord", "Region Norrbotten",
           ("Stationsgatan 13", "971 85 Luleå"), "0920-45 30 00",
           {"default": "SOCN {y}/{n:04d}"},
           {"default": "socialnämnden"}, "Socialförvaltningen"),
    Kommun("Skellefteå", "Skellefteå kommun", "Skellefteås", "nord", "Region Västerbotten",
           ("Trädgårdsgatan 6", "931 85 Skellefteå"), "0910-73 50 00",
           {"default": "SN-{y}-{n:04d}"},
           {"default": "socialnämnden"}, "Socialkontoret"),
    Kommun("Borås", "Borås Stad", "Borås Stads", "väst", "Västra Götalandsregionen",
           ("Box 202", "501 80 Borås"), "033-35 70 00",
           {"default": "IFN {y}-{n:05d}", "barn_unga": "BUN-{y}-{n:04d}"},
           {"default": "individ- och familjeomsorgsnämnden",
            "barn_unga": "individ- och familjeomsorgsnämnden",
            "funktionsnedsattning": "vård- och äldrenämnden"}, "Individ- och familjeomsorgsförvaltningen"),
]}

# Municipalities that only appear in passing (comparisons, earlier placements): official form, base.
PASSING = {
    "Nybro": "Nybro kommun", "Emmaboda": "Emmaboda kommun", "Falun": "Falu kommun",
    "Mörbylånga": "Mörbylånga kommun", "Kumla": "Kumla kommun", "Vännäs": "Vännäs kommun",
    "Piteå": "Piteå kommun", "Sandviken": "Sandvikens kommun", "Alvesta": "Alvesta kommun",
    "Varberg": "Varbergs kommun", "Haninge": "Haninge kommun", "Lund": "Lunds kommun",
    "Ulricehamn": "Ulricehamns kommun", "Hallsberg": "Hallsbergs kommun",
}
# Neighbours that a kommun's documents plausibly compare itself with.
NEIGHBOURS = {
    "Kalmar": ["Nybro", "Emmaboda", "Mörbylånga"], "Tyresö": ["Haninge"],
    "Lekeberg": ["Kumla", "Hallsberg"], "Örebro": ["Kumla", "Hallsberg"],
    "Kungsbacka": ["Varberg"], "Umeå": ["Vännäs"], "Gävle": ["Sandviken", "Falun"],
    "Växjö": ["Alvesta"], "Malmö": ["Lund"], "Luleå": ["Piteå"], "Skellefteå": ["Piteå"],
    "Borås": ["Ulricehamn"],
}

IVO_AVD = {
    "sydöst": "Avdelning sydöst", "öst": "Avdelning öst", "mitt": "Avdelning mitt",
    "väst": "Avdelning väst", "nord": "Avdelning nord", "sydväst": "Avdelning sydväst",
}

FIRST_NAMES = [
    "Anna", "Maria", "Karin", "Eva", "Sara", "Elin", "Johanna", "Linnea", "Camilla", "Petra",
    "Helena", "Jessica", "Malin", "Åsa", "Sofia", "Therese", "Ingrid", "Lena", "Ulrika", "Emma",
    "Erik", "Johan", "Anders", "Mikael", "Per", "Fredrik", "Jonas", "Magnus", "Henrik", "Tobias",
    "Daniel", "Mattias", "Niklas", "Ola", "Stefan", "Björn", "Patrik", "Håkan", "Göran", "Kristoffer",
]
SURNAMES = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson",
    "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Lindqvist", "Axelsson", "Bergström",
    "Lundberg", "Lundgren", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson",
    "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Håkansson", "Björk",
    "Hedlund", "Nyström", "Holmberg", "Sundberg", "Åberg", "Öberg", "Ekström", "Nordin",
    "Hägglund", "Wikström", "Holmgren", "Strand", "Blom", "Hedström", "Sundqvist", "Nordström",
]

# Anonymised people in lex Sarah material are described, never named; personnummer are of the
# test kind (repeating dates, Luhn-valid, serial 98x/99x, plus the classic 19121212-1212).
PNR_DATES = ["19121212", "20080808", "20101010", "19340404", "19280909", "19500505",
             "20121212", "19990909", "19451111", "20050505", "19390303", "19620606"]


def luhn_digit(nine: str) -> int:
    total = 0
    for i, ch in enumerate(nine):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10


def test_personnummer(rng: random.Random, short: bool = False) -> str:
    date = rng.choice(PNR_DATES)
    if date == "19121212" and rng.random() < 0.5:
        serial = "121"
    else:
        serial = "9%d%d" % (rng.choice((8, 9)), rng.randrange(10))
    check = luhn_digit(date[2:] + serial)
    body = "%s-%s%d" % (date, serial, check)
    return body[2:] if short else body
