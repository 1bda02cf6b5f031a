from datetime import date

from odoo import fields
from odoo.tests import Form, new_test_user, tagged

from .test_tour import KinerjaTourCase


@tagged("post_install", "-at_install")
class TestMonitoringTour(KinerjaTourCase):
    def test_tour_my_team_feedback_and_coaching(self):
        """The supervisor sees who has no SKP in My Team, reads an indicator's reports, gives
        feedback on a work result and on a core value and writes a coaching note; the
        employee reads the feedback and answers."""
        env = self.env
        users = {
            login: new_test_user(env, login=login, groups="base.group_user", password=login)
            for login in ("tour_kasi", "tour_staf")
        }
        Employee = env["hr.employee"]
        section = Employee.create({"name": "Kasi Tur", "user_id": users["tour_kasi"].id})
        staff = Employee.create({"name": "Staf Tur", "user_id": users["tour_staf"].id, "parent_id": section.id})
        newcomer = Employee.create({"name": "Pegawai Baru Tur", "parent_id": section.id})
        year = env["kinerja.period"]._create_year(fields.Date.today().year, env.company)
        year.action_open()
        year.child_ids.action_open()
        january = year.child_ids.sorted("date_start")[0]
        february = year.child_ids.sorted("date_start")[1]
        skp = env["kinerja.skp"].create({"employee_id": staff.id, "period_id": year.id})
        result = env["kinerja.skp.result"].create(
            {
                "skp_id": skp.id,
                "name": "Imunisasi rutin terlaksana",
                "indicator_ids": [(0, 0, {"name": "Anak diimunisasi", "target_value": 400, "unit_label": "anak"})],
            }
        )
        skp.write({"state": "approved"})
        report = env["kinerja.realization"].create(
            {"skp_indicator_id": result.indicator_ids.id, "period_id": january.id, "value": 40}
        )
        report.write({"state": "accepted"})
        self.assertFalse(env["kinerja.skp"].search([("employee_id", "=", newcomer.id)]))

        self.start_tour("/odoo", "kinerja_asn_my_team_feedback", login="tour_kasi")
        Feedback = env["kinerja.feedback"]
        on_result = Feedback.search([("skp_id", "=", skp.id), ("result_id", "=", result.id)])
        self.assertEqual(len(on_result), 1)
        self.assertEqual(
            (on_result.period_id, on_result.feedback_type, on_result.text, on_result.author_id),
            (january, "improvement", "Laporkan juga posyandu Mawar", users["tour_kasi"]),
        )
        self.assertIn(users["tour_staf"].partner_id, on_result.message_ids.notification_ids.res_partner_id)

        self.start_tour("/odoo", "kinerja_asn_feedback_core_value", login="tour_kasi")
        value = env.ref("kinerja_asn.core_value_kolaboratif")
        on_value = Feedback.search([("skp_id", "=", skp.id), ("core_value_id", "=", value.id)])
        self.assertEqual(len(on_value), 1)
        self.assertFalse(on_value.result_id)
        self.assertEqual(
            (on_value.period_id, on_value.feedback_type, on_value.text, on_value.employee_id),
            (february, "positive", "Kerja sama lintas program sangat baik", staff),
        )

        self.start_tour("/odoo", "kinerja_asn_coaching_note", login="tour_kasi")
        note = env["kinerja.coaching"].search([("employee_id", "=", staff.id)])
        self.assertEqual(len(note), 1)
        self.assertEqual(
            (note.topic, note.coach_id, note.skp_id, note.coaching_type),
            ("Menjangkau posyandu terpencil", section, skp, "mentoring"),
        )
        this_year = fields.Date.today().year
        self.assertEqual((note.date, note.follow_up_date), (date(this_year, 1, 15), date(this_year, 2, 15)))
        self.assertEqual((note.outcome, note.follow_up), ("Jadwal kunjungan disepakati", "Tinjau capaian bulan depan"))
        self.assertEqual(note.activity_ids.user_id, users["tour_kasi"], "the follow-up is scheduled for the coach")

        self.start_tour("/odoo", "kinerja_asn_feedback_answer", login="tour_staf")
        answer = on_result.message_ids.filtered(lambda m: m.author_id == users["tour_staf"].partner_id)
        self.assertEqual(len(answer), 1)
        self.assertIn("Siap, akan saya lengkapi", answer.body)


@tagged("post_install", "-at_install")
class TestMonitoringForms(KinerjaTourCase):
    """The feedback and coaching forms as the web client replays them, on unsaved records."""

    def setUp(self):
        super().setUp()
        env = self.env
        self.user_kasi = new_test_user(env, login="form_kasi", groups="base.group_user")
        self.user_staf = new_test_user(env, login="form_staf", groups="base.group_user")
        self.section = env["hr.employee"].create({"name": "Kasi Form", "user_id": self.user_kasi.id})
        self.staff = env["hr.employee"].create(
            {"name": "Staf Form", "user_id": self.user_staf.id, "parent_id": self.section.id}
        )
        # the web client and the server's defaults (the coaching's date) live today: this year
        self.year = env["kinerja.period"]._create_year(fields.Date.today().year, env.company)
        self.skp = env["kinerja.skp"].create({"employee_id": self.staff.id, "period_id": self.year.id})
        self.result = env["kinerja.skp.result"].create(
            {
                "skp_id": self.skp.id,
                "name": "Imunisasi rutin terlaksana",
                "indicator_ids": [(0, 0, {"name": "Anak diimunisasi", "target_value": 400, "unit_label": "anak"})],
            }
        )
        self.skp.write({"state": "approved"})

    def test_feedback_form_from_the_indicator(self):
        indicator = self.result.indicator_ids.with_user(self.user_kasi)
        action = indicator.action_give_feedback()
        Feedback = self.env["kinerja.feedback"].with_user(self.user_kasi).with_context(action["context"])
        with Form(Feedback) as form:
            self.assertEqual(form.skp_id, self.skp)
            self.assertEqual(form.employee_id, self.staff, "the employee follows the SKP before saving")
            self.assertEqual(form.result_id, self.result)
            self.assertEqual(form.author_id, self.user_kasi)
            form.feedback_type = "improvement"
            form.text = "Lengkapi bukti"
        feedback = form.record
        self.assertEqual((feedback.result_id, feedback.feedback_type), (self.result, "improvement"))

    def test_coaching_form(self):
        Coaching = self.env["kinerja.coaching"].with_user(self.user_kasi)
        with Form(Coaching) as form:
            self.assertEqual(form.coach_id, self.section)
            form.employee_id = self.staff
            self.assertEqual(form.company_id, self.staff.company_id)
            form.skp_id = self.skp
            form.coaching_type = "counselling"
            form.topic = "Beban kerja"
            form.outcome = "Dibagi ulang"
            form.follow_up = "Cek bulan depan"
        note = form.record
        self.assertEqual((note.employee_user_id, note.coach_user_id), (self.user_staf, self.user_kasi))
        self.assertEqual(note.coaching_type, "counselling")
