"""Crisis reading (flows/understanding/crisis.py): 113, 112 and Veilig Thuis in six languages, whatever
the conversation's language, and look-alikes that must not fire.

The sentences are paraphrases written for this test, not the corpus's (a test checks that): the rules
must catch phrasings nobody listed.
"""
# Turkish, Ukrainian and Arabic letters are the point of these tables, not look-alike characters.
# ruff: noqa: RUF001

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows import crisis as conversation_crisis
from flows.understanding import crisis
from flows.understanding.reading import CONTEXTS, read

CORPUS = Path("/work/shared/understanding/dev.jsonl")

SUICIDE = [
    ("nl", "ik wil gewoon dood"),
    ("nl", "ik wou dat ik dood was"),
    ("nl", "soms wil ik er gewoon niet meer zijn"),
    ("nl", "IK ZIE HET ECHT NIET MEER ZITTEN"),
    ("nl", "ik zie het allemaal niet meer zitten hoor"),
    ("nl", "het leven hoeft voor mij niet meer"),
    ("nl", "ik denk de laatste tijd vaak aan zelfmoord"),
    ("nl", "ik heb zelfmoordgedachten"),
    ("nl", "ik wil niet meer leven sinds hij weg is"),
    ("nl", "ik heb al weken tabletten verzameld"),
    ("nl", "ik wil gaan slapen en nooit meer wakker worden"),
    ("nl", "heb mijn polsen opengehaald"),
    ("nl", "ik heb weer in mijn benen gekrast"),
    ("nl", "ik snij mezelf soms"),
    ("nl", "ik wil mezelf iets aandoen"),
    ("nl", "ik ga voor de trein springen"),
    ("nl", "wat heeft mijn leven nog voor zin"),
    ("nl", "het heeft allemaal geen zin meer"),
    ("nl", "ik wil er een eind aan maken"),
    ("nl", "ik wil niet meer verder"),
    ("nl", "ik wil echt niet meer."),
    ("nl", "ik heb er geen zin meer in om te leven"),
    ("nl", "niemand zou me missen als ik er niet meer was"),
    ("nl", "ik snijd in mijn armen"),
    ("nl", "zelfmoort"),
    ("nl", "ik wil doooood"),
    ("nl", "ik heb een touw gekocht om mezelf op te hangen"),
    ("en", "everyone would be better off without me"),
    ("en", "I have been self harming"),
    ("tr", "bilekleri kestim"),
    ("pl", "chcę się zabić"),
    ("nl", "ik ben het leven zat en moe"),
    ("nl", "ik zie t nie meer zitten"),
    ("nl", "ik will dood"),
    ("nl", "ik denk aan zelf moord"),
    ("en", "i wana die"),
    ("nl", "Ik heb het gevoel dat iedereen beter af is zonder mij"),
    ("nl", "ik heb mezelf gisteren weer pijn gedaan met een mes"),
    ("nl", "ik heb geen reden meer om te leven"),
    ("en", "I keep thinking about ending it"),
    ("en", "I don't see the point in living anymore"),
    ("pl", "chciałabym zasnąć i się nie obudzić"),
    ("nl", "was ik maar nooit geboren"),
    ("tr", "keşke hiç doğmasaydım"),
    ("pl", "mam dość życia"),
    ("uk", "не бачу сенсу жити"),
    ("ar", "الله ياخدني وصافي"),
    ("en", "i want to end it all"),
    ("en", "I just want to die"),
    ("en", "i dont want to live anymore"),
    ("en", "I've been cutting myself again"),
    ("en", "i have been saving up my pills"),
    ("en", "what's the point of living"),
    ("en", "I wish I was dead"),
    ("en", "thinking about killing myself"),
    ("tr", "ölmek istiyorum"),
    ("tr", "artık yaşamak istemiyorum abla"),
    ("tr", "intihar etmeyi düşünüyorum"),
    ("tr", "kendimi öldürmek istiyorum"),
    ("ar", "بغيت نموت صافي"),
    ("ar", "bghit nmout"),
    ("ar", "ma bqitch bghit n3ich"),
    ("ar", "أريد أن أموت"),
    ("ar", "لا أريد أن أعيش"),
    ("ar", "وما بغيتش نعيش"),
    ("pl", "chcę umrzeć"),
    ("pl", "nie chcę już dłużej żyć"),
    ("pl", "myślę o samobójstwie"),
    ("uk", "я не хочу жити"),
    ("uk", "хочу померти"),
    ("uk", "думаю про самогубство"),
    ("uk", "Я більше не хочу жити"),
]

MEDICAL = [
    ("nl", "mijn man is gevallen en ik krijg hem niet overeind"),
    ("nl", "ben uitgegleden in de douche en kom niet meer omhoog"),
    ("nl", "ik lig al een uur op de vloer, kan niet opstaan"),
    ("nl", "mijn man reageert niet meer"),
    ("nl", "mijn moeder is bewusteloos"),
    ("nl", "hij ademt niet!!"),
    ("nl", "ik heb pijn op mijn borst"),
    ("nl", "ik heb een knellende pijn in mijn borst"),
    ("nl", "hij bloedt heel erg uit zijn hoofd"),
    ("nl", "mijn vader is gevallen en er komt bloed uit zijn hoofd"),
    ("nl", "er probeert iemand in te breken, ik ben bang"),
    ("nl", "er is een inbreker in mijn huis"),
    ("nl", "er staat een vreemde man voor mijn raam te schreeuwen"),
    ("nl", "ik denk dat mijn man een beroerte heeft"),
    ("nl", "mijn vrouw krijgt geen lucht"),
    ("nl", "de buurman ligt in de gang en zegt opeens niets meer"),
    ("nl", "er ligt iemand op straat die niet reageert"),
    ("nl", "help ik ben gevallen"),
    ("nl", "mijn man is bewustelos"),
    ("en", "there's someone trying to break in"),
    ("ar", "mama ta7et o ma bghatch tnod"),
    ("pl", "ktoś się włamuje"),
    ("ar", "ماما طاحت وماقدراتش تنوض"),
    ("ar", "أغمي عليه"),
    ("nl", "mijn moeder ligt op de badkamervloer en kan niet opstaan"),
    ("nl", "mn man reageert nie meer"),
    ("nl", "ben gevalle kan nie op staan"),
    ("pl", "upadlam nie moge wstac"),
    ("tr", "dustum kalkamiyorum"),
    ("nl", "mijn man ligt op de grond en ademt raar"),
    ("pl", "dziadek upadł i leży na podłodze"),
    ("nl", "mijn man zakte ineens in elkaar"),
    ("nl", "mijn vrouw praat ineens raar en haar mond hangt scheef"),
    ("nl", "ik ruik gas in de keuken"),
    ("nl", "er staat een man in mijn tuin met een mes"),
    ("nl", "mijn buurman bedreigt me"),
    ("nl", "er loopt een man rond mijn huis en probeert de deur open te maken, ik ben bang"),
    ("en", "I fell and can't get up"),
    ("en", "my mum fell and I cannot get her up"),
    ("en", "my husband is unconscious"),
    ("en", "she collapsed in the kitchen"),
    ("en", "I have chest pain"),
    ("en", "someone is banging on my door and screaming, I'm scared"),
    ("tr", "annem düştü kalkamıyor"),
    ("tr", "yere düştüm kalkamıyorum"),
    ("tr", "babam bayıldı"),
    ("tr", "göğsüm çok ağrıyor"),
    ("ar", "طحت فالحمام وما قدرتش نوض"),
    ("ar", "بابا ما كيجاوبش"),
    ("pl", "upadłam i nie mogę wstać"),
    ("pl", "babcia upadła i nie może wstać"),
    ("pl", "ojciec nie reaguje"),
    ("pl", "boli mnie w klatce piersiowej"),
    ("uk", "я впала і не можу встати"),
    ("uk", "тато не дихає"),
    ("uk", "сильний біль у грудях"),
]

VIOLENCE = [
    ("nl", "mijn man slaat me"),
    ("nl", "mijn vriend heeft me geslagen"),
    ("nl", "mijn ex bedreigt me"),
    ("nl", "mijn ex dreigt me iets aan te doen"),
    ("nl", "mijn dochter mishandelt me"),
    ("nl", "hij slaat de kinderen"),
    ("nl", "mijn zoon doet me pijn als hij boos is"),
    ("nl", "hij doet me pijn"),
    ("nl", "mijn vader was weer agressief, ik heb me verstopt"),
    ("nl", "mijn partner is gewelddadig"),
    ("nl", "mijn ex zegt dat hij me gaat vermoorden"),
    ("pl", "mój mąż mnie pobił"),
    ("nl", "ik ben doodsbang voor mijn ex"),
    ("tr", "kocamdan korkuyorum"),
    ("ar", "خايفة من راجلي"),
    ("nl", "mijn dochter pakt al mijn geld af en schreeuwt tegen me"),
    ("nl", "hij heeft me opgesloten in de kamer"),
    ("nl", "mijn man slaat als hij dronken is"),
    ("en", "he is hurting me"),
    ("pl", "mąż mnie krzywdzi"),
    ("en", "my husband hits me"),
    ("en", "my boyfriend beat me last night"),
    ("en", "my son threatens me"),
    ("en", "my ex is threatening to come in"),
    ("tr", "kocam beni dövüyor"),
    ("tr", "eşim beni tehdit ediyor"),
    ("ar", "راجلي كيضربني"),
    ("ar", "zawji kaydrbni"),
    ("pl", "mój mąż mnie bije"),
    ("pl", "mąż mi grozi"),
    ("uk", "чоловік мене б'є"),
    ("uk", "мій син погрожує мені"),
]

LOOKALIKES = [
    "ik ga dood van de honger",
    "ik ga bijna dood van de verveling hier",
    "ik val bijna om van de slaap",
    "dood- en doodmoe ben ik",
    "ik schrok me dood toen de bel ging",
    "ik word gek van dat lawaai",
    "I'm dying to see the garden",
    "mijn telefoon is gevallen",
    "de hond bijt niet hoor",
    "ik sla deze week een keer over",
    "dat is doodgewoon",
    "wil je die lamp ophangen",
    "ik wil die doos weg",
    "mijn man is dood, ik wil graag gezelschap",
    "ik wil de dood van mijn vader verwerken, is er een praatgroep?",
    "mijn telefoon reageert niet meer",
    "de vrijwilliger reageert niet op mijn berichten",
    "ik wil niet meer mee met de wandelgroep",
    "ik wil ermee stoppen",
    "ik wil stoppen met deze berichten",
    "mijn rug doet me pijn",
    "mijn knie doet pijn van het tillen",
    "mijn man slaat de deur altijd dicht",
    "de klok slaat twaalf",
    "het dreigt te gaan regenen",
    "mijn moeder dreigt te vallen als ze opstaat",
    "I hurt my back in the garden",
    "it hit me how tired I am",
    "my phone died",
    "I'd die for a coffee",
    "ik heb een nieuw mes nodig",
    "kan iemand mijn messen slijpen",
    "ik kan niet opstaan uit mijn stoel zonder hulp",
    "I want to live in Molenwijk",
    "ik wil niet wakker worden om 6 uur",
    "het is om te stikken zo warm",
    "ik heb me er doorheen geslagen",
    "ik ben bang dat iemand de deur niet opendoet",
    "ik heb de medicijnen opgehaald",
    "de plant is dood, ik wil een nieuwe",
    "gülmekten öldüm",
    "umieram ze śmiechu",
    "помираю зі сміху",
    "bghit nmchi l sou9",
    "بغيت نمشي للسوق",
    "chcę iść na spacer",
    "хочу гуляти",
    "ik heb geen zin in de koffieochtend",
    "nie mogę przyjść jutro",
    "не можу прийти завтра",
    "mijn vader viel vorige week maar het gaat weer",
    "ik wil graag hulp met boodschappen",
    "help mijn telefoon is gevallen",
    "ik moet al mijn pillen innemen maar vergeet het steeds",
    "stop ik wil niet meer",
    "ik wil niet meer, haal me van de lijst",
    "mijn vrouw vermoordt me als ik dit vergeet",
    "mijn man had vorig jaar een hartaanval, nu wil hij graag wandelen",
    "mijn moeder is vorige maand gevallen en kan sindsdien niet zelf opstaan, wie kan helpen",
    "mijn dochter dreigt te stoppen met de mantelzorg",
    "ik wil geen live muziek",
    "I've been cut off from the internet",
    "I'm going to kill these weeds on saturday",
    "ik ben bang voor de hond van mijn zoon",
    "ik hoef niet meer te komen dinsdag",
    "ik moet ze allemaal innemen van de dokter",
    "de buurman helpt me met de tuin",
    "kan iemand de vloer dweilen, ik kan niet goed bukken",
    "mijn moeder kan niet meer zelf opstaan uit de stoel, we zoeken hulp",
    "I need someone to check my gas bill",
    "my battery will be dead soon",
    "my back is hurting me",
    "mijn man slaat de deur hard dicht",
    "I'm so bored I could die lol",
    "sinds de dood van mijn vrouw ben ik veel alleen",
    "mijn moeder valt vaak, we zoeken iemand die een beugel kan ophangen",
    "I can't get up the stairs with my shopping, could someone help",
    "annem düştü geçen ay, şimdi yürüyüşe yardım lazım",
    "Mój mąż zmarł w zeszłym roku, szukam towarzystwa",
    "ik heb me gesneden aan een blikje, heeft iemand pleisters",
    "ik wil doorgaan met het vrijwilligerswerk",
    "wat een beroerde week",
    "iftihar ediyorum",
    "the volunteer mishandled my request",
    "kan iemand mijn gordijnen verhangen",
    "kan iemand een zoom stikken",
    "ik werd overvallen door verdriet",
    "the fence collapsed",
    "iemand moet mijn raam lappen, ik ben bang van de ladder",
    "er staat een man bij de deur van de buren, ik ben niet bang hoor",
    "de sleutel ligt op de grond",
    "ik ben gevallen en lag een uur op de grond, nu gaat het weer",
    "het gaat beter zonder mijn bril",
    "ik wil dit niet meer",
    "ik wil die berichten niet meer",
    "ik schrijf een afscheidsbrief voor mijn collega's",
    "",
    "😂😂😂",
]


def _corpus_texts() -> set[str]:
    if not CORPUS.exists():
        return set()
    with CORPUS.open(encoding="utf-8") as handle:
        return {json.loads(line)["text"].casefold() for line in handle if line.strip()}


def test_the_tables_are_paraphrases_not_corpus_sentences() -> None:
    tables = [text for _, text in SUICIDE + MEDICAL + VIOLENCE] + LOOKALIKES
    assert not {text.casefold() for text in tables} & _corpus_texts()


@pytest.mark.parametrize(("lang", "text"), SUICIDE)
def test_suicidal_thoughts_and_self_harm_are_113(lang: str, text: str) -> None:
    assert crisis.detect(text, lang) == "113"


@pytest.mark.parametrize(("lang", "text"), MEDICAL)
def test_falls_unresponsive_chest_bleeding_and_danger_are_112(lang: str, text: str) -> None:
    assert crisis.detect(text, lang) == "112"


@pytest.mark.parametrize(("lang", "text"), VIOLENCE)
def test_violence_and_threats_at_home_are_veilig_thuis(lang: str, text: str) -> None:
    assert crisis.detect(text, lang) == "veilig_thuis"


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalikes_and_ordinary_messages_do_not_fire(text: str) -> None:
    assert crisis.detect(text, "nl") is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Я більше не хочу жити", "113"),
        ("yere düştüm kalkamıyorum", "112"),
        ("kocam beni dövüyor", "veilig_thuis"),
        ("bghit nmout", "113"),
        ("my husband is unconscious", "112"),
    ],
)
def test_every_language_is_read_whatever_the_conversation_language(text: str, kind: str) -> None:
    assert {crisis.detect(text, lang) for lang in ("nl", "en", "tr", "ar", "pl", "uk")} == {kind}


def test_violence_at_home_leads_when_it_fits_with_112() -> None:
    # Round 15: the Veilig Thuis reply opens with "Bel 112" too, and the 112 reply's "ask someone nearby" may
    # reach the one who hit (tests/test_understanding_redteam15.py).
    assert crisis.kinds_in("mijn man slaat me en nu krijg ik geen lucht") == {"112", "veilig_thuis"}
    assert crisis.detect("mijn man slaat me en nu krijg ik geen lucht") == "veilig_thuis"


@pytest.mark.parametrize("context", CONTEXTS)
def test_every_context_reads_a_crisis_first(context: str) -> None:
    reading = read(context, "ik wil niet meer leven", lang="nl")
    assert reading.crisis == "113"
    if context in ("first_message", "menu", "any_state"):
        assert reading.intent == "crisis"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Я не хочу жити", "suicide"), ("annem düştü kalkamıyor", "medical"), ("zawji kaydrbni", "violence")],
)
def test_the_conversation_keeps_its_names_for_the_numbers(text: str, kind: str) -> None:
    assert conversation_crisis.detect(text) == kind


def test_every_rule_names_known_concepts_and_every_number_has_rules() -> None:
    lexicon = crisis.lexicon_of_crisis()
    assert {rule.gives for rule in lexicon.rules} >= set(crisis.KINDS)
    assert lexicon.idioms.pattern is not None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_detect_never_raises(text: str) -> None:
    assert crisis.detect(text, "nl") in (None, *crisis.KINDS)


def test_a_crisis_at_the_end_of_a_long_letter_is_found() -> None:
    """Concepts meet in one pass over their occurrences, not by trying every combination. How fast is a
    benchmark's question (`bench.understanding`), not a timed test's (session 29: this one failed on a
    loaded machine)."""
    letter = "ik weet het niet, het lukt niet, iemand aan de deur, ik ben bang. " * 60
    assert crisis.kinds_in(letter + "ik ben gevallen en kom niet meer overeind") >= {"112"}


def test_ordered_concepts_must_come_in_order() -> None:
    assert crisis.detect("ik wil dood", "nl") == "113"
    assert crisis.detect("hij is dood en ik wil graag iemand spreken", "nl") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik heb pillen genomen, heel veel", "113"),
        ("net te veel tabletten geslikt", "113"),
        ("I took too many pills", "113"),
        ("ik moet heel veel pillen nemen voor mijn hart", None),
        ("ik heb mijn pillen genomen vanochtend", None),
        ("ik heb heel veel medicijnen, kan iemand ze ophalen", None),
    ],
)
def test_an_overdose_taken_is_113_and_daily_medicine_is_not(text: str, expected: str | None) -> None:
    assert crisis.detect(text, "nl") == expected


# Round 3 of the red team: fresh indirect wording, carers, SMS style, and look-alikes that probe the
# guards of the rules added for it (a cut in the kitchen, a dog that follows, dentures, a film).
ROUND3_CRISES = [
    ("113", "nl", "ik heb geen puf meer om door te gaan met leven"),
    ("113", "nl", "wat moet ik nog op deze wereld"),
    ("113", "nl", "ik ben er klaar mee met alles, ik wil er niet meer zijn"),
    ("113", "nl", "heb de pillen al klaarliggen"),
    ("113", "nl", "ik heb een doos oxazepam en ik ga ze allemaal nemen"),
    ("113", "nl", "mijn zoon zegt steeds dat hij er een punt achter wil zetten"),
    ("113", "nl", "moeder zegt dat ze niet meer wakker wil worden"),
    ("113", "nl", "ik snij weer in mn arm"),
    ("113", "nl", "ik krab mezelf tot bloedens toe"),
    ("113", "nl", "ik heb zin om van de brug te springen"),
    ("113", "nl", "sta op het dak en wil springen"),
    ("113", "nl", "ik denk aan het spoor"),
    ("113", "nl", "iedereen heeft last van mij beter dat ik weg ben"),
    ("113", "nl", "ik ben een last voor iedereen ik wil weg voor altijd"),
    ("113", "nl", "ik heb een afscheidsbrief geschreven"),
    ("113", "nl", "ik wil een eind aan me leven maken"),
    ("113", "nl", "me leven is niks meer waard"),
    ("113", "nl", "ik wil der niet meer zijn"),
    ("113", "nl", "ik hou het niet meer vol ik wil dood"),
    ("113", "nl", "mijn vader heeft al zijn pillen ingenomen in een keer"),
    ("113", "nl", "ik heb te veel pillen geslikt expres"),
    ("113", "nl", "zit met een mes in de badkamer"),
    ("113", "nl", "het hoeft allemaal niet meer voor mij"),
    ("113", "nl", "ik wil slapen en niet meer wakker worden"),
    ("113", "nl", "mijn man praat over zelfmoord"),
    ("113", "nl", "ik denk erover om mezelf wat aan te doen"),
    ("113", "nl", "heb me gesneden met scheermesje"),
    ("113", "nl", "dochter heeft zich weer gesneden"),
    ("113", "nl", "ik wil me leven beeindigen"),
    ("113", "nl", "wil het leven niet meer"),
    ("113", "nl", "ik heb echt geen zin meer in dit leven"),
    ("113", "nl", "ben zo moe van leven wil stoppen"),
    ("113", "nl", "ik wil ermee stoppen met leven"),
    ("113", "en", "i dont see the point in living anymore"),
    ("113", "en", "i swallowed the whole bottle of pills"),
    ("113", "en", "my mum says she wants to end it all"),
    ("113", "en", "im going to jump off the bridge"),
    ("113", "en", "cant do this anymore i want to die"),
    ("113", "en", "i wrote a goodbye letter"),
    ("113", "tr", "yaşamanın bir anlamı kalmadı"),
    ("113", "tr", "kendimi asacağım"),
    ("113", "tr", "bütün ilaçları içtim"),
    ("113", "tr", "artık dayanamıyorum, kendimi köprüden atacağım"),
    ("113", "tr", "bileklerimi kesmek istiyorum"),
    ("113", "ar", "عييت من هاد الحياة بغيت نموت ونرتاح"),
    ("113", "ar", "ما بقيتش بغيت نعيش"),
    ("113", "ar", "bghit nqtel rasi"),
    ("113", "ar", "ghadi nqtel rasi lyoum"),
    ("113", "ar", "أريد أن أقتل نفسي"),
    ("113", "ar", "ما بقيت قادر نكمل غادي نرمي راسي من السطح"),
    ("113", "pl", "nie ma po co żyć dalej"),
    ("113", "pl", "chce sie zabic dzisiaj"),
    ("113", "pl", "wzięłam całe opakowanie tabletek nasennych"),
    ("113", "uk", "не бачу сенсу жити далі"),
    ("113", "uk", "хочу покінчити з собою"),
    ("113", "uk", "я думаю про самогубство"),
    ("112", "nl", "mijn moeder ligt op de grond en reageert niet"),
    ("112", "nl", "vader is gevallen en kan niet meer opstaan"),
    ("112", "nl", "ben gestruikeld over het kleed en kan niet meer overeind"),
    ("112", "nl", "ligt al een uur op de badkamervloer"),
    ("112", "nl", "mn man is onwel geworden en is niet aanspreekbaar"),
    ("112", "nl", "hij heeft pijn op de borst en zweet heel erg"),
    ("112", "nl", "ze praat ineens raar en haar mond hangt scheef"),
    ("112", "nl", "hij kan zijn arm niet meer bewegen en praat onduidelijk"),
    ("112", "nl", "mijn vrouw ademt niet meer"),
    ("112", "nl", "hij krijgt geen lucht meer"),
    ("112", "nl", "buurvrouw is van de trap gevallen en beweegt niet"),
    ("112", "nl", "oma is flauwgevallen en wordt niet wakker"),
    ("112", "nl", "er staat een vreemde man in mijn tuin die probeert binnen te komen"),
    ("112", "nl", "er is iemand in mijn huis ingebroken en hij is er nog"),
    ("112", "nl", "er bloedt heel veel en het stopt niet"),
    ("112", "nl", "hij is blauw aangelopen"),
    ("112", "nl", "ik lig op de vloer en kan niet opstaan help"),
    ("112", "nl", "meneer reageert niet meer als ik hem roep"),
    ("112", "nl", "ze zakte in elkaar en doet haar ogen niet open"),
    ("112", "nl", "mijn vader heeft een beroerte denk ik"),
    ("112", "nl", "ze heeft een hartaanval"),
    ("112", "nl", "drukkend gevoel op mijn borst en mijn arm doet pijn"),
    ("112", "nl", "er volgt een man mij al de hele weg naar huis"),
    ("112", "nl", "ik ben uitgegleden in de keuken en kom niet meer omhoog"),
    ("112", "nl", "vader ligt naast zijn bed en ik krijg hem niet omhoog"),
    ("112", "nl", "ze is bewusteloos"),
    ("112", "nl", "er staat een man met een mes voor de deur"),
    ("112", "nl", "hij stikt hij heeft zich verslikt"),
    ("112", "nl", "mijn moeder is gevallen en heeft een grote wond aan haar hoofd"),
    ("112", "nl", "de cliënt is niet wakker te krijgen"),
    ("112", "nl", "ik voel mijn linkerkant niet meer"),
    ("112", "en", "my dad fell and cant get up"),
    ("112", "en", "she is not breathing"),
    ("112", "en", "he collapsed and wont wake up"),
    ("112", "en", "someone is trying to break in"),
    ("112", "en", "crushing pain in my chest"),
    ("112", "tr", "babam banyoda düştü, kalkamıyor"),
    ("112", "tr", "babam nefes almıyor"),
    ("112", "tr", "göğsümde çok ağrı var"),
    ("112", "ar", "ماما طاحت وما قدراتش تنوض"),
    ("112", "ar", "mama ta7t o ma qdratch tnod"),
    ("112", "ar", "بابا ما كيتنفسش"),
    ("112", "pl", "mama upadła i nie może wstać"),
    ("112", "pl", "on nie oddycha"),
    ("112", "pl", "ktoś się włamuje do domu"),
    ("112", "uk", "мама впала і не може встати"),
    ("112", "uk", "він не дихає"),
    ("112", "uk", "тато впав у ванній і не встає"),
    ("veilig_thuis", "nl", "mn man heeft me gisteravond weer in elkaar geslagen"),
    ("veilig_thuis", "nl", "mn vriend heeft me weer geslagen"),
    ("veilig_thuis", "nl", "mijn ex bedreigt me en staat steeds voor de deur"),
    ("veilig_thuis", "nl", "kleinzoon neemt steeds mijn pinpas af en dreigt als ik nee zeg"),
    ("veilig_thuis", "nl", "de meneer die ik verzorg geeft me klappen als ik hem help met douchen"),
    ("veilig_thuis", "nl", "ik ben bang voor mijn man hij wordt steeds agressiever"),
    ("veilig_thuis", "nl", "mijn schoonzoon scheldt mijn moeder uit en slaat haar"),
    ("veilig_thuis", "nl", "hij heeft gedreigd me te vermoorden"),
    ("veilig_thuis", "nl", "mijn partner knijpt mijn keel dicht als hij boos is"),
    ("veilig_thuis", "nl", "ik durf niet naar huis want mijn man is dronken en gewelddadig"),
    ("veilig_thuis", "nl", "mijn broer schopt mij"),
    ("veilig_thuis", "nl", "mijn ex zegt dat hij me iets aan gaat doen"),
    ("veilig_thuis", "nl", "mama wordt geslagen door haar vriend"),
    ("veilig_thuis", "en", "my boyfriend pushed me down the stairs"),
    ("veilig_thuis", "en", "my ex threatened to kill me"),
    ("veilig_thuis", "tr", "eşim bana vuruyor"),
    ("veilig_thuis", "ar", "بنتي كتضربني وكتاخد فلوسي"),
    ("veilig_thuis", "ar", "rajli kaydrabni"),
    ("veilig_thuis", "pl", "partner mnie uderzył"),
    ("veilig_thuis", "uk", "чоловік погрожує мене вбити"),
    ("113", "nl", "ik trek het niet meer, ik wil er een eind aan maken vannacht"),
    ("113", "nl", "mn moeder zegt steeds dat ze liever dood is"),
    ("113", "nl", "heb alle pillen uit het kastje genomen"),
    ("113", "nl", "ik heb me weer gekrast met een mesje"),
    ("113", "nl", "hij heeft zichzelf gesneden in zijn arm"),
    ("113", "nl", "ik wil gewoon verdwijnen en nooit meer terug"),
    ("113", "nl", "ik wil niemand meer tot last zijn, ik stop ermee"),
    ("113", "nl", "ik sta op de brug"),
    ("113", "nl", "zou het erg zijn als ik er morgen niet meer ben"),
    ("113", "nl", "wat heeft het nog voor nut allemaal om te leven"),
    ("113", "nl", "ben moe van dit leven"),
    ("113", "nl", "ik heb er geen zin meer in. in niks. in leven"),
    ("112", "nl", "opa ligt op de badkamer vloer en praat niet"),
    ("112", "nl", "mijn vrouw praat heel raar en haar gezicht hangt"),
    ("112", "nl", "er loopt een man achter mij aan en ik ben bang"),
    ("112", "nl", "er rammelt iemand aan mijn voordeur midden in de nacht"),
    ("112", "nl", "moeder is gevallen en bloedt uit haar hoofd"),
    ("112", "nl", "hij zakt steeds weg en reageert nauwelijks"),
    ("112", "nl", "hij heeft zich verslikt en krijgt geen adem"),
    ("112", "nl", "oma is niet wakker te krijgen"),
    ("veilig_thuis", "nl", "mijn man heeft me bij mijn keel gegrepen"),
    ("veilig_thuis", "nl", "mijn zoon dreigt me iets aan te doen als ik geen geld geef"),
    ("veilig_thuis", "nl", "mijn vriend gaf me een klap in mijn gezicht"),
    ("veilig_thuis", "nl", "ik word thuis geslagen"),
    ("veilig_thuis", "nl", "mevrouw die ik verzorg krabt en slaat mij elke dag"),
    ("veilig_thuis", "nl", "mijn ex heeft gezegd dat hij me gaat vermoorden"),
    ("113", "en", "i just want to go to sleep and not wake up tomorrow"),
    ("113", "en", "my son keeps saying hes better off gone"),
    ("113", "en", "ive been cutting again"),
    ("113", "tr", "hayatıma son vermek istiyorum"),
    ("113", "tr", "yaşamak istemiyorum artık"),
    ("113", "tr", "annem ölmek istediğini söylüyor"),
    ("113", "ar", "bghit nmot w nrtah"),
    ("113", "ar", "ma bqa 3ndi 3lach n3ich"),
    ("113", "ar", "غادي نشرب الدوا كامل"),
    ("113", "pl", "nie chce mi sie zyc"),
    ("113", "pl", "pocięłam się znowu"),
    ("113", "pl", "chcę ze sobą skończyć"),
    ("113", "uk", "я хочу накласти на себе руки"),
    ("113", "uk", "не хочу більше жити"),
    ("112", "en", "grandma is on the floor and wont answer me"),
    ("112", "en", "his face is drooping and he cant talk"),
    ("112", "tr", "babam yere düştü ve cevap vermiyor"),
    ("112", "tr", "annem bayıldı"),
    ("112", "ar", "jddi ta7 f l7mam o ma kayjawbch"),
    ("112", "ar", "بابا طاح وما كيهضرش"),
    ("112", "pl", "babcia leży na podłodze i nie odpowiada"),
    ("112", "pl", "tata zemdlał"),
    ("112", "uk", "бабуся впала і не відповідає"),
    ("112", "uk", "він знепритомнів"),
    ("veilig_thuis", "en", "my son threatens me when he wants money"),
    ("veilig_thuis", "tr", "oğlum beni tehdit ediyor"),
    ("veilig_thuis", "ar", "weldi kaydrabni o kaykhwefni"),
    ("veilig_thuis", "pl", "syn mi grozi"),
    ("veilig_thuis", "uk", "син мене б'є і забирає пенсію"),
    ("113", "nl", "k wil er nie meer zijn"),
    ("113", "nl", "ik heb afscheid genomen van iedereen"),
    ("113", "nl", "ik ga vanavond een eind aan alles maken"),
    ("113", "nl", "mijn cliënt zegt dat hij van het balkon wil springen"),
    ("113", "nl", "had gehoopt dat ik vannacht niet meer wakker zou worden"),
    ("113", "nl", "ik verdien het niet om te leven"),
    ("113", "nl", "ik heb mijn testament klaar en mijn spullen weggegeven"),
    ("113", "nl", "ik bonk met mijn hoofd tegen de muur tot het bloedt"),
    ("113", "nl", "ik heb mezelf gebrand met een sigaret"),
    ("112", "nl", "mevrouw ligt in de tuin en komt niet meer bij"),
    ("112", "nl", "hij heeft zoveel pijn in zn borst dat hij niet kan praten"),
    ("112", "nl", "me man zijn gezicht is scheef en hij kwijlt"),
    ("112", "nl", "ze valt steeds weg en is heel grauw"),
    ("112", "nl", "iemand bonkt op mijn deur en schreeuwt dat hij me pakt"),
    ("112", "nl", "er staan twee mannen bij mijn raam met een koevoet"),
    ("112", "nl", "ik ben van de ladder gevallen en kan me niet bewegen"),
    ("112", "nl", "hij krijgt een epileptische aanval en stopt niet"),
    ("veilig_thuis", "nl", "mijn man sluit me op in de slaapkamer"),
    ("veilig_thuis", "nl", "mijn dochter scheldt en slaat haar vader die dement is"),
    ("veilig_thuis", "nl", "als ik weg ga maakt hij me af zegt hij"),
    ("veilig_thuis", "nl", "mijn zwager heeft me aangerand"),
    ("veilig_thuis", "nl", "mijn vriend laat me niet naar buiten en pakt mijn telefoon af"),
]
ROUND3_LOOKALIKES = [
    ("nl", "ik ga dood van de hitte"),
    ("nl", "die film was moordend"),
    ("nl", "ik sla de vergadering over"),
    ("nl", "hij viel in slaap"),
    ("nl", "de bank zegt dat mijn pas geblokkeerd is"),
    ("nl", "de vaas viel van de kast"),
    ("nl", "mijn telefoon is op de grond gevallen"),
    ("nl", "de kat is van de trap gevallen maar het gaat goed"),
    ("nl", "vorig jaar ben ik gevallen, nu gaat het weer prima"),
    ("nl", "ik heb in het nieuws gelezen over een steekpartij"),
    ("nl", "mijn hond ademt zo snel"),
    ("nl", "ik zag een film over zelfmoord, heel indrukwekkend"),
    ("nl", "de stroom viel uit"),
    ("nl", "dat lied slaat helemaal nergens op"),
    ("nl", "ik werk me kapot"),
    ("nl", "die rekening is moordend"),
    ("nl", "het onkruid gaat dood"),
    ("nl", "mijn plantjes zijn doodgegaan"),
    ("nl", "hij is vorig jaar overleden"),
    ("nl", "ik ben doodop na het tuinieren"),
    ("nl", "de buurman slaat een spijker in de muur"),
    ("nl", "mijn vriend slaat met de bal tegen de muur"),
    ("nl", "ik heb pijn in mijn knie"),
    ("nl", "kan niet opstaan zo vroeg haha, kom om 10 uur"),
    ("nl", "de printer reageert niet"),
    ("nl", "mijn laptop doet niks meer"),
    ("nl", "ik val om van de slaap"),
    ("nl", "ik ben bang voor spinnen"),
    ("nl", "mijn kleinzoon speelt een schietspel"),
    ("nl", "de boom is omgevallen in de storm"),
    ("nl", "het was een moordweer gisteren"),
    ("nl", "ik heb de pillen van de apotheek opgehaald"),
    ("nl", "ik wil niet meer naar die club"),
    ("nl", "mijn batterij is leeg"),
    ("nl", "ik heb een mes nodig voor de groente"),
    ("nl", "we hebben een brug gebouwd van lego"),
    ("nl", "ik stop met roken"),
    ("nl", "mijn auto is dood"),
    ("nl", "geen zin in koken vandaag"),
    ("nl", "ik heb de fiets laten vallen"),
    ("en", "this heat is killing me"),
    ("en", "that movie was to die for"),
    ("en", "my phone fell in the toilet"),
    ("en", "he fell asleep on the couch"),
    ("en", "i could murder a pizza"),
    ("en", "the printer is not responding"),
    ("tr", "bu film beni öldürdü çok komik"),
    ("tr", "telefonum düştü"),
    ("tr", "sıcaktan ölüyorum"),
    ("ar", "مت بالضحك"),
    ("ar", "tilifoun ta7 lia"),
    ("ar", "الشتا طاحت بزاف"),
    ("pl", "umieram z nudów"),
    ("pl", "telefon mi upadł"),
    ("pl", "kot spadł z kanapy"),
    ("uk", "ця спека мене вбиває"),
    ("uk", "телефон впав"),
    ("uk", "дощ падає весь день"),
    ("nl", "de bal viel in de sloot"),
    ("nl", "hij slaat de maat bij het koor"),
    ("nl", "ik heb me gesneden aan een blikje"),
    ("nl", "ik heb me gesneden bij het koken"),
    ("nl", "mijn hond volgt mij overal"),
    ("nl", "iemand volgt mij op instagram"),
    ("nl", "de kat probeert binnen te komen"),
    ("nl", "de lucht wordt blauw"),
    ("nl", "mijn teennagel werd blauw"),
    ("nl", "we hebben een boek over zelfmoord gelezen op de leesclub"),
    ("nl", "ik zit met een mes aardappels te schillen"),
    ("nl", "ik heb een doos met pillen en neem ze allemaal netjes in zoals voorgeschreven"),
    ("nl", "ik zit met mijn pillen, welke moet ik nu nemen"),
    ("nl", "ik wil voor altijd weg uit deze wijk"),
    ("nl", "ik ben zo moe van het leven in de stad"),
    ("nl", "een eind aan het leven van de oude boom"),
    ("nl", "hij stikt van het geld"),
    ("nl", "de monteur probeert de deur open te krijgen"),
    ("nl", "hij praat onduidelijk door zijn nieuwe gebit"),
    ("nl", "ik heb een grote wond aan mijn knie van vorig jaar"),
    ("nl", "ik wil voorgoed weg uit nederland, terug naar marokko"),
    ("nl", "ik heb me gesneden aan papier"),
    ("nl", "de politie volgt een man in de wijk"),
    ("nl", "de hond loopt achter mij aan"),
    ("nl", "ik sta op de brug bij de markt, waar ben jij"),
    ("nl", "hij gaf me een klap op de schouder, goed gedaan"),
    ("nl", "de tandarts zei dat mijn mond scheef hangt na de verdoving"),
    ("nl", "ik heb een doos chocola en eet ze allemaal op"),
    ("nl", "iemand probeert binnen te komen, het is de postbode"),
    ("nl", "ik ben moe van het leven van alledag"),
    ("nl", "de baby is blauw aangekleed"),
    ("nl", "ik heb een grote wond in mijn portemonnee haha"),
    ("nl", "mijn zoon speelt een spel waarin hij iedereen vermoordt"),
    ("en", "i nearly died laughing at that show"),
    ("en", "my dog fell off the sofa but he is fine"),
    ("tr", "ölüyorum bu sıcakta"),
    ("ar", "mt b d7k"),
    ("pl", "zabiję cię jak znowu zapomnisz chleba haha"),
    ("uk", "я впала з ніг від утоми"),
    ("tr", "bilgisayarım cevap vermiyor"),
    ("pl", "komputer nie odpowiada"),
    ("nl", "ik heb afscheid genomen van mijn collega's, pensioen!"),
    ("nl", "ik heb mijn testament laten opmaken bij de notaris"),
    ("nl", "hij heeft zich gebrand aan de kookplaat"),
    ("nl", "ik ben van de ladder gevallen vorig jaar, nu loop ik weer"),
    ("nl", "de verwarming bonkt de hele nacht"),
    ("nl", "mijn man sluit de deur altijd af"),
    ("nl", "de hond valt steeds in slaap"),
    ("nl", "mijn dochter maakt me af met haar grappen haha"),
    ("nl", "ik bonk met de hamer op de spijker"),
    ("nl", "de wifi valt steeds weg"),
    ("nl", "het geluid valt steeds weg bij het bellen"),
    ("nl", "ik ben gevallen maar kan alles nog bewegen"),
    ("nl", "een man met een hamer repareert het hek"),
    ("nl", "ik heb mijn oude kleren weggegeven"),
    ("nl", "hij komt niet bij de bovenste plank"),
]


def test_round3_tables_are_new_sentences() -> None:
    texts = [text for _, _, text in ROUND3_CRISES] + [text for _, text in ROUND3_LOOKALIKES]
    assert not {text.casefold() for text in texts} & _corpus_texts()
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize(("kind", "lang", "text"), ROUND3_CRISES)
def test_round3_indirect_crises_get_their_number(kind: str, lang: str, text: str) -> None:
    assert crisis.detect(text, lang) == kind


@pytest.mark.parametrize(("lang", "text"), ROUND3_LOOKALIKES)
def test_round3_lookalikes_do_not_fire(lang: str, text: str) -> None:
    assert crisis.detect(text, lang) is None


# Round 4 of the red team (crisis3): Turkish, Arabic (Modern Standard, Darija in Arabic script and in
# Latin "Arabizi"), Polish, Ukrainian and surzhyk, and fresh Dutch and English wording (typos, dialect,
# SMS shorthand, indirect phrasing), with look-alikes (hyperbole, a cut while cooking, a phone that fell).
# Batch A (rt4-) was written before the word lists were read; "guard" rows after its fix, to probe it;
# batch B (rt4b-) after that fix, C (rt4c-) after B's and D (rt4d-) after C's, each measured before its own
# fix. Language tags: ar (Modern Standard), ar-ma (Darija, Arabic script), ar-latn (Arabizi), uk-ru (surzhyk),
# nl-tr and nl-ar (switching language inside the message).
ROUND4 = Path(__file__).parent / "data" / "understanding_crisis_redteam2.jsonl"


def _round4() -> list[dict[str, str | None]]:
    with ROUND4.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_round4_cases_are_new_sentences() -> None:
    texts = [case["text"] for case in _round4()]
    older = [text for _, text in SUICIDE + MEDICAL + VIOLENCE] + LOOKALIKES
    older += [text for _, _, text in ROUND3_CRISES] + [text for _, text in ROUND3_LOOKALIKES]
    assert len(set(texts)) == len(texts)
    assert not {text.casefold() for text in texts} & ({text.casefold() for text in older} | _corpus_texts())
    assert sum(1 for case in _round4() if case["crisis"]) >= 120
    assert sum(1 for case in _round4() if not case["crisis"]) >= 60


@pytest.mark.parametrize("case", _round4(), ids=lambda case: str(case["id"]))
def test_round4_crises_get_their_number_and_lookalikes_none(case: dict[str, str | None]) -> None:
    assert crisis.detect(str(case["text"]), str(case["lang"])[:2]) == case["crisis"]
