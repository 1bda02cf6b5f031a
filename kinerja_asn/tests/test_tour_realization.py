from odoo.tests import tagged

from .test_tour import KinerjaTourCase, _realisation_team


@tagged("post_install", "-at_install")
class TestRealizationPhoneTour(KinerjaTourCase):
    """A civil servant reports on his phone: a narrow touch screen, where list rows cannot be
    selected and the form's header buttons fold into a menu."""

    browser_size = "390x844"
    touch_enabled = True

    def test_tour_report_and_submit_on_a_phone(self):
        users, skp = _realisation_team(self.env, phone=True)
        self.start_tour("/odoo", "kinerja_asn_realization_phone", login="tour_staf")
        report = self.env["kinerja.realization"].search([("skp_id", "=", skp.id)])
        self.assertEqual(len(report), 1)
        self.assertEqual(report.period_id, skp._current_subperiod())
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.value, 42)
        self.assertEqual(report.note, "Imunisasi di posyandu Melati dan Mawar")
        self.assertEqual(report.attachment_ids.name, "daftar_hadir.pdf")
        self.assertEqual((report.attachment_ids.res_model, report.attachment_ids.res_id), (report._name, report.id))
        self.assertEqual(skp.activity_ids.user_id, users["tour_kasi"])
