# ruff: noqa: RUF001, RUF002, E501
"""Red team of whole conversations, round 11: people who write in pieces and repair themselves
(round 10: tests/test_dialogues_redteam10.py).

Replayed through `flows.conversation.step` with the golden transcripts' fixed clock (Monday 23 November
2026, 10:00 UTC); each dialogue is data (tests/dialogue_redteam_support.py), plus this round's own turn
check `draft_check` (the request being asked: `draft`, `draft_says`; `effect_keys`). A request split over
messages, each answered in between; additions after the bot moved on ("o ja, ...", "vergeten te zeggen:
..."); corrections at a later question or the summary; impatience, the same message twice, thanks or an
emoji mid-flow, "sorry verkeerd getypt", half words; the known misses carried over (a day left to the bot,
"na het eten", two kinds as examples, a volunteer's condition in a second message). Mostly Dutch, some
en/tr/ar/pl/uk. A miss here is "not understood", a question asked again as a repair, or the menu.

Figures (turns as expected / turns; dialogues fully as expected; gaps counted as not holding):
- Batch 1 (BATCH_1, 43 dialogues; nl 35, en 2, tr 2, pl 2, uk 1, ar 1), written before reading the
  flows' code: 172/222, 14/43 as first written on the unchanged code (bfffc7f). Four expectations were
  about the flow's order or a key's form, not the person, and were corrected before the figure: the
  repair after a miss is a lead on the question (not the key `not_understood`); after "hi" / "can
  someone help me" the where question comes (Turkish and English paths, as the golden transcripts have
  it); the same time sent twice at the urgency question may be read as "deze week" (tomorrow is this
  week: no harm); "Ik wil graag iets vragen" may get the menu, only without "Dat begreep ik niet".
  Before: 175/222, 16/43. After the first fixes: 215/221, 38/43; after the later ones (a volunteer's
  condition after a yes, thinking aloud, a question still to come): 220/221 turns, 42/43 dialogues (the
  one left is a KNOWN gap below).
  One expectation was changed after the fixes, by judgement: "de heg moet geknipt worden, het is
  dringend" is read as "zo snel mogelijk" (the time question skipped, as the first message does), not
  asked for a time; the person is served by that reading. Another wording was changed for freshness
  (round 9's "kies jij maar, als het maar niet in het weekend is" became "kies jij maar een dag, ...").
  Misses before, by kind: pieces 8 of 10 dialogues, additions 5/5, corrections 5/5, impatience and
  duplicates 1/11 (the description sent twice), carried over 3/4, volunteers 4/4.
- Batch 2 (BATCH_2, 29 dialogues; nl 18, en 3, pl 3, uk 2, tr 1, ar 1; held out: written after batch
  1's fixes, not aimed at them), scored before its fixes: 149/154 turns, 24/29 dialogues. One
  expectation was wrong about this file's own setup (an English dialogue's Dutch setup message turned
  the conversation Dutch, so "evening" was said as "avond"; now checked on the draft): 150/154, 25/29
  is the honest generalisation figure. Misses: a Polish correction "nie wtorek tylko środa", an Arabic
  one with the new day first ("الخميس وليس الثلاثاء", read as "change" at the summary), "ik heb een
  vraagje" at the menu, and the carried-over volunteer condition. After: 154/154, 29/29.
- Guards (GUARDS, 7 dialogues, with batch 2's fixes): 31/31, 7/7 after. The first written ("en wie is
  dat buurtteam?" at the visibility question) was a choice the old reader already takes by its label,
  not a piece, and was reworded. GUARDS_2 (9, with the later fixes): 34/34, 9/9 after; two of them were
  written after probing the summary with closing words, and caught `_piece` adding "en dat was het",
  "and that's all", "trouwens, bedankt voor de hulp" and "en wat gebeurt er nu" to the description
  (fixed: [nothing_more], [question_starts], thanks; see below).
- Seen after fixing (SEEN, 10 dialogues, not in the figures: the new mechanisms in other words and tr,
  pl, uk, ar, en): 45/46, 9/10 at once ("vergat nog te zeggen dat ..." had no addition mark: added).
- Engine (tests/test_matchmaking_pieces.py, SQLite and PostgreSQL): a volunteer's "ja" / "maar pas na 2
  uur" reaches the resident when both are in before the engine handles the yes and when sent one by one
  (the profile carries the thread the match opened, so the words are passed on), and words with a
  condition after a yes that waits for the resident reach her as `match_note`.
- Earlier rounds: all hold; round 9's known miss (a day left to the bot at the care day question) is
  closed by this round and its strict xfail lifted. Golden ask.json changed deliberately (a description
  that goes on at the time question after a miss: "mijn printer doet het niet" after "computer" is added,
  "Ik zet het erbij." and the time question, instead of the second miss's offer of a person);
  care.json and meeting.json only show the draft's new `last` item in a recorded state.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms after.

What failed and what changed (mechanisms, flows/ask.py unless said):
- A first message that only frames a request ("kan er iemand", "can someone help me") became the
  description. Now words that are all of conversation.toml [request_frame] are no description
  (`_only_frame` in `_prefill`): it is asked.
- A piece that answers a question not yet asked was lost or asked again: a time at the category
  question ("morgen om tien uur"), a time at the description question ("morgenochtend graag", "в суботу
  вранці"), a time inside the description. Now `_time_told` keeps it, read back (`when_understood`),
  and the question is asked plainly again (no miss); only when read surely by the strict message reader
  (`read_time`, mode "message", confidence >= 0.9: "pazardan sebze ve meyve" names no Sunday), and in a
  longer description only a day, an hour or "as soon as possible" ("voor de hele week" is what, not when).
  The kind of help said with words that say more ("with my laptop, it won't start": two words that are
  no frame and name no kind) is the description too (`_tells_more`).
- Words that go on with the request at a later question ("kan er iemand naar kijken" at the time
  question, "en de vuilniszakken naar buiten" at the urgency question, "naar de dokter in de Molenwijk"
  after "dinsdag met me mee", "en ook even langs de apotheek graag" at the summary) were misses, or at
  the summary a send. Now `_piece` adds them to the description (`description_added`, six languages)
  and asks the open question again as first asked: words opened by an addition mark (conversation.toml
  [addition_marks]: "o ja", "vergeten te zeggen", "trouwens", "forgot to say", "bu arada", "i jeszcze",
  "до речі", "نسيت", ...) or a continuation word ([continuation_starts]: en, and, i, і, ve, و, ...), or
  naming a kind of help; at the time question also words the reader takes for a request (not distress:
  round 5's guard). Not a question ("...?"), not an answer to the open question, not a time at the time
  question. The description sent again is only the question again.
- Additions and corrections after the bot moved on: an addition mark now counts like a correction mark
  in `_correction`. A day, date or repeat named is the time before any urgency its weekday suggests
  ("nee wacht, niet dinsdag maar woensdag" was "Ik pas het aan: deze week"); the new value is the part
  after maar/but/tylko/а/،, else the part before a negation that names the old one ("الخميس وليس
  الثلاثاء"), else the first part, else the whole (`_named_time`). A repeat without a day ("o ja, het
  moet elke week") or hours without a day ("vergeten te zeggen: pas na 2 uur") are put on the day known
  (`_merged_time`). An urgency added after a day's time answered it ("o ja, en het is dringend"), a
  neighbourhood named ("het is in de Oude Haven": `_other_neighbourhood`).
- A weekday said alone after a week ("volgende week" then "woensdag dan") was read as the urgency.
  Now that weekday in that week (`_day_in_the_week`, beside `_hour_for_the_day`).
- "sorry verkeerd getypt" mid-request was the menu (intents.toml reads it as "back"). Now
  (flows/conversation.py, before the menu command; conversation.toml [mistyped]) `ask.mistyped`: right
  after a miss, the miss was the slip: `mistyped_ok` ("Geeft niks.") and the question, no second miss;
  else the answer before the open question (the draft's `last`: its step, prompt key and options) is
  changed at once when the message names the right one ("ik bedoelde 2", "moest 3 zijn"), or taken back
  and asked again. Outside a request it is the menu as before (guard).
- A request told at the menu after a repair ("mijn kraan in de keuken lekt" read as Hulp vragen) lost
  its words. Now (flows/conversation.py `_on_menu`) a Hulp vragen read from words that tell a request
  starts it with them, as a first message does.
- Carried over: "kies jij maar (een dag), als het maar niet in het weekend is" at the time question is
  the next weekday, read back; without the weekend ruled out any time ([leave_it_to_you],
  [not_weekend]); at the carer's day question (flows/care.py) Monday 10:00, read back. "wel na het
  eten", "after dinner" with no part of the day said is the evening ([after_dinner]; only where the
  readers read no time, so "'s middags na het eten" keeps the afternoon, as round 21 wanted).

- A volunteer's condition in a second message after a bare yes ("ja" / "maar pas na 2 uur") was "Je ja
  had ik al" and dropped, where no thread is open yet (in production the thread the match opened is
  usually there and the words are passed on: tests/test_matchmaking_pieces.py). Now (flows/conversation.py,
  before `yes_again`) a message right after a yes whose reading has a condition is `invite_note`
  {"request_id", "note", "condition"} with `invite_note_passed` ("Dank je, dat geef ik door."); the yes
  stays remembered for one more message (a no may still take it back). bot/effects/requests.py
  `invite_note` -> `matchmaker.note`: once the yes was taken (accepted) or is being decided on
  (conditional), the resident gets `match_note` (the text a yes's words already use); a yes that came
  too late tells no one. flows/invitations.py reads the internal `match_note`.
- Thinking aloud alone at an open invitation ("even kijken hoor", "hmm even denken", "let me check") was
  a later ("Ik vraag je een andere keer weer") or a miss, and the yes after it went to the menu. Now
  (`answers.thinks_aloud_only`: a [pondering] phrase of invitation.toml with fillers only) it is
  `invite_take_time` and the invitation again; the reader still reads it as a later (round 21), and with
  anything after it ("ik laat het je vanavond weten") it is the later as before (guard).
- "Ik wil graag iets vragen", "ik heb een vraagje" at the menu were led by "Dat begreep ik niet
  helemaal". Now words of [asking_to_ask] in at most six words get the menu plainly, no miss
  (`conversation._asking_to_ask`); only said of oneself ("heb een vraag", "iets vragen"): "nog een
  vraag" after a closed thread keeps its repair (tests/test_threads.py caught a first, wider list).
- Pieces are not closings, thanks or questions: [nothing_more] ("en dat was het", "and that's all",
  "to wszystko"), a first word of [question_starts] after the continuation word ("en wat gebeurt er nu"),
  and politeness (`smalltalk.kind_of`) are no piece; an addition mark needs two more words that go on.

Decided:
- The early time is read back at once ("Ik noteer: ...") so a wrong reading costs one correction.
- Pieces are added to the description in the words typed; the volunteer reads them as the person wrote.
- Two kinds of help as examples ("bv met boodschappen of met de tuin") take the first kind and keep both
  in the words (they held before: the description is the message).
- `last` (the answer before the open question) lives in the draft, so only the ask flow mends a slip.

- The volunteer's condition is passed on as words (`match_note`); its window is not matched against the
  request's time again (a yes already taken is binding; the two agree on the time in the meeting step).

Known misses (strict xfails, `gap=`):
- "ja hoor" / "wel pas morgen, vandaag lukt niet": the invitation reader takes the second message for a
  plain no (round 21: "vandaag niet, zaterdag wel" reads no answer), so it takes the yes back (staff are
  told: a safe failure, but not what she meant). A reader change, left for an understanding round.

Noticed, left: at the summary "en snel graag" sends the request (the choices reader reads "graag" as
yes; before this round too); the where question ("Is het bij jou in de buurt?") is asked on some paths into a request
and not on others (by number from the menu it is skipped); "en mijn buurvrouw mag het ook zien" needs the
care circle (KRING), the other helper's round 12, and was not written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.dialogue_redteam_support import INVITE, Dialogue, as_params, assert_holds, menu_state
from tests.redteam_support import every_earlier_string
from tests.test_dialogues_redteam5 import WITH_THREAD

D = Dialogue
# A turn that is no miss: no "Dat begreep ik niet", no question asked again as a repair, no menu.
MISS = ["not_understood", "*_again", "menu"]


def _at(data: Any, path: str) -> Any:
    for name in path.split("."):
        data = data.get(name) if isinstance(data, dict) else None
    return data


def draft_check(expect: dict[str, Any], result: Any) -> list[str]:
    """This round's own items: `draft` {dotted.path: value} and `draft_says` {dotted.path: substring} on
    the request being asked (state["ask"]); `effect_keys` {kind: [key, ...]}: an effect of that kind
    carries those keys."""
    problems = []
    draft = result.state.get("ask") or {}
    for path, value in expect.get("draft", {}).items():
        if _at(draft, path) != value:
            problems.append(f"draft {path}={_at(draft, path)!r}, not {value!r}")
    for path, part in expect.get("draft_says", {}).items():
        if part.lower() not in str(_at(draft, path) or "").lower():
            problems.append(f"draft {path}={_at(draft, path)!r} does not say {part!r}")
    for kind, keys in expect.get("effect_keys", {}).items():
        datas = [e.data for e in result.effects if e.kind == kind]
        if not any(all(_at(d, k) is not None for k in keys) for d in datas):
            problems.append(f"no effect {kind} with {keys}")
    return problems


def holds(dialogue: Dialogue) -> None:
    assert_holds(dialogue, draft_check)


def L(lang: str, **kw: Any) -> dict[str, Any]:
    return dict(state=menu_state(lang), **kw)


def ok(*keys: str, **kw: Any) -> dict[str, Any]:
    """A turn that asks `keys` and is no miss."""
    return {"keys": list(keys), "not_keys": MISS, **kw}


# The request, step by step (Ria, Molenwijk; Monday 23 November 2026).
TO_DESC = (("1", {"keys": ["ask_category"]}), ("1", {"keys": ["ask_description"]}))
TO_WHEN = (*TO_DESC, ("boodschappen doen bij de Jumbo op het plein", {"keys": ["ask_when"]}))
TO_URGENCY = (*TO_WHEN, ("dinsdag", {"keys": ["ask_urgency"]}))
TO_VIS = (*TO_URGENCY, ("3", {"keys": ["ask_visibility"]}))
TO_SUMMARY = (*TO_VIS, ("1", {"keys": ["ask_summary"]}))
# A volunteer's invitation.
INVITED = ((INVITE, {"keys": ["invite"]}),)

# Batch 1, written before reading the flows' code closely, scored on the unchanged code.
BATCH_1 = [
    # a request in pieces, each answered by the bot in between
    D(
        "nl pieces: 'kan er iemand' / 'dinsdag met me mee' / 'naar de dokter in de Molenwijk'",
        (
            ("kan er iemand", {"keys": ["ask_category"], "not_keys": ["not_understood"]}),
            ("dinsdag met me mee", {"not_keys": ["ask_when*", "ask_category*", "not_understood"]}),
            ("naar de dokter in de Molenwijk", ok("ask_urgency", draft_says={"description": "dokter"})),
            ("2", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"], "says": ["dinsdag 24 november", "dokter"]}),
        ),
    ),
    D(
        "nl pieces: a greeting, who, what, then a time before the description is asked",
        (
            ("hoi", {"not_keys": ["not_understood"]}),
            ("ik zoek iemand die kan helpen", {"keys": ["ask_category"]}),
            ("met de boodschappen", ok("ask_description", draft={"category": "boodschappen"})),
            ("morgenochtend graag", ok("ask_description", draft={"when.daypart": "ochtend"})),
            ("brood, melk en koffie", ok("ask_urgency")),
        ),
    ),
    D(
        "nl pieces: the description goes on at the time question",
        (
            ("Ik wil graag iets vragen", {"not_says": ["begreep"]}),
            ("mijn kraan in de keuken lekt", ok("ask_when")),
            ("kan er iemand naar kijken", ok("ask_when", draft_says={"description": "kraan"})),
            ("liefst donderdag", ok("ask_urgency")),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"], "says": ["kraan", "donderdag"]}),
        ),
    ),
    D(
        "nl pieces: 'ik moet' / 'naar het ziekenhuis voor controle' / 'vrijdag om 9 uur'",
        (
            ("1", {"keys": ["ask_category"]}),
            ("2", {"keys": ["ask_description"]}),
            ("ik moet", {"not_keys": MISS}),
            (
                "naar het ziekenhuis voor controle",
                {"not_keys": MISS, "draft_says": {"description": "ziekenhuis"}},
            ),
            ("vrijdag om 9 uur", ok("ask_urgency", says=["vrijdag 27 november"])),
        ),
    ),
    D(
        "nl pieces: the time in two parts, 'volgende week' then 'woensdag dan'",
        (
            *TO_WHEN,
            ("volgende week", {"keys": ["ask_urgency"]}),
            ("woensdag dan", ok("ask_urgency", says=["woensdag 2 december"])),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"], "says": ["woensdag 2 december"]}),
        ),
    ),
    D(
        "nl pieces: a time said at the category question is kept",
        (
            ("1", {"keys": ["ask_category"]}),
            ("morgen om tien uur", ok("ask_category", draft={"when.start": "2026-11-24T10:00:00+01:00"})),
            ("boodschappen", {"keys": ["ask_description"]}),
            ("een krat water en wc-papier", ok("ask_urgency", not_keys=["ask_when", *MISS])),
        ),
    ),
    D(
        "nl pieces: 'het is dringend' said with the description is not asked again (read as soon as possible)",
        (
            ("1", {"keys": ["ask_category"]}),
            ("tuin", {"keys": ["ask_description"]}),
            (
                "de heg moet geknipt worden, het is dringend",
                ok("ask_visibility", says=["zo snel mogelijk"], not_keys=["ask_urgency", *MISS]),
            ),
        ),
    ),
    D(
        "en pieces: 'hi' / 'can someone help me' / 'with my laptop' / 'tomorrow afternoon'",
        (
            ("hi", {"not_keys": ["not_understood"]}),
            ("can someone help me", {"keys": ["ask_category"], "state": {"lang": "en"}}),
            ("with my laptop, it won't start", ok("ask_when", draft={"category": "digitaal"})),
            ("tomorrow afternoon", {"not_keys": ["ask_when*", *MISS], "says": ["afternoon"]}),
        ),
        **L("en"),
    ),
    D(
        "tr pieces: 'merhaba' / 'bir yardım lazım' / 'alışveriş için' / a description / 'yarın sabah'",
        (
            ("merhaba", {"not_keys": ["not_understood"]}),
            ("bir yardım lazım", {"keys": ["ask_category"]}),
            ("alışveriş için", ok("ask_description", draft={"category": "boodschappen"})),
            ("ekmek, süt ve yumurta lazım", ok("ask_when")),
            ("yarın sabah", {"not_keys": ["ask_when*", *MISS]}),
        ),
        **L("tr"),
    ),
    D(
        "pl pieces: the description goes on at the time question ('i jeszcze leki z apteki')",
        (
            *TO_DESC,
            ("chleb i mleko", {"keys": ["ask_when"]}),
            ("i jeszcze leki z apteki", ok("ask_when", draft_says={"description": "apteki"})),
            ("jutro rano", ok("ask_urgency")),
        ),
        **L("pl"),
    ),
    # additions after the bot moved on
    D(
        "nl addition: 'o ja, en het is dringend' at the visibility question",
        (
            *TO_VIS,
            ("o ja, en het is dringend", ok("ask_visibility", draft={"urgent": True})),
            ("1", {"keys": ["ask_summary"], "not_says": ["Maakt niet uit"]}),
        ),
    ),
    D(
        "nl addition: 'vergeten te zeggen: het is in de Oude Haven' at the urgency question",
        (
            *TO_URGENCY,
            (
                "vergeten te zeggen: het is in de Oude Haven",
                ok("ask_urgency", draft={"neighbourhood": "oude_haven"}),
            ),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"], "says": ["Oude Haven"]}),
        ),
    ),
    D(
        "nl addition: 'o ja, het moet elke week' at the summary",
        (
            *TO_SUMMARY,
            ("o ja, het moet elke week", ok("ask_summary", says=["elke week"])),
            ("1", {"keys": ["ask_sent"], "effect": ["create_request"]}),
        ),
    ),
    D(
        "nl addition: 'en ook even langs de apotheek graag' at the summary",
        (
            *TO_SUMMARY,
            ("en ook even langs de apotheek graag", ok("ask_summary", says=["apotheek", "Jumbo"])),
        ),
    ),
    D(
        "nl addition: 'vergeten te zeggen: pas na 2 uur' to a day said before",
        (
            *TO_URGENCY,
            ("vergeten te zeggen: pas na 2 uur", ok("ask_urgency", says=["14:00"])),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"], "says": ["dinsdag", "14:00"]}),
        ),
    ),
    # corrections of an earlier piece
    D(
        "nl correction: 'nee wacht, niet dinsdag maar woensdag' at the visibility question",
        (
            *TO_VIS,
            ("nee wacht, niet dinsdag maar woensdag", ok("ask_visibility", says=["woensdag"])),
            ("1", {"keys": ["ask_summary"], "says": ["woensdag 25 november"], "not_says": ["dinsdag"]}),
        ),
    ),
    D(
        "nl correction: 'nee wacht, niet dinsdag maar woensdag' at the summary",
        (
            *TO_SUMMARY,
            (
                "nee wacht, niet dinsdag maar woensdag",
                ok("ask_summary", says=["woensdag 25 november"], not_says=["dinsdag"]),
            ),
            ("1", {"keys": ["ask_sent"]}),
        ),
    ),
    D(
        "nl correction: 'sorry verkeerd getypt, ik bedoelde 2' at the description question",
        (
            ("1", {"keys": ["ask_category"]}),
            ("3", {"keys": ["ask_description"]}),
            ("sorry verkeerd getypt, ik bedoelde 2", ok("ask_description", draft={"category": "vervoer"})),
        ),
    ),
    D(
        "nl correction: 'sorry verkeerd getypt, moest 3 zijn' after an urgency answer",
        (
            *TO_URGENCY,
            ("1", {"keys": ["ask_visibility"]}),
            ("sorry verkeerd getypt, moest 3 zijn", ok("ask_visibility", draft={"urgent": False})),
            ("1", {"keys": ["ask_summary"], "says": ["Maakt niet uit"]}),
        ),
    ),
    D(
        "nl half words: 'boodsch' and 'donderd middag'",
        (
            ("1", {"keys": ["ask_category"]}),
            ("boodsch", ok("ask_description", draft={"category": "boodschappen"})),
            ("brood halen", {"keys": ["ask_when"]}),
            ("donderd middag", ok("ask_urgency", says=["donderdag"])),
        ),
    ),
    D(
        "nl 'sorry verkeerd getypt' after a slip is no second miss",
        (
            *TO_URGENCY,
            ("jk", {"keys": ["ask_urgency*"], "says": ["begreep"]}),
            ("sorry verkeerd getypt", {"keys": ["ask_urgency*"], "not_says": ["MENS"], "not_keys": ["menu"]}),
            ("2", {"keys": ["ask_visibility"]}),
        ),
    ),
    # impatience and checking
    D(
        "nl 'hallo??' at the description question keeps the question",
        (
            *TO_DESC,
            ("hallo??", ok("ask_description", state={"step": "description"})),
            ("twee pakken melk", {"keys": ["ask_when"]}),
        ),
    ),
    D(
        "nl '???' at the time question keeps the question",
        (
            *TO_WHEN,
            ("???", {"not_keys": ["menu", "not_understood"], "state": {"step": "when"}}),
            ("donderdag", {"keys": ["ask_urgency"]}),
        ),
    ),
    D(
        "nl 'is daar iemand' at the urgency question",
        (
            *TO_URGENCY,
            ("is daar iemand", ok("ask_urgency", not_keys=["human_requested", *MISS])),
            ("2", {"keys": ["ask_visibility"]}),
        ),
    ),
    D(
        "nl 'werkt dit wel?' at the visibility question",
        (
            *TO_VIS,
            ("werkt dit wel?", ok("ask_visibility")),
            ("1", {"keys": ["ask_summary"]}),
        ),
    ),
    D(
        "nl the description sent twice",
        (
            *TO_WHEN,
            (
                "boodschappen doen bij de Jumbo op het plein",
                ok("ask_when", draft={"description": "boodschappen doen bij de Jumbo op het plein"}),
            ),
            ("vrijdag", {"keys": ["ask_urgency"]}),
        ),
    ),
    D(
        "nl the time sent twice",
        (
            *TO_WHEN,
            ("morgen om 11 uur", {"keys": ["ask_urgency"]}),
            ("morgen om 11 uur", {"not_keys": ["correction_noted", *MISS]}),
        ),
    ),
    D(
        "nl 👍 at the urgency question",
        (
            *TO_URGENCY,
            ("👍", ok("ask_urgency", state={"step": "urgency"})),
            ("2", {"keys": ["ask_visibility"]}),
        ),
    ),
    D(
        "nl 🙏 at the time question",
        (*TO_WHEN, ("🙏", ok("ask_when", state={"step": "when"})), ("zaterdag", {"keys": ["ask_urgency"]})),
    ),
    D(
        "nl 'ok' at the time question is no time",
        (*TO_WHEN, ("ok", {"not_keys": ["ask_urgency", "menu"], "state": {"step": "when"}})),
    ),
    D(
        "nl 'dank je wel hoor' at the urgency question",
        (*TO_URGENCY, ("dank je wel hoor", ok("ask_urgency")), ("3", {"keys": ["ask_visibility"]})),
    ),
    # carried over: a day left to the bot, after dinner, two kinds
    D(
        "nl time: 'kies jij maar, als het maar niet in het weekend is' at the time question",
        (
            *TO_WHEN,
            (
                "kies jij maar een dag, als het maar niet in het weekend is",
                ok("ask_urgency", says=["dinsdag 24 november"]),
            ),
        ),
    ),
    D(
        "nl care day: 'doe maar een dag die jou uitkomt, maar geen zaterdag of zondag'",
        (
            ("MANTELZORG", {}),
            ("Jan", {}),
            ("partner", {}),
            ("12", {"keys": ["care_rhythm"]}),
            ("elke week", {"keys": ["care_day"]}),
            (
                "doe maar een dag die jou uitkomt, maar geen zaterdag of zondag",
                {"effect": ["care_register"], "not_keys": MISS},
            ),
        ),
    ),
    D(
        "nl time: 'wel na het eten' is the evening",
        (*TO_WHEN, ("wel na het eten", ok("ask_urgency", says=["avond"]))),
    ),
    D(
        "nl two kinds as examples: both kept in the words, no category asked",
        (
            (
                "zoek iemand die me kan helpen, bv met boodschappen of met de tuin",
                {
                    "keys": ["ask_when"],
                    "not_keys": ["ask_category", *MISS],
                    "draft_says": {"description": "tuin"},
                },
            ),
        ),
    ),
    # volunteers answering an invitation in pieces
    D(
        "nl volunteer: 'ja' / 'maar pas na 2 uur'",
        (
            *INVITED,
            ("ja", {"effect": ["answer_invitation"]}),
            ("maar pas na 2 uur", {"effect_has": {"invite_note": {"condition.start": "14:00:00"}}}),
        ),
    ),
    D(
        "nl volunteer: 'ja hoor' / 'wel pas morgen, vandaag lukt niet'",
        (
            *INVITED,
            ("ja hoor", {"effect": ["answer_invitation"]}),
            # Fixed in round 15 (flows/invitations.py `works_instead`): the yes kept, the condition told.
            ("wel pas morgen, vandaag lukt niet", {"effect_keys": {"invite_note": ["note"]}}),
        ),
    ),
    D(
        "nl volunteer: 'even kijken hoor' / 'ja dat lukt wel'",
        (
            *INVITED,
            ("even kijken hoor", {"no_effect": ["answer_invitation"], "not_keys": ["not_understood"]}),
            ("ja dat lukt wel", {"effect_has": {"answer_invitation": {"answer": "yes"}}}),
        ),
    ),
    D(
        "en volunteer: 'yes' / 'but only after 3pm'",
        (
            *INVITED,
            ("yes", {"effect": ["answer_invitation"]}),
            ("but only after 3pm", {"effect_has": {"invite_note": {"condition.start": "15:00:00"}}}),
        ),
        **L("en"),
    ),
    # other languages
    D(
        "uk correction: 'ой ні, не завтра, а в четвер' at the urgency question",
        (
            *TO_WHEN,
            ("завтра", {"keys": ["ask_urgency"]}),
            (
                "ой ні, не завтра, а в четвер",
                ok("ask_urgency", draft={"when.start": "2026-11-26T09:00:00+01:00"}),
            ),
        ),
        **L("uk"),
    ),
    D(
        "ar pieces: 'مرحبا' / 'أحتاج مساعدة' / 'في التسوق'",
        (
            ("مرحبا", {"not_keys": ["not_understood"]}),
            ("أحتاج مساعدة", {"keys": ["ask_category"]}),
            ("في التسوق", ok("ask_description", draft={"category": "boodschappen"})),
        ),
        **L("ar"),
    ),
    D(
        "pl 'halo??' at the urgency question",
        (*TO_URGENCY, ("halo??", ok("ask_urgency")), ("2", {"keys": ["ask_visibility"]})),
        **L("pl"),
    ),
    D(
        "tr 'teşekkürler 🙏' at the urgency question",
        (*TO_URGENCY, ("teşekkürler 🙏", ok("ask_urgency")), ("3", {"keys": ["ask_visibility"]})),
        **L("tr"),
    ),
]


# Batch 2, held out: written after batch 1's fixes, not aimed at them; scored before fixing.
BATCH_2 = [
    D(
        "nl pieces: 'goedemorgen' / 'ik heb een vraagje' / 'mijn gras moet gemaaid' / 'donderdagmiddag'",
        (
            ("goedemorgen", {"not_keys": ["not_understood"]}),
            ("ik heb een vraagje", {"not_says": ["begreep"]}),
            ("mijn gras moet gemaaid worden", {"not_keys": ["ask_category*", *MISS]}),
            ("donderdagmiddag", ok("when_understood", says=["donderdag 26 november"])),
        ),
    ),
    D(
        "nl pieces: 'iemand die mee kan' / 'naar het gemeentehuis' / 'voor mijn paspoort'",
        (
            ("iemand die mee kan", {"not_keys": ["not_understood"]}),
            ("naar het gemeentehuis", {"not_keys": MISS}),
            ("voor mijn paspoort", {"not_keys": MISS}),
            ("maandag volgende week graag", {"not_keys": ["ask_when*", *MISS]}),
        ),
    ),
    D(
        "nl pieces: a time at the description question after a category by number",
        (
            ("1", {"keys": ["ask_category"]}),
            ("4", {"keys": ["ask_description"]}),
            ("zaterdagmiddag", ok("ask_description")),
            ("een kopje koffie en een praatje", ok("ask_urgency", not_keys=["ask_when", *MISS])),
            ("3", {"keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"], "says": ["zaterdag 28 november", "koffie"]}),
        ),
    ),
    D(
        "nl pieces: the words go on at the urgency question ('en de vuilniszakken naar buiten')",
        (
            *TO_URGENCY,
            (
                "en de vuilniszakken naar buiten",
                ok("ask_urgency", draft_says={"description": "vuilniszakken"}),
            ),
            ("2", {"keys": ["ask_visibility"]}),
        ),
    ),
    D(
        "en pieces: the words go on at the time question ('and also post a letter for me')",
        (
            *TO_WHEN,
            ("and also post a letter for me", ok("ask_when", draft_says={"description": "letter"})),
            ("friday morning", ok("ask_urgency")),
        ),
        **L("en"),
    ),
    D(
        "pl pieces: 'dzień dobry' / 'potrzebuję pomocy' / 'z komputerem' / 'jutro po południu'",
        (
            ("dzień dobry", {"not_keys": ["not_understood"]}),
            ("potrzebuję pomocy", {"keys": ["ask_category"]}),
            ("z komputerem", ok("ask_description", draft={"category": "digitaal"})),
            ("jutro po południu", ok("ask_description")),
            ("nie działa internet", ok("ask_urgency", not_keys=["ask_when", *MISS])),
        ),
        **L("pl"),
    ),
    D(
        "uk pieces: the time before the description ('в суботу вранці')",
        (
            *TO_DESC,
            ("в суботу вранці", ok("ask_description")),
            ("купити хліб і молоко", ok("ask_urgency", not_keys=["ask_when", *MISS])),
        ),
        **L("uk"),
    ),
    # additions
    D(
        "nl addition: 'trouwens, het mag ook in de Bloemhof' at the visibility question",
        (
            *TO_VIS,
            ("trouwens, het is in de Bloemhof", ok("ask_visibility", draft={"neighbourhood": "bloemhof"})),
            ("1", {"keys": ["ask_summary"], "says": ["Bloemhof"]}),
        ),
    ),
    D(
        "nl addition: 'o ja, liefst voor 12 uur' at the visibility question",
        (
            *TO_VIS,
            ("o ja, liefst voor 12 uur", ok("ask_visibility", says=["12:00"])),
        ),
    ),
    D(
        "nl addition: 'nog iets: er moet ook een pakje mee terug' at the summary",
        (
            *TO_SUMMARY,
            ("nog iets: er moet ook een pakje mee terug", ok("ask_summary", says=["pakje"])),
            ("1", {"keys": ["ask_sent"], "effect": ["create_request"]}),
        ),
    ),
    D(
        "nl addition: 'oh ja het is spoed' at the summary",
        (
            *TO_SUMMARY,
            (
                "oh ja het is spoed",
                {"keys": ["ask_summary"], "no_effect": ["create_request"], "says": ["vandaag nog"]},
            ),
        ),
    ),
    D(
        "en addition: 'forgot to say, every week please' at the summary",
        (
            *TO_SUMMARY,
            (
                "forgot to say, every week please",
                {"keys": ["ask_summary"], "no_effect": ["create_request"], "says": ["every week"]},
            ),
        ),
        **L("en"),
    ),
    D(
        "tr addition: 'bu arada, acil' at the visibility question",
        (*TO_VIS, ("bu arada, acil", ok("ask_visibility", draft={"urgent": True}))),
        **L("tr"),
    ),
    # corrections
    D(
        "nl correction: 'oeps, ik bedoel vrijdag' at the summary",
        (
            *TO_SUMMARY,
            (
                "oeps, ik bedoel vrijdag",
                ok("ask_summary", says=["vrijdag 27 november"], not_says=["dinsdag"]),
            ),
        ),
    ),
    D(
        "nl correction: 'nee niet morgen, overmorgen' at the urgency question",
        (
            *TO_WHEN,
            ("morgen", {"keys": ["ask_urgency"]}),
            ("nee niet morgen, overmorgen", ok("ask_urgency", says=["woensdag 25 november"])),
        ),
    ),
    D(
        "nl correction: 'sorry, fout gedrukt' after the visibility answer takes it back",
        (
            *TO_VIS,
            ("2", {"keys": ["ask_summary"]}),
            ("sorry, fout gedrukt", {"not_keys": ["menu", "offer_*", *MISS]}),
        ),
    ),
    D(
        "pl correction: 'przepraszam, nie wtorek tylko środa' at the visibility question",
        (
            *TO_VIS,
            (
                "przepraszam, nie wtorek tylko środa",
                ok("ask_visibility", draft={"when.start": "2026-11-25T09:00:00+01:00"}),
            ),
        ),
        **L("pl"),
    ),
    D(
        "ar correction: 'لا، الخميس وليس الثلاثاء' at the summary",
        (
            *TO_SUMMARY,
            (
                "لا، الخميس وليس الثلاثاء",
                {
                    "keys": ["ask_summary"],
                    "no_effect": ["create_request"],
                    "draft": {"when.start": "2026-11-26T09:00:00+01:00"},
                },
            ),
        ),
        **L("ar"),
    ),
    # impatience, duplicates, thanks
    D(
        "nl 'hallooo? ben je daar nog' at the time question",
        (
            *TO_WHEN,
            ("hallooo? ben je daar nog", {"not_keys": ["menu", "not_understood"], "state": {"step": "when"}}),
        ),
    ),
    D(
        "nl 'ik wacht nog steeds' at the urgency question",
        (*TO_URGENCY, ("ik wacht nog steeds", {"not_keys": ["menu"], "state": {"step": "urgency"}})),
    ),
    D(
        "nl 'ok' at the visibility question is no choice",
        (*TO_VIS, ("ok", {"not_keys": ["ask_summary", "menu"], "state": {"step": "visibility"}})),
    ),
    D(
        "nl '🙂' at the description question",
        (*TO_DESC, ("🙂", {"keys": ["ask_description"], "not_keys": ["ask_when", "menu"]})),
    ),
    D(
        "nl the same time sent twice at the visibility question",
        (
            *TO_WHEN,
            ("vrijdagochtend", {"keys": ["ask_urgency"]}),
            ("3", {"keys": ["ask_visibility"]}),
            ("vrijdagochtend", {"not_keys": ["menu", "not_understood"], "keys": ["ask_visibility"]}),
        ),
    ),
    D(
        "en 'hello?? anyone there' at the urgency question",
        (
            *TO_URGENCY,
            ("hello?? anyone there", {"not_keys": ["menu", "human_requested"], "keys": ["ask_urgency"]}),
        ),
        **L("en"),
    ),
    D(
        "uk 'дякую' at the visibility question",
        (*TO_VIS, ("дякую", ok("ask_visibility"))),
        **L("uk"),
    ),
    # carried over
    D(
        "nl time: 'maakt me niet uit, jij mag kiezen' is any time",
        (*TO_WHEN, ("maakt me niet uit, jij mag kiezen", ok("ask_urgency"))),
    ),
    D(
        "en time: 'after dinner is fine' is the evening",
        (*TO_WHEN, ("after dinner is fine", ok("ask_urgency", draft={"when.daypart": "avond"}))),
        **L("en"),
    ),
    D(
        "nl two kinds: 'een klusje of wat gezelschap, maakt niet uit' keeps both in the words",
        (
            (
                "ik zoek iemand voor een klusje of wat gezelschap, maakt niet uit",
                {"not_keys": ["ask_category", *MISS], "draft_says": {"description": "gezelschap"}},
            ),
        ),
    ),
    D(
        "nl volunteer: 'oké' / 'wel pas na vieren'",
        (
            *INVITED,
            ("oké", {"effect": ["answer_invitation"]}),
            ("wel pas na vieren", {"effect_has": {"invite_note": {"condition.start": "16:00:00"}}}),
        ),
    ),
]


# Guards: what the fixes must not break (written with batch 2's fixes).
GUARDS = [
    D(
        "a plain yes with 'oh ja' at the summary still sends",
        (*TO_SUMMARY, ("oh ja prima", {"keys": ["ask_sent"], "effect": ["create_request"]})),
    ),
    D(
        "words that name no time at the time question are still a miss, not added to the description",
        (*TO_WHEN, ("als het weer het toelaat", {"keys": ["ask_when*"], "not_keys": ["description_added"]})),
    ),
    D(
        "a time inside the description is kept and read back",
        (
            ("1", {"keys": ["ask_category"]}),
            ("2", {"keys": ["ask_description"]}),
            (
                "ik moet naar de tandarts, vrijdag om 10 uur",
                ok("when_understood", says=["vrijdag 27 november"], not_keys=["ask_when", *MISS]),
            ),
        ),
    ),
    D(
        "'voor de hele week' in a description is what, not when",
        (*TO_DESC, ("boodschappen voor de hele week graag", {"keys": ["ask_when"]})),
    ),
    D(
        "'verkeerd getypt' outside a request is the menu as before",
        (("sorry verkeerd getypt hoor", {"keys": ["menu"]}),),
    ),
    D(
        "a question at the visibility question is no piece of the request",
        (
            *TO_VIS,
            (
                "en wie ziet het dan precies?",
                {"not_keys": ["description_added"], "state": {"step": "visibility"}},
            ),
        ),
    ),
    D(
        "an urgency said with 'deze week' at the visibility question changes no day",
        (
            *TO_VIS,
            ("nee toch, deze week graag", {"not_says": ["tot en met"], "keys": ["ask_visibility"]}),
            ("1", {"keys": ["ask_summary"], "says": ["dinsdag 24 november"]}),
        ),
    ),
]


# Guards of the last fixes (a condition after a yes, thinking aloud, a question still to come).
GUARDS_2 = [
    D(
        "words after a yes that add no condition are no note for the resident",
        (
            *INVITED,
            ("ja", {"effect": ["answer_invitation"]}),
            ("top, tot dan!", {"no_effect": ["invite_note"]}),
        ),
    ),
    D(
        "a no right after a yes still takes the yes back",
        (
            *INVITED,
            ("ja", {"effect": ["answer_invitation"]}),
            (
                "oh nee sorry, ik ben morgen al weg",
                {"keys": ["invite_taken_back"], "no_effect": ["invite_note"]},
            ),
        ),
    ),
    D(
        "with a thread open, a condition after a yes goes to the neighbour",
        (
            *INVITED,
            ("ja", {"effect": ["answer_invitation"]}),
            ("maar wel pas na half drie", {"no_effect": ["invite_note"], "effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "thinking aloud with a promise to answer later is still a later",
        (
            *INVITED,
            (
                "even kijken, ik laat het je vanavond weten",
                {"effect_has": {"answer_invitation": {"answer": "later"}}},
            ),
        ),
    ),
    D(
        "thinking aloud, then a no",
        (
            *INVITED,
            ("hmm even denken", {"keys": ["invite_take_time", "invite"], "no_effect": ["answer_invitation"]}),
            ("nee, gaat helaas niet", {"effect_has": {"answer_invitation": {"answer": "no"}}}),
        ),
    ),
    D(
        "a question that says what it is about at the menu is not only 'a question is coming'",
        (("ik heb een vraag over de tafeltjedekje maaltijden", {"not_keys": ["welcome"]}),),
    ),
    D(
        "closing words, thanks and a question at the summary are no piece of the request",
        (
            *TO_SUMMARY,
            ("en dat was het wel", {"not_keys": ["description_added"], "no_effect": ["create_request"]}),
            (
                "trouwens, bedankt voor alles",
                {"not_keys": ["description_added"], "no_effect": ["create_request"]},
            ),
            (
                "en wat gebeurt er daarna",
                {"not_keys": ["description_added"], "no_effect": ["create_request"]},
            ),
            (
                "1",
                {
                    "keys": ["ask_sent"],
                    "effect_has": {
                        "create_request": {"description": "boodschappen doen bij de Jumbo op het plein"}
                    },
                },
            ),
        ),
    ),
    D(
        "English closing words at the urgency question are no piece",
        (*TO_URGENCY, ("and that's everything", {"not_keys": ["description_added"]})),
        **L("en"),
    ),
    D(
        "'ik heb een vraagje' mid-request is no menu",
        (*TO_WHEN, ("ik heb een vraagje", {"not_keys": ["menu"], "state": {"flow": "ask"}})),
    ),
]


# Seen after fixing (not in the figures): the new mechanisms in other words and languages.
SEEN = [
    D(
        "tr addition at the summary: 'bu arada, her hafta olsun'",
        (
            *TO_SUMMARY,
            (
                "bu arada, her hafta olsun",
                {
                    "keys": ["ask_summary"],
                    "no_effect": ["create_request"],
                    "draft": {"when.recurrence": "weekly"},
                },
            ),
        ),
        **L("tr"),
    ),
    D(
        "pl addition at the urgency question: 'zapomniałam dodać, to jest w Oude Haven'",
        (
            *TO_URGENCY,
            (
                "zapomniałam dodać, to jest w Oude Haven",
                ok("ask_urgency", draft={"neighbourhood": "oude_haven"}),
            ),
        ),
        **L("pl"),
    ),
    D(
        "uk piece at the time question: 'і ще забрати ліки з аптеки'",
        (*TO_WHEN, ("і ще забрати ліки з аптеки", ok("ask_when", draft_says={"description": "аптеки"}))),
        **L("uk"),
    ),
    D(
        "ar time at the category question: 'غدا الساعة العاشرة'",
        (
            ("1", {"keys": ["ask_category"]}),
            ("غدا الساعة العاشرة", ok("ask_category", draft={"when.start": "2026-11-24T10:00:00+01:00"})),
        ),
        **L("ar"),
    ),
    D(
        "en slip: 'sorry, wrong button, I meant 3' after the urgency answer",
        (
            *TO_URGENCY,
            ("1", {"keys": ["ask_visibility"]}),
            ("sorry, wrong button, I meant 3", ok("ask_visibility", draft={"urgency": "any"})),
        ),
        **L("en"),
    ),
    D(
        "nl slip alone: 'oeps, verkeerd gedrukt zeg' after the category takes it back",
        (
            ("1", {"keys": ["ask_category"]}),
            ("3", {"keys": ["ask_description"]}),
            ("oeps, verkeerd gedrukt zeg", {"keys": ["mistyped_ok", "ask_category"], "not_keys": ["menu"]}),
            ("5", {"keys": ["ask_description"], "draft": {"category": "administratie"}}),
        ),
    ),
    D(
        "nl volunteer: 'ja' / 'kan wel pas vanaf 4 uur'",
        (
            *INVITED,
            ("ja", {}),
            ("kan wel pas vanaf 4 uur", {"effect": ["invite_note"], "keys": ["invite_note_passed"]}),
        ),
    ),
    D(
        "en volunteer: 'let me check' / 'yes I can do it'",
        (
            *INVITED,
            ("let me check", {"keys": ["invite_take_time"], "no_effect": ["answer_invitation"]}),
            ("yes I can do it", {"effect_has": {"answer_invitation": {"answer": "yes"}}}),
        ),
        **L("en"),
    ),
    D(
        "nl piece at the urgency question: 'en het is op de derde verdieping zonder lift'",
        (
            *TO_URGENCY,
            (
                "en het is op de derde verdieping zonder lift",
                ok("ask_urgency", draft_says={"description": "lift"}),
            ),
        ),
    ),
    D(
        "nl addition at the summary: 'vergat nog te zeggen dat er een trap is'",
        (*TO_SUMMARY, ("vergat nog te zeggen dat er een steile trap is", ok("ask_summary", says=["trap"]))),
    ),
]


@pytest.mark.parametrize("dialogue", as_params(SEEN))
def test_seen(dialogue: Dialogue) -> None:
    holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(GUARDS_2))
def test_guards_2(dialogue: Dialogue) -> None:
    holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    holds(dialogue)


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    holds(dialogue)


def _earlier_dialogue_strings() -> set[str]:
    here = Path(__file__)
    seen: set[str] = set()
    for path in here.parent.glob("test_dialogues_redteam*.py"):
        if path.name != here.name:
            seen |= {
                t.casefold() for t in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"))
            }
    return seen


# Known misses of earlier rounds, carried over word for word on purpose (in another context).
CARRIED: set[str] = set()


def test_messages_are_new() -> None:
    """No message of more than two words is word for word in an earlier round or corpus."""
    earlier = every_earlier_string(__file__) | _earlier_dialogue_strings()
    sent = {
        text
        for d in (*BATCH_1, *BATCH_2, *GUARDS, *GUARDS_2, *SEEN)
        for text, _ in d.turns
        if isinstance(text, str) and len(text.split()) > 2
    }
    assert sorted(t for t in sent if t.casefold() in earlier and t not in CARRIED) == []
