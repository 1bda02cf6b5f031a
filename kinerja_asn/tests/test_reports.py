import io
import shutil

import openpyxl
from PyPDF2 import PdfReader

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from .test_evaluation import EvaluationCase


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
        # a name that would be a formula if written carelessly
        cls.ind_staff.sudo().name = '=HYPERLINK("http://evil.example","klik")'
        cls.skp_staff.sudo().write({"approved_by_id": cls.user_section.id, "approved_date": "2026-01-20 10:00:00"})
        cls.skp_staff.sudo()._freeze_identity()
        cls.skp_staff.sudo().verification_code = cls.skp_staff._new_verification_code()


@tagged("post_install", "-at_install")
class TestReportData(ReportCase):
    def test_skp_identity_results_and_trail(self):
        identity = self.skp_staff._report_identity()
        self.assertEqual(identity["employee_nip"], "199003032015031003")
        self.assertEqual(identity["evaluator_name"], "Kepala Seksi")
        self.assertEqual(identity["evaluator_parent_name"], "Kepala Dinas")
        main, additional = self.skp_staff._report_results()
        self.assertEqual(main["rows"][0]["parent"], self.rhk_section.name)
        self.assertEqual(main["rows"][0]["target"], "120 anak")
        self.assertFalse(additional["rows"])
        trail = self.skp_staff._report_trail()
        self.assertEqual(trail[0][:2], ("Approved by", self.user_section.name))

    def test_realization_matrix(self):
        self._accepted(self.ind_staff, 1, 10)
        self._report(self.ind_staff, 2, 7)
        matrix = self.skp_staff._realization_matrix()
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
        recap = self.Evaluation._unit_recap(self.year, self.dept)
        by_name = {row["employee"]: row for row in recap["rows"]}
        self.assertEqual(set(by_name), {"Kepala Dinas", "Kepala Seksi", "Staf Satu", "Staf Dua"})
        staff = by_name["Staf Satu"]
        self.assertEqual(staff["nip"], "199003032015031003")
        self.assertEqual(staff["periods"][0]["predicate"], "Very Good")
        self.assertIsNone(staff["periods"][1])
        self.assertEqual(staff["annual"], "Good")
        totals = dict(recap["totals"])
        self.assertEqual((totals["Good"], totals["Very Poor"], totals["Very Good"]), (1, 1, 0))

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
            recap = self.Evaluation._unit_recap(self.year)
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
        self.assertIn("Annual predicates", texts)

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
        response = self.url_open("/kinerja/verify/0000000000000000")
        self.assertEqual(response.status_code, 404)
