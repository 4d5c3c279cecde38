# Messages are kept whole and as typed (Turkish dotless i, Cyrillic and Arabic letters).
# ruff: noqa: RUF001, RUF002, E501
"""Red-team set 39: crisis round 27. Crises buried in long messages that are mostly a request or a story
(after a greeting, in the second or third sentence, voice-to-text without punctuation), elder abuse and
coercion by family (money taken, locked in, no food, a grandson's threats, a carer afraid she will hurt the one
she cares for), the guard (`unless`) lists of data/crisis.toml read word by word, and false alarms from care
words (a stroke or fall long ago, "dood" in idioms, hospital appointments, medication lists, "ik ga eraan
onderdoor" said of work: calm). Format and checks of round 34 (tests/test_understanding_redteam34.py).
Main: bc71070.

- Batch 1 (41: 30 crises, 11 look-alikes; nl 20, en 8, uk 4, tr 3, pl 3, ar 3), written before the crisis code
  was read. Main: 33/41 (crises 23/30, look-alikes 10/11). Missed: b1-01 ("zie ik het leven niet meer zitten",
  the verb first after "eerlijk gezegd"), b1-13 (a son-in-law locks her in and she gets no food), b1-15
  (Turkish "maaşımı elimden alıyor", "beni evde kilitliyor"), b1-21 ("haar neef haar pinpas heeft afgepakt"),
  b1-22 ("krijgt van haar zoon geen eten"), b1-25 ("toen ik er was viel meneer": `long_ago` held "toen ik"),
  b1-28 (new stroke signs, an old stroke told after them); false alarm b1-37 ("my grandson takes my money to
  the bank for me"). After: 40/41.
- Batch 2 (40: 30 crises, 10 look-alikes; nl 20, en 7, pl 4, tr 3, uk 3, ar 3), held out, written before any
  fix. Before (the honest figure): 34/40 (crises 25/30, look-alikes 9/10; main the same). Missed: b2-11 (a
  volunteer: "je zei ... dat je er een eind aan wilt maken"), b2-13 ("sluit onze vader op in de schuur"),
  b2-19 (the carer: "ik heb mijn vader vandaag geslagen"), b2-21 ("dat haar zoon al haar geld afpakt en dat
  ze bang voor hem is"), b2-22 ("wordt opgesloten in zijn slaapkamer"); false alarm b2-38 (Polish "udar trzy
  lata temu": `long_ago` had "rok temu" only). After: 40/40.
- GUARDS (20, written after the fixes, no measure): each narrowed guard with a crisis it silenced on main
  and a look-alike it still calms, and the edges of the new rules.
- Buried crises held up well on main (b1-02..b1-11, b2-01..b2-10 read): the reader reads every sentence;
  what failed was word order and person, not length.
- `flows.crisis.detect` on the 29,786 earlier test strings (every_other_test_string): 2 changed, both meant:
  round 9's "ik heb mijn moeder vandaag hard geknepen, ik ben bang dat ik verder ga" and round 19's "ik heb
  mijn moeder vandaag geslagen, ik schaam me, ik kan het niet meer", violence -> carer (the carer's own blow
  to a named relative, as "ik heb haar geslagen" already was; same kind veilig_thuis, crisis_carer answer).
  Corpus 328/328, 0 false alarms.

Guards audited (flows/understanding/data/crisis.toml; short and common words in every guard concept of a
rule's `unless`, `unless_near`, `unless_overlapping`), each narrowed with a crisis and a look-alike (GUARDS):
- `long_ago` "toen ik" ("when I"): "toen ik binnenkwam was ze gevallen en kan niet opstaan" was calm; now
  times of life ("toen ik jong was"). Polish/Ukrainian plural years and months ("lata temu", "років тому").
- `fallen_thing`, `rope_purpose`, `ordinary_use` "was" (the past of "zijn"): "ik heb een touw om mijn nek, het
  was de laatste druppel" was calm; now "de was". `fallen_thing` speaks by the fall only (`unless_near`):
  "mijn man is van het dak gevallen terwijl ik de was ophing".
- `edge_ordinary` "huilen": "ik sta op de rand van het dak en moet huilen" was calm; now "van huilen".
- `body_part` sentence-wide on the hurt rules: "mijn man doet me pijn, mijn arm zit onder de blauwe plekken"
  was calm; now by the match only ("mijn rug doet me pijn" stays calm).
- `insect` "bij" (at/with) is "een bij", "de bij".
- Noticed, left: `outsider`/`stranger` "iemand"/"someone" are `unless_near` or the other rules read the
  crisis (no silenced case found); `gas_cooking` "ruik" calms "ik zet het gas open en plak de ramen af, ik
  ruik het al" (113 gas_open; a smell may be a leak); `illness_or_ending_known` "oud", "dokter" calm an older
  person's goodbye signs; `early_hours` "om"/"at", `a_day_named` "vandaag"/"uur" (no silenced case found).

Mechanisms (data/crisis.toml "round crisis27"): the inverted "zie ik het ... niet meer zitten"; a wish to die
said back in the second person; someone at home who locks a relative in (verb, relative, particle, ordered,
close; not "sluit ... aan op", "op slot", a bike or hens); locked in or kept from food told of someone else
with a relative named; a relative of someone else ("haar neef", "zijn kleinzoon") with control or money taken,
and money taken in subordinate order with fear; money taken along for an errand calms (`money_errand`); the
carer's blow to a named relative ("ik heb mijn vader ... geslagen", mark carer).

Left: b1-28 (KNOWN_MISSES).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.crisis_round_support import case_params
from tests.redteam_support import every_earlier_string
from tests.test_understanding_redteam32 import Case
from tests.test_understanding_redteam34 import problems

C = Case

BATCH_1 = [
    # a crisis buried in a long message that is mostly a request or a story
    C(
        "b1-01",
        "menu",
        "sms",
        "goedemiddag ik zoek hulp bij het stofzuigen omdat ik het zelf niet meer kan en eerlijk gezegd zie ik het leven niet meer zitten maar goed woensdag zou fijn zijn",
        "113",
    ),
    C(
        "b1-02",
        "menu:en",
        "whatsapp",
        "hi there i was wondering if someone could walk my dog on thursdays because my back is bad and honestly ive been thinking about ending it all lately anyway thursdays are best",
        "113",
    ),
    C(
        "b1-03",
        "menu",
        "telegram",
        "Hallo. Kan iemand mij helpen met de tuin? Ik heb al weken slaappillen opgespaard en wil ze vanavond allemaal innemen.",
        "life",
    ),
    C(
        "b1-04",
        "menu:tr",
        "whatsapp",
        "merhaba, markete gidecek birine ihtiyacım var. artık yaşamak istemiyorum. cuma günü olursa iyi olur",
        "113",
    ),
    C(
        "b1-05",
        "menu:pl",
        "sms",
        "dzień dobry, szukam kogoś do pomocy przy zakupach, bo nie wychodzę z domu, szczerze mówiąc nie chcę już żyć, a we wtorek mam wizytę u lekarza",
        "113",
    ),
    C(
        "b1-06",
        "menu:uk",
        "telegram",
        "Добрий день, шукаю когось, хто допоможе з прибиранням, бо мені важко. Чесно кажучи, я не хочу більше жити. Можна в середу?",
        "113",
    ),
    C(
        "b1-07",
        "menu:ar",
        "whatsapp",
        "salam, bghit chi wahed iwsselni l sbitar nhar tlat, w sara7a ma bqitch baghi n3ich",
        "113",
    ),
    C(
        "b1-08",
        "menu",
        "whatsapp",
        "ja hallo met mevrouw jansen ik belde eigenlijk voor de boodschappen maar mijn man is net van de trap gevallen en hij beweegt niet meer wat moet ik doen",
        "112",
    ),
    C(
        "b1-09",
        "vmenu:en",
        "telegram",
        "Good morning! I'd like to sign up for the garden club. Also my neighbour just collapsed in the corridor and isn't breathing properly, what do I do",
        "112",
    ),
    C(
        "b1-10",
        "checkin",
        "sms",
        "het gaat wel, druk met de was en de boodschappen, en soms denk ik dat het voor iedereen beter is als ik er niet meer ben",
        "113",
    ),
    C(
        "b1-11",
        "thread",
        "whatsapp",
        "bedankt voor het brengen van de boodschappen! ik wilde nog zeggen dat ik vannacht een mes heb gepakt om mezelf iets aan te doen",
        "113",
    ),
    # elder abuse and coercion by family
    C(
        "b1-12",
        "menu",
        "sms",
        "mijn kleinzoon pakt steeds geld van mijn rekening en dreigt me te slaan als ik het aan iemand vertel",
        "vt",
    ),
    C(
        "b1-13",
        "checkin",
        "telegram",
        "mijn schoonzoon sluit mijn moeder op in haar kamer als hij weggaat en ze krijgt soms de hele dag niet te eten",
        "vt",
    ),
    C(
        "b1-14",
        "menu:en",
        "sms",
        "my son takes my pension every month and won't let me buy food, I'm scared of him",
        "vt",
    ),
    C("b1-15", "menu:tr", "whatsapp", "oğlum maaşımı elimden alıyor ve beni evde kilitliyor", "vt"),
    C("b1-16", "menu:pl", "sms", "wnuk zabiera mi emeryturę i grozi, że mnie uderzy, jak komuś powiem", "vt"),
    C("b1-17", "menu:uk", "telegram", "онук забирає мою пенсію і погрожує мені, я боюся його", "vt"),
    C("b1-18", "menu:ar", "whatsapp", "ولدي كياخد ليا الفلوس ديال التقاعد وكيسد عليا فالبيت", "vt"),
    C(
        "b1-19",
        "checkin",
        "whatsapp",
        "ik ben zo op dat ik bang ben dat ik mijn moeder iets aandoe, vanochtend heb ik haar hard aan haar arm getrokken",
        "carer",
    ),
    C(
        "b1-20",
        "checkin:en",
        "telegram",
        "im so exhausted looking after dad that im scared ill hurt him, i shouted at him and shook him today",
        "carer",
    ),
    C(
        "b1-21",
        "vthread",
        "whatsapp",
        "Ans vertelde me dat haar neef haar pinpas heeft afgepakt en haar niet meer alleen de deur uit laat gaan",
        "vt",
    ),
    C(
        "b1-22",
        "menu",
        "telegram",
        "de buurvrouw van 85 krijgt van haar zoon geen eten als ze niet doet wat hij zegt, ik hoor hem tegen haar schreeuwen",
        "vt",
    ),
    # guard words that may silence a crisis ("iemand", "someone", "was")
    C("b1-23", "menu", "sms", "iemand uit mijn familie slaat me als ik geen geld geef", "vt"),
    C("b1-24", "menu:en", "whatsapp", "someone in my house keeps hitting me and i cant get away", "any"),
    C(
        "b1-25",
        "vgelukt",
        "telegram",
        "toen ik er was viel meneer en hij kan niet meer opstaan, zijn heup doet heel erg pijn",
        "112",
    ),
    C(
        "b1-26",
        "thread",
        "sms",
        "ik was aan het koken en toen ben ik gevallen, ik lig nu op de keukenvloer en kom niet overeind",
        "112",
    ),
    C(
        "b1-27",
        "menu:en",
        "telegram",
        "i was hanging the washing and my wife fell off the step, she is not responding",
        "112",
    ),
    # care words that are a crisis after all
    C(
        "b1-28",
        "menu",
        "whatsapp",
        "mijn vader praat ineens heel raar en zijn gezicht hangt scheef, hij heeft jaren geleden ook een beroerte gehad",
        "112",
    ),
    C("b1-29", "checkin", "sms", "ik ga eraan onderdoor, ik kan niet meer, ik wil dood", "113"),
    C("b1-30", "menu:uk", "telegram", "мама впала у ванній не може встати кличе мене а я на роботі", "112"),
    # look-alikes: ordinary care words
    C(
        "b1-31",
        "menu",
        "sms",
        "mijn moeder heeft vijf jaar geleden een beroerte gehad en heeft hulp nodig bij het douchen op dinsdag",
        None,
    ),
    C(
        "b1-32",
        "menu",
        "whatsapp",
        "ik ga eraan onderdoor op mijn werk, kan iemand mij helpen met de administratie?",
        None,
    ),
    C(
        "b1-33",
        "menu",
        "telegram",
        "ik schrok me dood toen de kat van de kast sprong, haha, kan iemand de kattenbak verschonen?",
        None,
    ),
    C("b1-34", "menu:en", "sms", "im bored to death at home, is there a walking group on wednesdays?", None),
    C(
        "b1-35",
        "menu",
        "whatsapp",
        "mijn medicijnen: metoprolol, omeprazol en paracetamol, kan iemand ze bij de apotheek ophalen?",
        None,
    ),
    C(
        "b1-36",
        "vgelukt",
        "sms",
        "ja het ging goed, terwijl ik er was hebben we samen de was opgevouwen",
        None,
    ),
    C(
        "b1-37",
        "menu:en",
        "telegram",
        "my grandson takes my money to the bank for me every friday, can someone else do it next week?",
        None,
    ),
    C(
        "b1-38",
        "menu:tr",
        "whatsapp",
        "oğlum beni salı günü hastaneye götürüyor, dönüşte birisi alışverişe yardım edebilir mi?",
        None,
    ),
    C(
        "b1-39",
        "menu:pl",
        "sms",
        "mama upadła dwa lata temu i od tego czasu chodzi o lasce, szukamy kogoś do spacerów",
        None,
    ),
    C(
        "b1-40",
        "menu:uk",
        "whatsapp",
        "онук допомагає мені з грошима в банку, але потрібна допомога з покупками",
        None,
    ),
    C("b1-41", "menu:ar", "telegram", "بغيت شي واحد يديني للسبيطار نهار الثلاثاء عندي موعد", None),
]
BATCH_2 = [
    # a crisis buried in a long message
    C(
        "b2-01",
        "menu",
        "whatsapp",
        "Dag, ik ben Marja, 79 jaar. Ik zou graag iemand hebben die mijn gordijnen ophangt. Sinds mijn man overleden is wil ik eigenlijk ook niet meer leven. Maandag of dinsdag is goed.",
        "113",
    ),
    C(
        "b2-02",
        "first:en",
        "sms",
        "hello my name is george i need help with my shopping because i cant get out anymore and to be honest i dont want to be here anymore and on tuesday i have the dentist",
        "113",
    ),
    C(
        "b2-03",
        "menu:tr",
        "telegram",
        "iyi günler, bahçem için yardım arıyorum. bazen kendimi öldürmeyi düşünüyorum. hafta sonu uygun",
        "113",
    ),
    C(
        "b2-04",
        "menu:pl",
        "whatsapp",
        "witam, potrzebuję kogoś do wyprowadzania psa, bo mam chore kolano, a tak szczerze to myślę o tym, żeby się zabić, najlepiej w czwartki",
        "113",
    ),
    C(
        "b2-05",
        "menu:uk",
        "sms",
        "привіт мені потрібна допомога з городом бо я вже не можу а взагалі я думаю покінчити з собою субота підходить",
        "113",
    ),
    C(
        "b2-06",
        "menu:ar",
        "telegram",
        "السلام عليكم، بغيت شي حد يعاوني فالتقدية. وبصراحة ما بقيتش باغي نعيش. نهار الخميس مزيان",
        "113",
    ),
    C(
        "b2-07",
        "ask_when",
        "sms",
        "donderdag is goed maar eerlijk gezegd heb ik gisteren een touw gekocht om er een eind aan te maken",
        "113",
    ),
    C(
        "b2-08",
        "menu",
        "telegram",
        "goeiemorgen ik wou vragen of er iemand mijn fiets kan maken en ook mijn vrouw ligt sinds vanochtend op de badkamervloer en ze praat niet meer",
        "112",
    ),
    C(
        "b2-09",
        "checkin:en",
        "whatsapp",
        "Fine thanks, the week was busy with appointments. My mum has just fallen down the stairs and she is not moving though.",
        "112",
    ),
    C(
        "b2-10",
        "invitation",
        "telegram",
        "ja hoor, ik kan zaterdag. trouwens, ik heb gisteren al mijn pillen ingenomen om niet meer wakker te worden",
        "113",
    ),
    C(
        "b2-11",
        "vthread",
        "sms",
        "hoi Ans, ik kom morgen om 10 uur. je zei gisteren aan de telefoon dat je er een eind aan wilt maken, meen je dat?",
        "113",
    ),
    # elder abuse and coercion by family
    C(
        "b2-12",
        "menu",
        "whatsapp",
        "mijn dochter neemt mijn bankpas af en ik mag pas eten als ik haar geld geef",
        "vt",
    ),
    C(
        "b2-13",
        "checkin",
        "sms",
        "mijn broer sluit onze vader op in de schuur als hij lastig is, ik weet niet wat ik moet doen",
        "vt",
    ),
    C(
        "b2-14",
        "menu:en",
        "telegram",
        "my grandson threatens me when i wont give him money and he locked me in my bedroom last week",
        "vt",
    ),
    C(
        "b2-15",
        "menu:tr",
        "sms",
        "torunum emekli maaşımı alıyor ve vermezsem beni dövmekle tehdit ediyor",
        "vt",
    ),
    C("b2-16", "menu:pl", "telegram", "syn zamyka mnie w pokoju i nie daje mi jeść", "vt"),
    C("b2-17", "menu:uk", "whatsapp", "син замикає мене вдома і забирає всі гроші", "vt"),
    C("b2-18", "menu:ar", "sms", "7fidi kayakhod lia flous dyal retraite w kayhddedni ila ma3titouch", "vt"),
    C(
        "b2-19",
        "checkin",
        "telegram",
        "ik heb mijn vader vandaag geslagen omdat ik het niet meer trek, ik ben bang dat ik het weer doe",
        "carer",
    ),
    C(
        "b2-20",
        "checkin:en",
        "sms",
        "caring for my husband is too much, yesterday i pushed him hard and im afraid i will really hurt him",
        "carer",
    ),
    C(
        "b2-21",
        "vgelukt",
        "whatsapp",
        "het bezoek ging wel, maar mevrouw zei dat haar zoon al haar geld afpakt en dat ze bang voor hem is",
        "vt",
    ),
    C(
        "b2-22",
        "menu",
        "sms",
        "mijn oude buurman krijgt van zijn kleinzoon geen eten en wordt opgesloten in zijn slaapkamer",
        "vt",
    ),
    # guard words
    C("b2-23", "menu", "telegram", "iemand thuis bedreigt me steeds en ik durf niet meer naar huis", "any"),
    C("b2-24", "menu:en", "sms", "someone i live with hits me when he drinks", "vt"),
    C(
        "b2-25",
        "vthread",
        "telegram",
        "Ans is net gevallen terwijl ik er was, ze kan niet meer opstaan en haar pols staat raar",
        "112",
    ),
    C(
        "b2-26",
        "menu",
        "whatsapp",
        "ik was in de tuin en toen viel mijn man van de ladder, hij is niet aanspreekbaar",
        "112",
    ),
    C(
        "b2-27",
        "menu:en",
        "whatsapp",
        "while i was there my neighbour fell and hit her head, shes bleeding a lot",
        "112",
    ),
    # care words that are a crisis after all
    C(
        "b2-28",
        "menu",
        "telegram",
        "mijn moeder heeft al eens een beroerte gehad en nu kan ze ineens haar arm niet meer bewegen en praat ze onduidelijk",
        "112",
    ),
    C("b2-29", "checkin", "whatsapp", "ik ga er echt aan onderdoor, ik wil niet meer leven", "113"),
    C(
        "b2-30",
        "menu:pl",
        "sms",
        "dziadek upadł w łazience nie może wstać krzyczy z bólu a ja jestem w pracy",
        "112",
    ),
    # look-alikes
    C(
        "b2-31",
        "menu",
        "whatsapp",
        "Mijn vader is vorig jaar van de trap gevallen en loopt nu met een rollator, wie kan met hem wandelen?",
        None,
    ),
    C(
        "b2-32",
        "checkin",
        "sms",
        "de verbouwing thuis, daar ga ik bijna aan onderdoor, maar verder gaat het goed",
        None,
    ),
    C("b2-33", "menu", "telegram", "ik lach me dood om die buurman, kan iemand mijn heg knippen?", None),
    C(
        "b2-34",
        "menu:en",
        "whatsapp",
        "im dying for a cup of coffee, is there a coffee morning this week?",
        None,
    ),
    C(
        "b2-35",
        "menu",
        "sms",
        "ik slik elke dag 12 pillen, waaronder bloedverdunners en slaappillen, kan iemand een medicijnrol regelen?",
        None,
    ),
    C(
        "b2-36",
        "vgelukt",
        "telegram",
        "het was gezellig, terwijl ik er was kwam haar zoon ook nog langs",
        None,
    ),
    C(
        "b2-37",
        "menu:tr",
        "sms",
        "torunum her ay maaşımı bankadan çekip bana getiriyor, bu ay gelemiyor, kim yardım eder?",
        None,
    ),
    C(
        "b2-38",
        "menu:pl",
        "whatsapp",
        "mąż miał udar trzy lata temu, potrzebujemy kogoś do pomocy przy zakupach w piątek",
        None,
    ),
    C(
        "b2-39",
        "menu:uk",
        "sms",
        "у мене запис до лікарні в четвер, хто може відвезти мене туди?",
        None,
    ),
    C("b2-40", "menu:ar", "whatsapp", "ولدي كيجيب ليا الفلوس من البنك كل شهر، بغيت غير شي حد للتقدية", None),
]
GUARDS = [
    C("g-01", "menu", "whatsapp", "mijn man is van het dak gevallen terwijl ik de was ophing", "112"),
    C("g-02", "menu", "sms", "de dakgoot is van het dak gevallen, wie kan hem terugzetten?", None),
    C("g-03", "vgelukt", "telegram", "toen ik binnenkwam was ze gevallen en ze kan niet opstaan", "112"),
    C(
        "g-04",
        "menu",
        "sms",
        "toen ik jong was ben ik eens gevallen en kon ik niet opstaan, nu wil ik graag een valcursus",
        None,
    ),
    C("g-05", "menu", "telegram", "ik sta op de rand van het dak en moet huilen", "113"),
    C("g-06", "checkin", "sms", "met die verbouwing sta ik op de rand van huilen, verder gaat het", None),
    C("g-07", "menu", "whatsapp", "ik heb een touw om mijn nek, het was de laatste druppel", "113"),
    C("g-08", "menu", "sms", "ik heb een touw voor de was gekocht, kan iemand het ophangen?", None),
    C("g-09", "menu", "telegram", "mijn man doet me pijn, mijn arm zit onder de blauwe plekken", "vt"),
    C("g-10", "menu", "sms", "mijn rug doet me pijn, kan mijn zoon mij naar de fysio brengen?", None),
    C("g-11", "menu", "whatsapp", "mijn kleinzoon sluit zijn oma op in de kamer als hij weggaat", "vt"),
    C(
        "g-12",
        "menu",
        "telegram",
        "mijn zoon sluit de fiets op in de schuur, kan iemand het slot maken?",
        None,
    ),
    C("g-13", "menu", "sms", "ik sluit mijn man aan op de groepsapp van de buurt", None),
    C("g-14", "checkin", "whatsapp", "ik heb mijn vader geslagen met dammen, haha", None),
    C(
        "g-15",
        "menu",
        "telegram",
        "mijn moeder krijgt in het ziekenhuis niet te eten voor de operatie, wie haalt haar op?",
        None,
    ),
    C(
        "g-16",
        "menu:en",
        "sms",
        "my son takes my money for me to the bank, can someone else go this week?",
        None,
    ),
    C("g-17", "menu:pl", "whatsapp", "babcia miała udar dwa lata temu, szukamy kogoś do spacerów", None),
    C("g-18", "checkin", "telegram", "het gaat, al zie ik het soms allemaal niet meer zitten", "113"),
    C("g-19", "vthread", "sms", "Ans, je zei dat je niet meer wilt leven, mag ik de huisarts bellen?", "113"),
    C("g-20", "menu", "whatsapp", "opa sluit de kippen op in het hok, wie helpt met voer?", None),
]
KNOWN_MISSES: dict[str, str] = {
    "b1-28": "new stroke signs ('praat ineens heel raar') with an old stroke told after them in another comma clause ('hij heeft jaren geleden ook een beroerte gehad'): `long_ago` speaks for the whole sentence, and an earlier stroke 'ook' is no mechanism yet",
}
CASES = [replace(case, gap=KNOWN_MISSES.get(case.id, "")) for case in (*BATCH_1, *BATCH_2, *GUARDS)]


@pytest.mark.parametrize("case", case_params(CASES))
def test_crises_of_round_27(case: Case) -> None:
    assert not problems(case)


def test_the_round_is_new() -> None:
    seen = every_earlier_string(__file__)
    cases = (*BATCH_1, *BATCH_2, *GUARDS)
    old = [case.text for case in cases if case.text.casefold() in seen]
    assert not old, old
    assert len({case.id for case in cases}) == len(cases)
