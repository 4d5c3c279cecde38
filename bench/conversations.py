"""Simulated people running the real ask-for-help conversation, as provider webhooks for wrk.

The conversation is tests/golden/onboarding.json's "first contact with a need goes on to the
request": a new person says what they need ("Hallo, ik heb hulp nodig met mijn tuin"), gives a name,
a postcode and consent, then answers the request's questions (when, how urgent, who may see it) and
sends it. Eight messages, fifteen replies (the last: the request is confirmed, and, with no
volunteers in the benchmark database, the "nobody found, a buurtverbinder takes it" message from the
matchmaker). Until session 6 it was "first contact" followed by ask.json's "a full request by
numbers" from the menu; since the bot reads the need in a first message it asks "when?" after
consent, so three of those twelve messages were answers to questions it no longer asked.

People are spread over SMS, WhatsApp (signed Twilio webhooks, as Twilio signs them: HMAC-SHA1 over
PUBLIC_BASE_URL + path + sorted fields) and Telegram (Updates with the secret-token header).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

ACCOUNT_SID = "AC00000000000000000000000000000001"  # the emulator's defaults
AUTH_TOKEN = "emulated-twilio-auth-token-000000"
TELEGRAM_TOKEN = "123456789:AAEmulatedTelegramBotTokenForTests00"
TELEGRAM_SECRET = "bench-webhook-secret"
SMS_NUMBER = "+3197010000001"
WHATSAPP_NUMBER = "whatsapp:+3197010000002"
MESSAGES_PATH = "/webhooks/twilio/messages"
TELEGRAM_PATH = "/webhooks/telegram"

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "golden"


def channel_settings(app_url: str, telegram_api: str, twilio_api: str) -> dict[str, str]:
    """The app's channel settings for these webhooks: our bot token and secret, our Twilio account and
    numbers, Twilio signing for `app_url`, the providers' APIs at the given origins."""
    return {
        "PUBLIC_BASE_URL": app_url,
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": TELEGRAM_SECRET,
        "TELEGRAM_API_BASE_URL": f"{telegram_api}/bot",
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_SMS_NUMBER": SMS_NUMBER,
        "TWILIO_WHATSAPP_NUMBER": WHATSAPP_NUMBER,
        "TWILIO_API_BASE_URL": twilio_api,
    }


def _from_goldens() -> tuple[tuple[str, int], ...]:
    """(what the person sends, how many replies come back) per turn, read from the golden transcript,
    so the benchmark walks the conversation the tests pin down."""
    name = "first contact with a need goes on to the request"
    for entry in json.loads((GOLDEN / "onboarding.json").read_text(encoding="utf-8")):
        if entry["name"].startswith(name):
            turns = [
                (turn["in"]["text"], sum(1 for out in turn["out"] if isinstance(out, str)))
                for turn in entry["turns"]
            ]
            break
    else:
        raise LookupError(f"onboarding.json: no case {name!r}")
    # With no volunteers in the benchmark database the matchmaker finds nobody, and the person is told
    # so at once (an internal "no_match" event in their own mailbox, answered in the same step).
    text, replies = turns[-1]
    turns[-1] = (text, replies + 1)
    return tuple(turns)


CONVERSATION: tuple[tuple[str, int], ...] = _from_goldens()
REPLIES_PER_PERSON = sum(n for _, n in CONVERSATION)
CHANNELS = ("sms", "whatsapp", "telegram")


@dataclass(frozen=True)
class Person:
    index: int
    channel: str
    recipient: str | int  # as the emulator journals it: To for Twilio, chat_id for Telegram
    keys: tuple[str, ...]  # one per message: what the wrk send log names it by


def _phone(index: int, run: int) -> str:
    return f"+316{run % 100:02d}{index:06d}"


def build(
    path: Path, people: int, *, run: int, public_base_url: str, mix: tuple[str, ...] = CHANNELS
) -> list[Person]:
    """Write `people` conversations to `path` (the wrk input) and return who is who.

    `run` keeps numbers, SIDs and update ids of different runs on one database apart.
    """
    validator = RequestValidator(AUTH_TOKEN)
    signed_url = public_base_url + MESSAGES_PATH
    result: list[Person] = []
    with path.open("w", encoding="utf-8") as out:
        for index in range(people):
            channel = mix[index % len(mix)]
            keys = []
            if channel == "telegram":
                chat_id = 7_000_000_000 + run * 10_000_000 + index
                for turn, (text, _) in enumerate(CONVERSATION):
                    update_id = (run * 10_000_000 + index) * 16 + turn
                    update = {
                        "update_id": update_id,
                        "message": {
                            "message_id": turn + 1,
                            "from": {
                                "id": chat_id,
                                "is_bot": False,
                                "first_name": "Ria",
                                "language_code": "nl",
                            },
                            "chat": {"id": chat_id, "first_name": "Ria", "type": "private"},
                            "date": 1763892000 + turn,
                            "text": text,
                        },
                    }
                    key = f"tg{update_id}"
                    keys.append(key)
                    body = json.dumps(update, separators=(",", ":"), ensure_ascii=False)
                    out.write(
                        "\t".join(
                            [
                                str(index),
                                key,
                                TELEGRAM_PATH,
                                "X-Telegram-Bot-Api-Secret-Token",
                                TELEGRAM_SECRET,
                                "application/json",
                                body,
                            ]
                        )
                        + "\n"
                    )
                result.append(Person(index, channel, chat_id, tuple(keys)))
                continue
            phone = _phone(index, run)
            sender = f"whatsapp:{phone}" if channel == "whatsapp" else phone
            to = WHATSAPP_NUMBER if channel == "whatsapp" else SMS_NUMBER
            for turn, (text, _) in enumerate(CONVERSATION):
                sid = f"SM{run:04x}{index:08x}{turn:04x}".ljust(34, "0")
                form = {
                    "ToCountry": "NL",
                    "SmsMessageSid": sid,
                    "NumMedia": "0",
                    "SmsSid": sid,
                    "SmsStatus": "received",
                    "Body": text,
                    "FromCountry": "NL",
                    "To": to,
                    "NumSegments": "1",
                    "MessageSid": sid,
                    "AccountSid": ACCOUNT_SID,
                    "From": sender,
                    "ApiVersion": "2010-04-01",
                }
                if channel == "whatsapp":
                    form.update({"ProfileName": "Ria", "WaId": phone[1:], "MessageType": "text"})
                signature = validator.compute_signature(signed_url, form)
                keys.append(sid)
                out.write(
                    "\t".join(
                        [
                            str(index),
                            sid,
                            MESSAGES_PATH,
                            "X-Twilio-Signature",
                            signature,
                            "application/x-www-form-urlencoded",
                            urlencode(form),
                        ]
                    )
                    + "\n"
                )
            recipient = f"whatsapp:{phone}" if channel == "whatsapp" else phone
            result.append(Person(index, channel, recipient, tuple(keys)))
    return result
