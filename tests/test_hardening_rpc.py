"""Hardening from the outside, as the demo users over JSON-RPC: hostile input, two people acting
on the same records at once through a multi-worker server, a month-end burst, a server killed
in the middle of it, and a module upgrade with the data in place. Nothing may be lost or
half-done, and every refusal is a clean, explained error."""

import base64
import io
import os
import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import openpyxl
import pytest
import requests
from conftest import DB, VAR, Client, RpcError, _free_port, _odoo

CLEAN_ERRORS = ("odoo.exceptions.", "psycopg2.errors.UniqueViolation")
SCRIPT = "<script>alert('kinerja')</script>"
FORMULA = '=HYPERLINK("http://evil.example","klik")'


def _clean(error):
    """A refusal the user can read: one of Odoo's user errors (a unique violation raised by
    the database under a race is turned into a message by Odoo as well)."""
    return error.name.startswith(CLEAN_ERRORS) and bool(error.message.strip())


def _notified(outcome):
    """A workflow method's answer: the confirmation the web client shows."""
    return isinstance(outcome, dict) and outcome.get("tag") == "display_notification"


def _current_month(client):
    today = date.today().isoformat()
    [period] = client.call(
        "kinerja.period",
        "search_read",
        [["period_type", "!=", "year"], ["date_start", "<=", today], ["date_end", ">=", today]],
        ["id", "state"],
        limit=1,
    )
    return period


def _session(url, login):
    """A browser-like HTTP session (cookie), for the report routes."""
    session = requests.Session()
    response = session.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": DB, "login": login, "password": login}},
        timeout=60,
    )
    assert response.json().get("result", {}).get("uid"), f"{login} could not log in"
    return session


# ----------------------------------------------------------------------------------------
# Hostile input
# ----------------------------------------------------------------------------------------
def test_wrong_values_are_refused_and_change_nothing(login):
    kesmas = login("kabid.kesmas")
    [others] = login("kadinkes.pariaman").call(
        "kinerja.skp.indicator", "search", [["skp_id.user_id.login", "=", "kadinkes.pariaman"]], limit=1
    )
    [own] = kesmas.call("kinerja.skp.indicator", "search", [["skp_id.user_id", "=", kesmas.uid]], limit=1)
    andir = login("kadisdik.andir")
    [skp] = kesmas.call(
        "kinerja.skp", "search_read", [["user_id", "=", kesmas.uid]], ["state", "approach", "evaluator_id"]
    )
    other_period = andir.call("kinerja.period", "search", [["period_type", "=", "year"]], limit=1)
    attempts = [
        ("a wrong selection key", "kinerja.skp", "write", [[skp["id"]], {"approach": "magic"}]),
        ("a state written directly", "kinerja.skp", "write", [[skp["id"]], {"state": "done"}]),
        ("a nonexistent evaluator", "kinerja.skp", "write", [[skp["id"]], {"employee_id": 999999}]),
        ("another government's year", "kinerja.skp", "write", [[skp["id"]], {"period_id": other_period[0]}]),
        ("a nonexistent record", "kinerja.skp", "write", [[999999], {"approach": "quantitative"}]),
        ("a string for a number", "kinerja.skp.indicator", "write", [[own], {"target_value": "banyak"}]),
        (
            "a realisation on another's indicator",
            "kinerja.realization",
            "create",
            [{"skp_indicator_id": others, "value": 1}],
        ),
    ]
    for label, model, method, args in attempts:
        with pytest.raises(RpcError) as refused:
            kesmas.call(model, method, *args)
        assert refused.value.message.strip(), label
        assert "Traceback" not in refused.value.message, label
    [after] = kesmas.call("kinerja.skp", "read", [skp["id"]], ["state", "approach", "evaluator_id"])
    assert after == skp, "nothing changed"


def test_scripts_stay_text_in_chatter_pdf_and_xlsx(server, login):
    dedi = login("pengawas.dedi")
    [skp] = dedi.call("kinerja.skp", "search_read", [["user_id", "=", dedi.uid]], ["state", "result_ids"])
    assert skp["state"] == "draft"
    result = dedi.call("kinerja.skp.result", "create", {"skp_id": skp["id"], "name": f"{FORMULA} {SCRIPT}"})
    message = dedi.call("kinerja.skp", "message_post", [skp["id"]], body=SCRIPT, message_type="comment")
    [posted] = dedi.call("mail.message", "read", [message], ["body"])
    assert "<script>" not in posted["body"] and "&lt;script&gt;" in posted["body"]

    session = _session(server, "pengawas.dedi")
    html = session.get(f"{server}/report/html/kinerja_asn.report_skp/{skp['id']}", timeout=120)
    assert html.status_code == 200
    assert "&lt;script&gt;alert" in html.text and SCRIPT not in html.text

    xlsx = session.get(f"{server}/report/xlsx/kinerja_asn.skp_xlsx/{skp['id']}", timeout=120)
    assert xlsx.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value and FORMULA in str(cell.value)]
    assert cells, "the result's name is in the export"
    assert all(cell.data_type == "s" for cell in cells), "user text never becomes a formula"
    dedi.call("kinerja.skp.result", "unlink", [result])


def test_huge_text_and_false_evidence(login):
    kesmas = login("kabid.kesmas")
    period = _current_month(kesmas)
    [indicator] = kesmas.call("kinerja.skp.indicator", "search", [["skp_id.user_id", "=", kesmas.uid]], limit=1)
    existing = kesmas.call("kinerja.realization", "search", [["skp_indicator_id", "=", indicator]])
    huge = "Sweeping posyandu. " * 55000  # about 1 MB
    report = kesmas.call(
        "kinerja.realization", "create", {"skp_indicator_id": indicator, "period_id": period["id"], "note": huge}
    )
    [stored] = kesmas.call("kinerja.realization", "read", [report], ["note", "state"])
    assert stored["note"] == huge and stored["state"] == "draft"
    fake = kesmas.call(
        "ir.attachment",
        "create",
        {
            "name": "bukti.pdf",
            "datas": base64.b64encode(b"<html><body onload=alert(1)>").decode(),
            "res_model": "kinerja.realization",
            "res_id": 0,
        },
    )
    with pytest.raises(RpcError) as refused:
        kesmas.call("kinerja.realization", "write", [report], {"attachment_ids": [(4, fake)]})
    assert "ValidationError" in refused.value.name and "bukti.pdf" in refused.value.message
    with pytest.raises(RpcError):
        kesmas.call("kinerja.realization", "write", [report], {"evidence_url": "javascript:alert(1)"})
    [after] = kesmas.call("kinerja.realization", "read", [report], ["attachment_ids", "evidence_url"])
    assert after["attachment_ids"] == [] and not after["evidence_url"]
    kesmas.call("kinerja.realization", "unlink", [report])
    assert kesmas.call("kinerja.realization", "search", [["skp_indicator_id", "=", indicator]]) == existing


# ----------------------------------------------------------------------------------------
# Concurrency, through a server with several workers
# ----------------------------------------------------------------------------------------
class Workers:
    """A second Odoo on the same database, in multi-process mode (two HTTP workers)."""

    def __init__(self):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = VAR / "pytest-workers.log"
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(
            _odoo(
                f"--http-port={self.port}",
                f"--gevent-port={_free_port()}",
                "--http-interface=127.0.0.1",
                "--workers=2",
                "--max-cron-threads=0",
                f"--logfile={self.log}",
            ),
            start_new_session=True,
        )
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if requests.get(f"{self.url}/web/health", timeout=5).ok:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(1)
        raise AssertionError(f"the multi-worker server did not start: see {self.log}")

    def kill(self):
        """SIGKILL the whole process group: master and workers die mid-request."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def workers(server):
    instance = Workers()
    instance.start()
    yield instance
    instance.stop()


def _race(calls):
    """Run the calls at the same moment; return each one's result or RpcError."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        try:
            return call()
        except RpcError as error:
            return error

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def test_two_reports_for_the_same_indicator_at_once_make_one(workers):
    kesmas = [Client(workers.url, "kabid.kesmas", "kabid.kesmas") for _ in range(4)]
    period = _current_month(kesmas[0])
    [indicator] = kesmas[0].call("kinerja.skp.indicator", "search", [["skp_id.user_id", "=", kesmas[0].uid]], limit=1)
    outcomes = _race(
        [
            lambda client=client: client.call(
                "kinerja.realization", "create", {"skp_indicator_id": indicator, "period_id": period["id"], "value": 5}
            )
            for client in kesmas
        ]
    )
    created = [outcome for outcome in outcomes if isinstance(outcome, int)]
    errors = [outcome for outcome in outcomes if isinstance(outcome, RpcError)]
    assert len(created) == 1, outcomes
    assert all(_clean(error) for error in errors), [(e.name, e.message) for e in errors]
    assert (
        kesmas[0].call(
            "kinerja.realization", "search", [["skp_indicator_id", "=", indicator], ["period_id", "=", period["id"]]]
        )
        == created
    )

    # two sessions of the evaluator accept the same report at the same moment: accepted
    # once, counted once
    kesmas[0].call("kinerja.realization", "action_submit", created)
    [before] = kesmas[0].call("kinerja.skp.indicator", "read", [indicator], ["realized_value"])
    kadinkes = [Client(workers.url, "kadinkes.pariaman", "kadinkes.pariaman") for _ in range(3)]
    outcomes = _race([lambda c=c: c.call("kinerja.realization", "action_accept", created) for c in kadinkes])
    assert all(_notified(outcome) or _clean(outcome) for outcome in outcomes), outcomes
    [report] = kesmas[0].call("kinerja.realization", "read", created, ["state", "reviewed_by_id"])
    assert report["state"] == "accepted" and report["reviewed_by_id"][0] == kadinkes[0].uid
    [after] = kesmas[0].call("kinerja.skp.indicator", "read", [indicator], ["realized_value"])
    assert after["realized_value"] >= before["realized_value"]


def test_employee_withdraws_while_his_evaluator_approves(workers):
    employee = Client(workers.url, "kabid.sd", "kabid.sd")
    evaluator = Client(workers.url, "kadisdik.andir", "kadisdik.andir")
    [skp] = employee.call("kinerja.skp", "search_read", [["user_id", "=", employee.uid]], ["state"])
    assert skp["state"] == "submitted"
    outcomes = _race(
        [
            lambda: employee.call("kinerja.skp", "action_draft", [skp["id"]]),
            lambda: evaluator.call("kinerja.skp", "action_approve", [skp["id"]]),
        ]
    )
    assert all(outcome is True or _notified(outcome) or _clean(outcome) for outcome in outcomes), outcomes
    [final] = evaluator.call("kinerja.skp", "read", [skp["id"]], ["state", "approved_by_id", "verification_code"])
    # one of the two won, completely: an approved SKP carries its approver and code, a
    # withdrawn one neither
    assert final["state"] in ("draft", "approved")
    assert bool(final["approved_by_id"]) == bool(final["verification_code"]) == (final["state"] == "approved")


def test_month_end_burst_then_a_crash_loses_nothing(workers, admin):
    """Reporters and supervisors hammer the multi-worker server for a few seconds; then the
    server is killed in the middle of the traffic and restarted: every report acknowledged
    is there, none is duplicated, and the server answers again."""
    reporters = ["kadinkes.pariaman", "kabid.p2p", "kadisdik.andir"]
    readers = ["kabid.p2p", "kadinkes.pariaman", "bkpsdm.pariaman"]
    lines = {}
    for login_name in reporters:
        client = Client(workers.url, login_name, login_name)
        [skp] = client.call("kinerja.skp", "search_read", [["user_id", "=", client.uid], ["state", "=", "approved"]])
        action = client.call("kinerja.skp", "action_report_realization", [skp["id"]])
        lines[login_name] = client.call("kinerja.realization", "search", action["domain"])
        assert lines[login_name], login_name
    written, failures, lock = {}, [], threading.Lock()
    stop_at = time.time() + 12

    def report(login_name, worker):
        client = Client(workers.url, login_name, login_name)
        count = 0
        while time.time() < stop_at:
            count += 1
            line = lines[login_name][count % len(lines[login_name])]
            try:
                client.call("kinerja.realization", "write", [line], {"value": count, "note": f"{worker}-{count}"})
                with lock:
                    written.setdefault(line, set()).add(count)
            except RpcError as error:
                if not _clean(error):
                    failures.append((error.name, error.message))

    def read(login_name):
        client = Client(workers.url, login_name, login_name)
        while time.time() < stop_at:
            try:
                client.call("kinerja.skp.indicator", "search_read", [], ["achievement", "realized_value"], limit=80)
                client.call("kinerja.realization", "search_count", [["state", "=", "submitted"]])
            except RpcError as error:
                failures.append((error.name, error.message))

    with ThreadPoolExecutor(12) as pool:
        jobs = [pool.submit(report, login_name, worker) for login_name in reporters for worker in range(2)]
        jobs += [pool.submit(read, login_name) for login_name in readers for _ in range(2)]
        for job in jobs:
            job.result()
    assert not failures, failures[:5]
    assert written, "the burst wrote something"

    # the crash: kill master and workers while a second burst is in flight
    in_flight = []

    def hammer():
        client = Client(workers.url, "kabid.p2p", "kabid.p2p")
        for count in range(200):
            try:
                client.call("kinerja.realization", "write", lines["kabid.p2p"][:1], {"value": 1000 + count})
                in_flight.append(1000 + count)
            except (RpcError, requests.RequestException):
                return

    thread = threading.Thread(target=hammer)
    thread.start()
    time.sleep(1.5)
    workers.kill()
    thread.join(timeout=60)
    workers.start()

    everything = [line for ids in lines.values() for line in ids]
    rows = admin.call(
        "kinerja.realization",
        "read",
        everything,
        ["skp_indicator_id", "period_id", "value", "employee_id", "skp_id"],
        context={"allowed_company_ids": admin.call("res.company", "search", [])},
    )
    assert len(rows) == len(everything), "no report was lost"
    assert len({(r["skp_indicator_id"][0], r["period_id"][0]) for r in rows}) == len(rows), "none duplicated"
    values = {row["id"]: row["value"] for row in rows}
    for line, counts in written.items():
        if line != lines["kabid.p2p"][0]:
            assert values[line] in counts, "each report holds one of the values written to it, whole"
    if in_flight:
        # the last acknowledged write survived the crash (later ones may or may not have)
        assert values[lines["kabid.p2p"][0]] >= in_flight[-1]
    # the restarted server answers and the data it serves is whole
    client = Client(workers.url, "kabid.p2p", "kabid.p2p")
    assert client.call("kinerja.realization", "search_count", [["id", "in", lines["kabid.p2p"]]]) == len(
        lines["kabid.p2p"]
    )


# ----------------------------------------------------------------------------------------
# Upgrade with data in place
# ----------------------------------------------------------------------------------------
KINERJA_MODELS = [
    "kinerja.period",
    "kinerja.indicator",
    "kinerja.core.value",
    "kinerja.goal",
    "kinerja.goal.target",
    "kinerja.skp",
    "kinerja.skp.result",
    "kinerja.skp.indicator",
    "kinerja.skp.behavior",
    "kinerja.skp.annex",
    "kinerja.realization",
    "kinerja.feedback",
    "kinerja.coaching",
    "kinerja.evaluation",
    "kinerja.evaluation.line",
    "kinerja.org.rating",
    "kinerja.distribution.rule",
    "kinerja.objection",
]


def _snapshot(admin):
    context = {"allowed_company_ids": admin.call("res.company", "search", []), "active_test": False}
    counts = {model: admin.call(model, "search_count", [], context=context) for model in KINERJA_MODELS}
    skps = admin.call(
        "kinerja.skp",
        "search_read",
        [],
        ["state", "approved_by_id", "verification_code", "achievement"],
        context=context,
        order="id",
    )
    evaluations = admin.call(
        "kinerja.evaluation", "search_read", [], ["state", "predicate", "done_by_id"], context=context, order="id"
    )
    return counts, skps, evaluations


def test_module_upgrade_keeps_every_record(admin):
    """The database as the previous version left it (its module version and the evaluation
    rule that let an employee read his drafts) is upgraded: every record stays, the changed
    rule is rewritten by the migration."""
    [rule] = admin.call(
        "ir.model.data",
        "search_read",
        [["module", "=", "kinerja_asn"], ["name", "=", "kinerja_evaluation_rule_user_read"]],
        ["res_id"],
    )
    old_domain = (
        "['|', '|', '|', ('user_id', '=', user.id), ('employee_id', 'child_of', user.employee_ids.ids),"
        " ('evaluator_user_id', '=', user.id), ('evaluator_parent_user_id', '=', user.id)]"
    )
    admin.call("ir.rule", "write", [rule["res_id"]], {"domain_force": old_domain})
    [module] = admin.call("ir.module.module", "search", [["name", "=", "kinerja_asn"]])
    admin.call("ir.module.module", "write", [module], {"latest_version": "18.0.1.0.0"})
    before = _snapshot(admin)
    assert before[0]["kinerja.skp"] and before[0]["kinerja.realization"]
    log = VAR / "pytest-upgrade.log"
    log.unlink(missing_ok=True)
    upgrade = subprocess.run(
        _odoo("-u", "kinerja_asn", "--stop-after-init", f"--logfile={log}"), check=False, timeout=900
    )
    assert upgrade.returncode == 0, f"the upgrade failed: see {log}"
    assert " ERROR " not in log.read_text(), f"errors during the upgrade: see {log}"
    assert _snapshot(admin) == before
    [after] = admin.call("ir.rule", "read", [rule["res_id"]], ["domain_force"])
    assert "('state', '=', 'done')" in after["domain_force"], after["domain_force"]
