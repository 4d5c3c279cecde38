"""Creating staff accounts (`voordeur staff add`, and the demo's coordinator)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError

from bot.web.staff.auth import hash_password
from flows import places
from storage import staff
from storage.db import make_engine, make_sessionmaker

MIN_PASSWORD = 8


class AccountError(ValueError):
    """A clear one-line reason the account cannot be made."""


def check(
    email: str,
    name: str,
    role: str,
    neighbourhoods: list[str],
    password: str,
    municipality: str = places.DEFAULT_MUNICIPALITY,
) -> None:
    if "@" not in email or len(email) > 254:
        raise AccountError("--email must be an email address")
    if not name.strip():
        raise AccountError("--name must not be empty")
    if role not in staff.ROLES:
        raise AccountError(f"--role must be one of {', '.join(staff.ROLES)}")
    known = {n.key for n in places.load_municipality(municipality).neighbourhoods}
    unknown = sorted(set(neighbourhoods) - known)
    if unknown:
        raise AccountError(
            f"unknown --neighbourhood {', '.join(unknown)} (known: {', '.join(sorted(known))})"
        )
    if role == "buurtverbinder" and not neighbourhoods:
        raise AccountError("a buurtverbinder needs at least one --neighbourhood")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password needs at least {MIN_PASSWORD} characters")


async def add(
    database_url: str,
    *,
    email: str,
    name: str,
    role: str,
    neighbourhoods: list[str],
    password: str,
    now: datetime,
    phone: str | None = None,
    exist_ok: bool = False,
    tenant: str = "default",
    municipality: str = places.DEFAULT_MUNICIPALITY,
) -> bool:
    """Create the account in `tenant` (whose neighbourhoods are `municipality`'s); False if the email
    exists and `exist_ok` (the demo seeds idempotently). An account belongs to one tenant only."""
    check(email, name, role, neighbourhoods, password, municipality)
    engine = make_engine(database_url)
    exists = f"an account for {email.strip().lower()} exists already"
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            if await staff.account_by_email(session, email) is not None:
                if exist_ok:
                    return False
                raise AccountError(exists)
            staff.add_account(
                session,
                email=email,
                name=name,
                role=role,
                password_hash=hash_password(password),
                neighbourhoods=neighbourhoods,
                now=now,
                phone=phone,
                tenant=tenant,
            )
    except IntegrityError:
        # Two creations at once: the unique email decides.
        if exist_ok:
            return False
        raise AccountError(exists) from None
    finally:
        await engine.dispose()
    return True
