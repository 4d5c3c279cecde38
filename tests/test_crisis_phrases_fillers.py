"""flows/understanding/crisis_phrases.py: filler words between a phrase's words, marked in the text
rather than spelled out in every gap of every phrase's regex (which made the crisis lexicon take 12 s
to compile at each start, bench/README.md session 21)."""

from __future__ import annotations

from flows.understanding.crisis_phrases import Fillers, fillers_of, matchable, phrase_set

FILLERS = ["gewoon", "echt", "meer", "just", "po prostu", "غير"]


def test_marking_keeps_every_offset_and_marks_only_fillers() -> None:
    fillers = Fillers.of(FILLERS)
    for text in ("ik wil gewoon niet meer leven", "chce po prostu umrzec", "ما بقيتش غير باغي نعيش"):
        plain = matchable(text)
        marked = fillers.marked(plain)
        assert len(marked) == len(plain)
        assert [a == b for a, b in zip(marked.split(" "), plain.split(" "), strict=True)] == [
            word not in {"gewoon", "meer", "po", "prostu", "غير"} for word in plain.split(" ")
        ]


def test_fillers_may_stand_between_a_phrases_words_and_nothing_else_may() -> None:
    phrases = phrase_set(["wil niet meer leven", "i want to die", "chce umrzec", "باغي نموت"], FILLERS)

    def found(text: str) -> bool:
        words = matchable(text)
        return phrases.without(words) != words

    assert found("ik wil niet meer leven") and found("ik wil gewoon echt niet meer leven")
    assert found("ik wil niet gewoon meer leven")  # the phrase's own "meer" stays a word of it
    assert found("i just want to just die") and found("chce po prostu umrzec")
    assert not found("ik wil niet graag meer leven"), "a word that is no filler breaks the phrase"
    assert not found("ik wil niet leven meer"), "the phrase's own words stay in their order"
    assert not found("i want to go and die") and not found("chce po umrzec")


def test_one_fillers_object_per_list_and_none_for_an_empty_list() -> None:
    assert fillers_of(tuple(FILLERS)) is fillers_of(tuple(FILLERS))
    assert not fillers_of(())
    assert phrase_set(["wil niet meer leven"]).without("wil gewoon niet meer leven") == (
        "wil gewoon niet meer leven"
    )
