"""Time words into items: the first half of reading a time (`times` composes the items).

A message is folded, clock times, dates, ranges and durations written with digits are taken out first
by patterns ("half 3", "14.00", "10da", "over 2 weken"), and what is left is matched, longest phrase
first, against `data/times.toml`: each phrase stands for one or more items ("vanavond" is today plus
evening). Words in the conversation's language count with all their meanings; words of the other five
languages count only where they name a time (a day, a daypart, asap), never as small function words
("na", "do", "her" mean different things in different languages). Loose words ("do" for Thursday, "nu"
for asap) count only in an answer to "Wanneer?"; there a typo in a longer word is forgiven too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from flows.understanding.text import fold, lexicon, without_emoji

LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk")
# Kinds that name a time; only these are read from another language's words.
CONTENT = frozenset({"day", "plural", "rel", "part", "week", "month", "holiday", "asap", "flexible", "rec"})
# English small words are read in every language: people mix them in ("morgen at 10", "every dinsdag").
ENGLISH_TOO = frozenset({"every", "every_other", "after", "before", "between", "or", "at", "rec"})
# Kinds a typo may stand for (a misspelt "ochtend" is still a morning; a misspelt "of" is nothing).
FUZZY = frozenset({"day", "rel", "part", "week", "month", "next"})


@dataclass(frozen=True, slots=True)
class Item:
    """One thing read: `kind` (see times.toml), `value`, and the tokens it covers."""

    kind: str
    value: str
    start: int
    end: int  # exclusive
    fuzzy: bool = False


@dataclass(frozen=True, slots=True)
class _Entry:
    tokens: tuple[str, ...]
    items: tuple[tuple[str, str], ...]
    stems: tuple[bool, ...]
    primary: bool


# --- normalising and the digit patterns -----------------------------------------------------------

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_EXTRA = str.maketrans(
    {"ł": "l", "\u02bc": "'", "`": "'", "\u00b4": "'", "،": ",", "؟": "?", "\u2013": "-", "\u2014": "-"}
)

_HOUR_WORDS: Mapping[str, int] = {
    word: number
    for words in (
        ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"),
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
    )
    for number, word in enumerate(words, start=1)
}
_NUM = r"(?:\d{1,2}(?!\d)|(?:" + "|".join(_HOUR_WORDS) + r")(?!\w))"


def _number(word: str) -> int:
    return _HOUR_WORDS[word] if word in _HOUR_WORDS else int(word)


def _clock_token(hour: int, minute: int, flag: str) -> str:
    return f" §c{hour}_{minute}_{flag} "


def _flag(hour_text: str, hour: int, meridiem: str | None) -> str:
    if meridiem:
        return "p" if meridiem.startswith("p") else "a"
    if hour == 0 or hour >= 13 or (len(hour_text) == 2 and hour_text.startswith("0")):
        return "24"
    return "n"


_MERIDIEM = r"(?:\s*(?P<ampm>am|pm|a\.m\.?|p\.m\.?)(?!\w))?"
# Turkish case endings on a clock time: "10da" (at), "10dan sonra" (after), "10a kadar" (until).
_TR_AT = r"(?:'?(?P<tr>da|de|ta|te)(?!\w))?"
_TR_BOUND = re.compile(
    r"(?<![\w:.])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?'?(?P<case>dan|den|tan|ten|a|e|ya|ye)"
    r"\s+(?P<word>sonra|once|kadar)(?!\w)"
)
_HHMM = re.compile(
    r"(?:(?P<at>(?<!\w)(?:om|at|o|saat|rond|tegen)\s+))?(?<![\w:./-])(?P<h>\d{1,2})(?P<sep>[:.hu])(?P<m>\d{2})"
    r"(?![\d/-]|\.\d)(?P<uur>\s*(?:uur|u|h)(?!\w))?" + _MERIDIEM + _TR_AT
)
_HOUR = re.compile(
    r"(?<![\w:./-])(?P<h>\d{1,2})(?!\d|[:./-]\d)"
    r"(?:(?P<suffix>\s*(?:uur|u|h|o'?clock|godz|godzina)(?!\w)|-?(?:tej|ej|й|ій|ої|ой|en|ish)(?!\w))"
    r"|\s*(?P<ampm>am|pm|a\.m\.?|p\.m\.?)(?!\w)"
    r"|(?P<tr>'?(?:da|de|ta|te)|(?:(?<=saat \d)|(?<=saat \d\d))'?(?:ya|ye|a|e))(?!\w))"
)  # round meetings21: the Turkish dative after "saat" ("saat 11e alalim"), never "de 1e week
_HALF = re.compile(rf"(?<!\w)half\s+(?P<past>past\s+)?(?P<n>{_NUM})(?:\s*uur(?!\w))?")
_MINUTES = re.compile(
    rf"(?<!\w)(?:(?:een|a)\s+)?(?:kwart|quarter|(?P<k>{_NUM})(?:\s+(?:minuten|minutes|min))?)"
    rf"\s+(?P<dir>over|voor|past|to)\s+(?P<half>half\s+)?(?P<n>{_NUM})(?:\s*uur(?!\w))?"
)
_RANGE_LEAD = (
    r"tussen|between|van|from|vanaf|od|miedzy|pomiedzy|між|з|від|بين|من|mn|saat|om|rond|at|ergens tussen"
)
_RANGE = re.compile(
    rf"(?<!\w)(?P<lead>{_RANGE_LEAD})\s+(?P<a>\d{{1,2}}(?:[:.]\d{{2}})?)\s*-\s*(?P<b>\d{{1,2}}(?:[:.]\d{{2}})?)(?!\d)"
)
_RANGE_AFTER = re.compile(
    r"(?<![\w:.])(?P<a>\d{1,2}(?:[:.]\d{2})?)\s*-\s*(?P<b>\d{1,2}(?:[:.]\d{2})?)(?=\s*(?:uur|u|h|arasi)(?!\w))"
)
_DATE = re.compile(r"(?<![\w:.])(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})(?:[-/.](?P<y>\d{2,4}))?(?![\w:]|[./-]\d)")
# "7e", "7de", "7th", "7go" (Polish), and the Ukrainian endings.
# The clock, range and date patterns need a digit: a text without one is left as it is, untried.
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"^(?P<n>\d{1,2})(?:e|de|ste|th|st|nd|rd|go|ego|-?(?:ого|го|е|й)|\.)$")  # noqa: RUF001


@cache
def _duration_pattern() -> tuple[re.Pattern[str], re.Pattern[str], Mapping[str, str], Mapping[str, float]]:
    units: dict[str, str] = {}
    for unit, spellings in lexicon("times")["units"].items():
        for spelling in spellings:
            units[_plain(spelling)] = unit
            if spelling.isascii() and spelling.isalpha() and not spelling.endswith(("je", "jes")):
                # Dutch diminutives: "over twee weekjes", "een maandje", "een paar uurtjes".
                for suffix in _DIMINUTIVES:
                    units.setdefault(_plain(spelling) + suffix, unit)
    amounts: dict[str, float] = {}
    for number, spellings in lexicon("times")["duration"]["amount"].items():
        for spelling in spellings:
            amounts[_plain(spelling)] = float(number)
    leads = [_plain(p) for p in lexicon("times")["duration"]["lead"]]
    after = [_plain(p) for p in lexicon("times")["duration"]["after"]]

    def alternatives(words: list[str] | Mapping[str, object]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    amount = rf"(?P<amount>\d{{1,3}}|{alternatives(amounts)})"
    unit = rf"(?P<unit>{alternatives(units)})"
    lead = re.compile(rf"(?<!\w)(?P<lead>{alternatives(leads)})\s+(?:{amount}\s*)?{unit}(?!\w)")
    post = re.compile(rf"(?<!\w){amount}\s*{unit}\s+(?:{alternatives(after)})(?!\w)")
    return lead, post, units, amounts


_DIMINUTIVES = ("je", "jes", "tje", "tjes")


@cache
def _approximate_pattern() -> re.Pattern[str]:
    """ "een week of twee", "a week or two": about that many, said unit first."""
    _, _, units, amounts = _duration_pattern()
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(units, key=len, reverse=True))
    numbers = "|".join(re.escape(w) for w in sorted(amounts, key=len, reverse=True) if amounts[w] > 1)
    amount = rf"(?P<amount>\d{{1,2}}|{numbers})"
    return re.compile(rf"(?<!\w)(?:een|a)\s+(?P<unit>{words})\s+(?:of|or)\s+{amount}(?!\w)")


# Leads after which a duration needs no amount: "za godzinę", "через годину", "بعد ساعة".
_BARE_LEADS = frozenset({"za", "через", "за", "بعد", "ba3d", "b3d"})


def _durations(text: str) -> str:
    lead, post, units, amounts = _duration_pattern()
    text = _approximate_pattern().sub(lambda m: f"{m['amount']} {m['unit']}", text)

    def token(match: re.Match[str], needs_amount: bool) -> str:
        amount_text = " ".join((match["amount"] or "").split())
        unit = units[" ".join(match["unit"].split())]
        if not amount_text and needs_amount and match["lead"] not in _BARE_LEADS and unit != "halfhour":
            return match[0]
        amount = float(amount_text) if amount_text.isdecimal() else amounts.get(amount_text, 1.0)
        if unit == "quarter":
            amount, unit = amount * 15, "minute"
        elif unit == "halfhour":
            amount, unit = amount * 30, "minute"
        if amount != int(amount):
            if unit != "hour":
                return match[0]
            amount, unit = amount * 60, "minute"
        return f" §d{int(amount)}_{unit} "

    text = lead.sub(lambda m: m[0] if _after_count(m) else token(m, True), text)
    return post.sub(lambda m: token(m, False), text)


@cache
def _counts() -> frozenset[str]:
    return frozenset(_plain(word) for word in lexicon("times")["duration"].get("after_count", ()))


def _after_count(match: re.Match[str]) -> bool:
    """Round dialogue29: a lead right after a count of times ("1 keer in 2 weken") says how often."""
    before = match.string[: match.start()].split()
    return bool(before) and before[-1] in _counts()


def _clocks(text: str, lang: str) -> str:
    def tr_bound(match: re.Match[str]) -> str:
        hour = int(match["h"])
        if hour > 23:
            return match[0]
        kind = {"sonra": "after", "once": "before", "kadar": "to"}[match["word"]]
        return f" §{kind}{_clock_token(hour, int(match['m'] or 0), _flag(match['h'], hour, None))}"

    def hhmm(match: re.Match[str]) -> str:
        hour, minute = int(match["h"]), int(match["m"])
        if hour > 23 or minute > 59:
            return match[0]
        marked = match["at"] or match["uur"] or match["ampm"] or match["tr"]
        if match["sep"] == "." and 1 <= minute <= 12 and not marked:
            return match[0]  # "1.12" may well be 1 December
        lead = f" {match['at']} " if match["at"] else " "
        return lead + _clock_token(hour, minute, _flag(match["h"], hour, match["ampm"]))

    def half(match: re.Match[str]) -> str:
        number = _number(match["n"])
        if not 1 <= number <= 12:
            return match[0]
        # Dutch "half drie" is 2:30; English "half three" and "half past three" are 3:30.
        hour = number if match["past"] or lang == "en" else (number - 1 or 12)
        return _clock_token(hour, 30, "n")

    def minutes(match: re.Match[str]) -> str:
        offset = 15 if match["k"] is None else _number(match["k"])
        number = _number(match["n"])
        if not 1 <= offset <= 29 or not 1 <= number <= 12:
            return match[0]
        base = (number - 1 or 12) * 60 + 30 if match["half"] else number * 60
        total = (base + (offset if match["dir"] in ("over", "past") else -offset)) % 720 or 720
        return _clock_token(total // 60 or 12, total % 60, "n")

    def hour(match: re.Match[str]) -> str:
        value = int(match["h"])
        if match["tr"] == "de" and lang != "tr":
            return match[0]  # Dutch "2de" is the second
        if lang == "ar" and match["ampm"] and not match[0][len(match["h"]) :].startswith(" "):
            return match[0]  # Moroccan "3am" is a year ("70 3am"), "3la" is "on"
        if value > 23 or (match["ampm"] and not 1 <= value <= 12):
            return match[0]
        return _clock_token(value, 0, _flag(match["h"], value, match["ampm"]))

    if _DIGIT.search(text):
        text = _TR_BOUND.sub(tr_bound, text)
        text = _HHMM.sub(hhmm, text)

    def half_to(match: re.Match[str]) -> str:
        found = match["n"]
        ordinals, _ = _half_to()
        number = ordinals[found] if found in ordinals else int(found)
        if not 1 <= number <= 12:
            return match[0]
        return _clock_token(number - 1 or 12, 30, "n")

    text = _MINUTES.sub(minutes, text)
    text = _HALF.sub(half, text)
    text = _half_to()[1].sub(half_to, text)

    def half_past(match: re.Match[str]) -> str:
        hours, _ = _half_past()
        number = hours[match["n"]] if match["n"] in hours else int(match["n"])
        return _clock_token(number, 30, "n") if 1 <= number <= 12 else match[0]

    text = _half_past()[1].sub(half_past, text)
    return _HOUR.sub(hour, text) if _DIGIT.search(text) else text


@cache
def _half_past() -> tuple[Mapping[str, int], re.Pattern[str]]:
    """Half past an hour said with the hour first: Turkish "üç buçuk", Arabic "الثالثة والنصف" (3:30;
    times.toml [half_past]). The hour is a digit or any language's hour word up to twelve."""
    data = lexicon("times")
    hours = {
        _plain(word): int(key.split(":")[1])
        for lang in LANGUAGES
        for key, words in data[lang].items()
        if key.startswith("hourword:") and int(key.split(":")[1]) <= 12
        for word in words
    }
    afters = "|".join(
        r"\s+".join(map(re.escape, _plain(word).split())) for word in data["half_past"]["after"]
    )
    words = "|".join(map(re.escape, sorted(hours, key=len, reverse=True)))
    # ...not an amount of hours: "bir buçuk saat sürer" (it takes an hour and a half).
    units = "|".join(map(re.escape, sorted({_plain(word) for word in data["units"]["hour"]}, key=len)))
    pattern = re.compile(
        rf"(?<!\w)(?P<n>\d{{1,2}}(?!\d)|{words})\s+(?:{afters})(?!\w)(?!\s+(?:{units})(?!\w))"
    )
    return hours, pattern


@cache
def _half_to() -> tuple[Mapping[str, int], re.Pattern[str]]:
    """Half an hour before an hour said as an ordinal or a digit, Polish and Ukrainian: "wpół do
    czwartej", "пів на четверту" (half to four: 3:30), as Dutch "half vier" (times.toml [half_to])."""
    data = lexicon("times")["half_to"]
    ordinals = {
        _plain(word): number
        for lang in ("pl", "uk")
        for number, word in enumerate(data[lang], start=1)
        for word in (word, word.replace("'", ""))
    }
    leads = "|".join(r"\s+".join(map(re.escape, _plain(lead).split())) for lead in data["lead"])
    words = "|".join(map(re.escape, sorted(ordinals, key=len, reverse=True)))
    pattern = re.compile(rf"(?<!\w)(?:{leads})\s+(?P<n>\d{{1,2}}(?!\d)|{words})(?!\w)")
    return ordinals, pattern


def _range_end(written: str) -> str:
    hour_text, _, minute_text = written.replace(".", ":").partition(":")
    hour = int(hour_text)
    return _clock_token(hour, int(minute_text or 0), _flag(hour_text, hour, None))


def _ranges(text: str) -> str:
    """ "tussen 10-12", "13-15 uur": two clock times joined by a range."""

    def both(match: re.Match[str]) -> str:
        if (
            int(match["a"].split(":")[0].split(".")[0]) > 23
            or int(match["b"].split(":")[0].split(".")[0]) > 23
        ):
            return match[0]
        lead = f" {match['lead']} " if "lead" in match.groupdict() else " "
        return f"{lead}{_range_end(match['a'])} §to {_range_end(match['b'])}"

    if not _DIGIT.search(text):
        return text
    return _RANGE_AFTER.sub(both, _RANGE.sub(both, text))


def _dates(text: str) -> str:
    def date(match: re.Match[str]) -> str:
        day, month = int(match["d"]), int(match["m"])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return match[0]
        year = int(match["y"] or 0)
        return f" §y{month}_{day}_{year + 2000 if 0 < year < 100 else year} "

    return _DATE.sub(date, text) if _DIGIT.search(text) else text


@cache
def _house_numbers() -> re.Pattern[str]:
    """A house number (times.toml [house_numbers], round corpus35): after "nummer" / "number", before an
    English street word ("23 church street"), or after a street name ("molenweg 112"); its digits are
    blanked."""
    data = lexicon("times")["house_numbers"]

    def either(words: list[str]) -> str:
        spelled = {r"\s+".join(map(re.escape, _plain(word).split())) for word in words}
        return "|".join(sorted(spelled, key=len, reverse=True))

    number = r"\d{1,4}(?:\s?[a-z](?!\w))?"
    return re.compile(
        rf"(?<!\w)(?:(?:{either(data['leads'])})\.?\s+{number}"
        rf"|[^\W\d_]+(?:{either(data['street_endings'])})\s+{number}"
        rf"|(?<=\s){number}\s+(?:\w+\s+)?(?:{either(data['streets_after'])}))(?!\w)"
    )


_DIGITS_RUN = re.compile(r"\d+")


# Abbreviations written with dots: "z.s.m.", "a.s.", "a.s.a.p." are "zsm", "as", "asap".
_DOTTED = re.compile(r"(?<![\w.])((?:[^\W\d_]\.)+[^\W\d_])\.?(?!\w)")


def normalise(text: str, lang: str = "nl") -> str:
    """Folded text with the digit patterns replaced by § tokens."""
    folded = fold(without_emoji(text)).translate(_DIGITS).translate(_EXTRA)
    folded = _DOTTED.sub(lambda match: match[1].replace(".", ""), folded)
    if _DIGIT.search(folded):
        folded = _house_numbers().sub(lambda match: _DIGITS_RUN.sub(" ", match[0]), folded)
    return _dates(_clocks(_ranges(_durations(folded)), lang))


_TOKEN = re.compile(r"§\S+|[^\W_]+(?:['-][^\W_]+)*|[,.;:!?()\[\]]|\s-\s|\n")
_SEPARATORS = frozenset(",.;:!?()[]\n") | {" - "}


def tokens(normalised: str, *, split: bool = False) -> list[str]:
    """The tokens; with `split`, a hyphen between two words that the lexicon does not know as one word
    is a range ("mon-fri", "ma-vr"), and a hyphen with a known word stays ("будь-коли")."""
    found = _TOKEN.findall(normalised)
    if not split:
        return found
    known = _hyphenated()
    result: list[str] = []
    for token in found:
        if "-" in token and token not in known and not token.startswith("§"):
            for index, piece in enumerate(token.split("-")):
                result.extend(["§to", piece] if index else [piece])
        else:
            result.append(token)
    return result


@cache
def _hyphenated() -> frozenset[str]:
    data = lexicon("times")
    return frozenset(
        _plain(word)
        for language in LANGUAGES
        for phrases in data[language].values()
        for phrase in phrases
        for word in phrase.split()
        if "-" in word
    )


def _plain(phrase: str) -> str:
    return " ".join(t for t in tokens(fold(phrase).translate(_EXTRA)) if t not in _SEPARATORS)


# --- the lexicon ----------------------------------------------------------------------------------


def _items_of(key: str) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for part in key.split():
        kind, _, value = part.partition(":")
        found.append((kind, value))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class _Index:
    exact: Mapping[str, tuple[_Entry, ...]]
    stems: Mapping[str, tuple[_Entry, ...]]  # by the stem's first two letters
    vocabulary: Mapping[str, tuple[str, ...]]  # single words a typo may stand for, by first letter
    vocabulary_items: Mapping[str, tuple[tuple[str, str], ...]]
    compound: re.Pattern[str]
    heads: re.Pattern[str]  # the days that start a Dutch compound ("zaterdag" in "zaterdagmiddag")
    words: frozenset[str] = frozenset()  # every word of a phrase (for stretched spellings: "weeek")
    days: tuple[str, ...] = ()  # weekday names of the language, for a slip inside a message ("donderdg")


@cache
def _dutch_or(lang: str) -> frozenset[str]:
    """The Dutch words for "or" read in a message of `lang` too (round 21: "..., of zaterdag")."""
    strict = lexicon("times")["strict"]
    kept = frozenset(strict["dutch_or"])
    return kept - frozenset(strict["dutch_or_not_en"]) if lang == "en" else kept


@cache
def index(lang: str, loose: bool) -> _Index:
    """The phrases read for a message in `lang`: its own in full, the others' time words (strict ones)."""
    exact: dict[str, list[_Entry]] = defaultdict(list)
    stems: dict[str, list[_Entry]] = defaultdict(list)
    vocabulary: dict[str, tuple[tuple[str, str], ...]] = {}
    phrase_words: set[str] = set()
    days: list[str] = []
    data = lexicon("times")
    for language in LANGUAGES:
        primary = language == lang
        for key, phrases in data[language].items():
            is_loose = key.startswith("~")
            if is_loose and not (loose and primary):
                continue
            items = _items_of(key.lstrip("~"))
            secondary = language == "en" and all(kind in ENGLISH_TOO for kind, _ in items)
            dutch_or = language == "nl" and items == (("or", ""),)
            content = all(kind in CONTENT for kind, _ in items)
            if not primary and not secondary and not dutch_or and not content:
                continue
            for phrase in phrases:
                if dutch_or and not primary and phrase not in _dutch_or(lang):
                    continue
                words = phrase.split()
                stem_flags = tuple(w.endswith("*") for w in words)
                plain_tokens = tuple(_plain(w.rstrip("*")) for w in words)
                plain_tokens = tuple(t for t in " ".join(plain_tokens).split())
                if len(plain_tokens) != len(stem_flags):
                    stem_flags = (False,) * len(plain_tokens)
                if not plain_tokens:
                    continue
                entry = _Entry(plain_tokens, items, stem_flags, primary)
                phrase_words.update(t for t, stem in zip(plain_tokens, stem_flags, strict=True) if not stem)
                if primary and not is_loose and items == (("day", items[0][1]),) and len(plain_tokens) == 1:
                    days.append(plain_tokens[0])
                if stem_flags[0]:
                    stems[plain_tokens[0][:2]].append(entry)
                else:
                    exact[plain_tokens[0]].append(entry)
                if (
                    primary
                    and len(plain_tokens) == 1
                    and len(plain_tokens[0]) >= 5
                    and not is_loose
                    and all(kind in FUZZY for kind, _ in items)
                ):
                    vocabulary[plain_tokens[0]] = items
    compound, heads = _compound_pattern()
    by_letter: dict[str, list[str]] = defaultdict(list)
    for word in vocabulary:
        by_letter[word[0]].append(word)
    return _Index(
        {k: tuple(sorted(v, key=lambda e: -len(e.tokens))) for k, v in exact.items()},
        {k: tuple(sorted(v, key=lambda e: -len(e.tokens[0]))) for k, v in stems.items()},
        {letter: tuple(words) for letter, words in by_letter.items()},
        vocabulary,
        compound,
        heads,
        frozenset(phrase_words),
        tuple(day for day in days if len(day) >= 6 and day.isalpha()),
    )


@cache
def _compound_pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Dutch writes a day and a daypart as one word: "zaterdagmiddag", "morgenvroeg", "dinsdagavond"."""
    days = [p for key, ps in lexicon("times")["nl"].items() if key.startswith(("day:", "rel:")) for p in ps]
    heads = sorted({_plain(p) for p in days if " " not in p and len(p) >= 5}, key=len, reverse=True)
    pattern = re.compile(rf"^({'|'.join(heads)})(ochtend|morgen|middag|avond|nacht|vroeg)$")
    return pattern, re.compile(rf"^({'|'.join(heads)})(.{{4,}})$")


_COMPOUND_PART = {"ochtend": "morning", "morgen": "morning", "vroeg": "morning", "middag": "afternoon"}
_COMPOUND_PART |= {"avond": "evening", "nacht": "night"}


def _matches(entry: _Entry, found: list[str], at: int) -> bool:
    if at + len(entry.tokens) > len(found):
        return False
    for offset, (word, stem) in enumerate(zip(entry.tokens, entry.stems, strict=True)):
        token = found[at + offset]
        if not (token == word or (stem and token.startswith(word) and len(token) - len(word) <= 5)):
            return False
    return True


def scan(text: str, lang: str, *, loose: bool) -> tuple[list[Item], list[str]]:
    """The items of a message and its tokens (for distances between items)."""
    lexicon_index = index(lang if lang in LANGUAGES else "nl", loose)
    found = _tidy(tokens(normalise(text, lang), split=True), lexicon_index)
    items: list[Item] = []
    at = 0
    while at < len(found):
        token = found[at]
        if token in _SEPARATORS:
            items.append(Item("sep", token, at, at + 1))
            at += 1
            continue
        if token.startswith("§"):
            items.append(_special(token, at))
            at += 1
            continue
        best: _Entry | None = None
        for entry in (*lexicon_index.exact.get(token, ()), *lexicon_index.stems.get(token[:2], ())):
            # The first word first (as `_matches` does): most entries of a stem's two letters fail there.
            first = entry.tokens[0]
            if token != first and not (
                entry.stems[0] and token.startswith(first) and len(token) - len(first) <= 5
            ):
                continue
            if not _matches(entry, found, at):
                continue
            if best is None or (len(entry.tokens), entry.primary, not any(entry.stems)) > (
                len(best.tokens),
                best.primary,
                not any(best.stems),
            ):
                best = entry
        fuzzy = False
        if best is None and loose:
            # A typo in the first word of a phrase ("volgnde week"): the phrase of the word it stands for.
            best = max(
                (
                    entry
                    for fixed in _typos_of(token, lexicon_index)
                    for entry in lexicon_index.exact.get(fixed, ())
                    if len(entry.tokens) > 1 and _matches(entry, [*found[:at], fixed, *found[at + 1 :]], at)
                ),
                key=lambda entry: len(entry.tokens),
                default=None,
            )
            fuzzy = best is not None
        if best is not None:
            end = at + len(best.tokens)
            items.extend(Item(kind, value, at, end, fuzzy=fuzzy) for kind, value in best.items)
            at = end
            continue
        items.extend(_word(token, at, lexicon_index, loose))
        at += 1
    return items, found


@cache
def _softeners() -> frozenset[str]:
    return frozenset(_plain(word) for word in lexicon("times")["strict"]["softeners"])


def _tidy(found: list[str], lexicon_index: _Index) -> list[str]:
    """The tokens without the words that only make a time phrase emphatic ("maakt echt niet uit", "really
    doesn't matter"), and with a letter stretched inside a word squeezed to the phrase word it stands
    for ("volgende weeek", "morgennn"): phrases then match as if they were said plainly."""
    softeners = _softeners()
    result: list[str] = []
    for token in found:
        if token in softeners:
            continue
        if not token.startswith("§") and token not in lexicon_index.words and _REPEATS.search(token):
            squeezed = (_REPEATS.sub(r"\1\1", token), _REPEATS.sub(r"\1", token))
            token = next((word for word in squeezed if word in lexicon_index.words), token)
        result.append(token)
    return result


def _special(token: str, at: int) -> Item:
    if token in ("§to", "§after", "§before"):
        return Item(token[1:], "", at, at + 1)
    kind, body = token[1], token[2:]
    if kind == "c":
        return Item("clock", body, at, at + 1)
    if kind == "y":
        return Item("date", body, at, at + 1)
    return Item("dur", body, at, at + 1)


_REPEATS = re.compile(r"(\w)\1{2,}")
_TRAILING = re.compile(r"(\w)\1+$")
# Both need a letter written twice in a row; most words have none, and then neither changes them.
_TWICE = re.compile(r"(\w)\1")


def _word(token: str, at: int, lexicon_index: _Index, loose: bool) -> list[Item]:
    """A word no phrase matched: a number, an ordinal, a Dutch compound, a stretched word ("dabaaa",
    "morgennn"), or in an answer a typo."""
    stretched = _TWICE.search(token) is not None
    for squeezed in {_REPEATS.sub(r"\1", token), _TRAILING.sub(r"\1", token)} - {token} if stretched else ():
        known = _lookup(squeezed, lexicon_index)
        if known:
            return [Item(kind, value, at, at + 1) for kind, value in known]
    if token.isdecimal():
        return [Item("num", token, at, at + 1)] if len(token) <= 2 else [Item("big", token, at, at + 1)]
    ordinal = _ORDINAL.match(token)
    if ordinal and 1 <= int(ordinal["n"]) <= 31:
        return [Item("ordinal", ordinal["n"], at, at + 1)]
    compound = lexicon_index.compound.match(token)
    if compound:
        head = _lookup(compound[1], lexicon_index)
        if head:
            return [
                *(Item(k, v, at, at + 1) for k, v in head),
                Item("part", _COMPOUND_PART[compound[2]], at, at + 1),
            ]
    if loose and len(token) >= 5 and token.isalpha() and not _ARABIC.search(token):
        split = _fuzzy_compound(token, lexicon_index)
        if split:
            return [Item(k, v, at, at + 1, fuzzy=True) for k, v in split]
        fixed = _typo_of(token, lexicon_index)
        if fixed is not None:
            return [Item(k, v, at, at + 1, fuzzy=True) for k, v in lexicon_index.vocabulary_items[fixed]]
    elif not loose:
        day = _day_slip(token, lexicon_index)
        if day is not None:
            return [Item(k, v, at, at + 1, fuzzy=True) for k, v in _lookup(day, lexicon_index)]
    return []


def _day_slip(token: str, lexicon_index: _Index) -> str | None:
    """Inside a message only a weekday's name is forgiven a slip ("DONDERDG", "woensdg"): a long word of
    the same first letter, close to one day's name and no dictionary word; other time words must be
    written as they are, a message being full of words that resemble them."""
    if len(token) < 6 or not token.isalpha() or _ARABIC.search(token):
        return None
    near = [day for day in lexicon_index.days if day[0] == token[0]]
    found = process.extractOne(token, near, scorer=JaroWinkler.similarity, score_cutoff=_DAY_SLIP)
    if found is None or _known_word(token):
        return None
    return str(found[0])


# How close a slip inside a message must stay to the weekday ("donderdg" 0.98, "vrijdg" 0.97).
_DAY_SLIP = 0.93


def _typo_of(token: str, lexicon_index: _Index) -> str | None:
    """The single time word a longer unknown word is a typo of ("morgu"), or None."""
    found = _typos_of(token, lexicon_index)
    return found[0] if found else None


def _typos_of(token: str, lexicon_index: _Index) -> tuple[str, ...]:
    """The time words (best first) an unknown word of five letters or more may be a typo of; a word of
    the dictionary is meant as typed ("volgens" is no "volgende")."""
    if len(token) < 5 or not token.isalpha() or _ARABIC.search(token) or _known_word(token):
        return ()
    found = process.extract(
        token,
        lexicon_index.vocabulary.get(token[0], ()),
        scorer=JaroWinkler.similarity,
        score_cutoff=0.88,
        limit=3,
    )
    return tuple(str(match[0]) for match in found)


def _fuzzy_compound(token: str, lexicon_index: _Index) -> list[tuple[str, str]]:
    """ "vrijdagochtnd": a day written whole and a daypart with a typo."""
    split = lexicon_index.heads.match(token)
    if split:
        head, rest = split[1], split[2]
        items = list(_lookup(head, lexicon_index))
        for suffix, part in _COMPOUND_PART.items():
            if len(suffix) >= 5 and JaroWinkler.similarity(rest, suffix) >= 0.85:
                return [*items, ("part", part)] if items else []
    return []


def _known_word(word: str) -> bool:
    """A word of the dictionary is meant as typed ("volgens mij dinsdag" is no "volgende dinsdag")."""
    from flows.understanding.phrases import _known_word as known

    return known(word)


# Arabic words share "ال" and their roots: a typo there is another word ("الثالثة" is not "الثلاثاء").
_ARABIC = re.compile("[\u0600-\u06ff]")


def _lookup(word: str, lexicon_index: _Index) -> tuple[tuple[str, str], ...]:
    for entry in lexicon_index.exact.get(word, ()):
        if len(entry.tokens) == 1:
            return entry.items
    return ()
