# ruff: noqa: RUF001, RUF002, E501
"""Red team of whole conversations, round 12: control and privacy said in people's own words (round 10:
tests/test_dialogues_redteam10.py).

Replayed through `flows.conversation.step` with the golden transcripts' fixed clock (Monday 23 November
2026, 10:00 UTC); each dialogue is data (tests/dialogue_redteam_support.py). Wanting out (STOP in words, in
any state, six languages), a pause instead of a stop, coming back; erasure, export and MIJN GEGEVENS in
words; who sees a request, a wish about who helps, numbers in a thread, words about the neighbour
(ending it, reporting, feeling unsafe); one's own facts (a move, a name, a language, no time to help any
more). A turn marked `ok(...)` must be no miss: no "not understood" or re-ask key, and (`no_miss_lead`,
added after batch 2's first scoring) no repair lead in front of the menu or the question either.

Figures (turns as expected / turns; dialogues fully as expected). "Branch point" is bfffc7f:
- Batch 1 (BATCH_1), written before reading the flows closely: as first written 50/70 turns, 18/36
  dialogues on the branch point. Three expectations were then changed by decision, before fixing:
  coming back after STOP left the dialogues (the replay cannot mark an address stopped; the engine does,
  `Event.address_stopped`: now single steps, test_back_after_stop); "verwijder mijn nummer" leads to the
  new stop-or-erase question, and its "2" to the erase question (one turn more); a volunteer's "even een
  paar weken niks" may take PAUZE's own two weeks (it was to ask how long). Final expectations: 49/69,
  18/35 on the branch point; 69/69, 35/35 after.
- Batch 2 (BATCH_2, 41 dialogues by the state's language: nl 32, en 3, tr 2, pl 1, uk 2, ar 1; some SMS style), written after batch
  1's fixes and not aimed at them, scored before its own fixes (the honest figure): 47/68, 21/41 as first
  committed (keys only); 45/68, 19/41 with the lead check. On the branch point 39/68, 14/41. After: 67/68,
  40/41 (one strict xfail, below).
- Guards (GUARDS, 20): 35/35 on the branch point; 34/35 on batch 1's fixes (one caught batch 1's move
  reader taking "ik ben verhuisd en krijg de kasten niet opgehangen, wie helpt?" from the request);
  35/35 after.
- Seen after fixing (SEEN, 9, not in the figures: the new mechanisms in other languages and states):
  5/19, 0/9 on the branch point; 8/19, 2/9 on batch 1's fixes; 19/19, 9/9 after.
- Corpus (../shared/understanding/dev.jsonl): 328/328, crises 27/27, 0 false alarms, before and after.

What failed and what changed (mechanisms):
- Commands said in longer own words. commands.toml gets `[more.<command>]` tables at its end (read with
  that command's own phrases by `intent._commands`): erase ("wis alles wat jullie van mij weten", "ik wil
  dat jullie alles van mij vergeten", en/tr/pl/uk/ar), my_data ("wat weten jullie eigenlijk van mij?",
  "welke info hebben jullie over mij opgeslagen?", "what info do you keep on me?", "co o mnie wiecie"),
  export ("een kopie van alles wat jullie over mij hebben"), start ("ik wil toch weer berichten
  krijgen", "I'd like to get messages again"), help ("wie kan mijn vraag zien?": at "Wie mag je vraag
  zien?" its own help text), my_offer ("ik heb geen tijd meer om te helpen": the offer with pause and
  stop), pause ("even een paar weken niks", "even geen hulpvragen"), close_thread ("ik wil stoppen met
  dit gesprek": KLAAR, that conversation only). Erase, my_data and export phrases may be whole messages
  of up to 12 words (`_PRIVACY_COMMAND_WORDS`; other commands 8). intents.toml [stop.round12]: "hou maar
  op", "kappen nou met dat gezeur", "laat me nou gewoon met rust", "pls no more txts", "wypiszcie mnie",
  "لا أريد أي رسائل", "haal mijn telefoonnummer uit ...".
- Stopping in words that name one's own number or data ("verwijder mijn nummer", "haal mijn
  telefoonnummer uit jullie systeem", "numaramı silin": conversation.toml [round12_own_data]) asks
  `stop_or_erase`: no more messages (the stop), erase everything (the erase question with its own yes),
  or nothing. A plain "ja" there is the stop (reversible).
- MIJN GEGEVENS in words mid-question: the data, then the question again led by "Dan gaan we verder waar
  we waren" (`conversation._back_to_question` on the engine's my_data event).
- A pause in words: how long is read from the words (`until_in_words`; none: PAUZE's own two weeks); a
  pause or MIJN AANBOD with a reason in the other part, in either order ("ik ga 3 weken op vakantie, even
  geen hulpvragen", "ik kan voorlopig niet meer helpen, mijn knie is geopereerd"). A pause in words from
  someone with no offer and no check-ins ("even een maandje niks sturen aub") is the stop question (START
  brings the messages back), not a miss. Stop words that name the helping ("haal me maar van de lijst met
  vrijwilligers", [round12_volunteering]) from someone who offers show the offer (pause or stop
  offering), not the stop of every message.
- "Wie mag je vraag zien?" answered in words: "ik wil niet dat de buren weten dat ik hulp krijg",
  "alleen degene die komt helpen" is "Alleen wie helpt"; "het buurtteam mag het ook zien" the team too
  (`ask._visibility_in_words`).
- A wish about who helps after the description ("alleen een vrouw graag" at the summary was read as the
  summary's yes and SENT the request; "liefst geen man, ik ben alleen thuis" at the when-question was a
  miss): added to the request's words and the question (or the summary) again, led by `ask_wish_noted`
  (`ask._wish`, [round12_helper_wish]).
- Words about the neighbour in a thread were passed on to him. Now (`threads.about_other`): feeling
  unsafe ([round12_thread_unsafe], or a fear word with him/her: [round12_fear] + [round12_third_person])
  is MELD at once (frozen, a high-priority staff alert), nothing passed on; not wanting to talk to him
  any more or odd behaviour with him/her ([round12_thread_leave], [round12_odd]) asks `thread_worry`: end
  the conversation, tell the team, or pass it on after all. Feeling unsafe said with no conversation open
  asks for a person (MENS).
- "Henk wil graag nummers met je delen" answered in words ("ja dat is prima hoor", "nee, dat wil ik
  liever niet hoor") was passed on. The next message after `share_asked` is read as a yes (DEEL NUMMER) or
  a no (`share_kept`); anything else goes to Henk as before.
- Own facts at the plain menu (flows/own_facts.py): a move ([round12_moved]) with a neighbourhood or
  postcode the neighbourhood reader finds is `update_profile` read back (`neighbourhood_changed`); none
  ("de Bloemenbuurt") asks onboarding's neighbourhood question; a move told with a request is the request.
  Another name after a lead ([round12_name_lead]: "mijn naam is eigenlijk", "zeg maar", "my name is
  actually") is `update_profile` (`name_changed`).

Decided:
- "laat me met rust" (also in a thread, also from a carer at a check-in) is the stop question, asked
  once: it may be anger at a person or distress, so nothing stops without a yes, and in a thread the words
  are not passed on. Crisis words in the same message are a crisis first (guards and batch dialogues).
- "verwijder mijn nummer" offers both the stop and erasure, not erasure alone (the reader's reading as a
  stop, corpus dev-first-036, is kept).
- "alleen een vrouw graag" is a wish in the request's words, not a filter: Voordeur keeps no gender of
  volunteers; the text says only that whoever gets the request reads it.
- An unsafe feeling in a thread is reported at once (MELD), without asking: staff can unfreeze.
- Own facts are changed at the plain menu only; mid-question the words answer the question, in a thread
  they go to the neighbour.

Known misses (KNOWN and one batch 2 dialogue, strict xfails): below, with `gap=`.

Noticed and left alone: `places.find_neighbourhood` on a sentence ("naar de Bloemenbuurt") finds the
Molenwijk (own_facts reads the neighbourhood with the reader first); a long English sentence asking for
English after Dutch is followed, but the menu after it carries a repair lead.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue_redteam_support import (
    CARER,
    CHECKIN,
    CLOCK,
    CRISIS,
    RIA,
    Dialogue,
    as_params,
    assert_holds,
    menu_state,
)
from tests.redteam_support import every_earlier_string

D = Dialogue
MISSES = ["not_understood", "*_again"]

THREAD = {"id": 3, "other_name": "Henk", "category": "boodschappen", "status": "open"}
WITH_THREAD = {**RIA, "threads": [THREAD]}
OFFER = {
    "categories": ["boodschappen", "klusjes"],
    "reach": "nearby",
    "availability": [[0, "ochtend"], [2, "middag"]],
    "weekly_limit": 2,
    "languages": ["nl"],
}
# A volunteer (Henk) who also has a conversation with the resident Ans.
HENK = {
    "first_name": "Henk",
    "neighbourhood": "molenwijk",
    "consented": True,
    "offer": OFFER,
}
HENK_THREAD = {
    **HENK,
    "threads": [{"id": 3, "other_name": "Ans", "category": "boodschappen", "status": "open"}],
}
RELAYED = {
    "internal": "relayed",
    "meta": {"thread_id": 3, "name": "Henk", "text": "Mag ik je nummer? Dan bel ik even."},
}
SHARE_ASKED = {"internal": "share_asked", "meta": {"thread_id": 3, "name": "Henk"}}
# A request on its way: at the description question.
TO_DESCRIPTION = (("1", {}), ("1", {"keys": ["ask_description"]}))
TO_VISIBILITY = (
    *TO_DESCRIPTION,
    ("melk en brood", {"keys": ["ask_when"]}),
    ("overmorgen om kwart over 10", {"keys": ["when_understood"]}),
    ("1", {"keys": ["ask_visibility"]}),
)


def ok(**expect: Any) -> dict[str, Any]:
    """A turn that is no miss (not "not understood", no question asked again), and what else must hold."""
    return {**expect, "not_keys": [*MISSES, *expect.get("not_keys", ())]}


def no_miss_lead(expect: dict[str, Any], result: Any) -> list[str]:
    """A turn that must be no miss is not one as a lead either ("Dat begreep ik niet helemaal." before
    the menu or the question): `check_turn` sees only the reply keys."""
    if "not_understood" not in expect.get("not_keys", ()):
        return []
    leads = [r.lead for r in result.replies if r.lead in ("not_understood", "repair_lead")]
    return [f"a miss as a lead: {leads}"] if leads else []


STOP_CHECK = ok(keys=["stop_check"], no_effect=["set_stopped"])
STOPPED = ok(keys=["stop_confirmed"], effect_has={"set_stopped": {"stopped": True}})
NOT_STOPPED = ok(keys=["stop_not"], no_effect=["set_stopped"])
ERASE_CHECK = ok(keys=["erase_confirm"], no_effect=["erase_me"])
ERASED = ok(keys=["erase_done"], effect=["erase_me"])
MY_DATA = ok(effect=["send_my_data"])
NOT_RELAYED = {"no_effect": ["relay"]}


def L(lang: str, **expect: Any) -> dict[str, Any]:
    return ok(state={"lang": lang}, **expect)


# Batch 1, written before reading the flows closely.
BATCH_1 = [
    # --- wanting out, in words, in any state
    D(
        "'stop met die berichten' at the menu: asked once, a yes stops",
        (("stop met die berichten", STOP_CHECK), ("ja", STOPPED)),
    ),
    D(
        "'ik wil hier vanaf' in the middle of a request: asked, a no goes on where she was",
        (
            *TO_DESCRIPTION,
            ("ik wil hier vanaf", STOP_CHECK),
            ("nee", ok(keys=["stop_not", "ask_description*"])),
        ),
    ),
    D(
        "SMS 'niet meer sturen aub' at the menu",
        (("niet meer sturen aub", STOP_CHECK), ("ja", STOPPED)),
    ),
    D(
        "'afmelden' alone stops at once (CONTRACT)",
        (("afmelden", STOPPED),),
    ),
    D(
        "'hou maar op' at the when-question is a stop question, not a time",
        (
            *TO_DESCRIPTION,
            ("lamp ophangen in de gang", {"keys": ["ask_when"]}),
            ("hou maar op", STOP_CHECK),
        ),
    ),
    D(
        "'laat me toch met rust' from a volunteer at an invitation: no answer to it, the stop question",
        (
            (
                {
                    "internal": "invite",
                    "meta": {
                        "request_id": 41,
                        "name": "Ans",
                        "category": "boodschappen",
                        "neighbourhood": "molenwijk",
                        "when": {"kind": "asap"},
                        "description": "brood halen",
                    },
                },
                {"keys": ["invite*"]},
            ),
            ("laat me toch met rust", STOP_CHECK),
        ),
        profile=HENK,
    ),
    D(
        "English 'please stop sending me these messages'",
        (
            ("please stop sending me these messages", L("en", keys=["stop_check"])),
            ("yes", L("en", keys=["stop_confirmed"])),
        ),
        state=menu_state("en"),
    ),
    D(
        "Turkish 'lütfen bana artık mesaj göndermeyin'",
        (("lütfen bana artık mesaj göndermeyin", L("tr", keys=["stop_check"])),),
        state=menu_state("tr"),
    ),
    D(
        "Polish 'proszę już więcej do mnie nie pisać'",
        (("proszę już więcej do mnie nie pisać", L("pl", keys=["stop_check"])),),
        state=menu_state("pl"),
    ),
    D(
        "Ukrainian 'будь ласка, більше не надсилайте мені нічого'",
        (("будь ласка, більше не надсилайте мені нічого", L("uk", keys=["stop_check"])),),
        state=menu_state("uk"),
    ),
    D(
        "Arabic 'من فضلكم توقفوا عن إرسال الرسائل لي'",
        (("من فضلكم توقفوا عن إرسال الرسائل لي", L("ar", keys=["stop_check"])),),
        state=menu_state("ar"),
    ),
    D(
        "a pause, not a stop: a volunteer's 'even een paar weken niks' pauses (PAUZE's two weeks) or asks how long",
        (("even een paar weken niks graag", ok(keys=["offer_pause*"], no_effect=["set_stopped"])),),
        profile=HENK,
    ),
    D(
        "a stop that is also a crisis stays a crisis",
        (
            (
                "hou maar op met die berichten, ik wil niet meer leven",
                {**CRISIS, "no_effect": ["set_stopped"]},
            ),
        ),
    ),
    # --- erasure and export in words
    D(
        "'wis alles wat jullie van mij weten': the erase question, a yes erases",
        (("wis alles wat jullie van mij weten", ERASE_CHECK), ("ja", ERASED)),
    ),
    D(
        "'ik wil mijn gegevens zien' shows what is kept",
        (("ik wil mijn gegevens zien", MY_DATA),),
    ),
    D(
        "'wat weten jullie eigenlijk van mij?' shows what is kept",
        (("wat weten jullie eigenlijk van mij?", MY_DATA),),
    ),
    D(
        "'verwijder mijn nummer' leads to erasure, with its question",
        (
            (
                "verwijder mijn nummer alsjeblieft",
                ok(keys=["stop_or_erase"], no_effect=["erase_me", "set_stopped"]),
            ),
            ("2", ERASE_CHECK),
        ),
    ),
    D(
        "erasure asked, then 'nee toch maar niet' keeps everything",
        (
            ("haal al mijn gegevens weg", ERASE_CHECK),
            ("nee toch maar niet", ok(keys=["erase_kept"], no_effect=["erase_me"])),
        ),
    ),
    D(
        "'wat bewaren jullie eigenlijk van mij?' in the middle of a request: answered, the request kept",
        (
            *TO_DESCRIPTION,
            ("wacht, wat bewaren jullie eigenlijk van mij?", MY_DATA),
            ("melk en brood", ok(keys=["ask_when"])),
        ),
    ),
    D(
        "'ik wil een kopie van alles wat jullie over mij hebben' is the export",
        (("ik wil een kopie van alles wat jullie over mij hebben", ok(effect=["create_export_link"])),),
    ),
    D(
        "English 'please delete everything you have about me'",
        (
            (
                "please delete everything you have about me",
                L("en", keys=["erase_confirm"], no_effect=["erase_me"]),
            ),
        ),
        state=menu_state("en"),
    ),
    D(
        "Polish 'chcę zobaczyć, co o mnie wiecie'",
        (("chcę zobaczyć, co o mnie wiecie", L("pl", effect=["send_my_data"])),),
        state=menu_state("pl"),
    ),
    D(
        "erasure said with a wish to die is a crisis, nothing erased",
        (("wis alles maar, ik wil er niet meer zijn", {**CRISIS, "no_effect": ["erase_me"]}),),
    ),
    # --- who sees what
    D(
        "'wie kan mijn vraag zien?' at the visibility question: what it means, then the question",
        (*TO_VISIBILITY, ("wie kan mijn vraag zien?", ok(keys=["help_ask_visibility"]))),
    ),
    D(
        "'ik wil niet dat de buren weten dat ik hulp krijg' at the visibility question: only who helps",
        (*TO_VISIBILITY, ("ik wil niet dat de buren weten dat ik hulp krijg", ok(keys=["ask_summary"]))),
    ),
    D(
        "'alleen een vrouw graag' at the summary: kept with the request, read back",
        (
            *TO_VISIBILITY,
            ("1", {"keys": ["ask_summary"]}),
            ("alleen een vrouw graag", ok(keys=["ask_summary"], says=["vrouw"])),
        ),
    ),
    D(
        "'ja hoor, geef mijn nummer maar' after Henk asks for her number: shared, not passed on",
        ((RELAYED, {"keys": ["relay"]}), ("ja hoor, geef mijn nummer maar", ok(effect=["share_number"]))),
        profile=WITH_THREAD,
    ),
    D(
        "'liever niet' after Henk asks for her number: no number shared, Henk is told",
        (
            (RELAYED, {"keys": ["relay"]}),
            ("nee hoor, liever niet", ok(effect=["relay"], no_effect=["share_number"])),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'mag ze mijn nummer hebben' from the volunteer: shared",
        (("ja, ze mag mijn nummer hebben hoor", ok(effect=["share_number"], no_effect=["relay"])),),
        profile=HENK_THREAD,
    ),
    D(
        "'ik wil niet meer met hem praten' in a thread: not passed on to him",
        (("ik wil niet meer met hem praten", ok(**NOT_RELAYED)),),
        profile=WITH_THREAD,
    ),
    D(
        "'ik voel me niet veilig bij hem' in a thread: frozen and reported, a person told",
        (
            (
                "ik voel me niet veilig bij hem",
                ok(effect=["report_thread"], keys=["thread_reported"], **NOT_RELAYED),
            ),
        ),
        profile=WITH_THREAD,
    ),
    # --- own facts
    D(
        "'ik ben verhuisd naar de Bloemhof' changes her neighbourhood",
        (
            (
                "ik ben verhuisd naar de Bloemhof",
                ok(effect_has={"update_profile": {"neighbourhood": "bloemhof"}}),
            ),
        ),
    ),
    D(
        "'mijn naam is eigenlijk Marietje' changes her name",
        (("mijn naam is eigenlijk Marietje", ok(effect_has={"update_profile": {"first_name": "Marietje"}})),),
    ),
    D(
        "'ik wil liever in het Engels' switches the language",
        (("ik wil liever in het Engels", ok(keys=["language_set"], state={"lang": "en"})),),
    ),
    D(
        "'ik heb geen tijd meer om te helpen' from a volunteer: pause or end offered",
        (
            (
                "ik heb geen tijd meer om te helpen",
                ok(says=["pauze"], no_effect=["stop_offer", "set_stopped"]),
            ),
        ),
        profile=HENK,
    ),
]


# Batch 2, held out: written after batch 1's fixes, not aimed at them (other words, other states).
SHARE_ASKED_HENK = {"internal": "share_asked", "meta": {"thread_id": 3, "name": "Henk"}}
INVITE_ANS = {
    "internal": "invite",
    "meta": {
        "request_id": 44,
        "name": "Ans",
        "category": "klusjes",
        "neighbourhood": "molenwijk",
        "when": {"kind": "asap"},
        "description": "schilderij ophangen",
    },
}
BATCH_2 = [
    # --- wanting out
    D(
        "SMS 'ik wil geen sms meer van jullie ontvangen'",
        (("ik wil geen sms meer van jullie ontvangen", STOP_CHECK), ("jazeker hoor", STOPPED)),
    ),
    D(
        "'kappen nou met dat gezeur' at the urgency question",
        (
            *TO_DESCRIPTION,
            ("gordijnen ophangen in de slaapkamer", {"keys": ["ask_when"]}),
            ("donderdagmiddag", {"keys": ["when_understood"]}),
            ("kappen nou met dat gezeur", STOP_CHECK),
        ),
    ),
    D(
        "a carer at a check-in: 'laat me toch met rust met die vragen' is no answer to it",
        (
            (CHECKIN, {"keys": ["care_checkin"]}),
            ("laat me toch met rust met die vragen", ok(no_effect=["care_answer", "set_stopped"])),
        ),
        profile=CARER,
    ),
    D(
        "'laat me met rust' in a thread is not passed on as it stands: the stop question first",
        (("laat me nou gewoon met rust", ok(keys=["stop_check"], **NOT_RELAYED)),),
        profile=WITH_THREAD,
    ),
    D(
        "Turkish 'artık mesaj istemiyorum, beni listeden çıkarın'",
        (("artık mesaj istemiyorum, beni listeden çıkarın", L("tr", keys=["stop_check"])),),
        state=menu_state("tr"),
    ),
    D(
        "Polish 'wypiszcie mnie z tego, proszę'",
        (("wypiszcie mnie z tego, proszę", L("pl", keys=["stop_check"])),),
        state=menu_state("pl"),
    ),
    D(
        "English SMS 'pls no more txts'",
        (("pls no more txts", L("en", keys=["stop_check"])),),
        state=menu_state("en"),
    ),
    D(
        "Ukrainian 'більше не пишіть мені, дякую'",
        (("більше не пишіть мені, дякую", L("uk", keys=["stop_check"])),),
        state=menu_state("uk"),
    ),
    D(
        "Arabic 'لا أريد أي رسائل بعد اليوم'",
        (("لا أريد أي رسائل بعد اليوم", L("ar", keys=["stop_check"])),),
        state=menu_state("ar"),
    ),
    D(
        "a volunteer's 'ik ga 3 weken op vakantie, even geen hulpvragen' pauses three weeks",
        (
            (
                "ik ga 3 weken op vakantie, even geen hulpvragen",
                ok(keys=["offer_paused"], says=["14 december"]),
            ),
        ),
        profile=HENK,
    ),
    D(
        "a resident's 'even een maandje niks sturen aub' does not stop everything unasked",
        (("even een maandje niks sturen aub", ok(no_effect=["set_stopped"])),),
    ),
    D(
        "a stop that is also a crisis, in a thread: a crisis, nothing passed on",
        (("laat me maar met rust, ik maak er vanavond een eind aan", {**CRISIS, **NOT_RELAYED}),),
        profile=WITH_THREAD,
    ),
    # --- erasure and export
    D(
        "'kunnen jullie mijn gegevens verwijderen?' asks the erase question",
        (("kunnen jullie mijn gegevens verwijderen?", ERASE_CHECK), ("ja, doe maar", ERASED)),
    ),
    D(
        "'ik wil dat jullie alles van mij vergeten'",
        (("ik wil dat jullie alles van mij vergeten", ERASE_CHECK),),
    ),
    D(
        "'welke info hebben jullie over mij opgeslagen?' shows what is kept",
        (("welke info hebben jullie over mij opgeslagen?", MY_DATA),),
    ),
    D(
        "'stuur me een kopie van mijn gegevens aub' is the export",
        (("stuur me een kopie van mijn gegevens aub", ok(effect=["create_export_link"])),),
    ),
    D(
        "English 'what info do you keep on me?'",
        (("what info do you keep on me?", L("en", effect=["send_my_data"])),),
        state=menu_state("en"),
    ),
    D(
        "Turkish 'bilgilerimi silin lütfen'",
        (("bilgilerimi silin lütfen", L("tr", keys=["erase_confirm"], no_effect=["erase_me"])),),
        state=menu_state("tr"),
    ),
    D(
        "Ukrainian 'видаліть, будь ласка, всю інформацію про мене'",
        (
            (
                "видаліть, будь ласка, всю інформацію про мене",
                L("uk", keys=["erase_confirm"], no_effect=["erase_me"]),
            ),
        ),
        state=menu_state("uk"),
    ),
    D(
        "erasure in the middle of a request, then no: nothing erased, the request goes on",
        (
            *TO_DESCRIPTION,
            ("wacht eens, verwijder eigenlijk al mijn gegevens", ERASE_CHECK),
            ("nee laat maar", ok(keys=["erase_kept"], no_effect=["erase_me"])),
        ),
    ),
    D(
        "'haal mijn telefoonnummer uit jullie systeem' offers erasure too",
        (
            (
                "haal mijn telefoonnummer uit jullie systeem",
                ok(keys=["stop_or_erase"], no_effect=["set_stopped"]),
            ),
        ),
    ),
    D(
        "erasure with a wish to die is a crisis",
        (
            (
                "verwijder alles maar, niemand zal me missen als ik er niet meer ben",
                {**CRISIS, "no_effect": ["erase_me"]},
            ),
        ),
    ),
    # --- who sees what
    D(
        "'mag het buurtteam dat ook zien?' at the visibility question is no miss",
        (*TO_VISIBILITY, ("mag het buurtteam dat ook zien?", ok(no_effect=["create_request"]))),
    ),
    D(
        "'alleen degene die komt helpen' at the visibility question",
        (
            *TO_VISIBILITY,
            ("alleen degene die komt helpen", ok(keys=["ask_summary"], says=["Alleen wie helpt"])),
        ),
    ),
    D(
        "'wie kan er zien wat ik vraag?' at the menu is no miss",
        (("wie kan er zien wat ik vraag?", ok()),),
    ),
    D(
        "'liefst geen man, ik ben alleen thuis' at the when-question: kept, the question again",
        (
            *TO_DESCRIPTION,
            ("kastje in elkaar zetten", {"keys": ["ask_when"]}),
            ("liefst geen man, ik ben alleen thuis", ok(keys=["ask_wish_noted", "ask_when"])),
        ),
    ),
    D(
        "Henk asked to share numbers: 'ja dat is goed' shares",
        (
            (SHARE_ASKED_HENK, {"keys": ["share_asked"]}),
            ("ja dat is prima hoor", ok(effect=["share_number"])),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "Henk asked to share numbers: 'nee, dat wil ik niet' shares nothing",
        (
            (SHARE_ASKED_HENK, {"keys": ["share_asked"]}),
            ("nee, dat wil ik liever niet hoor", ok(no_effect=["share_number"])),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'hij belt me steeds, ik vind het eng' in a thread reaches staff",
        (("hij belt me steeds, ik vind het eng", ok(effect=["report_thread"], **NOT_RELAYED)),),
        profile=WITH_THREAD,
    ),
    D(
        "'ik wil niet dat hij nog langskomt' in a thread is not passed on",
        (("ik wil niet dat hij nog langskomt", ok(**NOT_RELAYED)),),
        profile=WITH_THREAD,
    ),
    D(
        "'hij zei rare dingen tegen me' in a thread: not passed on, reporting offered",
        (("hij zei rare dingen tegen me", ok(says=["buurtteam"], **NOT_RELAYED)),),
        profile=WITH_THREAD,
    ),
    D(
        "English in a thread: 'I don't want to talk to him anymore', then end it",
        (
            ("I don't want to talk to him anymore", L("en", **NOT_RELAYED)),
            ("1", L("en", effect=["close_thread"])),
        ),
        state=menu_state("en"),
        profile=WITH_THREAD,
    ),
    D(
        "a volunteer in a thread: 'ik wil stoppen met dit gesprek' ends that conversation only",
        (("ik wil stoppen met dit gesprek", ok(no_effect=["set_stopped", "relay"], says=["Ans"])),),
        profile=HENK_THREAD,
    ),
    # --- own facts
    D(
        "'we zijn verhuisd naar De Akkers'",
        (
            (
                "we zijn verhuisd naar De Akkers",
                ok(effect_has={"update_profile": {"neighbourhood": "de_akkers"}}),
            ),
        ),
    ),
    D(
        "'ik woon nu in 7393' (a postcode)",
        (("ik woon nu in 7393", ok(effect_has={"update_profile": {"neighbourhood": "oude_haven"}})),),
    ),
    D(
        "'zeg maar Riet, zo noemt iedereen me'",
        (("zeg maar Riet, zo noemt iedereen me", ok(effect_has={"update_profile": {"first_name": "Riet"}})),),
    ),
    D(
        "'Can you text me in English from now on?'",
        (("Can you text me in English from now on?", ok(state={"lang": "en"})),),
        # Lifted (misses16): "from now on" adds no length to a language request (languages.toml lasting).
    ),
    D(
        "'kunt u voortaan in het Turks schrijven?'",
        (("kunt u voortaan in het Turks schrijven?", ok(state={"lang": "tr"})),),
    ),
    D(
        "a volunteer: 'ik kan voorlopig niet meer helpen, mijn knie is geopereerd'",
        (
            (
                "ik kan voorlopig niet meer helpen, mijn knie is geopereerd",
                ok(says=["pauze"], no_effect=["stop_offer", "set_stopped"]),
            ),
        ),
        profile=HENK,
    ),
    D(
        "a volunteer: 'ik wil stoppen als vrijwilliger' is about the offer, not all messages",
        (
            (
                "ik wil stoppen als vrijwilliger",
                ok(keys=["offer_*"], no_effect=["set_stopped"], not_keys=["stop_check"]),
            ),
        ),
        profile=HENK,
    ),
    D(
        "a volunteer at an invitation: 'haal me maar van de lijst met vrijwilligers' is about the offer",
        (
            (INVITE_ANS, {"keys": ["invite*"]}),
            ("haal me maar van de lijst met vrijwilligers", ok(keys=["offer_*"], not_keys=["stop_check"])),
        ),
        profile=HENK,
    ),
]


# What the fixes must not break.
GUARDS = [
    D(
        "'de kraan stopt niet met lekken' is a description, not a stop",
        (*TO_DESCRIPTION, ("de kraan stopt niet met lekken", ok(keys=["ask_when"], not_keys=["stop_check"]))),
    ),
    D(
        "'de verwarming stopt er steeds mee' at the menu is no stop",
        (
            (
                "de verwarming stopt er steeds mee, wie kan kijken?",
                {"not_keys": ["stop_check", "stop_confirmed"]},
            ),
        ),
    ),
    D(
        "'kan iemand mijn ramen wassen?' is a request, not erasure",
        (("kan iemand mijn ramen wassen?", ok(not_keys=["erase_confirm", "stop_or_erase"])),),
    ),
    D(
        "'kan iemand helpen oude foto's van mijn telefoon te wissen?' is a request, not erasure",
        (
            (
                "kan iemand helpen oude foto's van mijn telefoon te wissen?",
                ok(keys=["ask_*"], not_keys=["erase_confirm", "stop_or_erase"]),
            ),
        ),
    ),
    D(
        "'ik wil mijn gegevens bij de gemeente wijzigen, wie kan helpen?' is a request, not MIJN GEGEVENS",
        (("ik wil mijn gegevens bij de gemeente wijzigen, wie kan helpen?", ok(no_effect=["send_my_data"])),),
    ),
    D(
        "'wat weten jullie over mantelzorg?' is not MIJN GEGEVENS",
        (("wat weten jullie over mantelzorg?", {"no_effect": ["send_my_data"]}),),
    ),
    D(
        "in a thread: 'de trap is niet veilig, neem je een ladder mee?' goes to the neighbour",
        (
            (
                "de trap is niet veilig, neem je een ladder mee?",
                {"effect": ["relay"], "no_effect": ["report_thread"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "in a thread: 'ik vind het eng om alleen naar de dokter te gaan' goes to the neighbour",
        (
            (
                "ik vind het eng om alleen naar de dokter te gaan",
                {"effect": ["relay"], "no_effect": ["report_thread"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "in a thread: 'mijn hond doet raar sinds gisteren, kun je even kijken?' goes to the neighbour",
        (
            (
                "mijn hond doet raar sinds gisteren, kun je even kijken?",
                {"effect": ["relay"], "not_keys": ["thread_worry"]},
            ),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "in a thread: a crisis with him stays a crisis",
        (("hij bedreigt me met een mes", {**CRISIS, **NOT_RELAYED}),),
        profile=WITH_THREAD,
    ),
    D(
        "'jazeker, graag' at the summary still sends",
        (
            *TO_VISIBILITY,
            ("1", {"keys": ["ask_summary"]}),
            ("jazeker, graag", {"effect": ["create_request"]}),
        ),
    ),
    D(
        "'2' at the visibility question is still the team too",
        (*TO_VISIBILITY, ("2", {"keys": ["ask_summary"], "says": ["buurtteam"]})),
    ),
    D(
        "'ik ga verhuizen, kan iemand helpen met dozen sjouwen?' is a request",
        (
            (
                "ik ga verhuizen, kan iemand helpen met dozen sjouwen?",
                ok(keys=["ask_*"], no_effect=["update_profile"]),
            ),
        ),
    ),
    D(
        "'ik ben verhuisd en krijg de kasten niet opgehangen, wie helpt?' is a request",
        (
            (
                "ik ben verhuisd en krijg de kasten niet opgehangen, wie helpt?",
                ok(keys=["ask_*"], no_effect=["update_profile"]),
            ),
        ),
    ),
    D(
        "'mijn naam is Ria en ik zoek hulp met boodschappen' is a request, no new name",
        (("mijn naam is Ria en ik zoek hulp met boodschappen", ok(no_effect=["update_profile"])),),
    ),
    D(
        "Henk asked to share numbers, then a question to him: passed on, nothing shared",
        (
            (SHARE_ASKED_HENK, {"keys": ["share_asked"]}),
            ("hoe laat kom je morgen eigenlijk?", {"effect": ["relay"], "no_effect": ["share_number"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "a relayed message, then 'ja hoor prima': passed on, nothing shared",
        ((RELAYED, {"keys": ["relay"]}), ("ja hoor prima", {"no_effect": ["share_number"]})),
        profile=WITH_THREAD,
    ),
    D("PAUZE alone still pauses two weeks", (("PAUZE", {"keys": ["offer_paused"]}),), profile=HENK),
    D("STOP alone still stops at once", (("STOP", STOPPED),)),
    D(
        "someone who offers nothing: 'haal me van de lijst met vrijwilligers' is the stop question",
        (("haal me van de lijst met vrijwilligers", ok(keys=["stop_check"])),),
    ),
]


# Seen after fixing (not in the figures): the new mechanisms in other languages and states.
MY_DATA_BACK = {
    "internal": "my_data",
    "meta": {"first_name": "Ria", "neighbourhood": "molenwijk", "messages": 12, "requests": 1},
}
SEEN = [
    D(
        "MIJN GEGEVENS in words mid-question: what is kept, then the question again",
        (
            *TO_DESCRIPTION,
            ("o wacht, wat weten jullie eigenlijk allemaal van mij?", MY_DATA),
            (MY_DATA_BACK, {"keys": ["my_data", "ask_description*"], "says": ["verder waar we waren"]}),
            ("bloemen water geven", ok(keys=["ask_when"])),
        ),
    ),
    D(
        "Turkish 'numaramı silin lütfen': stop or erase asked in Turkish",
        (("numaramı silin lütfen", L("tr", keys=["stop_or_erase"])), ("1", L("tr", keys=["stop_confirmed"]))),
        state=menu_state("tr"),
    ),
    D(
        "Polish in a thread: 'nie chcę już z nim rozmawiać', then tell the team",
        (
            ("nie chcę już z nim rozmawiać", L("pl", keys=["thread_worry"], **NOT_RELAYED)),
            ("2", L("pl", effect=["report_thread"])),
        ),
        state=menu_state("pl"),
        profile=WITH_THREAD,
    ),
    D(
        "English: numbers asked, 'yes that's fine by me'",
        (
            (SHARE_ASKED_HENK, {"keys": ["share_asked"]}),
            ("yes that's fine by me", L("en", effect=["share_number"], **NOT_RELAYED)),
        ),
        state=menu_state("en"),
        profile=WITH_THREAD,
    ),
    D(
        "thread worry, then pass it on after all",
        (
            ("hij doet een beetje raar vandaag", ok(keys=["thread_worry"], **NOT_RELAYED)),
            ("3", {"effect": ["relay"]}),
        ),
        profile=WITH_THREAD,
    ),
    D(
        "'ik ben verhuisd naar de Bloemenbuurt' (no such neighbourhood): asked which, then changed",
        (
            (
                "ik ben verhuisd naar de Bloemenbuurt",
                ok(keys=["neighbourhood_unknown"], no_effect=["update_profile"]),
            ),
            ("Bloemhof", ok(effect_has={"update_profile": {"neighbourhood": "bloemhof"}})),
        ),
    ),
    D(
        "'ik voel me niet veilig bij hem' with no conversation open: a person is asked for",
        (("ik voel me niet veilig bij hem", ok(keys=["human_requested"], effect=["request_human"])),),
    ),
    D(
        "a resident's 'even een maandje niks sturen aub', then yes: stopped (START brings it back)",
        (("even een maandje niks sturen aub", STOP_CHECK), ("ja", STOPPED)),
    ),
    D(
        "English: 'my name is actually Bob' at the menu",
        (("my name is actually Bob", L("en", effect_has={"update_profile": {"first_name": "Bob"}})),),
        state=menu_state("en"),
    ),
]


# Known misses, decided and left (strict xfails: a fix shows up).
KNOWN = [
    D(
        "in a thread: 'hij doet raar met de lamp, kun je morgen kijken?' is for the neighbour",
        (
            (
                "hij doet raar met de lamp, kun je morgen kijken?",
                {"effect": ["relay"], "not_keys": ["thread_worry"]},
            ),
        ),
        profile=WITH_THREAD,
        gap="'hij' with an odd-behaviour word is read as words about the neighbour: the worry question comes "
        "first ('Toch doorsturen' passes it on in one tap); decided: a worry asked about once costs less than "
        "one passed on unread",
    ),
    D(
        "a carer's 'even een paar weken niks graag' pauses the check-ins",
        (("even een paar weken niks graag", ok(keys=["care_pause*"])),),
        profile=CARER,
        # Lifted (misses16): PAUZE from a carer who offers nothing pauses the check-ins.
    ),
    D(
        "in a thread: 'ik ben verhuisd naar de Bloemhof' also changes her neighbourhood",
        (
            (
                "ik ben verhuisd naar de Bloemhof",
                {"effect_has": {"update_profile": {"neighbourhood": "bloemhof"}}},
            ),
        ),
        profile=WITH_THREAD,
        # Lifted (misses16): passed on to the neighbour, and a neighbourhood named clearly is her own too.
    ),
    D(
        "at the menu: 'ik wil niet dat de buren weten dat ik hulp krijg' is answered (who sees a request)",
        (("ik wil niet dat de buren weten dat ik hulp krijg", ok(says=["geheim"])),),
        # Lifted (misses16): the worry is a question about Voordeur (faq.toml [privacy]), answered.
    ),
]


# Coming back after a stop. The replay cannot mark an address stopped (the engine does: `Event.address_stopped`),
# so these are single steps: a wish to get messages again in words turns them back on; anything else is
# not answered (CONTRACT: nothing else is sent to a stopped address). Batch 1 first had this as a dialogue
# ("STOP", then the words), which the replay cannot express: it failed on the replay, not on the bot.
BACK_AFTER_STOP = [
    ("ik wil toch weer berichten krijgen", "nl", True),
    ("ik wil toch weer meedoen hoor", "nl", True),
    ("I'd like to get messages again", "en", True),
    ("hallo, nog een vraag", "nl", False),
]


@pytest.mark.parametrize(("text", "lang", "back"), BACK_AFTER_STOP)
def test_back_after_stop(text: str, lang: str, back: bool) -> None:
    from flows.conversation import step
    from flows.types import Event
    from tests.golden_runner import profile_from

    result = step(
        menu_state(lang), Event(kind="text", text=text, address_stopped=True), CLOCK, profile_from(dict(RIA))
    )
    kinds = [(e.kind, dict(e.data)) for e in result.effects]
    if back:
        assert ("set_stopped", {"stopped": False}) in kinds
        assert "start_confirmed" in [r.key for r in result.replies]
    else:
        assert not result.replies
        assert not kinds


def _earlier_strings() -> set[str]:
    return every_earlier_string(__file__)


def _all_sent() -> set[str]:
    return {
        sent.casefold()
        for d in (*BATCH_1, *BATCH_2, *GUARDS, *SEEN, *KNOWN)
        for sent, _ in d.turns
        if isinstance(sent, str) and len(sent.split()) > 1
    } | {text.casefold() for text, _, _ in BACK_AFTER_STOP}


def test_messages_are_new() -> None:
    assert not _all_sent() & _earlier_strings()


@pytest.mark.parametrize("dialogue", as_params(BATCH_1))
def test_batch_1(dialogue: Dialogue) -> None:
    assert_holds(dialogue, no_miss_lead)


@pytest.mark.parametrize("dialogue", as_params(BATCH_2))
def test_batch_2(dialogue: Dialogue) -> None:
    assert_holds(dialogue, no_miss_lead)


@pytest.mark.parametrize("dialogue", as_params(GUARDS))
def test_guards(dialogue: Dialogue) -> None:
    assert_holds(dialogue, no_miss_lead)


@pytest.mark.parametrize("dialogue", as_params(SEEN))
def test_seen(dialogue: Dialogue) -> None:
    assert_holds(dialogue, no_miss_lead)


@pytest.mark.parametrize("dialogue", as_params(KNOWN))
def test_known(dialogue: Dialogue) -> None:
    assert_holds(dialogue, no_miss_lead)
