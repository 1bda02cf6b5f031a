"""A month-end morning on kinerja_asn, driven through the web client's own calls (Locust).

Each simulated user logs in as one of the generated government's users
(``/web/session/authenticate``), loads the web client (``/odoo``, menus) and then does what
its role does at month end, with the JSON-RPC calls the browser sends (``/web/action/load``,
``/web/dataset/call_kw/<model>/<method>``, ``/web/dataset/call_button/...``, uploads and
downloads as the web client's widgets do them):

- employees open My Performance, then Report Realisation: each indicator of the month gets
  a value and a note (inline edit), a small PDF as evidence (the form's upload widget), and
  the month is submitted; the next employee then takes the seat;
- supervisors open Realisation to Review and accept a page of reports, rejecting some with
  feedback, or open SKP to Approve and approve the page in bulk;
- officers open the Overview of the work units and export the agency recap (XLSX).

Errors are counted by kind; the application's own refusals (UserError, ValidationError,
AccessError: a message to the user) are counted apart and are not failures. A call failing
otherwise (connection lost, server error) is retried once after a pause, as a user clicks
again. What was submitted, accepted, rejected and approved is written with the statistics
to LOADTEST_EVENTS when the run stops, for the end-of-run check of scripts/loadtest.py.

Users think between clicks (0.5-2 s times LOADTEST_THINK within a screen, 1-3 s per line
typed, 2-6 s between screens); LOADTEST_THINK 5 (scripts/loadtest.sh's default) is a person's
pace, a click every few seconds. Logins happen while the users arrive (the ramp-up); their
times are kept apart (``login_ms``), the statistics being reset once all users are in.

Settings (environment): LOADTEST_PLAN (from scripts/loadtest_prepare.py), LOADTEST_EVENTS,
LOADTEST_THINK (think-time factor, default 1).
"""

import itertools
import json
import os
import random
import re
import time
import uuid
from collections import Counter, defaultdict
from urllib.parse import quote, urlencode

import gevent
from locust import FastHttpUser, between, events, task
from locust.stats import StatsEntry

PLAN = json.load(open(os.environ["LOADTEST_PLAN"]))
EVENTS_FILE = os.environ.get("LOADTEST_EVENTS", "var/loadtest-events.json")
THINK = float(os.environ.get("LOADTEST_THINK", "1"))
REFUSALS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
    "odoo.exceptions.RedirectWarning",
}
PROXY_HEADERS = {
    "X-Forwarded-Host": "kinerja.example.go.id",
    "X-Forwarded-For": "10.1.2.3",
    "X-Forwarded-Proto": "http",
}
# A one-page PDF of a few hundred bytes: the evidence of a month's work.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<<>>>>endobj\n"
    b"4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 72 760 Td (Bukti dukung) Tj ET\nendstream endobj\n"
    b"xref\n0 5\n0000000000 65535 f \ntrailer<</Size 5/Root 1 0 R>>\nstartxref\n0\n%%EOF\n"
)

RECORD = {
    "submitted": {},  # login -> ids of the reports submitted (the whole month)
    "accepted": [],
    "rejected": [],
    "approved": [],
    "errors": Counter(),
    "refusals": Counter(),
    "refusal_messages": {},
    "retried": 0,
    "logins": 0,
    "login_ms": [],
    "reports_done": 0,
}
EMPLOYEES = iter(PLAN["employees"])
SUPERVISORS = itertools.cycle(PLAN["supervisors"])
OFFICERS = itertools.cycle(PLAN["officers"])
_ids = itertools.count(1)


class CallFailed(Exception):
    """A call failed for a reason other than the application's refusal (after its retry)."""


def think(low=0.5, high=2.0):
    gevent.sleep(random.uniform(low, high) * THINK)


class OdooUser(FastHttpUser):
    abstract = True
    wait_time = between(2 * THINK, 6 * THINK)
    role = "user"

    # -- the transport ------------------------------------------------------------------
    def _post(self, url, name, scenario, **kwargs):
        """One request; returns (response or None, error kind or None)."""
        headers = {**PROXY_HEADERS, **kwargs.pop("headers", {})}
        label = f"{scenario} | {name}"
        with self.client.post(url, name=label, headers=headers, catch_response=True, **kwargs) as response:
            if response.status_code == 0 or response.status_code is None:
                kind = f"connection: {type(response.error).__name__ if response.error else 'closed'}"
                response.failure(kind)
                return None, kind
            if response.status_code >= 400:
                kind = f"http {response.status_code}"
                response.failure(kind)
                return None, kind
            response.success()
            return response, None

    def _with_retry(self, scenario, name, send):
        """``send()`` -> (value, error kind); a failure is counted, then retried once."""
        for attempt in (1, 2):
            value, kind = send()
            if kind is None:
                return value
            RECORD["errors"][f"{kind} ({name})"] += 1
            if attempt == 1:
                RECORD["retried"] += 1
                gevent.sleep(1.0)
        raise CallFailed(f"{name}: {kind}")

    def rpc(self, url, params, name, scenario):
        """A JSON-RPC call as the web client sends it; the result, or None for a refusal."""
        payload = {"id": next(_ids), "jsonrpc": "2.0", "method": "call", "params": params}
        refused = []

        def send():
            response, kind = self._post(url, name, scenario, json=payload)
            if kind:
                return None, kind
            try:
                data = response.json()
            except ValueError:
                return None, "invalid json"
            if "error" in data:
                error = data["error"].get("data", {}).get("name") or data["error"].get("message")
                if error in REFUSALS:
                    key = f"{error.rsplit('.', 1)[-1]} ({name})"
                    RECORD["refusals"][key] += 1
                    RECORD["refusal_messages"].setdefault(key, str(data["error"]["data"].get("message"))[:300])
                    refused.append(error)
                    return None, None
                return None, f"rpc {error}"
            return data.get("result"), None

        result = self._with_retry(scenario, name, send)
        return None if refused else result

    def call(self, model, method, args, kwargs, scenario, *, name=None):
        kwargs = {"context": self.ctx, **kwargs}
        params = {"model": model, "method": method, "args": args, "kwargs": kwargs}
        return self.rpc(f"/web/dataset/call_kw/{model}/{method}", params, name or f"{method} {model}", scenario)

    def button(self, model, method, ids, scenario, context=None):
        params = {"model": model, "method": method, "args": [ids], "kwargs": {"context": context or self.ctx}}
        return self.rpc(f"/web/dataset/call_button/{model}/{method}", params, f"button {method}", scenario)

    # -- the session -----------------------------------------------------------------------
    def login(self, login):
        scenario = f"{self.role}: log in"
        start = time.perf_counter()
        if getattr(self, "uid", None):
            self.rpc("/web/session/destroy", {}, "/web/session/destroy", scenario)
        result = self.rpc(
            "/web/session/authenticate",
            {"db": PLAN["database"], "login": login, "password": PLAN["password"]},
            "/web/session/authenticate",
            scenario,
        )
        if not result:
            raise CallFailed(f"login refused for {login}")
        self.login_name = login
        self.uid = result["uid"]
        self.ctx = dict(result["user_context"], allowed_company_ids=[result["user_companies"]["current_company"]])
        # the web client: its page (with the CSRF token of the session) and its menus
        page = self._with_retry(scenario, "GET /odoo", lambda: self._get("/odoo", "GET /odoo", scenario))
        match = re.search(rb'csrf_token: "([^"]+)"', page.content)
        self.csrf = match.group(1).decode() if match else ""
        self._with_retry(
            scenario,
            "GET load_menus",
            lambda: self._get(f"/web/webclient/load_menus/{int(time.time())}", "GET load_menus", scenario),
        )
        RECORD["logins"] += 1
        RECORD["login_ms"].append((time.perf_counter() - start) * 1000)
        self.scenario_done(scenario, start)

    def _get(self, url, name, scenario):
        with self.client.get(url, name=f"{scenario} | {name}", headers=PROXY_HEADERS, catch_response=True) as r:
            if not r.status_code or r.status_code >= 400:
                kind = f"http {r.status_code}" if r.status_code else "connection"
                r.failure(kind)
                return None, kind
            r.success()
            return r, None

    def scenario_done(self, scenario, start, failed=None):
        """The whole scenario as one line of the statistics (type SCENARIO)."""
        events.request.fire(
            request_type="SCENARIO",
            name=scenario,
            response_time=(time.perf_counter() - start) * 1000,
            response_length=0,
            exception=failed,
            context={},
        )

    def run_scenario(self, scenario, function, *args):
        start = time.perf_counter()
        try:
            function(scenario, *args)
        except CallFailed as error:
            self.scenario_done(scenario, start, failed=error)
            return
        self.scenario_done(scenario, start)

    # -- screens -------------------------------------------------------------------------
    def open_action(self, action_key, scenario):
        return self.rpc(
            "/web/action/load",
            {"action_id": PLAN["actions"][action_key], "context": self.ctx},
            "/web/action/load",
            scenario,
        )

    def get_views(self, model, views, action_id, scenario):
        return self.call(
            model,
            "get_views",
            [],
            {
                "views": views,
                "options": {
                    "action_id": action_id,
                    "embedded_action_id": False,
                    "embedded_parent_res_id": False,
                    "load_filters": True,
                    "toolbar": True,
                },
            },
            scenario,
        )

    def search_read(self, model, domain, spec, scenario, *, limit=80, context=None):
        kwargs = {"specification": spec, "offset": 0, "order": "", "limit": limit, "count_limit": 10001}
        kwargs["domain"] = domain
        if context:
            kwargs["context"] = context
        return self.call(model, "web_search_read", [], kwargs, scenario) or {"records": [], "length": 0}


class Employee(OdooUser):
    role = "employee"
    weight = 16

    def on_start(self):
        self.next_employee()

    def next_employee(self):
        """Each simulated employee is one of the government's (a second session of one already
        taken once all have come); he reports his month once, then follows his figures."""
        login = next(EMPLOYEES, None)
        self.reported = login is None
        self.login(login or random.choice(PLAN["employees"]))

    @task
    def month_end(self):
        self.run_scenario("employee: open My Performance", self.my_performance)
        think()
        if self.reported:
            self.run_scenario("employee: open My Realisation", self.my_realisation)
            return
        self.run_scenario("employee: report the month and submit", self.report_month)
        self.reported = True

    def my_performance(self, scenario):
        action = self.open_action("my_performance", scenario)
        views = [[False, "list"], [False, "form"], [PLAN["views"]["indicator_search"], "search"]]
        self.get_views("kinerja.skp.indicator", views, action["id"], scenario)
        domain = [["skp_id.user_id", "=", self.uid], ["state", "=", "approved"]]
        groups = self.call(
            "kinerja.skp.indicator",
            "web_read_group",
            [],
            {
                "domain": domain,
                "fields": PLAN["specs"]["indicator_aggregates"],
                "groupby": ["result_id"],
                "orderby": "",
                "lazy": True,
                "offset": 0,
                "limit": 80,
            },
            scenario,
        )
        for group in (groups or {}).get("groups", [])[:3]:
            result = group.get("result_id")
            if result:
                self.search_read(
                    "kinerja.skp.indicator",
                    [*domain, ["result_id", "=", result[0]]],
                    PLAN["specs"]["indicator_list"],
                    scenario,
                )

    def my_realisation(self, scenario):
        action = self.open_action("my_realisation", scenario)
        views = [[False, "list"], [False, "form"], [PLAN["views"]["realization_search"], "search"]]
        self.get_views("kinerja.realization", views, action["id"], scenario)
        self.search_read(
            "kinerja.realization", [["user_id", "=", self.uid]], PLAN["specs"]["my_realisation_list"], scenario
        )

    def report_month(self, scenario):
        action = self.open_action("report_now", scenario)
        if action and action.get("type") == "ir.actions.server":
            # a server action: the web client runs it, and opens what it returns
            action = self.rpc(
                "/web/action/run", {"action_id": action["id"], "context": self.ctx}, "/web/action/run", scenario
            )
        if not action or action.get("res_model") != "kinerja.realization":
            raise CallFailed("Report Realisation did not open the entry grid")
        entry_views = [[PLAN["views"]["entry_list"], "list"], [False, "form"]]
        self.get_views("kinerja.realization", [*entry_views, [False, "search"]], False, scenario)
        context = {**self.ctx, **action.get("context", {})}
        spec, form_spec = PLAN["specs"]["entry_list"], PLAN["specs"]["realization_form"]
        records = self.search_read("kinerja.realization", action["domain"], spec, scenario, context=context)["records"]
        todo = [r for r in records if r["state"] in ("draft", "rejected")]
        if not todo:
            return
        for record in todo:
            think(1, 3)
            value = round(random.uniform(5, 12), 2)
            note = f"Laporan realisasi {self.login_name}: {uuid.uuid4().hex[:8]}"
            self.call(
                "kinerja.realization",
                "web_save",
                [[record["id"]], {"value": value, "note": note}],
                {"specification": spec},
                scenario,
            )
        first_form = True
        for record in todo:
            think()
            # the paperclip: the report's form, where the evidence is uploaded
            self.button("kinerja.realization", "action_open_form", [record["id"]], scenario)
            if first_form:
                self.get_views("kinerja.realization", [[False, "form"]], False, scenario)
                first_form = False
            self.call("kinerja.realization", "web_read", [[record["id"]]], {"specification": form_spec}, scenario)
            attachment = self.upload(record["id"], scenario)
            if attachment:
                self.call(
                    "kinerja.realization",
                    "web_save",
                    [[record["id"]], {"attachment_ids": [[4, attachment]]}],
                    {"specification": form_spec},
                    scenario,
                )
        records = self.search_read("kinerja.realization", action["domain"], spec, scenario, context=context)["records"]
        think()
        ids = [r["id"] for r in records if r["state"] in ("draft", "rejected")]
        if ids and self.button("kinerja.realization", "action_submit", ids, scenario, context=context) is not None:
            RECORD["submitted"].setdefault(self.login_name, []).extend(ids)
            RECORD["reports_done"] += 1
        self.search_read("kinerja.realization", action["domain"], spec, scenario, context=context)

    def upload(self, record_id, scenario):
        """The many2many_binary widget: multipart POST to /web/binary/upload_attachment."""
        boundary = uuid.uuid4().hex
        parts = []
        for key, value in (("csrf_token", self.csrf), ("model", "kinerja.realization"), ("id", str(record_id))):
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="ufile"; filename="bukti-{record_id}.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n".encode()
            + PDF
            + b"\r\n"
        )
        parts.append(f"--{boundary}--\r\n".encode())
        body = b"".join(parts)
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}

        def send():
            response, kind = self._post(
                "/web/binary/upload_attachment", "upload evidence", scenario, data=body, headers=headers
            )
            if kind:
                return None, kind
            try:
                result = json.loads(response.content)
            except ValueError:
                return None, "upload: invalid answer"
            if not result or "error" in result[0]:
                return None, f"upload: {result[0].get('error') if result else 'nothing'}"
            return result[0]["id"], None

        return self._with_retry(scenario, "upload evidence", send)


class Supervisor(OdooUser):
    role = "supervisor"
    weight = 3

    def on_start(self):
        self.login(next(SUPERVISORS))

    @task(3)
    def review(self):
        self.run_scenario("supervisor: review a page of reports", self.review_page)

    @task(1)
    def approve(self):
        self.run_scenario("supervisor: approve SKPs in bulk", self.approve_skps)

    def review_page(self, scenario):
        action = self.open_action("review", scenario)
        views = [[PLAN["views"]["review_list"], "list"], [False, "form"], [False, "pivot"]]
        self.get_views(
            "kinerja.realization", [*views, [PLAN["views"]["realization_search"], "search"]], action["id"], scenario
        )
        spec = PLAN["specs"]["review_list"]
        domain = [["evaluator_user_id", "=", self.uid], ["state", "=", "submitted"]]
        records = self.search_read("kinerja.realization", domain, spec, scenario)["records"]
        if not records:
            return
        think(2, 5)
        ids = [r["id"] for r in records]
        random.shuffle(ids)
        to_reject = ids[: len(ids) // 10]
        to_accept = sorted(ids[len(ids) // 10 :])
        if to_reject:
            wizard_action = self.button("kinerja.realization", "action_open_reject_wizard", to_reject, scenario)
            wizard_context = {**self.ctx, **(wizard_action or {}).get("context", {})}
            self.get_views("kinerja.realization.reject.wizard", [[False, "form"]], False, scenario)
            wizard_spec = PLAN["specs"]["reject_wizard_form"]
            self.call(
                "kinerja.realization.reject.wizard",
                "onchange",
                [[], {}, [], wizard_spec],
                {"context": wizard_context},
                scenario,
            )
            think()
            saved = self.call(
                "kinerja.realization.reject.wizard",
                "web_save",
                [[], {"realization_ids": [[6, False, to_reject]], "feedback": "Lengkapi bukti dukung."}],
                {"specification": {"feedback": {}}, "context": wizard_context},
                scenario,
            )
            if saved:
                done = self.button(
                    "kinerja.realization.reject.wizard", "action_confirm", [saved[0]["id"]], scenario, wizard_context
                )
                if done is not None:
                    RECORD["rejected"].extend(to_reject)
        if to_accept and self.button("kinerja.realization", "action_accept", to_accept, scenario) is not None:
            RECORD["accepted"].extend(to_accept)
        self.search_read("kinerja.realization", domain, spec, scenario)

    def approve_skps(self, scenario):
        action = self.open_action("to_approve", scenario)
        views = [[PLAN["views"]["approve_list"], "list"], [False, "kanban"], [False, "form"], [False, "search"]]
        self.get_views("kinerja.skp", views, action["id"], scenario)
        domain = [["state", "=", "submitted"], ["evaluator_user_id", "=", self.uid]]
        records = self.search_read("kinerja.skp", domain, PLAN["specs"]["approve_list"], scenario)["records"]
        if not records:
            return
        think(2, 5)
        ids = [r["id"] for r in records]
        if self.button("kinerja.skp", "action_approve", ids, scenario) is not None:
            RECORD["approved"].extend(ids)
        self.search_read("kinerja.skp", domain, PLAN["specs"]["approve_list"], scenario)


class Officer(OdooUser):
    role = "officer"
    weight = 1

    def on_start(self):
        self.login(next(OFFICERS))

    @task(3)
    def overview(self):
        self.run_scenario("officer: open the overview", self.open_overview)

    @task(1)
    def recap(self):
        self.run_scenario("officer: export the recap (XLSX)", self.export_recap)

    def open_overview(self, scenario):
        action = self.open_action("overview", scenario)
        views = [[PLAN["views"]["department_kanban"], "kanban"], [False, "list"], [False, "form"]]
        self.get_views(
            "hr.department", [*views, [PLAN["views"]["department_search"], "search"]], action["id"], scenario
        )
        self.search_read("hr.department", [], PLAN["specs"]["department_kanban"], scenario, limit=40)

    def export_recap(self, scenario):
        action = self.open_action("recap", scenario)
        self.get_views("kinerja.recap.wizard", [[False, "form"]], action["id"], scenario)
        spec = PLAN["specs"]["recap_form"]
        self.call("kinerja.recap.wizard", "onchange", [[], {}, [], spec], {}, scenario)
        # a work unit's recap most of the time, the whole agency's now and then
        departments = [] if random.random() < 0.25 else [random.choice(PLAN["departments"])]
        think()
        saved = self.call(
            "kinerja.recap.wizard",
            "web_save",
            [[], {"year_id": PLAN["year_id"], "department_ids": [[6, False, departments]]}],
            {"specification": {"year_id": {"fields": {"display_name": {}}}}},
            scenario,
        )
        if not saved:
            return
        report = self.button("kinerja.recap.wizard", "action_download", [saved[0]["id"]], scenario)
        if not report:
            return
        # the report_xlsx handler of the web client: POST /report/download
        url = f"/report/xlsx/{report['report_name']}"
        url += f"?options={quote(json.dumps(report['data']))}&context={quote(json.dumps(report.get('context') or {}))}"
        body = urlencode({"data": json.dumps([url, "xlsx"]), "context": json.dumps(self.ctx), "csrf_token": self.csrf})
        headers = {"Content-Type": "application/x-www-form-urlencoded"}

        def send():
            response, kind = self._post(
                "/report/download", "POST /report/download", scenario, data=body, headers=headers
            )
            if kind:
                return None, kind
            if not response.content.startswith(b"PK"):
                return None, "download: not an XLSX file"
            return len(response.content), None

        self._with_retry(scenario, "POST /report/download", send)


@events.test_stop.add_listener
def write_events(environment, **_kwargs):
    """Statistics and what was done, for the end-of-run check."""
    stats = []
    for entry in environment.stats.entries.values():
        if not entry.num_requests:
            continue
        stats.append(
            {
                "type": entry.method,
                "name": entry.name,
                "requests": entry.num_requests,
                "failures": entry.num_failures,
                "rps": round(entry.total_rps, 2),
                "p50": entry.get_response_time_percentile(0.5),
                "p95": entry.get_response_time_percentile(0.95),
                "p99": entry.get_response_time_percentile(0.99),
                "max": round(entry.max_response_time or 0),
            }
        )
    # all calls together (the SCENARIO lines are their sums, not calls of their own)
    total = StatsEntry(environment.stats, "all calls", "")
    for entry in environment.stats.entries.values():
        if entry.method != "SCENARIO":
            total.extend(entry)
    output = {
        "stats": stats,
        "total": {
            "requests": total.num_requests,
            "failures": total.num_failures,
            "rps": round(total.total_rps, 2),
            "p50": total.get_response_time_percentile(0.5),
            "p95": total.get_response_time_percentile(0.95),
            "p99": total.get_response_time_percentile(0.99),
        },
        "errors": dict(RECORD["errors"]),
        "refusals": dict(RECORD["refusals"]),
        "refusal_messages": RECORD["refusal_messages"],
        "retried": RECORD["retried"],
        "logins": RECORD["logins"],
        "login_ms": sorted(round(ms) for ms in RECORD["login_ms"]),
        "submitted": RECORD["submitted"],
        "accepted": sorted(set(RECORD["accepted"])),
        "rejected": sorted(set(RECORD["rejected"])),
        "approved": sorted(set(RECORD["approved"])),
    }
    per_user = defaultdict(int)
    for ids in RECORD["submitted"].values():
        per_user[len(ids)] += 1
    output["submitted_sizes"] = dict(per_user)
    with open(EVENTS_FILE, "w") as handle:
        json.dump(output, handle, indent=1)
