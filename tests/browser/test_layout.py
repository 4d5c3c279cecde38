"""The console's layout at a phone's width (390 px) and a desk's (1400 px): the header stays compact (a
bar with the search and the account menu over one row of navigation that scrolls sideways), no page is
wider than the screen, the current page's link is in view, and the account menu (a <details>) works
without JavaScript. Screenshots of the main pages at both widths are kept (VOORDEUR_SCREENSHOTS)."""

# ruff: noqa: F811  (the fixtures `console` and `browser` come from test_console)
from __future__ import annotations

from typing import Any

import pytest

from tests.browser.test_console import (  # noqa: F401  (fixtures)
    BUURTVERBINDER,
    COORDINATOR,
    WAIT,
    Console,
    _log_in,
    browser,
    console,
)
from tests.browser.test_inbox import keep

pytestmark = pytest.mark.e2e

# Before this layout the header was 230 px tall at 390 px (four rows of links, the search, the name).
MOST = 110
PAGES = {
    "queue": "/staff/",
    "conversations": "/staff/conversations",
    "conversation": "/staff/people/{resident}",
    "search": "/staff/search?q=wasmachine",
    "accounts": "/staff/accounts",
    "request": "/staff/requests/{request}",
    "dashboard": "/staff/dashboard",
}
CURRENT = {
    "queue": "Wachtrijen",
    "conversations": "Gesprekken",
    "accounts": "Accounts",
    "dashboard": "Dashboard",
}


def test_a_compact_header_and_pages_that_fit_a_phone(console: Console, browser: Any) -> None:
    console.db.wait_processed(
        console.sms_from_resident("Mijn wasmachine lekt, wie kan helpen?"), timeout=WAIT
    )
    page = _log_in(browser, console, COORDINATOR[0], width=390)
    heights: dict[str, list[float]] = {}
    for width in (390, 1400):
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in PAGES.items():
            page.goto(console.url + path.format(resident=console.resident_id, request=console.request_id))
            box = page.locator("body > header").bounding_box()
            assert box is not None
            heights.setdefault(name, []).append(box["height"])
            assert box["height"] <= MOST, f"{name} at {width} px: header {box['height']} px tall"
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, f"{name} at {width} px is {wide} px wide"
            if name in CURRENT:
                link = page.locator(".nav-row a[aria-current=page]")
                assert link.inner_text().startswith(CURRENT[name])
                page.wait_for_function(
                    "() => { const r = document.querySelector('.nav-row a[aria-current=page]')"
                    ".getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth; }"
                )
            keep(page, console, f"layout-{name}-{width}")
    for name, (phone, desk) in heights.items():
        print(f"header of {name}: {phone:.0f} px at 390, {desk:.0f} px at 1400")

    # The account menu opens and logs out without JavaScript.
    bas = _log_in(browser, console, BUURTVERBINDER[0], width=390, javascript=False)
    assert not bas.locator("#logout").is_visible()
    bas.click("#account-menu > summary")
    assert bas.locator("#account-menu .menu", has_text=BUURTVERBINDER[1]).is_visible()
    keep(bas, console, "layout-menu-390")
    bas.click("#logout")
    bas.wait_for_url(console.url + "/staff/login")
    login = bas.locator("body > header").bounding_box()
    assert login is not None and login["height"] <= MOST
    keep(bas, console, "layout-login-390")
