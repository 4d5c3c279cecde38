"""The name someone gives when asked "Hoe mag ik je noemen?", or None when the answer is no name.

A name comes after an introduction ("ik heet", "noem me maar", "call me", "adim"; the last one counts,
so "Mijn naam is Wiesława, maar zeg maar Wiesia" gives the short name she prefers), or it is the whole
answer ("Henk 😊", "oma truus", "MEVROUW JANSEN"). Questions, sentences, requests, refusals, emoji,
yes/no words and language questions are no name: the flow asks again instead of greeting
"Dag Bel me maar!". The name keeps the person's spelling; only all-lower or all-capital words are
capitalised, titles are written out ("mevr." -> "mevrouw") and surname particles stay lower case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import simplemma

from flows import places
from flows.understanding import lexmatch as lx
from flows.understanding import text as t
from flows.understanding.answers import details_named, question_opens
from flows.understanding.lexmatch import Token

# "(van nummer 12)", "[buurman]": an aside, not part of the name.
_ASIDE = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")
# The same aside after a comma or with "uit": "Joke, van nummer 14", "Piet, de buurman", "Henk uit de
# Molenwijk" (a surname particle never opens them after a comma, and "uit" is never one).
_TRAILING_ASIDE = re.compile(
    r"(?i)(?:,\s*(?:van|uit|from|of|de buurman|de buurvrouw|buurman|buurvrouw|je buurman|je buurvrouw"
    r"|nummer|nr|huisnummer|the neighbour|your neighbour)\b|\s+uit\s+(?:de|het|nummer|nr|huisnummer)\b"
    # How the name is spelled, after it: "Hennie, met ie", "Kees met twee e's", "Jon without an h".
    r"|,?\s+(?:met|with|zonder|without)\s+(?:een\s+|an?\s+|twee\s+|two\s+|dubbel\s+|double\s+)?"
    r"(?:[a-z]{1,2}|ph|ij|ie|ee|oo|aa|[a-z]'?s)\b(?:\s+(?:erin|erachter|aan het eind|at the end|in it))?"
    r"(?:\s+(?:hoor|graag|please|he|hè))?[\s.!]*$).*$"
)
# "mevr. de vries": the dot of a title's abbreviation does not end a clause.
_ABBREVIATION_DOT = re.compile(r"(?i)\b(mevr|mw|mvr|dhr|hr|mnr|mrs|mr|ms|dr)\.")
_MAX_NAME_WORDS = 3
# A letter typed three times or more ("okeee", "jaaa", "hmmm"): a word stretched in speech, no name
# (round corpus25).
_STRETCHED = re.compile(r"(\w)\1\1")
# Laughter typed out ("haha", "hihihi", "hehe", "lol", "xD", Arabic heh three times, Cyrillic "xaxa"): no
# name (round corpus29). Not every doubled syllable: "Lulu", "Bibi", "Nana" are names.
_LAUGHTER = re.compile(r"(?:h[aeiou]){2,}h?|(?:[aeiou]h){2,}|l+o+l+|x+d+|\u0647{3,}|(?:\u0445\u0430){2,}")
_LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk")
# Answers a name may be followed by in its clause without becoming a sentence ("Henk hier").
_TRAILING = frozenset({"hier", "graag", "hoor", "dank", "bedankt", "groetjes", "here", "thanks", "is", "dat"})


@cache
def _trailing() -> frozenset[str]:
    """`_TRAILING` and names.toml's `[trailing]` (round corpus25: "Mrs Okonkwo please")."""
    listed = t.lexicon("names").get("trailing", {}).get("all", ())
    return _TRAILING | frozenset(t.plain(word) for word in listed)


def read_name(text: str, lang: str = "nl") -> tuple[str | None, float]:
    """(name or None, confidence)."""
    text = _without_held_back(_age_after().sub("", _pleasantries().sub("", _without_echo(text))))
    if "?" in text or "\u061f" in text:
        return None, 0.0
    found = lx.tokens(_ABBREVIATION_DOT.sub(r"\1", _TRAILING_ASIDE.sub("", _ASIDE.sub(" ", text))))
    if not found or _asks(found, lang):
        return None, 0.0
    start = 0
    while start < len(found) and (found[start].raw in _greetings() or found[start].raw in _skipped()):
        start += 1
    for after in reversed(_after_intros().hits(found[start:])):
        # "... ama Zey diyebilirsin": the words just before name the person, a title with them ("pani
        # Wiesia wystarczy", "Mehmet amca derler bana"): the longest name that ends right there.
        end = start + after.start
        for at in range(max(start, end - 3), end):
            named = _name_at(found, at, lang, strong=True, weak=False)
            if named is not None and named[1] == end:
                return named[0], 0.9
    intros = _intros(lang).hits(found[start:]) or _intros("").hits(found[start:])
    for hit in reversed(intros):
        strong = hit.kind == "strong"
        named = _name_at(found, start + hit.end, lang, strong=strong, weak=not strong)
        if named is not None:
            return named[0], 0.95 if strong else 0.85
    if _first_name_alone(found[start:], lang):
        # "Kim", "Frans", "wil": a known first name as the whole answer is the name, also when it is a
        # word elsewhere (Turkish "kim", the verb "wil", the language "Frans"; round corpus33).
        return _capitalised(found[start].original or found[start].raw), 0.9
    named = _name_at(found, start, lang, strong=False, weak=False)
    if named is None:
        return None, 0.0
    name, end = named
    clause = found[start].clause
    trailing = _trailing() | _yes_words()
    if any(token.clause == clause and token.raw not in trailing for token in found[end:]):
        return None, 0.0
    if any(token.raw not in _never() and token.raw not in trailing for token in found[end:]):
        return None, 0.0
    known = any(token.raw in _first_names() for token in found[start:end])
    return name, 0.9 if known else 0.7


def _first_name_alone(found: Sequence[Token], lang: str) -> bool:
    """The answer is one known first name; in a Turkish conversation a word of its own language written in
    lower case ("kim": who) stays no name."""
    if len(found) != 1 or found[0].raw not in _first_names():
        return False
    typed = found[0].original or found[0].raw
    return lang != "tr" or found[0].raw not in _never() or typed[:1].isupper()


@cache
def _pleasantries() -> re.Pattern[str]:
    """ "Kasia, miło mi", "Steve, nice to meet you": a pleasantry after the name, at the end of the answer
    (names.toml [pleasantries], round corpus33), taken off before the name is read."""
    listed = sorted(t.lexicon("names")["pleasantries"]["all"], key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in listed)
    return re.compile(rf"(?i)[\s,.;:!-]+(?:{alternatives})[\s.!:)]*(?:\W\s*)*$")


@cache
def _age_after() -> re.Pattern[str]:
    """ "Wim, 78 jaar", "Jan (81)", "Ria, ik ben 76": an age after a comma or in brackets at the end of the
    answer (names.toml [age_after], round corpus35), taken off before the name is read ("ben 78 yasindayim"
    alone keeps its words: no name is left)."""
    data = t.lexicon("names")["age_after"]

    def either(words: list[str]) -> str:
        return "|".join(
            r"\s+".join(map(re.escape, word.split())) for word in sorted(words, key=len, reverse=True)
        )

    age = rf"(?:(?:{either(data['leads'])})\s+)?\(?\d{{1,3}}\)?(?:\s*(?:{either(data['all'])}))?"
    return re.compile(rf"(?i)(?<=\w)\s*(?:,\s*{age}|\(\d{{1,3}}\))[\s.!:)]*$")


# The clauses of an answer, with the marks between them kept.
_CLAUSE_MARKS = re.compile(r"([,;.!]+)")


def _without_held_back(text: str) -> str:
    """ "liever niet mijn achternaam, gewoon Ria": the clause that holds back the surname (a detail of
    yes_no.toml [details] with a word of names.toml [held_back]) taken off; when nothing else is left, the
    answer as it was (no name in it)."""
    parts = _CLAUSE_MARKS.split(text)
    held = _held_back()
    kept = [
        part
        for part in parts[::2]
        if not (details_named(found := lx.tokens(part)) and any(token.raw in held for token in found))
    ]
    if len(kept) == len(parts[::2]) or not any(part.strip() for part in kept):
        return text
    return ", ".join(part.strip() for part in kept if part.strip())


@cache
def _held_back() -> frozenset[str]:
    return frozenset(t.plain(word) for word in t.lexicon("names")["held_back"]["all"])


def _without_echo(text: str) -> str:
    """ "mijn naam? Karin" is an answer after the question said back, not a question."""
    head, mark, rest = text.replace("\u061f", "?").partition("?")
    if mark and rest.strip("? ") and t.plain(head).strip() in _echoes():
        return rest.strip("? ")
    return text


@cache
def _echoes() -> frozenset[str]:
    return frozenset(t.plain(phrase) for phrase in t.lexicon("names")["echo"]["all"])


def _name_at(
    found: Sequence[Token], index: int, lang: str, *, strong: bool, weak: bool
) -> tuple[str, int] | None:
    """The name opening at `index` and the index after it: an optional title, up to three name words
    with surname particles between them, an optional title after (Turkish "hanim")."""
    if index >= len(found):
        return None
    clause = found[index].clause
    while index < len(found) - 1 and found[index].raw in _skipped() and found[index + 1].clause == clause:
        index += 1
    if _article_before_first_name(found, index):
        index += 1  # "ik ben de Ria": the south's article before a first name (round corpus31)
    title, position = _title_at(found, index)
    parts: list[str] = []
    typed: list[str] = []  # the name words as typed
    name_words = 0
    while position < len(found) and found[position].clause == clause and name_words < _MAX_NAME_WORDS:
        token = found[position]
        if token.raw in _particles() and (parts or title or _surname_opens(found, position)):
            # "van der Linden": particles count only when a name word follows them.
            after = position
            while after < len(found) and found[after].clause == clause and found[after].raw in _particles():
                after += 1
            if (
                after < len(found)
                and found[after].clause == clause
                and _is_name_word(
                    found[after], lang, trusted=title is not None or _in_capitals(found[after], typed)
                )
                and not _written_lower_after_capital(found[after], typed)
            ):
                parts.extend(found[between].raw for between in range(position, after))
                # The word the particles belong to is taken as checked here ("de jong-van der meer": "meer"
                # is a Dutch word, but a surname after "van der"; round corpus25).
                word = found[after]
                parts.append(_capitalised(word.original or word.raw))
                typed.append(word.original or word.raw)
                name_words += 1
                position = after + 1
                continue
            break
        following = found[position + 1] if position + 1 < len(found) else None
        # An introduction vouches for a word that ends its clause ("de naam is gerrit"), not for the
        # first word of a sentence ("mijn naam doet er niet toe").
        ends_clause = following is None or following.clause != clause
        vouched = (strong or title is not None) and ends_clause and name_words == 0
        # After a weak one too when the word ends its clause ("Ik ben Wil 👵"; "ik ben wil..." is no Dutch):
        # round corpus39.
        first = (strong or (weak and ends_clause)) and name_words == 0 and title is None
        if token.raw in _particles() or not _is_name_word(token, lang, trusted=vouched, introduced=first):
            break
        if name_words and _written_lower_after_capital(token, typed):
            break
        if weak and not parts and title is None and not _looks_like_name(token):
            return None
        parts.append(_capitalised(token.original or token.raw))
        typed.append(token.original or token.raw)
        name_words += 1
        position += 1
    if not parts or parts[-1] in _particles():
        return None
    if position < len(found) and found[position].clause == clause:
        suffix = _after_titles().get(found[position].raw)
        if suffix:
            parts.append(suffix)
            position += 1
    return " ".join(([title] if title else []) + parts), position


def _surname_opens(found: Sequence[Token], index: int) -> bool:
    """ "de Vries", "van der Linden" as the whole name (round corpus37): particles that open it, before a
    word written with a capital that names no neighbourhood ("De Akkers" is a place)."""
    clause = found[index].clause
    after = index
    while after < len(found) and found[after].clause == clause and found[after].raw in _particles():
        after += 1
    if after >= len(found) or found[after].clause != clause:
        return False
    original = found[after].original or found[after].raw
    return original[:1].isupper() and not original.isupper() and found[after].raw not in _place_words()


@cache
def _place_words() -> frozenset[str]:
    """Every word of the municipality's neighbourhood names and aliases ("oude", "haven", "akkers")."""
    town = places.load_municipality()
    named = (name for place in town.neighbourhoods for name in (place.name, *place.aliases))
    return frozenset(word for name in named for word in t.words(name))


def _title_at(found: Sequence[Token], index: int) -> tuple[str | None, int]:
    titles = _before_titles()
    for size in (2, 1):
        if index + size <= len(found):
            words = " ".join(token.raw for token in found[index : index + size])
            if words in titles and found[index + size - 1].clause == found[index].clause:
                return titles[words], index + size
    return None, index


def _is_name_word(token: Token, lang: str, *, trusted: bool, introduced: bool = False) -> bool:
    """A word that can be (part of) a name: letters only, not a word that is never a name; a word in
    lower or upper case that the dictionary knows ("tuin", "moe") is no name unless it is a known
    first name ("joke", "bas") or an introduction vouches for it. `introduced`: the first word after a
    strong introduction, where a known first name written with a capital is a name even when it is also
    a word that never is one elsewhere ("Wil", the verb "wil")."""
    word = token.raw
    original = token.original or word
    if introduced and word in _first_names() and original[:1].isupper() and not original.isupper():
        return True  # "noem me maar Wil": a first name that is a word too, written as a name (corpus29)
    if len(word) < 2 or any(ch.isdigit() for ch in word) or word in _never() or _STRETCHED.search(word):
        return False
    if _LAUGHTER.fullmatch(word):
        return False
    if word in _first_names():
        return True
    if original[:1].isupper() and not original.isupper():
        return True
    return trusted or not _known_word(word, lang)


def _written_lower_after_capital(token: Token, parts: Sequence[str]) -> bool:
    """ "Annie van hiernaast": after a name written with a capital, a word in lower case is no surname."""
    original = token.original or token.raw
    capitalised = [part for part in parts if part[:1].isupper()]
    return bool(capitalised) and original.islower()


def _in_capitals(token: Token, parts: Sequence[str]) -> bool:
    """ "ANNE-MARIE VAN DIJK": a name typed all in capitals, where no capital tells a surname from a word;
    the particles vouch for the word after them, as a capital would (round services26)."""
    original = token.original or token.raw
    return bool(parts) and original.isupper() and all(part.isupper() for part in parts)


def _looks_like_name(token: Token) -> bool:
    """After "ik ben": a capital or a known first name ("ik ben Gerda", "ik ben gerda", not "ik ben moe")."""
    original = token.original or token.raw
    if original.lower() == original.upper():  # a script without capitals (Arabic)
        return True
    return token.raw in _first_names() or (original[:1].isupper() and not original.isupper())


def _capitalised(word: str) -> str:
    """ "gerrit" -> "Gerrit", "JANSEN" -> "Jansen", "jan-willem" -> "Jan-Willem"; "McDonald" stays."""
    if not (word.islower() or word.isupper()):
        return word
    lowered = word.replace("\u0130", "I").lower()
    pieces = lowered.split("-")
    # "jong-van" in "de jong-van der meer": a particle after the hyphen stays lower case.
    return "-".join(
        part if index and part in _particles() else part[:1].upper() + part[1:]
        for index, part in enumerate(pieces)
    )


def _asks(found: Sequence[Token], lang: str) -> bool:
    """A question without a question mark: "wie is dit", "waarom wil je dat weten", "biliyor musunuz"."""
    return question_opens(found, lang)


@cache
def _intros(lang: str) -> lx.Lexicon:
    languages = (lang, "en") if lang in _LANGUAGES else None
    data = t.lexicon("names")["intro"]
    phrases: dict[str, str] = {}
    # `[intro.strong]` and the rounds' additions to it (`[intro.strong_<round>]`), then the weak ones.
    tables = [
        (strength, table)
        for strength in ("strong", "weak")
        for table in data
        if table.split("_")[0] == strength
    ]
    for strength, table in tables:
        for language, listed in data[table].items():
            if languages is None or language in languages:
                for phrase in listed:
                    phrases.setdefault(phrase, strength)
    return lx.Lexicon(phrases)


@cache
def _after_intros() -> lx.Lexicon:
    """Words that follow the name they introduce (`[intro.after]` and the rounds' `[intro.after_<round>]`),
    in every language."""
    intro = t.lexicon("names")["intro"]
    tables = [intro[name] for name in intro if name.split("_")[0] == "after"]
    listed = [phrase for table in tables for phrases in table.values() for phrase in phrases]
    return lx.Lexicon(dict.fromkeys(listed, "after"))


@cache
def _before_titles() -> dict[str, str]:
    return {
        t.plain(spelling): written
        for written, spellings in t.lexicon("names")["titles"]["before"].items()
        for spelling in spellings
    }


@cache
def _after_titles() -> dict[str, str]:
    return {
        t.plain(spelling): written
        for written, spellings in t.lexicon("names")["titles"]["after"].items()
        for spelling in spellings
    }


def _article_before_first_name(found: Sequence[Token], index: int) -> bool:
    """ "ik ben de Ria", "ik ben den Harrie": in Brabant and Limburg an article goes before a first name.
    Only before a known first name that ends its clause or is followed by no surname particle: "de Vries"
    and "de Jong" stay surnames, "ik ben de buurvrouw" no name."""
    if index + 1 >= len(found) or found[index].raw not in _articles_before_first_names():
        return False
    named = found[index + 1]
    if named.clause != found[index].clause or named.raw not in _first_names():
        return False
    after = found[index + 2] if index + 2 < len(found) else None
    return after is None or after.clause != named.clause or after.raw not in _particles()


@cache
def _articles_before_first_names() -> frozenset[str]:
    return frozenset(t.plain(word) for word in t.lexicon("names")["skip"]["article_before_first_name"])


@cache
def _skipped() -> frozenset[str]:
    return frozenset(t.plain(word) for word in t.lexicon("names")["skip"]["all"])


@cache
def _particles() -> frozenset[str]:
    return frozenset(t.plain(word) for word in t.lexicon("names")["particles"]["all"])


@cache
def _greetings() -> frozenset[str]:
    data = t.lexicon("names")["never"]["greetings"]
    return frozenset(word for phrase in data for word in t.words(phrase)) | {"eh", "ehm", "nou", "ok", "oke"}


@cache
def _first_names() -> frozenset[str]:
    listed = t.lexicon("names")["first_names"].values()  # "all" and the rounds' lists
    return frozenset(t.plain(name) for names in listed for name in names)


@cache
def _never() -> frozenset[str]:
    """Words of `[never]` plus every one-word yes and no of yes_no.toml ("jawel", "okidoki", "evet")."""
    words = {
        word
        for listed in t.lexicon("names")["never"].values()
        for phrase in listed
        for word in t.words(phrase)
    }
    for kind in ("yes", "no", "unsure"):
        for listed in t.lexicon("yes_no")["answers"][kind].values():
            words.update(t.plain(phrase) for phrase in listed if len(t.words(phrase)) == 1)
    return frozenset(words)


@cache
def _yes_words() -> frozenset[str]:
    """One-word yeses ("Bas is goed", "Henk, prima"): allowed after a name given on its own."""
    listed = t.lexicon("yes_no")["answers"]["yes"].values()
    return frozenset(t.plain(phrase) for phrases in listed for phrase in phrases if len(t.words(phrase)) == 1)


@cache
def _known_word(word: str, lang: str) -> bool:
    """Whether the dictionary of Dutch or of the conversation's language knows the word."""
    languages = {"nl", lang} & set(_LANGUAGES) - {"ar"}
    return any(simplemma.is_known(word, lang=language) for language in sorted(languages))
