"""Month end under load: the generated government served as an agency runs Odoo in production,
driven by Locust, with faults injected, then checked in the database.

1. The benchmark's database (``make bench``) is copied, with its filestore, to a scratch one,
   and what the simulated browsers need is read from it (scripts/loadtest_prepare.py).
2. Odoo starts as in production: ``--workers`` HTTP workers, one cron worker
   (``--max-cron-threads=1``), ``--proxy-mode`` (the simulated browsers come through a
   proxy's X-Forwarded-* headers), memory, time and request limits as Odoo's deployment
   documentation sets them, and no database manager.
3. Locust runs headless for the given time (scripts/loadtest_locust.py), its statistics
   reset once every user has logged in. Then one HTTP worker is killed with SIGKILL and,
   later, every PostgreSQL backend of the database is terminated (``--no-faults`` to leave
   them out).
4. The database is checked: every report submitted exists once per indicator and month with
   its evidence file, every acceptance and approval seen by a supervisor holds, and the
   achievement stored on every indicator, work result and SKP equals a plain SQL
   recomputation from the reports.

The figures (requests/s, p50/p95/p99 per scenario and per call, errors by kind, the check)
are printed and written to var/loadtest.json. Run through scripts/loadtest.sh
(``make loadtest``).
"""

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

import psycopg2

HERE = os.path.dirname(os.path.abspath(__file__))
MB = 1024 * 1024


def log(message):
    print(message, flush=True)


def run(command, **kwargs):
    subprocess.run(command, check=True, **kwargs)


def copy_database(template, database, data_dir):
    log(f"==> '{database}': a copy of '{template}' and its filestore")
    run(["dropdb", "--if-exists", database])
    run(["createdb", "-T", template, database])
    target = os.path.join(data_dir, "filestore", database)
    shutil.rmtree(target, ignore_errors=True)
    source = os.path.join(data_dir, "filestore", template)
    if os.path.isdir(source):
        shutil.copytree(source, target)


def server_command(args, log_file):
    """Odoo as deployed: workers, a cron worker, proxy mode, the deployment guide's limits."""
    return [
        args.python,
        os.path.join(args.odoo_src, "odoo-bin"),
        f"--addons-path={args.addons_path}",
        f"--database={args.database}",
        f"--db-filter=^{re.escape(args.database)}$",
        "--no-database-list",
        f"--workers={args.workers}",
        "--max-cron-threads=1",
        "--proxy-mode",
        f"--http-port={args.port}",
        f"--gevent-port={args.port + 1}",
        "--http-interface=127.0.0.1",
        f"--db_maxconn={max(8, args.workers * 2 + 4)}",
        f"--limit-memory-soft={2048 * MB}",
        f"--limit-memory-hard={2560 * MB}",
        "--limit-time-cpu=600",
        "--limit-time-real=1200",
        "--limit-request=8192",
        "--log-level=info",
        f"--logfile={log_file}",
    ]


def wait_for_server(port, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/web/login", timeout=30) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"the server did not answer on port {port} within {timeout} s")


def warm_up(port, plan, rounds):
    """A server in production is warm: each worker has served the web client once (its
    templates, assets' checksums and registry caches loaded) before the morning starts."""

    for _ in range(rounds):
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1}
        payload["params"] = {"db": plan["database"], "login": plan["officers"][0], "password": plan["password"]}
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/web/session/authenticate",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with opener.open(request, timeout=300) as response:
            response.read()
        with opener.open(f"http://127.0.0.1:{port}/odoo", timeout=300) as response:
            response.read()


def http_workers(master_pid, log_file):
    """Pids of the live HTTP workers of the master (the cron worker left out)."""
    with open(log_file, errors="replace") as handle:
        text = handle.read()
    cron = set(re.findall(r"WorkerCron \((\d+)\) alive", text))
    pids = []
    for pid in re.findall(r"WorkerHTTP \((\d+)\) alive", text):
        if pid in cron:
            continue
        try:
            with open(f"/proc/{pid}/stat") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
        if ppid == master_pid:
            pids.append(int(pid))
    return pids


def terminate_backends(database):
    with psycopg2.connect(dbname="postgres") as connection, connection.cursor() as cr:
        cr.execute(
            """SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = %s AND pid <> pg_backend_pid()""",
            [database],
        )
        return cr.fetchone()[0]


def faults(master_pid, log_file, database, duration, *, ramp, started):
    """Once every user is in: SIGKILL one HTTP worker at 30% of the rest of the run, terminate
    the database backends at 60%."""
    done = []

    def at(share):
        delay = started + ramp + (duration - ramp) * share - time.time()
        if delay > 0:
            time.sleep(delay)

    at(0.3)
    workers = http_workers(master_pid, log_file)
    if workers:
        victim = workers[-1]
        os.kill(victim, signal.SIGKILL)
        done.append({"at_s": round(time.time() - started, 1), "fault": f"SIGKILL HTTP worker {victim}"})
        log(f"    fault at {done[-1]['at_s']} s: SIGKILL to HTTP worker {victim}")
    at(0.6)
    count = terminate_backends(database)
    done.append({"at_s": round(time.time() - started, 1), "fault": f"{count} PostgreSQL backends terminated"})
    log(f"    fault at {done[-1]['at_s']} s: {count} PostgreSQL backends of '{database}' terminated")
    return done


# ----------------------------------------------------------------------------------------
# The end-of-run check
# ----------------------------------------------------------------------------------------
FIGURES_SQL = """
WITH f AS (
    SELECT i.id, i.target_value::float AS target, i.direction, c.kinerja_achievement_cap AS cap,
           count(r.id) AS reported, count(r.id) FILTER (WHERE r.state = 'submitted') AS pending,
           count(r.id) FILTER (WHERE r.state = 'accepted') AS accepted,
           COALESCE(CASE i.aggregation
                WHEN 'sum' THEN sum(r.value) FILTER (WHERE r.state = 'accepted')
                WHEN 'average' THEN avg(r.value) FILTER (WHERE r.state = 'accepted')
                WHEN 'max' THEN max(r.value) FILTER (WHERE r.state = 'accepted')
                ELSE (array_agg(r.value ORDER BY r.period_date_start DESC, r.id DESC)
                      FILTER (WHERE r.state = 'accepted'))[1] END, 0)::float AS realized
      FROM kinerja_skp_indicator i
      JOIN res_company c ON c.id = i.company_id
      LEFT JOIN kinerja_realization r ON r.skp_indicator_id = i.id AND r.state IN ('submitted', 'accepted')
     WHERE i.period_id = %(year)s
  GROUP BY i.id, c.kinerja_achievement_cap),
ind AS (
    SELECT f.*, CASE WHEN f.accepted = 0 THEN 0
                     WHEN f.direction = 'lower' THEN CASE WHEN f.realized <= 0 THEN COALESCE(f.cap, 100)
                          ELSE GREATEST(0, LEAST(COALESCE(f.cap, 100), f.target / f.realized * 100)) END
                     WHEN f.target <= 0 THEN 0
                     ELSE GREATEST(0, LEAST(COALESCE(f.cap, 100), f.realized / f.target * 100)) END AS achievement
      FROM f)
SELECT
  (SELECT count(*) FROM ind JOIN kinerja_skp_indicator i ON i.id = ind.id
    WHERE abs(i.achievement - ind.achievement) > 1e-6 OR abs(i.realized_value - round(ind.realized::numeric, 2)) > 0.006
       OR i.reported_count != ind.reported OR i.pending_count != ind.pending),
  (SELECT count(*) FROM kinerja_skp_result r
     JOIN (SELECT i.result_id, avg(ind.achievement) AS a FROM ind JOIN kinerja_skp_indicator i ON i.id = ind.id
            GROUP BY i.result_id) x ON x.result_id = r.id
    WHERE abs(r.achievement - x.a) > 1e-6),
  (SELECT count(*) FROM kinerja_skp s
     JOIN (SELECT r.skp_id, avg(x.a) AS a FROM kinerja_skp_result r
             JOIN (SELECT i.result_id, avg(ind.achievement) AS a FROM ind
                     JOIN kinerja_skp_indicator i ON i.id = ind.id GROUP BY i.result_id) x ON x.result_id = r.id
            WHERE r.result_type = 'main' GROUP BY r.skp_id) y ON y.skp_id = s.id
    WHERE s.state IN ('approved', 'done') AND abs(s.achievement - y.a) > 1e-6),
  (SELECT count(*) FROM ind)
"""


def check(database, plan, recorded):
    """What the run did, as the database holds it: nothing lost, nothing doubled."""
    problems = []
    with psycopg2.connect(dbname=database) as connection, connection.cursor() as cr:
        submitted = sorted({i for ids in recorded["submitted"].values() for i in ids})
        cr.execute(
            """
            SELECT r.id, r.state, r.skp_indicator_id, r.period_id, r.submitted_date IS NOT NULL,
                   (SELECT count(*) FROM kinerja_realization_attachment_rel rel
                      JOIN ir_attachment a ON a.id = rel.attachment_id
                     WHERE rel.realization_id = r.id AND a.res_model = 'kinerja.realization' AND a.res_id = r.id
                       AND a.mimetype = 'application/pdf' AND a.file_size > 0),
                   (SELECT array_agg(a.store_fname) FROM kinerja_realization_attachment_rel rel
                      JOIN ir_attachment a ON a.id = rel.attachment_id WHERE rel.realization_id = r.id)
              FROM kinerja_realization r WHERE r.id = ANY(%s)
            """,
            [submitted],
        )
        rows = {row[0]: row for row in cr.fetchall()}
        missing = [i for i in submitted if i not in rows]
        not_submitted = [i for i, row in rows.items() if row[1] not in ("submitted", "accepted", "rejected")]
        without_evidence = [i for i, row in rows.items() if row[5] < 1]
        several_files = [i for i, row in rows.items() if row[5] > 1]
        files_missing = [
            i
            for i, row in rows.items()
            for fname in (row[6] or [])
            if fname and not os.path.isfile(os.path.join(plan["data_dir"], "filestore", database, fname))
        ]
        # once: one report per indicator and month, and each of the employee's indicators reported
        cr.execute(
            """
            SELECT count(*) FROM (SELECT skp_indicator_id, period_id FROM kinerja_realization
                                   GROUP BY skp_indicator_id, period_id HAVING count(*) > 1) d
            """
        )
        doubled = cr.fetchone()[0]
        logins = list(recorded["submitted"])
        cr.execute(
            """
            SELECT u.login, count(i.id), count(r.id) FILTER (WHERE r.state IN ('submitted', 'accepted', 'rejected'))
              FROM res_users u
              JOIN kinerja_skp s ON s.user_id = u.id AND s.period_id = %s AND s.state = 'approved'
              JOIN kinerja_skp_indicator i ON i.skp_id = s.id
              LEFT JOIN kinerja_realization r ON r.skp_indicator_id = i.id AND r.period_id = %s
             WHERE u.login = ANY(%s)
          GROUP BY u.login
            """,
            [plan["year_id"], plan["month_id"], logins],
        )
        incomplete = [login for login, indicators, reported in cr.fetchall() if indicators != reported]
        cr.execute(
            "SELECT count(*) FROM kinerja_realization WHERE id = ANY(%s) AND state != 'accepted'",
            [recorded["accepted"]],
        )
        acceptance_lost = cr.fetchone()[0]
        cr.execute(
            "SELECT count(*) FROM kinerja_realization WHERE id = ANY(%s) AND state = 'submitted'",
            [recorded["rejected"]],
        )
        rejection_lost = cr.fetchone()[0]
        cr.execute(
            "SELECT count(*) FROM kinerja_skp WHERE id = ANY(%s) AND state != 'approved'", [recorded["approved"]]
        )
        approval_lost = cr.fetchone()[0]
        cr.execute(FIGURES_SQL, {"year": plan["year_id"]})
        bad_indicators, bad_results, bad_skps, indicators = cr.fetchone()
    result = {
        "reports_submitted": len(submitted),
        "employees_submitted": len(logins),
        "reports_missing": len(missing),
        "reports_not_submitted": len(not_submitted),
        "reports_without_evidence": len(without_evidence),
        "reports_with_several_files": len(several_files),
        "evidence_files_missing": len(files_missing),
        "reports_doubled": doubled,
        "employees_with_month_incomplete": len(incomplete),
        "acceptances": len(recorded["accepted"]),
        "acceptances_lost": acceptance_lost,
        "rejections": len(recorded["rejected"]),
        "rejections_lost": rejection_lost,
        "approvals": len(recorded["approved"]),
        "approvals_lost": approval_lost,
        "indicators_checked": indicators,
        "indicators_differing_from_sql": bad_indicators,
        "results_differing_from_sql": bad_results,
        "skps_differing_from_sql": bad_skps,
    }
    for key in (
        "reports_missing",
        "reports_not_submitted",
        "reports_without_evidence",
        "evidence_files_missing",
        "reports_doubled",
        "employees_with_month_incomplete",
        "acceptances_lost",
        "rejections_lost",
        "approvals_lost",
        "indicators_differing_from_sql",
        "results_differing_from_sql",
        "skps_differing_from_sql",
    ):
        if result[key]:
            problems.append(f"{key}: {result[key]}")
    result["ok"] = not problems
    result["problems"] = problems
    return result


def login_figures(values):
    """Percentiles of the logins (kept apart: they happen while the users arrive)."""
    if not values:
        return {}

    def percentile(share):
        return values[min(len(values) - 1, int(share * len(values)))]

    return {"count": len(values), "p50": percentile(0.5), "p95": percentile(0.95), "p99": percentile(0.99)}


def print_table(recorded, checked):
    header = f"{'Scenario / call':78} {'count':>6} {'fail':>5} {'rps':>6} {'p50':>6} {'p95':>6} {'p99':>6}"
    log("")
    log(header + "   (ms)")
    log("-" * len(header))
    stats = sorted(recorded["stats"], key=lambda s: (s["type"] != "SCENARIO", s["name"]))
    for row in stats:
        name = ("[scenario] " if row["type"] == "SCENARIO" else "  ") + row["name"]
        log(
            f"{name[:78]:78} {row['requests']:>6} {row['failures']:>5} {row['rps']:>6} "
            f"{row['p50']:>6.0f} {row['p95']:>6.0f} {row['p99']:>6.0f}"
        )
    total = recorded["total"]
    log("-" * len(header))
    log(
        f"{'all calls':78} {total['requests']:>6} {total['failures']:>5} {total['rps']:>6} "
        f"{total['p50']:>6.0f} {total['p95']:>6.0f} {total['p99']:>6.0f}"
    )
    login = login_figures(recorded["login_ms"])
    if login:
        log(
            f"log in (authenticate, web client page, menus) while the users arrive: {login['count']} logins, "
            f"p50 {login['p50']} ms, p95 {login['p95']} ms, p99 {login['p99']} ms"
        )
    log("")
    log("errors by kind: " + (json.dumps(recorded["errors"], indent=1) if recorded["errors"] else "none"))
    log(
        "refusals by the application: "
        + (json.dumps(recorded["refusals"], indent=1) if recorded["refusals"] else "none")
    )
    for key, message in recorded.get("refusal_messages", {}).items():
        log(f"    {key}: {message}")
    log(f"calls retried by the simulated users: {recorded['retried']}")
    log("")
    log("end-of-run check of the database: " + ("ok" if checked["ok"] else "FAILED: " + "; ".join(checked["problems"])))
    for key, value in checked.items():
        if key not in ("ok", "problems"):
            log(f"    {key}: {value}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--template", required=True, help="the benchmark's database")
    parser.add_argument("--database", required=True, help="the scratch copy served")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--odoo-src", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--locust", required=True, help="the locust executable")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--duration", type=int, default=120, help="seconds")
    parser.add_argument("--port", type=int, default=8269)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--no-faults", action="store_true")
    parser.add_argument("--var", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    plan_file = os.path.join(args.var, "loadtest-plan.json")
    events_file = os.path.join(args.var, "loadtest-events.json")
    server_log = os.path.join(args.var, "loadtest-server.log")
    locust_log = os.path.join(args.var, "loadtest-locust.log")

    data_dir = subprocess.run(
        [args.python, "-c", "from odoo.tools import config; print(config['data_dir'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    copy_database(args.template, args.database, data_dir)
    log("==> what the simulated browsers need (logins, actions, views)")
    run(
        [
            args.python,
            os.path.join(HERE, "loadtest_prepare.py"),
            "--database",
            args.database,
            "--addons-path",
            args.addons_path,
            "--output",
            plan_file,
        ]
    )
    with open(plan_file) as handle:
        plan = json.load(handle)

    log(f"==> Odoo on port {args.port}: {args.workers} HTTP workers, 1 cron worker, proxy mode (log: {server_log})")
    if os.path.exists(server_log):
        os.unlink(server_log)
    server = subprocess.Popen(server_command(args, server_log), start_new_session=True)
    result = {}
    try:
        wait_for_server(args.port)
        warm_up(args.port, plan, args.workers * 3)
        log(
            f"==> Locust: {args.users} users ({args.spawn_rate}/s), {args.duration} s, "
            f"N={plan['n']} (log: {locust_log})"
        )
        env = dict(os.environ, LOADTEST_PLAN=plan_file, LOADTEST_EVENTS=events_file, LOADTEST_THINK=str(args.think))
        if os.path.exists(events_file):
            os.unlink(events_file)
        started = time.time()
        with open(locust_log, "w") as out:
            locust = subprocess.Popen(
                [
                    args.locust,
                    "-f",
                    os.path.join(HERE, "loadtest_locust.py"),
                    "--headless",
                    "--users",
                    str(args.users),
                    "--spawn-rate",
                    str(args.spawn_rate),
                    "--run-time",
                    f"{args.duration}s",
                    "--stop-timeout",
                    "60",
                    "--host",
                    f"http://127.0.0.1:{args.port}",
                    "--only-summary",
                    "--reset-stats",
                    "--exit-code-on-error",
                    "0",
                ],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            ramp = min(args.users / args.spawn_rate, args.duration * 0.5)
            injected = (
                []
                if args.no_faults
                else faults(server.pid, server_log, args.database, args.duration, ramp=ramp, started=started)
            )
            locust.wait()
        elapsed = time.time() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    if not os.path.exists(events_file):
        raise SystemExit(f"Locust wrote no results: see {locust_log}")
    with open(events_file) as handle:
        recorded = json.load(handle)
    log("==> checking the database")
    checked = check(args.database, plan, recorded)
    with open(server_log, errors="replace") as handle:
        server_errors = sum(1 for line in handle if " ERROR " in line or " CRITICAL " in line)
    result = {
        "n": plan["n"],
        "workers": args.workers,
        "users": args.users,
        "duration_s": args.duration,
        "elapsed_s": round(elapsed, 1),
        "think": args.think,
        "date": time.strftime("%Y-%m-%d"),
        "faults": injected,
        "server_log_errors": server_errors,
        "total": recorded["total"],
        "stats": recorded["stats"],
        "errors": recorded["errors"],
        "refusals": recorded["refusals"],
        "refusal_messages": recorded.get("refusal_messages", {}),
        "retried": recorded["retried"],
        "logins": recorded["logins"],
        "login": login_figures(recorded["login_ms"]),
        "check": checked,
    }
    print_table(recorded, checked)
    log(f"\nserver log: {server_errors} ERROR/CRITICAL lines ({server_log})")
    with open(args.output, "w") as handle:
        json.dump(result, handle, indent=1)
    log(f"written to {args.output}")
    return 0 if checked["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
