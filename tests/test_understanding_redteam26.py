# Messages are kept whole and as typed (Turkish dotless i, Cyrillic letters).
# ruff: noqa: RUF001, RUF003
"""Red-team set 26 (round services26): what people ask at the menu besides help from a neighbour.

Service questions for the sociale kaart (advice about dementia, a wheelchair or a mobility scooter, debts,
juridisch advies, the voedselbank), questions about activities (the agenda), wishes for a person of the team,
complaints about the help or a volunteer, and praise for a helper; in Dutch (with SMS spelling), English,
Turkish, Arabic (with Moroccan Arabic in Latin letters), Polish and Ukrainian; with look-alikes that must keep
their reading (a request that names a service's word, "kan iemand mij naar de huisarts brengen", stays a
request for vervoer; "klachten" about one's health are no complaint). Each message is sent at the menu of a
known resident (Ria) through `flows.conversation.step`.

Figures (messages read as expected / messages):
- Batch 1 (48, written before the reading code was studied), on main (e332269): 26/48. By kind: services
  8/18, activities 7/8, a person 7/8, complaints 0/8 (four started the OFFER flow, "klacht over een
  vrijwilliger"), praise 0/2, look-alikes 4/4. By language: nl 14/26, en 2/6, tr 3/5, ar 2/3, pl 2/4, uk 3/4.
- Batch 2 (38, held out): before its fixes 27/38 (main 23/38); see BATCH_2's comment. After: 48/48, 38/38.

Mechanisms (flows/understanding/data/intents.toml "round services26", intent.py, first_contact.py,
social_map.py, names.py):
- Complaints (`complaint` group, read right after stop): heard kindly (`complaint_heard`) and passed on
  (alert_staff kind "complaint", ranked with a person asked for); when reachable, said next, is noted.
  "klachten" alone is not one (health). Praise for a helper (`compliment`): thanked for, alert "compliment".
- Service questions: the opening ("waar kan ik") may begin a later clause after the story; aids
  (rolstoel, scootmobiel, rollator) with a word of getting; where-to-get words in every language.
- A request for help with papers that names debts (aanmaningen, deurwaarder, incasso, achterstand) stays
  the neighbour request and names schuldhulp before its first question (`ask_debt_hint`).
- A name typed all in capitals: the particles vouch for the surname ("ANNE-MARIE VAN DIJK").
"""

from __future__ import annotations

from typing import Any

import pytest

from flows.conversation import new_state, step
from flows.profile import after
from flows.types import Event
from tests.dialogue_redteam_support import CLOCK, RIA, menu_state
from tests.golden_runner import profile_from
from tests.redteam_support import every_earlier_string

# (kind, lang, text). Kinds: S a service (map_lookup), A an activity (agenda), P a person (request_human),
# C a complaint (alert complaint), K praise (no miss, no offer or request), L:ask / L:offer a look-alike.
BATCH_1: list[tuple[str, str, str]] = [
    ("S", "nl", "mijn moeder heeft dementie, waar kan ik advies krijgen?"),
    ("S", "nl", "hoe kom ik aan een rolstoel?"),
    ("S", "nl", "mijn vader wordt vergeetachtig, bij wie kan ik terecht voor hulp"),
    ("S", "nl", "waar vraag ik een scootmobiel aan"),
    ("S", "nl", "ik heb schulden en weet niet meer waar ik moet beginnen, welke instantie helpt daarbij"),
    ("S", "nl", "is er ergens een voedselbank in de buurt"),
    ("S", "nl", "wie kan mij helpen met de huurtoeslag aanvragen? is daar een loket voor"),
    ("S", "nl", "wr kn ik terecht voor een rollator"),
    ("S", "nl", "ik zoek een maatschappelijk werker"),
    ("S", "nl", "kan ik ergens gratis juridisch advies krijgen"),
    ("S", "en", "my mum has dementia, where can I get advice?"),
    ("S", "en", "how do I get a wheelchair"),
    ("S", "tr", "annem için tekerlekli sandalye nereden alabilirim"),
    ("S", "tr", "borçlarım var, nereye başvurabilirim"),
    ("S", "ar", "أين يمكنني الحصول على مساعدة في الديون؟"),
    ("S", "ar", "fin n9dar nl9a musa3ada f diyoun"),
    ("S", "pl", "gdzie mogę dostać wózek inwalidzki?"),
    ("S", "uk", "де можна отримати консультацію щодо боргів?"),
    ("A", "nl", "zijn er deze week activiteiten in de buurt"),
    ("A", "nl", "wanneer is de volgende koffieochtend"),
    ("A", "nl", "is er iets leuks te doen voor ouderen zaterdag"),
    ("A", "nl", "wat organiseren jullie allemaal"),
    ("A", "en", "are there any activities this weekend"),
    ("A", "tr", "bu hafta mahallede etkinlik var mı"),
    ("A", "pl", "czy są jakieś zajęcia w tym tygodniu?"),
    ("A", "uk", "які заходи є цього тижня?"),
    ("P", "nl", "kan ik iemand van het buurtteam bellen"),
    ("P", "nl", "ik wil graag met een echt persoon praten"),
    ("P", "nl", "mag ik een medewerker aan de lijn"),
    ("P", "en", "can I talk to a real person please"),
    ("P", "tr", "bir insanla konuşmak istiyorum"),
    ("P", "ar", "أريد التحدث مع شخص حقيقي"),
    ("P", "pl", "czy mogę porozmawiać z prawdziwym człowiekiem, proszę"),
    ("P", "uk", "можна поговорити з живою людиною?"),
    ("C", "nl", "ik wil een klacht indienen over een vrijwilliger"),
    ("C", "nl", "ik ben ontevreden over de hulp die ik kreeg"),
    ("C", "nl", "de vrijwilliger is niet komen opdagen en heeft niks laten weten, daar wil ik over klagen"),
    ("C", "nl", "ik heb een klacht"),
    ("C", "en", "I want to make a complaint about the volunteer"),
    ("C", "tr", "gönüllü hakkında şikayet etmek istiyorum"),
    ("C", "pl", "chcę złożyć skargę na wolontariusza"),
    ("C", "uk", "хочу поскаржитися на волонтера"),
    ("K", "nl", "dank jullie wel, de vrijwilliger was echt geweldig"),
    ("K", "en", "thank you so much, the helper was lovely"),
    ("L:ask", "nl", "kan iemand mij naar de huisarts brengen"),
    ("L:ask", "nl", "ik krijg aanmaningen en snap de brief niet, kan iemand helpen"),
    ("L:ask", "nl", "kan iemand helpen mijn rolstoel naar de auto te duwen"),
    ("L:offer", "nl", "ik wil helpen bij activiteiten in de buurt"),
]

# Batch 2 (38, held out: written after batch 1's fixes, not aimed at them). Before its own fixes: 27/38 (main
# 23/38). Misses: a place for carers "om even op adem te komen", "hoe vraag ik een gehandicaptenparkeerkaart
# aan", Turkish "evde bakım ... nasıl alırım", Darija "chkoun li n9der nsewlo", Arabic "من أين أحصل على كرسي
# متحرك", "een breiclubje" (a diminutive), "de vrijwilliger was onbeschoft" (read as an offer), "never turned
# up and I'm not happy", praise said as "zo goed geholpen ... een toppertje" and Turkish praise of a "gönüllü"
# (an offer), and one look-alike broken by batch 1's clause mending ("... kan niet stofzuigen, wie helpt" went
# to the map: after a story only "where" now opens a service question). After: 38/38.
BATCH_2: list[tuple[str, str, str]] = [
    (
        "S",
        "nl",
        "mn man is net ontslagen uit het ziekenhuis en we hebben een douchestoel nodig, hoe regel je dat",
    ),
    ("S", "nl", "wie weet waar ik een aanvraag voor huishoudelijke hulp moet doen"),
    ("S", "nl", "is er een plek voor mantelzorgers om even op adem te komen"),
    ("S", "nl", "waar kan je in deze wijk gratis kleding halen"),
    ("S", "nl", "ik heb een brief van de deurwaarder gekregen wat moet ik nu"),
    ("S", "nl", "bestaat er iets voor mensen die net weduwe zijn geworden"),
    ("S", "nl", "hoe vraag ik een gehandicaptenparkeerkaart aan"),
    ("S", "en", "who do I contact about home care for my dad"),
    ("S", "en", "is there somewhere I can get free legal advice"),
    ("S", "tr", "babam için evde bakım hizmeti nasıl alırım"),
    ("S", "ar", "chkoun li n9der nsewlo 3la lmsa3ada dyal lkra"),
    ("S", "ar", "من أين أحصل على كرسي متحرك لأمي؟"),
    ("S", "pl", "gdzie można dostać pomoc z długami"),
    ("S", "uk", "куди звернутися, якщо мама має деменцію?"),
    ("A", "nl", "hebben jullie ook een breiclubje of zo"),
    ("A", "nl", "wat is er vrijdagmiddag in het buurthuis"),
    ("A", "nl", "zn er nog uitjes voor ouderen deze maand"),
    ("A", "en", "what's happening at the community centre this week"),
    ("A", "tr", "yaşlılar için bir etkinlik var mı bu cumartesi"),
    ("A", "ar", "واش كاين شي نشاط هاد السيمانة؟"),
    ("A", "pl", "jakie wydarzenia są w sobotę w okolicy?"),
    ("P", "nl", "ik wil het liever even met iemand van jullie bespreken"),
    ("P", "nl", "kunt u mij doorverbinden met het wijkteam"),
    ("P", "en", "could someone from your team ring me back"),
    ("P", "tr", "bir yetkiliyle görüşebilir miyim"),
    ("P", "uk", "чи можу я поговорити з кимось із команди?"),
    ("C", "nl", "ik ben heel boos, de vrijwilliger was onbeschoft tegen mijn moeder"),
    ("C", "nl", "hoe dien ik een klacht in"),
    ("C", "nl", "ik ben niet tevreden over hoe jullie het afgehandeld hebben"),
    ("C", "en", "the volunteer never turned up and I'm not happy about it"),
    ("C", "ar", "bghit ndir chikaya 3la lmtatawi3"),
    ("C", "pl", "jestem niezadowolona z pomocy, chcę to zgłosić"),
    ("K", "nl", "wil even zeggen dat Sanne ons zo goed geholpen heeft, echt een toppertje"),
    ("K", "tr", "gönüllü çok yardımsever biriydi, teşekkür ederim"),
    ("L:ask", "nl", "kan iemand mij naar het wmo loket rijden volgende week"),
    ("L:ask", "nl", "mijn scootmobiel is kapot, wie kan er naar kijken"),
    ("L:ask", "en", "can someone help me fill in the form for the food bank"),
    ("L:ask", "nl", "ik heb last van klachten aan mijn rug en kan niet stofzuigen, wie helpt"),
]

# A decided miss: the text and why (strict xfail).
KNOWN_MISSES: dict[str, str] = {}


def _reply(lang: str, text: str) -> Any:
    return step(menu_state(lang), Event(kind="text", text=text), CLOCK, profile_from(dict(RIA)))


def problems(kind: str, result: Any) -> list[str]:
    keys = [reply.key for reply in result.replies]
    kinds = [effect.kind for effect in result.effects]
    flow = result.state.get("flow")
    said = f"(keys {keys}, effects {kinds}, flow {flow})"
    if "welcome" in keys:
        return [f"restarted {said}"]
    if kind == "S" and "map_lookup" not in kinds:
        return [f"no service lookup {said}"]
    if kind == "A" and "agenda_lookup" not in kinds:
        return [f"no agenda {said}"]
    if kind == "P" and "request_human" not in kinds:
        return [f"no person asked {said}"]
    if kind == "C":
        alerted = any(e.kind == "alert_staff" and e.data.get("kind") == "complaint" for e in result.effects)
        if not alerted or "complaint_heard" not in keys or flow in ("offer", "ask"):
            return [f"complaint not heard {said}"]
    if kind == "K" and (result.state.get("misses") or flow in ("offer", "ask") or not keys):
        return [f"praise not heard {said}"]
    if kind.startswith("L:"):
        want = kind[2:]
        if flow != want or "map_lookup" in kinds or "alert_staff" in kinds:
            return [f"not read as {want} {said}"]
    return []


def _params(batch: list[tuple[str, str, str]]) -> list[Any]:
    out = []
    for kind, lang, text in batch:
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])] if text in KNOWN_MISSES else []
        out.append(pytest.param(kind, lang, text, marks=marks, id=f"{kind}-{lang}-{text[:30]}"))
    return out


@pytest.mark.parametrize(("kind", "lang", "text"), _params(BATCH_1 + BATCH_2))
def test_read_at_the_menu(kind: str, lang: str, text: str) -> None:
    assert problems(kind, _reply(lang, text)) == []


def test_the_messages_are_new() -> None:
    seen = every_earlier_string(__file__)
    old = [text for _, _, text in BATCH_1 + BATCH_2 if text.casefold() in seen]
    assert old == []


def test_a_complaint_reaches_the_team_and_when_reachable_is_noted() -> None:
    first = _reply("nl", "ik wil een klacht indienen over een vrijwilliger")
    assert [r.key for r in first.replies] == ["complaint_heard"]
    assert [(e.kind, e.data) for e in first.effects] == [
        ("alert_staff", {"kind": "complaint", "priority": "normal"})
    ]
    later = step(
        first.state, Event(kind="text", text="na vijf uur ben ik thuis"), CLOCK, profile_from(dict(RIA))
    )
    assert [r.key for r in later.replies] == ["contact_noted"]


def test_debts_in_a_request_for_papers_name_schuldhulp_beside_the_neighbour() -> None:
    result = _reply("nl", "ik krijg aanmaningen en snap de brief niet, kan iemand helpen")
    assert [r.key for r in result.replies] == ["ask_debt_hint", "ask_when"]
    assert result.state["flow"] == "ask"
    plain = _reply("nl", "kan iemand helpen met een brief van de belasting die ik niet snap")
    assert "ask_debt_hint" not in [r.key for r in plain.replies]


@pytest.mark.parametrize(
    "text",
    [
        "ik heb rugklachten, kan iemand mijn boodschappen doen",
        "door mijn klachten aan de knie kan ik niet fietsen, wie brengt me donderdag naar het ziekenhuis",
        # A complaint to someone else that a neighbour is asked to help write is a request (administratie).
        "kan iemand mijn klacht over de gemeente helpen opschrijven",
        # An aid needed, with a neighbour asked: the request ("nodig" alone asks no service).
        "ik heb een rolstoel nodig voor een dagje uit, kan iemand me duwen",
        # Applying for a benefit as a chore: help with the forms (round 14 read it so).
        "ik moet zorgtoeslag aanvragen maar die site snap ik niet, wie helpt",
        # A where-question after a request is part of the request.
        "kan iemand mijn brief lezen, waar moet ik hem laten",
    ],
)
def test_look_alikes_stay_requests(text: str) -> None:
    result = _reply("nl", text)
    assert result.state["flow"] == "ask"
    assert "alert_staff" not in [e.kind for e in result.effects]


@pytest.mark.parametrize(
    ("typed", "name"), [("ANNE-MARIE VAN DIJK", "Anne-Marie van Dijk"), ("PIET DE VRIES", "Piet de Vries")]
)
def test_a_name_in_capitals_at_the_name_question(typed: str, name: str) -> None:
    state, profile = new_state(), profile_from({})
    for text in ("goedemiddag", typed):
        result = step(state, Event(kind="text", text=text), CLOCK, profile)
        state, profile = result.state, after(profile, result.effects)
    assert profile.first_name == name
    assert state["step"] == "neighbourhood"


@pytest.mark.parametrize(
    "text", ["ik ben niet ontevreden hoor", "ik heb een klacht in mijn hoofd en kan niet slapen"]
)
def test_no_complaint_where_none_is_made(text: str) -> None:
    result = _reply("nl", text)
    assert "complaint_heard" not in [r.key for r in result.replies]
    assert "alert_staff" not in [e.kind for e in result.effects]
