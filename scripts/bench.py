"""Benchmark of kinerja_asn at the scale of a whole government.

Generates N employees (env N, default 10000) in ~40 departments (head of agency > heads of
department > section heads > staff), each with an approved SKP of 3 work results x 2
indicators for the current year, 12 monthly realisation reports per indicator and signed
periodic evaluations for months 1-11; with LOAD_USERS (default 300) some of them get logins
for the load test (``make loadtest``, scripts/loadtest.py): that many employees who report the
current month, their section heads, and performance officers; then measures the month-end paths (wall time, SQL
queries, and for reads a plain-SQL "floor" reading the same data) and prints them as a table
and as JSON.

Bulk rows are written with INSERT ... SELECT, every stored column filled as the ORM would
(related and computed columns included); the two users measured and the departments are
created with the ORM. Run it through scripts/bench.sh (``make bench``).
"""

import argparse
import io
import json
import logging
import os
import random
import sys
import time
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from lxml import etree

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config

_logger = logging.getLogger("kinerja.bench")

DEPARTMENTS = 40
SECTION_SIZE = 15  # staff per section head
SUPERVISOR_TARGET = 300  # people below the measured supervisor
# Load-test users: in each section chosen, REPORTERS staff get a login and have the current
# month still to report, NEWCOMERS staff have just submitted their SKP (for approval in bulk).
REPORTERS = 10
NEWCOMERS = 2
LOAD_PASSWORD = "kinerja-load"
OFFICERS = 3
FIRST = "Andi Budi Citra Dewi Eko Fitri Gita Hadi Indah Joko Kartika Lestari Maya Nanda Oki Putri Rina Sari Tono Wati"
LAST = "Saputra Santoso Wijaya Lubis Siregar Nasution Harahap Pratama Hidayat Kusuma Rahman Syahputra Utami Permana"
UNITS = (
    "Dinas Kesehatan,Dinas Pendidikan,Dinas Sosial,Dinas Perhubungan,Dinas Pertanian,Dinas Pariwisata,"
    "Dinas Koperasi,Dinas Perindustrian,Dinas Perdagangan,Dinas Kelautan,Dinas Kehutanan,Dinas Pekerjaan Umum,"
    "Dinas Perumahan,Dinas Lingkungan Hidup,Dinas Kependudukan,Dinas Tenaga Kerja,Dinas Komunikasi,"
    "Dinas Kepemudaan,Dinas Perpustakaan,Dinas Kearsipan,Dinas Ketahanan Pangan,Dinas Peternakan,"
    "Dinas Energi,Dinas Penanaman Modal,Dinas Pemberdayaan Masyarakat,Dinas Kebudayaan,Inspektorat,"
    "Badan Kepegawaian,Badan Keuangan,Badan Perencanaan,Badan Pendapatan,Badan Penanggulangan Bencana,"
    "Badan Kesatuan Bangsa,Satuan Polisi Pamong Praja,Sekretariat DPRD,Biro Hukum,Biro Organisasi,"
    "Biro Umum,Biro Pemerintahan,Rumah Sakit Umum Daerah"
).split(",")


def log(message):
    print(message, flush=True)


@contextmanager
def timed(label):
    start = time.perf_counter()
    yield
    log(f"    {label}: {time.perf_counter() - start:.1f} s")


# ----------------------------------------------------------------------------------------
# Generation
# ----------------------------------------------------------------------------------------
def store_figures(cr, cap, indicator_ids=None):
    """The stored realisation and achievement of indicators (all, or ``indicator_ids``), then
    of their work results and SKPs, aggregated in plain SQL as the ORM computes them."""
    only = "AND r.skp_indicator_id = ANY(%(ids)s)" if indicator_ids is not None else ""
    cr.execute(
        f"""
        UPDATE kinerja_skp_indicator i
           SET realized_value = round(f.realized::numeric, 2),
               achievement = CASE WHEN f.accepted = 0 OR i.target_value <= 0 THEN 0
                                  ELSE GREATEST(0, LEAST(%(cap)s, f.realized / i.target_value * 100)) END,
               reported_count = f.reported, pending_count = f.pending, last_reported_date = f.last_date
          FROM (SELECT r.skp_indicator_id,
                       count(*) FILTER (WHERE r.state = 'accepted') AS accepted,
                       CASE WHEN min(ind.aggregation) = 'sum'
                            THEN COALESCE(sum(r.value) FILTER (WHERE r.state = 'accepted'), 0)
                            ELSE COALESCE(avg(r.value) FILTER (WHERE r.state = 'accepted'), 0) END AS realized,
                       count(*) AS reported,
                       count(*) FILTER (WHERE r.state = 'submitted') AS pending,
                       max(r.period_date_start) AS last_date
                  FROM kinerja_realization r JOIN kinerja_skp_indicator ind ON ind.id = r.skp_indicator_id
                 WHERE r.state IN ('submitted', 'accepted') {only}
              GROUP BY r.skp_indicator_id) f
         WHERE f.skp_indicator_id = i.id
        """,
        {"cap": cap, "ids": indicator_ids},
    )
    only = "WHERE id = ANY(%(ids)s)" if indicator_ids is not None else ""
    cr.execute(
        f"""
        UPDATE kinerja_skp_result r SET achievement = f.avg
          FROM (SELECT result_id, avg(achievement) AS avg FROM kinerja_skp_indicator {only} GROUP BY result_id) f
         WHERE f.result_id = r.id
        """,
        {"ids": indicator_ids},
    )
    only = (
        "AND skp_id IN (SELECT skp_id FROM kinerja_skp_indicator WHERE id = ANY(%(ids)s))"
        if indicator_ids is not None
        else ""
    )
    cr.execute(
        f"""
        UPDATE kinerja_skp s SET achievement = f.avg
          FROM (SELECT skp_id, avg(achievement) AS avg FROM kinerja_skp_result
                 WHERE result_type = 'main' {only} GROUP BY skp_id) f
         WHERE f.skp_id = s.id
        """,
        {"ids": indicator_ids},
    )


class Generator:
    def __init__(self, env, n, load_users=0):
        self.env = env
        self.cr = env.cr
        self.n = n
        self.load_users = load_users
        self.load = {}
        self.company = env.ref("base.main_company")
        self.today = date.today()
        self.year_number = self.today.year
        self.now = datetime.now().replace(microsecond=0)

    def run(self):
        env = self.env
        with timed("periods, departments and goals (ORM)"):
            self._periods()
            self._departments()
        with timed(f"{self.n} employees (SQL)"):
            self._employees()
        with timed("users of the supervisor and the employee measured (ORM)"):
            self._users()
        if self.load_users:
            with timed(f"load-test users: {self.load_users} employees, their section heads, officers (ORM)"):
                self._load_users()
        with timed("goals (ORM)"):
            self._goals()
        bulk = ["kinerja_skp_result", "kinerja_skp_indicator", "kinerja_skp_behavior", "kinerja_skp_annex"]
        bulk += ["kinerja_realization", "kinerja_evaluation"]
        with self._without_indexes(bulk):
            with timed(f"{self.n} approved SKPs, results, indicators, core values, annex (SQL)"):
                self._skps()
            with timed(f"{self.n * 72} realisation reports (SQL)"):
                self._realizations()
            if self.load_users:
                self._load_state()
            with timed("stored figures of indicators, results and SKPs (SQL)"):
                self._figures()
            with timed(f"{self.n * 11} signed evaluations of months 1-11 (SQL)"):
                self._evaluations()
        if self.load:
            # the newcomers' SKPs wait for approval, with their activities, as the ORM leaves them
            env.invalidate_all()
            env["kinerja.skp"].browse(self.load["newcomer_skp_ids"]).activity_update()
            env.flush_all()
        with timed("ANALYZE"):
            self.cr.execute("ANALYZE")
        env.invalidate_all()
        self._check_consistency()
        info = {
            "year_id": self.year.id,
            "december_id": self.december.id,
            "supervisor_user_id": self.supervisor_user.id,
            "supervisor_employee_id": self.supervisor.id,
            "supervisor_team_size": self.team_size,
            "employee_user_id": self.employee_user.id,
            "n": self.n,
            "load": {k: v for k, v in self.load.items() if k != "newcomer_skp_ids"},
        }
        env["ir.config_parameter"].set_param("kinerja_asn.bench_info", json.dumps(info))
        return info

    @contextmanager
    def _without_indexes(self, tables):
        """Bulk inserts without the secondary indexes, created again afterwards (far faster
        than maintaining them row by row); unique ones stay, they guard the data."""
        self.cr.execute(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
              JOIN pg_class c ON c.relname = i.indexname
              JOIN pg_index x ON x.indexrelid = c.oid
             WHERE i.tablename = ANY(%s) AND NOT x.indisunique
            """,
            [tables],
        )
        indexes = self.cr.fetchall()
        for name, _definition in indexes:
            self.cr.execute(f'DROP INDEX "{name}"')
        # no foreign-key triggers either: the rows are consistent by construction
        self.cr.execute("SET session_replication_role = replica")
        yield
        self.cr.execute("SET session_replication_role = DEFAULT")
        with timed(f"{len(indexes)} indexes created again"):
            for _name, definition in indexes:
                self.cr.execute(definition)

    # -- periods, departments -------------------------------------------------------------
    def _periods(self):
        self.company.kinerja_frequency = "month"
        Period = self.env["kinerja.period"]
        self.year = Period._create_year(self.year_number, self.company)
        self.year.action_open()
        self.year.child_ids.action_open()
        self.months = self.year.child_ids.sorted("date_start")
        self.december = self.months[-1]

    def _departments(self):
        Department = self.env["hr.department"]
        self.root = Department.create({"name": "Pemerintah Provinsi (Bench)", "company_id": self.company.id})
        self.departments = Department.create(
            [{"name": name, "parent_id": self.root.id, "company_id": self.company.id} for name in UNITS[:DEPARTMENTS]]
        )

    # -- employees ------------------------------------------------------------------------
    def _plan(self):
        """The hierarchy, as rows of (idx, parent_idx, department, role...): department sizes
        vary from 0.1 to 1.9 times the average, so that one head has about 300 people below."""
        rng = random.Random(42)
        firsts, lasts = FIRST.split(), LAST.split()
        rows = []
        ranks = {
            "jpt": ["iv_c", "iv_d"],
            "administrator": ["iv_a", "iv_b"],
            "supervisor": ["iii_c", "iii_d"],
            "executor": ["ii_c", "ii_d", "iii_a", "iii_b"],
            "functional": ["iii_a", "iii_b", "iii_c"],
        }
        levels = ["terampil", "mahir", "ahli_pertama", "ahli_muda"]

        def add(parent, department, position_type, job_title):
            idx = len(rows)
            birth = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 35))
            nip = (
                f"{birth:%Y%m%d}{rng.randrange(1990, 2024)}{rng.randrange(1, 13):02d}{rng.choice('12')}{idx % 1000:03d}"
            )
            rows.append(
                {
                    "idx": idx,
                    "parent_idx": parent,
                    "name": f"{rng.choice(firsts)} {rng.choice(lasts)} {idx:05d}",
                    "nip": nip,
                    "department_id": department.id,
                    "job_title": job_title,
                    "position_type": position_type,
                    "rank": rng.choice(ranks[position_type]),
                    "functional_level": rng.choice(levels) if position_type == "functional" else None,
                }
            )
            return idx

        head = add(None, self.root, "jpt", "Sekretaris Daerah")
        weights = [0.1 + 1.8 * i / (DEPARTMENTS - 1) for i in range(DEPARTMENTS)]
        rng.shuffle(weights)
        remaining = self.n - 1
        sizes = [max(1, int(remaining * w / sum(weights))) for w in weights]
        sizes[-1] += remaining - sum(sizes)
        self.dept_heads = {}
        for department, size in zip(self.departments, sizes, strict=True):
            dept_head = add(head, department, "jpt", f"Kepala {department.name}")
            self.dept_heads[department.id] = dept_head
            staff_left = size - 1
            sections = max(1, -(-staff_left // (SECTION_SIZE + 1)))
            for section in range(sections):
                if staff_left <= 0:
                    break
                section_head = add(dept_head, department, "supervisor", f"Kepala Seksi {section + 1}")
                staff_left -= 1
                for _ in range(min(SECTION_SIZE, staff_left)):
                    position = "functional" if rng.random() < 0.4 else "executor"
                    add(
                        section_head, department, position, "Analis" if position == "functional" else "Pengadministrasi"
                    )
                    staff_left -= 1
        assert len(rows) == self.n, (len(rows), self.n)
        # NIPs are unique per company
        seen = set()
        for row in rows:
            while row["nip"] in seen:
                row["nip"] = str(int(row["nip"][:8]) + 1) + row["nip"][8:]
                try:
                    date(int(row["nip"][:4]), int(row["nip"][4:6]), int(row["nip"][6:8]))
                except ValueError:
                    row["nip"] = "19800101" + row["nip"][8:]
            seen.add(row["nip"])
        self.dept_sizes = dict(zip(self.departments.ids, sizes, strict=True))
        return rows

    def _copy(self, table, columns, rows):
        buffer = io.StringIO()
        for row in rows:
            buffer.write("\t".join("\\N" if row[c] is None else str(row[c]).replace("\t", " ") for c in columns) + "\n")
        buffer.seek(0)
        self.cr._obj.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)

    def _employees(self):
        cr = self.cr
        rows = self._plan()
        head_row = rows[0]
        # the head of agency with the ORM: the template of every other employee's constant columns
        self.head = self.env["hr.employee"].create(
            {
                "name": head_row["name"],
                "nip": head_row["nip"],
                "department_id": head_row["department_id"],
                "job_title": head_row["job_title"],
                "position_type": "jpt",
                "rank": head_row["rank"],
                "asn_type": "pns",
            }
        )
        self.env.flush_all()
        cr.execute(
            """CREATE TEMP TABLE bench_emp (idx int PRIMARY KEY, parent_idx int, name varchar, nip varchar,
               department_id int, job_title varchar, position_type varchar, rank varchar,
               functional_level varchar, resource_id int, employee_id int)"""
        )
        columns = ["idx", "parent_idx", "name", "nip", "department_id", "job_title", "position_type", "rank"]
        columns.append("functional_level")
        self._copy("bench_emp", columns, rows)
        cr.execute(
            "UPDATE bench_emp SET employee_id = %s, resource_id = %s WHERE idx = 0",
            [self.head.id, self.head.resource_id.id],
        )
        cr.execute(
            """
            WITH new AS (
                INSERT INTO resource_resource (name, company_id, calendar_id, resource_type, tz, active,
                                               time_efficiency, create_uid, write_uid, create_date, write_date)
                SELECT b.name, t.company_id, t.calendar_id, t.resource_type, t.tz, true, t.time_efficiency,
                       1, 1, %(now)s, %(now)s
                  FROM bench_emp b, resource_resource t
                 WHERE t.id = %(template)s AND b.idx > 0
                 ORDER BY b.idx
             RETURNING id, name)
            UPDATE bench_emp b SET resource_id = new.id FROM new WHERE new.name = b.name AND b.idx > 0
            """,
            {"now": self.now, "template": self.head.resource_id.id},
        )
        cr.execute(
            """
            WITH new AS (
                INSERT INTO hr_employee (resource_id, company_id, resource_calendar_id, name, active, department_id,
                                         job_title, nip, rank, position_type, functional_level, asn_type,
                                         employee_type, marital, distance_home_work_unit, distance_home_work,
                                         km_home_work, work_permit_scheduled_activity, is_flexible,
                                         is_fully_flexible, color, lang,
                                         create_uid, write_uid, create_date, write_date)
                SELECT b.resource_id, t.company_id, t.resource_calendar_id, b.name, true, b.department_id,
                       b.job_title, b.nip, b.rank, b.position_type, b.functional_level, 'pns',
                       t.employee_type, t.marital, t.distance_home_work_unit, t.distance_home_work,
                       t.km_home_work, t.work_permit_scheduled_activity, t.is_flexible,
                       t.is_fully_flexible, 0, t.lang, 1, 1, %(now)s, %(now)s
                  FROM bench_emp b, hr_employee t
                 WHERE t.id = %(template)s AND b.idx > 0
                 ORDER BY b.idx
             RETURNING id, resource_id)
            UPDATE bench_emp b SET employee_id = new.id FROM new WHERE new.resource_id = b.resource_id
            """,
            {"now": self.now, "template": self.head.id},
        )
        cr.execute(
            """UPDATE hr_employee e SET parent_id = p.employee_id, coach_id = p.employee_id
                 FROM bench_emp b JOIN bench_emp p ON p.idx = b.parent_idx
                WHERE e.id = b.employee_id"""
        )
        # heads of the departments are their managers (in SQL: the ORM would re-parent people)
        cr.execute(
            """UPDATE hr_department d SET manager_id = b.employee_id
                 FROM bench_emp b
                WHERE b.department_id = d.id AND b.position_type = 'jpt'"""
        )
        self.env["hr.employee"]._parent_store_compute()
        cr.execute("SELECT idx, employee_id FROM bench_emp")
        self.employee_of = dict(cr.fetchall())
        self.rows = rows
        self.env.invalidate_all()

    def _users(self):
        # the head of department whose people number closest to SUPERVISOR_TARGET
        department_id = min(self.dept_sizes, key=lambda d: abs(self.dept_sizes[d] - 1 - SUPERVISOR_TARGET))
        self.team_size = self.dept_sizes[department_id] - 1
        supervisor_idx = self.dept_heads[department_id]
        employee_idx = next(
            r["idx"]
            for r in self.rows
            if r["department_id"] == department_id and r["position_type"] in ("executor", "functional")
        )
        Employee = self.env["hr.employee"]
        Users = self.env["res.users"].with_context(no_reset_password=True)
        group_user = self.env.ref("base.group_user")
        self.supervisor = Employee.browse(self.employee_of[supervisor_idx])
        self.employee = Employee.browse(self.employee_of[employee_idx])
        self.supervisor_user = Users.create(
            {
                "name": self.supervisor.name,
                "login": "bench.supervisor",
                "password": "bench.supervisor",
                "groups_id": [(6, 0, group_user.ids)],
            }
        )
        self.employee_user = Users.create(
            {
                "name": self.employee.name,
                "login": "bench.employee",
                "password": "bench.employee",
                "groups_id": [(6, 0, group_user.ids)],
            }
        )
        self.supervisor.user_id = self.supervisor_user
        self.employee.user_id = self.employee_user
        self.env.flush_all()

    def _load_users(self):
        """Logins for the load test: REPORTERS staff of each section (outside the measured
        supervisor's department) until ``load_users`` of them, their section heads, and
        OFFICERS performance officers. One password for all, hashed once (the KDF is slow by
        design: 600,000 rounds), written in SQL."""
        bench_department = self.supervisor.department_id.id
        children = {}
        for row in self.rows:
            children.setdefault(row["parent_idx"], []).append(row)
        reporters, newcomers, heads = [], [], []
        for row in self.rows:
            if len(reporters) >= self.load_users:
                break
            if row["position_type"] != "supervisor" or row["department_id"] == bench_department:
                continue
            staff = [r for r in children.get(row["idx"], []) if r["position_type"] in ("executor", "functional")]
            if len(staff) < REPORTERS + NEWCOMERS:
                continue
            heads.append(row)
            reporters += staff[:REPORTERS]
            newcomers += staff[REPORTERS : REPORTERS + NEWCOMERS]
        reporters = reporters[: self.load_users]
        Users = self.env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
        group_user = self.env.ref("base.group_user")
        group_officer = self.env.ref("kinerja_asn.group_kinerja_officer")
        people = [(f"load.employee.{i:04d}", row) for i, row in enumerate(reporters, start=1)]
        people += [(f"load.supervisor.{i:03d}", row) for i, row in enumerate(heads, start=1)]
        users = Users.create(
            [
                {
                    "name": row["name"],
                    "login": login,
                    "email": f"{login}@bench.example.go.id",
                    "groups_id": [(6, 0, group_user.ids)],
                }
                for login, row in people
            ]
            + [
                {
                    "name": f"Pengelola Kinerja {i}",
                    "login": f"load.officer.{i}",
                    "email": f"load.officer.{i}@bench.example.go.id",
                    "groups_id": [(6, 0, (group_user | group_officer).ids)],
                }
                for i in range(1, OFFICERS + 1)
            ]
        )
        Employee = self.env["hr.employee"]
        for user, (_login, row) in zip(users, people, strict=False):
            Employee.browse(self.employee_of[row["idx"]]).user_id = user
        self.env.flush_all()
        hashed = users[:1]._crypt_context().hash(LOAD_PASSWORD)
        self.cr.execute("UPDATE res_users SET password = %s WHERE id = ANY(%s)", [hashed, users.ids])
        self.load = {
            "password": LOAD_PASSWORD,
            "employees": [login for login, _row in people if login.startswith("load.employee")],
            "supervisors": [login for login, _row in people if login.startswith("load.supervisor")],
            "officers": [f"load.officer.{i}" for i in range(1, OFFICERS + 1)],
            "reporter_employee_ids": [self.employee_of[r["idx"]] for r in reporters],
            "newcomer_employee_ids": [self.employee_of[r["idx"]] for r in newcomers],
        }
        self.env.invalidate_all()

    def _load_state(self):
        """Month end as the load test finds it: the reporters have the current month still to
        report; the newcomers' SKPs are submitted, waiting for approval, with nothing reported."""
        cr = self.cr
        month = self.months.filtered(lambda m: m.date_start <= self.today <= m.date_end)[:1] or self.december
        cr.execute(
            "DELETE FROM kinerja_realization WHERE period_id = %s AND employee_id = ANY(%s)",
            [month.id, self.load["reporter_employee_ids"]],
        )
        cr.execute("DELETE FROM kinerja_realization WHERE employee_id = ANY(%s)", [self.load["newcomer_employee_ids"]])
        cr.execute(
            """UPDATE kinerja_skp SET state = 'submitted', approved_date = NULL, approved_by_id = NULL,
                      verification_code = NULL
                WHERE employee_id = ANY(%s) AND period_id = %s RETURNING id""",
            [self.load["newcomer_employee_ids"], self.year.id],
        )
        self.load["newcomer_skp_ids"] = [row[0] for row in cr.fetchall()]
        cr.execute(
            "UPDATE kinerja_skp_result SET state = 'submitted' WHERE skp_id = ANY(%s)", [self.load["newcomer_skp_ids"]]
        )
        cr.execute(
            "UPDATE kinerja_skp_indicator SET state = 'submitted' WHERE skp_id = ANY(%s)",
            [self.load["newcomer_skp_ids"]],
        )
        self.load["month_id"] = month.id
        self.load["year_id"] = self.year.id

    def _goals(self):
        Goal = self.env["kinerja.goal"]
        self.goals = Goal.create(
            [
                {
                    "name": name,
                    "goal_type": "goal",
                    "department_id": self.root.id,
                    "period_id": self.year.id,
                    "company_id": self.company.id,
                }
                for name in (
                    "Meningkatnya kualitas pelayanan publik",
                    "Meningkatnya kesejahteraan masyarakat",
                    "Terwujudnya tata kelola pemerintahan yang baik",
                )
            ]
        )
        self.env.flush_all()

    # -- SKP structure --------------------------------------------------------------------
    def _skps(self):
        cr = self.cr
        Employee = self.env["hr.employee"]
        rank_labels = dict(Employee._fields["rank"]._description_selection(self.env))
        cr.execute("CREATE TEMP TABLE bench_rank (key varchar PRIMARY KEY, label varchar)")
        self._copy("bench_rank", ["key", "label"], [{"key": k, "label": v} for k, v in rank_labels.items()])
        params = {
            "now": self.now,
            "year": self.year.id,
            "year_name": self.year.name,
            "start": self.year.date_start,
            "end": self.year.date_end,
            "submitted": datetime(self.year_number, 1, 10, 9, 0),
            "approved": datetime(self.year_number, 1, 20, 9, 0),
        }

        def person(alias):
            return f"""
            {alias}.name, {alias}.nip, {alias}_rank.label, COALESCE({alias}.job_title, {alias}_job.name->>'en_US'),
            {alias}_dep.complete_name"""

        def joins(alias, on, kind="LEFT JOIN"):
            return f"""
            {kind} hr_employee {alias} ON {alias}.id = {on}
            LEFT JOIN bench_rank {alias}_rank ON {alias}_rank.key = {alias}.rank
            LEFT JOIN hr_job {alias}_job ON {alias}_job.id = {alias}.job_id
            LEFT JOIN hr_department {alias}_dep ON {alias}_dep.id = {alias}.department_id"""

        cr.execute(
            f"""
            INSERT INTO kinerja_skp (name, employee_id, user_id, department_id, job_id, period_id, date_start,
                date_end, approach, use_weights, evaluator_id, evaluator_user_id, evaluator_parent_id,
                evaluator_parent_user_id, state, achievement, submitted_date, approved_date, approved_by_id,
                verification_code, company_id,
                employee_name, employee_nip, employee_rank, employee_position, employee_unit,
                evaluator_name, evaluator_nip, evaluator_rank, evaluator_position, evaluator_unit,
                evaluator_parent_name, evaluator_parent_nip, evaluator_parent_rank, evaluator_parent_position,
                evaluator_parent_unit, create_uid, write_uid, create_date, write_date)
            SELECT 'SKP ' || e.name || ' ' || %(year_name)s, e.id, e.user_id, e.department_id, e.job_id,
                   %(year)s, %(start)s, %(end)s, 'quantitative', false, p.id, p.user_id, pp.id, pp.user_id,
                   'approved', 0, %(submitted)s, %(approved)s, p.user_id,
                   substr(md5(random()::text || e.id::text), 1, 16), e.company_id,
                   {person("e")}, {person("p")}, {person("pp")},
                   1, 1, %(now)s, %(now)s
              FROM bench_emp b
              {joins("e", "b.employee_id", "JOIN")}
              {joins("p", "e.parent_id")}
              {joins("pp", "p.parent_id")}
             ORDER BY b.idx
            """,
            params,
        )
        # three main work results per SKP; each supports the same-numbered result of the evaluator,
        # the head of agency's carry the goals (so every result carries a goal through the cascade)
        cr.execute(
            """
            INSERT INTO kinerja_skp_result (sequence, skp_id, result_type, name, employee_id, period_id,
                department_id, state, company_id, achievement, create_uid, write_uid, create_date, write_date)
            SELECT k, s.id, 'main',
                   CASE k WHEN 1 THEN 'Terlaksananya pelayanan ' WHEN 2 THEN 'Tersusunnya laporan kinerja '
                          ELSE 'Terkelolanya administrasi ' END || s.employee_name,
                   s.employee_id, s.period_id, s.department_id, 'approved', s.company_id, 0,
                   1, 1, %(now)s, %(now)s
              FROM kinerja_skp s CROSS JOIN generate_series(1, 3) k
             WHERE s.period_id = %(year)s
             ORDER BY s.id, k
            """,
            params,
        )
        cr.execute(
            """
            UPDATE kinerja_skp_result r SET parent_result_id = pr.id
              FROM kinerja_skp s, kinerja_skp ps, kinerja_skp_result pr
             WHERE r.skp_id = s.id AND s.period_id = %(year)s
               AND ps.employee_id = s.evaluator_id AND ps.period_id = s.period_id
               AND pr.skp_id = ps.id AND pr.sequence = r.sequence
            """,
            params,
        )
        goals = dict(enumerate(self.goals.ids, start=1))
        cr.execute(
            """
            UPDATE kinerja_skp_result r SET goal_id = (%(goals)s::int[])[r.sequence]
              FROM kinerja_skp s WHERE s.id = r.skp_id AND s.employee_id = %(head)s AND s.period_id = %(year)s
            """,
            {**params, "goals": list(goals.values()), "head": self.head.id},
        )
        cr.execute(
            "UPDATE kinerja_skp_result SET root_goal_id = (%(goals)s::int[])[sequence] WHERE period_id = %(year)s",
            {**params, "goals": list(goals.values())},
        )
        cr.execute(
            """
            INSERT INTO kinerja_skp_indicator (sequence, result_id, skp_id, name, aspect, target_value, unit_label,
                direction, aggregation, employee_id, period_id, state, company_id, department_id,
                realized_value, achievement, reported_count, pending_count,
                create_uid, write_uid, create_date, write_date)
            SELECT j, r.id, r.skp_id,
                   CASE j WHEN 1 THEN 'Jumlah dokumen yang diselesaikan' ELSE 'Persentase ketepatan waktu' END,
                   CASE j WHEN 1 THEN 'quantity' ELSE 'time' END,
                   CASE j WHEN 1 THEN 120 ELSE 90 END,
                   CASE j WHEN 1 THEN 'dokumen' ELSE '%%' END,
                   'higher', CASE j WHEN 1 THEN 'sum' ELSE 'average' END,
                   r.employee_id, r.period_id, 'approved', r.company_id, r.department_id, 0, 0, 0, 0,
                   1, 1, %(now)s, %(now)s
              FROM kinerja_skp_result r CROSS JOIN generate_series(1, 2) j
             WHERE r.period_id = %(year)s
             ORDER BY r.id, j
            """,
            params,
        )
        cr.execute(
            """
            INSERT INTO kinerja_skp_behavior (skp_id, core_value_id, sequence, company_id,
                                              create_uid, write_uid, create_date, write_date)
            SELECT s.id, v.id, v.sequence, s.company_id, 1, 1, %(now)s, %(now)s
              FROM kinerja_skp s CROSS JOIN kinerja_core_value v
             WHERE s.period_id = %(year)s AND v.active IS NOT FALSE
             ORDER BY s.id, v.sequence, v.id
            """,
            params,
        )
        cr.execute(
            """
            INSERT INTO kinerja_skp_annex (skp_id, annex_type, company_id, create_uid, write_uid, create_date,
                                           write_date)
            SELECT s.id, a.key, s.company_id, 1, 1, %(now)s, %(now)s
              FROM kinerja_skp s CROSS JOIN unnest(ARRAY['resources', 'accountability', 'consequences']) a(key)
             WHERE s.period_id = %(year)s
             ORDER BY s.id
            """,
            params,
        )

    def _realizations(self):
        # months 1-11 accepted, December submitted and waiting for review (accepted in the
        # measurement "achievement recomputation")
        self.cr.execute(
            """
            INSERT INTO kinerja_realization (skp_indicator_id, result_id, skp_id, employee_id, user_id, evaluator_id,
                evaluator_user_id, department_id, goal_id, company_id, period_id, period_date_start, value,
                state, note, submitted_date, reviewed_date, reviewed_by_id, is_late,
                create_uid, write_uid, create_date, write_date)
            SELECT i.id, i.result_id, i.skp_id, i.employee_id, s.user_id, s.evaluator_id, s.evaluator_user_id,
                   s.department_id, r.root_goal_id, i.company_id, m.id, m.date_start,
                   CASE WHEN i.aggregation = 'sum' THEN 8 + (i.id * 7 + extract(month FROM m.date_start)::int * 13) %% 5
                        ELSE 80 + (i.id * 7 + extract(month FROM m.date_start)::int * 13) %% 20 END,
                   CASE WHEN m.id = %(december)s THEN 'submitted' ELSE 'accepted' END,
                   'Laporan ' || m.name,
                   m.date_end + time '09:00' + interval '3 days',
                   CASE WHEN m.id = %(december)s THEN NULL ELSE m.date_end + time '10:00' + interval '5 days' END,
                   CASE WHEN m.id = %(december)s THEN NULL ELSE s.evaluator_user_id END,
                   m.report_deadline IS NOT NULL AND m.date_end + 3 > m.report_deadline,
                   1, 1, %(now)s, %(now)s
              FROM kinerja_skp_indicator i
              JOIN kinerja_skp s ON s.id = i.skp_id
              JOIN kinerja_skp_result r ON r.id = i.result_id
              JOIN kinerja_period m ON m.parent_id = s.period_id AND m.period_type = 'month'
             WHERE s.period_id = %(year)s
             ORDER BY i.id, m.date_start
            """,
            {"year": self.year.id, "december": self.december.id, "now": self.now},
        )

    def _figures(self):
        """The stored computes of indicators, results and SKPs, as _compute_realization and
        _compute_achievement compute them (checked on a sample in _check_consistency)."""
        store_figures(self.cr, self.company.kinerja_achievement_cap or 100.0)

    def _evaluations(self):
        from odoo.addons.kinerja_asn.tools.achievement import CREDIT_COEFFICIENT, CREDIT_SHARE

        company = self.company
        tpp = company._kinerja_tpp_map()
        cr = self.cr
        # the figures a signature freezes: a month (1/12) of the level's coefficient at the
        # predicate's percentage, rounded as the ORM stores them; no annual conversion yet, so
        # every month counts
        cr.execute("CREATE TEMP TABLE bench_credit (level varchar, predicate varchar, coefficient float, points float)")
        self._copy(
            "bench_credit",
            ["level", "predicate", "coefficient", "points"],
            [
                {
                    "level": level,
                    "predicate": pred,
                    "coefficient": coefficient,
                    "points": round(share * coefficient / 12, 3),
                }
                for level, coefficient in CREDIT_COEFFICIENT.items()
                for pred, share in CREDIT_SHARE.items()
            ],
        )
        cr.execute("CREATE TEMP TABLE bench_tpp (predicate varchar, percent float, credit_percent float)")
        self._copy(
            "bench_tpp",
            ["predicate", "percent", "credit_percent"],
            [{"predicate": k, "percent": v, "credit_percent": CREDIT_SHARE[k] * 100} for k, v in tpp.items()],
        )
        cr.execute(
            """
            INSERT INTO kinerja_evaluation (name, skp_id, employee_id, user_id, evaluator_id, evaluator_user_id,
                evaluator_parent_id, evaluator_parent_user_id, department_id, company_id, evaluation_type,
                period_id, period_date_start, achievement, suggested_result_rating, suggestion_note,
                result_rating, behavior_rating, predicate, state, done_date, done_by_id, objection_deadline,
                credit_points, tpp_percent, credit_position_type, credit_functional_level, credit_coefficient,
                credit_percent, credit_months, credit_points_counted,
                verification_code, create_uid, write_uid, create_date, write_date)
            SELECT x.*, COALESCE(c.points, 0), COALESCE(t.percent, 0), x.position_type,
                   CASE WHEN x.position_type = 'functional' THEN x.functional_level END, COALESCE(c.coefficient, 0),
                   COALESCE(t.credit_percent, 0), 1, COALESCE(c.points, 0),
                   substr(md5(random()::text || x.skp_id::text), 1, 16), 1, 1, %(now)s, %(now)s
              FROM (
                SELECT s.employee_name || ' - ' || m.name AS name, s.id AS skp_id,
                       s.employee_id, s.user_id, s.evaluator_id, s.evaluator_user_id, s.evaluator_parent_id,
                       s.evaluator_parent_user_id, s.department_id, s.company_id, 'periodic', m.id, m.date_start,
                       a.achievement,
                       CASE WHEN a.achievement >= %(above)s THEN 'above' WHEN a.achievement >= %(meets)s THEN 'meets'
                            ELSE 'below' END AS rating,
                       'Achievement up to the end of the period',
                       CASE WHEN a.achievement >= %(above)s THEN 'above' WHEN a.achievement >= %(meets)s THEN 'meets'
                            ELSE 'below' END,
                       CASE WHEN a.achievement >= %(above)s OR s.id %% 4 = 0 THEN 'above' ELSE 'meets' END,
                       CASE WHEN a.achievement >= %(above)s THEN 'very_good' WHEN a.achievement >= %(meets)s
                            THEN 'good' ELSE 'needs_improvement' END AS predicate,
                       'done', m.evaluation_deadline - 1 + time '10:00', s.evaluator_user_id,
                       m.evaluation_deadline - 1 + %(objection_days)s, e.functional_level, e.position_type
                  FROM kinerja_skp s
                  JOIN hr_employee e ON e.id = s.employee_id
                  JOIN kinerja_period m ON m.parent_id = s.period_id AND m.period_type = 'month'
                       AND m.id != %(december)s
                       AND s.state = 'approved'
                  CROSS JOIN LATERAL (SELECT 80 + (s.id * 7 + extract(month FROM m.date_start)::int * 3) %% 35
                                      AS achievement) a
                 WHERE s.period_id = %(year)s
              ) x (name, skp_id, employee_id, user_id, evaluator_id, evaluator_user_id, evaluator_parent_id,
                   evaluator_parent_user_id, department_id, company_id, evaluation_type, period_id,
                   period_date_start, achievement, suggested_result_rating, suggestion_note, result_rating,
                   behavior_rating, predicate, state, done_date, done_by_id, objection_deadline,
                   functional_level, position_type)
              LEFT JOIN bench_credit c ON x.position_type = 'functional' AND c.level = x.functional_level
                   AND c.predicate = x.predicate
              LEFT JOIN bench_tpp t ON t.predicate = x.predicate
            """.replace(
                "SELECT x.*,",
                "SELECT x.name, x.skp_id, x.employee_id, x.user_id, x.evaluator_id, x.evaluator_user_id, "
                "x.evaluator_parent_id, x.evaluator_parent_user_id, x.department_id, x.company_id, "
                "x.evaluation_type, x.period_id, x.period_date_start, x.achievement, x.suggested_result_rating, "
                "x.suggestion_note, x.result_rating, x.behavior_rating, x.predicate, x.state, x.done_date, "
                "x.done_by_id, x.objection_deadline,",
            ),
            {
                "now": self.now,
                "year": self.year.id,
                "december": self.december.id,
                "above": company.kinerja_threshold_above,
                "meets": company.kinerja_threshold_meets,
                "objection_days": company.kinerja_objection_days or 14,
            },
        )

    def _check_consistency(self):
        """The SQL rows read back through the ORM as it would have computed them."""
        env = self.env
        Indicator = env["kinerja.skp.indicator"]
        sample = Indicator.search([("period_id", "=", self.year.id)], limit=200, order="id desc")
        figures = sample._realization_figures()
        for indicator in sample:
            expected = figures[indicator.id]
            assert abs(indicator.realized_value - round(expected["realized"], 2)) < 0.006, indicator
            assert abs(indicator.achievement - expected["achievement"]) < 1e-6, (indicator, expected)
            assert indicator.reported_count == expected["reported"]
            assert indicator.pending_count == expected["pending"]
            assert indicator.last_reported_date == expected["last_date"]
        skp = sample[:1].skp_id
        assert skp.name == env._("SKP %(employee)s %(year)s", employee=skp.employee_id.name, year=skp.period_id.name)
        results = sample.result_id
        for result in results:
            values = result.indicator_ids.mapped("achievement")
            assert abs(result.achievement - sum(values) / len(values)) < 1e-6
        log("    consistency check of the generated figures: ok")


# ----------------------------------------------------------------------------------------
# Measurement
# ----------------------------------------------------------------------------------------
def _spec(env, model, node, is_list=False):
    """The specification the web client sends for the fields of a view node."""
    spec = {}
    Model = env[model]
    for child in node.iterchildren():
        if not isinstance(child.tag, str):
            continue
        if child.tag == "field":
            name = child.get("name")
            field = Model._fields[name]
            sub = {}
            if field.type == "many2one":
                sub = {"fields": {"display_name": {}}}
            elif field.type in ("one2many", "many2many"):
                subview = next((c for c in child.iterchildren() if c.tag in ("list", "kanban")), None)
                if subview is not None:
                    sub = {"fields": _spec(env, field.comodel_name, subview, True), "limit": 40, "order": ""}
                elif child.get("widget") == "list_activity":
                    sub = {"fields": {}}
                    for extra in (
                        "activity_exception_decoration",
                        "activity_exception_icon",
                        "activity_state",
                        "activity_summary",
                        "activity_type_icon",
                    ):
                        spec[extra] = {}
                    spec["activity_type_id"] = {"fields": {"display_name": {}}}
                else:
                    sub = {"fields": {"display_name": {}}} if field.type == "many2many" else {}
            spec[name] = sub
        elif child.tag in ("button", "chatter"):
            continue
        else:
            spec.update(_spec(env, model, child, is_list))
    return spec


def _view_spec(env, model, view_type, view_id=False):
    views = env[model].get_views([(view_id, view_type)])
    arch = etree.fromstring(views["views"][view_type]["arch"])
    return _spec(env, model, arch)


class Bench:
    def __init__(self, registry, info):
        self.registry = registry
        self.info = info
        self.results = []
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.cap = env.ref("base.main_company").kinerja_achievement_cap or 100.0

    @contextmanager
    def env(self, uid=SUPERUSER_ID, context=None, commit=False):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, uid, context or {})
            yield env
            if not commit:
                cr.rollback()

    def measure(self, name, env, function, floor=None, *, repeat_warm=True, floor_seconds=None):
        """Time ``function`` (records cache emptied first; registry caches warm from a first
        untimed run unless it writes) and count its queries; ``floor``: a plain SQL reading
        the same data."""
        cr = env.cr
        if repeat_warm:
            function()
            env.invalidate_all()
        env.flush_all()
        env.invalidate_all()
        before = cr.sql_log_count
        start = time.perf_counter()
        result = function()
        env.flush_all()
        elapsed = time.perf_counter() - start
        queries = cr.sql_log_count - before
        row = {"name": name, "seconds": round(elapsed, 3), "queries": queries}
        if floor:
            start = time.perf_counter()
            floor(cr)
            floor_seconds = time.perf_counter() - start
        if floor_seconds is not None:
            row["floor_seconds"] = round(floor_seconds, 4)
            row["ratio"] = round(elapsed / floor_seconds, 1) if floor_seconds else None
        self.results.append(row)
        ratio = f", floor {row['floor_seconds']:.4f} s, x{row['ratio']}" if floor_seconds is not None else ""
        log(f"    {name}: {elapsed:.3f} s, {queries} queries{ratio}")
        return result

    def run(self):
        info = self.info
        if os.environ.get("BENCH_ONLY") == "tpp":
            self._tpp_sheet()
            return self.results
        year_id, december_id = info["year_id"], info["december_id"]
        supervisor_uid, employee_uid = info["supervisor_user_id"], info["employee_user_id"]

        # -- the supervisor's screens, as that user --------------------------------------
        with self.env(supervisor_uid) as user_env:
            self._supervisor_screens(user_env(context=user_env["res.users"].context_get()), supervisor_uid)
        with self.env(employee_uid) as user_env:
            self._employee_form(user_env(context=user_env["res.users"].context_get()))

        # -- the agency-wide recap -------------------------------------------------------
        with self.env() as env:
            report = "kinerja_asn.action_report_kinerja_unit_recap_xlsx"
            data = {"year_id": year_id, "department_ids": []}

            def recap():
                content, kind = env["ir.actions.report"]._render_xlsx(report, [year_id], data)
                assert kind == "xlsx" and content
                return len(content)

            def recap_floor(cr):
                cr.execute(
                    """
                    SELECT s.id, COALESCE(s.employee_name, e.name), COALESCE(s.employee_nip, e.nip),
                           COALESCE(s.employee_rank, e.rank), COALESCE(s.employee_position, e.job_title),
                           d.complete_name, v.period_id, v.evaluation_type, v.achievement, v.predicate
                      FROM kinerja_skp s
                      JOIN hr_employee e ON e.id = s.employee_id
                      LEFT JOIN hr_department d ON d.id = s.department_id
                      LEFT JOIN kinerja_evaluation v ON v.skp_id = s.id AND v.state = 'done'
                     WHERE s.period_id = %s AND s.state IN ('approved', 'done')
                  ORDER BY s.department_id, s.employee_id
                    """,
                    [year_id],
                )
                cr.fetchall()

            self.measure("Unit recap XLSX, whole agency", env, recap, recap_floor, repeat_warm=False)

        # -- month end: evaluations of December for everybody (the cron path) -------------
        # the floor: the same draft evaluations and their activities inserted in plain SQL
        with self.env() as env:
            start = time.perf_counter()
            floor_rows = self._floor_prepare(env.cr, december_id)
            prepare_floor = time.perf_counter() - start
        with self.env() as env:
            period = env["kinerja.period"].browse(december_id)
            approved = env["kinerja.skp"].search_count([("period_id", "=", year_id), ("state", "=", "approved")])
            prepared = self.measure(
                "Prepare the month's evaluations (cron)",
                env,
                lambda: env["kinerja.evaluation"]._prepare(period),
                repeat_warm=False,
                floor_seconds=prepare_floor,
            )
            assert len(prepared) == approved == floor_rows, (len(prepared), approved, floor_rows)
            activities = env["mail.activity"].search_count([("res_model", "=", "kinerja.evaluation")])
            log(f"      {len(prepared)} evaluations, {activities} activities")

        # -- December's realisation accepted: achievement recomputed for every indicator --
        # the floor: the same in plain SQL (reports accepted, then the figures of their
        # indicators, results and SKPs aggregated again), in a transaction of its own
        with self.env() as env:
            start = time.perf_counter()
            self._floor_accept(env.cr, december_id)
            accept_floor = time.perf_counter() - start
        # the recomputation alone: the reports have arrived (accepted in SQL, not timed), then
        # the stored figures of every indicator, work result and SKP are computed again
        with self.env() as env:
            indicator_ids = self._arrive(env.cr, december_id)
            start = time.perf_counter()
            self._floor_figures(env.cr, indicator_ids)
            figures_floor = time.perf_counter() - start
        with self.env(context={"tracking_disable": True}) as env:
            indicator_ids = self._arrive(env.cr, december_id)
            env.invalidate_all()

            def recompute():
                indicators = env["kinerja.skp.indicator"].browse(indicator_ids)
                env.add_to_compute(indicators._fields["achievement"], indicators)
                env.add_to_compute(indicators.result_id._fields["achievement"], indicators.result_id)
                env.add_to_compute(indicators.skp_id._fields["achievement"], indicators.skp_id)

            self.measure(
                f"Recompute achievement of {len(set(indicator_ids))} indicators (reports arrived)",
                env,
                recompute,
                repeat_warm=False,
                floor_seconds=figures_floor,
            )
            indicator = env["kinerja.skp.indicator"].browse(indicator_ids[:1])
            assert indicator.pending_count == 0 and indicator.reported_count == 12, indicator
        with self.env(context={"tracking_disable": True}) as env:
            reports = env["kinerja.realization"].search([("period_id", "=", december_id), ("state", "=", "submitted")])
            env.invalidate_all()

            def accept():
                reports.write({"state": "accepted", "reviewed_date": datetime.now(), "reviewed_by_id": SUPERUSER_ID})

            self.measure(
                f"Accept the month's {len(reports)} reports, recompute achievement",
                env,
                accept,
                repeat_warm=False,
                floor_seconds=accept_floor,
            )
            indicator = reports[:1].skp_indicator_id
            assert indicator.pending_count == 0 and indicator.reported_count == 12, indicator
        self._accept_in_one_click()
        self._tpp_sheet()
        return self.results

    def _accept_in_one_click(self, count=300):
        """A supervisor selects 300 reports in To Review and clicks Accept: the reports of his
        team (the latest months first) put back to waiting in SQL, figures recomputed, then
        action_accept as that user, as the web client's call_button runs it."""
        uid = self.info["supervisor_user_id"]
        with self.env() as env:
            env.cr.execute(
                """UPDATE kinerja_realization SET state = 'submitted', reviewed_date = NULL, reviewed_by_id = NULL
                    WHERE id IN (SELECT id FROM kinerja_realization WHERE evaluator_user_id = %s
                                  ORDER BY period_date_start DESC, id LIMIT %s)
                RETURNING id, skp_indicator_id""",
                [uid, count],
            )
            rows = env.cr.fetchall()
            ids, indicator_ids = [r[0] for r in rows], [r[1] for r in rows]
            store_figures(env.cr, self.cap, indicator_ids)
            env.cr.execute("SELECT DISTINCT skp_id FROM kinerja_realization WHERE id = ANY(%s)", [ids])
            skp_ids = [r[0] for r in env.cr.fetchall()]
            # their review activities, as the submission left them
            env["kinerja.skp"].browse(skp_ids)._schedule_review_activity()
            env.flush_all()
            env.cr.execute("SAVEPOINT one_click")
            start = time.perf_counter()
            env.cr.execute(
                """UPDATE kinerja_realization SET state = 'accepted', reviewed_date = now(), reviewed_by_id = %s
                    WHERE id = ANY(%s)""",
                [uid, ids],
            )
            store_figures(env.cr, self.cap, indicator_ids)
            floor = time.perf_counter() - start
            env.cr.execute("ROLLBACK TO SAVEPOINT one_click")
            env.invalidate_all()
            user_env = env(user=uid, context=env["res.users"].with_user(uid).context_get())
            reports = user_env["kinerja.realization"].browse(ids)
            self.measure(
                f"Supervisor: accept {len(ids)} reports in one click",
                user_env,
                reports.action_accept,
                repeat_warm=False,
                floor_seconds=floor,
            )
            env.cr.execute("SELECT count(*) FROM kinerja_realization WHERE id = ANY(%s) AND state = 'accepted'", [ids])
            assert env.cr.fetchone()[0] == len(ids)

    # -- the month's TPP sheet (issue 17) ------------------------------------------------
    TPP_CLASSES = {  # position type: (grade, amount)
        "jpt": (14, 12_000_000),
        "administrator": (12, 9_000_000),
        "supervisor": (9, 6_000_000),
        "functional": (8, 5_000_000),
        "executor": (6, 3_500_000),
    }

    def _tpp_month(self, env):
        """The last signed month (1-11) of the year with 22 working days (Monday to Friday),
        else the last signed one."""
        year = self.info.get("year") or env["kinerja.period"].browse(self.info["year_id"]).date_start.year
        months = [date(year, month, 1) for month in range(11, 0, -1)]

        def weekdays(first):
            last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            return sum((first + timedelta(days=i)).weekday() < 5 for i in range((last - first).days + 1))

        return next((m for m in months if weekdays(m) == 22), months[0]), weekdays

    def _tpp_data(self, env, month):
        """Position classes for everybody and a month of attendance in plain SQL: every working
        day of the schedule, a tenth of the days late (up to two hours), a fifteenth left
        early; the count of attendance rows."""
        cr = env.cr
        company = env.ref("base.main_company")
        Class = env["kinerja.tpp.class"]
        classes = {
            position: Class.create(
                {"name": f"Kelas {grade}", "grade": grade, "amount": amount, "company_id": company.id}
            ).id
            for position, (grade, amount) in self.TPP_CLASSES.items()
        }
        env.flush_all()
        cr.execute(
            """UPDATE hr_employee SET kinerja_tpp_class_id = (%s::jsonb ->> position_type)::int
                WHERE company_id = %s AND active""",
            [json.dumps(classes), company.id],
        )
        calendar = company.resource_calendar_id
        monday = calendar.attendance_ids.filtered(lambda a: a.dayofweek == "0" and a.day_period != "lunch")
        start, end = min(monday.mapped("hour_from")), max(monday.mapped("hour_to"))
        cr.execute(
            """
            INSERT INTO hr_attendance (employee_id, check_in, check_out, worked_hours, overtime_hours,
                                       validated_overtime_hours, in_mode, out_mode,
                                       create_uid, write_uid, create_date, write_date)
            SELECT x.employee_id, x.check_in, x.check_out, extract(epoch FROM x.check_out - x.check_in) / 3600,
                   0, 0, 'manual', 'manual', 1, 1, now(), now()
              FROM (
                SELECT e.id AS employee_id,
                       ((d + make_interval(mins => (%(start)s * 60)::int
                                + CASE WHEN (e.id + extract(day FROM d)::int) %% 10 = 0
                                       THEN (e.id * 7 + extract(day FROM d)::int) %% 121 ELSE 0 END))
                         AT TIME ZONE COALESCE(r.tz, 'Asia/Jakarta')) AT TIME ZONE 'UTC' AS check_in,
                       ((d + make_interval(mins => (%(end)s * 60)::int
                                - CASE WHEN (e.id + extract(day FROM d)::int) %% 15 = 1
                                       THEN (e.id * 3 + extract(day FROM d)::int) %% 61 ELSE 0 END))
                         AT TIME ZONE COALESCE(r.tz, 'Asia/Jakarta')) AT TIME ZONE 'UTC' AS check_out
                  FROM hr_employee e
                  JOIN resource_resource r ON r.id = e.resource_id
                 CROSS JOIN generate_series(%(first)s::timestamp, %(last)s::timestamp, interval '1 day') d
                 WHERE e.company_id = %(company)s AND e.active AND extract(isodow FROM d) < 6
              ) x
            """,
            {
                "start": start,
                "end": end,
                "first": month,
                "last": (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1),
                "company": company.id,
            },
        )
        rows = cr.rowcount
        cr.execute("ANALYZE hr_attendance")
        env.invalidate_all()
        self.tpp_hours = (start, end)
        return rows

    def _tpp_sheet(self):
        """An officer computes the month's TPP sheet of the whole government: a line per
        employee from his position class, the month's signed predicate, 22 working days of
        attendance against the schedule and the sanctions. The floor: the same data read and
        the same lines written in plain SQL (the tiers as a CASE, the monthly caps left out)."""
        with self.env(context={"tracking_disable": True}) as env:
            month, weekdays = self._tpp_month(env)
            with timed(f"TPP: position classes, {weekdays(month)} working days of attendance (SQL)"):
                rows = self._tpp_data(env, month)
            log(f"      {rows} attendance rows in {month:%B %Y}")
            company = env.ref("base.main_company")
            officer = env["res.users"].create(
                {
                    "name": "Pengelola TPP (Bench)",
                    "login": "bench_tpp_officer",
                    "company_id": company.id,
                    "company_ids": [(6, 0, company.ids)],
                    "groups_id": [
                        (6, 0, [env.ref("base.group_user").id, env.ref("kinerja_asn.group_kinerja_officer").id])
                    ],
                }
            )
            sheet = env["kinerja.tpp.sheet"].create({"date_from": month, "company_id": company.id})
            env.flush_all()
            env.cr.execute("SAVEPOINT tpp_floor")
            start = time.perf_counter()
            floor_rows = self._floor_tpp(env.cr, sheet.id, month)
            floor = time.perf_counter() - start
            env.cr.execute("ROLLBACK TO SAVEPOINT tpp_floor")
            env.invalidate_all()
            officer_env = env(
                user=officer.id, context=dict(env["res.users"].with_user(officer).context_get(), tracking_disable=True)
            )
            employees = env["hr.employee"].search_count(
                [("company_id", "=", company.id), ("kinerja_tpp_class_id", "!=", False)]
            )
            self.measure(
                f"Officer: compute the month's TPP sheet ({employees} lines)",
                officer_env,
                officer_env["kinerja.tpp.sheet"].browse(sheet.id).action_compute,
                repeat_warm=False,
                floor_seconds=floor,
            )
            lines = env["kinerja.tpp.sheet.line"].search([("sheet_id", "=", sheet.id)])
            assert len(lines) == employees == floor_rows, (len(lines), employees, floor_rows)
            line = lines[:1]
            assert line.days_scheduled == weekdays(month) and line.days_absent == 0, line.read()
            late = sum(lines.mapped("late_minutes"))
            log(f"      {len(lines)} lines, {late} minutes late in all, net {sum(lines.mapped('net_amount')):,.0f}")

    def _floor_tpp(self, cr, sheet_id, month):
        """The TPP lines in plain SQL: per employee with a class, his attendance of the month per
        local day against the schedule's hours, the tiers of the default rules, the month's
        signed predicate, the shares, BPJS and a flat PPh 21; the count."""
        cr.execute(
            """
            WITH local AS (
                SELECT a.employee_id, a.check_in AT TIME ZONE 'UTC' AT TIME ZONE r.tz AS check_in,
                       a.check_out AT TIME ZONE 'UTC' AT TIME ZONE r.tz AS check_out
                  FROM hr_attendance a
                  JOIN hr_employee e ON e.id = a.employee_id
                  JOIN resource_resource r ON r.id = e.resource_id
                 WHERE e.kinerja_tpp_class_id IS NOT NULL AND a.check_in >= %(first)s::timestamp - interval '1 day'
                   AND a.check_in < %(first)s::timestamp + interval '1 month' + interval '1 day'
            ), days AS (
                SELECT employee_id,
                       GREATEST(0, ceil(extract(epoch FROM check_in - (check_in::date + %(start)s)) / 60)) AS late,
                       GREATEST(0, ceil(extract(epoch FROM (check_in::date + %(end)s) - check_out) / 60)) AS early
                  FROM local
            ), discipline AS (
                SELECT employee_id, count(*) AS present, count(*) FILTER (WHERE late > 0) AS late_days,
                       sum(late) AS late_minutes, count(*) FILTER (WHERE early > 0) AS early_days,
                       sum(early) AS early_minutes,
                       sum(CASE WHEN late = 0 THEN 0 WHEN late <= 30 THEN 0.5 WHEN late <= 60 THEN 1
                                WHEN late <= 90 THEN 1.25 ELSE 1.5 END) AS late_deduction,
                       sum(CASE WHEN early = 0 THEN 0 WHEN early <= 30 THEN 0.5 WHEN early <= 60 THEN 1
                                WHEN early <= 90 THEN 1.25 ELSE 1.5 END) AS early_deduction
                  FROM days GROUP BY employee_id
            ), predicate AS (
                SELECT DISTINCT ON (v.employee_id) v.employee_id, v.id, v.tpp_percent
                  FROM kinerja_evaluation v JOIN kinerja_period p ON p.id = v.period_id
                 WHERE v.state = 'done' AND v.evaluation_type = 'periodic'
                   AND p.date_start <= %(first)s
                   AND p.date_end >= (%(first)s::date + interval '1 month' - interval '1 day')
                 ORDER BY v.employee_id, v.done_date DESC, v.id DESC
            ), figures AS (
                SELECT e.id AS employee_id, e.name, e.nip, e.rank, e.job_title, c.grade, c.amount,
                       p.id AS evaluation_id,
                       COALESCE(p.tpp_percent, 0) AS performance_percent, COALESCE(d.present, 0) AS present,
                       COALESCE(d.late_days, 0) AS late_days, COALESCE(d.late_minutes, 0) AS late_minutes,
                       COALESCE(d.early_days, 0) AS early_days, COALESCE(d.early_minutes, 0) AS early_minutes,
                       COALESCE(d.late_deduction, 0) AS late_deduction,
                       COALESCE(d.early_deduction, 0) AS early_deduction,
                       round(c.amount * 0.6 * COALESCE(p.tpp_percent, 0) / 100) AS performance_amount,
                       round(c.amount * 0.4 * GREATEST(0, 100 - COALESCE(d.late_deduction, 0)
                           - COALESCE(d.early_deduction, 0)) / 100) AS discipline_amount
                  FROM hr_employee e
                  JOIN kinerja_tpp_class c ON c.id = e.kinerja_tpp_class_id
                  LEFT JOIN discipline d ON d.employee_id = e.id
                  LEFT JOIN predicate p ON p.employee_id = e.id
                 WHERE e.active
            )
            INSERT INTO kinerja_tpp_sheet_line (sheet_id, sequence, state, company_id, date_from, employee_id,
                employee_name, employee_nip, employee_rank, job_title, class_grade, evaluation_id, base_amount,
                days_scheduled, days_present, days_absent, days_leave, days_assignment, late_days, late_minutes,
                early_days, early_minutes, missed_checkouts, late_deduction, early_deduction, absent_deduction,
                discipline_deduction, performance_percent, performance_amount, discipline_percent,
                discipline_amount, sanction_percent, sanction_amount, gross_amount, bpjs_employer, bpjs_employee,
                pph21_rate, pph21_amount, net_amount, explanation, create_uid, write_uid, create_date, write_date)
            SELECT s.id, 10, s.state, s.company_id, s.date_from, f.employee_id, f.name, f.nip, f.rank, f.job_title,
                   f.grade, f.evaluation_id, f.amount, f.present, f.present, 0, 0, 0, f.late_days, f.late_minutes,
                   f.early_days, f.early_minutes, 0, f.late_deduction, f.early_deduction, 0,
                   f.late_deduction + f.early_deduction, f.performance_percent, f.performance_amount,
                   100 - f.late_deduction - f.early_deduction, f.discipline_amount, 0, 0,
                   f.performance_amount + f.discipline_amount,
                   round((f.performance_amount + f.discipline_amount) * 0.04),
                   round((f.performance_amount + f.discipline_amount) * 0.01), 5,
                   round((f.performance_amount + f.discipline_amount) * 0.05),
                   (f.performance_amount + f.discipline_amount) * 0.94,
                   'TPP ' || f.grade || ': ' || f.amount || '; ' || f.present || ' days, ' || f.late_minutes
                       || ' minutes late, ' || f.early_minutes || ' early',
                   1, 1, now(), now()
              FROM figures f, kinerja_tpp_sheet s
             WHERE s.id = %(sheet)s
            """,
            {
                "first": month,
                "sheet": sheet_id,
                "start": timedelta(hours=self.tpp_hours[0]),
                "end": timedelta(hours=self.tpp_hours[1]),
            },
        )
        return cr.rowcount

    def _floor_prepare(self, cr, period_id):
        """Month-end preparation in plain SQL: one draft evaluation per approved SKP of the
        period's year with its suggestion, and one activity for its evaluator; the count."""
        cr.execute(
            """
            WITH new AS (
                INSERT INTO kinerja_evaluation (name, skp_id, employee_id, user_id, evaluator_id, evaluator_user_id,
                    evaluator_parent_id, evaluator_parent_user_id, department_id, company_id, evaluation_type,
                    period_id, period_date_start, achievement, suggested_result_rating, suggestion_note,
                    result_rating, state, create_uid, write_uid, create_date, write_date)
                SELECT e.name || ' - ' || m.name, s.id, s.employee_id, s.user_id, s.evaluator_id, s.evaluator_user_id,
                       s.evaluator_parent_id, s.evaluator_parent_user_id, s.department_id, s.company_id, 'periodic',
                       m.id, m.date_start, s.achievement,
                       CASE WHEN s.achievement >= c.kinerja_threshold_above THEN 'above'
                            WHEN s.achievement >= c.kinerja_threshold_meets THEN 'meets' ELSE 'below' END,
                       'Achievement up to the end of the period',
                       CASE WHEN s.achievement >= c.kinerja_threshold_above THEN 'above'
                            WHEN s.achievement >= c.kinerja_threshold_meets THEN 'meets' ELSE 'below' END,
                       'draft', 1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
                  FROM kinerja_period m
                  JOIN kinerja_skp s ON s.period_id = m.parent_id AND s.state = 'approved'
                       AND s.date_start <= m.date_end AND s.date_end >= m.date_start
                  JOIN hr_employee e ON e.id = s.employee_id
                  JOIN res_company c ON c.id = s.company_id
                 WHERE m.id = %(period)s
             RETURNING id, name, evaluator_user_id)
            INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id, summary,
                                       date_deadline, user_id, automated, create_uid, write_uid, create_date,
                                       write_date)
            SELECT (SELECT id FROM ir_model WHERE model = 'kinerja.evaluation'), 'kinerja.evaluation', new.id,
                   new.name, t.id, t.summary, (SELECT evaluation_deadline FROM kinerja_period WHERE id = %(period)s),
                   new.evaluator_user_id, true, 1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
              FROM new, mail_activity_type t
             WHERE t.id = (SELECT res_id FROM ir_model_data WHERE module = 'kinerja_asn'
                            AND name = 'mail_act_evaluation')
               AND new.evaluator_user_id IS NOT NULL
            """,
            {"period": period_id},
        )
        cr.execute("SELECT count(*) FROM kinerja_evaluation WHERE period_id = %s AND state = 'draft'", [period_id])
        return cr.fetchone()[0]

    def _supervisor_screens(self, env, uid):
        ref = env.ref

        def screen(name, model, action_xmlid, domain, view_xmlid=None, *, groupby=None, aggregates=()):
            action = env["ir.actions.act_window"]._for_xml_id(action_xmlid)
            action_context = dict(env.context, **eval_context(action.get("context") or "{}", uid))
            view_id = ref(view_xmlid).id if view_xmlid else False
            Model = env[model].with_context(action_context)

            def call():
                spec = _view_spec(Model.env, model, "list", view_id)
                if groupby:
                    return Model.web_read_group(domain, list(aggregates), groupby, limit=80, offset=0, lazy=True)
                return Model.web_search_read(domain, spec, offset=0, limit=80, order="", count_limit=10001)

            return name, call

        def eval_context(text, uid):
            from odoo.tools.safe_eval import safe_eval

            return safe_eval(text, {"uid": uid, "active_id": False})

        team_domain = [("skp_id.is_my_team", "=", True), ("state", "=", "approved")]
        screens = [
            screen(
                "Supervisor: SKP to Approve (list)",
                "kinerja.skp",
                "kinerja_asn.kinerja_skp_action_to_approve",
                [("state", "=", "submitted"), ("evaluator_user_id", "=", uid)],
                "kinerja_asn.kinerja_skp_view_list",
            ),
            screen(
                "Supervisor: Realisation to Review (list)",
                "kinerja.realization",
                "kinerja_asn.kinerja_realization_action_review",
                [("evaluator_user_id", "=", uid), ("state", "=", "submitted")],
                "kinerja_asn.kinerja_realization_view_list",
            ),
            screen(
                "Supervisor: SKP of My Team (list)",
                "kinerja.skp",
                "kinerja_asn.kinerja_skp_action",
                [("period_id.is_current", "=", True), ("is_my_team", "=", True)],
                "kinerja_asn.kinerja_skp_view_list",
            ),
            screen(
                "Supervisor: My Team (indicators grouped by employee)",
                "kinerja.skp.indicator",
                "kinerja_asn.kinerja_skp_indicator_action_team",
                team_domain,
                "kinerja_asn.kinerja_skp_indicator_view_list",
                groupby=["employee_id"],
                aggregates=[
                    "target_value:sum",
                    "realized_value:sum",
                    "achievement:avg",
                    "reported_count:sum",
                    "pending_count:sum",
                ],
            ),
        ]
        # the group opened: the first employee of the team
        team = env["kinerja.skp.indicator"].search(team_domain, limit=1, order="employee_id")
        screens.append(
            screen(
                "Supervisor: My Team (one employee's group opened)",
                "kinerja.skp.indicator",
                "kinerja_asn.kinerja_skp_indicator_action_team",
                [*team_domain, ("employee_id", "=", team.employee_id.id)],
                "kinerja_asn.kinerja_skp_indicator_view_list",
            )
        )
        floors = {
            "Supervisor: SKP to Approve (list)": lambda cr: self._floor_skp(
                cr, "s.state = 'submitted' AND s.evaluator_user_id = %(uid)s", uid
            ),
            "Supervisor: Realisation to Review (list)": lambda cr: self._floor_realization(cr, uid),
            "Supervisor: SKP of My Team (list)": lambda cr: self._floor_skp(
                cr, "s.employee_id IN (SELECT id FROM team) AND s.period_id = %(year)s", uid
            ),
            "Supervisor: My Team (indicators grouped by employee)": lambda cr: self._floor_team_group(cr, uid),
            "Supervisor: My Team (one employee's group opened)": lambda cr: self._floor_team_rows(
                cr, uid, team.employee_id.id
            ),
        }
        for name, call in screens:
            self.measure(name, env, call, floors[name])

    def _floor_accept(self, cr, period_id):
        self._floor_figures(cr, self._arrive(cr, period_id))

    def _arrive(self, cr, period_id):
        """The month's reports accepted, in plain SQL; the ids of their indicators."""
        cr.execute(
            """
            UPDATE kinerja_realization SET state = 'accepted', reviewed_date = now(), reviewed_by_id = 1
             WHERE period_id = %s AND state = 'submitted' RETURNING skp_indicator_id
            """,
            [period_id],
        )
        return [row[0] for row in cr.fetchall()]

    def _floor_figures(self, cr, indicators):
        """Realisation and achievement of these indicators, their results and SKPs, in SQL."""
        store_figures(cr, self.cap, indicators)

    def _team_cte(self):
        return """
            WITH RECURSIVE team(id) AS (
                SELECT e.id FROM hr_employee e WHERE e.parent_id IN (SELECT id FROM hr_employee WHERE user_id = %(uid)s)
                UNION SELECT e.id FROM hr_employee e JOIN team t ON e.parent_id = t.id)
        """

    def _floor_skp(self, cr, where, uid):
        cr.execute(
            self._team_cte()
            + f"""
            SELECT s.id, e.name, d.complete_name, p.name, ev.name, s.achievement, s.state, s.submitted_date,
                   (SELECT count(*) FROM kinerja_skp_result r WHERE r.skp_id = s.id)
              FROM kinerja_skp s JOIN hr_employee e ON e.id = s.employee_id
              LEFT JOIN hr_department d ON d.id = s.department_id
              JOIN kinerja_period p ON p.id = s.period_id
              LEFT JOIN hr_employee ev ON ev.id = s.evaluator_id
             WHERE {where}
          ORDER BY s.date_start DESC, s.employee_id LIMIT 80
            """,
            {"uid": uid, "year": self.info["year_id"]},
        )
        cr.fetchall()

    def _floor_realization(self, cr, uid):
        cr.execute(
            """
            SELECT r.id, e.name, p.name, i.name, i.target_value, r.value, i.unit_label, r.note, r.is_late,
                   r.feedback, r.state, r.evidence_url
              FROM kinerja_realization r JOIN hr_employee e ON e.id = r.employee_id
              JOIN kinerja_period p ON p.id = r.period_id
              JOIN kinerja_skp_indicator i ON i.id = r.skp_indicator_id
             WHERE r.evaluator_user_id = %s AND r.state = 'submitted'
          ORDER BY r.period_date_start DESC, r.employee_id, r.result_id, r.skp_indicator_id LIMIT 80
            """,
            [uid],
        )
        cr.fetchall()

    def _floor_team_group(self, cr, uid):
        cr.execute(
            self._team_cte()
            + """
            SELECT i.employee_id, e.name, count(*), sum(i.target_value), sum(i.realized_value), avg(i.achievement),
                   sum(i.reported_count), sum(i.pending_count)
              FROM kinerja_skp_indicator i JOIN hr_employee e ON e.id = i.employee_id
             WHERE i.employee_id IN (SELECT id FROM team) AND i.state = 'approved'
          GROUP BY i.employee_id, e.name ORDER BY e.name LIMIT 80
            """,
            {"uid": uid},
        )
        cr.fetchall()

    def _floor_team_rows(self, cr, uid, employee_id):
        cr.execute(
            """
            SELECT i.id, e.name, r.name, i.name, i.target_value, i.unit_label, i.realized_value, i.achievement,
                   i.reported_count, i.last_reported_date, i.pending_count
              FROM kinerja_skp_indicator i JOIN hr_employee e ON e.id = i.employee_id
              JOIN kinerja_skp_result r ON r.id = i.result_id
             WHERE i.employee_id = %s AND i.state = 'approved'
          ORDER BY i.result_id, i.sequence, i.id LIMIT 80
            """,
            [employee_id],
        )
        cr.fetchall()

    def _employee_form(self, env):
        Skp = env["kinerja.skp"]
        skp = Skp.search([("user_id", "=", env.uid), ("period_id", "=", self.info["year_id"])])
        spec = _view_spec(env, "kinerja.skp", "form")

        def read():
            return skp.web_read(spec)

        def floor(cr):
            cr.execute("SELECT * FROM kinerja_skp WHERE id = %s", [skp.id])
            cr.fetchall()
            cr.execute(
                """SELECT r.*, g.name, pr.name FROM kinerja_skp_result r LEFT JOIN kinerja_goal g ON g.id = r.goal_id
                   LEFT JOIN kinerja_skp_result pr ON pr.id = r.parent_result_id WHERE r.skp_id = %s""",
                [skp.id],
            )
            cr.fetchall()
            cr.execute("SELECT * FROM kinerja_skp_indicator WHERE skp_id = %s", [skp.id])
            cr.fetchall()
            cr.execute(
                """SELECT b.*, v.name, v.guide FROM kinerja_skp_behavior b JOIN kinerja_core_value v
                   ON v.id = b.core_value_id WHERE b.skp_id = %s""",
                [skp.id],
            )
            cr.fetchall()
            cr.execute("SELECT * FROM kinerja_skp_annex WHERE skp_id = %s", [skp.id])
            cr.fetchall()

        self.measure("Employee: open his SKP (form)", env, read, floor)


def print_table(results):
    header = f"{'Measurement':58} {'time (s)':>9} {'queries':>8} {'floor (s)':>10} {'ratio':>7}"
    log("")
    log(header)
    log("-" * len(header))
    for row in results:
        floor = f"{row['floor_seconds']:.4f}" if "floor_seconds" in row else "-"
        ratio = f"{row['ratio']}" if row.get("ratio") is not None else "-"
        log(f"{row['name'][:58]:58} {row['seconds']:>9.3f} {row['queries']:>8} {floor:>10} {ratio:>7}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--output")
    args = parser.parse_args()
    n = int(os.environ.get("N", "10000"))
    reuse = bool(os.environ.get("BENCH_REUSE"))
    config.parse_config(["-d", args.database, "--addons-path", args.addons_path, "--log-level", "warn"])
    registry = odoo.modules.registry.Registry(args.database)
    total = time.perf_counter()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True})
        stored = env["ir.config_parameter"].get_param("kinerja_asn.bench_info")
    if reuse and stored:
        info = json.loads(stored)
        log(f"==> reusing the government of {info['n']} employees in '{args.database}'")
    else:
        log(f"==> generating a government of {n} employees in '{args.database}'")
        start = time.perf_counter()
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True})
            info = Generator(env, n, int(os.environ.get("LOAD_USERS", "300"))).run()
            cr.commit()
        log(f"    generated in {time.perf_counter() - start:.1f} s")
    log(f"==> measuring (supervisor with {info['supervisor_team_size']} people below him)")
    results = Bench(registry, info).run()
    print_table(results)
    output = {
        "n": info["n"],
        "supervisor_team_size": info["supervisor_team_size"],
        "date": date.today().isoformat(),
        "results": results,
    }
    log("")
    log(json.dumps(output, indent=2))
    if args.output:
        with open(args.output, "w") as handle:
            json.dump(output, handle, indent=2)
        log(f"written to {args.output}")
    log(f"total {time.perf_counter() - total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
