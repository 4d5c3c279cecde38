"""The reading layer: what a person means by a message, read in the context of the open question.

`read(context, text, ...)` is a pure function of (context, text, language, now): no network, no
database, no clock. Flows act on its `Reading`, not on the raw string. Lexicons live in `data/*.toml`.

Modules, one ability each:
- `text`: normalising, words, emoji, fuzzy word matching and lexicon loading shared by all readers;
- `language`: which of the six languages a message is in;
- `crisis`: 113 / 112 / Veilig Thuis in every language, with look-alikes that must not fire;
- `checkin`: a mantelzorger's answer to a check-in, and distress;
- `times`: times as people say them, in a short normal form and a structure flows can plan with;
- `intent`: what a first message or a message at the menu wants (ask, offer, a service, an activity,
  a person, stop), the kind of help, and conversation-level words in any state;
- `answers`: yes/no/question, an option by number/word/typo/last choice, urgency, an invitation's
  answer and its condition;
- `names`: the name someone gives (or that it is not a name);
- `neighbourhoods`: a neighbourhood by name, alias, typo or postcode;
- `shorthand` and `spelling`: SMS shorthand and Dutch written by ear ("nodich", "helpe", "com puter")
  written out, for a second reading that may mend the first but not lose it;
- `translit`: Ukrainian and Moroccan Arabic in Latin letters respelled as the lexicons write them, for a
  second reading where the first found nothing (or less).
"""

import gc
from functools import cache

from flows.understanding.reading import CONTEXTS, Reading, read
from flows.understanding.text import lexicon

__all__ = ["CONTEXTS", "Reading", "read", "warm_up"]


@cache
def warm_up() -> None:
    """Load every lexicon, the language classifier and the dictionaries now (a few seconds), so the
    first person's message is read as fast as the rest: the bot calls it when it starts (once per
    process)."""
    from flows.understanding import crisis, intent, phrases, spelling, translit

    intent.warm_up()
    translit.warm_up()
    spelling.warm_up()
    # Loading left garbage behind (about 100,000 objects tracked): collected now, so the collector does
    # not stop the first people's readings to go through it (a generation-1 pass took 0.5 ms). Before
    # the sample readings, which leave the readers' code and data fresh in the processor's caches.
    gc.collect()
    samples = lexicon("warm_up")
    # Three rounds (the later ones written differently, so that the readers do the work again rather
    # than answer from their caches): right after one round a first message cost nearly twice what it
    # costs later, the processor's caches and the interpreter being fresh to the readers' code.
    for variant in (str, str.upper, lambda text: f"{text} !!"):
        for lang, sample in samples["sentences"].items():
            for context in CONTEXTS:
                read(context, variant(sample), lang=lang)
                for short in samples["short"]:
                    read(context, variant(short), lang=lang)
    # Which phrases each lexicon word may start, now that every lexicon is built.
    phrases.warm_up_words()
    crisis.warm_up_words()
