"""`voordeur understand`: what the bot reads in a text at a point of the conversation.

How staff and developers see why the bot read a message the way it did, and how outside test sets
are run. Needs no database, no network, no credentials: it calls the pure reader only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from flows.understanding import CONTEXTS, read
from flows.understanding.corpus import load, reading_of, score
from flows.understanding.reading import now_local


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "understand",
        help="print what the bot reads in TEXT at --context, or in every case of --jsonl FILE, as JSON",
    )
    parser.add_argument("--context", choices=CONTEXTS, help="where in the conversation the text arrives")
    parser.add_argument("--lang", default=None, help="the conversation's language (nl, en, tr, ar, pl, uk)")
    parser.add_argument("--channel", default=None, choices=("sms", "whatsapp", "telegram", "simulator"))
    parser.add_argument("--jsonl", type=Path, default=None, help="a file of cases in the corpus format")
    parser.add_argument(
        "--score", action="store_true", help="with --jsonl: compare with each case's `expect` and report"
    )
    parser.add_argument("text", nargs="?", default=None)


def run(args: argparse.Namespace) -> int:
    now = now_local()
    if args.jsonl is not None:
        try:
            cases = list(load(args.jsonl))
        except (OSError, ValueError) as exc:
            print(f"voordeur: {exc}", file=sys.stderr)
            return 2
        if args.score:
            print(score(cases, now).report())
            return 0
        for case in cases:
            line = {"id": case.id, "reading": reading_of(case, now)}
            print(json.dumps(line, ensure_ascii=False))
        return 0
    if args.context is None or args.text is None:
        print("voordeur: understand needs --context and TEXT, or --jsonl FILE", file=sys.stderr)
        return 2
    reading = read(args.context, args.text, lang=args.lang, channel=args.channel, now=now)
    print(json.dumps(reading.to_corpus(), ensure_ascii=False))
    return 0
