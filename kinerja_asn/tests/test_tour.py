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
    def test_tour_plan_return_fix_approve_distribute(self):
        """The employee drafts and submits his SKP in the browser; his supervisor returns it
        with a reason; the employee fixes it and submits again; the supervisor approves it from
        To Approve, then distributes one of his results to a subordinate."""
        env = self.env
        users = {
            login: new_test_user(env, login=login, groups="base.group_user", password=login)
            for login in ("tour_kepala", "tour_kasi", "tour_staf")
        }
        Employee = env["hr.employee"]
        head = Employee.create({"name": "Kepala Tur", "user_id": users["tour_kepala"].id})
        section = Employee.create({"name": "Kasi Tur", "user_id": users["tour_kasi"].id, "parent_id": head.id})
        staff = Employee.create({"name": "Staf Satu", "user_id": users["tour_staf"].id, "parent_id": section.id})
        staff2 = Employee.create({"name": "Staf Dua", "parent_id": section.id})
        library = env["kinerja.indicator"].create(
            {"name": "Cakupan imunisasi kejar", "code": "TOUR-KEJAR", "aspect": "quantity", "unit_label": "balita"}
        )
        year = env["kinerja.period"]._create_year(fields.Date.today().year, env.company, subperiods=False)
        section_skp = env["kinerja.skp"].create({"employee_id": section.id, "period_id": year.id, "state": "approved"})
        env["kinerja.skp.result"].create(
            {
                "skp_id": section_skp.id,
                "name": "Imunisasi rutin terlaksana",
                "indicator_ids": [(0, 0, {"name": "Anak diimunisasi", "target_value": 1200, "unit_label": "anak"})],
            }
        )
        skp = env["kinerja.skp"].create({"employee_id": staff.id, "period_id": year.id, "use_weights": True})

        self.start_tour("/odoo", "kinerja_asn_skp_submit", login="tour_staf")
        self.assertEqual(skp.state, "submitted")
        result = skp.result_ids
        self.assertEqual(len(result), 1)
        self.assertEqual(result.name, "Terlaksananya imunisasi di posyandu binaan")
        self.assertEqual((result.result_type, result.weight), ("main", 100))
        self.assertEqual(result.parent_result_id, section_skp.result_ids)
        self.assertEqual(
            result.indicator_ids.read(["name", "aspect", "target_value", "unit_label"])[0],
            {
                "id": result.indicator_ids.id,
                "name": "Jumlah anak yang diimunisasi",
                "aspect": "quantity",
                "target_value": 400,
                "unit_label": "anak",
            },
        )
        self.assertEqual(skp.activity_ids.user_id, users["tour_kasi"])

        self.start_tour("/odoo", "kinerja_asn_skp_return", login="tour_kasi")
        self.assertEqual(skp.state, "draft")
        self.assertEqual(skp.return_reason, "Target terlalu rendah: naikkan menjadi 450 anak")
        self.assertFalse(skp.activity_ids)

        self.start_tour("/odoo", "kinerja_asn_skp_fix", login="tour_staf")
        self.assertEqual(skp.state, "submitted")
        self.assertEqual(result.indicator_ids.target_value, 450)
        self.assertFalse(skp.return_reason, "a new submission clears the reason")

        self.start_tour("/odoo", "kinerja_asn_skp_approve", login="tour_kasi")
        self.assertEqual(skp.state, "approved")
        self.assertEqual(skp.approved_by_id, users["tour_kasi"])
        self.assertFalse(skp.activity_ids)
        history = env["report.kinerja_asn.report_skp"]._history(skp)
        self.assertEqual([entry["step"] for entry in history], ["Submitted", "Returned", "Submitted", "Approved"])
        self.assertEqual(history[1]["who"], users["tour_kasi"].name)
        self.assertEqual(history[1]["note"], "Target terlalu rendah: naikkan menjadi 450 anak")

        self.start_tour("/odoo", "kinerja_asn_skp_distribute", login="tour_kasi")
        distributed = env["kinerja.skp.result"].search([("name", "=", "Imunisasi kejar di posyandu Melati")])
        self.assertEqual(distributed.employee_id, staff2, "only the subordinate kept in the wizard")
        self.assertEqual(distributed.skp_id.state, "draft", "his missing SKP is created as a draft")
        self.assertEqual(distributed.parent_result_id, section_skp.result_ids)
        self.assertEqual(
            distributed.indicator_ids.read(["name", "indicator_id", "aspect", "target_value", "unit_label"])[0],
            {
                "id": distributed.indicator_ids.id,
                "name": "Balita diimunisasi kejar",
                "indicator_id": (library.id, library.display_name),
                "aspect": "quality",
                "target_value": 60,
                "unit_label": "anak balita",
            },
        )
        self.assertEqual(len(skp.result_ids), 1, "the approved SKP of Staf Satu is untouched")


def _realisation_team(env, phone=False):
    """Kasi Tur evaluates Staf Tur, whose approved SKP of this year has a yearly count
    (1200 children, 100 a month) and a monthly average (95 % of posyandu active)."""
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
    indicators = [
        (0, 0, {"name": "Anak diimunisasi", "target_value": 1200, "unit_label": "anak", "aggregation": "sum"})
    ]
    if not phone:
        indicators.append(
            (
                0,
                0,
                {
                    "name": "Posyandu aktif",
                    "target_value": 95,
                    "unit_label": "%",
                    "aggregation": "average",
                    "aspect": "quality",
                },
            )
        )
    env["kinerja.skp.result"].create(
        {"skp_id": skp.id, "name": "Imunisasi rutin terlaksana", "indicator_ids": indicators}
    )
    skp.write({"state": "approved"})
    return users, skp


@tagged("post_install", "-at_install")
class TestRealizationTour(KinerjaTourCase):
    def test_tour_report_review_and_resubmit_realisation(self):
        """The employee fills his month in the grid and the form, with a file and links, and
        submits; his supervisor gives feedback, accepts one report and rejects the other; the
        employee fixes it, submits it again and adds a report of another month."""
        env = self.env
        users, skp = _realisation_team(env)
        immunised, posyandu = skp.indicator_ids.sorted("id")
        current = skp._current_subperiod()
        other = skp.period_id.child_ids.filtered(lambda p: p != current).sorted("date_start")[0]
        other.name = "Bulan Tur"

        self.start_tour("/odoo", "kinerja_asn_realization_report", login="tour_staf")
        report = env["kinerja.realization"].search([("skp_indicator_id", "=", immunised.id)])
        second = env["kinerja.realization"].search([("skp_indicator_id", "=", posyandu.id)])
        self.assertEqual(len(report), 1)
        self.assertEqual(report.period_id, current)
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.value, 42)
        self.assertEqual(report.note, "Imunisasi di posyandu Melati dan Mawar")
        self.assertEqual(report.evidence_url, "https://drive.example.go.id/register-imunisasi")
        self.assertEqual(report.attachment_ids.name, "daftar_hadir.pdf")
        self.assertEqual((report.attachment_ids.res_model, report.attachment_ids.res_id), (report._name, report.id))
        self.assertEqual(report.period_target, 100)
        self.assertEqual((second.state, second.value), ("submitted", 90))
        self.assertEqual(second.note, "Posyandu aktif di 9 dari 10 kelurahan")
        self.assertEqual(second.evidence_url, "https://drive.example.go.id/posyandu")

        self.start_tour("/odoo", "kinerja_asn_realization_review", login="tour_kasi")
        self.assertEqual(report.state, "accepted")
        self.assertEqual(report.reviewed_by_id, users["tour_kasi"])
        self.assertEqual(report.feedback, "Sesuai register posyandu")
        self.assertEqual(immunised.realized_value, 42)
        self.assertEqual(second.state, "rejected")
        self.assertEqual(second.feedback, "Lampirkan daftar posyandu aktif per kelurahan")
        self.assertEqual(second.reviewed_by_id, users["tour_kasi"])

        self.start_tour("/odoo", "kinerja_asn_realization_resubmit", login="tour_staf")
        self.assertEqual((second.state, second.value), ("submitted", 93))
        self.assertEqual(second.note, "Posyandu aktif di 9 dari 10 kelurahan; daftar per kelurahan terlampir")
        added = env["kinerja.realization"].search(
            [("skp_indicator_id", "=", immunised.id), ("period_id", "=", other.id)]
        )
        self.assertEqual((added.state, added.value, added.create_uid), ("draft", 30, users["tour_staf"]))


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
                    "indicator_ids": [(0, 0, {"name": "Anak diimunisasi", "target_value": 400, "unit_label": "anak"})],
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
