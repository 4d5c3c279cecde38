"""SMS and chat shorthand written out, so every reader sees the words its lexicon lists (round 21).

Older writers on simple phones and hurried ones leave letters out: "morg boodschappen nodig",
"vndg nog aub", "maakt nie uit", "ZO SNEL ALS T KAN". Listing each shorthand in every lexicon (times,
urgency, yes/no, intents) would miss the next one; written out once here, in a message told Dutch,
each reader gets them. An hour glued to the word before it ("morgenmiddag2uur") is set apart too.
The crisis reader reads the words as typed (its lists hold their own short spellings), and names are
read as typed (a name is no shorthand).
"""

from __future__ import annotations

import re
from functools import cache

from flows.understanding.text import lexicon

# An hour glued to a word before it: "morgenmiddag2uur", "om3uur" (not "wa7ed": no "uur" follows).
_GLUED_HOUR = re.compile(r"(?<=[^\W\d_]{2})(?=\d{1,2}(?:[:.]\d{2})?\s*(?:uur|u)\b)", re.IGNORECASE)


@cache
def _table(lang: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The shorthand of `lang` as one pattern (compiled once) and what each stands for."""
    section = lexicon("shorthand").get(lang)
    if not section:
        return None
    written = {
        short.casefold(): full for full, shorts in section.items() for short in shorts if short != full
    }
    alternatives = "|".join(re.escape(short) for short in sorted(written, key=len, reverse=True))
    # Whole words only; "t/m" (tot en met) keeps its "t".
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])(?!\s*/)", re.IGNORECASE)
    return pattern, written


def expand(text: str, lang: str) -> str:
    """`text` with the shorthand of its language written out ("morg" -> "morgen"); as typed otherwise."""
    table = _table(lang)
    if table is None:
        return text
    pattern, written = table
    spaced = _GLUED_HOUR.sub(" ", text) if any(ch.isdigit() for ch in text) else text
    return pattern.sub(lambda match: written[match.group(0).casefold()], spaced)
