import shutil

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


def _browser_available():
    return any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))


class KinerjaTourCase(HttpCase):
    """Base for the browser tours: a missing Chromium is a failure, not a skip."""

    def start_tour(self, *args, **kwargs):
        self.assertTrue(_browser_available(), "Chromium is required for the browser tours: run `make setup`.")
        return super().start_tour(*args, **kwargs)


@tagged("post_install", "-at_install")
class TestKinerjaTour(KinerjaTourCase):
    def test_tour_open_kinerja_app(self):
        """An officer opens the Kinerja app and adds an indicator to the library."""
        self.start_tour("/odoo", "kinerja_asn_open_app", login="admin")
        indicator = self.env["kinerja.indicator"].search([("code", "=", "TOUR-01")])
        self.assertEqual(indicator.name, "Cakupan pemeriksaan ibu hamil")
        self.assertEqual(indicator.aggregation, "sum")


@tagged("post_install", "-at_install")
class TestSkpTour(KinerjaTourCase):
    def test_tour_submit_and_approve_skp(self):
        """The employee completes and submits his SKP in the browser; his supervisor approves it."""
        env = self.env
        users = {
            login: new_test_user(env, login=login, groups="base.group_user", password=login)
            for login in ("tour_kepala", "tour_kasi", "tour_staf")
        }
        Employee = env["hr.employee"]
        head = Employee.create({"name": "Kepala Tur", "user_id": users["tour_kepala"].id})
        section = Employee.create({"name": "Kasi Tur", "user_id": users["tour_kasi"].id, "parent_id": head.id})
        staff = Employee.create({"name": "Staf Satu", "user_id": users["tour_staf"].id, "parent_id": section.id})
        year = env["kinerja.period"]._create_year(fields.Date.today().year, env.company, subperiods=False)
        section_skp = env["kinerja.skp"].create({"employee_id": section.id, "period_id": year.id, "state": "approved"})
        env["kinerja.skp.result"].create(
            {
                "skp_id": section_skp.id,
                "name": "Imunisasi rutin terlaksana",
                "indicator_ids": [(0, 0, {"name": "Anak diimunisasi", "target_value": 1200})],
            }
        )
        skp = env["kinerja.skp"].create({"employee_id": staff.id, "period_id": year.id})

        self.start_tour("/odoo", "kinerja_asn_skp_submit", login="tour_staf")
        self.assertEqual(skp.state, "submitted")
        self.assertEqual(skp.result_ids.parent_result_id, section_skp.result_ids)
        self.assertEqual(skp.result_ids.indicator_ids.target_value, 400)
        self.assertEqual(skp.activity_ids.user_id, users["tour_kasi"])

        self.start_tour("/odoo", "kinerja_asn_skp_approve", login="tour_kasi")
        self.assertEqual(skp.state, "approved")
        self.assertEqual(skp.approved_by_id, users["tour_kasi"])
        self.assertFalse(skp.activity_ids)


@tagged("post_install", "-at_install")
class TestRealizationTour(KinerjaTourCase):
    def test_tour_report_and_accept_realisation(self):
        """The employee reports this month with an evidence file; his supervisor accepts it."""
        env = self.env
        users = {
            login: new_test_user(env, login=login, groups="base.group_user", password=login)
            for login in ("tour_kasi", "tour_staf")
        }
        Employee = env["hr.employee"]
        section = Employee.create({"name": "Kasi Tur", "user_id": users["tour_kasi"].id})
        staff = Employee.create({"name": "Staf Tur", "user_id": users["tour_staf"].id, "parent_id": section.id})
        year = env["kinerja.period"]._create_year(fields.Date.today().year, env.company)
        year.action_open()
        year.child_ids.action_open()
        skp = env["kinerja.skp"].create({"employee_id": staff.id, "period_id": year.id})
        env["kinerja.skp.result"].create(
            {
                "skp_id": skp.id,
                "name": "Imunisasi rutin terlaksana",
                "indicator_ids": [(0, 0, {"name": "Anak diimunisasi", "target_value": 400})],
            }
        )
        skp.write({"state": "approved"})

        self.start_tour("/odoo", "kinerja_asn_realization_report", login="tour_staf")
        report = env["kinerja.realization"].search([("skp_id", "=", skp.id)])
        self.assertEqual(len(report), 1)
        self.assertEqual(report.period_id, skp._current_subperiod())
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.value, 42)
        self.assertEqual(report.attachment_ids.name, "daftar_hadir.pdf")
        self.assertEqual((report.attachment_ids.res_model, report.attachment_ids.res_id), (report._name, report.id))

        self.start_tour("/odoo", "kinerja_asn_realization_accept", login="tour_kasi")
        self.assertEqual(report.state, "accepted")
        self.assertEqual(report.reviewed_by_id, users["tour_kasi"])
        self.assertEqual(skp.indicator_ids.realized_value, 42)


@tagged("post_install", "-at_install")
class TestEvaluationTour(KinerjaTourCase):
    """The evaluation screens in the browser, in a unit whose organisation rating for the
    period puts the distribution rules in force (Very Poor: no Very Good predicate allowed)."""

    def setUp(self):
        super().setUp()
        env = self.env
        self.users = {
            login: new_test_user(env, login=login, groups="base.group_user", password=login)
            for login in ("tour_kepala", "tour_kasi", "tour_staf", "tour_staf2")
        }
        Employee = env["hr.employee"]
        self.unit = env["hr.department"].create({"name": "Dinas Tur"})
        head = Employee.create(
            {"name": "Kepala Tur", "user_id": self.users["tour_kepala"].id, "department_id": self.unit.id}
        )
        self.unit.manager_id = head
        section = Employee.create(
            {
                "name": "Kasi Tur",
                "user_id": self.users["tour_kasi"].id,
                "parent_id": head.id,
                "department_id": self.unit.id,
            }
        )
        year = env["kinerja.period"]._create_year(fields.Date.today().year, env.company)
        month = year.child_ids.sorted("date_start")[0]
        skps = env["kinerja.skp"]
        for name, login in (("Staf Tur", "tour_staf"), ("Staf Dua", "tour_staf2")):
            staff = Employee.create(
                {
                    "name": name,
                    "user_id": self.users[login].id,
                    "parent_id": section.id,
                    "department_id": self.unit.id,
                }
            )
            skp = env["kinerja.skp"].create({"employee_id": staff.id, "period_id": year.id})
            env["kinerja.skp.result"].create(
                {
                    "skp_id": skp.id,
                    "name": f"Imunisasi rutin terlaksana ({name})",
                    "indicator_ids": [(0, 0, {"name": "Anak diimunisasi", "target_value": 400})],
                }
            )
            skp.write({"state": "approved"})
            skps |= skp
        self.org_rating = env["kinerja.org.rating"].create(
            {"department_id": self.unit.id, "period_id": month.id, "rating": "very_poor"}
        )
        self.assertFalse(env.company.kinerja_distribution_blocking)
        self.evaluation, self.evaluation2 = (
            env["kinerja.evaluation"]._prepare(month, skps).sorted(lambda e: e.employee_id.name != "Staf Tur")
        )
        self.assertEqual(self.evaluation.employee_id.name, "Staf Tur")
        self.assertEqual(self.evaluation2.suggested_result_rating, "below")

    def test_tour_evaluate_object_decide(self):
        evaluation, evaluation2 = self.evaluation, self.evaluation2
        kasi, kepala = self.users["tour_kasi"], self.users["tour_kepala"]

        # (a) the To Evaluate list
        self.start_tour("/odoo/kinerja-to-evaluate", "kinerja_asn_evaluation_sign", login="tour_kasi")
        self.assertEqual(evaluation.state, "done")
        self.assertEqual((evaluation.result_rating, evaluation.behavior_rating), ("meets", "above"))
        self.assertEqual(evaluation.predicate, "good")
        self.assertEqual(
            evaluation.override_reason, "Realisasi Januari belum dilaporkan tepat waktu, tetapi target tercapai"
        )
        self.assertEqual(evaluation.feedback, "Pertahankan, laporkan tepat waktu")
        self.assertEqual(evaluation.done_by_id, kasi)
        self.assertEqual(evaluation2.state, "draft", "only the row signed")

        # (b) the evaluation form, through the distribution dialog
        self.start_tour("/odoo/kinerja-to-evaluate", "kinerja_asn_evaluation_form", login="tour_kasi")
        self.assertEqual(evaluation2.state, "done")
        self.assertEqual((evaluation2.result_rating, evaluation2.behavior_rating), ("above", "above"))
        self.assertEqual(evaluation2.predicate, "very_good")
        self.assertEqual(evaluation2.override_reason, "Menangani KLB campak di luar target")
        self.assertEqual(evaluation2.feedback, "Teladan bagi tim imunisasi")
        self.assertEqual(evaluation2.result_line_ids.feedback, "Cakupan imunisasi melampaui target")
        self.assertEqual(len(evaluation2.behavior_line_ids), 7)
        self.assertEqual(
            evaluation2.behavior_line_ids.mapped("feedback"),
            [f"Nilai {index} ditunjukkan dengan baik" for index in range(1, 8)],
        )
        self.assertEqual(evaluation2.done_by_id, kasi)
        self.assertIn("at most 0 allowed", self.org_rating.violation, "signed anyway: the unit shows it")

        # (c) the employees object: from the evaluation, and from the Objections menu
        self.start_tour("/odoo/kinerja-my-evaluations", "kinerja_asn_objection_file", login="tour_staf")
        objection = evaluation.objection_ids
        self.assertEqual(len(objection), 1)
        self.assertEqual(objection.reason, "Realisasi Januari sudah dilaporkan, bukti terlampir di sistem")
        self.assertEqual(objection.state, "submitted")
        self.assertEqual((objection.original_result_rating, objection.original_predicate), ("meets", "good"))
        self.assertEqual(objection.activity_ids.user_id, kepala)
        self.start_tour("/odoo/kinerja-objections", "kinerja_asn_objection_new", login="tour_staf2")
        objection2 = evaluation2.objection_ids
        self.assertEqual(len(objection2), 1)
        self.assertEqual(objection2.reason, "Perilaku kerja belum dinilai dari bukti kegiatan")
        self.assertEqual(objection2.user_id, self.users["tour_staf2"])

        # (d) the evaluator's supervisor decides: accepts one with revised ratings, rejects the other
        self.start_tour("/odoo/kinerja-objections", "kinerja_asn_objection_accept", login="tour_kepala")
        self.assertEqual(objection.state, "accepted")
        self.assertEqual((objection.revised_result_rating, objection.revised_behavior_rating), ("above", "above"))
        self.assertEqual(objection.decision_reason, "Bukti laporan Januari sah")
        self.assertEqual(objection.decided_by_id, kepala)
        self.assertEqual((evaluation.result_rating, evaluation.behavior_rating), ("above", "above"))
        self.assertEqual(evaluation.predicate, "very_good")
        self.assertFalse(objection.activity_ids)
        self.start_tour("/odoo/kinerja-objections", "kinerja_asn_objection_reject", login="tour_kepala")
        self.assertEqual(objection2.state, "rejected")
        self.assertEqual(objection2.decision_reason, "Penilaian perilaku sudah berdasarkan bukti")
        self.assertEqual(objection2.decided_by_id, kepala)
        self.assertEqual(evaluation2.predicate, "very_good", "rejected: unchanged")

    def test_tour_organisation_rating(self):
        """The officer enters a unit's organisation rating in the list and its basis in the form."""
        new_test_user(
            self.env,
            login="tour_pengelola",
            password="tour_pengelola",
            groups="base.group_user,kinerja_asn.group_kinerja_officer",
        )
        self.start_tour("/odoo/kinerja-org-ratings", "kinerja_asn_org_rating", login="tour_pengelola")
        rating = self.env["kinerja.org.rating"].search(
            [("department_id", "=", self.unit.id), ("id", "!=", self.org_rating.id)]
        )
        self.assertEqual(len(rating), 1)
        self.assertEqual(rating.period_id.date_start.month, 2)
        self.assertEqual(rating.rating, "outstanding")
        self.assertEqual(rating.note, "LKjIP Februari: 9 dari 10 sasaran tercapai")
