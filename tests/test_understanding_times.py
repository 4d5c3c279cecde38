# ruff: noqa: RUF001 - the test sentences are Turkish and Ukrainian on purpose
"""Times as people say them: answers to "Wanneer?", times inside longer messages, volunteers' conditions.

The sentences are paraphrases written for these tests, not the corpus's (dev.jsonl is scored apart).
"""

from __future__ import annotations

from datetime import datetime, time

import pytest

from flows.understanding.reading import read
from flows.understanding.time_compose import read_time
from flows.understanding.times import TimeReading, condition_time, find_when, read_when
from flows.when import AMSTERDAM, When, parse_when

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM)  # Monday 23 November 2026, 10:00

# text, language, the normal form
ANSWERS = [
    # days, relative days, weeks
    ("dinsdag", "nl", "tuesday"),
    ("op vrijdag graag", "nl", "friday"),
    ("Zondag!!", "nl", "sunday"),
    ("liefst morgen", "nl", "tomorrow"),
    ("vandaag als het lukt", "nl", "today"),
    ("overmorgen is prima", "nl", "day after tomorrow"),
    ("ergens deze week", "nl", "this week"),
    ("komende week een keer", "nl", "next week"),
    ("in het weekend graag", "nl", "this weekend"),
    ("op zaterdagen", "nl", "every saturday"),
    ("aanstaande donderdag", "nl", "next thursday"),
    ("volgende week woensdag", "nl", "next wednesday"),
    # dayparts
    ("donderdagavond", "nl", "thursday evening"),
    ("morgenmiddag", "nl", "tomorrow afternoon"),
    ("vanmiddag nog", "nl", "today afternoon"),
    ("'s avonds", "nl", "evening"),
    ("smorgens", "nl", "morning"),
    ("maandag in de middag", "nl", "monday afternoon"),
    ("vrijdagochtnd", "nl", "friday morning"),
    ("morgn ochtend", "nl", "tomorrow morning"),
    ("woensdg", "nl", "wednesday"),
    # clock times
    ("morgen om 3 uur", "nl", "tomorrow 15:00"),
    ("dinsdag om 8 uur", "nl", "tuesday 08:00"),
    ("om half 4", "nl", "15:30"),
    ("donderdag kwart voor elf", "nl", "thursday 10:45"),
    ("vrijdag 16.30", "nl", "friday 16:30"),
    ("morgen om 9 uur 's avonds", "nl", "tomorrow 21:00"),
    ("na vieren", "nl", "after 16:00"),
    ("na 3 uur", "nl", "after 15:00"),
    ("ergens na de lunch", "nl", "afternoon"),
    ("voor 10 uur", "nl", "before 10:00"),
    ("uiterlijk 12 uur", "nl", "before 12:00"),
    ("tussen 2 en 4", "nl", "between 14:00 and 16:00"),
    ("zaterdag tussen 10 en 12", "nl", "saturday between 10:00 and 12:00"),
    ("van 9 tot 11", "nl", "between 09:00 and 11:00"),
    ("zo rond 3 uur", "nl", "15:00"),
    ("niet voor 10 uur", "nl", "after 10:00"),
    ("ik ben vrij op donderdag", "nl", "thursday"),
    ("half 3", "en", "15:30"),
    ("woensdag 13-15 uur", "nl", "wednesday between 13:00 and 15:00"),
    # repeats
    ("iedere woensdag", "nl", "every wednesday"),
    ("elke vrijdag om 2 uur", "nl", "every friday 14:00"),
    ("om de week, op dinsdag", "nl", "every other tuesday"),
    ("iedere ochtend", "nl", "every morning"),
    ("elke dag om 17 uur", "nl", "every day 17:00"),
    ("iedere middag na 1 uur", "nl", "every afternoon after 13:00"),
    ("wekelijks", "nl", "every week"),
    # dates and holidays
    ("3 januari", "nl", "january 3"),
    ("op 21 december om 10 uur", "nl", "december 21 10:00"),
    ("vrijdag de 27e", "nl", "friday 27th"),
    ("de 15e van de maand", "nl", "15th of the month"),
    ("voor 15 januari", "nl", "before january 15"),
    ("na oud en nieuw", "nl", "after new year"),
    ("na pasen", "nl", "after easter"),
    # relative
    ("over 2 uur", "nl", "in 2 hours"),
    ("over een week of 3", "nl", "in 3 weeks"),  # "een week of 3": about three weeks
    ("over drie weken", "nl", "in 3 weeks"),
    ("over een kwartiertje", "nl", "in 15 minutes"),
    # options and changes of mind
    ("ma of di", "nl", "monday or tuesday"),
    ("woensdag of donderdag na 3 uur", "nl", "wednesday or thursday after 15:00"),
    ("morgen, nee wacht, overmorgen", "nl", "day after tomorrow"),
    ("vrijdag... sorry, ik bedoel zaterdag", "nl", "saturday"),
    ("deze week niet, volgende week wel", "nl", "next week"),
    ("Overmorgen?? Of is dat te laat", "nl", "day after tomorrow"),
    ("maandag, dinsdag of woensdag", "nl", "monday or tuesday or wednesday"),
    ("ma, wo en vr", "nl", "monday and wednesday and friday"),
    ("ma t/m vr 's ochtends", "nl", "weekday mornings"),
    ("na het weekend", "nl", "after this weekend"),
    # asap and flexible
    ("zsm aub", "nl", "asap"),
    ("Z.S.M.", "nl", "asap"),
    ("zsmmm", "nl", "asap"),
    ("het heeft haast", "nl", "asap"),
    ("donderdag na 4en", "nl", "thursday after 16:00"),
    ("het is dringend", "nl", "asap"),
    ("het maakt me niet zoveel uit", "nl", "flexible"),
    ("geen haast hoor", "nl", "flexible"),
    ("wanneer het jullie uitkomt", "nl", "flexible"),
    # English
    ("next friday", "en", "next friday"),
    ("sometime next week", "en", "next week"),
    ("tomorrow at 2", "en", "tomorrow 14:00"),
    ("tues or weds after 5pm", "en", "tuesday or wednesday after 17:00"),
    ("saturday morning", "en", "saturday morning"),
    ("tonight", "en", "today evening"),
    ("every other thursday", "en", "every other thursday"),
    ("between 1 and 3pm", "en", "between 13:00 and 15:00"),
    ("on weekends", "en", "weekends"),
    ("in an hour", "en", "in 1 hour"),
    ("in 3 days", "en", "in 3 days"),
    ("mon-fri evenings", "en", "weekday evenings"),
    ("in the next few days", "en", "this week"),
    ("whenever suits you", "en", "flexible"),
    ("as soon as you can please", "en", "asap"),
    ("after christmas", "en", "after christmas"),
    ("before 9am", "en", "before 09:00"),
    ("friday 4ish", "en", "friday 16:00"),
    # Turkish
    ("yarın sabah", "tr", "tomorrow morning"),
    ("cumartesi öğleden sonra", "tr", "saturday afternoon"),
    ("pazartesi saat 3te", "tr", "monday 15:00"),
    ("salı 14:00'te", "tr", "tuesday 14:00"),
    ("bugün akşam", "tr", "today evening"),
    ("perşembe günü", "tr", "thursday"),
    ("saat 4ten sonra", "tr", "after 16:00"),
    ("haftaya", "tr", "next week"),
    ("hafta sonu", "tr", "this weekend"),
    ("her sabah", "tr", "every morning"),
    ("hemen lütfen", "tr", "asap"),
    ("yarın akşam 7 gibi", "tr", "tomorrow 19:00"),
    ("acelem yok", "tr", "flexible"),
    # Arabic and Moroccan Arabic
    ("غدا في الصباح", "ar", "tomorrow morning"),
    ("يوم السبت", "ar", "saturday"),
    ("الخميس بعد الظهر", "ar", "thursday afternoon"),
    ("ghda f sba7", "ar", "tomorrow morning"),
    ("nhar jem3a l3chiya", "ar", "friday afternoon"),
    ("lyoum f lil", "ar", "today night"),
    ("dghya 3afak", "ar", "asap"),
    ("في أقرب وقت", "ar", "asap"),
    ("ay wa9t", "ar", "flexible"),
    ("ghedda m3a l3achra", "ar", "tomorrow 10:00"),
    ("dabaaa", "ar", "asap"),
    ("السبت مع الرابعة", "ar", "saturday 16:00"),
    ("ماشي مشكل، أي وقت", "ar", "flexible"),
    ("السيمانة الجاية", "ar", "next week"),
    # Polish
    ("jutro rano", "pl", "tomorrow morning"),
    ("w piątek wieczorem", "pl", "friday evening"),
    ("w sobote o 10", "pl", "saturday 10:00"),
    ("w przyszłym tygodniu", "pl", "next week"),
    ("po 15:00", "pl", "after 15:00"),
    ("obojętnie", "pl", "flexible"),
    ("pilne, jak najszybciej", "pl", "asap"),
    ("co tydzień we wtorek", "pl", "every tuesday"),
    # Ukrainian
    ("завтра вранці", "uk", "tomorrow morning"),
    ("у четвер ввечері", "uk", "thursday evening"),
    ("в понеділок о 10", "uk", "monday 10:00"),
    ("наступного тижня", "uk", "next week"),
    ("після 14:00", "uk", "after 14:00"),
    ("терміново", "uk", "asap"),
    ("коли вам зручно", "uk", "flexible"),
    ("щосуботи", "uk", "every saturday"),
]

UNCLEAR = [
    ("geen idee nog", "nl"),
    ("dat hoor ik later pas", "nl"),
    ("als mijn dochter kan", "nl"),
    ("hoe bedoel je?", "nl"),
    ("ja", "nl"),
    ("👍", "nl"),
    ("dinsdag kan ik niet", "nl"),
    ("dat laat ik morgen weten", "nl"),
    ("I'll text you tonight", "en"),
    ("I don't know yet", "en"),
    ("bilmiyorum", "tr"),
    ("ما عرفتش", "ar"),
    ("nie wiem jeszcze", "pl"),
    ("ще не знаю", "uk"),
]


@pytest.mark.parametrize(("text", "lang", "normal"), ANSWERS)
def test_an_answer_to_when_is_read_into_its_normal_form(text: str, lang: str, normal: str) -> None:
    reading = read_when(text, lang, NOW)
    assert reading is not None, text
    assert reading.normal == normal


@pytest.mark.parametrize(("text", "lang"), UNCLEAR)
def test_an_answer_without_a_time_is_none(text: str, lang: str) -> None:
    assert read_when(text, lang, NOW) is None


# A longer message: the time in it, or None when it has none.
MESSAGES = [
    ("hallo, wie kan donderdagmiddag met mijn moeder naar de markt?", "nl", "thursday afternoon"),
    ("ik ben 91 en woon op nummer 14, kan iemand helpen met de tuin", "nl", None),
    ("wil iemand 2 tassen boodschappen halen? liefst morgen", "nl", "tomorrow"),
    ("mijn vader (78) moet vrijdag om 10 uur naar het ziekenhuis", "nl", "friday 10:00"),
    ("ik kan op woensdagen wel helpen met klusjes", "nl", "every wednesday"),
    ("ik heb 's avonds tijd om te helpen, doordeweeks", "nl", "weekday evenings"),
    ("kan iemand mijn planten water geven, ik ben 2 weken weg", "nl", None),
    ("wie wil helpen, het heeft geen haast", "nl", "flexible"),
    ("kan iemand zo snel mogelijk mijn kraan maken", "nl", "asap"),
    ("iemand die de hond uitlaat, elke middag als het lukt?", "nl", "every afternoon"),
    ("de brief moet uiterlijk 1 maart weg", "nl", "before march 1"),
    ("zijn er activiteiten in het weekend?", "nl", "this weekend"),
    ("ik help graag, in de weekenden", "nl", "weekends"),
    ("heb vanavond iemand nodig voor de computer", "nl", "today evening"),
    ("ik zoek hulp met de boodschappen, het kost 20 euro", "nl", None),
    ("goedemiddag, ik zoek iemand voor de tuin", "nl", None),
    ("gisteren was de lift kapot, wie kan voortaan de boodschappen doen", "nl", None),
    ("mijn lamp was kapot, kan iemand morgen komen?", "nl", "tomorrow"),
    ("ik ben vanmiddag gevallen. wie kan vrijdag boodschappen doen?", "nl", "friday"),
    ("my car broke down this morning, can someone drive me on friday", "en", "friday"),
    ("I got a letter yesterday and need help with it this week", "en", "this week"),
    ("ik moet de 3e verdieping op met een kast", "nl", None),
    ("zoek gezelschap voor 2 uurtjes per week", "nl", None),
    (
        "kan iemand de vissen voeren, ik ben van 4 tot 11 januari weg",
        "nl",
        "between january 4 and january 11",
    ),
    ("could someone drive me to the dentist next tuesday at 11?", "en", "next tuesday 11:00"),
    ("good morning! anyone free to help with my laptop", "en", None),
    ("heeft iemand zin om een middag te gaan fietsen", "nl", None),
    ("ik woon op nummer 8, van de week was de verwarming kapot", "nl", None),
    ("need a ride to the clinic at 3 on friday", "en", "friday 15:00"),
    ("chkoun y3awni, ana 3andi 80 3am", "ar", None),
    ("I am 80 years old and need help with groceries this weekend", "en", "this weekend"),
    ("bahçe için yardım lazım, acele yok", "tr", "flexible"),
    ("yarın markete gidecek biri var mı", "tr", "tomorrow"),
    ("wach kayn chi wa7ed y3awni f jardin nhar sebt", "ar", "saturday"),
    ("potrzebuję pomocy z zakupami w sobotę", "pl", "saturday"),
    ("потрібна допомога з покупками завтра", "uk", "tomorrow"),
]


@pytest.mark.parametrize(("text", "lang", "normal"), MESSAGES)
def test_a_time_is_found_inside_a_longer_message(text: str, lang: str, normal: str | None) -> None:
    reading = find_when(text, lang, NOW)
    assert (reading.normal if reading else None) == normal


CONDITIONS = [
    ("ja hoor, maar pas na vieren", "nl", "after 16:00"),
    ("prima, wel pas na 7 uur 's avonds", "nl", "after 19:00"),
    ("ja als het voor 12 uur klaar is", "nl", "done before 12:00"),
    ("kan alleen zondag", "nl", "sunday only"),
    ("ja, alleen 's middags", "nl", "afternoon only"),
    ("nu niet, volgende week misschien", "nl", "next week"),
    ("sure, but only in the evening", "en", "evening only"),
    ("yes but not before 2pm", "en", "after 14:00"),
    ("ja maar om 3 uur moet ik weg", "nl", "before 15:00"),
    ("prima, maar pas volgende week", "nl", "next week"),
    ("tak, ale tylko wieczorem", "pl", "evening only"),
    ("так, але після 16", "uk", "after 16:00"),
    ("evet ama sadece cumartesi", "tr", "saturday only"),
    ("wakha, ghir nhar l7ed", "ar", "sunday only"),
    # An hour word right after a bound keeps the bound: "after the hour 2", not "at 2".
    ("نعم لكن بعد الساعة 2", "ar", "after 14:00"),
    ("ممكن من الساعة 3", "ar", "after 15:00"),
    ("wakha ba3d ssa3a 4", "ar", "after 16:00"),
    ("evet ama 2'den sonra", "tr", "after 14:00"),
    ("tak, ale po 14", "pl", "after 14:00"),
    ("tak, ale dopiero po drugiej", "pl", "after 14:00"),
    ("так, але після 2", "uk", "after 14:00"),
    ("так, але після другої", "uk", "after 14:00"),
    # Dutch "voor om 3 uur" is "for at 3": "voor" is no bound there.
    ("ja, maar voor om 3 uur", "nl", "15:00"),
    ("ja graag", "nl", None),
    ("ja, maar ik heb geen auto", "nl", None),
    ("ik laat het morgen weten", "nl", None),
    ("I'll let you know tomorrow", "en", None),
]


@pytest.mark.parametrize(("text", "lang", "condition"), CONDITIONS)
def test_the_time_of_a_condition(text: str, lang: str, condition: str | None) -> None:
    assert condition_time(text, lang, NOW) == condition


def test_the_reading_has_a_structure_flows_can_plan_with() -> None:
    reading = read_when("do of vr na 4", "nl", NOW)
    assert reading is not None
    assert [option.days for option in reading.options] == [(3,), (4,)]
    assert all(option.after == time(16) for option in reading.options)
    tuesday = read_when("elke dinsdag om 10 uur", "nl", NOW)
    assert tuesday is not None
    assert (tuesday.days, tuesday.recurrence, tuesday.at) == ((1,), "weekly", time(10))
    between = read_when("zaterdag tussen 10 en 12", "nl", NOW)
    assert between is not None
    assert (between.after, between.before) == (time(10), time(12))
    date = read_when("voor 1 april", "nl", NOW)
    assert date is not None
    assert (date.date, date.day_bound) == ((4, 1), "before")


@pytest.mark.parametrize(
    ("text", "night"),
    [
        ("om 23 uur", True),
        ("morgen om 05:30", True),
        ("morgen om 5:30", False),
        ("om 2 uur 's nachts", True),
        ("vannacht", True),
        ("na 22:00", True),
        ("morgen om 2 uur", False),
        ("tussen 8 en 10 's avonds", True),
        ("om 7 uur 's ochtends", False),
        ("morgenochtend", False),
    ],
)
def test_a_time_at_night_is_marked(text: str, night: bool) -> None:
    reading = read_when(text, "nl", NOW)
    assert reading is not None
    assert reading.at_night is night


def test_a_delay_typed_at_midnight_lands_at_night() -> None:
    midnight = datetime(2026, 11, 24, 0, 5, tzinfo=AMSTERDAM)
    late = read_when("over 3 uur", "nl", midnight)
    assert late is not None and late.at_night
    early = read_when("over 3 uur", "nl", NOW)
    assert early is not None and not early.at_night


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("morgen om 2 uur", When("moment", datetime(2026, 11, 24, 14, 0, tzinfo=AMSTERDAM))),
        ("vrijdagochtend", When("daypart", datetime(2026, 11, 27, 9, 0, tzinfo=AMSTERDAM), "ochtend")),
        ("zsm", When("asap")),
        ("maakt niet uit", When("flexible")),
        (
            "elke dinsdag om 10 uur",
            When("moment", datetime(2026, 11, 24, 10, 0, tzinfo=AMSTERDAM), recurrence="weekly"),
        ),
        (
            "every morning",
            When("daypart", datetime(2026, 11, 24, 9, 0, tzinfo=AMSTERDAM), "ochtend", "daily"),
        ),
        ("3 december", When("flexible", datetime(2026, 12, 3, 9, 0, tzinfo=AMSTERDAM))),
        ("over een uurtje", When("moment", datetime(2026, 11, 23, 11, 0, tzinfo=AMSTERDAM))),
        ("do of vr na 4", None),
        ("volgende week", None),
        ("na de kerst", None),
        ("tussen 1 en 3", None),
        ("vanochtend", When("daypart", NOW, "ochtend")),
    ],
)
def test_to_when_gives_the_planner_what_it_can_express(text: str, expected: When | None) -> None:
    reading = read_when(text, "nl" if text != "every morning" else "en", NOW)
    assert reading is not None
    assert reading.to_when(NOW) == expected


def test_a_time_already_past_today_is_not_planned() -> None:
    evening = datetime(2026, 11, 23, 21, 30, tzinfo=AMSTERDAM)
    reading = read_when("vandaag om 10 uur", "nl", evening)
    assert reading is not None and reading.normal == "today 10:00"
    assert reading.to_when(evening) is None


def test_a_typo_or_a_hedge_lowers_the_confidence() -> None:
    sure = read_when("morgenochtend", "nl", NOW)
    typo = read_when("morgn ochtnd", "nl", NOW)
    hedged = read_when("morgen ofzo", "nl", NOW)
    assert sure is not None and typo is not None and hedged is not None
    assert sure.confidence == 1.0
    assert typo.confidence < 1.0
    assert hedged.confidence < 1.0


def test_a_reading_without_now_still_has_its_normal_form() -> None:
    reading = read_when("over 2 uur", "nl", None)
    assert reading == TimeReading("in 2 hours", delay=(2, "hour"))


@pytest.mark.parametrize(
    "text",
    [
        "morgen om 10 uur",
        "donderdag om half 3",
        "25 november om 14:00",
        "woensdag 2-12 om half 11",
        "morgenochtend om 7 uur",
        "om 8 uur",
        "half 8",
        "vanavond",
        "zaterdagmiddag",
        "elke dinsdag",
        "om de week op vrijdag",
        "elke ochtend",
        "volgende week dinsdag",
        "over 2 uur",
        "over 3 dagen",
        "maandag 1 december",
        "25 november 2020",
        "vandaag om 8 uur",
    ],
)
def test_to_when_keeps_the_planners_decisions(text: str) -> None:
    reading = read_when(text, "nl", NOW)
    assert reading is not None
    assert reading.to_when(NOW) == parse_when(text, NOW)


@pytest.mark.parametrize(
    ("text", "normal"),
    [("morgen 10", "tomorrow"), ("morgen 10.10", "tomorrow")],
)
def test_a_number_that_may_be_an_hour_or_a_day_is_asked_back(text: str, normal: str) -> None:
    reading = read_when(text, "nl", NOW)
    assert reading is not None and reading.normal == normal
    assert reading.confidence < 0.5
    assert reading.to_when(NOW) is None


def test_monthly_repeats_are_read_but_not_planned() -> None:
    first = read_when("elke 1e maandag van de maand", "nl", NOW)
    monthly = read_when("een keer per maand", "nl", NOW)
    assert first is not None and first.normal == "every 1st monday of the month"
    assert monthly is not None and monthly.normal == "every month"
    assert first.to_when(NOW) is None and monthly.to_when(NOW) is None


def test_the_reader_gives_the_time_in_the_ask_when_context() -> None:
    reading = read("ask_when", "morgen om 2 uur graag", lang="nl", now=NOW)
    assert reading.to_corpus() == {"when": "tomorrow 14:00"}
    assert reading.time is not None and reading.time.at == time(14)
    assert read("ask_when", "geen idee eigenlijk", lang="nl", now=NOW).to_corpus() == {"unclear": True}


# Session 29: "tot vrijdag" bounds the day ("ik lig in het ziekenhuis tot vrijdag" was Friday itself); English
# "to" also moves a day ("change it to thursday") and stays the day.
@pytest.mark.parametrize(
    ("lang", "text", "bound"),
    [
        ("nl", "ik lig in het ziekenhuis tot vrijdag", "before"),
        ("nl", "t/m donderdag", "before"),
        ("en", "until thursday", "before"),
        ("pl", "do piątku", "before"),
        ("en", "i need to change it to thursday", None),
        ("nl", "boodschappen voor vrijdag", None),
    ],
)
def test_until_a_day_bounds_it(lang: str, text: str, bound: str | None) -> None:
    reading = read_time(text, lang, NOW, mode="message")
    assert reading is not None and reading.day_bound == bound
