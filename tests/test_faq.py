"""Questions about Voordeur itself (flows/faq.py): a short, honest answer, and the conversation goes on.

Before: "ben je een robot?" and "wie ben jij eigenlijk?" at the menu got the bare menu, "ben jij een echt
mens?" and "wat is een buurtverbinder?" a staff call-back request, "is dit gratis?" the menu and a miss
(after three, "Het lukt zo niet goed. Iemand van ons team belt je snel.").
"""

from __future__ import annotations

from typing import Any

import pytest

from flows import catalogue, faq
from tests.dialogue_redteam_support import RIA, menu_state, replay_texts

# (language, message, topic): at the menu of a resident who is known already.
AT_MENU = [
    ("nl", "ben je een robot?", "bot"),
    ("nl", "Ben jij een echt mens?", "bot"),
    ("nl", "praat ik nou met een computer", "bot"),
    ("nl", "wie ben jij eigenlijk?", "who"),
    ("nl", "wie zitten er achter voordeur?", "who"),
    ("nl", "hoe komen jullie aan mijn nummer?", "who"),
    ("nl", "is dit gratis?", "cost"),
    ("nl", "wat kost het", "cost"),
    ("nl", "moet ik de vrijwilliger betalen?", "cost"),
    ("nl", "wat is een buurtverbinder?", "buurtverbinder"),
    ("nl", "wat doet het buurtteam eigenlijk", "buurtverbinder"),
    ("nl", "is er ook een telefoonnummer?", "call"),
    # Session 29: who sees one's number started a request.
    ("nl", "wie kan mijn nummer zien?", "privacy"),
    ("nl", "krijgt de vrijwilliger mijn nummer?", "privacy"),
    ("en", "will the volunteer get my number?", "privacy"),
    ("pl", "kto widzi mój numer?", "privacy"),
    ("uk", "хто бачить мій номер?", "privacy"),
    ("ar", "من يرى رقمي؟", "privacy"),
    ("tr", "numaramı kim görür?", "privacy"),  # noqa: RUF001
    ("nl", "wie kan mijn berichten lezen?", "privacy"),
    ("nl", "lezen jullie mee?", "privacy"),
    ("nl", "is dit wel veilig?", "privacy"),
    ("nl", "hoe lang bewaren jullie mijn gegevens?", "keep"),
    ("en", "how long do you keep my data?", "keep"),
    ("nl", "werkt dit ook als ik geen internet heb?", "channels"),
    ("nl", "heb ik een smartphone nodig?", "channels"),
    ("pl", "czy to działa bez internetu?", "channels"),
    ("nl", "hoeveel vrijwilligers zijn er in mijn wijk?", "helpers"),
    ("uk", "скільки волонтерів?", "helpers"),
    ("en", "are you a bot?", "bot"),
    ("en", "is this free?", "cost"),
    ("en", "who are you?", "who"),
    ("tr", "robot musunuz?", "bot"),
    ("tr", "bu ücretsiz mi?", "cost"),
    ("tr", "siz kimsiniz?", "who"),
    ("pl", "czy jesteś robotem?", "bot"),
    ("pl", "ile to kosztuje?", "cost"),
    ("pl", "kim jesteście?", "who"),
    ("uk", "ви бот?", "bot"),
    ("uk", "це безкоштовно?", "cost"),
    ("uk", "хто ви?", "who"),
    ("ar", "هل أنت روبوت؟", "bot"),
    ("ar", "هل هذا مجاني؟", "cost"),
    ("ar", "من أنتم؟", "who"),
]


def _keys(result: Any) -> list[str]:
    return [reply.key for reply in result.replies]


@pytest.mark.parametrize(("lang", "text", "topic"), AT_MENU)
def test_a_question_about_us_at_the_menu_is_answered_then_the_menu(lang: str, text: str, topic: str) -> None:
    [result] = replay_texts([text], menu_state(lang), dict(RIA))
    assert _keys(result) == [f"faq_{topic}", "menu"]
    assert not result.effects, "no staff call-back, no human request"


@pytest.mark.parametrize(
    ("text", "first_keys"),
    [
        ("kan iemand gratis mijn tuin doen?", ["ask_"]),  # a request that says "gratis"
        ("wie kan mij helpen met boodschappen?", []),  # the sociale kaart's question, as before
        ("is dit gratis? ik zoek hulp met mijn tuin", ["ask_"]),
        ("wat kost een taxi naar het ziekenhuis", []),
        ("ik zoek een robotstofzuiger", []),
    ],
)
def test_requests_and_other_questions_are_not_questions_about_us(text: str, first_keys: list[str]) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert not any(key.startswith("faq_") for key in _keys(result))
    for prefix in first_keys:
        assert any(key.startswith(prefix) for key in _keys(result)), _keys(result)


@pytest.mark.parametrize(
    "text", ["ik wil een mens spreken", "kan ik iemand bellen", "ik wil de buurtverbinder spreken"]
)
def test_asking_for_a_person_still_asks_for_one(text: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert "human_requested" in _keys(result)


def test_a_crisis_beside_the_question_stays_a_crisis() -> None:
    [result] = replay_texts(["ben jij een echt mens? ik wil niet meer leven"], menu_state(), dict(RIA))
    assert _keys(result)[0] == "crisis_suicide"


def test_in_the_middle_of_a_question_it_is_answered_and_the_question_comes_again() -> None:
    asked, about, answered = replay_texts(["1", "wat kost dat?", "boodschappen"], menu_state(), dict(RIA))
    assert _keys(asked) == ["ask_category"]
    assert _keys(about) == ["faq_cost", "ask_category"], "no miss, no 'ik begreep het niet'"
    assert _keys(answered) == ["ask_description"]


def test_a_first_message_is_welcomed_answered_and_onboarding_begins() -> None:
    [result] = replay_texts(["Is dit gratis?"], {}, {})
    assert _keys(result) == ["welcome", "faq_cost", "ask_name"]
    [robot] = replay_texts(["ben jij een echt mens?"], {}, {})
    assert _keys(robot) == ["welcome", "faq_bot", "ask_name"] and not robot.effects


def test_the_phone_answer_gives_the_buurtverbinder_number_only_where_the_data_has_one() -> None:
    # The demo municipality has no number (flows/data/municipality_demo.toml): MENS has someone call.
    assert [reply.key for reply in faq.answer("call")] == ["faq_call"]


@pytest.mark.parametrize("topic", [*faq.TOPICS, "call_number"])
@pytest.mark.parametrize("lang", catalogue.LANGUAGES)
def test_every_answer_exists_in_every_language_and_fits_an_sms(topic: str, lang: str) -> None:
    text = catalogue.render(f"faq_{topic}", lang, {"phone": "085 201 0100"})
    assert text and "{" not in text
    assert len(text) <= 160 if lang == "nl" else True


def test_a_volunteer_first_message_hears_the_offer_is_kept_not_a_request() -> None:
    """ "ik wil graag vrijwilliger worden" used to hear "Daarna zetten we je vraag uit" (a request's)."""
    [result] = replay_texts(["ik wil graag vrijwilliger worden"], {}, {})
    assert _keys(result) == ["welcome", "offer_kept_onboarding", "ask_name"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ik heb op dinsdag en donderdag tijd om te helpen", "offer_categories"),
        ("hoe gaat het met mijn vraag?", "no_requests"),
        ("al nieuws over mijn hulpvraag?", "no_requests"),
    ],
)
def test_offers_and_status_questions_said_in_sentences_at_the_menu(text: str, key: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert key in _keys(result)


def test_no_time_to_help_is_no_offer() -> None:
    [result] = replay_texts(["ik heb helaas geen tijd om te helpen"], menu_state(), dict(RIA))
    assert "offer_categories" not in _keys(result)


def test_a_whole_request_typed_at_the_menu_question_keeps_what_it_says() -> None:
    """After "Wat wil je doen?" a request in a sentence was read as the choice "Hulp vragen" and the ask
    flow began from scratch ("Waarmee zoek je hulp?"); the kind of help said is kept now."""
    lonely = "ik ben alleen en zou graag iemand hebben om koffie mee te drinken"
    _, told = replay_texts(["hallo", lonely], menu_state(), dict(RIA))
    assert _keys(told) == ["ask_when"]
    assert told.state["ask"]["category"] == "gezelschap"
    _, plain = replay_texts(["hallo", "hulp vragen"], menu_state(), dict(RIA))
    assert _keys(plain) == ["ask_category"], "the label alone is the choice, as before"


@pytest.mark.parametrize(
    "text", ["ik heb een vraag", "hallo, mag ik iets vragen?", "i have a question", "mam pytanie"]
)
def test_announcing_a_question_is_answered_kindly_before_the_menu(text: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert [(reply.key, reply.lead) for reply in result.replies] == [("menu", "smalltalk_question_coming")]


def _with_request() -> dict[str, Any]:
    profile = dict(RIA)
    when = {"kind": "moment", "start": "2026-11-24T09:00:00+00:00"}
    profile["open_requests"] = [
        {"id": 5, "category": "boodschappen", "description": "melk en brood", "when": when, "status": "open"}
    ]
    return profile


@pytest.mark.parametrize(
    "text",
    [
        "ik wil het toch niet meer",
        "mijn vraag mag weg",
        "het hoeft niet meer, mijn dochter komt al",
        "laat maar",
    ],
)
def test_cancelling_in_words_with_a_request_out_asks_whether_to_cancel_it(text: str) -> None:
    """It said "Er is nu niets om te annuleren" (or "Dat begreep ik niet helemaal") with a request out."""
    asked, cancelled = replay_texts([text, "ja"], menu_state(), _with_request())
    assert _keys(asked) == ["cancel_request_question"]
    assert [(e.kind, dict(e.data)) for e in cancelled.effects] == [("cancel_request", {"request_id": 5})]


def test_without_a_request_there_is_still_nothing_to_cancel() -> None:
    [result] = replay_texts(["laat maar"], menu_state(), dict(RIA))
    assert _keys(result)[0] == "nothing_to_cancel"


@pytest.mark.parametrize(
    "text",
    [
        "wat kan ik hier allemaal doen?",
        "hoe werkt dit eigenlijk",
        "wat is dit voor nummer?",
        "wat kunnen jullie allemaal voor mij doen?",
    ],
)
def test_what_one_can_do_here_is_explained_then_the_menu(text: str) -> None:
    """Before (session 27): "Dat begreep ik niet helemaal. Wat wil je doen?"; now HELP's answer, the
    menu's question still open."""
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert _keys(result) == ["info"]
    assert result.state.get("step") == menu_state().get("step")


@pytest.mark.parametrize(
    "text",
    [
        "is er iets te doen in de buurt deze week?",
        "wat valt er te doen in de buurt dit weekend?",
        "zijn er activiteiten deze week",
        "Is er wat leuks te doen dit weekend",
    ],
)
def test_what_is_on_said_with_where_and_when_shows_the_agenda(text: str) -> None:
    """Before (session 27): longer than a command's eight words, or said as "is er iets te doen", these
    got "Dat begreep ik niet helemaal"; the agenda's lookup is what was asked."""
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert [effect.kind for effect in result.effects] == ["agenda_lookup"], _keys(result)


@pytest.mark.parametrize(
    "text", ["ik wil iets doen aan mijn tuin, wat is er te doen", "wat is dit voor brief, kan iemand helpen"]
)
def test_a_request_beside_such_words_is_no_question_about_us(text: str) -> None:
    [result] = replay_texts([text], menu_state(), dict(RIA))
    assert not any(key.startswith("faq_") for key in _keys(result)), _keys(result)
