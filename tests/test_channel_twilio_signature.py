"""X-Twilio-Signature: `bot.channels.twilio.valid_signature` against twilio's own RequestValidator (the
oracle), on the URLs and forms Twilio sends and on generated ones."""

from __future__ import annotations

from urllib.parse import urlparse

from hypothesis import given, settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator, add_port, remove_port

from bot.channels.twilio import valid_signature

TOKEN = "12345678901234567890123456789012"
FORM = {
    "MessageSid": "SM" + "a" * 32,
    "From": "+31612345678",
    "To": "+3197010000001",
    "Body": "Hallo, ik heb hulp nodig met boodschappen 🛒",
    "NumMedia": "0",
    "AccountSid": "AC" + "0" * 32,
}


def oracle(url: str, form: dict[str, str], signature: str, token: str = TOKEN) -> bool:
    return bool(RequestValidator(token).validate(url, form, signature))


def test_a_signature_twilio_made_is_valid_and_any_change_is_not() -> None:
    url = "https://voordeur.example.nl/webhooks/twilio/messages"
    signature = RequestValidator(TOKEN).compute_signature(url, FORM)
    assert valid_signature(TOKEN, url, FORM, signature)
    assert not valid_signature(TOKEN, url, {**FORM, "Body": "Hallo"}, signature)
    assert not valid_signature(TOKEN, url + "?o=1", FORM, signature)
    assert not valid_signature("another-token", url, FORM, signature)
    assert not valid_signature(TOKEN, url, FORM, signature[:-2])
    assert not valid_signature(TOKEN, url, FORM, "")


def test_the_url_counts_with_and_without_its_default_port() -> None:
    """Twilio's back end signs either form; RequestValidator accepts both, and so do we."""
    for url in ("https://voordeur.example.nl/webhooks/twilio/status?o=7", "http://127.0.0.1:8080/x"):
        parsed = urlparse(url)
        for signed in (add_port(parsed), remove_port(parsed)):
            signature = RequestValidator(TOKEN).compute_signature(signed, FORM)
            assert valid_signature(TOKEN, url, FORM, signature) is oracle(url, FORM, signature) is True


def test_a_signature_that_is_not_ascii_is_refused_not_raised() -> None:
    url = "https://voordeur.example.nl/webhooks/twilio/messages"
    assert valid_signature(TOKEN, url, FORM, "é" * 28) is oracle(url, FORM, "é" * 28) is False


_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
_urls = st.builds(
    lambda scheme, host, port, path, query: f"{scheme}://{host}{port}{path}{query}",
    st.sampled_from(["http", "https"]),
    st.sampled_from(["voordeur.example.nl", "127.0.0.1", "localhost"]),
    st.sampled_from(["", ":80", ":443", ":8080"]),
    st.sampled_from(["/webhooks/twilio/messages", "/webhooks/twilio/status", "/a%20b"]),
    st.sampled_from(["", "?o=12", "?o=1&o=2", "?bodySHA256=abc"]),
)


@settings(max_examples=300, deadline=None)
@given(
    url=_urls,
    form=st.dictionaries(st.text("ABCMSabcms_0123", min_size=1, max_size=8), _text, max_size=6),
    how=st.sampled_from(["without_port", "with_port", "other_token", "changed_field", "garbage"]),
    garbage=_text,
)
def test_agrees_with_twilios_validator(url: str, form: dict[str, str], how: str, garbage: str) -> None:
    parsed = urlparse(url)
    validator = RequestValidator(TOKEN)
    if how == "without_port":
        signature = validator.compute_signature(remove_port(parsed), form)
    elif how == "with_port":
        signature = validator.compute_signature(add_port(parsed), form)
    elif how == "other_token":
        signature = RequestValidator("other").compute_signature(url, form)
    elif how == "changed_field":
        signature = validator.compute_signature(url, {**form, "Body": garbage + "x"})
    else:
        signature = garbage
    assert valid_signature(TOKEN, url, form, signature) is oracle(url, form, signature)
