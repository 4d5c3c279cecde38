"""The sociale kaart (services) and the agenda (activities) as staff manage them, and an activity's
sign-up list for its next date.

Coordinators and admins manage everything. A buurtverbinder sees and edits their own neighbourhoods'
items; municipality-wide services are read-only for them, other neighbourhoods' items do not exist
for them (404). Viewing a sign-up list shows residents' first names: it is written to the audit log.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot import tenants
from bot.web.staff.auth import Staff
from bot.web.staff.render import page
from bot.web.staff.views import MAX_FIELD, neighbourhood_names, refused, runtime_of, staff_only
from flows.agenda import this_week
from storage import community, staff
from storage.models import Activity, Service

PHONE = re.compile(r"[0-9 +\-]{0,32}")
START = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
WEEKDAYS = range(7)
WIDE = ""  # the form's value for "the whole municipality"


@dataclass(frozen=True, slots=True)
class Checked:
    data: dict[str, Any]
    errors: list[str]


def _form_values(form: Any) -> dict[str, str]:
    return {key: str(value)[:MAX_FIELD].strip() for key, value in form.items() if isinstance(value, str)}


def _municipality(who: Staff) -> str:
    return tenants.current().get(who.scope.tenant).municipality


def _places(who: Staff) -> dict[str, str]:
    return {key: name for key, name in neighbourhood_names().items() if who.scope.allows(key)}


def may_edit_service(who: Staff, row: Service) -> bool:
    return who.sees_everything or (row.neighbourhood is not None and who.scope.allows(row.neighbourhood))


def may_see_service(who: Staff, row: Service) -> bool:
    return row.neighbourhood is None or who.scope.allows(row.neighbourhood)


def check_service(who: Staff, values: dict[str, str]) -> Checked:
    errors: list[str] = []
    name = values.get("name", "")
    if not name:
        errors.append("error_name_required")
    phone = values.get("phone", "")
    if not PHONE.fullmatch(phone):
        errors.append("error_service_phone")
    neighbourhood = values.get("neighbourhood", WIDE)
    if neighbourhood == WIDE:
        if not who.sees_everything:
            errors.append("error_neighbourhood")
    elif neighbourhood not in _places(who):
        errors.append("error_neighbourhood")
    terms = [term.strip() for term in values.get("terms", "").split(",") if term.strip()]
    data = {
        "name": name[:120],
        "description": values.get("description", "")[:300],
        "terms": terms[:30],
        "neighbourhood": neighbourhood or None,
        "hours": values.get("hours", "")[:120],
        "phone": phone,
    }
    return Checked(data, errors)


def check_activity(who: Staff, values: dict[str, str]) -> Checked:
    errors: list[str] = []
    title = values.get("title", "")
    if not title:
        errors.append("error_name_required")
    weekday = values.get("weekday", "")
    if not (weekday.isascii() and weekday.isdigit() and int(weekday) in WEEKDAYS):
        errors.append("error_weekday")
    start = values.get("start", "")
    if not START.fullmatch(start):
        errors.append("error_start_time")
    place = values.get("place", "")
    if not place:
        errors.append("error_place_required")
    neighbourhood = values.get("neighbourhood", "")
    if neighbourhood not in _places(who):
        errors.append("error_neighbourhood")
    data = {
        "title": title[:80],
        "description": values.get("description", "")[:300],
        "weekday": int(weekday) if weekday.isascii() and weekday.isdigit() else 0,
        "start": start,
        "place": place[:120],
        "neighbourhood": neighbourhood,
        "organiser": values.get("organiser", "")[:120],
    }
    return Checked(data, errors)


def _new_key(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(8)}"


# --- services -------------------------------------------------------------------------------------------


async def _services_page(
    request: Request, who: Staff, *, errors: list[str] | None = None, values: dict[str, str] | None = None
) -> Response:
    runtime = runtime_of(request)
    async with runtime.sessions() as session:
        every = await community.list_services(session, _municipality(who), tenant=who.scope.tenant)
        rows = [row for row in every if may_see_service(who, row)]
    return page(
        request,
        "services.html",
        who,
        status_code=400 if errors else 200,
        rows=rows,
        editable={row.id for row in rows if may_edit_service(who, row)},
        errors=errors or [],
        values=values or {},
        places=neighbourhood_names(),
        form_places=_places(who),
        flash=request.query_params.get("done", ""),
    )


async def _services(request: Request, who: Staff) -> Response:
    return await _services_page(request, who)


async def _service_add(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    values = _form_values(await request.form())
    checked = check_service(who, values)
    if checked.errors:
        return await _services_page(request, who, errors=checked.errors, values=values)
    async with runtime.sessions() as session, session.begin():
        await community.create_service(
            session, _new_key("svc"), checked.data, runtime.clock(), _municipality(who), who.scope.tenant
        )
        staff.audit(session, who.id, None, "service_add", runtime.clock())
    return RedirectResponse("/staff/services?done=saved", status_code=303)


async def _editable_service(request: Request, who: Staff) -> Service | None:
    runtime = runtime_of(request)
    async with runtime.sessions() as session:
        row = await session.get(Service, int(request.path_params["service_id"]))
    if row is None or row.tenant != who.scope.tenant or not may_edit_service(who, row):
        return None
    return row


async def _service(request: Request, who: Staff) -> Response:
    row = await _editable_service(request, who)
    if row is None:
        return refused(request, who, 404, "error_not_found")
    values = {
        "name": row.name,
        "description": row.description,
        "terms": ", ".join(row.terms),
        "neighbourhood": row.neighbourhood or WIDE,
        "hours": row.hours,
        "phone": row.phone,
    }
    return page(request, "service.html", who, item=row, errors=[], values=values, form_places=_places(who))


async def _service_edit(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    row = await _editable_service(request, who)
    if row is None:
        return refused(request, who, 404, "error_not_found")
    values = _form_values(await request.form())
    checked = check_service(who, values)
    if checked.errors:
        return page(
            request,
            "service.html",
            who,
            status_code=400,
            item=row,
            errors=checked.errors,
            values=values,
            form_places=_places(who),
        )
    async with runtime.sessions() as session, session.begin():
        await community.update_service(session, row.id, checked.data, runtime.clock())
        staff.audit(session, who.id, None, "service_edit", runtime.clock())
    return RedirectResponse("/staff/services?done=saved", status_code=303)


async def _service_delete(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    row = await _editable_service(request, who)
    if row is None:
        return refused(request, who, 404, "error_not_found")
    async with runtime.sessions() as session, session.begin():
        await community.delete_service(session, row.id)
        staff.audit(session, who.id, None, "service_delete", runtime.clock())
    return RedirectResponse("/staff/services?done=deleted", status_code=303)


# --- activities -----------------------------------------------------------------------------------------


def next_date(row: Activity, now: datetime) -> date | None:
    """The activity's next date after `now` (it is weekly, so within eight days)."""
    found = this_week([community.activity_info(row)], now, days=8)
    return found[0].on if found else None


async def _activities_page(
    request: Request, who: Staff, *, errors: list[str] | None = None, values: dict[str, str] | None = None
) -> Response:
    runtime = runtime_of(request)
    now = runtime.clock()
    async with runtime.sessions() as session:
        every = await community.list_activities(session, _municipality(who), tenant=who.scope.tenant)
        rows = [row for row in every if who.scope.allows(row.neighbourhood)]
        dates = {row.id: next_date(row, now) for row in rows}
        counts: dict[int, int] = {}
        for row in rows:
            on = dates[row.id]
            counts[row.id] = len(await community.signups_for(session, row.id, on)) if on else 0
    return page(
        request,
        "activities.html",
        who,
        status_code=400 if errors else 200,
        rows=rows,
        dates=dates,
        counts=counts,
        errors=errors or [],
        values=values or {},
        places=neighbourhood_names(),
        form_places=_places(who),
        flash=request.query_params.get("done", ""),
    )


async def _activities(request: Request, who: Staff) -> Response:
    return await _activities_page(request, who)


async def _activity_add(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    values = _form_values(await request.form())
    checked = check_activity(who, values)
    if checked.errors:
        return await _activities_page(request, who, errors=checked.errors, values=values)
    async with runtime.sessions() as session, session.begin():
        await community.create_activity(
            session, _new_key("act"), checked.data, runtime.clock(), _municipality(who), who.scope.tenant
        )
        staff.audit(session, who.id, None, "activity_add", runtime.clock())
    return RedirectResponse("/staff/activities?done=saved", status_code=303)


async def _editable_activity(request: Request, who: Staff) -> Activity | None:
    runtime = runtime_of(request)
    async with runtime.sessions() as session:
        row = await session.get(Activity, int(request.path_params["activity_id"]))
    if row is None or row.tenant != who.scope.tenant or not who.scope.allows(row.neighbourhood):
        return None
    return row


async def _activity_form(
    request: Request, who: Staff, row: Activity, values: dict[str, str], errors: list[str]
) -> Response:
    """The edit form with the sign-up list of the next date (first names; each view audited)."""
    runtime = runtime_of(request)
    now = runtime.clock()
    on = next_date(row, now)
    async with runtime.sessions() as session, session.begin():
        signups = await community.signups_for(session, row.id, on) if on is not None else []
        for signup in signups:
            staff.audit(session, who.id, signup.person_id, "view_signups", now)
    return page(
        request,
        "activity.html",
        who,
        status_code=400 if errors else 200,
        item=row,
        next_on=on,
        signups=signups,
        errors=errors,
        values=values,
        form_places=_places(who),
    )


async def _activity(request: Request, who: Staff) -> Response:
    row = await _editable_activity(request, who)
    if row is None:
        return refused(request, who, 404, "error_not_found")
    values = {
        "title": row.title,
        "description": row.description,
        "weekday": str(row.weekday),
        "start": row.start,
        "place": row.place,
        "neighbourhood": row.neighbourhood,
        "organiser": row.organiser,
    }
    return await _activity_form(request, who, row, values, [])


async def _activity_edit(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    row = await _editable_activity(request, who)
    if row is None:
        return refused(request, who, 404, "error_not_found")
    values = _form_values(await request.form())
    checked = check_activity(who, values)
    if checked.errors:
        return await _activity_form(request, who, row, values, checked.errors)
    async with runtime.sessions() as session, session.begin():
        await community.update_activity(session, row.id, checked.data, runtime.clock())
        staff.audit(session, who.id, None, "activity_edit", runtime.clock())
    return RedirectResponse("/staff/activities?done=saved", status_code=303)


async def _activity_delete(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    row = await _editable_activity(request, who)
    if row is None:
        return refused(request, who, 404, "error_not_found")
    async with runtime.sessions() as session, session.begin():
        await community.delete_activity(session, row.id)
        staff.audit(session, who.id, None, "activity_delete", runtime.clock())
    return RedirectResponse("/staff/activities?done=deleted", status_code=303)


services = staff_only(_services)
service_add = staff_only(_service_add)
service = staff_only(_service)
service_edit = staff_only(_service_edit)
service_delete = staff_only(_service_delete)
activities = staff_only(_activities)
activity_add = staff_only(_activity_add)
activity = staff_only(_activity)
activity_edit = staff_only(_activity_edit)
activity_delete = staff_only(_activity_delete)
