"""The WhatsApp templates created at Twilio: ContentSid and approval state per text key and language."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import WhatsAppTemplate

APPROVED = "approved"


async def all_rows(session: AsyncSession) -> list[WhatsAppTemplate]:
    query = select(WhatsAppTemplate).order_by(WhatsAppTemplate.text_key, WhatsAppTemplate.language)
    return list((await session.execute(query)).scalars())


async def record(
    session: AsyncSession,
    text_key: str,
    language: str,
    content_sid: str,
    status: str,
    body: str,
    now: datetime,
) -> None:
    row = await session.get(WhatsAppTemplate, (text_key, language))
    if row is None:
        session.add(
            WhatsAppTemplate(
                text_key=text_key,
                language=language,
                content_sid=content_sid,
                status=status[:32],
                body=body,
                updated_at=now,
            )
        )
    else:
        row.content_sid, row.status, row.body, row.updated_at = content_sid, status[:32], body, now


async def approved(session: AsyncSession, text_key: str, languages: tuple[str, ...]) -> str | None:
    """The ContentSid of an approved template for this text, in the first of `languages` that has one."""
    rows = (
        await session.execute(
            select(WhatsAppTemplate.language, WhatsAppTemplate.content_sid).where(
                WhatsAppTemplate.text_key == text_key,
                WhatsAppTemplate.status == APPROVED,
                WhatsAppTemplate.language.in_(languages),
            )
        )
    ).all()
    by_language = {language: sid for language, sid in rows}
    return next((by_language[language] for language in languages if language in by_language), None)
