"""Guards of the scale paths measured by ``make bench``: each costs the same number of queries
for a team of 3 or of 6 (no per-record query). Counts only, never timings."""

from lxml import etree

from odoo.tests import freeze_time, new_test_user, tagged

from .test_evaluation import EvaluationCase
from .test_realization import YEAR

SIZES = (3, 6)


def _spec(env, model, node):
    """The specification the web client sends for the fields of a view (relational fields
    with their display name, inline x2many lists with their own fields)."""
    spec = {}
    for child in node.iterchildren():
        if not isinstance(child.tag, str) or child.tag in ("button", "chatter"):
            continue
        if child.tag != "field":
            spec.update(_spec(env, model, child))
            continue
        field = env[model]._fields[child.get("name")]
        sub = {}
        if field.type == "many2one":
            sub = {"fields": {"display_name": {}}}
        elif field.type in ("one2many", "many2many"):
            subview = next((c for c in child.iterchildren() if c.tag == "list"), None)
            if subview is not None:
                sub = {"fields": _spec(env, field.comodel_name, subview), "limit": 40}
        spec[field.name] = sub
    return spec


def _view_spec(env, model, view_type, xmlid=None):
    view_id = env.ref(xmlid).id if xmlid else False
    arch = env[model].get_views([(view_id, view_type)])["views"][view_type]["arch"]
    return _spec(env, model, etree.fromstring(arch))


@tagged("post_install", "-at_install")
class TestPerformance(EvaluationCase):
    def _team(self, size, tag, state="approved"):
        """``size`` new staff below the section head, each with an SKP in ``state``."""
        employees = self.env["hr.employee"].create(
            [
                {"name": f"{tag} {index}", "parent_id": self.emp_section.id, "department_id": self.dept.id}
                for index in range(size)
            ]
        )
        skps = self.env["kinerja.skp"]
        for employee in employees:
            skps |= self._approved_skp(employee, parent=self.rhk_section, target=120)[0]
        if state != "approved":
            skps.sudo().write({"state": state})
        return skps

    def _submitted_reports(self, skps, month, value=10):
        return self.Report.sudo().create(
            [
                {
                    "skp_indicator_id": indicator.id,
                    "period_id": self.month[month].id,
                    "value": value,
                    "state": "submitted",
                }
                for indicator in skps.indicator_ids
            ]
        )

    def _queries(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before, result

    def assertConstant(self, counts):
        """Twice the records, no more queries."""
        self.assertLessEqual(counts[1], counts[0], f"queries for {SIZES}: {counts}")

    def test_prepare_evaluations(self):
        """The month-end cron: draft evaluations with suggestions and activities."""
        counts = []
        for size, month in zip(SIZES, (2, 3), strict=True):
            skps = self._team(size, f"Prepare {size}")
            self._submitted_reports(skps, 1).sudo().write({"state": "accepted"})
            count, evaluations = self._queries(lambda s=skps, m=month: self.Evaluation._prepare(self.month[m], s))
            counts.append(count)
            self.assertEqual(len(evaluations), size)
            self.assertEqual(evaluations.activity_ids.user_id, self.user_section)
            self.assertEqual(set(evaluations.mapped("suggested_result_rating")), {"below"}, "10 of 120 by March")
            # what the batch copies from the SKP is what the ORM would have computed
            self.env.invalidate_all()
            for evaluation in evaluations:
                skp = evaluation.skp_id
                for fname in ("employee_id", "user_id", "evaluator_id", "evaluator_user_id", "department_id"):
                    self.assertEqual(evaluation[fname], skp[fname], fname)
                self.assertEqual(evaluation.evaluator_parent_user_id, skp.evaluator_parent_user_id)
                self.assertEqual(evaluation.period_date_start, self.month[month].date_start)
                self.assertEqual(evaluation.name, f"{skp.employee_id.name} - {self.month[month].name}")
                self.assertGreater(evaluation.achievement, 0)
        self.assertConstant(counts)

    def test_accept_month_recomputes_achievement(self):
        """The evaluator accepts a month's reports of his team: achievement follows."""
        counts = []
        for size in SIZES:
            skps = self._team(size, f"Accept {size}")
            reports = self._submitted_reports(skps, 1)
            count, _result = self._queries(lambda r=reports: r.with_user(self.user_section).action_accept())
            counts.append(count)
            self.assertEqual(set(reports.mapped("state")), {"accepted"})
            self.assertEqual(set(skps.indicator_ids.mapped("realized_value")), {10.0})
            self.assertEqual(set(skps.mapped("achievement")), {10 / 120 * 100})
        self.assertConstant(counts)

    def test_recompute_achievement_of_all_indicators(self):
        counts = []
        for size in SIZES:
            skps = self._team(size, f"Recompute {size}")
            reports = self._submitted_reports(skps, 1, value=12)
            count, _result = self._queries(lambda r=reports: r.sudo().write({"state": "accepted"}))
            counts.append(count)
            self.assertEqual(set(skps.result_ids.mapped("achievement")), {10.0})
        self.assertConstant(counts)

    def test_unit_recap_xlsx(self):
        counts = []
        for size in SIZES:
            self._team(size, f"Recap {size}")
            data = {"year_id": self.year.id, "department_ids": []}
            count, (_content, kind) = self._queries(
                lambda d=data: self.env["ir.actions.report"]._render_xlsx(
                    "kinerja_asn.action_report_kinerja_unit_recap_xlsx", self.year.ids, d
                )
            )
            counts.append(count)
            self.assertEqual(kind, "xlsx")
        self.assertConstant(counts)

    def test_supervisor_to_approve_screens(self):
        """'To Approve' (SKPs) and 'Realisation to Review' of the evaluator, as the web client
        reads them, record rules applied."""
        uid = self.user_section.id
        screens = (
            (
                "kinerja.skp",
                "kinerja_asn.kinerja_skp_view_list",
                [("state", "=", "submitted"), ("evaluator_user_id", "=", uid)],
            ),
            (
                "kinerja.realization",
                "kinerja_asn.kinerja_realization_view_list",
                [("evaluator_user_id", "=", uid), ("state", "=", "submitted")],
            ),
        )
        counts = {model: [] for model, _view, _domain in screens}
        for size in SIZES:
            self._team(size, f"Approve {size}", state="submitted")
            self._submitted_reports(self._team(size, f"Review {size}"), 1)
            env = self.env(user=self.user_section)
            for model, view, domain in screens:
                spec = _view_spec(env, model, "list", view)
                count, result = self._queries(
                    lambda m=model, d=domain, s=spec, e=env: e[m].web_search_read(d, s, limit=80, count_limit=10001)
                )
                counts[model].append(count)
                self.assertEqual(result["length"], sum(SIZES[: SIZES.index(size) + 1]), model)
        for model_counts in counts.values():
            self.assertConstant(model_counts)

    def test_supervisor_my_team(self):
        """Monitoring > My Team: the indicators of everyone below, grouped by employee; then
        the rows of the whole team."""
        env = self.env(user=self.user_head)
        Indicator = env["kinerja.skp.indicator"]
        domain = [("skp_id.is_my_team", "=", True), ("state", "=", "approved")]
        spec = _view_spec(env, "kinerja.skp.indicator", "list")
        # what the web client asks for the group rows: the fields' own aggregators
        aggregates = [
            f"{name}:{description['aggregator']}"
            for name, description in Indicator.fields_get(list(spec), ["aggregator"]).items()
            if description.get("aggregator")
        ]
        self.assertEqual(set(aggregates), {"achievement:avg", "pending_count:sum"}, "no sums of different units")
        group_counts, list_counts = [], []
        for size in SIZES:
            self._submitted_reports(self._team(size, f"Team {size}"), 1)
            count, groups = self._queries(lambda: Indicator.web_read_group(domain, aggregates, ["employee_id"]))
            group_counts.append(count)
            self.assertEqual(len(groups["groups"]), 3 + sum(SIZES[: SIZES.index(size) + 1]))
            count, _rows = self._queries(lambda: Indicator.web_search_read(domain, spec, limit=80))
            list_counts.append(count)
        self.assertConstant(group_counts)
        self.assertConstant(list_counts)

    @freeze_time(f"{YEAR}-03-10")
    def test_supervisor_my_team_members(self):
        """Monitoring > My Team: one row per person below, with or without an SKP, as the web
        client reads the list (missing reports included), and grouped by SKP status."""
        env = self.env(user=self.user_head)
        Member = env["kinerja.team.member"]
        domain = [("is_my_team", "=", True), ("period_id.is_current", "=", True)]
        spec = _view_spec(env, "kinerja.team.member", "list")
        self.assertIn("report_missing_count", spec)
        list_counts, group_counts = [], []
        for size in SIZES:
            self._submitted_reports(self._team(size, f"Members {size}"), 1)
            self.env["hr.employee"].create(
                [{"name": f"No plan {size} {index}", "parent_id": self.emp_section.id} for index in range(size)]
            )
            count, result = self._queries(lambda: Member.web_search_read(domain, spec, limit=80))
            list_counts.append(count)
            self.assertEqual(result["length"], 3 + 2 * sum(SIZES[: SIZES.index(size) + 1]))
            states = [record["skp_state"] for record in result["records"]]
            self.assertEqual(states.count("none"), sum(SIZES[: SIZES.index(size) + 1]))
            count, _groups = self._queries(
                lambda: Member.web_read_group(domain, ["achievement:avg", "pending_count:sum"], ["skp_state"])
            )
            group_counts.append(count)
        self.assertConstant(list_counts)
        self.assertConstant(group_counts)

    def test_employee_opens_his_skp(self):
        """The SKP form with its results, indicators, core values and annex."""
        counts = []
        for size in SIZES:
            user = new_test_user(self.env, login=f"form{size}", groups="base.group_user")
            employee = self.env["hr.employee"].create(
                {"name": f"Form {size}", "user_id": user.id, "parent_id": self.emp_section.id}
            )
            skp, _result = self._approved_skp(employee, parent=self.rhk_section)
            skp.sudo().write({"state": "draft"})
            for index in range(size - 1):
                self.env["kinerja.skp.result"].create(
                    {
                        "skp_id": skp.id,
                        "name": f"Hasil {index}",
                        "parent_result_id": self.rhk_section.id,
                        "indicator_ids": [
                            (0, 0, {"name": f"Indikator {index}", "target_value": 10, "unit_label": "dokumen"})
                        ],
                    }
                )
            skp.sudo().write({"state": "approved"})
            self._submitted_reports(skp, 1)
            env = self.env(user=user)
            spec = _view_spec(env, "kinerja.skp", "form")
            count, [values] = self._queries(lambda s=skp, e=env, sp=spec: s.with_env(e).web_read(sp))
            counts.append(count)
            self.assertEqual(len(values["result_ids"]), size)
            self.assertEqual(len(values["indicator_ids"]), size)
        self.assertConstant(counts)

    def test_manager_chain_follows_changes(self):
        """The parent path behind "the employees below me" follows a new manager and a
        deleted one."""
        Employee = self.env["hr.employee"]
        boss = Employee.create({"name": "Atasan"})
        middle = Employee.create({"name": "Tengah", "parent_id": boss.id})
        low = Employee.create({"name": "Bawah", "parent_id": middle.id})
        self.assertEqual(Employee.search([("id", "child_of", boss.id)]), boss | middle | low)
        low.parent_id = self.emp_section
        self.assertEqual(Employee.search([("id", "child_of", boss.id)]), boss | middle)
        self.assertIn(low, Employee.search([("id", "child_of", self.emp_head.id)]))
        low.parent_id = middle
        middle.unlink()
        self.assertFalse(low.parent_id)
        self.assertEqual(Employee.search([("id", "child_of", boss.id)]), boss)

    def test_prepare_evaluations_in_indonesian(self):
        """The batch reads its labels in the user's language, which may query the database:
        the drafts are still all created (the demo data prepares them in Indonesian)."""
        self.env["res.lang"]._activate_lang("id_ID")
        skps = self._team(3, "Bahasa")
        evaluations = self.Evaluation.with_context(lang="id_ID")._prepare(self.month[2], skps)
        self.assertEqual(len(evaluations), 3)
        self.assertEqual(evaluations.skp_id, skps)
