"""The staff console under /staff: queues, people, requests, phone intake, volunteers, the sociale kaart,
the agenda, dashboard."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from bot import tenants
from bot.web.staff import community, inbox, team_accounts, views
from bot.web.staff.auth import Staff
from bot.web.staff.dashboard import bar_chart, figures, to_csv
from bot.web.staff.render import language_of, page, text, texts
from bot.web.staff.views import runtime_of, staff_only

MUNICIPALITY_ROLES = ("coordinator", "admin")


def _zone(who: Staff) -> ZoneInfo:
    return tenants.current().get(who.scope.tenant).zone


async def _dashboard(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    language = language_of(request)
    async with runtime.sessions() as session:
        data = await figures(session, runtime.clock(), _zone(who), who.scope.tenant)
    categories = views.category_names(language)
    known = texts()
    checkin_labels = {
        key: text(f"checkin_{key}", language) if f"checkin_{key}" in known else key for key in data.checkins
    }
    return page(
        request,
        "dashboard.html",
        who,
        data=data,
        requests_chart=bar_chart(data.weeks, data.per_week, categories, text("chart_requests", language)),
        checkin_chart=bar_chart(data.weeks, data.checkins, checkin_labels, text("chart_checkins", language))
        if data.checkins
        else None,
    )


async def _dashboard_csv(request: Request, who: Staff) -> Response:
    runtime = runtime_of(request)
    async with runtime.sessions() as session:
        data = await figures(session, runtime.clock(), _zone(who), who.scope.tenant)
    return Response(
        to_csv(data),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="voordeur-dashboard.csv"',
            "Cache-Control": "no-store",
        },
    )


async def oidc_start(request: Request) -> Response:
    """Sign-in through the municipality's provider; authlib is imported only when someone uses it."""
    from bot.web.staff import oidc

    return await oidc.start(request)


async def oidc_callback(request: Request) -> Response:
    from bot.web.staff import oidc

    return await oidc.callback(request)


def routes() -> list[BaseRoute]:
    return [
        Mount(
            "/staff",
            routes=[
                Route("/", views.home, methods=["GET"]),
                Route("/login", views.login_page, methods=["GET"]),
                Route("/login", views.login_post, methods=["POST"]),
                Route("/login/oidc", oidc_start, methods=["GET"]),
                Route("/login/oidc/callback", oidc_callback, methods=["GET"]),
                Route("/logout", views.logout, methods=["POST"]),
                Route("/lang/{language}", views.set_language, methods=["GET"]),
                Route("/people/{person_id:int}", views.person, methods=["GET"]),
                Route("/people/{person_id:int}/block", views.block_confirm, methods=["GET"]),
                Route("/people/{person_id:int}/erase", views.erase_confirm, methods=["GET"]),
                Route("/people/{person_id:int}/team/{action:str}", inbox.team_action, methods=["POST"]),
                Route("/conversations", inbox.conversations, methods=["GET"]),
                Route("/live", inbox.live, methods=["GET"]),
                Route("/static/live.js", inbox.live_js, methods=["GET"]),
                Route("/people/{person_id:int}/chat", inbox.chat, methods=["GET"]),
                Route("/accounts", team_accounts.accounts, methods=["GET"]),
                Route("/accounts", team_accounts.invite, methods=["POST"]),
                Route("/accounts/{account_id:int}", team_accounts.account, methods=["GET"]),
                Route(
                    "/accounts/{account_id:int}/{action:str}", team_accounts.account_action, methods=["POST"]
                ),
                Route("/welcome/{token:str}", team_accounts.welcome, methods=["GET", "POST"]),
                Route("/account/second-factor", team_accounts.second_factor, methods=["GET", "POST"]),
                Route("/search", inbox.search, methods=["GET"]),
                Route("/notifications", inbox.notifications, methods=["GET"]),
                Route("/canned", inbox.canned, methods=["GET"]),
                Route("/canned", inbox.canned_add, methods=["POST"]),
                Route("/canned/{reply_id:int}/delete", inbox.canned_delete, methods=["POST"]),
                Route("/people/{person_id:int}/{action}", views.person_action, methods=["POST"]),
                Route("/requests/{request_id:int}", views.request_page, methods=["GET"]),
                Route("/requests/{request_id:int}/{action}", views.request_action, methods=["POST"]),
                Route("/alerts/{alert_id:int}/resolve", views.resolve_alert, methods=["POST"]),
                Route("/intake", views.intake_page, methods=["GET"]),
                Route("/intake", views.intake_post, methods=["POST"]),
                Route("/volunteers", views.volunteers, methods=["GET"]),
                Route("/services", community.services, methods=["GET"]),
                Route("/services", community.service_add, methods=["POST"]),
                Route("/services/{service_id:int}", community.service, methods=["GET"]),
                Route("/services/{service_id:int}", community.service_edit, methods=["POST"]),
                Route("/services/{service_id:int}/delete", community.service_delete, methods=["POST"]),
                Route("/activities", community.activities, methods=["GET"]),
                Route("/activities", community.activity_add, methods=["POST"]),
                Route("/activities/{activity_id:int}", community.activity, methods=["GET"]),
                Route("/activities/{activity_id:int}", community.activity_edit, methods=["POST"]),
                Route("/activities/{activity_id:int}/delete", community.activity_delete, methods=["POST"]),
                Route("/dashboard", staff_only(_dashboard, roles=MUNICIPALITY_ROLES), methods=["GET"]),
                Route(
                    "/dashboard.csv", staff_only(_dashboard_csv, roles=MUNICIPALITY_ROLES), methods=["GET"]
                ),
            ],
        )
    ]
