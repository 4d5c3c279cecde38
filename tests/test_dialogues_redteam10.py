# ruff: noqa: RUF001
"""Red team of whole conversations, round 10: people who write in Turkish, Arabic, Polish, Ukrainian
and English, from their first message on (round 7: tests/test_dialogues_redteam7.py).

FIGURES AND MECHANISMS: see the end of this docstring (written after scoring).

Replayed through `flows.conversation.step` with the golden transcripts' fixed clock (Monday 23 November
2026, 10:00 UTC); each dialogue is data (tests/dialogue_redteam_support.py). A turn's "lang" says the
language everything the person receives in that turn must be in: the state's language, every reply's
text and lead and every choice label taken from that language's own catalogue text (not a fallback),
and no Dutch words of the bot's own in the rendered text (a neighbour's relayed words aside).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from flows import catalogue
from flows.conversation import new_state
from flows.profile import after
from flows.types import Event
from tests.dialogue_redteam_support import CLOCK, RIA, Dialogue, check_turn, event_of, menu_state
from tests.redteam_support import every_earlier_string

D = Dialogue
MISSES = ["not_understood"]  # and any key ending in "_again" (checked in `run`, unless "again_ok")
NEW: dict[str, Any] = {}  # a person who has never written before


def first(lang: str = "nl") -> dict[str, Any]:
    """The state of someone whose first message has not arrived yet (the channel's hint: Dutch)."""
    return new_state(lang)


def in_lang(lang: str, **expect: Any) -> dict[str, Any]:
    """A turn that must be wholly in `lang`, and not a miss unless the turn says otherwise."""
    return {"lang": lang, "not_keys": MISSES, **expect}


# Words of the bot's own Dutch that no text in another language should carry (not "ja", "je", "de":
# Polish and Turkish words too).
DUTCH_WORDS = frozenset(
    "jouw wilt graag vraag vragen niet het een morgen vandaag maandag dinsdag woensdag donderdag vrijdag"
    " zaterdag zondag ochtend middag avond boodschappen bedankt wanneer waar buurt klopt verstuur"
    " annuleren alleen helpt dringend noteer".split()
)


def language_problems(lang: str, result: Any) -> list[str]:
    """What of one turn's replies to the person is not in `lang`."""
    problems = []
    if result.state.get("lang") != lang:
        problems.append(f"state lang {result.state.get('lang')!r}, not {lang!r}")
    for reply in result.replies:
        if reply.to_person is not None:
            continue
        for key in (reply.key, reply.lead):
            if key and catalogue.source_language(key, lang) != lang:
                problems.append(f"{key} falls back to {catalogue.source_language(key, lang)}")
        for choice in reply.choices:
            if choice.label is None and catalogue.source_language(choice.label_key, lang) != lang:
                problems.append(f"label {choice.label_key} not in {lang}")
        if lang != "nl":
            params = {
                name: "" if name in ("text", "description") else value for name, value in reply.params.items()
            }
            text = catalogue.message_with_lead(reply.key, lang, params, lead=reply.lead)
            dutch = set(re.findall(r"\w+", text.casefold())) & DUTCH_WORDS
            if dutch:
                problems.append(f"Dutch words {sorted(dutch)} in {text[:120]!r}")
    return problems


def run(dialogue: Dialogue) -> list[list[str]]:
    """The problems of each turn, in order (the support's checks and the language check)."""
    from tests.golden_runner import profile_from

    state = dict(dialogue.state)
    profile = profile_from(dict(dialogue.profile))
    out = []
    for sent, expect in dialogue.turns:
        from flows.conversation import step

        event: Event = event_of(sent)
        result = step(state, event, CLOCK, profile)
        profile = after(profile, result.effects)
        state = result.state
        problems = check_turn(expect, result)
        if "lang" in expect:
            problems += language_problems(expect["lang"], result)
            again = [r.key for r in result.replies if r.key.endswith("_again") or r.lead == "not_understood"]
            if again and not expect.get("again_ok"):
                problems.append(f"asked again: {again}")
        out.append(problems)
    return out


def score(dialogues: list[Dialogue]) -> tuple[int, int, int, int]:
    """(turns as expected, turns, dialogues fully as expected, dialogues)."""
    good = total = whole = 0
    for dialogue in dialogues:
        problems = run(dialogue)
        good += sum(1 for p in problems if not p)
        total += len(problems)
        whole += all(not p for p in problems)
    return good, total, whole, len(dialogues)


def as_params(dialogues: list[Dialogue]) -> list[Any]:
    return [
        pytest.param(d, id=d.name, marks=[pytest.mark.xfail(reason=d.gap, strict=True)] if d.gap else [])
        for d in dialogues
    ]


def assert_holds(dialogue: Dialogue) -> None:
    problems = run(dialogue)
    assert all(not p for p in problems), [(i, p) for i, p in enumerate(problems) if p]


# A matched neighbour who writes Dutch, the thread with her, and the meeting's "did it happen?".
THREAD = {"id": 5, "other_name": "Marieke", "category": "boodschappen", "status": "open"}
MATCH = {
    "internal": "match_found",
    "meta": {"thread_id": 5, "name": "Marieke", "category": "boodschappen", "when": {"kind": "asap"}},
}
RELAYED = {
    "internal": "relayed",
    "meta": {"thread_id": 5, "name": "Marieke", "text": "Hallo! Ik kan donderdag om 2 uur. Is dat goed?"},
}
MEETING = {
    "id": 9,
    "thread_id": 5,
    "name": "Marieke",
    "host": "Marieke",
    "host_is_me": False,
    "centre": "",
    "place_kind": "home",
    "place_text": None,
    "starts_at": "2026-11-21T13:00:00+00:00",
    "zone": "Europe/Amsterdam",
    "status": "agreed",
    "recurring": False,
    "role": "requester",
}
CHECK = {"internal": "meet_check", "meta": {"meeting": MEETING}}
OPEN = {
    "id": 21,
    "category": "boodschappen",
    "description": "zakupy",
    "when": {"kind": "asap"},
    "status": "open",
}


def person(lang: str, **more: Any) -> dict[str, Any]:
    return {
        **RIA,
        "first_name": {"tr": "Fatma", "ar": "Khadija", "pl": "Krystyna", "uk": "Halyna"}.get(lang, "Ria"),
        **more,
    }


# Batch 1, written before reading the flows in detail: first contact in one's own language and the
# journey on, switching language, times in one's own words, repair.
BATCH_1 = [
    D(
        "Turkish first contact with age and a doctor's visit, through onboarding to the summary",
        (
            (
                "Merhaba, ben 78 yaşındayım, yarın doktora gitmem lazım, biri benimle gelebilir mi?",
                in_lang("tr", keys=["ask_name"], restart_ok=True),
            ),
            ("Fatma", in_lang("tr", keys=["ask_neighbourhood"])),
            ("Bloemhof", in_lang("tr", keys=["consent*"])),
            ("evet", in_lang("tr", effect=["record_consent"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Arabic first contact about shopping on Thursday, a postcode in Arabic-Indic digits",
        (
            (
                "السلام عليكم، أحتاج مساعدة في التسوق يوم الخميس من فضلكم",
                in_lang("ar", keys=["ask_name"], restart_ok=True),
            ),
            ("خديجة", in_lang("ar", keys=["ask_neighbourhood"])),
            (
                "٧٣٩٣",
                in_lang(
                    "ar", keys=["consent*"], effect_has={"update_profile": {"neighbourhood": "oude_haven"}}
                ),
            ),
            ("نعم", in_lang("ar", effect=["record_consent"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Polish first contact, then 'o wpół do trzeciej w czwartek' at the when-question",
        (
            (
                "Dzień dobry, potrzebuję kogoś do pomocy z zakupami",
                in_lang("pl", keys=["ask_name"], restart_ok=True),
            ),
            ("Krystyna", in_lang("pl", keys=["ask_neighbourhood"])),
            ("Molenwijk", in_lang("pl", keys=["consent*"])),
            ("tak", in_lang("pl", effect=["record_consent"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Ukrainian in Cyrillic, first contact with age and Friday",
        (
            (
                "Доброго дня! Мені 81 рік, чи може хтось допомогти з покупками в п'ятницю?",
                in_lang("uk", keys=["ask_name"], restart_ok=True),
            ),
            ("Галина", in_lang("uk", keys=["ask_neighbourhood"])),
            ("Де Аккерс", in_lang("uk", keys=["consent*"])),
            ("так, згодна", in_lang("uk", effect=["record_consent"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Ukrainian in Latin letters, first contact",
        (
            (
                "Dobryi den, meni potribna dopomoha z pokupkamy, bud laska",
                in_lang("uk", keys=["ask_name"], restart_ok=True),
            ),
            ("Oksana", in_lang("uk", keys=["ask_neighbourhood"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "English first contact, Dutch not good, a letter from the council",
        (
            (
                "Hello, sorry my Dutch is not good. I got a letter from the gemeente and need help to understand it",
                in_lang("en", keys=["ask_name"], restart_ok=True),
            ),
            ("I'm Grace", in_lang("en", keys=["ask_neighbourhood"])),
            ("7391 AB", in_lang("en", keys=["consent*"])),
            ("yes that's fine", in_lang("en", effect=["record_consent"])),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "a Turkish greeting alone, then the request: Turkish from the first reply on",
        (
            ("Merhaba, iyi günler", in_lang("tr", restart_ok=True)),
            ("annemle hastaneye gidecek birine ihtiyacım var", in_lang("tr")),
        ),
        state=first(),
        profile=NEW,
    ),
    D(
        "Polish through the whole request: what, 'w czwartek o wpół do trzeciej', where, urgency, who sees, send",
        (
            ("1", in_lang("pl", keys=["ask_category"])),
            ("1", in_lang("pl", keys=["ask_description"])),
            ("chleb, mleko i ziemniaki z Albert Heijn", in_lang("pl", keys=["ask_when"])),
            (
                "czwartek, o wpół do trzeciej",
                in_lang("pl", keys=["when_understood", "ask_urgency"], says=["14:30"]),
            ),
            ("w tym tygodniu, nie pilne", in_lang("pl", keys=["ask_visibility"])),
            ("tylko ta osoba, która pomoże", in_lang("pl", keys=["ask_summary"])),
            ("tak, wyślij", in_lang("pl", effect=["create_request"])),
        ),
        state=menu_state("pl"),
        profile=person("pl"),
    ),
    D(
        "Ukrainian: 'у четвер о пів на третю' at the when-question",
        (
            ("1", in_lang("uk")),
            ("1", in_lang("uk")),
            ("купити ліки в аптеці", in_lang("uk", keys=["ask_when"])),
            ("у четвер о пів на третю", in_lang("uk", keys=["when_understood"], says=["14:30"])),
        ),
        state=menu_state("uk"),
        profile=person("uk"),
    ),
    D(
        "Turkish: 'perşembe saat üçte' at the when-question is Thursday 15:00",
        (
            ("1", in_lang("tr")),
            ("2", in_lang("tr")),
            ("göz doktoruna gitmem lazım", in_lang("tr", keys=["ask_when"])),
            ("perşembe saat üçte", in_lang("tr", keys=["when_understood"], says=["15:00"])),
        ),
        state=menu_state("tr"),
        profile=person("tr"),
    ),
    D(
        "Arabic: 'الخميس الساعة ٣' with an Arabic-Indic digit at the when-question",
        (
            ("1", in_lang("ar")),
            ("1", in_lang("ar")),
            ("خبز وحليب", in_lang("ar", keys=["ask_when"])),
            ("الخميس الساعة ٣", in_lang("ar", keys=["when_understood"], says=["15:00"])),
        ),
        state=menu_state("ar"),
        profile=person("ar"),
    ),
    D(
        "'can we speak English?' at a Dutch when-question: English, and the question again",
        (
            ("1", {}),
            ("1", {}),
            ("boodschappen doen bij de Jumbo", {"keys": ["ask_when"]}),
            ("can we speak English please?", in_lang("en", keys=["ask_when"])),
            ("friday morning would be good", in_lang("en", keys=["when_understood"])),
        ),
        profile=person("en"),
    ),
    D(
        "'türkçe yazabilir misin?' at the Dutch menu: Turkish from then on",
        (
            ("türkçe yazabilir misin?", in_lang("tr")),
            ("bir konuda yardım istiyorum", in_lang("tr")),
        ),
        profile=person("tr"),
    ),
    D(
        "a Dutch when-question answered in Arabic: read, and Arabic from then on",
        (
            ("1", {}),
            ("1", {}),
            ("brood en melk", {"keys": ["ask_when"]}),
            ("يوم الجمعة في الصباح", in_lang("ar", keys=["when_understood"])),
        ),
        profile=person("ar"),
    ),
    D(
        "an unclear Turkish answer at the when-question: the question again in Turkish, not the menu",
        (
            ("1", in_lang("tr")),
            ("1", in_lang("tr")),
            ("ekmek ve süt", in_lang("tr", keys=["ask_when"])),
            ("hmm bilemedim", {"lang": "tr", "keys": ["ask_when*"], "not_keys": ["menu"], "again_ok": True}),
            ("cuma sabah", in_lang("tr", keys=["when_understood"])),
        ),
        state=menu_state("tr"),
        profile=person("tr"),
    ),
    D(
        "MIJN VRAGEN asked in Polish words: her request, in Polish",
        (("pokaż moje prośby", in_lang("pl", not_keys=["ask_*", *MISSES])),),
        state=menu_state("pl"),
        profile=person("pl", open_requests=[OPEN]),
    ),
    D(
        "Ukrainian: a match, the Dutch neighbour's message, an answer passed on, then 'did it happen?'",
        (
            (MATCH, in_lang("uk", keys=["match_found"])),
            (RELAYED, in_lang("uk", keys=["relay"])),
            ("так, четвер о другій мені підходить, дякую", {"lang": "uk", "effect": ["relay"]}),
            (CHECK, in_lang("uk", keys=["meet_check"])),
            ("так, все було добре, дуже дякую", in_lang("uk", keys=["meet_again"], again_ok=True)),
        ),
        state=menu_state("uk"),
        profile=person("uk", threads=[THREAD]),
    ),
    D(
        "Arabic in a thread: 'did it happen?' answered 'لا، ما جاتش'",
        (
            (CHECK, in_lang("ar", keys=["meet_check"])),
            ("لا، ما جاتش", in_lang("ar", keys=["meet_not_happened"])),
        ),
        state=menu_state("ar"),
        profile=person("ar", threads=[THREAD]),
    ),
    D(
        "a Turkish-Dutch mix at first contact: Turkish",
        (
            (
                "Selam, yarın boodschappen için yardım lazım, dizim ağrıyor",
                in_lang("tr", keys=["ask_name"], restart_ok=True),
            ),
        ),
        state=first(),
        profile=NEW,
    ),
]


def test_strings_are_new() -> None:
    ours = {
        sent.casefold() for d in BATCH_1 for sent, _ in d.turns if isinstance(sent, str) and len(sent) > 12
    }
    assert not ours & every_earlier_string(__file__)


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue)
