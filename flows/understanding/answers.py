"""Answers to the bot's closed questions: yes/no, an option, urgency, an invitation.

Every reader here works the same way: the message becomes words with clause numbers (`lexmatch`),
the lexicons of `data/` give hits with positions, a negated hit drops out (a negated yes is a no),
and the answer is the first clear one, or the one after a correction ("1. nee wacht, 2", "vandaag
lukt niet, dan deze week"). Lexicons of the conversation's language (and English, which everyone
mixes in) are tried first, then those of every language: people do not always write in the language
the conversation is in, but a Dutch "la" is not an Arabic no.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from itertools import takewhile

from flows.understanding import categories, times
from flows.understanding import lexmatch as lx
from flows.understanding import text as t
from flows.understanding.lexmatch import Hit, Token

_LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk")
_ANSWER_KINDS = frozenset({"yes", "no", "later", "later_reply", "unsure"})
_LATER_KINDS = frozenset({"later", "later_reply", "unsure"})
URGENCY_KEYS = ("today", "this_week", "any")
INVITATION_KEYS = ("yes", "no", "later")


def read_yes_no(text: str, lang: str = "nl", *, allow_question: bool = False) -> tuple[str | None, float]:
    """("yes" / "no" / "question" or None, confidence).

    A yes or no that opens the message decides, whatever follows ("ja hoor, als mijn nummer maar
    geheim blijft"); otherwise a question ("wie kan mijn berichten lezen?", "en als ik nee zeg?") is
    "question" when `allow_question`, else no answer; then a yes or no further on; then emoji.
    """
    found = lx.tokens(text)
    hits = _yes_no_hits(found, (("yes_no", "answers"),), lang)
    if not hits:
        typo = _typo_answer(found)
        if typo:
            return _as_yes_no(typo[0].kind, 0.7)  # likely; the flow may confirm
    chosen = _choose(found, hits, prefer_last=False)
    if allow_question and _details().hits(found):
        # Round corpus37: where a question may be the answer, a no about one detail ("liever niet mijn
        # achternaam") asks what is kept; a yes that opens the message stays a yes ("ja hoor, maar mijn
        # achternaam liever niet").
        opening = min(hits, key=lambda hit: hit.start) if hits else None
        if opening is not None and opening.kind == "yes" and _leading(found, opening):
            return "yes", 0.9
        return "question", 0.6
    if allow_question and chosen is not None and chosen.kind == "unsure":
        return "question", 0.6  # a doubt ("ik twijfel", "nie wiem, a kto to czyta"): hear more first
    if chosen is not None and _leading(found, chosen):
        return _as_yes_no(chosen.kind, 0.95)
    if _is_question(text, found, lang):
        return ("question", 0.85) if allow_question else (None, 0.0)
    if chosen is not None:
        return _as_yes_no(chosen.kind, 0.75)
    if len(found) == 1:
        numbers = t.lexicon("yes_no")["numbers"]
        for kind in ("yes", "no"):
            if found[0].raw in numbers[kind]:
                return kind, 0.6  # "1" for Ja, "2" for Nee: likely, so the flow may confirm
    return _emoji_answer(text)


def read_option(text: str, options: Sequence[tuple[str, str]], lang: str = "nl") -> tuple[str | None, float]:
    """The key of the offered option `[(key, label), ...]` an answer picks, with a confidence.

    By number ("2", "nr 2", "de tweede", "twee graag"), by the label or one of its own words inside a
    sentence, by a typo of such a word; a negated label does not count ("niet de tuin"), and after a
    correction the last choice counts ("1. nee wacht, 2").
    """
    offered = tuple((str(key), str(label)) for key, label in options)
    if not offered:
        return None, 0.0
    found = lx.tokens(text)
    lexicon, vocabulary = _label_lexicon(offered)
    named = lexicon.hits(found)
    labelled = [hit for hit in named if not _negated(found, hit, named)]
    hits = _outside(_number_hits(found, list(offered)), named) + labelled
    # A word of several labels ("hours" in "2 hours before" and in "evening and 2 hours before") is
    # no typo of another label's word ("hour"): dialogue round 14.
    shared = {word for _, label in offered for word in t.words(label)}
    hits += [hit for hit in _typo_hits(found, hits, vocabulary) if not set(t.words(hit.phrase)) & shared]
    chosen = _choose(found, hits, prefer_last=True)
    if chosen is None:
        return None, 0.0
    return chosen.kind, _confidence(chosen, hits)


def read_category(text: str, lang: str = "nl") -> tuple[str | None, float]:
    """(kind of help or None, confidence): see `flows.understanding.categories.read_category`."""
    return categories.read_category(text, lang)


# The urgency words: calm words first (round corpus29), so that a phrase listed there is calm wherever else
# it is listed (a phrase keeps the kind of the first table that has it).
_URGENCY_SOURCES = (
    ("urgency", "urgency_calm"),
    ("urgency", "urgency"),
    ("urgency", "urgency_corpus25"),
    ("urgency", "urgency_corpus29"),
)
# No hurry said without a time: "any" on its own, and yields to a time said beside it.
_CALM = "calm"


def read_urgency(text: str, lang: str = "nl") -> tuple[str | None, float]:
    """ "today" / "this_week" / "any" for "Hoe dringend is het? 1 Vandaag nog 2 Deze week 3 Maakt niet
    uit": a number, or words ("heel dringend", "een paar dagen", "geen haast"); later than this week is
    "any"; a negated choice does not count and the last choice wins."""
    found = lx.tokens(text)
    labels = t.lexicon("urgency")["labels"]
    said = _answer_hits(found, _URGENCY_SOURCES, lang, wished=True)
    hits = [hit for hit in said if not _negated(found, hit, said) and not _asked_about(found, hit)]
    hits += _outside(_number_hits(found, [(key, labels[key]) for key in URGENCY_KEYS]), hits)
    # "ergens deze week is prima hoor geen haast": no hurry within the time chosen (round corpus29).
    timed = [hit for hit in hits if hit.kind != _CALM]
    hits = timed or [Hit("any", hit.start, hit.end, hit.phrase) for hit in hits]
    chosen = _choose(found, hits, prefer_last=True)
    if chosen is None:
        # Only when no urgency word was said at all (not "vandaag hoeft niet", "wat bedoel je met
        # dringend?") and the answer asks nothing.
        asked = "?" in text or question_opens(found, lang)
        by_time = None if said or asked else _urgency_of_time(times.read_when(text, lang, None))
        return (by_time, 0.7) if by_time else (None, 0.0)
    return chosen.kind, _confidence(chosen, hits)


# Weeks and months later than this week (round corpus29 added the months).
_LATER_WEEKS = frozenset({"next", "next_weekend", "next_month", "early_next_month"})


def _urgency_of_time(when: times.TimeReading | None) -> str | None:
    """The urgency a time said instead of a choice gives (round corpus25): "na de feestdagen" or "next
    week" is later than this week ("any"), "within the week" this week, "in 2 hours" today. A weekday or a
    date alone gives none (it may fall in this week or a later one)."""
    if when is None or when.options:
        return None
    if when.flexible or when.holiday or when.week in _LATER_WEEKS:
        return "any"
    if when.asap or when.relative_day == 0:
        return "today"
    if when.relative_day in (1, 2) or when.week in ("this", "weekend"):
        return "this_week"
    if when.delay is not None:
        amount, unit = when.delay
        if unit in ("minute", "quarter", "halfhour", "hour"):
            return "today"
        if unit == "day":
            return "this_week" if amount <= 6 else "any"
        return "any"
    return None


def read_invitation(
    text: str, lang: str = "nl", now: datetime | None = None
) -> tuple[str | None, str | None, float]:
    """(answer "yes"/"no"/"later" or None, condition or None, confidence) for "Kun je helpen? 1 Ja, ik
    help 2 Nee 3 Nu niet".

    The first clear answer counts (a yes with a remark or a condition is a yes); a no followed by a
    later ("nee, volgende week wel") is a later; being busy without an answer ("zit op mijn werk") is
    a later. The condition is read for a yes or a later only: a time from `times.condition_time`, else
    a day with "only" ("kan pas zaterdag"), plus conditions of `data/invitation.toml` ("niet tillen").
    """
    rest = _after_pondering(text)
    if rest is not None:
        answered = read_invitation(rest, lang, now)
        if answered[0] is not None:
            return answered  # "ff kijken ja kan wel na half vier": the answer after thinking aloud
    found = lx.tokens(text)
    labels = t.lexicon("invitation")["labels"]
    limits = lx.lexicon_of("invitation", "conditions").hits(found)
    hits = _yes_no_hits(found, (("invitation", "answers"), ("yes_no", "answers")), lang, limits)
    busy = [hit for hit in hits if hit.kind == "busy"]
    hits = [hit for hit in hits if hit.kind in _ANSWER_KINDS and not _asked_about(found, hit)]
    asking = _asking_clauses(text, found)
    # "ne kadar uzak?", "чи це далеко?": a reason to say no, asked about, is no no; and (dialogue round
    # 23) "is she ok with a male volunteer?": a yes word asked about is no yes.
    hits = [hit for hit in hits if not (hit.kind in ("no", "yes") and found[hit.start].clause in asking)]
    hits = _without_restrictions(found, hits)
    hits += _outside(_number_hits(found, [(key, labels[key]) for key in INVITATION_KEYS]), hits)
    chosen = _choose(found, hits, prefer_last=False)
    answer: str | None
    if chosen is not None:
        answer = "later" if chosen.kind in _LATER_KINDS else chosen.kind
        confidence = 0.95 if _leading(found, chosen) else 0.8
        if answer == "no" and any(hit.kind in _LATER_KINDS and hit.start > chosen.start for hit in hits):
            answer = "later"
        elif answer == "yes" and _not_now_then_later(text, found, chosen, hits, lang, now):
            answer = "later"  # "ik wil graag helpen maar deze week lukt het niet, volgende week wel"
        elif answer == "yes" and _full_week_then_time(text, found, chosen, lang, now):
            answer = "later"  # "deze week zit ik vol, maar de 10e kan ik" (round corpus35)
        elif answer == "yes" and _but_later_at(found, chosen, hits, lang, now):
            answer = "later"  # "ik wil wel, maar pas volgende week" (round corpus38)
        elif answer == "no" and _other_time_after(text, found, chosen, lang, now):
            answer = "later"  # "deze week lukt niet, na het weekend wel"
        elif answer == "no" and _after_this_week(found):
            answer = "later"  # "nie w tym tygodniu, jestem na urlopie. potem chętnie"
        if answer == "yes" and _withdrawn(found, chosen, hits) and not times.condition_time(text, lang, now):
            answer, confidence = "no", 0.7  # "ja. o nee wacht, ik moet werken": the yes taken back
    elif busy:
        answer, confidence = "later", 0.6
    elif _only_opens(found) and _condition(text, found, lang, now):
        answer, confidence = "yes", 0.7  # "alleen 's ochtends", "pas na 3 uur": a yes said by its limit
    elif _opens_with(found, "only.able") and times.condition_time(text, lang, now):
        answer, confidence = "yes", 0.7  # "kan morgen tussen 2 en 4": able, at that time
    else:
        answer, confidence = _emoji_answer(text)
    replies_later = any(hit.kind == "later_reply" for hit in hits)
    condition = (
        _condition(text, found, lang, now, with_time=not replies_later)
        if answer in ("yes", "later")
        else None
    )
    return answer, condition, confidence


@cache
def _pondering() -> re.Pattern[str]:
    """An opening that thinks aloud (`data/invitation.toml` [pondering]), with what follows it."""
    phrases = sorted({t.fold(p) for ps in t.lexicon("invitation")["pondering"].values() for p in ps}, key=len)
    alternatives = "|".join(re.escape(phrase) for phrase in reversed(phrases))
    return re.compile(rf"(?:{alternatives})(?![^\W_])[\s,.:;!…-]*(?P<rest>\S.*)", re.DOTALL)


def thinks_aloud_only(text: str) -> bool:
    """The message only thinks aloud ("even kijken hoor", "let me see..."): no answer yet (dialogue round
    11; the reader still reads it as a later, round 21, for where no more can follow)."""
    return _pondering_alone().match(t.fold(text)) is not None


@cache
def _pondering_alone() -> re.Pattern[str]:
    phrases = sorted({t.fold(p) for ps in t.lexicon("invitation")["pondering"].values() for p in ps}, key=len)
    alternatives = "|".join(re.escape(phrase) for phrase in reversed(phrases))
    fillers = "hoor|he|hè|hoi|hmm+|eh+|even|ff|hoor eens|please|pls|ok|oke"
    return re.compile(rf"^\W*(?:(?:{fillers})\W+)*(?:{alternatives})(?:\W+(?:{fillers}))*\W*$")


def _after_pondering(text: str) -> str | None:
    """What follows an opening that thinks aloud ("ff kijken ja kan wel" -> "ja kan wel"); None when the
    message does not open so or says nothing after it (round 21)."""
    match = _pondering().match(t.fold(text))
    return match.group("rest") if match else None


# --- shared machinery -------------------------------------------------------------------------------


def _languages(lang: str) -> tuple[str, ...] | None:
    return (lang, "en") if lang in _LANGUAGES else None


@cache
def _combined(sources: tuple[tuple[str, str], ...], languages: tuple[str, ...] | None) -> lx.Lexicon:
    """One lexicon of several data tables; a phrase keeps the kind of the first table that has it."""
    phrases: dict[str, str] = {}
    for name, table in sources:
        for kind, entries in t.lexicon(name)[table].items():
            for phrase in lx.phrases_of(entries, languages):
                phrases.setdefault(phrase, kind)
    return lx.Lexicon(phrases)


def _answer_hits(
    found: Sequence[Token], sources: tuple[tuple[str, str], ...], lang: str, *, wished: bool = False
) -> list[Hit]:
    """Hits in the conversation's language and English; when there are none, in every language; when
    there are none either, Moroccan Arabic in Latin letters by its consonants (`_arabizi_hits`).
    `wished` (urgency): "if" before a time is a wish ("ila kan had simana mzyan", "als het deze week kan"),
    not the word talked about; a word with "say" still is (round corpus33)."""
    for languages in (_languages(lang), None):
        hits = [
            hit
            for hit in _combined(sources, languages).hits(found)
            if not _mentioned(found, hit, if_counts=not wished)
        ]
        if hits:
            return hits
    return _arabizi_hits(found, sources)


# Arabic written in Latin letters has no fixed vowels ("mosta3jil", "mista3jel", "mesta3jal") and writes
# one sound as "sh" or "ch": its words compare by their consonants and digit-letters.
_VOWELS = str.maketrans("", "", "aeiou")


def _skeleton(word: str) -> str:
    return word.replace("sh", "ch").translate(_VOWELS)


@cache
def _arabizi(sources: tuple[tuple[str, str], ...]) -> dict[tuple[str, ...], str]:
    """The Latin-letter Moroccan phrases of `sources` with a digit-letter (3, 7, 9, 5, 2), as consonant
    skeletons: only these are told apart from Dutch or English words safely."""
    table: dict[tuple[str, ...], str] = {}
    for name, source in sources:
        for kind, entries in t.lexicon(name)[source].items():
            for phrase in entries.get("ar", ()) if isinstance(entries, dict) else ():
                words = [lx.squeeze(word) for word in t.words(phrase)]
                if words and phrase.isascii() and any(ch in "23579" for ch in phrase) and "*" not in phrase:
                    table.setdefault(tuple(_skeleton(word) for word in words), kind)
    return table


def _arabizi_hits(found: Sequence[Token], sources: tuple[tuple[str, str], ...]) -> list[Hit]:
    if not any(any(ch in "23579" for ch in token.word) for token in found):
        return []  # the common case: no digit-letter, no Moroccan in Latin letters
    table = _arabizi(sources)
    skeletons = [_skeleton(token.word) for token in found]
    hits: list[Hit] = []
    for size in sorted({len(key) for key in table}, reverse=True):
        for start in range(len(found) - size + 1):
            kind = table.get(tuple(skeletons[start : start + size]))
            taken = any(hit.start < start + size and start < hit.end for hit in hits)
            if kind is not None and not taken:
                hits.append(
                    Hit(kind, start, start + size, " ".join(t.word for t in found[start : start + size]))
                )
    return sorted(hits, key=lambda hit: hit.start)


def _yes_no_hits(
    found: Sequence[Token], sources: tuple[tuple[str, str], ...], lang: str, beside: Sequence[Hit] = ()
) -> list[Hit]:
    """Answer hits where a negated yes ("niet akkoord", "ik kan morgen niet") is a no. A negation inside
    one of `beside` (an invitation's conditions: "ja alleen niet zwaar tillen") belongs to that."""
    result: list[Hit] = []
    hits = _answer_hits(found, sources, lang)
    for hit in hits:
        if hit.kind == "yes" and _negated(found, hit, [*hits, *beside]):
            hit = Hit("no", hit.start, hit.end, hit.phrase)
        result.append(hit)
    return result


def _negated(found: Sequence[Token], hit: Hit, others: Sequence[Hit] = ()) -> bool:
    return lx.negated(
        found,
        hit,
        lx.word_set("yes_no", "negators"),
        after=3,
        stops=lx.word_set("choices", "conjunctions"),
        others=others,
    )


def _mentioned(found: Sequence[Token], hit: Hit, *, if_counts: bool = True) -> bool:
    """ "en als ik nee zeg", "what if I say no": the word is talked about, not said. Without `if_counts`
    only a word of saying makes it so."""
    if_words, say_words = lx.word_set("yes_no", "mention.if"), lx.word_set("yes_no", "mention.say")
    clause = found[hit.start].clause
    before = [token.word for token in found[max(0, hit.start - 3) : hit.start] if token.clause == clause]
    after = found[hit.end].word if hit.end < len(found) and found[hit.end].clause == clause else ""
    conditional = if_counts and bool(if_words & set(before))
    return conditional or bool(before and before[-1] in say_words) or after in say_words


def _leading(found: Sequence[Token], hit: Hit) -> bool:
    """Nothing but fillers ("eh", "nou", "mevrouw") before the hit."""
    fillers = lx.word_set("yes_no", "fillers")
    return all(token.word in fillers for token in found[: hit.start])


def _asked_about(found: Sequence[Token], hit: Hit) -> bool:
    """The answer's word stands in a clause that asks back ("wat bedoel je met dringend?", "hoe bedoel
    je, volgende week?"): it is talked about, not chosen."""
    clause = found[hit.start].clause
    return any(
        found[asked.start].clause == clause for asked in _question_lexicon("phrases", None).hits(found)
    )


def _asking_clauses(text: str, found: Sequence[Token]) -> set[int]:
    """The clauses that ask (dialogue round 8): opened by a question word (yes_no.toml
    [question.openers]: "hoe", "ne kadar", "чи") and ended by a question mark, numbered as `found`
    numbers them. A no word in one is talked about ("hoe ver is het?"), not said."""
    breaks = [match.group(0) for match in lx.CLAUSE_BREAK.finditer(t.without_emoji(text))]
    marked = {number for number, mark in enumerate(breaks) if "?" in mark or "\u061f" in mark}
    if not marked:
        return set()
    firsts: dict[int, int] = {}
    for index, token in enumerate(found):
        firsts.setdefault(token.clause, index)
    opened = {
        found[hit.start].clause
        for hit in _question_lexicon("openers", None).hits(found)
        if firsts.get(found[hit.start].clause) == hit.start
    }
    return opened & marked


def _without_restrictions(found: Sequence[Token], hits: list[Hit]) -> list[Hit]:
    """Beside a yes, a no that only rules out a day or an hour ("ja hoor, liever niet op vrijdag", "kan
    wel, maar niet te vroeg") restricts the yes: it is the condition, not the answer."""
    if not any(hit.kind == "yes" for hit in hits):
        return hits
    restricting = lx.word_set("invitation", "restricted")
    weekdays = lx.lexicon_of("invitation", "weekdays").hits(found)
    kept: list[Hit] = []
    for hit in hits:
        if hit.kind == "no":
            clause = found[hit.start].clause
            rest = [token for token in found[hit.end : hit.end + 4] if token.clause == clause]
            lead = next((i for i, token in enumerate(rest) if token.word not in _RESTRICTION_LEADS), None)
            if lead is not None and (
                rest[lead].word in restricting or any(day.start == hit.end + lead for day in weekdays)
            ):
                continue
        kept.append(hit)
    return kept


# Small words between a "niet" and the day or hour it rules out: "liever niet op vrijdag", "niet zo vroeg".
_RESTRICTION_LEADS = frozenset(
    {"op", "om", "in", "de", "het", "s", "zo", "te", "al", "too", "so", "on", "at", "the"}
)


def _not_now_then_later(
    text: str, found: Sequence[Token], chosen: Hit, hits: Sequence[Hit], lang: str, now: datetime | None
) -> bool:
    """A yes (a wish to help) followed by a no or a "not this week", then a later or another time that
    suits: "graag, maar deze week lukt het niet, volgende week wel", "happy to, but this week doesn't work,
    next week does" are not now but then (round corpus33)."""
    not_this_week = lx.lexicon_of("invitation", "after_this_week").hits(found)
    refusals = sorted(
        (
            hit
            for hit in (*hits, *not_this_week)
            if hit.kind in ("no", "not_this_week") and hit.start > chosen.start
        ),
        key=lambda hit: hit.start,
    )
    if not refusals:
        return False
    first = refusals[0]
    later = any(hit.kind in _LATER_KINDS and hit.start >= first.end for hit in hits)
    return later or _other_time_after(text, found, max(refusals, key=lambda hit: hit.end), lang, now)


def _full_week_then_time(
    text: str, found: Sequence[Token], chosen: Hit, lang: str, now: datetime | None
) -> bool:
    """ "not this week" before a yes that names another time ("deze week zit ik vol, maar de 10e kan ik"):
    not now, but then (round corpus35), as a yes and then "not this week" is (`_not_now_then_later`)."""
    refused = [
        hit
        for hit in lx.lexicon_of("invitation", "after_this_week").hits(found)
        if hit.kind == "not_this_week" and hit.end <= chosen.start
    ]
    if not refused:
        return False
    clauses = lx.clauses(text)
    after = " , ".join(clauses[found[refused[-1].end - 1].clause + 1 :])
    return bool(after) and times.condition_time(after, lang, now) is not None


def _but_later_at(
    found: Sequence[Token], chosen: Hit, hits: Sequence[Hit], lang: str, now: datetime | None
) -> bool:
    """A yes, then a "but" and a later that names its time ("ik wil wel, maar pas volgende week", "happy
    to, but not until next week"): not now, but then (round corpus38). A later without a time after the
    "but" ("ja, maar misschien wat later") leaves the yes."""
    contrast = _number_clause_ends()
    for hit in hits:
        if hit.kind != "later" or hit.start < chosen.end:
            continue
        between = {token.word for token in found[chosen.end : hit.start]}
        said = " ".join(token.raw for token in found[hit.start : hit.end])
        if between & contrast and times.condition_time(said, lang, now) is not None:
            return True
    return False


def _withdrawn(found: Sequence[Token], chosen: Hit, hits: Sequence[Hit]) -> bool:
    """A yes followed by a correction that says no ("ja. o nee wacht, ...") with no answer after it."""
    refusals = lx.word_set("invitation", "refusal")
    return any(
        correction.start > chosen.start
        and any(token.word in refusals for token in found[correction.start : correction.end])
        and not any(hit.start >= correction.end for hit in hits)
        for correction in _corrections(found)
    )


def _corrections(found: Sequence[Token]) -> list[Hit]:
    return lx.lexicon_of("choices", "corrections").hits(found)


def _choose(found: Sequence[Token], hits: list[Hit], *, prefer_last: bool) -> Hit | None:
    """The hit that is the answer: the first after the last correction; else the first (a yes/no) or
    the last (a choice among options) of the message."""
    if not hits:
        return None
    corrections = _corrections(found)
    # A hit inside a correction ("nee" of "nee wacht") is part of the correction, not an answer.
    hits = sorted(
        (hit for hit in hits if not any(c.start <= hit.start and hit.end <= c.end for c in corrections)),
        key=lambda hit: (hit.start, -hit.end),
    )
    if not hits:
        return None
    if corrections:
        last = max(correction.start for correction in corrections)
        after = [hit for hit in hits if hit.start >= last]
        if after:
            return after[0]
    return hits[-1] if prefer_last else hits[0]


def _confidence(chosen: Hit, hits: Sequence[Hit]) -> float:
    """Sure when every hit says the same; less when the message named other choices too."""
    if all(hit.kind == chosen.kind for hit in hits):
        return 0.9
    return 0.7


# A short answer may carry a typo in a longer word ("akkoort", "natuurluk"); short words must be exact.
_TYPO_MAX_WORDS = 3
_TYPO_MIN_LENGTH = 6
_TYPO_CUTOFF = 82.0


def _typo_answer(found: Sequence[Token]) -> list[Hit]:
    """A yes or no word typed with a typo, in an answer of a few words with no exact hit."""
    if not found or len(found) > _TYPO_MAX_WORDS:
        return []
    vocabulary = _one_word_answers()
    for index, token in enumerate(found):
        if len(token.raw) >= _TYPO_MIN_LENGTH:
            word = t.close_word(token.raw, vocabulary, cutoff=_TYPO_CUTOFF)
            if word is not None:
                return [Hit(vocabulary[word], index, index + 1, token.raw)]
    return []


@cache
def _one_word_answers() -> dict[str, str]:
    """Yes and no words of every language that are long enough to recognise with a typo."""
    table: dict[str, str] = {}
    for kind in ("yes", "no"):
        for listed in t.lexicon("yes_no")["answers"][kind].values():
            for phrase in listed:
                folded = t.words(phrase)
                if len(folded) == 1 and len(folded[0]) >= _TYPO_MIN_LENGTH and "*" not in phrase:
                    table.setdefault(folded[0], kind)
    return table


def _as_yes_no(kind: str, confidence: float) -> tuple[str | None, float]:
    if kind in ("yes", "no"):
        return kind, confidence
    return None, 0.3


def _emoji_answer(text: str) -> tuple[str | None, float]:
    table = t.lexicon("yes_no")["emoji"]
    for emoji in t.emoji_in(text):
        for kind in ("yes", "no"):
            if emoji in table[kind]:
                return kind, 0.8
    return None, 0.0


def _is_question(text: str, found: Sequence[Token], lang: str) -> bool:
    """A question mark, or the words of a question (`question_opens`)."""
    if "?" in text or "\u061f" in text:
        return True
    return question_opens(found, lang)


def question_opens(found: Sequence[Token], lang: str = "nl") -> bool:
    """Words that ask without a question mark: a question word opening the message after fillers
    ("en waarom moet dat"), a question phrase anywhere ("wat bedoelt u"), a Turkish question particle
    ("biliyor musunuz"). Also used by `names`: a question is no name."""
    if not found:
        return False
    fillers = lx.word_set("yes_no", "fillers")
    first = next((index for index, token in enumerate(found) if token.word not in fillers), None)
    if first is not None:
        opener = _question_lexicon("openers", _languages(lang)).hits(found[first:])
        if opener and opener[0].start == 0:
            return True
    if _question_lexicon("phrases", None).hits(found):
        return True
    particles = lx.word_set("yes_no", "question.particles")
    ordinary = t.lexicon("yes_no")["question"]["ordinary"].get(lang, ())
    return any(token.word in particles and token.word not in ordinary for token in found[1:])


def details_named(found: Sequence[Token]) -> bool:
    """The words name a detail that may be held back alone (yes_no.toml [details]: "achternaam")."""
    return bool(_details().hits(found))


@cache
def _details() -> lx.Lexicon:
    """Parts of what is kept that may be held back alone (yes_no.toml [details]), in every language."""
    return lx.Lexicon({phrase: "detail" for phrase in lx.phrases_of(t.lexicon("yes_no")["details"], None)})


@cache
def _question_lexicon(table: str, languages: tuple[str, ...] | None) -> lx.Lexicon:
    entries = t.lexicon("yes_no")["question"][table]
    return lx.Lexicon({phrase: "question" for phrase in lx.phrases_of(entries, languages)})


def _plain_words(label: str) -> list[str]:
    return [lx.squeeze(word) for word in t.words(label)]


def _number_at(found: Sequence[Token], index: int) -> tuple[int, int] | None:
    """(number, words it takes) for a number or ordinal opening at `index` ("2", "de tweede", "nr 1")."""
    words = _number_words() | _last_words()
    if not any(token.raw.isdigit() or token.raw in words for token in found[index : index + 3]):
        return None  # the common case, without folding the words again
    for size in range(1, 4):
        if index + size > len(found):
            break
        if found[index + size - 1].raw in _last_words() and all(
            token.raw in _LEADS for token in found[index : index + size - 1]
        ):
            return _LAST, size
        number = t.number_choice(" ".join(token.raw for token in found[index : index + size]))
        if number is not None:
            return number, size
    return None


# "de laatste": stands for the number of the last option, whatever that is.
_LAST = -1
_LEADS = frozenset({"de", "het", "the", "die", "nummer", "nr", "optie", "option", "keuze"})


@cache
def _last_words() -> frozenset[str]:
    return frozenset(t.plain(word) for word in t.lexicon("choices")["last"]["all"])


@cache
def _number_words() -> frozenset[str]:
    """Every word of `data/numbers.toml`: a number can only open where one of these is near."""
    spellings = (
        spelling
        for table in t.lexicon("numbers").values()
        for listed in table.values()
        for spelling in listed
    )
    return frozenset(word for spelling in spellings for word in t.words(spelling))


def _number_hits(found: Sequence[Token], options: Sequence[tuple[str, str]]) -> list[Hit]:
    """Options `[(key, label)]` chosen by number. What follows a number in its clause must be a
    filler or words of that option's label ("2 graag", "1 vandaag nog"): "een paar dagen", "binnen een
    week", "om 2 uur" and "12 december" are no choice."""
    fillers = _choice_fillers()
    hits: list[Hit] = []
    index = 0
    while index < len(found):
        at = _number_at(found, index)
        if at is None or _approximate(found, index):
            index += 1
            continue
        number, size = at
        clause = found[index].clause
        rest = [token.word for token in found[index + size :] if token.clause == clause]
        if index == 0 or found[index - 1].clause != clause:
            # "1 maar pas de 12e": a contrast after a number that opens its clause starts a new one, a
            # condition or a remark to the choice (round corpus35).
            rest = list(takewhile(lambda word: word not in _number_clause_ends(), rest))
        if number == _LAST:
            number = len(options)
        if 1 <= number <= len(options):
            key, label = options[number - 1]
            allowed = fillers | frozenset(_plain_words(label))
            if all(word in allowed for word in rest):
                hits.append(Hit(key, index, index + size, str(number)))
                index += len(rest)  # "last one", "1 vandaag nog": the words after belong to it
        index += size
    return hits


@cache
def _number_clause_ends() -> frozenset[str]:
    return lx.word_set("choices", "number_clause_ends")


@cache
def _choice_fillers() -> frozenset[str]:
    """Words that may follow a chosen number: choices.toml's `[fillers]`, and (round corpus25) the
    apologies of `[apologies]` ("2 sorry", "3 helaas")."""
    return lx.word_set("choices", "fillers") | lx.word_set("choices", "apologies")


def _approximate(found: Sequence[Token], index: int) -> bool:
    """ "een week of 2", "a day or two": the number says how many units, it chooses nothing."""
    return (
        index >= 2
        and found[index - 1].word in lx.word_set("choices", "approximate")
        and found[index - 2].word in _unit_words()
    )


@cache
def _unit_words() -> frozenset[str]:
    return frozenset(
        lx.squeeze(word)
        for spellings in t.lexicon("times")["units"].values()
        for spelling in spellings
        for word in t.words(spelling)
    )


def _outside(hits: Sequence[Hit], others: Sequence[Hit]) -> list[Hit]:
    """The hits that do not overlap any of `others` (a number inside "binnen een week")."""
    return [
        hit for hit in hits if not any(hit.start < other.end and other.start < hit.end for other in others)
    ]


# Words of a label too common to pick an option on their own.
_MIN_LABEL_WORD = 4


@cache
def _label_lexicon(options: tuple[tuple[str, str], ...]) -> tuple[lx.Lexicon, dict[str, str]]:
    """Each option's label and its own words (not shared with another option) as phrases, and the
    folded words for typo matching."""
    common = lx.word_set("choices", "fillers") | lx.word_set("yes_no", "negators")
    owners: dict[str, set[str]] = {}
    for key, label in options:
        for word in t.words(label):
            owners.setdefault(word, set()).add(key)
    phrases: dict[str, str] = {}
    vocabulary: dict[str, str] = {}
    for key, label in options:
        phrases[label] = key
        for word in t.words(label):
            if len(word) >= _MIN_LABEL_WORD and len(owners[word]) == 1 and lx.squeeze(word) not in common:
                phrases.setdefault(word, key)
                vocabulary[word] = key
    return lx.Lexicon(phrases), vocabulary


def _typo_hits(found: Sequence[Token], hits: Sequence[Hit], vocabulary: dict[str, str]) -> list[Hit]:
    covered = {index for hit in hits for index in range(hit.start, hit.end)}
    result: list[Hit] = []
    for index, token in enumerate(found):
        if index in covered:
            continue
        word = t.close_word(token.raw, vocabulary)
        if word is not None:
            hit = Hit(vocabulary[word], index, index + 1, token.raw)
            if not _negated(found, hit):
                result.append(hit)
    return result


def _condition(
    text: str, found: Sequence[Token], lang: str, now: datetime | None, *, with_time: bool = True
) -> str | None:
    """What a volunteer adds to a yes or a later: a time (from `times`), a day with "only", and the
    conditions of `data/invitation.toml`, in that order, joined by "; ". Without `with_time` (the
    time is when they will answer: "ik laat het vanavond weten") only the other conditions count."""
    parts: list[str] = []
    when = (times.condition_time(text, lang, now) or _after_this_week(found)) if with_time else None
    day = _only_day(found) if with_time else None
    if day is not None and day.startswith("not ") and when in (None, day.removeprefix("not ")):
        parts.append(day)  # "ja, behalve zaterdag": the day read as a time is the one that does not suit
    elif when:
        parts.append(when)
    elif day:
        parts.append(day)
    for hit in lx.lexicon_of("invitation", "conditions").hits(found):
        if hit.kind not in parts:
            parts.append(hit.kind)
    if _ON_FOOT in parts and _BY_BIKE in parts:
        parts.remove(_ON_FOOT)  # "ik rij niet, ik kom op de fiets": the bike says how
    return "; ".join(parts) or None


_ON_FOOT, _BY_BIKE = "on foot, no car", "by bike, no car"


# "then": after that; "next_one" (round corpus25): the next one said without its noun ("not this week,
# maybe next").
_THEN_KINDS = frozenset({"then", "next_one"})


def _after_this_week(found: Sequence[Token]) -> str | None:
    """ "deze week niet, ben op vakantie. daarna graag": not this week, then a word of after that
    (invitation.toml [after_this_week]), whatever reason stands between: "next week"."""
    hits = lx.lexicon_of("invitation", "after_this_week").hits(found)
    refused = [hit.end for hit in hits if hit.kind == "not_this_week"]
    then = [hit for hit in hits if hit.kind in _THEN_KINDS and refused and hit.start >= refused[0]]
    if not then:
        return None
    # "daarna ook niet": after that does not suit either.
    negations = lx.word_set("invitation", "only.not") | lx.word_set("invitation", "only.not_after")
    clause = found[then[0].start].clause
    after = [token.word for token in found[then[0].end :] if token.clause == clause]
    return None if set(after) & negations else "next week"


def _only_opens(found: Sequence[Token]) -> bool:
    """The answer opens (fillers aside) with "alleen", "pas", "only": what follows is the limit of a yes."""
    return _opens_with(found, "only.before")


def _opens_with(found: Sequence[Token], table: str) -> bool:
    """The answer's first word, fillers aside, is one of invitation.toml's `table`."""
    fillers = lx.word_set("yes_no", "fillers")
    words = [token.word for token in found if token.word not in fillers]
    return bool(words) and words[0] in lx.word_set("invitation", table)


def _other_time_after(
    text: str, found: Sequence[Token], chosen: Hit, lang: str, now: datetime | None
) -> bool:
    """After a no, a clause of its own that names another time and turns to it ("wel", "works"): "deze
    week lukt niet, na het weekend wel" offers that time, a later."""
    clause = found[chosen.end - 1].clause
    rest = [token for token in found[chosen.end :] if token.clause > clause]
    # "zaterdag wel": "wel" counts as the last word of a clause; "kan wel", "works" anywhere in one.
    closing = lx.word_set("invitation", "after_no_last")
    if not rest and found[-1].word in closing and len(found) > chosen.end + 1:
        # An SMS without commas, "NEE VANDAAG NIET ZATERDAG WEL": the time that "wel" closes, after the
        # negated one (the times reader keeps a time followed by "wel"), round 21.
        after = " ".join(token.raw for token in found[chosen.end :])
        return times.condition_time(after, lang, now) is not None
    last_words = {
        token.word
        for at, token in enumerate(rest)
        if at + 1 == len(rest) or rest[at + 1].clause > token.clause
    }
    if not (lx.lexicon_of("invitation", "after_no").hits(rest) or last_words & closing):
        return False
    clauses = lx.clauses(text)
    later = " , ".join(clauses[clause + 1 :])
    return times.condition_time(later, lang, now) is not None


def _only_day(found: Sequence[Token]) -> str | None:
    """A weekday with "pas" / "alleen" / "only" next to it: "kan pas zaterdag" -> "saturday only"; with
    "niet" / "behalve" / "not" before it, the day that does not suit: "alleen niet op woensdag" ->
    "not wednesday"; Turkish says it after the day ("cumartesi değil", "perşembe hariç")."""
    before, after = lx.word_set("invitation", "only.before"), lx.word_set("invitation", "only.after")
    excluded = lx.word_set("invitation", "only.not")
    excluded_after = lx.word_set("invitation", "only.not_after")
    for hit in lx.lexicon_of("invitation", "weekdays").hits(found):
        clause = found[hit.start].clause
        near = [token.word for token in found[max(0, hit.start - 3) : hit.start] if token.clause == clause]
        following = found[hit.end].word if hit.end < len(found) else ""
        if following in lx.word_set("invitation", "after_no_last"):
            continue  # "vandaag niet zaterdag wel": the "niet" was about today (round 21)
        if excluded & set(near) or following in excluded_after or _closing_negation(found, hit, excluded):
            return f"not {hit.kind}"
        if before & set(near) or following in after:
            return f"{hit.kind} only"
    return None


# Words between a day and the negation that closes its clause: "dinsdag kan ik niet", "dinsdag lukt het niet".
_DAY_NEGATION_GAP = 3


def _closing_negation(found: Sequence[Token], hit: Hit, negations: frozenset[str]) -> bool:
    """The day's clause ends, a few words on, with a negation: "prima, alleen dinsdag kan ik niet" rules
    that day out (round corpus38), where "alleen" before it would make it the only one."""
    clause = found[hit.start].clause
    rest = [token.word for token in found[hit.end :] if token.clause == clause]
    return 0 < len(rest) <= _DAY_NEGATION_GAP and rest[-1] in negations


@cache
def _empty_words() -> tuple[frozenset[str], frozenset[str]]:
    """(whole phrases, filler words): yes, no and "I do not know" in every language, and the fillers
    of `data/yes_no.toml` and `data/choices.toml`, in plain letters (stems ending in * left out)."""
    data = t.lexicon("yes_no")
    phrases = {
        t.plain(phrase)
        for kind in ("yes", "no", "unsure")
        for listed in data["answers"][kind].values()
        for phrase in listed
        if not phrase.endswith("*")
    }
    fillers = {t.plain(word) for word in (*data["fillers"]["all"], *t.lexicon("choices")["fillers"]["all"])}
    return frozenset(phrases), frozenset(fillers)


def says_nothing_more(text: str) -> bool:
    """The message is only a yes, a no, "weet ik niet" and fillers ("oke", "ja hoor", "ik weet het
    niet"): an answer to a closed question, no description or name of anything."""
    if not t.plain(text):
        return False
    phrases, fillers = _empty_words()
    for part in _PARTS.split(text):
        whole = t.plain(part)
        rest = " ".join(word for word in whole.split() if word not in fillers)
        if whole and whole not in phrases and rest and rest not in phrases:
            return False
    return True


# A message's parts, each read on its own ("oke, weet ik niet").
_PARTS = re.compile(r"[,.;!?]+")
