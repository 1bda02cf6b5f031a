from odoo.tests import new_test_user, tagged

from .test_tour import KinerjaTourCase, _realisation_team


@tagged("post_install", "-at_install")
class TestPhoneTour(KinerjaTourCase):
    """Everyday use on a phone, in Odoo's own responsive client (390 px, touch): the daily
    log, To Approve and To Review with accept and reject, feedback. Each tour checks that the
    screens do not scroll sideways and that the key fields and buttons are in sight."""

    browser_size = "390x844"
    touch_enabled = True

    def setUp(self):
        super().setUp()
        self.users, self.skp = _realisation_team(self.env)
        self.kasi, self.staf = self.users["tour_kasi"], self.users["tour_staf"]

    def _submitted_skps(self):
        """Staf Dua and Staf Tiga, also evaluated by Kasi Tur, have submitted their SKPs."""
        section = self.skp.evaluator_id
        skps = self.env["kinerja.skp"]
        section_skp = skps.create({"employee_id": section.id, "period_id": self.skp.period_id.id})
        supported = self.env["kinerja.skp.result"].create(
            {
                "skp_id": section_skp.id,
                "name": "Cakupan imunisasi dasar lengkap",
                "indicator_ids": [(0, 0, {"name": "Desa UCI", "target_value": 10, "unit_label": "desa"})],
            }
        )
        section_skp.write({"state": "approved"})
        for name in ("Staf Dua", "Staf Tiga"):
            login = "tour_" + name.split()[1].lower()
            user = new_test_user(self.env, login=login, groups="base.group_user", password=login)
            employee = self.env["hr.employee"].create({"name": name, "user_id": user.id, "parent_id": section.id})
            skp = skps.create({"employee_id": employee.id, "period_id": self.skp.period_id.id})
            self.env["kinerja.skp.result"].create(
                {
                    "skp_id": skp.id,
                    "name": "Imunisasi rutin terlaksana",
                    "parent_result_id": supported.id,
                    "indicator_ids": [(0, 0, {"name": "Anak diimunisasi", "target_value": 400, "unit_label": "anak"})],
                }
            )
            skp.write({"state": "submitted"})
            skps |= skp
        return skps

    def test_tour_daily_log_on_a_phone(self):
        self.start_tour("/odoo", "kinerja_asn_daily_log_phone", login="tour_staf")
        log = self.env["kinerja.daily.log"].search([("user_id", "=", self.staf.id)])
        self.assertEqual(len(log), 1)
        self.assertEqual(log.result_id, self.skp.result_ids)
        self.assertEqual(log.name, "Imunisasi 24 anak di posyandu Melati")
        self.assertFalse(log.is_late)
        self.assertEqual(log.attachment_ids.name, "posyandu_melati.jpg")
        self.assertEqual(log.attachment_ids.mimetype, "image/jpeg")

    def test_tour_approve_and_return_on_a_phone(self):
        approved, returned = self._submitted_skps()
        self.start_tour("/odoo", "kinerja_asn_to_approve_phone", login="tour_kasi")
        self.assertEqual(approved.state, "approved")
        self.assertEqual(approved.approved_by_id, self.kasi)
        self.assertEqual(returned.state, "draft")
        self.assertEqual(returned.return_reason, "Target terlalu rendah: naikkan menjadi 450 anak")

    def test_tour_accept_and_reject_on_a_phone(self):
        immunised, posyandu = self.skp.indicator_ids.sorted("id")
        period = self.skp._current_subperiod()
        Report = self.env["kinerja.realization"].with_user(self.staf)
        reports = Report.browse()
        for indicator, value, note in (
            (immunised, 42, "Imunisasi di posyandu Melati dan Mawar"),
            (posyandu, 90, "Posyandu aktif di 9 dari 10 kelurahan"),
        ):
            reports |= Report.create(
                {"skp_indicator_id": indicator.id, "period_id": period.id, "value": value, "note": note}
            )
        reports[0].evidence_url = "https://drive.example.go.id/register-imunisasi"
        reports.action_submit()
        self.start_tour("/odoo", "kinerja_asn_to_review_phone", login="tour_kasi")
        accepted, rejected = reports
        self.assertEqual(accepted.state, "accepted")
        self.assertEqual(accepted.feedback, "Sesuai register posyandu")
        self.assertEqual(accepted.reviewed_by_id, self.kasi)
        self.assertEqual(rejected.state, "rejected")
        self.assertEqual(rejected.feedback, "Lampirkan daftar posyandu aktif per kelurahan")

    def test_tour_feedback_on_a_phone(self):
        self.start_tour("/odoo", "kinerja_asn_feedback_phone", login="tour_kasi")
        feedback = self.env["kinerja.feedback"].search([("skp_id", "=", self.skp.id)])
        self.assertEqual(len(feedback), 1)
        self.assertEqual(feedback.author_id, self.kasi)
        self.assertEqual(feedback.feedback_type, "improvement")
        self.assertEqual(feedback.result_id, self.skp.result_ids)
        self.assertEqual(feedback.text, "Lampirkan foto kegiatan posyandu setiap minggu")
