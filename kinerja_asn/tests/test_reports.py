import io
import shutil
from datetime import date

import openpyxl
from PyPDF2 import PdfReader

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, freeze_time, tagged
from odoo.tools.safe_eval import safe_eval

from .test_evaluation import EvaluationCase
from .test_realization import YEAR


def _xlsx(env, report, records, data=None):
    content, kind = env["ir.actions.report"]._render_xlsx(report, records.ids, data)
    assert kind == "xlsx"
    return openpyxl.load_workbook(io.BytesIO(content))


def _cells(sheet):
    return [cell for row in sheet.iter_rows() for cell in row if cell.value not in (None, "")]


def _texts(sheet):
    return [str(cell.value) for cell in _cells(sheet)]


class ReportCase(EvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Recap = cls.env["report.kinerja_asn.unit_recap_xlsx"]
        # a name that would be a formula if written carelessly
        cls.ind_staff.sudo().name = '=HYPERLINK("http://evil.example","klik")'
        cls.skp_staff.sudo().write({"approved_by_id": cls.user_section.id, "approved_date": "2026-01-20 10:00:00"})
        cls.skp_staff.sudo()._freeze_identity()
        cls.skp_staff.sudo().verification_code = cls.skp_staff._new_verification_code()


@tagged("post_install", "-at_install")
class TestReportData(ReportCase):
    def test_skp_identity_results_and_trail(self):
        report = self.env["report.kinerja_asn.report_skp"]
        identity = report._identity(self.skp_staff)
        self.assertEqual(identity["employee_nip"], "199003032015031003")
        self.assertEqual(identity["evaluator_name"], "Kepala Seksi")
        self.assertEqual(identity["evaluator_parent_name"], "Kepala Dinas")
        main, additional = report._result_sections(self.skp_staff)
        self.assertEqual(main["rows"][0]["parent"], self.rhk_section.name)
        self.assertEqual(main["rows"][0]["target"], "120 anak")
        self.assertFalse(additional["rows"])
        trail = report._trail(self.skp_staff)
        self.assertEqual(trail[0][:2], ("Approved by", self.user_section.name))

    def test_realization_matrix(self):
        self._accepted(self.ind_staff, 1, 10)
        self._report(self.ind_staff, 2, 7)
        matrix = self.env["report.kinerja_asn.realization_matrix_xlsx"]._matrix(self.skp_staff)
        self.assertEqual(len(matrix["periods"]), 12)
        [row] = matrix["rows"]
        self.assertEqual(row["cells"][0]["value"], 10)
        self.assertEqual(row["cells"][0]["state"], "accepted")
        self.assertEqual(row["cells"][1]["state"], "submitted")
        self.assertIsNone(row["cells"][2])
        self.assertEqual(row["realized"], 10)

    def test_unit_recap_rows_and_totals(self):
        self._signed(month=1, result="above", behavior="above")
        self._signed(evaluation_type="annual", result="meets", behavior="meets")
        self._signed(self.skp_staff2, evaluation_type="annual", result="below", behavior="below")
        recap = self.Recap._get_recap_data(self.year, self.dept)
        by_name = {row["employee"]: row for row in recap["rows"]}
        self.assertEqual(set(by_name), {"Kepala Dinas", "Kepala Seksi", "Staf Satu", "Staf Dua"})
        staff = by_name["Staf Satu"]
        self.assertEqual(staff["nip"], "199003032015031003")
        self.assertEqual(staff["periods"][0]["predicate"], "Very Good")
        self.assertTrue(staff["periods"][0]["signed"])
        self.assertIsNone(staff["periods"][1])
        self.assertEqual(staff["annual"]["predicate"], "Good")
        self.assertTrue(staff["annual"]["signed"])
        self.assertEqual((staff["signed_count"], staff["figure_count"]), (1, 1))
        totals = dict(recap["totals"])
        self.assertEqual((totals["Good"], totals["Very Poor"], totals["Very Good"]), (1, 1, 0))
        self.assertEqual(recap["not_evaluated"], 2, "the two heads have no signed annual evaluation")

    @freeze_time(f"{YEAR}-12-20")
    def test_unit_recap_achievement_so_far_without_signed_evaluations(self):
        """Eleven months of accepted realisation, nothing signed: each month shows the
        achievement so far (target prorated to the month's end), marked as not signed, and
        no predicate; months without anything accepted stay empty."""
        for month in range(1, 12):
            self._accepted(self.ind_staff, month, 9 + month % 3)
        recap = self.Recap._get_recap_data(self.year, self.dept)
        staff = next(row for row in recap["rows"] if row["employee"] == "Staf Satu")
        figures = self.ind_staff._realization_figures(self.month[3], prorate=True)
        self.assertAlmostEqual(staff["periods"][2]["achievement"], figures[self.ind_staff.id]["achievement"])
        for month, cell in enumerate(staff["periods"][:11], start=1):
            self.assertFalse(cell["signed"], month)
            self.assertEqual(cell["predicate"], "", month)
            self.assertGreater(cell["achievement"], 80, month)
        self.assertIsNone(staff["periods"][11], "nothing accepted for December")
        self.assertFalse(staff["annual"]["signed"])
        self.assertAlmostEqual(staff["annual"]["achievement"], self.ind_staff.achievement)
        self.assertEqual((staff["signed_count"], staff["figure_count"]), (0, 11))
        self.assertTrue(all(count == 0 for _label, count in recap["totals"]))
        self.assertEqual(recap["not_evaluated"], 4)
        # a signed month replaces the figure so far with the evaluation's
        self._signed(month=2, result="above", behavior="above")
        staff = next(row for row in self.Recap._get_recap_data(self.year)["rows"] if row["employee"] == "Staf Satu")
        self.assertTrue(staff["periods"][1]["signed"])
        self.assertEqual(staff["periods"][1]["predicate"], "Very Good")
        self.assertFalse(staff["periods"][2]["signed"])

    def test_unit_recap_query_count_does_not_grow(self):
        counts = []
        for size in (5, 20):
            Employee = self.env["hr.employee"]
            for index in range(size):
                employee = Employee.create(
                    {"name": f"R{size}-{index}", "parent_id": self.emp_section.id, "department_id": self.dept.id}
                )
                skp, _result = self._approved_skp(employee, parent=self.rhk_section)
                evaluation = self._evaluation(skp, 1)
                evaluation.write({"result_rating": "meets", "behavior_rating": "meets", "override_reason": "x"})
                evaluation.action_done(force=True)
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            recap = self.Recap._get_recap_data(self.year)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(len(recap["rows"]), 4 + 25)
        self.assertLessEqual(counts[1], counts[0] + 2, counts)

    def test_employee_form_summary(self):
        self._accepted(self.ind_staff, 1, 12)
        self._signed(month=1, result="above", behavior="above")
        employee = self.emp_staff.with_user(self.user_section)
        self.assertEqual(employee.kinerja_skp_id, self.skp_staff)
        self.assertAlmostEqual(employee.kinerja_achievement, 10.0)
        self.assertEqual(employee.kinerja_predicate, "very_good")

    def test_employee_summary_for_colleagues_and_org_chart(self):
        """The public employee form (what the org chart opens for non-HR users) shows the
        summary to the supervisor chain, and nothing to a colleague."""
        self._signed(month=1, result="above", behavior="above")
        public = self.env["hr.employee.public"].browse(self.emp_staff.id)
        self.assertEqual(public.with_user(self.user_head).kinerja_predicate, "very_good")
        self.assertEqual(public.with_user(self.user_head).kinerja_skp_id, self.skp_staff)
        colleague = public.with_user(self.user_staff2)
        self.assertFalse(colleague.kinerja_skp_id)
        self.assertFalse(colleague.kinerja_predicate)

    @freeze_time(f"{YEAR}-03-10")  # the overview counts this year's SKPs: YEAR's
    def test_department_overview(self):
        self._signed(month=1, result="above", behavior="above")
        draft = self._evaluation(self.skp_staff2, 1)
        today = fields.Date.context_today(self.env.user)
        skps = self.env["kinerja.skp"].search(
            [
                ("department_id", "=", self.dept.id),
                ("state", "!=", "cancelled"),
                ("date_start", "<=", today),
                ("date_end", ">=", today),
            ]
        )
        self.assertTrue(skps)
        dept = self.dept.with_user(self.user_officer)
        # The officer (not an HR officer) finds the unit through the overview's own action.
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.hr_department_action_kinerja_overview")
        self.assertIn(self.dept, dept.search(safe_eval(action.get("domain") or "[]")))
        self.assertEqual(dept.kinerja_skp_count, len(skps))
        approved = skps.filtered(lambda skp: skp.state in ("approved", "done"))
        self.assertEqual(dept.kinerja_skp_approved_count, len(approved))
        self.assertAlmostEqual(dept.kinerja_achievement, sum(approved.mapped("achievement")) / len(approved))
        self.assertEqual(dept.kinerja_evaluation_draft_count, 1)
        action = dept.action_kinerja_open_evaluations()
        self.assertEqual(self.env["kinerja.evaluation"].search(action["domain"]), draft)
        self.skp_staff2.sudo().state = "submitted"
        dept.invalidate_recordset()
        self.assertEqual(dept.kinerja_skp_to_approve_count, 1)
        with self.assertRaises(AccessError):
            self.dept.with_user(self.user_staff).read(["kinerja_skp_count"])

    def test_department_overview_query_count_does_not_grow(self):
        Department = self.env["hr.department"].with_user(self.user_officer)
        counts = []
        for size in (3, 12):
            departments = self.env["hr.department"].create(
                [{"name": f"Unit {size}-{index}", "company_id": self.company_a.id} for index in range(size)]
            )
            departments |= self.dept
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Department.browse(departments.ids).read(["kinerja_skp_count", "kinerja_report_missing_count"])
            counts.append(self.env.cr.sql_log_count - before)
        self.assertLessEqual(counts[1], counts[0], counts)

    @freeze_time(f"{YEAR}-03-10")  # the targets of the current year: YEAR's
    def test_goal_progress_by_unit(self):
        """Progress by Goal lists the unit's targets with the rolled-up realisation, as the
        employee reading it may see them."""
        self._accepted(self.rhk_head.indicator_ids, 1, 300)
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_goal_target_action_progress")
        Target = self.env["kinerja.goal.target"].with_user(self.user_officer)
        targets = Target.search([("department_id", "child_of", self.dept.id), ("period_id.is_current", "=", True)])
        self.assertEqual(targets, self.goal.target_ids)
        self.assertEqual(targets.realized_value, 300)
        self.assertAlmostEqual(targets.achievement, 25.0)
        self.assertIn("search_default_groupby_goal", action["context"])


@tagged("post_install", "-at_install")
class TestMonitoring(ReportCase):
    """My Team, the missing reports and the grouped progress screens."""

    def _missing(self, user=None):
        Indicator = self.env["kinerja.skp.indicator"].with_user(user or self.user_officer)
        return Indicator.search([("is_report_missing", "=", True), ("department_id", "=", self.dept.id)])

    def test_report_missing_only_after_the_deadline(self):
        """January reported by the staff, nothing by the others: from 6 February (the day
        after January's deadline) the others' January reports are missing; on 1 March (first
        day after February) and on 5 March (February's deadline) still only those; on 6 March
        the staff's February report is missing too."""
        self._report(self.ind_staff, 1, 10)
        self.assertEqual(self.month[2].report_deadline, date(YEAR, 3, 5))
        others = (self.skp_head | self.skp_section | self.skp_staff2).indicator_ids
        for day, staff_missing in (("02-06", False), ("03-01", False), ("03-05", False), ("03-06", True)):
            with self.subTest(day=day), freeze_time(f"{YEAR}-{day}"):
                self.env.invalidate_all()
                expected = others | self.ind_staff if staff_missing else others
                self.assertEqual(self._missing(), expected)
                self.assertEqual(self.ind_staff.is_report_missing, staff_missing)
                self.assertEqual(self.skp_staff2.indicator_ids.is_report_missing, True)
                present = self.env["kinerja.skp.indicator"].search(
                    [("is_report_missing", "=", False), ("department_id", "=", self.dept.id)]
                )
                self.assertEqual(self.ind_staff in present, not staff_missing)
                dept = self.dept.with_user(self.user_officer)
                self.assertEqual(dept.kinerja_report_missing_count, len(expected.skp_id))
                action = dept.action_kinerja_open_missing_reports()
                self.assertEqual(self.env["kinerja.skp.indicator"].search(action["domain"]), expected)
        with freeze_time(f"{YEAR}-02-05"):
            self.env.invalidate_all()
            self.assertFalse(self._missing(), "nothing is due before January's deadline (5 February)")

    def test_report_missing_for_an_skp_starting_within_the_period(self):
        """A plan that starts on 15 February owes a February report after 5 March."""
        employee = self.env["hr.employee"].create(
            {"name": "Pindahan", "parent_id": self.emp_section.id, "department_id": self.dept.id}
        )
        skp, _result = self._approved_skp(employee, parent=self.rhk_section)
        skp.sudo().date_start = date(YEAR, 2, 15)
        with freeze_time(f"{YEAR}-03-06"):
            self.env.invalidate_all()
            self.assertTrue(skp.indicator_ids.is_report_missing)
            self.assertIn(skp.indicator_ids, self._missing())

    def test_report_missing_without_a_deadline_counts_from_the_period_end(self):
        self.month[1].report_deadline = False
        with freeze_time(f"{YEAR}-02-01"):
            self.env.invalidate_all()
            self.assertIn(self.ind_staff, self._missing())
        with freeze_time(f"{YEAR}-01-31"):
            self.env.invalidate_all()
            self.assertFalse(self._missing())

    def test_search_report_missing_rejects_other_operators(self):
        with self.assertRaisesMsg(UserError, "Unsupported search on 'Report Missing'."):
            self.env["kinerja.skp.indicator"].search([("is_report_missing", "in", [True])])

    @freeze_time(f"{YEAR}-03-10")
    def test_my_team_lists_staff_without_an_approved_skp(self):
        newcomer = self.env["hr.employee"].create(
            {"name": "Pegawai Baru", "parent_id": self.emp_section.id, "department_id": self.dept.id}
        )
        drafting = self.env["hr.employee"].create(
            {"name": "Masih Draf", "parent_id": self.emp_section.id, "department_id": self.dept.id}
        )
        draft = self.env["kinerja.skp"].create({"employee_id": drafting.id, "period_id": self.year.id})
        self._accepted(self.ind_staff, 1, 12)
        self._report(self.ind_staff, 2, 5)
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_team_member_action")
        context = safe_eval(action["context"])
        self.assertEqual(context, {"search_default_my_team": 1, "search_default_current_year": 1})
        Member = self.env["kinerja.team.member"].with_user(self.user_section)
        members = Member.search([("is_my_team", "=", True), ("period_id.is_current", "=", True)])
        by_employee = {member.employee_id: member for member in members}
        self.assertEqual(set(by_employee), {self.emp_staff, self.emp_staff2, newcomer, drafting})
        self.assertEqual(members[0].skp_state, "none", "people without a plan come first")
        self.assertEqual(by_employee[newcomer].skp_state, "none")
        self.assertFalse(by_employee[newcomer].has_plan)
        self.assertFalse(by_employee[newcomer].skp_id)
        self.assertEqual(by_employee[drafting].skp_id, draft)
        self.assertEqual((by_employee[drafting].skp_state, by_employee[drafting].has_plan), ("draft", False))
        staff = by_employee[self.emp_staff]
        self.assertEqual((staff.skp_id, staff.skp_state, staff.has_plan), (self.skp_staff, "approved", True))
        self.assertAlmostEqual(staff.achievement, self.skp_staff.achievement)
        self.assertEqual((staff.indicator_count, staff.pending_count, staff.report_missing_count), (1, 1, 0))
        self.assertEqual(by_employee[self.emp_staff2].report_missing_count, 1, "February is due since 5 March")
        self.assertEqual(
            Member.search([("is_my_team", "=", True), ("has_plan", "=", False)]).employee_id, newcomer | drafting
        )
        # from a row to the indicators and their reports
        indicators = self.env["kinerja.skp.indicator"].with_user(self.user_section)
        action = staff.action_view_indicators()
        self.assertEqual(indicators.search(action["domain"]), self.ind_staff)
        self.assertEqual(staff.action_open_skp()["res_id"], self.skp_staff.id)
        with self.assertRaisesMsg(UserError, "Pegawai Baru has no SKP for this year yet."):
            by_employee[newcomer].action_view_indicators()
        # the head sees the whole tree below him, the section head included
        head = self.env["kinerja.team.member"].with_user(self.user_head).search([("is_my_team", "=", True)])
        self.assertIn(self.emp_section, head.employee_id)
        self.assertIn(newcomer, head.employee_id)

    def test_my_team_rows_are_those_of_the_reader(self):
        Member = self.env["kinerja.team.member"]
        own = Member.with_user(self.user_staff).search([])
        self.assertEqual(own.employee_id, self.emp_staff, "a colleague's row is not his")
        with self.assertRaises(AccessError):
            Member.search([("employee_id", "=", self.emp_staff2.id)]).with_user(self.user_staff).read(["skp_state"])
        self.assertFalse(Member.with_user(self.user_other).search([("employee_id", "=", self.emp_staff.id)]))
        officer = Member.with_user(self.user_officer).search([("employee_id", "in", self.dept.member_ids.ids)])
        self.assertEqual(officer.employee_id, self.dept.member_ids)
        with self.assertRaises(AccessError):
            Member.with_user(self.user_staff).search([], limit=1).unlink()

    def test_grouped_my_team_averages_achievement_without_adding_units(self):
        """52 reports and 100 %: the group row shows the average achievement, no sum of targets
        or realisation of different indicators."""
        percent = self.env["kinerja.skp.indicator"].create(
            {
                "result_id": self.rhk_staff.id,
                "name": "Cakupan",
                "target_value": 100,
                "unit_label": "%",
                "aggregation": "last",
            }
        )
        self.ind_staff.sudo().target_value = 52
        self._accepted(self.ind_staff, 1, 26)
        self._accepted(percent, 1, 80)
        Indicator = self.env["kinerja.skp.indicator"].with_user(self.user_section)
        described = Indicator.fields_get(
            ["target_value", "realized_value", "achievement", "reported_count"], ["aggregator"]
        )
        self.assertNotIn("aggregator", described["target_value"])
        self.assertNotIn("aggregator", described["realized_value"])
        self.assertNotIn("aggregator", described["reported_count"])
        self.assertEqual(described["achievement"]["aggregator"], "avg")
        aggregates = [f"{name}:{d['aggregator']}" for name, d in described.items() if d.get("aggregator")]
        groups = Indicator.web_read_group([("skp_id", "=", self.skp_staff.id)], aggregates, ["employee_id"])
        [group] = groups["groups"]
        self.assertNotIn("target_value", group)
        self.assertNotIn("realized_value", group)
        self.assertAlmostEqual(group["achievement"], (50.0 + 80.0) / 2)

    def test_progress_by_goal_groups_average_achievement(self):
        lib_percent = self.env["kinerja.indicator"].create(
            {"name": "Cakupan imunisasi", "code": "IMU-02", "aggregation": "average", "unit_label": "%"}
        )
        second = self.env["kinerja.goal.target"].create(
            {"goal_id": self.goal.id, "indicator_id": lib_percent.id, "target_value": 100}
        )
        self._accepted(self.rhk_head.indicator_ids, 1, 300)
        Target = self.env["kinerja.goal.target"].with_user(self.user_officer)
        described = Target.fields_get(["target_value", "realized_value", "achievement"], ["aggregator"])
        self.assertFalse(any(d.get("aggregator") for d in described.values()), described)
        groups = Target.web_read_group([("goal_id", "=", self.goal.id)], [], ["goal_id"])["groups"]
        [group] = groups
        self.assertNotIn("target_value", group)
        targets = self.goal.target_ids
        self.assertEqual(targets, self.goal.target_ids.filtered(lambda t: t in (second | targets)))
        self.assertAlmostEqual(group["achievement"], (25.0 + 0.0) / 2)


@tagged("post_install", "-at_install")
class TestXlsxReports(ReportCase):
    def test_skp_xlsx(self):
        book = _xlsx(self.env, "kinerja_asn.action_report_kinerja_skp_xlsx", self.skp_staff)
        sheet = book.active
        texts = _texts(sheet)
        self.assertIn("SKP Staf Satu 2026", texts[0])
        self.assertIn("Work Result (RHK)", texts)
        self.assertIn(self.rhk_staff.name, texts)
        formula = next(c for c in _cells(sheet) if str(c.value).startswith("=HYPERLINK"))
        self.assertEqual(formula.data_type, "s", "user text stays text, never a formula")
        self.assertEqual(sheet.freeze_panes, "A5")

    def test_realization_matrix_xlsx(self):
        self._accepted(self.ind_staff, 1, 10)
        self._report(self.ind_staff, 2, 7)
        sheet = _xlsx(self.env, "kinerja_asn.action_report_kinerja_realization_matrix_xlsx", self.skp_staff).active
        header = [cell.value for cell in sheet[4]]
        self.assertEqual(header[4], self.month[1].name)
        row = [cell.value for cell in sheet[5]]
        self.assertEqual(row[3], 120)
        self.assertEqual(row[4], 10)
        self.assertEqual(row[5], "(7)", "not accepted yet")
        self.assertEqual(row[-2], 10)

    def test_unit_recap_xlsx(self):
        self._signed(evaluation_type="annual", result="above", behavior="above")
        wizard = self.env["kinerja.recap.wizard"].create(
            {"year_id": self.year.id, "department_ids": [(6, 0, self.dept.ids)]}
        )
        action = wizard.action_download()
        self.assertEqual(action["report_type"], "xlsx")
        sheet = _xlsx(self.env, action["report_name"], self.year, action["data"]).active
        texts = _texts(sheet)
        self.assertIn("Staf Satu", texts)
        self.assertIn("Very Good", texts)
        self.assertIn("Annual predicates (signed)", texts)
        self.assertIn("Legend", texts)

    @freeze_time(f"{YEAR}-12-20")
    def test_unit_recap_xlsx_marks_figures_not_signed(self):
        for month in range(1, 12):
            self._accepted(self.ind_staff, month, 10)
        self._signed(month=1, result="above", behavior="above")
        data = {"year_id": self.year.id, "department_ids": self.dept.ids}
        sheet = _xlsx(self.env, "kinerja_asn.action_report_kinerja_unit_recap_xlsx", self.year, data).active
        header = [cell.value for cell in sheet[4]]
        staff = next(row for row in sheet.iter_rows(min_row=5) if row[1].value == "Staf Satu")
        january = header.index(f"{self.month[1].name} %")
        february = header.index(f"{self.month[2].name} %")
        # January is signed: plain number and its predicate
        signed = self.Evaluation.search([("skp_id", "=", self.skp_staff.id), ("state", "=", "done")])
        self.assertAlmostEqual(staff[january].value, signed.achievement)
        self.assertEqual(staff[january + 1].value, "Very Good")
        self.assertFalse(staff[january].font.i)
        # February is the figure so far: a number all the same, italic on yellow, "Not signed"
        expected = self.ind_staff._realization_figures(self.month[2], prorate=True)[self.ind_staff.id]
        self.assertAlmostEqual(staff[february].value, expected["achievement"])
        self.assertEqual(staff[february].data_type, "n")
        self.assertTrue(staff[february].font.i)
        self.assertEqual(staff[february].fill.fgColor.rgb[-6:], "FFF2CC")
        self.assertEqual(staff[february + 1].value, "Not signed")
        december = header.index(f"{self.month[12].name} %")
        self.assertIn(staff[december].value, (None, ""), "nothing accepted for December")
        self.assertEqual(staff[header.index("Signed Evaluations")].value, "1 of 11")
        annual = staff[header.index("Annual %")]
        self.assertAlmostEqual(annual.value, self.ind_staff.achievement)
        self.assertTrue(annual.font.i)
        texts = _texts(sheet)
        self.assertIn("Not evaluated yet", texts)
        self.assertIn("Legend", texts)

    def test_distribution_xlsx(self):
        rating = self.env["kinerja.org.rating"].create(
            {"department_id": self.dept.id, "period_id": self.month[1].id, "rating": "needs_improvement"}
        )
        self._signed(month=1, result="above", behavior="above")
        self._signed(self.skp_staff2, month=1, result="above", behavior="above")
        sheet = _xlsx(self.env, "kinerja_asn.action_report_kinerja_distribution_xlsx", rating).active
        row = [cell.value for cell in sheet[5]]
        self.assertEqual(row[0], self.dept.complete_name)
        self.assertEqual(row[3], 2, "two evaluations in the unit")
        self.assertIn("at most", row[-1])


@tagged("post_install", "-at_install")
class TestPdfReports(HttpCase, ReportCase):
    """An HttpCase: wkhtmltopdf fetches the report's assets from the test server, which must
    share the test transaction."""

    def _pdf_text(self, report, records):
        html = self.env["ir.actions.report"]._render_qweb_html(report, records.ids)[0].decode()
        if not shutil.which("wkhtmltopdf"):
            return html
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, records.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        return " ".join(text.split())

    def test_skp_pdf(self):
        text = self._pdf_text("kinerja_asn.action_report_kinerja_skp", self.skp_staff)
        for expected in (
            "PERFORMANCE PLAN",
            "Staf Satu",
            "199003032015031003",
            "Kepala Seksi",
            self.skp_staff.verification_code,
        ):
            self.assertIn(expected, text)

    def test_evaluation_pdf(self):
        evaluation = self._signed(month=1, result="above", behavior="above")
        evaluation.line_ids.filtered(lambda line: line.line_type == "result").sudo().feedback = "Target terlampaui"
        text = self._pdf_text("kinerja_asn.action_report_kinerja_evaluation", evaluation)
        for expected in (
            "PERFORMANCE EVALUATION",
            "Staf Satu",
            "Very Good",
            "Target terlampaui",
            evaluation.verification_code,
        ):
            self.assertIn(expected, text)


@tagged("post_install", "-at_install")
class TestVerificationPage(HttpCase):
    def test_verification_page(self):
        employee = self.env["hr.employee"].create({"name": "Pegawai Terverifikasi", "nip": "199003032015031003"})
        year = self.env["kinerja.period"]._create_year(2026, self.env.company, subperiods=False)
        skp = self.env["kinerja.skp"].create({"employee_id": employee.id, "period_id": year.id})
        skp.write({"state": "approved", "approved_date": "2026-01-20 10:00:00"})
        skp._freeze_identity()
        skp.verification_code = skp._new_verification_code()
        response = self.url_open(f"/kinerja/verify/{skp.verification_code}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Pegawai Terverifikasi", response.text)
        self.assertIn("1990…003", response.text)
        self.assertNotIn("199003032015031003", response.text, "the full NIP stays private")
        self.assertIn("Performance Plan (SKP)", response.text)
        self.assertIn("Approved", response.text)
        response = self.url_open("/kinerja/verify/0000000000000000")
        self.assertEqual(response.status_code, 404)
