# ruff: noqa: RUF001  (messages in Turkish, Arabic and Ukrainian letters, on purpose)
"""Intent, kinds of help, words about the conversation and plain command words: tables of paraphrases
(none of them is a dev.jsonl sentence), in the six languages and as people type them."""

from __future__ import annotations

import pytest

from flows.understanding import answers, categories, intent
from flows.understanding.phrases import compile_phrase, normal, strip_edges

# ---------------------------------------------------------------- first message: intent and kind

FIRST = [
    # ask, with the kind described rather than named
    ("wie wil er vrijdag even naar de jumbo voor me", "ask", "boodschappen"),
    ("Ik kan niet meer zelf naar de winkel, wie haalt er brood en melk voor mij?", "ask", "boodschappen"),
    ("KAN IEMAND VOOR MIJ NAAR DE APOTHEEK", "ask", "boodschappen"),
    ("zou iemand mij naar de fysio kunnen brengen dinsdag", "ask", "vervoer"),
    ("ik moet naar het ziekenhuis voor controle en heb geen vervoer", "ask", "vervoer"),
    ("wie gaat er met mij mee naar de oogarts", "ask", "vervoer"),
    ("mijn dakgoot zit vol bladeren en mijn lamp in de keuken doet het niet", "ask", "klusjes"),
    ("de kraan in de badkamer lekt, wie is handig?", "ask", "klusjes"),
    ("kan iemand een schilderij ophangen bij mij", "ask", "klusjes"),
    ("zou het leuk vinden als iemand af en toe een kopje koffie komt drinken", "ask", "gezelschap"),
    ("ik zit de hele dag alleen, zou iemand langs willen komen voor een praatje", "ask", "gezelschap"),
    ("mijn telefoon doet raar, ik krijg mijn whatsapp niet meer", "ask", "computer"),
    ("hoe kom ik in mijn mijnoverheid, wie kan helpen", "ask", "computer"),
    ("ik heb een formulier van de gemeente gekregen en weet niet wat ik moet invullen", "ask", "formulieren"),
    ("Kan iemand mij helpen met mijn belastingaangifte?", "ask", "formulieren"),
    ("wie wil mijn gras maaien, de grasmaaier staat klaar", "ask", "tuin"),
    ("mijn planten op het balkon hebben water nodig als ik weg ben", "ask", "tuin"),
    ("wie kan mijn poes eten geven volgend weekend", "ask", "huisdieren"),
    ("hond moet 2x per dag uitgelaten, ik lig in het ziekenhuis", "ask", "huisdieren"),
    ("kan iemand mij helpen? het is lastig uit te leggen", "ask", None),
    ("mijn rozen moeten gesnoeid worden", "ask", "tuin"),
    ("ik moet naar de specialist en heb geen vervoer", "ask", "vervoer"),  # "geen" is what is missing
    ("ik wil graag samen fietsen met iemand", "ask", "gezelschap"),
    ("de koelkast is leeg en ik kom de deur niet uit", "ask", "boodschappen"),
    ("ik heb hulp nodig", "ask", None),
    # typos and capitals
    ("kan iemand de boodschapen doen", "ask", "boodschappen"),
    ("mijn computr is stuk", "ask", "computer"),
    ("IK HEB EEN BRIEF GEHAD WAT MOET IK DOEN", "ask", "formulieren"),
    # offer
    ("ik wil me graag aanmelden om te helpen", "offer", None),
    ("ik heb tijd over en wil graag de buurt helpen met klusjes", "offer", "klusjes"),
    ("ben gepensioneerd en wil best mensen naar de dokter rijden", "offer", "vervoer"),
    ("ik kan goed met computers overweg, kan ik helpen?", "offer", "computer"),
    ("Ik wil graag vrijwilliger worden, ik hou van honden", "offer", "huisdieren"),
    ("I'd like to volunteer, I can do some shopping for people", "offer", "boodschappen"),
    # service questions, activities, a person, stop, greeting
    ("ik heb geldproblemen en weet niet waar ik moet beginnen", "service_question", None),
    ("is er een voedselbank in de buurt?", "service_question", None),
    ("mijn moeder voelt zich eenzaam, is er een maatje voor haar", "service_question", None),
    ("ik voel me zo eenzaam", "service_question", None),
    ("Where can I get help with money problems?", "service_question", None),
    ("is er ook bingo in het buurthuis", "activity", None),
    ("hoe laat begint de koffieochtend", "activity", None),
    ("what's on this week in the community centre?", "activity", None),
    ("bel mij even terug aub", "human", None),
    ("ik wil liever met een mens praten", "human", None),
    ("could someone call me please", "human", None),
    ("laat me met rust, ik heb nergens om gevraagd", "stop", None),
    ("stop met sms'en", "stop", None),
    ("please stop texting me", "stop", None),
    ("goedemorgen!", "greeting", None),
    ("wie zijn jullie eigenlijk", "greeting", None),
    ("hallo ik ben Gerrit", "greeting", None),
    ("hi 👋", "greeting", None),
    # Turkish, Arabic / darija, Polish, Ukrainian
    ("Merhaba, annemin alışverişini yapacak biri var mı?", "ask", "boodschappen"),
    ("babami doktora gotürecek biri lazim", "ask", "vervoer"),
    ("bilgisayarım bozuldu, yardım lazım", "ask", "computer"),
    ("gönüllü olmak istiyorum, köpek gezdirebilirim", "offer", "huisdieren"),
    ("beni arayabilir misiniz?", "human", None),
    ("bana mesaj göndermeyin", "stop", None),
    ("salam, bghit chi wa7ed y3awni f lwra9 dyal lbaladia", "ask", "formulieren"),
    ("السلام عليكم، بغيت شي واحد يديني للسبيطار", "ask", "vervoer"),
    ("bghit n3awen nass, 3andi tomobil", "offer", "vervoer"),
    ("عيط ليا عافاك", "human", None),
    ("Potrzebuję pomocy z komputerem", "ask", "computer"),
    ("Czy ktoś może wyprowadzić mojego psa?", "ask", "huisdieren"),
    ("chcę pomagać jako wolontariusz, mogę robić zakupy", "offer", "boodschappen"),
    ("proszę o telefon", "human", None),
    ("Потрібна допомога з покупками для бабусі", "ask", "boodschappen"),
    ("Хочу допомагати, можу возити людей до лікаря", "offer", "vervoer"),
    ("Не пишіть мені більше", "stop", None),
]


@pytest.mark.parametrize(("text", "wanted", "kind"), FIRST)
def test_first_message_intent_and_kind(text: str, wanted: str, kind: str | None) -> None:
    found = intent.read_intent(text, "nl", context="first_message")
    assert (found.intent, found.category) == (wanted, kind)
    assert found.confidence >= 0.5


MENU = [
    ("1", "ask"),
    ("2.", "offer"),
    ("3", "explain"),
    ("vier", "stop"),
    ("de tweede graag", "offer"),
    ("nummer 1", "ask"),
    ("1 hulp vragen", "ask"),
    ("2 hulp bieden", "offer"),
    ("hulp bieden", "offer"),
    ("ik zou graag willen helpen", "offer"),
    ("ik wil er mee stoppen", "stop"),
    ("ikinci", "offer"),
    ("uitleg graag", "explain"),
    ("hulp bieden", "offer"),
    ("vragen", "ask"),
]


@pytest.mark.parametrize(("text", "wanted"), MENU)
def test_menu_choices(text: str, wanted: str) -> None:
    assert intent.read_intent(text, "nl", context="menu").intent == wanted


def test_a_menu_number_with_a_kind_keeps_the_kind() -> None:
    found = intent.read_intent("1 boodschappen", "nl", context="menu")
    assert (found.intent, found.category) == ("ask", "boodschappen")
    found = intent.read_intent("2, tuin", "nl", context="menu")
    assert (found.intent, found.category) == ("offer", "tuin")


def test_a_number_opening_a_request_is_not_a_menu_choice() -> None:
    found = intent.read_intent("2 kratten water en brood halen bij de lidl", "nl", context="menu")
    assert (found.intent, found.category) == ("ask", "boodschappen")


def test_a_menu_number_is_only_a_menu_choice_at_the_menu() -> None:
    assert intent.read_intent("2", "nl", context="first_message").intent != "offer"


@pytest.mark.parametrize("text", ["ik wil geen hulp meer, bedankt", "la bghit walo"])
def test_saying_no_help_is_needed_is_no_request(text: str) -> None:
    assert intent.read_intent(text, "nl").intent != "ask"


def test_a_kind_only_leant_to_is_no_request() -> None:
    # "huisarts" leans to vervoer, but someone who got the number from the GP asks for nothing yet.
    assert (
        intent.read_intent("goedenavond, ik heb uw nummer van de huisarts gekregen", "nl").intent
        == "greeting"
    )


def test_only_requests_and_offers_carry_a_kind() -> None:
    assert (
        intent.read_intent("waar kan ik terecht met schulden over mijn boodschappen", "nl").category is None
    )
    assert intent.read_intent("stop met die berichten over de tuin", "nl").category is None


# ---------------------------------------------------------------- the answer to "Waarmee zoek je hulp?"

CATEGORY = [
    # Session 27: a taalmaatje (Dutch practised in conversation) is company.
    ("iemand om nederlands mee te oefenen", "gezelschap"),
    ("ik zoek een taalmaatje", "gezelschap"),
    ("iemand die af en toe bij haar langs kan gaan", "gezelschap"),
    ("1", "boodschappen"),
    ("2", "vervoer"),
    ("3", "klusjes"),
    ("4", "gezelschap"),
    ("5", "computer"),
    ("6", "formulieren"),
    ("7", "tuin"),
    ("8", "huisdieren"),
    ("9", "anders"),
    ("de derde", "klusjes"),
    ("nummer 7", "tuin"),
    ("BOODSCHAPPEN", "boodschappen"),
    ("boodschappe", "boodschappen"),
    ("vervoerr", "vervoer"),
    ("de computr", "computer"),
    ("iemand die mijn oma naar de kapper brengt", "vervoer"),
    ("onkruid tussen de tegels", "tuin"),
    ("mijn katten", "huisdieren"),
    ("een lampje vervangen", "klusjes"),
    ("samen een rondje lopen", "gezelschap"),
    ("de DigiD", "computer"),
    ("belasting", "formulieren"),
    ("tuin. of nee, toch liever klusjes", "klusjes"),
    ("gezelschap, sorry ik bedoel vervoer", "vervoer"),
    ("geen boodschappen maar de hond", "huisdieren"),
    ("anders", "anders"),
    ("iets anders: oppassen op de kleinkinderen", "anders"),
    ("shopping please", "boodschappen"),
    ("alışveriş", "boodschappen"),
    ("bahçe", "tuin"),
    ("التسوق", "boodschappen"),
    ("zakupy", "boodschappen"),
    ("комп'ютер", "computer"),
]


@pytest.mark.parametrize(("text", "kind"), CATEGORY)
def test_category_answer(text: str, kind: str) -> None:
    found, confidence = answers.read_category(text, "nl")
    assert found == kind
    assert confidence >= 0.5


@pytest.mark.parametrize("text", ["", "weet ik niet", "12", "👍", "hmm"])
def test_no_category_in_an_answer_without_one(text: str) -> None:
    assert answers.read_category(text, "nl") == (None, 0.0)


def test_the_list_order_is_data_and_starts_as_the_corpus_says() -> None:
    assert categories.order()[:2] == ("boodschappen", "vervoer")
    assert len(set(categories.order())) == len(categories.order()) == 9


def test_every_kind_an_offer_names() -> None:
    said = "ik kan boodschappen doen, ik heb een auto en ik ben handig met een boormachine"
    assert categories.kinds_in(said) == ["boodschappen", "vervoer", "klusjes"]
    assert categories.kinds_in("geen idee") == []


# ---------------------------------------------------------------- words about the conversation itself

ANY_STATE = [
    ("STOP", "stop", None),
    ("stop aub", "stop", None),
    ("ik wil me afmelden", "stop", None),
    ("laat mij toch met rust", "stop", None),
    ("verwijder mijn nummer alsjeblieft", "stop", None),
    ("leave me alone", "stop", None),
    ("Przestańcie pisać", "stop", None),
    ("ik wil iemand spreken", "human", None),
    ("bel me maar", "human", None),
    ("kan ik met een medewerker praten?", "human", None),
    ("I want to speak to a human", "human", None),
    ("biriyle konuşmak istiyorum", "human", None),
    ("menu", "menu", None),
    ("terug naar het menu graag", "menu", None),
    ("oeps verkeerde knop", "menu", None),
    ("ik wil helemaal opnieuw", "menu", None),
    ("go back to the start", "menu", None),
    ("in het engels graag", "language", "en"),
    ("English please", "language", "en"),
    ("kunt u arabisch praten?", "language", "ar"),
    ("Do you speak Polish?", "language", "pl"),
    ("Türkçe konuşabilir miyiz", "language", "tr"),
    ("ممكن نهضر بالدارجة؟", "language", "ar"),
    ("po polsku prosze", "language", "pl"),
    ("Можете писати українською?", "language", "uk"),
    ("mag het weer in het nederlands", "language", "nl"),
]


@pytest.mark.parametrize(("text", "wanted", "language"), ANY_STATE)
def test_words_about_the_conversation(text: str, wanted: str, language: str | None) -> None:
    said = intent.read_any_state(text, "nl")
    assert said is not None
    assert (said.intent, said.language) == (wanted, language)


def test_not_understanding_the_language_asks_for_ones_own() -> None:
    said = intent.read_any_state("sorry I don't speak Dutch", "en")
    assert said is not None and (said.intent, said.language) == ("language", "en")


ORDINARY = [
    "nee",
    "nee hoor",
    "bij de bushalte",
    "ik stop met roken en zoek iemand om mee te wandelen",
    "ik ben gestopt met werken",
    "de stopcontacten in de keuken",
    "ja",
    "dinsdag om 3 uur",
    "2",
    "mijn kat heet Menu",
    "ik heb een Turkse buurvrouw",
    "de brief is in het Engels geschreven door de gemeente en ik snap hem niet",
    "boodschappen",
    "👍",
    "",
    "call me Mo",
    "kan iemand mij Engels leren",
    "ik wil er even uit met iemand, een wandeling",
    "ik heb echt iemand nodig voor de boodschappen",
    "ik ben bij de medewerker van de thuiszorg geweest",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_answers_are_not_about_the_conversation(text: str) -> None:
    assert intent.read_any_state(text, "nl") is None


# ---------------------------------------------------------------- plain words for the commands

COMMANDS = [
    ("ik wil mijn vragen zien", "my_requests"),
    ("mijn hulpvragen bekijken", "my_requests"),
    ("mag mijn nummer gedeeld worden", "share_number"),
    ("deel mijn telefoonnummer maar", "share_number"),
    ("ik wil al mijn gegevens laten verwijderen", "erase"),
    ("wis mijn gegevens", "erase"),
    # Session 27: other verbs of getting rid of one's data.
    ("ik wil dat jullie alles van mij weggooien", "erase"),
    ("gooi alles van mij maar weg", "erase"),
    # Session 29: "ik wil dat jullie ..." before the command's own words.
    ("ik wil dat jullie al mijn gegevens wissen", "erase"),
    ("mag mijn dochter ook mijn berichten zien?", "circle"),
    ("kan ik mijn vraag nog veranderen?", "my_requests"),
    ("mijn gegevens vernietigen graag", "erase"),
    ("wat weten jullie over mij?", "my_data"),
    ("wat is er te doen deze week", "agenda"),
    ("ik wil even een pauze", "pause"),
    ("ik ben er weer", "resume"),
    ("laat me met rust", "stop"),
    ("het is gelukt, dank je", "close_thread"),
    ("klaar", "close_thread"),
    ("wat heb ik allemaal gevraagd", "my_requests"),
    ("stuur me een kopie van mijn gegevens", "export"),
    ("toestemming intrekken graag", "withdraw_consent"),
    ("ik wil een klacht indienen", "report"),
    ("kan ik met iemand praten", "human"),
    ("hoofdmenu", "menu"),
    ("English please", "lang_en"),
    ("waar kan ik terecht", "social_map"),
    ("laat maar zitten", "cancel"),
    ("mijn herinneringen", "my_reminders"),
    ("ik ben mantelzorger", "care"),
    ("kunnen we afspreken", "meeting"),
]


@pytest.mark.parametrize(("text", "command"), COMMANDS)
def test_plain_words_for_commands(text: str, command: str | None) -> None:
    assert intent.command_in(text, "nl") == command


def test_command_words_inside_a_longer_request_are_not_a_command() -> None:
    said = "ik wil mijn vragen zien maar eerst wil ik weten wie er morgen mijn boodschappen doet"
    assert intent.command_in(said, "nl") is None
    assert (
        intent.command_in("kan iemand mijn printer instellen zodat ik mijn gegevens kan printen", "nl")
        is None
    )


# ---------------------------------------------------------------- the phrase syntax and speed


def test_phrase_syntax() -> None:
    import re

    pattern = re.compile(compile_phrase("kan|kunt [er] iemand ... helpen"))
    assert pattern.fullmatch("kan er iemand mij morgen helpen")
    assert pattern.fullmatch("kunt iemand helpen")
    assert not pattern.fullmatch("kan er iemand mij morgen om drie uur helpen")
    assert re.compile(compile_phrase("boodschap*")).fullmatch("boodschappen")
    assert re.compile(compile_phrase("اوراق")).fullmatch(normal("فالأوراق"))
    assert strip_edges("hoofdmenu pls", ["pls"]) == "hoofdmenu"


def test_warm_up_loads_everything_without_error() -> None:
    intent.warm_up()
    assert intent.read_intent("hallo", "nl").intent == "greeting"
