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
        history = skp._report_history()
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
        report = env["kinerja.realization"].search([("indicator_id", "=", immunised.id)])
        second = env["kinerja.realization"].search([("indicator_id", "=", posyandu.id)])
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
        added = env["kinerja.realization"].search([("indicator_id", "=", immunised.id), ("period_id", "=", other.id)])
        self.assertEqual((added.state, added.value, added.create_uid), ("draft", 30, users["tour_staf"]))


@tagged("post_install", "-at_install")
class TestEvaluationTour(KinerjaTourCase):
    def test_tour_evaluate_and_sign(self):
        """The supervisor rates his staff in the evaluation list and signs."""
        env = self.env
        users = {
            login: new_test_user(env, login=login, groups="base.group_user", password=login)
            for login in ("tour_kasi", "tour_staf")
        }
        Employee = env["hr.employee"]
        section = Employee.create({"name": "Kasi Tur", "user_id": users["tour_kasi"].id})
        staff = Employee.create({"name": "Staf Tur", "user_id": users["tour_staf"].id, "parent_id": section.id})
        year = env["kinerja.period"]._create_year(fields.Date.today().year, env.company)
        skp = env["kinerja.skp"].create({"employee_id": staff.id, "period_id": year.id})
        env["kinerja.skp.result"].create(
            {
                "skp_id": skp.id,
                "name": "Imunisasi rutin terlaksana",
                "indicator_ids": [(0, 0, {"name": "Anak diimunisasi", "target_value": 400, "unit_label": "anak"})],
            }
        )
        skp.write({"state": "approved"})
        [evaluation] = env["kinerja.evaluation"]._prepare(year.child_ids.sorted("date_start")[0], skp)

        self.start_tour("/odoo", "kinerja_asn_evaluation_sign", login="tour_kasi")
        self.assertEqual(evaluation.state, "done")
        self.assertEqual((evaluation.result_rating, evaluation.behavior_rating), ("below", "above"))
        self.assertEqual(evaluation.predicate, "needs_improvement")
        self.assertEqual(evaluation.done_by_id, users["tour_kasi"])
