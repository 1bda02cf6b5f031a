"""Take the README's screenshots from a real browser against the demo database.

Usage (a server with the demo database must be running, e.g. `make run`):
    .venv/bin/pip install playwright
    .venv/bin/python scripts/screenshots.py [--url http://localhost:8069] [--db kinerja_demo]

Chromium comes from the system (/usr/bin/chromium); the pictures land in docs/screenshots/.
"""

import argparse
import pathlib
import shutil

from playwright.sync_api import sync_playwright

OUT = pathlib.Path(__file__).resolve().parent.parent / "docs" / "screenshots"

PHONE = {"width": 390, "height": 844}

# (file, login, path in the web client, what to open first: a row, the first groups, a CSS
# selector to click ("css:...") or to scroll to ("scroll:..."), or None; and optionally a
# viewport, e.g. PHONE)
SHOTS = [
    ("home-employee.png", "kasi.imunisasi", "/odoo/kinerja", None),
    ("home-supervisor.png", "kadinkes.pariaman", "/odoo/kinerja", "scroll:.o_kinerja_home_team"),
    ("home-officer.png", "bkpsdm.pariaman", "/odoo/kinerja", "scroll:.o_kinerja_home_agency"),
    ("phone-home.png", "kabid.kesmas", "/odoo/kinerja", None, PHONE),
    ("employee-my-skp.png", "kasi.imunisasi", "/odoo/kinerja-my-skp", "row"),
    ("employee-report-realisation.png", "kasi.imunisasi", "/odoo/kinerja-report-realization", None),
    ("employee-my-performance.png", "kabid.kesmas", "/odoo/kinerja-my-performance", None),
    ("supervisor-to-approve.png", "kasi.imunisasi", "/odoo/kinerja-skp-to-approve", None),
    ("supervisor-my-team.png", "kabid.p2p", "/odoo/kinerja-my-team", "group"),
    ("supervisor-realisation-review.png", "kabid.p2p", "/odoo/kinerja-realization-review", None),
    ("cascade.png", "kadinkes.pariaman", "/odoo/kinerja-cascade", None),
    ("officer-overview.png", "bkpsdm.pariaman", "/odoo/action-kinerja_asn.hr_department_action_kinerja_overview", None),
    ("officer-progress-by-goal.png", "bkpsdm.pariaman", "/odoo/kinerja-goal-progress", "group"),
    ("supervisor-to-evaluate.png", "kadinkes.pariaman", "/odoo/kinerja-to-evaluate", None),
    (
        "supervisor-evaluation-form.png",
        "kadinkes.pariaman",
        "/odoo/kinerja-to-evaluate",
        "css:.o_data_row button[name='action_open_form'], .o_data_row .o_list_record_open_form_view",
    ),
    ("supervisor-team-indicators.png", "kabid.p2p", "/odoo/kinerja-team-indicators", "group"),
    (
        "phone-realisation-form.png",
        "kabid.kesmas",
        "/odoo/kinerja-report-realization",
        "css:.o_data_row button[name='action_open_form']",
        PHONE,
    ),
    ("phone-to-approve.png", "kasi.imunisasi", "/odoo/kinerja-skp-to-approve", None, PHONE),
    ("phone-review.png", "kabid.p2p", "/odoo/kinerja-realization-review", None, PHONE),
    ("phone-daily-log-form.png", "kasi.imunisasi", "/odoo/kinerja-daily-log", "css:.o-kanban-button-new", PHONE),
    ("phone-feedback.png", "kasi.imunisasi", "/odoo/kinerja-feedback", None, PHONE),
    # Pariaman's approved TPP sheet (the month before the last ended one), from the officer's list
    (
        "tpp-sheet.png",
        "bkpsdm.pariaman",
        "/odoo/kinerja-tpp",
        "css:.o_data_row:has-text('Disetujui') td[name='name']",
        {"width": 1440, "height": 1500},  # its unsigned list (paid at 0 %) and its lines
    ),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="kinerja_demo")
    parser.add_argument("--only", nargs="*", help="take only these pictures (file names)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        for name, login, path, click, *viewport in SHOTS:
            if args.only and name not in args.only:
                continue
            size = viewport[0] if viewport else {"width": 1440, "height": 860}
            context = browser.new_context(viewport=size, locale="id-ID", has_touch=size["width"] < 768)
            page = context.new_page()
            page.goto(f"{args.url}/web/login?db={args.db}")
            page.fill("input[name=login]", login)
            page.fill("input[name=password]", login)
            page.click("button[type=submit]")
            page.wait_for_selector(".o_main_navbar")
            page.goto(f"{args.url}{path}")
            page.wait_for_selector(".o_action_manager .o_view_controller, .o_kinerja_home_greeting")
            if click == "row":
                page.click(".o_data_row .o_data_cell, .o_kanban_record")
                page.wait_for_selector(".o_form_view")
            elif click and click.startswith("scroll:"):
                page.wait_for_timeout(1500)
                page.locator(click[7:]).first.scroll_into_view_if_needed()
            elif click and click.startswith("css:"):
                page.locator(click[4:]).first.click()
                page.wait_for_selector(".o_form_view")
            elif click == "group":
                # Open the first groups of a grouped list.
                for _index in range(2):
                    closed = page.locator(".o_group_header:not(.o_group_open)")
                    if closed.count():
                        closed.first.click()
                        page.wait_for_timeout(600)
            # The web client keeps a bus connection open: wait for its RPCs to settle instead.
            page.wait_for_function("!document.querySelector('.o_loading_indicator')")
            page.wait_for_timeout(1500)
            page.screenshot(path=str(OUT / name))
            print("wrote", OUT / name)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
