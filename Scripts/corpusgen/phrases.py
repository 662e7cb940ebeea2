"""Swedish phrase bank: brister (deficiencies) and åtgärder (measures).

Every text here is written for this generator. A field is either a list of variants, or a dict
from area id to such a list with "default" as the fallback. Placeholders:
  {malgrupp} {enskilda} {enskild} {personal} {enhet} {verksamhet} {boende}  - area words (data.AREAS)
  {namnd}  the responsible board        {region}  the region (never a kommun)
  {n1} {n2} {n3}  small numbers          {ref0} {ref1} ...  legal references of the brist
"""

BRISTER = {
    "orosanmalan": dict(
        areas=["barn_unga"],
        title=["Kommunen brister i sin skyldighet att hantera orosanmälningar",
               "Kommunen brister i sin skyldighet att göra förhandsbedömningar inom föreskriven tid"],
        short="mottagandet av orosanmälningar",
        refs=[("11 kap. 1 a § SoL", "SoL 11 kap. 1 a §"), ("SOSFS 2014:6", "SOSFS 2014:6")],
        findings=[
            "IVO har tagit del av {n1} orosanmälningar som kom in till {namnd} under "
            "granskningsperioden. I {n2} av dem gjordes förhandsbedömningen senare än fjorton dagar "
            "efter att anmälan kommit in, och i flera ärenden saknas en dokumenterad motivering till "
            "att tiden förlängts.",
            "Av akterna framgår att anmälningar i några fall har legat oregistrerade i flera veckor "
            "innan de fördelats till en handläggare. Nämnden har inte kunnat redogöra för hur "
            "inkomna anmälningar bevakas under semesterperioder.",
        ],
        assessment=[
            "IVO bedömer att nämnden inte säkerställer att förhandsbedömningar görs skyndsamt. "
            "Enligt {ref0} ska beslut om att inleda eller inte inleda utredning fattas inom fjorton "
            "dagar från att anmälan kom in, om det inte finns särskilda skäl.",
            "Bristerna innebär en risk för att barn som behöver skydd eller stöd inte uppmärksammas "
            "i tid. Nämndens rutiner följs inte och det saknas en fungerande bevakning av "
            "tidsfristen, jämför {ref1}.",
        ],
        stance=[
            "Nämnden delar IVO:s bedömning. Ett stort inflöde av anmälningar under våren i "
            "kombination med vakanta tjänster gjorde att tidsfristen inte kunde hållas.",
            "Nämnden instämmer i att mottagandet av orosanmälningar inte har fungerat "
            "tillfredsställande och ser allvarligt på att tidsfristen har överskridits.",
        ],
        measures=["rutin_orosanmalan", "egenkontroll_tidsfrister", "mottagningsgrupp", "arendegenomgang"],
        effect=["Barn som det kommer in oro för får en skyndsam bedömning och ett omedelbart skydd "
                "när det behövs."],
        green="Orosanmälningar registreras samma dag som de kommer in och förhandsbedömningarna "
              "görs i regel inom fjorton dagar.",
        red="Förhandsbedömningar görs inte inom lagstadgad tid och tidsfristen bevakas inte "
            "systematiskt.",
        yellow="Motiveringen till beslut att inte inleda utredning kan bli tydligare i akterna.",
    ),
    "skyddsbedomning": dict(
        areas=["barn_unga"],
        title=["Kommunen brister i sin skyldighet att göra omedelbara skyddsbedömningar"],
        short="de omedelbara skyddsbedömningarna",
        refs=[("11 kap. 1 a § SoL", "SoL 11 kap. 1 a §")],
        findings=[
            "I {n2} av de granskade ärendena saknas en dokumenterad skyddsbedömning från den dag "
            "anmälan kom in. I några ärenden gjordes bedömningen först flera dagar senare, trots att "
            "anmälan gällde våld i hemmet.",
            "Handläggarna berättar vid intervjuerna att skyddsbedömningen ofta görs muntligen i "
            "mottagningsgruppen men att den inte alltid förs in i akten.",
        ],
        assessment=[
            "Enligt {ref0} ska socialnämnden genast bedöma om ett barn är i behov av omedelbart "
            "skydd när en anmälan har kommit in. IVO bedömer att nämnden inte har säkerställt att så "
            "sker och att bedömningen dokumenteras.",
        ],
        stance=["Nämnden delar IVO:s bild av att skyddsbedömningarna inte alltid har dokumenterats "
                "samma dag som anmälan kom in."],
        measures=["mall_skyddsbedomning", "rutin_orosanmalan", "egenkontroll_tidsfrister"],
        effect=["Barn som riskerar att fara illa får ett omedelbart skydd och bedömningen går att "
                "följa i efterhand."],
        green="Skyddsbedömningar görs och dokumenteras samma dag som anmälan kommer in.",
        red="Omedelbara skyddsbedömningar saknas eller är inte dokumenterade i flera ärenden.",
        yellow="Skyddsbedömningarna är korrekta men motiveringarna är ofta mycket korta.",
    ),
    "utredning": dict(
        areas=["barn_unga", "missbruk", "ekonomiskt_bistand"],
        title={"barn_unga": ["Kommunen brister i sin skyldighet att utreda barns behov av skydd och stöd"],
               "default": ["Kommunen brister i sin skyldighet att utreda den enskildes behov"]},
        short="utredningarnas kvalitet och tidsfrister",
        refs=[("11 kap. 1 § SoL", "SoL 11 kap. 1 §"), ("11 kap. 2 § SoL", "SoL 11 kap. 2 §")],
        findings={
            "barn_unga": [
                "Av {n1} granskade utredningar har {n2} pågått längre än fyra månader utan att beslut "
                "om förlängning fattats. Flera utredningar saknar en analys som knyter samman det som "
                "kommit fram med den bedömning som görs.",
                "Tidigare anmälningar och utredningar om samma familj har inte vägts in i "
                "bedömningen. I ett ärende hade familjen varit aktuell vid sex tillfällen utan att "
                "mönstret lyftes i utredningen.",
            ],
            "default": [
                "I {n2} av {n1} granskade ärenden har utredningen avslutats utan att den enskildes "
                "behov beskrivits, och det saknas en bedömning av vilka insatser som kan bli aktuella.",
                "Uppgifter från tidigare kontakter med socialtjänsten har inte använts i utredningarna.",
            ],
        },
        assessment={
            "barn_unga": [
                "Enligt {ref0} ska en utredning inledas utan dröjsmål och enligt {ref1} vara "
                "slutförd inom fyra månader. IVO bedömer att nämnden inte uppfyller kraven och att "
                "bristerna i analysen riskerar att leda till felaktiga beslut.",
            ],
            "default": [
                "Enligt {ref0} ska nämnden utan dröjsmål inleda utredning av vad som genom ansökan "
                "eller på annat sätt har kommit till nämndens kännedom. IVO bedömer att utredningarna "
                "inte ger tillräckligt underlag för beslut.",
            ],
        },
        stance=["Nämnden instämmer i IVO:s bedömning. Personalomsättningen under det senaste året har "
                "gjort att utredningar blivit liggande och att kunskap om tidigare kontakter inte "
                "alltid förts vidare.",
                "Nämnden delar i huvudsak IVO:s bedömning men vill framhålla att flera av de "
                "granskade utredningarna gällde familjer som flyttat till kommunen under pågående "
                "utredning."],
        measures={"barn_unga": ["utbildning_bbic", "arendegenomgang", "handledning_analys",
                                "egenkontroll_tidsfrister"],
                  "default": ["arendegenomgang", "handledning_analys", "utbildning_dokumentation"]},
        effect=["Utredningarna blir klara i tid och bedömningarna bygger på all kunskap som finns om "
                "{enskild}s situation."],
        green="Utredningarna håller god kvalitet och analysen är tydligt kopplad till bedömningen.",
        red="Utredningstiden överskrids ofta och analysen i utredningarna är svag.",
        yellow="Utredningarna är i regel klara i tid men analysdelen varierar i kvalitet.",
    ),
    "anmalningsskyldighet": dict(
        areas=["barn_unga"],
        title=["Kommunen brister i sin skyldighet att säkerställa att personalen fullgör sin "
               "anmälningsskyldighet"],
        short="personalens kännedom om anmälningsskyldigheten",
        refs=[("14 kap. 1 § SoL", "SoL 14 kap. 1 §")],
        findings=[
            "Vid intervjuer med personal i öppenvården framkom att oro för barn i flera fall hade "
            "diskuterats internt utan att någon anmälan gjordes till socialnämnden.",
            "Det saknas en rutin som beskriver hur personal i öppenvården ska göra när de får "
            "kännedom om att ett barn kan behöva skydd.",
        ],
        assessment=[
            "Enligt {ref0} är den som är anställd inom socialtjänsten skyldig att genast anmäla till "
            "socialnämnden om hen i sin verksamhet får kännedom om eller misstänker att ett barn far "
            "illa. IVO bedömer att nämnden inte har säkerställt att personalen känner till och "
            "följer skyldigheten.",
        ],
        stance=["Nämnden instämmer i bedömningen och har redan under hösten påbörjat ett arbete med "
                "att tydliggöra anmälningsskyldigheten för alla medarbetare."],
        measures=["rutin_anmalan_personal", "information_anmalningsskyldighet",
                  "utbildning_anmalningsskyldighet"],
        effect=["Oro för barn når socialsekreterarna utan dröjsmål, så att barnets behov av skydd kan "
                "bedömas."],
        green="Medarbetarna känner väl till sin skyldighet att anmäla oro för barn.",
        red="Personal i öppenvården har inte gjort orosanmälningar när de borde ha gjort det.",
        yellow="Kunskapen om anmälningsskyldigheten är god men nyanställda får ingen information.",
    ),
    "kontroll_placering": dict(
        areas=["barn_unga", "missbruk"],
        title={"barn_unga": ["Kommunen brister i sin skyldighet att göra kontroller inför placeringar "
                             "av barn och unga"],
               "default": ["Kommunen brister i sin skyldighet att göra kontroller inför placeringar "
                           "på HVB"]},
        short="kontrollerna inför placering",
        refs={"barn_unga": [("6 kap. 6 § SoL", "SoL 6 kap. 6 §"), ("SOSFS 2012:11", "SOSFS 2012:11")],
              "default": [("3 kap. 3 § SoL", "SoL 3 kap. 3 §")]},
        findings={
            "barn_unga": [
                "I {n2} av de granskade placeringarna finns inget som visar att utdrag ur "
                "belastningsregistret och socialregistret har hämtats in för de vuxna i "
                "familjehemmet. I två ärenden placerades barnet innan familjehemsutredningen var klar.",
                "Nämnden har inte kontrollerat att de konsulentstödda verksamheter som anlitats har "
                "tillstånd från IVO.",
            ],
            "default": [
                "Vid placeringar på HVB har nämnden inte kontrollerat att verksamheten har tillstånd "
                "från IVO eller undersökt om det finns tidigare tillsynsbeslut mot verksamheten.",
                "I {n2} ärenden saknas dokumentation av hur nämnden bedömt att boendet kan tillgodose "
                "{enskild}s behov av vård.",
            ],
        },
        assessment={
            "barn_unga": [
                "Av {ref0} följer att ett barn inte får tas emot i ett familjehem utan att "
                "förhållandena i hemmet har utretts. I {ref1} anges vilka kontroller som ska göras. "
                "IVO bedömer att nämnden inte säkerställer att kontrollerna görs innan barnet placeras.",
            ],
            "default": [
                "Nämnden ansvarar för att den vård som ges under placeringen är av god kvalitet, "
                "se {ref0}. IVO bedömer att nämnden inte säkerställer att boendet har tillstånd och "
                "är lämpligt innan placeringen verkställs.",
            ],
        },
        stance=["Nämnden instämmer i att kontrollerna inför placering inte har gjorts i tillräcklig "
                "utsträckning. Kontrollerna kan ha gjorts i enskilda ärenden men har inte "
                "dokumenterats på ett enhetligt sätt.",
                "Nämnden delar IVO:s bedömning och har sett över hela processen inför placering."],
        measures={"barn_unga": ["checklista_placering", "registerkontroll", "rutin_familjehemsutredning",
                                "kontroll_tillstand"],
                  "default": ["kontroll_tillstand", "checklista_placering_hvb", "avtalsuppfoljning"]},
        effect=["Placeringar sker i miljöer som är kontrollerade och lämpliga, vilket ger {enskilda} "
                "en tryggare vård."],
        green="Inför placering görs de kontroller som krävs och de dokumenteras i akten.",
        red="Registerkontroller och kontroll av tillstånd saknas i flera placeringsärenden.",
        yellow="Kontrollerna görs men dokumenteras på olika ställen i akten.",
    ),
    "uppfoljning_placering": dict(
        areas=["barn_unga"],
        title=["Kommunen brister i sin skyldighet att följa upp placeringar av barn och unga"],
        short="uppföljningen av placerade barn",
        refs=[("6 kap. 7 b § SoL", "SoL 6 kap. 7 b §"), ("6 kap. 7 § SoL", "SoL 6 kap. 7 §")],
        findings=[
            "I {n2} av de granskade akterna finns inga dokumenterade besök i familjehemmet under det "
            "senaste halvåret. Flera barn har under delar av placeringen saknat en särskilt utsedd "
            "socialsekreterare.",
            "Barnsekreterarna berättar att enskilda samtal med barnen sällan hinns med och att "
            "kontakten främst sker med familjehemsföräldrarna.",
        ],
        assessment=[
            "Enligt {ref0} ska det för varje placerat barn finnas en särskilt utsedd socialsekreterare "
            "som ansvarar för kontakterna med barnet. Nämnden ska också regelbundet besöka barnet och "
            "samtala enskilt med det, se {ref1}. IVO bedömer att nämnden inte följer vården på det "
            "sätt som krävs.",
        ],
        stance=["Nämnden instämmer i att uppföljningen av placerade barn har varit otillräcklig, "
                "framför allt under perioder med vakanta tjänster."],
        measures=["besok_familjehem", "utsedd_socialsekreterare", "arendegenomgang", "egenkontroll_besok"],
        effect=["Placerade barn får en stabil kontakt med sin socialsekreterare och missförhållanden "
                "i familjehemmet upptäcks tidigare."],
        green="Barnsekreterarna har regelbunden kontakt med de placerade barnen och träffar dem enskilt.",
        red="Placerade barn besöks inte i den omfattning som krävs och samtal i enrum saknas.",
        yellow="Besök görs regelbundet men dokumenteras ibland först långt i efterhand.",
    ),
    "vardplan_genomforandeplan": dict(
        areas=["barn_unga", "funktionsnedsattning", "aldreomsorg", "missbruk"],
        title={"barn_unga": ["Kommunen brister i sin skyldighet att upprätta vårdplaner och "
                             "genomförandeplaner för placerade barn"],
               "default": ["Nämnden brister i sin skyldighet att upprätta genomförandeplaner"]},
        short="vårdplaner och genomförandeplaner",
        refs=[("11 kap. 3 § SoL", "SoL 11 kap. 3 §")],
        findings={
            "barn_unga": ["För {n2} av de placerade barnen saknas en aktuell genomförandeplan. I "
                          "flera vårdplaner är målen så allmänt formulerade att de inte går att "
                          "följa upp."],
            "funktionsnedsattning": ["Genomförandeplanerna för {n2} av de boende har inte reviderats "
                                     "på över ett år och beskriver inte hur de boendes egna "
                                     "önskemål ska tillgodoses i vardagen."],
            "aldreomsorg": ["För flera av de boende saknas genomförandeplaner, eller så har planerna "
                            "inte uppdaterats efter förändringar i hälsotillståndet."],
            "default": ["I {n2} av de granskade ärendena finns ingen vårdplan för placeringen och det "
                        "framgår inte vad vistelsen på HVB ska leda till."],
        },
        assessment=["Av {ref0} följer att en plan ska upprättas för hur vården eller insatsen ska "
                    "genomföras. IVO bedömer att bristerna gör det svårt att följa upp om "
                    "insatserna ger avsedd effekt för {enskilda}."],
        stance=["Nämnden delar IVO:s bedömning. Arbetet med planerna har inte prioriterats när "
                "personalgruppen varit hårt belastad."],
        measures=["mall_genomforandeplan", "egenkontroll_planer", "utbildning_dokumentation"],
        effect=["{enskilda} får insatser som utgår från tydliga mål som de själva varit med och "
                "formulerat."],
        green="Genomförandeplanerna är aktuella och tydligt formulerade.",
        red="Genomförandeplaner saknas för flera av {enskilda} och vårdplanerna har otydliga mål.",
        yellow="Genomförandeplanerna finns men följs inte upp på ett systematiskt sätt.",
    ),
    "overvagande_omprovning": dict(
        areas=["barn_unga"],
        title=["Kommunen brister i sin skyldighet att överväga och ompröva vården"],
        short="övervägandena och omprövningarna av vården",
        refs=[("6 kap. 8 § SoL", "SoL 6 kap. 8 §"), ("13 § LVU", "LVU 13 §")],
        findings=[
            "I {n2} ärenden har övervägandet av vården gjorts mer än sex månader efter det "
            "föregående. I ett ärende saknas överväganden helt för en period av drygt ett år.",
            "Övervägandena består ofta av en kort anteckning utan bedömning av om vården fortfarande "
            "behövs och hur den ska vara inriktad.",
        ],
        assessment=["Enligt {ref0} och {ref1} ska nämnden minst en gång var sjätte månad överväga om "
                    "vården fortfarande behövs. IVO bedömer att nämnden inte uppfyller kravet."],
        stance=["Nämnden instämmer i bedömningen. Bevakningen av överväganden har skett manuellt och "
                "har inte fungerat vid personalbyten."],
        measures=["bevakning_overvaganden", "egenkontroll_tidsfrister", "mall_overvagande"],
        effect=["Vården för varje placerat barn prövas i tid och anpassas efter barnets behov."],
        green="Överväganden och omprövningar görs i tid och innehåller en tydlig bedömning.",
        red="Överväganden görs inte var sjätte månad som lagen kräver.",
        yellow="Övervägandena görs i tid men bedömningarna är ofta knapphändiga.",
    ),
    "barns_delaktighet": dict(
        areas=["barn_unga"],
        title=["Kommunen brister i sin skyldighet att ge barn möjlighet att komma till tals"],
        short="barnens delaktighet",
        refs=[("SoL 11:10", "SoL 11 kap. 10 §")],
        findings=[
            "I {n2} av de utredningar IVO granskat har barnet inte fått information om utredningen "
            "och inga samtal har hållits med barnet. Det framgår inte av akten varför.",
            "Barnets egna synpunkter redovisas sällan i bedömningen, även när barnet har uttryckt "
            "tydliga önskemål om sin situation.",
        ],
        assessment=["Av {ref0} följer att barnet ska få relevant information och ges möjlighet att "
                    "framföra sina åsikter. Nämnden får höra ett barn utan vårdnadshavarens samtycke "
                    "och utan att vårdnadshavaren är närvarande. IVO bedömer att nämnden inte "
                    "säkerställer barnets rätt att komma till tals."],
        stance=["Nämnden delar IVO:s bedömning och ser att barnsamtalen behöver planeras tidigt i "
                "varje utredning."],
        measures=["barnsamtal_utbildning", "mall_barnsamtal", "arendegenomgang"],
        effect=["Barnets röst blir synlig i utredningen och påverkar de beslut som fattas."],
        green="Barnets synpunkter framträder tydligt i dokumentationen.",
        red="Barn får inte komma till tals i utredningarna och deras åsikter redovisas inte.",
        yellow="Barnsamtal genomförs men redovisas ibland bara som en kort notering.",
    ),
    "dokumentation": dict(
        areas=["barn_unga", "aldreomsorg", "funktionsnedsattning", "missbruk", "ekonomiskt_bistand"],
        title=["Kommunen brister i sin skyldighet att dokumentera handläggningen",
               "Nämnden brister i dokumentationen av handläggning och genomförande"],
        short="dokumentationen",
        refs=[("11 kap. 5 § SoL", "SoL 11 kap. 5 §"), ("SOSFS 2014:5", "SOSFS 2014:5")],
        findings={
            "barn_unga": [
                "Journalanteckningar förs i flera ärenden med flera veckors fördröjning, och det går "
                "inte alltid att utläsa vem som fattat ett beslut eller på vilket underlag.",
                "Viktiga händelser, som kontakter med skola och hälso- och sjukvård, saknas i akterna.",
            ],
            "default": [
                "Anteckningar om hur insatserna har genomförts förs med flera veckors fördröjning och "
                "är ofta så kortfattade att det inte går att följa vad som har gjorts.",
                "Viktiga händelser, som kontakter med anhöriga och hälso- och sjukvård, saknas i "
                "dokumentationen.",
            ],
        },
        assessment=["Enligt {ref0} ska handläggning av ärenden som rör enskilda dokumenteras, och "
                    "{ref1} beskriver närmare hur. IVO bedömer att dokumentationen inte ger en "
                    "rättvisande bild av handläggningen."],
        stance=["Nämnden instämmer i att dokumentationen har brister, särskilt när det gäller "
                "journalföringen under perioder med hög arbetsbelastning."],
        measures=["utbildning_dokumentation", "egenkontroll_akter", "rutin_dokumentation"],
        effect=["Akterna blir fullständiga och det går att följa vad som gjorts och varför."],
        green="Den sociala dokumentationen är saklig, relevant och förs löpande.",
        red="Dokumentationen är ofullständig och förs med stor fördröjning.",
        yellow="Dokumentationen är saklig men förs ibland med några veckors fördröjning.",
    ),
    "egenkontroll": dict(
        areas=["barn_unga", "aldreomsorg", "funktionsnedsattning", "missbruk", "ekonomiskt_bistand"],
        title={"barn_unga": ["Kommunen brister i sin egenkontroll avseende myndighetsutövning för "
                             "barn och unga"],
               "default": ["Nämnden brister i sitt systematiska kvalitetsarbete"]},
        short="nämndens egenkontroll",
        refs=[("SOSFS 2011:9", "SOSFS 2011:9"), ("3 kap. 3 § SoL", "SoL 3 kap. 3 §")],
        findings=[
            "Nämnden har inte följt upp om rutinerna för handläggning tillämpas. Egenkontroller har "
            "planerats men inte genomförts, och resultaten av tidigare kontroller har inte lett till "
            "några åtgärder.",
            "Avvikelser rapporteras sällan och sammanställs inte, vilket gör att nämnden saknar "
            "underlag för att se mönster och risker i verksamheten.",
        ],
        assessment=["Av {ref0} framgår att den som bedriver socialtjänst ska utöva egenkontroll med "
                    "den frekvens och i den omfattning som krävs för att säkra verksamhetens "
                    "kvalitet. IVO bedömer att nämnden inte har ett fungerande ledningssystem för "
                    "det systematiska kvalitetsarbetet."],
        stance=["Nämnden delar IVO:s bedömning. Ledningssystemet har inte hållits aktuellt efter "
                "omorganisationen.",
                "Nämnden instämmer i att egenkontrollen inte har varit tillräcklig och har gett "
                "förvaltningen i uppdrag att ta fram en plan för egenkontroll."],
        measures=["egenkontroll_plan", "egenkontroll_tidsfrister", "avvikelserutin", "arendegenomgang"],
        effect=["Nämnden får löpande kunskap om kvaliteten och kan rätta till brister innan de får "
                "konsekvenser för {enskilda}."],
        green="Enheten arbetar systematiskt med egenkontroll och avvikelser följs upp.",
        red="Egenkontroller genomförs inte och avvikelser sammanställs inte.",
        yellow="Egenkontroller genomförs men resultaten återkopplas inte till medarbetarna.",
    ),
    "lex_sarah": dict(
        areas=["barn_unga", "aldreomsorg", "funktionsnedsattning", "missbruk"],
        title=["Nämnden brister i sin hantering av rapporter enligt lex Sarah"],
        short="hanteringen av lex Sarah-rapporter",
        refs=[("14 kap. 6 § SoL", "SoL 14 kap. 6 §"), ("SOSFS 2011:5", "SOSFS 2011:5")],
        findings=[
            "Under granskningsperioden har {n1} rapporter enligt lex Sarah kommit in, men endast en "
            "har utretts. Det finns ingen rutin för att återkoppla till den som har rapporterat.",
            "En händelse som bedömdes vara ett allvarligt missförhållande anmäldes till IVO först "
            "fyra månader efter att den rapporterats internt.",
        ],
        assessment=["Enligt {ref0} ska ett missförhållande eller en påtaglig risk för ett "
                    "missförhållande utredas, dokumenteras och avhjälpas utan dröjsmål. IVO bedömer "
                    "att nämnden inte uppfyller detta."],
        stance=["Nämnden instämmer i att lex Sarah-rapporterna inte har utretts skyndsamt."],
        measures=["rutin_lex_sarah", "utbildning_lex_sarah", "egenkontroll_plan"],
        effect=["Missförhållanden utreds snabbt och lärdomarna används för att förebygga att "
                "liknande händelser inträffar igen."],
        green="Medarbetarna känner till lex Sarah och rapporterar missförhållanden.",
        red="Rapporter enligt lex Sarah utreds inte och anmäls för sent till IVO.",
        yellow="Rapporter utreds men återkopplingen till den som rapporterat är bristfällig.",
    ),
    "bemanning_kompetens": dict(
        areas=["barn_unga", "aldreomsorg", "funktionsnedsattning"],
        title=["Nämnden brister i att säkerställa tillräcklig bemanning och kompetens"],
        short="bemanning och kompetens",
        refs=[("3 kap. 3 § SoL", "SoL 3 kap. 3 §")],
        findings={
            "barn_unga": ["Under granskningsperioden har {n2} av {n1} tjänster som socialsekreterare "
                          "varit vakanta eller tillsatta med korta vikariat. Flera handläggare med "
                          "mindre än ett års erfarenhet utför utredningar på egen hand."],
            "aldreomsorg": ["Vid IVO:s besök under natten fanns {n2} medarbetare i tjänst för "
                            "{n1} boende på två våningsplan, och flera vikarier hade inte fått "
                            "någon introduktion."],
            "default": ["En stor del av personalen saknar relevant utbildning och introduktionen av "
                        "nyanställda är inte dokumenterad."],
        },
        assessment=["Enligt {ref0} ska det för att utföra uppgifter inom socialtjänsten finnas "
                    "personal med lämplig utbildning och erfarenhet. IVO bedömer att nämnden inte "
                    "har säkerställt detta."],
        stance=["Nämnden delar IVO:s bedömning. Rekryteringsläget har varit svårt under lång tid."],
        measures=["rekrytering", "introduktion", "arendetak"],
        effect=["{enskilda} möter personal med rätt kompetens och får en kontinuitet i kontakten."],
        green="Personalen har relevant utbildning och personalomsättningen är låg.",
        red="Bemanningen är otillräcklig och många medarbetare saknar erfarenhet.",
        yellow="Kompetensen är god men sårbarheten är stor vid frånvaro.",
    ),
    "samverkan": dict(
        areas=["barn_unga", "missbruk"],
        title=["Kommunen brister i samverkan kring {malgrupp}"],
        short="samverkan",
        refs={"barn_unga": [("5 kap. 1 a § SoL", "SoL 5 kap. 1 a §")],
              "default": [("5 kap. 9 a § SoL", "SoL 5 kap. 9 a §")]},
        findings={
            "barn_unga": ["Samverkan med skola och barn- och ungdomspsykiatri bygger på enskilda "
                          "medarbetares kontakter och det saknas överenskommelser om hur information "
                          "ska delas.",
                          "Det finns ingen fastställd rutin för överlämning mellan mottagningsgruppen "
                          "och utredningsgruppen, vilket har lett till att uppgifter fallit bort."],
            "default": ["Samverkan med {region} kring personer med samsjuklighet fungerar inte, och "
                        "det saknas gemensamma individuella planer i de granskade ärendena."],
        },
        assessment=["Enligt {ref0} ska socialnämnden samverka med andra samhällsorgan och "
                    "organisationer som berörs. IVO bedömer att samverkan inte fungerar "
                    "tillfredsställande."],
        stance=["Nämnden instämmer i att samverkan behöver struktureras bättre."],
        measures=["samverkan_skola", "rutin_overlamning", "samverkan_region"],
        effect=["Information når rätt personer i tid och insatserna hänger ihop för {enskild}."],
        green="Samverkan med skola och hälso- och sjukvård fungerar väl.",
        red="Samverkan saknar struktur och överlämningar mellan enheter brister.",
        yellow="Samverkan fungerar i enskilda ärenden men saknar gemensamma rutiner.",
    ),
    "beslut_verkstallighet": dict(
        areas=["funktionsnedsattning", "ekonomiskt_bistand"],
        title=["Nämnden brister i att verkställa beviljade beslut inom skälig tid"],
        short="verkställigheten av beslut",
        refs={"funktionsnedsattning": [("28 f § LSS", "LSS 28 f §")],
              "default": [("16 kap. 6 f § SoL", "SoL 16 kap. 6 f §")]},
        findings=["När granskningen gjordes fanns {n1} beslut om bostad med särskild service som inte "
                  "verkställts inom tre månader. Den längsta väntetiden var {n3} månader.",
                  "Flera beslut saknar motivering och det framgår inte vem som har fattat beslutet "
                  "enligt delegationsordningen."],
        assessment=["Nämnden ska enligt {ref0} rapportera beslut som inte verkställts. IVO bedömer att "
                    "nämnden inte har vidtagit tillräckliga åtgärder för att de beviljade insatserna "
                    "ska kunna verkställas."],
        stance=["Nämnden delar bedömningen men vill påpeka att bristen på lämpliga bostäder är en "
                "fråga för hela kommunen."],
        measures=["bostadsplanering", "delegationsordning", "egenkontroll_verkstallighet"],
        effect=["Den som har beviljats en insats får den inom skälig tid."],
        green="Beslut verkställs i tid och rapporteras korrekt.",
        red="Flera beslut har inte verkställts inom skälig tid.",
        yellow="Beslut verkställs men rapporteringen till nämnden är fördröjd.",
    ),
    "omsorg_tillsyn": dict(
        areas=["aldreomsorg"],
        title=["Nämnden brister i sin skyldighet att ge de boende en god omsorg och tillsyn"],
        short="omsorgen och tillsynen av de boende",
        refs=[("5 kap. 4 § SoL", "SoL 5 kap. 4 §"), ("3 kap. 3 § SoL", "SoL 3 kap. 3 §")],
        findings=["Vid oanmälda besök såg IVO att boende med demenssjukdom lämnades ensamma under "
                  "långa stunder och att flera inte hade fått hjälp med sin personliga hygien.",
                  "Larm från boende besvarades i flera fall efter mer än tjugo minuter."],
        assessment=["Insatserna ska vara av god kvalitet och ge den enskilde möjlighet att leva ett "
                    "värdigt liv, se {ref0}. IVO bedömer att de boende inte får den omsorg och "
                    "tillsyn de behöver."],
        stance=["Nämnden instämmer i IVO:s bedömning och beklagar de brister som framkommit."],
        measures=["tillsynsrutin", "bemanning_natt", "larmuppfoljning"],
        effect=["De boende får hjälp när de behöver den och känner sig trygga."],
        green="De boende får den hjälp och tillsyn de behöver.",
        red="Boende lämnas utan tillsyn och får inte hjälp med personlig hygien.",
        yellow="Tillsynen fungerar dagtid men är svagare på kvällar och helger.",
    ),
    "hot_vald": dict(
        areas=["aldreomsorg", "funktionsnedsattning"],
        title=["Nämnden brister i att skydda de boende mot hot och våld"],
        short="skyddet mot hot och våld",
        refs=[("3 kap. 3 § SoL", "SoL 3 kap. 3 §")],
        findings=["Det har vid upprepade tillfällen hänt att en boende slagit andra boende utan att "
                  "verksamheten gjort en riskbedömning eller vidtagit några åtgärder."],
        assessment=["IVO bedömer att nämnden inte har säkerställt att de boende är trygga och skyddade "
                    "mot våld i verksamheten, jämför {ref0}."],
        stance=["Nämnden delar IVO:s bedömning och har tagit händelserna på stort allvar."],
        measures=["riskbedomning_vald", "utbildning_hot_vald", "avvikelserutin"],
        effect=["De boende kan känna sig trygga i sitt hem."],
        green="Verksamheten har fungerande rutiner för att förebygga hot och våld.",
        red="Boende har utsatts för våld utan att verksamheten vidtagit åtgärder.",
        yellow="Riskbedömningar görs men följs inte upp.",
    ),
    "tvang_begransning": dict(
        areas=["funktionsnedsattning", "aldreomsorg"],
        title=["Nämnden brister i att säkerställa att otillåtna tvångs- och begränsningsåtgärder "
               "inte används"],
        short="tvångs- och begränsningsåtgärder",
        refs={"funktionsnedsattning": [("6 § LSS", "LSS 6 §")],
              "default": [("5 kap. 4 § SoL", "SoL 5 kap. 4 §")]},
        findings=["I {n2} lägenheter var ytterdörren låst med en extra regel på utsidan nattetid. "
                  "Personalen uppgav att åtgärden infördes för flera år sedan och ingen kunde "
                  "redogöra för beslutet.",
                  "De boendes tillgång till kylskåp och skafferi begränsades med lås, och tv:n i "
                  "det gemensamma vardagsrummet stängdes av klockan 21."],
        assessment=["Insatserna ska vara av god kvalitet och bygga på respekt för den enskildes "
                    "självbestämmande och integritet, se {ref0}. Det saknas lagstöd för tvångs- och "
                    "begränsningsåtgärder i verksamheten. IVO bedömer att åtgärderna är otillåtna."],
        stance=["Nämnden instämmer i IVO:s bedömning. Samtliga låsanordningar har tagits bort."],
        measures=["inventering_begransning", "utbildning_bemotande", "etiskt_forum"],
        effect=["De boende får bestämma över sitt eget hem och sin vardag."],
        green="Inga begränsningsåtgärder förekommer och de boendes självbestämmande respekteras.",
        red="Otillåtna begränsningsåtgärder förekommer i verksamheten.",
        yellow="Personalen behöver mer kunskap om var gränsen går för otillåtna begränsningar.",
    ),
    "bemotande_integritet": dict(
        areas=["funktionsnedsattning", "aldreomsorg"],
        title=["Nämnden brister i att säkerställa ett respektfullt bemötande och de boendes "
               "integritet"],
        short="bemötandet och de boendes integritet",
        refs={"funktionsnedsattning": [("6 § LSS", "LSS 6 §")],
              "default": [("5 kap. 4 § SoL", "SoL 5 kap. 4 §")]},
        findings=["Personal talade om de boende i deras närvaro och gick in i lägenheterna utan att "
                  "knacka.",
                  "De boende har inte fått vara delaktiga i att bestämma när och hur insatserna ska ges."],
        assessment=["IVO bedömer att de boende inte bemöts på ett sätt som tar till vara deras "
                    "självbestämmande och integritet, jämför {ref0}."],
        stance=["Nämnden delar IVO:s bedömning."],
        measures=["utbildning_bemotande", "etiskt_forum", "brukarinflytande"],
        effect=["De boende blir bemötta med respekt och kan påverka sin vardag."],
        green="Personalen bemöter de boende med värme och respekt.",
        red="De boende bemöts inte med respekt för deras integritet.",
        yellow="Bemötandet är i huvudsak gott men språkbruket i personalgruppen behöver ses över.",
    ),
    "lakemedel_halsa": dict(
        areas=["aldreomsorg", "funktionsnedsattning"],
        title=["Nämnden brister i hanteringen av läkemedel"],
        short="läkemedelshanteringen",
        refs=[("HSLF-FS 2017:37", "HSLF-FS 2017:37"), ("HSLF-FS 2017:40", "HSLF-FS 2017:40")],
        findings=["Signeringslistorna för läkemedel var ofullständiga för {n2} boende och vid två "
                  "tillfällen hade en dos getts till fel person.",
                  "Delegeringar för läkemedelshantering hade gått ut för flera medarbetare utan att "
                  "förnyas."],
        assessment=["Läkemedel ska hanteras säkert enligt {ref0}. IVO bedömer att rutinerna inte följs "
                    "och att detta innebär risker för patientsäkerheten, se även {ref1}."],
        stance=["Nämnden instämmer i bedömningen och har tillsammans med den medicinskt ansvariga "
                "sjuksköterskan gått igenom samtliga delegeringar."],
        measures=["delegering_lakemedel", "signering_egenkontroll", "samverkan_region_halsa"],
        effect=["De boende får rätt läkemedel i rätt tid."],
        green="Läkemedelshanteringen fungerar och delegeringarna är aktuella.",
        red="Läkemedel har getts till fel person och delegeringar har gått ut.",
        yellow="Signeringslistorna fylls i men kontrolleras inte regelbundet.",
    ),
    "tillstand": dict(
        areas=["funktionsnedsattning", "missbruk"],
        title=["Nämnden brister i att kontrollera att anlitade verksamheter har tillstånd"],
        short="kontrollen av tillstånd",
        refs={"funktionsnedsattning": [("23 § LSS", "LSS 23 §")],
              "default": [("7 kap. 1 § SoL", "SoL 7 kap. 1 §")]},
        findings=["Nämnden har köpt platser i en verksamhet som saknar tillstånd från IVO för den "
                  "målgrupp som placerats där.",
                  "Ändring av föreståndare har inte anmälts till IVO."],
        assessment=["Enskild verksamhet av detta slag kräver tillstånd enligt {ref0}. IVO bedömer att "
                    "nämnden inte har kontrollerat att tillstånd finns."],
        stance=["Nämnden instämmer i bedömningen och har avslutat avtalet med verksamheten."],
        measures=["kontroll_tillstand", "avtalsuppfoljning"],
        effect=["Insatser köps bara från verksamheter som har de tillstånd som krävs."],
        green="Nämnden kontrollerar tillstånd innan avtal tecknas.",
        red="Platser har köpts i verksamheter som saknar tillstånd.",
        yellow="Tillstånd kontrolleras men kontrollen dokumenteras inte.",
    ),
}

# Measures: categories, several wordings of the noun phrase (each kommun sticks to one), and
# verb phrases for a measure that is done (genomford) or planned (planerad).
MEASURES = {
    "rutin_orosanmalan": dict(
        cats=["rutin"],
        rows=["Ny rutin för mottagande av orosanmälningar",
              "Ny rutin för mottagande och förhandsbedömning av orosanmälningar",
              "Reviderad rutin för mottagande av orosanmälningar"],
        done=["har fastställts och införts i mottagningsgruppen",
              "har tagits fram och gåtts igenom på arbetsplatsträff"],
        planned=["ska tas fram och införas", "ska fastställas av verksamhetschefen"]),
    "egenkontroll_tidsfrister": dict(
        cats=["egenkontroll_uppfoljning"],
        rows=["Egenkontroll av tidsfrister för förhandsbedömningar och utredningar",
              "Månatlig egenkontroll av tidsfrister",
              "Egenkontroll av tidsfristerna i mottagning och utredning"],
        done=["har införts och redovisas till nämnden varje kvartal",
              "har genomförts varje månad sedan årsskiftet"],
        planned=["ska införas och redovisas till nämnden", "ska starta efter sommaren"]),
    "mottagningsgrupp": dict(
        cats=["organisation", "bemanning"],
        rows=["En särskild mottagningsgrupp för orosanmälningar",
              "En förstärkt mottagningsgrupp med fyra socialsekreterare"],
        done=["har inrättats"], planned=["ska inrättas"]),
    "arendegenomgang": dict(
        cats=["handledning_arendegenomgang"],
        rows=["Månatlig ärendegenomgång med enhetschef",
              "Månatliga ärendegenomgångar i arbetsgruppen",
              "Ärendegenomgång varje månad med förste socialsekreterare"],
        done=["har införts för samtliga handläggare", "har införts"],
        planned=["ska införas för samtliga handläggare", "ska införas"]),
    "mall_skyddsbedomning": dict(
        cats=["metod"],
        rows=["En mall för dokumentation av skyddsbedömningar",
              "En obligatorisk mall för omedelbar skyddsbedömning"],
        done=["har lagts in i verksamhetssystemet"], planned=["ska läggas in i verksamhetssystemet"]),
    "utbildning_bbic": dict(
        cats=["utbildning"],
        rows=["Utbildning i BBIC för samtliga utredare",
              "Utbildning i BBIC för nyanställda och vikarier",
              "Fördjupningsutbildning i BBIC för alla handläggare"],
        done=["har genomförts"], planned=["ska genomföras under hösten", "ska genomföras"]),
    "handledning_analys": dict(
        cats=["handledning_arendegenomgang"],
        rows=["Extern handledning med fokus på analys och bedömning",
              "Grupphandledning i analysarbete"],
        done=["har genomförts vid fyra tillfällen"], planned=["ska upphandlas"]),
    "rutin_anmalan_personal": dict(
        cats=["rutin"],
        rows=["En rutin som förtydligar när och hur personalen ska göra en orosanmälan",
              "Rutin för orosanmälan från personal i öppenvården"],
        done=["har tagits fram och är känd i personalgruppen"], planned=["ska tas fram"]),
    "information_anmalningsskyldighet": dict(
        cats=["information"],
        rows=["Information om anmälningsskyldigheten till skolor, förskolor och öppenvård",
              "Informationsinsatser om anmälningsskyldigheten"],
        done=["har genomförts enligt informationsplanen"], planned=["ska genomföras under läsåret"]),
    "utbildning_anmalningsskyldighet": dict(
        cats=["utbildning"],
        rows=["Utbildning om anmälningsskyldigheten för all personal",
              "Utbildning om anmälningsskyldigheten på arbetsplatsträffar"],
        done=["har genomförts"], planned=["ska genomföras"]),
    "checklista_placering": dict(
        cats=["checklista"],
        rows=["Checklista inför placering i familjehem",
              "En checklista inför placering i familjehem och HVB",
              "Ny checklista inför placering i familjehem"],
        done=["har tagits fram och används i samtliga placeringsärenden",
              "har införts och ska bifogas akten innan beslut fattas"],
        planned=["ska tas fram", "ska arbetas fram tillsammans med familjehemsenheten"]),
    "checklista_placering_hvb": dict(
        cats=["checklista"],
        rows=["Checklista inför placering på HVB för vuxna", "En checklista inför placering på HVB"],
        done=["har tagits fram"], planned=["ska tas fram"]),
    "registerkontroll": dict(
        cats=["registerkontroll"],
        rows=["Registerkontroll i belastningsregistret och socialregistret för samtliga vuxna i "
              "familjehemmet",
              "Registerkontroll i belastningsregistret före varje placering",
              "Kontroll i belastnings- och misstankeregistret samt socialregistret"],
        done=["görs numera i samtliga ärenden och dokumenteras i akten", "har införts som krav"],
        planned=["ska göras i samtliga ärenden", "ska införas som krav"]),
    "rutin_familjehemsutredning": dict(
        cats=["rutin"],
        rows=["Rutin för familjehemsutredning", "En reviderad rutin för familjehemsutredningar"],
        done=["har fastställts"], planned=["ska fastställas"]),
    "kontroll_tillstand": dict(
        cats=["registerkontroll"],
        rows=["Kontroll av IVO-tillstånd innan plats köps",
              "Kontroll av tillstånd i IVO:s register före varje placering"],
        done=["har lagts in som ett obligatoriskt moment"], planned=["ska läggas in som ett obligatoriskt moment"]),
    "besok_familjehem": dict(
        cats=["besok_kontakt"],
        rows=["Besök i familjehemmet minst fyra gånger per år med enskilt samtal med barnet",
              "Minst fyra besök per år hos varje placerat barn"],
        done=["har införts som miniminivå"], planned=["ska införas som miniminivå"]),
    "utsedd_socialsekreterare": dict(
        cats=["organisation"],
        rows=["En särskilt utsedd socialsekreterare för varje placerat barn"],
        done=["har utsetts"], planned=["ska utses"]),
    "egenkontroll_besok": dict(
        cats=["egenkontroll_uppfoljning"],
        rows=["Kvartalsvis uppföljning av besök och enskilda samtal med placerade barn"],
        done=["har införts"], planned=["ska införas"]),
    "mall_genomforandeplan": dict(
        cats=["metod"],
        rows=["En ny mall för genomförandeplaner", "Ny mall för genomförandeplan"],
        done=["har tagits fram i verksamhetssystemet"], planned=["ska tas fram i verksamhetssystemet"]),
    "egenkontroll_planer": dict(
        cats=["egenkontroll_uppfoljning"],
        rows=["Stickprovskontroll av att genomförandeplaner finns och är aktuella"],
        done=["har genomförts"], planned=["ska genomföras två gånger per år"]),
    "utbildning_dokumentation": dict(
        cats=["utbildning"],
        rows=["Utbildning i social dokumentation", "Utbildning i handläggning och dokumentation"],
        done=["har genomförts för all personal"], planned=["ska genomföras för all personal"]),
    "bevakning_overvaganden": dict(
        cats=["egenkontroll_uppfoljning", "rutin"],
        rows=["Bevakning av överväganden och omprövningar i verksamhetssystemet"],
        done=["har införts"], planned=["ska införas"]),
    "mall_overvagande": dict(
        cats=["metod"],
        rows=["En mall för överväganden med krav på bedömning av vårdens inriktning"],
        done=["har tagits fram"], planned=["ska tas fram"]),
    "barnsamtal_utbildning": dict(
        cats=["utbildning"],
        rows=["Utbildning i samtal med barn", "Utbildning i barnsamtal för samtliga utredare"],
        done=["har genomförts"], planned=["ska genomföras"]),
    "mall_barnsamtal": dict(
        cats=["metod"],
        rows=["Ett stöddokument för planering och dokumentation av barnsamtal"],
        done=["har tagits fram"], planned=["ska tas fram"]),
    "egenkontroll_akter": dict(
        cats=["egenkontroll_uppfoljning"],
        rows=["Aktgranskning av tio slumpvis utvalda akter per kvartal"],
        done=["har införts"], planned=["ska införas"]),
    "rutin_dokumentation": dict(
        cats=["rutin"],
        rows=["Rutin för löpande journalföring inom fem arbetsdagar"],
        done=["har fastställts"], planned=["ska fastställas"]),
    "egenkontroll_plan": dict(
        cats=["egenkontroll_uppfoljning"],
        rows=["En årlig plan för egenkontroll som beslutas av nämnden",
              "Plan för egenkontroll"],
        done=["har tagits fram"], planned=["ska tas fram"]),
    "avvikelserutin": dict(
        cats=["rutin"],
        rows=["Ny rutin för avvikelsehantering med sammanställning till nämnden varje kvartal"],
        done=["har införts"], planned=["ska införas"]),
    "rutin_lex_sarah": dict(
        cats=["rutin"],
        rows=["Reviderad rutin för rapportering och utredning enligt lex Sarah"],
        done=["har fastställts"], planned=["ska fastställas"]),
    "utbildning_lex_sarah": dict(
        cats=["utbildning"],
        rows=["Utbildning i lex Sarah för samtliga medarbetare"],
        done=["har genomförts"], planned=["ska genomföras"]),
    "rekrytering": dict(
        cats=["bemanning"],
        rows=["Överanställning av två socialsekreterare", "Rekrytering av fler socialsekreterare"],
        done=["har genomförts"], planned=["ska genomföras"]),
    "introduktion": dict(
        cats=["utbildning"],
        rows=["Ett introduktionsprogram för nyanställda", "Introduktionsprogram för nyanställda"],
        done=["har tagits fram"], planned=["ska tas fram"]),
    "arendetak": dict(
        cats=["bemanning", "organisation"],
        rows=["Ett tak för antalet ärenden per handläggare"],
        done=["har införts"], planned=["ska införas"]),
    "bemanning_natt": dict(
        cats=["bemanning"],
        rows=["Utökad bemanning nattetid", "Ytterligare en medarbetare i tjänst nattetid"],
        done=["har införts"], planned=["ska införas"]),
    "samverkan_skola": dict(
        cats=["samverkan"],
        rows=["En samverkansöverenskommelse med skola och elevhälsa"],
        done=["har tecknats"], planned=["ska tecknas"]),
    "rutin_overlamning": dict(
        cats=["rutin", "samverkan"],
        rows=["Rutin för överlämning mellan mottagning och utredning"],
        done=["har tagits fram"], planned=["ska tas fram"]),
    "samverkan_region": dict(
        cats=["samverkan"],
        rows=["Regelbundna samverkansmöten med {region}"],
        done=["har införts"], planned=["ska införas"]),
    "bostadsplanering": dict(
        cats=["organisation"],
        rows=["En plan för nya bostäder med särskild service"],
        done=["har tagits fram tillsammans med samhällsbyggnadsförvaltningen"], planned=["ska tas fram"]),
    "delegationsordning": dict(
        cats=["organisation"],
        rows=["Översyn av delegationsordningen"],
        done=["har genomförts"], planned=["ska genomföras"]),
    "egenkontroll_verkstallighet": dict(
        cats=["egenkontroll_uppfoljning"],
        rows=["Månatlig uppföljning av ej verkställda beslut"],
        done=["har införts"], planned=["ska införas"]),
    "tillsynsrutin": dict(
        cats=["rutin"],
        rows=["Rutin för tillsyn av boende med demenssjukdom"],
        done=["har tagits fram"], planned=["ska tas fram"]),
    "larmuppfoljning": dict(
        cats=["egenkontroll_uppfoljning"],
        rows=["Uppföljning av svarstider på trygghetslarm"],
        done=["har införts"], planned=["ska införas"]),
    "riskbedomning_vald": dict(
        cats=["metod"],
        rows=["Riskbedömning vid hot och våld mellan boende"],
        done=["har införts"], planned=["ska införas"]),
    "utbildning_hot_vald": dict(
        cats=["utbildning"],
        rows=["Utbildning i bemötande vid hot och våld"],
        done=["har genomförts"], planned=["ska genomföras"]),
    "inventering_begransning": dict(
        cats=["egenkontroll_uppfoljning"],
        rows=["Inventering av begränsningsåtgärder i samtliga bostäder"],
        done=["har genomförts"], planned=["ska genomföras"]),
    "utbildning_bemotande": dict(
        cats=["utbildning"],
        rows=["Utbildning i bemötande och lågaffektivt förhållningssätt"],
        done=["har genomförts"], planned=["ska genomföras"]),
    "etiskt_forum": dict(
        cats=["handledning_arendegenomgang"],
        rows=["Etiska reflektionsträffar i personalgruppen"],
        done=["har införts"], planned=["ska införas"]),
    "brukarinflytande": dict(
        cats=["metod"],
        rows=["Husmöten där de boende är med och planerar vardagen"],
        done=["har införts"], planned=["ska införas"]),
    "delegering_lakemedel": dict(
        cats=["utbildning", "rutin"],
        rows=["Förnyad delegering och läkemedelsutbildning för all omvårdnadspersonal"],
        done=["har genomförts"], planned=["ska genomföras"]),
    "signering_egenkontroll": dict(
        cats=["egenkontroll_uppfoljning"],
        rows=["Kontroll av signeringslistor varje vecka"],
        done=["har införts"], planned=["ska införas"]),
    "samverkan_region_halsa": dict(
        cats=["samverkan"],
        rows=["Gemensamma avvikelsemöten med sjuksköterskor och läkare från {region}"],
        done=["har införts"], planned=["ska införas"]),
    "avtalsuppfoljning": dict(
        cats=["egenkontroll_uppfoljning"],
        rows=["Uppföljning av avtalen med privata utförare"],
        done=["har genomförts"], planned=["ska genomföras"]),
}

# Short explanations of the provisions, for the "Bestämmelser" appendix of IVO's decisions.
# Keyed by the normalised reference.
REF_TEXT = {
    "SoL 11 kap. 1 a §": "När en anmälan om att ett barn kan behöva stöd eller skydd har kommit in ska "
        "nämnden genast bedöma om barnet behöver omedelbart skydd. Beslut om att inleda eller inte "
        "inleda utredning ska fattas inom fjorton dagar, om inte särskilda skäl motiverar en längre tid.",
    "SOSFS 2014:6": "Socialstyrelsens föreskrifter och allmänna råd om handläggning av ärenden som "
        "gäller barn och unga beskriver bland annat hur förhandsbedömningar ska göras och dokumenteras.",
    "SoL 11 kap. 1 §": "Nämnden ska utan dröjsmål inleda utredning av vad som genom ansökan eller på "
        "annat sätt har kommit till dess kännedom och som kan föranleda någon åtgärd av nämnden.",
    "SoL 11 kap. 2 §": "En utredning om barns behov av stöd eller skydd ska bedrivas skyndsamt och vara "
        "slutförd senast inom fyra månader. Finns det särskilda skäl får nämnden förlänga tiden.",
    "SoL 14 kap. 1 §": "Den som är anställd hos en myndighet vars verksamhet berör barn och unga är "
        "skyldig att genast anmäla till socialnämnden om hen får kännedom om eller misstänker att ett "
        "barn far illa.",
    "SoL 6 kap. 6 §": "Ett barn får inte tas emot i ett familjehem utan att förhållandena i hemmet och "
        "förutsättningarna för vården har utretts av nämnden.",
    "SOSFS 2012:11": "Föreskrifterna anger vilka kontroller nämnden ska göra inför och under en "
        "placering, bland annat utdrag ur belastningsregistret och socialregistret.",
    "SoL 3 kap. 3 §": "Insatser inom socialtjänsten ska vara av god kvalitet. För utförande av "
        "uppgifterna ska det finnas personal med lämplig utbildning och erfarenhet, och kvaliteten ska "
        "systematiskt och fortlöpande utvecklas och säkras.",
    "SoL 6 kap. 7 b §": "Nämnden ska för varje barn som vårdas i ett familjehem eller HVB utse en "
        "socialsekreterare som ansvarar för kontakterna med barnet.",
    "SoL 6 kap. 7 §": "Nämnden ska noga följa vården av barn som vårdas i ett annat hem än det egna, "
        "bland annat genom regelbundna besök och enskilda samtal med barnet.",
    "SoL 11 kap. 3 §": "När åtgärder planeras eller genomförs ska det upprättas en plan för hur vården "
        "eller insatsen ska genomföras.",
    "SoL 6 kap. 8 §": "Om ett barn har placerats i ett familjehem eller HVB ska nämnden minst en gång "
        "var sjätte månad överväga om vården fortfarande behövs.",
    "LVU 13 §": "När ett barn vårdas med stöd av LVU ska nämnden minst en gång var sjätte månad "
        "överväga om vården fortfarande behövs eller pröva om den ska upphöra.",
    "SoL 11 kap. 10 §": "Barnet ska få relevant information och ges möjlighet att framföra sina "
        "åsikter. Ett barn får höras utan vårdnadshavarens samtycke och utan att vårdnadshavaren är "
        "närvarande.",
    "SoL 11 kap. 5 §": "Handläggning av ärenden som rör enskilda samt genomförande av beslut om "
        "stödinsatser, vård och behandling ska dokumenteras.",
    "SOSFS 2014:5": "Föreskrifterna om dokumentation i verksamhet som bedrivs med stöd av SoL, LVU, "
        "LVM och LSS anger vad som ska dokumenteras och när.",
    "SOSFS 2011:9": "Föreskrifterna om ledningssystem för systematiskt kvalitetsarbete ställer krav på "
        "egenkontroll, avvikelsehantering och riskanalys.",
    "SoL 14 kap. 6 §": "Ett missförhållande eller en påtaglig risk för ett missförhållande ska utredas, "
        "dokumenteras och avhjälpas eller undanröjas utan dröjsmål.",
    "SOSFS 2011:5": "Föreskrifterna om lex Sarah beskriver hur rapporter ska tas emot, utredas och "
        "anmälas.",
    "SoL 5 kap. 1 a §": "Nämnden ska i frågor som rör barn som far illa eller riskerar att fara illa "
        "samverka med samhällsorgan, organisationer och andra som berörs.",
    "SoL 5 kap. 9 a §": "Kommunen och regionen ska ingå överenskommelse om samarbete när det gäller "
        "personer som missbrukar alkohol eller narkotika.",
    "LSS 28 f §": "Nämnden ska rapportera gynnande beslut som inte har verkställts inom tre månader "
        "från dagen för beslutet.",
    "SoL 16 kap. 6 f §": "Nämnden ska rapportera gynnande beslut som inte har verkställts inom tre "
        "månader från dagen för beslutet.",
    "SoL 5 kap. 4 §": "Socialtjänstens omsorg om äldre ska inriktas på att äldre personer får leva ett "
        "värdigt liv och känna välbefinnande.",
    "LSS 6 §": "Verksamheten enligt LSS ska vara av god kvalitet och grundas på respekt för den "
        "enskildes självbestämmande och integritet.",
    "HSLF-FS 2017:37": "Föreskrifterna om ordination och hantering av läkemedel i hälso- och "
        "sjukvården.",
    "HSLF-FS 2017:40": "Föreskrifterna om vårdgivares systematiska patientsäkerhetsarbete.",
    "LSS 23 §": "Enskild person får inte utan tillstånd från IVO yrkesmässigt bedriva verksamhet som "
        "avses i lagen.",
    "SoL 7 kap. 1 §": "Enskild verksamhet som hem för vård eller boende får inte bedrivas utan tillstånd "
        "från IVO.",
}
