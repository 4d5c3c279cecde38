"""Items into a `TimeReading`: the second half of reading a time (`time_words` is the first).

See `times` for the decisions; here they are carried out: the last choice, negations, options, bounds,
repeats, and hours by `flows.when`'s rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from functools import cache

from flows.understanding.text import fold, lexicon
from flows.understanding.time_reading import DAY_NAMES, MONTH_NAMES, RELATIVE_DAYS, WEEKS, TimeReading
from flows.understanding.time_words import Item, normalise, scan, tokens

_TIME_KINDS = frozenset(
    {"day", "plural", "rel", "part", "week", "date", "month", "holiday", "clock", "num", "hourword"}
    | {"ordinal", "dur", "asap", "flexible", "rec"}
)


@dataclass
class _Group:
    """What one option says, while it is read."""

    days: list[int] = field(default_factory=list)
    coming: bool = False
    rel: int | None = None
    week: str | None = None
    date: tuple[int | None, int] | None = None
    year: int | None = None
    until: tuple[int | None, int] | None = None
    of_month: bool = False
    holiday: str | None = None
    delay: tuple[int, str] | None = None
    day_bound: str | None = None
    part: str | None = None
    clock: tuple[int, int, str] | None = None
    after: tuple[int, int, str] | None = None
    before: tuple[int, int, str] | None = None
    recurrence: str | None = None
    asap: bool = False
    flexible: bool = False
    only: bool = False
    done: bool = False
    leaving: bool = False
    hedge: bool = False
    fuzzy: bool = False
    loose_number: bool = False
    part_word: str = ""

    def has_day(self) -> bool:
        return bool(self.days or self.rel is not None or self.week or self.date or self.holiday or self.delay)

    def has_time(self) -> bool:
        return bool(
            self.has_day()
            or self.part
            or self.clock
            or self.after
            or self.before
            or self.recurrence
            or self.asap
            or self.flexible
        )


def read_time(text: str, lang: str, now: datetime | None, *, mode: str) -> TimeReading | None:
    """`mode`: "answer" (to "Wanneer?": loose words and typos count), "message" (a time inside a longer
    message: strict, and not in a sentence about the past), "condition" (as message). In an answer and a
    condition a clause about answering later is no time: "ik laat het vanavond weten". In a message whose
    sentences name different days, the day of its one question is the day asked for."""
    if mode == "message" and "?" in text:
        asked = _asked_day(text, lang, now)
        if asked is not None:
            return asked
    return _read(text, lang, now, mode=mode)


_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")


def _asked_day(text: str, lang: str, now: datetime | None) -> TimeReading | None:
    """ "kan iemand vanavond mijn kat eten geven? ik kom pas morgen thuis": the question asks for this
    evening, the other sentence tells about the asker. None unless two sentences name different days and
    exactly one of them is a question."""
    sentences = [sentence for sentence in _SENTENCES.split(text) if sentence.strip()]
    if len(sentences) < 2:
        return None
    dated: list[tuple[bool, TimeReading]] = []
    for sentence in sentences:
        reading = _read(sentence, lang, now, mode="message")
        if reading is not None and _names_day(reading):
            dated.append((sentence.rstrip().endswith("?"), reading))
    asked = [reading for question, reading in dated if question]
    if len({reading.normal for _, reading in dated}) < 2 or len(asked) != 1:
        return None
    return asked[0]


def _names_day(reading: TimeReading) -> bool:
    return bool(
        reading.days
        or reading.relative_day is not None
        or reading.week
        or reading.date
        or reading.holiday
        or reading.delay
        or reading.options
    )


def _read(text: str, lang: str, now: datetime | None, *, mode: str) -> TimeReading | None:
    loose = mode == "answer"
    items, found = scan(text, lang, loose=loose)
    items = _merge(_without_filler_asap(items, found))
    if not loose:
        # "die rij vanochtend, ik werd gek": today in a sentence about the past was in the past; a weekday
        # or an hour in a clause about the past too; "morgen" and "volgende week" never are.
        items = _drop_around(items, "past", ".!?\n", _today)
        items = _drop_around(items, "past", ",.;:!?()[]\n", _may_be_past)
        items = _without_contrast_now(items, found)
    if mode != "message":
        items = _drop_around(items, "talk", ",.;:!?()[]\n", _is_time)
    items = _without_reasons(items, found)
    items = _pause_then_no(items, found)
    segments: list[list[Item]] = [[]]
    for item in items:
        if item.kind == "corr":
            segments.append([])
        else:
            segments[-1].append(item)
    for index in range(len(segments) - 1, -1, -1):
        reading = _segment(segments[index], found, now, loose)
        if reading is None:
            continue
        day = [] if _says_day(segments[index]) else _day_before(segments[:index], found)
        if day:
            # "vrijdag om 2 uur, nee toch om 3 uur": a correction of the hour or daypart only keeps the day.
            return _segment([*day, *segments[index]], found, now, loose) or reading
        return reading
    return None


def _pause_then_no(items: list[Item], found: list[str]) -> list[Item]:
    """A no between pauses after a time, before another, is a correction: "w poniedziałek, a nie, w
    czwartek", "الجمعة... لا الخميس", "tuesday... no wednesday" (round dialogue20: the two days read as
    options, or the second negated). A no-word only ("niet" stays a negation: "dinsdag... niet woensdag"),
    and after a comma alone it stays one too ("maandag, niet dinsdag")."""
    changed = list(items)
    for index, item in enumerate(items):
        if item.kind != "neg" or not any(i.kind in _TIME_KINDS for i in items[:index]):
            continue
        if not any(i.kind in _TIME_KINDS for i in items[index + 1 :]):
            continue
        before = index - 1
        while before >= 0 and items[before].kind == "and":
            before -= 1  # "a nie": the "a" of a Polish "oh no"
        if before < 0 or items[before].kind != "sep":
            continue
        after_sep = index + 1 < len(items) and items[index + 1].kind == "sep"
        hesitation = before >= 2 and all(
            i.kind == "sep" and found[i.start] == "." for i in items[before - 2 : before + 1]
        )
        if (after_sep or hesitation) and " ".join(found[item.start : item.end]) in _no_words():
            changed[index] = Item("corr", "", item.start, item.end)
    return changed


@cache
def _no_words() -> frozenset[str]:
    """The answer "no" in every language, as the time reader's tokens are (not "niet", "not")."""
    listed = lexicon("yes_no")["answers"]["no"].values()
    return frozenset(fold(word) for words in listed for word in words if " " not in word and "*" not in word)


# Items that say a day (or repeat one): a correction that has one of them starts over.
_DAY_KINDS = frozenset(
    {"day", "plural", "rel", "week", "date", "month", "holiday", "ordinal", "dur", "asap", "flexible", "rec"}
)
_CARRIED_KINDS = frozenset(
    {"day", "plural", "rel", "week", "date", "month", "holiday", "ordinal", "rec", "every", "every_other"}
    | {"next", "this", "dur", "of_month"}
)


def _says_day(segment: list[Item]) -> bool:
    return any(item.kind in _DAY_KINDS for item in segment)


def _day_before(segments: list[list[Item]], found: list[str]) -> list[Item]:
    """The day items of the nearest earlier segment that says a day (one option only, not negated)."""
    for segment in reversed(segments):
        kept = _negated(segment, found)
        if not _says_day(kept):
            continue
        if any(item.kind == "or" for item in kept):
            return []
        return [item for item in kept if item.kind in _CARRIED_KINDS]
    return []


_CONTENT_KINDS = frozenset(
    {"day", "plural", "rel", "part", "week", "month", "holiday", "clock", "date", "dur"}
)


def _without_filler_asap(items: list[Item], found: list[str]) -> list[Item]:
    """ "nou" is "nu" (asap) on its own, but a filler before a time: "nou ergens volgende week"; also before
    any time ("nou maakt niet uit hoor", round corpus37)."""
    fillers = _asap_fillers()
    if not any(item.kind in _CONTENT_KINDS or item.kind == "flexible" for item in items):
        return items
    return [
        item
        for item in items
        if not (item.kind == "asap" and item.end - item.start == 1 and found[item.start] in fillers)
    ]


@cache
def _asap_fillers() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon("yes_no")["fillers"]["all"])


def _merge(items: list[Item]) -> list[Item]:
    """Dates from a number and a month ("14 december", "may 1st"), clocks from a number and "uur"."""
    merged: list[Item] = []
    skip = False
    for index, item in enumerate(items):
        if skip:
            skip = False
            continue
        following = items[index + 1] if index + 1 < len(items) else None
        adjacent = following is not None and following.start - item.end <= 1
        if (
            item.kind in ("num", "ordinal")
            and following
            and adjacent
            and following.kind == "month"
            and 1 <= int(item.value) <= 31
        ):
            merged.append(Item("date", f"{following.value}_{item.value}", item.start, following.end))
            skip = True
            continue
        if (
            item.kind == "month"
            and following
            and following.start == item.end
            and following.kind in ("num", "ordinal")
            and 1 <= int(following.value) <= 31
        ):
            merged.append(Item("date", f"{item.value}_{following.value}", item.start, following.end))
            skip = True
            continue
        if item.kind in ("num", "hourword") and following and following.kind == "oclock" and adjacent:
            hour = int(item.value)
            if 0 <= hour <= 23:
                flag = "24" if hour == 0 or hour >= 13 else "n"
                merged.append(Item("clock", f"{hour}_0_{flag}_word", item.start, following.end))
                skip = True
                continue
        merged.append(item)
    return _years(_date_ranges(merged))


def _date_ranges(items: list[Item]) -> list[Item]:
    """ "van 10 tot 17 december": the first number takes the month of the second date."""
    result = list(items)
    for index in range(len(result) - 2):
        first, join, last = result[index : index + 3]
        if first.kind == "num" and join.kind == "to" and last.kind == "date" and 1 <= int(first.value) <= 31:
            month = last.value.split("_")[0]
            result[index] = Item("date", f"{month}_{first.value}", first.start, first.end)
    return result


def _years(items: list[Item]) -> list[Item]:
    """ "25 november 2027", "25-11-2020": the year a date was written with."""
    result: list[Item] = []
    for item in items:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.kind == "date"
            and previous.value.count("_") == 1
            and item.kind == "big"
            and len(item.value) == 4
            and item.start == previous.end
        ):
            result[-1] = Item("date", f"{previous.value}_{item.value}", previous.start, item.end)
        else:
            result.append(item)
    return result


def _is_time(item: Item, piece: list[Item]) -> bool:
    return item.kind in _TIME_KINDS


def _today(item: Item, piece: list[Item]) -> bool:
    """Today and what is said with it in one word ("vanochtend" is today and morning)."""
    starts = {other.start for other in piece if other.kind == "rel" and other.value == "0"}
    return item.kind in _TIME_KINDS and item.start in starts


def _may_be_past(item: Item, piece: list[Item]) -> bool:
    if item.kind == "rel":
        return item.value == "0"
    if item.kind == "week":
        return False  # "got a letter yesterday, need help this week": a week is mostly ahead
    return item.kind in _TIME_KINDS and item.kind not in ("dur", "asap", "flexible", "rec")


def _without_contrast_now(items: list[Item], found: list[str]) -> list[Item]:
    """The items without a lone "now" ([strict] contrast_now) in a clause after one with a past marker:
    "spadłam z roweru rok temu, teraz szukam kogoś do spacerów" tells then and now, not a hurry."""
    past = [item.end for item in items if item.kind == "past"]
    if not past:
        return items
    words = _contrast_now()
    breaks = {item.start for item in items if item.kind == "sep" and item.start >= past[0]}
    return [
        item for item in items if not (_lone_now(item, found, words) and _opens_clause(item, found, breaks))
    ]


def _lone_now(item: Item, found: list[str], words: frozenset[str]) -> bool:
    return item.kind == "asap" and item.end - item.start == 1 and found[item.start] in words


def _opens_clause(item: Item, found: list[str], breaks: set[int]) -> bool:
    """The word opens a clause after a break (an "and" between them aside): "..., teraz szukam" does;
    "can someone come now?" ends one (a hurry)."""
    before = item.start - 1
    if before >= 0 and found[before] in _AND and before - 1 in breaks:
        return True
    return before in breaks


_AND = frozenset({"en", "and", "i", "a", "ve", "і", "و"})  # noqa: RUF001 (the Ukrainian and)


@cache
def _contrast_now() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon("times")["strict"]["contrast_now"])


def _drop_around(
    items: list[Item], marker: str, boundaries: str, drop: Callable[[Item, list[Item]], bool]
) -> list[Item]:
    """The items without the times (`drop`) of a sentence or clause that holds a `marker` item."""
    pieces: list[list[Item]] = [[]]
    for item in items:
        pieces[-1].append(item)
        if item.kind == "sep" and item.value in boundaries:
            pieces.append([])
    kept: list[Item] = []
    for piece in pieces:
        if any(item.kind == marker for item in piece):
            piece = [item for item in piece if not drop(item, piece)]
        kept.extend(piece)
    return kept


def _without_reasons(items: list[Item], found: list[str]) -> list[Item]:
    """The items without the times of a clause that gives a reason after a time was said: "donderdag,
    want woensdag heb ik de kapper" is Thursday (round 21). A reason clause runs to the sentence's end;
    a reason before any time ("omdat ik morgen ...") keeps its times: they may be all there is."""
    items = _without_own_plans(items, found)
    reasons = _reason_words()
    if reasons.isdisjoint(found):
        return items
    dropped: set[int] = set()
    for at, word in enumerate(found):
        if word not in reasons or not any(_said_time(item) and item.end <= at for item in items):
            continue
        for index, item in enumerate(items):
            if item.start <= at:
                continue
            if item.kind == "sep" and item.value in ".!?\n":
                break
            if item.kind in _TIME_KINDS:
                dropped.add(index)
    return [item for index, item in enumerate(items) if index not in dropped]


# A number above this is no hour and no day of the month: an age or an amount ("ik ben 79 en ...").
_HIGHEST_TIME_NUMBER = 31


def _said_time(item: Item) -> bool:
    """A time said, before a reason: not a bare number no hour or day can be ("ik ben 79 en ... want ... kan
    iemand donderdag": round corpus39)."""
    if item.kind == "num" and item.value.isdecimal() and int(item.value) > _HIGHEST_TIME_NUMBER:
        return False
    return item.kind in _TIME_KINDS


def _without_own_plans(items: list[Item], found: list[str]) -> list[Item]:
    """The items without a clause that opens with a time and goes on with what the person has to do
    then, after another time was said: "vrijdag. nee toch donderdag, vrijdag moet ik naar de kapper" is
    Thursday (round corpus29); the clause is a reason without "want". Alone, or before any other time,
    such a clause keeps its time ("vrijdag moet ik naar het ziekenhuis" may be the time asked for)."""
    plans = _own_plans()
    if not any(plan[0] in found for plan in plans):
        return items  # most messages: no word that opens one
    dropped: set[int] = set()
    for index, item in enumerate(items):
        if item.kind not in _TIME_KINDS or index in dropped:
            continue
        opens_clause = item.start == 0 or found[item.start - 1] in _CLAUSE_MARKS
        said_before = any(
            other.kind in _TIME_KINDS and other.end <= item.start and at not in dropped
            for at, other in enumerate(items[:index])
        )
        following = tuple(found[item.end : item.end + _PLAN_WORDS])
        if not (opens_clause and said_before and any(following[: len(plan)] == plan for plan in plans)):
            continue
        for later in range(index, len(items)):
            if items[later].kind == "sep" and later > index:
                break
            if items[later].kind in _TIME_KINDS:
                dropped.add(later)
    return [item for index, item in enumerate(items) if index not in dropped]


# Words that end a clause in the reader's tokens; the longest own-plans phrase.
_CLAUSE_MARKS = frozenset({",", ".", ";", ":", "!", "?"})
_PLAN_WORDS = 3


@cache
def _own_plans() -> tuple[tuple[str, ...], ...]:
    """times.toml [own_plans]: the words after a time that say one is busy then ("moet ik", "heb ik de")."""
    return tuple(tuple(fold(phrase).split()) for phrase in lexicon("times")["own_plans"]["after_time"])


@cache
def _reason_words() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon("times")["strict"]["reasons"])


@cache
def _affirming_words() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon("times")["strict"]["affirm"])


# "vandaag niet maar morgen wel": a "but" ends what a negation is about.
_CONTRAST = frozenset({"maar", "but", "ama", "ale", "але", "walakin", "lakin", "mais"})


def _negated(items: list[Item], found: list[str]) -> list[Item]:
    """The items without the times a negation is about ("deze week niet", "not on monday")."""
    dropped: set[int] = set()
    for index, item in enumerate(items):
        if item.kind != "neg":
            continue
        in_condition = _in_condition(item, found)
        for other_index, other in enumerate(items):
            if other.kind not in _TIME_KINDS or (item.value == "after" and other_index > index):
                continue  # "neg:after": a negation that follows what it negates (Turkish "bugun olmaz")
            if in_condition and (other_index < index or other.start > item.end):
                continue  # "als het niet regent zaterdag": the "niet" is the weather's (round corpus29)
            between = items[min(index, other_index) + 1 : max(index, other_index)]
            if any(i.kind == "sep" for i in between):
                continue
            words = found[min(item.end, other.end) : max(item.start, other.start)]
            if _CONTRAST.intersection(words):
                continue
            if other_index > index and other.end < len(found) and found[other.end] in _affirming_words():
                continue  # "nu niet morgen wel": "wel" turns to the time it follows (round 21)
            distance = item.start - other.end if other_index < index else other.start - item.end
            if distance <= 2:
                dropped.add(other_index)
    return [item for index, item in enumerate(items) if index not in dropped]


def _in_condition(negation: Item, found: list[str]) -> bool:
    """A negation just after a condition's opening ("als het niet regent", "jeśli nie pada", "if it's
    not raining"): it negates the condition's verb, so a time before the condition or after its verb
    stays the time ("zaterdag als het niet regent"); "als het niet zaterdag kan" still negates Saturday,
    which follows the negation directly."""
    before = found[max(0, negation.start - _CONDITION_REACH) : negation.start]
    return not _condition_openers().isdisjoint(before)


# How far before a negation a condition's opening may stand: "als het niet", "if it is not".
_CONDITION_REACH = 3


@cache
def _condition_openers() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon("times")["condition_openers"]["words"])


def _segment(items: list[Item], found: list[str], now: datetime | None, loose: bool) -> TimeReading | None:
    items = _negated(items, found)
    groups: list[list[Item]] = [[]]
    for item in items:
        if item.kind == "or":
            groups.append([])
        else:
            groups[-1].append(item)
    if len(groups) > 1:
        groups = [piece for group in groups[:-1] for piece in _listed(group)] + groups[-1:]
    built = [_build(group, found, loose) for group in groups]
    if not loose:
        for group in built:
            alone = not (group.has_day() or group.clock or group.after or group.before or group.recurrence)
            if alone and group.part_word in _lone_part_nouns():
                group.part = None
    built = [group for group in built if group.has_time()]
    if not built:
        return None
    if len(built) == 1:
        return _reading(built[0], now)
    if any(group.asap for group in built) or all(group.flexible and not group.has_day() for group in built):
        return _reading(built[-1], now)
    built = [group for group in built if not (group.flexible and not group.has_day())]
    shared = built[-1]
    options: list[TimeReading] = []
    for group in built:
        full = replace(group)
        if not (full.clock or full.after or full.before or full.part):
            full.clock, full.after, full.before = shared.clock, shared.after, shared.before
            full.part = shared.part
        options.append(_reading(full, now))
    if len(options) == 1:
        return options[0]
    normal = " or ".join(_render(group) for group in built)
    confidence = min(option.confidence for option in options) * 0.9
    return TimeReading(normal, round(confidence, 2), options=tuple(options))


@cache
def _count_units() -> frozenset[str]:
    """Words after a number that make it an amount ("voor 2 uurtjes", "3 dagen"); "uur" stays a clock
    word ("voor 2 uur" is before 14:00)."""
    units = {fold(word) for spellings in lexicon("times")["units"].values() for word in spellings}
    return frozenset(units - {"uur", "u", "h", "saat"})


def _repeated_task(item: Item, found: list[str]) -> bool:
    """ "walk my dog in the mornings": an English plural part of day with a task done each day
    (times.toml [plural_part]) is a repeat; "mornings suit me best" is not."""
    table = lexicon("times")["plural_part"]
    if found[item.end - 1] not in {fold(word) for word in table["parts"]}:
        return False
    return bool({fold(word) for word in table["tasks"]} & set(found))


@cache
def _after_hour_verbs() -> frozenset[str]:
    """Verbs that follow an hour in Dutch word order ("na een kan ik"): the number word is an hour."""
    return frozenset(fold(word) for word in lexicon("times")["strict"]["after_hour_verbs"])


@cache
def _lone_part_nouns() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon("times")["strict"]["lone_part_nouns"])


def _listed(items: list[Item]) -> list[list[Item]]:
    """ "maandag, dinsdag of woensdag": before an "or", days listed with commas are options too."""
    pieces: list[list[Item]] = [[]]
    for item in items:
        if item.kind == "sep" and item.value == ",":
            pieces.append([])
        else:
            pieces[-1].append(item)
    if len(pieces) > 1 and all(any(i.kind in ("day", "rel") for i in piece) for piece in pieces):
        return pieces
    return [items]


# Number words that are also the article: "na een operatie", "na één val" are no hour; "na enen",
# "na een uur", "na een, half twee" are.
_ARTICLE_HOURWORDS = frozenset({"een", "één", "eén"})
_PUNCTUATION = frozenset(",.;:!?()[]\n")


# Turkish hour words with the locative ending ("ikide", "üçte": at two, at three) say "at" themselves.
_LOCATIVE_ENDINGS = ("da", "de", "ta", "te")


def _locative(item: Item, found: list[str]) -> bool:
    """An hour word of one token that ends in a Turkish locative ("ikide"), not a bare number word."""
    return (
        item.kind == "hourword"
        and item.end - item.start == 1
        and len(found[item.start]) > 3
        and found[item.start].endswith(_LOCATIVE_ENDINGS)
    )


def _article(item: Item, after_item: Item | None, found: list[str]) -> bool:
    """An hour word used as the article: another word, not a time word nor the end, follows it."""
    if item.kind != "hourword" or found[item.start] not in _ARTICLE_HOURWORDS or item.end >= len(found):
        return False
    following = found[item.end]
    if following in _PUNCTUATION or following in _after_hour_verbs() or following.startswith("§"):
        return False
    return after_item is None or after_item.start != item.end


def _gap(found: list[str], start: int, end: int) -> int:
    """Words between two token positions, punctuation not counted."""
    return sum(1 for token in found[start:end] if token not in ",.;:!?()[]\n")


_HOURLIKE = frozenset({"clock", "num", "hourword"})
_BOUNDS = frozenset({"after", "before", "before_weak", "between", "from", "to"})
# Bounds an "at" word may follow without ending them ("بعد الساعة 2", "قبل الساعة 5"); not Dutch "voor om
# 3 uur", which is "for at 3".
_KEEP_AT = frozenset({"after", "before", "between", "from"})


def _build(items: list[Item], found: list[str], loose: bool) -> _Group:
    group = _Group()
    bound: Item | None = None
    at: Item | None = None
    every: str | None = None
    coming = False
    range_start: tuple[int, int, str] | None = None
    joined = False
    and_seen = False
    day_range = False
    last_clock_index = -2
    for index, item in enumerate(items):
        kind, value = item.kind, item.value
        group.fuzzy |= item.fuzzy
        before_item = items[index - 1] if index else None
        after_item = items[index + 1] if index + 1 < len(items) else None
        # A bound ("na", "before") waits for its time over at most two words ("after work (6pm)").
        far = bound is not None and _gap(found, bound.end, item.start) > (0 if bound.value == "to" else 2)
        if far and kind in _TIME_KINDS:
            bound = None
        listed = before_item is not None and before_item.kind == "day" and before_item.end == item.start
        if kind == "sep" and value == "," and listed:
            and_seen = True  # "ma, wo en vr": a list of days
        elif kind == "hedge":
            group.hedge = True
        elif kind == "only":
            group.only = True
        elif kind == "done":
            group.done = True
        elif kind == "leave":
            group.leaving = True
        elif kind == "home":
            group.leaving |= bool(_obliged() & set(found))  # "ik moet om 12 uur weer thuis zijn"
        elif kind == "at":
            # "بعد الساعة 2" (after the hour 2): an "at" right after a bound keeps it; else it ends it.
            kept = bound is not None and bound.kind in _KEEP_AT and _gap(found, bound.end, item.start) == 0
            at, bound = item, bound if kept else None
        elif kind in ("every", "every_other"):
            every = kind
        elif kind == "rec":
            group.recurrence = value
        elif kind == "next":
            coming = True
        elif (
            kind == "to"
            and before_item is not None
            and before_item.kind == "day"
            and after_item is not None
            and after_item.kind == "day"
        ):
            day_range = True  # "ma t/m vr", "mon-fri"
        elif kind in ("to", "and") and range_start is not None:
            joined = True
        elif (
            kind in ("to", "and")
            and group.clock is not None
            and last_clock_index == index - 1
            and _gap(found, items[last_clock_index].end, item.start) <= 1
        ):
            # "10 uur tot 12", "10 en 12": the range word right after the hour; "om 10 uur bij de
            # fysio zijn en krijg geen taxi" joins clauses, not hours.
            range_start, group.clock, joined = group.clock, None, True
        elif kind == "to" and range_start is None:
            # "tot 5 uur" is before 17:00; "to go home tonight" is no bound on the day.
            bound = Item("before_weak", "to", item.start, item.end)
        elif kind == "and":
            and_seen = True
        elif kind == "between" and range_start is not None and group.after is None:
            group.after, group.before, range_start = range_start, group.clock, None
        elif kind in _BOUNDS:
            bound = item
        elif kind in _HOURLIKE:
            counted = item.end < len(found) and found[item.end] in _count_units()
            if _article(item, after_item, found):
                continue
            raw = (
                None
                if counted
                else _hour(
                    item,
                    at,
                    bound,
                    joined,
                    before_item,
                    after_item,
                    loose,
                    group.only,
                    _locative(item, found),
                )
            )
            if raw is None:
                group.loose_number |= kind == "num" and loose
                continue
            last_clock_index = index
            if range_start is not None and joined:
                group.after, group.before, range_start, joined = range_start, raw, None, False
            elif bound is not None and bound.kind in ("between", "from"):
                range_start = raw
            elif bound is not None and bound.kind == "after":
                group.after = raw
            elif bound is not None:
                group.before = raw
            else:
                group.clock = raw
            at = bound = None
        elif kind == "day" or kind == "plural":
            weekday = int(value)
            if day_range and group.days:
                first = group.days[-1]
                group.days.extend((first + step) % 7 for step in range(1, (weekday - first) % 7 + 1))
                day_range, and_seen = False, True
            if group.days and not and_seen and weekday not in group.days:
                group.days = []
            if weekday not in group.days:
                group.days.append(weekday)
            and_seen = False
            if kind == "plural" or every == "every" or group.recurrence == "daily":
                group.recurrence = "weekly" if group.recurrence in (None, "daily") else group.recurrence
            if every == "every_other":
                group.recurrence = "biweekly"
            group.coming |= coming
            # "tot vrijdag" (a "to" word, session 29) bounds the day as "uiterlijk vrijdag" does; Dutch
            # "voor vrijdag" stays the day ("boodschappen voor vrijdag" are for Friday).
            until_word = bound is not None and bound.value == "to" and found[bound.start] not in _MOVE_TO
            group.day_bound = _day_bound(bound, weak=until_word) or group.day_bound
            every, coming, bound = None, False, None
        elif kind == "rel":
            group.rel = int(value)
            group.day_bound = _day_bound(bound) or group.day_bound
            bound = None
        elif kind == "part":
            group.part = value
            group.part_word = found[item.start] if item.end - item.start == 1 else ""
            if every is not None or _repeated_task(item, found):
                group.recurrence = "daily"
            every = None
        elif kind == "week":
            group.day_bound = _day_bound(bound) or group.day_bound
            bound = None
            if coming and value == "weekend":
                value = "next_weekend"
            if every is not None and value == "weekend":
                value = "weekends"
            group.week = value
            every, coming = None, False
        elif kind in ("date", "ordinal", "month"):
            date = _date(item, before_item, after_item, loose or _day_of_month(item, found))
            if date is not None and group.date and before_item is not None and before_item.kind == "to":
                group.until = date  # "van 10 tot 17 december"
                bound = None
            elif date is not None:
                group.date = date
                year = item.value.split("_")[2:] if item.kind == "date" else []
                group.year = int(year[0]) if year and year[0] != "0" else None
                group.day_bound = _day_bound(bound, weak=True) or group.day_bound
                bound = None
        elif kind == "of_month":
            group.of_month = group.date is not None and group.date[0] is None
        elif kind == "holiday":
            group.holiday = value
            group.day_bound = _day_bound(bound, weak=True) or group.day_bound
            bound = None
        elif kind == "dur":
            amount, unit = value.split("_")
            group.delay = (int(amount), unit)
        elif kind == "asap":
            group.asap = True
        elif kind == "flexible":
            group.flexible = True
        if kind != "hedge" and kind != "sep" and kind in _TIME_KINDS:
            at = None if kind not in _HOURLIKE else at
    if range_start is not None:
        if group.after is None and group.before is None:
            group.after = range_start
        elif group.clock is None:
            group.clock = range_start
    if group.week == "next" and group.days:
        group.coming = True  # "volgende week dinsdag"; `week` stays: it is next week's Tuesday
    if group.week in ("this", "weekend") and group.days:
        group.week = None
    if group.of_month and group.days:
        group.recurrence = "monthly"  # "elke eerste maandag van de maand"
    if group.days[:5] == [0, 1, 2, 3, 4] and len(group.days) == 5 and not group.recurrence:
        group.days, group.week = [], "weekdays"
    if group.asap and (group.has_day() or group.clock or group.after or group.before or group.part):
        # "donderdagmiddag ..., het is best dringend": a word of urgency beside a named time says how
        # pressing it is, not another time; "morgen, zo snel mogelijk" keeps asap (round corpus33).
        urgent = _urgency_only()
        said = [" ".join(found[item.start : item.end]) for item in items if item.kind == "asap"]
        group.asap = not (said and all(phrase in urgent for phrase in said))
    return group


@cache
def _urgency_only() -> frozenset[str]:
    """The asap words that only say how pressing a request is (times.toml [urgency_only]), as tokens are."""
    return frozenset(
        " ".join(tokens(normalise(word, "nl"))) for word in lexicon("times")["urgency_only"]["words"]
    )


# English "to" and Arabic "الى" / Darija "l" also move a day or lead to a place ("change it to thursday",
# "l sbitar nhar l khmis"): no bound on the day, unlike "until" and "حتى".
_MOVE_TO = frozenset({"to", "l", "الى", "إلى"})


def _day_bound(bound: Item | None, *, weak: bool = False) -> str | None:
    """ "na dinsdag", "before friday"; Dutch "voor" only before a date or a holiday ("voor 1 mei"),
    since "boodschappen voor morgen" is for tomorrow, not before it."""
    if bound is None:
        return None
    if bound.kind == "after":
        return "after"
    if bound.kind == "before" or (bound.kind == "before_weak" and weak):
        return "before"
    return None


def _hour(
    item: Item,
    at: Item | None,
    bound: Item | None,
    joined: bool,
    before_item: Item | None,
    after_item: Item | None,
    loose: bool,
    only: bool = False,
    located: bool = False,
) -> tuple[int, int, str] | None:
    """A clock time, raw (hour, minute, flag), when the number is one: see the module docstring."""
    anchored = at is not None or bound is not None or joined
    if bound is not None and bound.kind == "from" and not loose:
        # "van 9 tot 11" is a range, and so is "pas vanaf"/"dopiero od 17" (only from then on); "Ans (van
        # nummer 12)" is a house.
        anchored = at is not None or only or (after_item is not None and after_item.kind in ("to", "and"))
    if item.kind == "clock":
        hour_text, minute_text, flag, *word = item.value.split("_")
        raw = (int(hour_text), int(minute_text), flag)
        if anchored or loose:
            return raw
        near_day = any(
            other is not None and other.kind in ("day", "rel", "part", "date", "week") and _near(item, other)
            for other in (before_item, after_item)
        )
        return raw if near_day or flag != "n" or (raw[1] != 0 and not word) else None
    if item.kind == "hourword" and not loose and bound is None:
        anchored = False  # "om een avond samen te eten": "om" is also "in order to"
    after_part = before_item is not None and before_item.kind == "part" and before_item.end == item.start
    if item.kind == "num" and after_part and 1 <= int(item.value) <= 12:
        anchored = True  # "sabah 9 gibi", "rano 9": an hour after a daypart is a clock time
    if item.kind == "hourword" and after_part and located:
        anchored = True  # "öğleden sonra ikide": an hour word that says "at" itself, after a daypart
    hour = int(item.value)
    if not anchored or not 0 <= hour <= 23:
        return None
    return (hour, 0, "24" if hour == 0 or hour >= 13 else "n")


def _near(one: Item, other: Item) -> bool:
    return one.start - other.end <= 2 if other.start < one.start else other.start - one.end <= 2


def _date(
    item: Item, before_item: Item | None, after_item: Item | None, loose: bool
) -> tuple[int | None, int] | None:
    if item.kind == "date":
        month_text, day_text, *_ = item.value.split("_")
        return (int(month_text), int(day_text))
    if item.kind == "month":
        return None  # "in december": a month is too vague to plan a request with
    day = int(item.value)
    anchored = any(
        other is not None and other.kind in ("day", "of_month") and _near(item, other)
        for other in (before_item, after_item)
    )
    return (None, day) if 1 <= day <= 31 and (loose or anchored) else None


def _day_of_month(item: Item, found: list[str]) -> bool:
    """An ordinal written with digits after "op de" / "on the" is a day of the month inside a message
    too ("kan er iemand op de 12e mijn formulieren nakijken"), unless a noun it counts follows ("op de
    3e verdieping", "on the 2nd floor")."""
    if item.kind != "ordinal" or item.start < 1 or not any(ch.isdigit() for ch in found[item.start]):
        return False
    if item.end < len(found) and found[item.end] in _ordinal_then_hour():
        # "de 14e om 9 uur", "the 3rd at 10": a day of the month with its hour (round corpus25)
        return found[item.start - 1] in _ordinal_articles()
    if tuple(found[item.start - 2 : item.start]) not in _DAY_OF_MONTH_LEADS | _span_leads():
        return False
    return item.end >= len(found) or found[item.end] not in _counted_nouns()


@cache
def _ordinal_then_hour() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon("times")["day_of_month_hour"]["then"])


@cache
def _span_leads() -> frozenset[tuple[str, ...]]:
    """ "from the 20th till the 24th", "van de 3e tot de 5e": the two words that open a span of days of
    the month ([day_of_month_hour] span_leads, round corpus25), or a limit ("pas de 12e", limit_leads, round
    corpus35)."""
    table = lexicon("times")["day_of_month_hour"]
    listed = [*table["span_leads"], *table["limit_leads"]]
    return frozenset(tuple(fold(word) for word in lead.split()) for lead in listed)


@cache
def _ordinal_articles() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon("times")["day_of_month_hour"]["article"])


_DAY_OF_MONTH_LEADS = frozenset({("op", "de"), ("on", "the")})


@cache
def _obliged() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon("times")["strict"]["obliged"])


@cache
def _counted_nouns() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon("times")["strict"]["counted_nouns"])


def _resolve(raw: tuple[int, int, str] | None, part: str | None) -> time | None:
    """A raw clock time on the 24-hour clock, by flows.when's rules; None when it cannot be one."""
    if raw is None:
        return None
    hour, minute, flag = raw
    if flag in ("a", "p"):
        hour = hour % 12 + (12 if flag == "p" else 0)
    elif flag == "n":
        later = (
            (part in ("afternoon", "evening") and hour < 12)
            or (part == "night" and 7 <= hour < 12)  # "11 uur 's nachts"
            or (part is None and 1 <= hour <= 7)  # daytime: "om 2 uur" is 14:00
        )
        hour += 12 if later else 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _day_text(group: _Group) -> str:
    if group.days and group.of_month and group.date:
        return f"every {_ordinal(group.date[1])} {DAY_NAMES[group.days[0]]} of the month"
    if group.days:
        if len(group.days) >= 3 and all(
            (later - earlier) % 7 == 1 for earlier, later in zip(group.days, group.days[1:], strict=False)
        ):
            names = f"{DAY_NAMES[group.days[0]]} to {DAY_NAMES[group.days[-1]]}"
        else:
            names = " and ".join(DAY_NAMES[day] for day in group.days)
        if group.recurrence == "biweekly":
            names = f"every other {names}"
        elif group.recurrence == "weekly":
            names = f"every {names}"
        elif group.coming:
            names = f"next {names}"
        if group.date and group.date[0] is None:
            names = f"{names} {_ordinal(group.date[1])}"
        elif group.date and group.date[0] is not None and not group.recurrence:
            return f"{MONTH_NAMES[group.date[0] - 1]} {group.date[1]}"  # the date says the day
        return names
    if group.rel is not None:
        return RELATIVE_DAYS[group.rel]
    if group.date:
        month, day = group.date
        if month is not None and group.until and group.until[0] is not None:
            last = f"{MONTH_NAMES[group.until[0] - 1]} {group.until[1]}"
            return f"between {MONTH_NAMES[month - 1]} {day} and {last}"
        if month is not None:
            return f"{MONTH_NAMES[month - 1]} {day}"
        return f"{_ordinal(day)} of the month" if group.of_month else _ordinal(day)
    if group.holiday:
        return group.holiday.replace("_", " ")
    if group.week:
        if group.week == "weekdays" and group.part:
            return ""
        return WEEKS[group.week]
    if group.delay:
        amount, unit = group.delay
        return f"in {amount} {unit}{'' if amount == 1 else 's'}"
    return ""


def _clock_text(after: time | None, before: time | None, at: time | None) -> str:
    if after and before:
        return f"between {after:%H:%M} and {before:%H:%M}"
    if after:
        return f"after {after:%H:%M}"
    if before:
        return f"before {before:%H:%M}"
    return f"{at:%H:%M}" if at else ""


def _render(group: _Group) -> str:
    if group.asap:
        return "asap"
    day = _day_text(group)
    if day and group.day_bound:
        day = f"{group.day_bound} {day}"
    clock = _clock_text(_resolve(group.after, group.part), _resolve(group.before, group.part),
                        _resolve(group.clock, group.part))  # fmt: skip
    part = group.part or ""
    if group.week == "weekdays" and part:
        part = f"weekday {part}s"
    elif group.recurrence == "daily" and not group.days:
        part = f"every {part}" if part else "every day"
    elif part and clock and (not group.recurrence or group.days):
        part = ""  # the hour says the part of day: "iedere dinsdagochtend om 10 uur" is every tuesday 10:00
    if not day and group.recurrence in ("weekly", "biweekly", "monthly") and not group.week:
        day = {"weekly": "every week", "biweekly": "every other week", "monthly": "every month"}[
            group.recurrence
        ]
    text = " ".join(piece for piece in (day, part, clock) if piece)
    if not text and group.flexible:
        return "flexible"
    return text


def _reading(group: _Group, now: datetime | None) -> TimeReading:
    confidence = 1.0
    if group.fuzzy:
        confidence = 0.7
    if group.hedge:
        confidence = min(confidence, 0.8)
    if group.loose_number and not (group.clock or group.after or group.before):
        confidence = 0.4  # "morgen 10": ten o'clock or the tenth? Ask back.
    if group.rel is not None and group.date is not None:
        confidence = 0.4  # "morgen 10.10": two days named
    moment = None
    if group.delay is not None and now is not None:
        amount, unit = group.delay
        step = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1), "day": timedelta(days=1)}
        step |= {"week": timedelta(weeks=1)}
        if unit in step:
            moment = now + amount * step[unit]
    after = _resolve(group.after, group.part)
    before = _resolve(group.before, group.part)
    at = _resolve(group.clock, group.part)
    return TimeReading(
        normal=_render(group),
        confidence=confidence,
        days=tuple(group.days),
        coming=group.coming,
        relative_day=group.rel,
        week=group.week,
        date=group.date,
        year=group.year,
        until=group.until,
        of_month=group.of_month,
        holiday=group.holiday,
        delay=group.delay,
        moment=moment,
        day_bound=group.day_bound,
        daypart=group.part,
        at=at,
        after=after,
        before=before,
        recurrence=group.recurrence,
        asap=group.asap,
        flexible=group.flexible and not group.has_day() and not (at or after or before or group.part),
        only=group.only,
        done=group.done,
        leaving=group.leaving,
    )
