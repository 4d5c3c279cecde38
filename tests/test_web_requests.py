"""Reading webhook bodies (bot/web/requests.py): the form reader against urllib's parse_qsl (the oracle),
the JSON reader's surrogate check against a full re-encoding."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.web.requests import BadRequest, form_pairs, parse_json_object


def oracle(text: str) -> list[tuple[str, str]] | str:
    try:
        return parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text), errors="strict")
    except (ValueError, UnicodeDecodeError) as exc:
        return type(exc).__name__


def ours(text: str) -> list[tuple[str, str]] | str:
    try:
        return form_pairs(text)
    except (ValueError, UnicodeDecodeError) as exc:
        return type(exc).__name__


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a=1",
        "a=",
        "=1",
        "a",
        "a=1&",
        "&a=1",
        "a=1&&b=2",
        "a=b=c",
        "a+b=c+d",
        "a%20b=%C3%A9",
        "a=%FF",
        "a=%2",
        "Body=Hallo+%F0%9F%9B%92&From=%2B31612345678",
        "a=1;b=2",
        "%=%",
    ],
)
def test_reads_forms_as_parse_qsl_does(text: str) -> None:
    assert ours(text) == oracle(text)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("ab=&+%;2FfC3A9é 🛒"), max_size=24))
def test_agrees_with_parse_qsl_on_generated_text(text: str) -> None:
    assert ours(text) == oracle(text)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=6), st.text(max_size=12), max_size=5))
def test_reads_what_urlencode_writes(form: dict[str, str]) -> None:
    text = urlencode(form)
    assert ours(text) == oracle(text)


@pytest.mark.parametrize(
    "body",
    [
        b'{"a":"\\ud800"}',
        b'{"a":"\\udfff x"}',
        b'{"a":"\xed\xa0\x80"}',
        '{"a":"\ud800"}'.encode("utf-16-le", "surrogatepass"),
        b'{"a":"\\\\ud800"}',
        b'{"a":"\\uD83D\\uDE00"}',
        b'{"a":"\xc3\xa9"}',
        b' {"a":1}',
    ],
)
def test_a_lone_surrogate_is_refused_whatever_the_short_check_thinks(body: bytes) -> None:
    def full_check() -> bool:
        try:
            json.dumps(json.loads(body), ensure_ascii=False).encode("utf-8")
            return True
        except (UnicodeError, json.JSONDecodeError):
            return False

    try:
        parse_json_object(body)
        accepted = True
    except BadRequest:
        accepted = False
    assert accepted == full_check()
