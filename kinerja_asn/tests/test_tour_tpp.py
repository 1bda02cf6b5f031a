"""The TPP sheet in the browser (issue 17): the officer computes, checks and submits January,
the head of agency approves it from his to-do, an employee opens his own line and reads how it
was computed. The month of tests/test_tpp.py: its worked example of attendance, both
evaluations signed."""

from odoo.tests import tagged

from .test_tour import KinerjaTourCase
from .test_tpp import MONTH, TppSheetCase


@tagged("post_install", "-at_install")
class TestTppTour(TppSheetCase, KinerjaTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the tours log in with the login as password
        for user in (cls.user_officer, cls.user_head, cls.user_staff):
            user.password = user.login

    def test_tour_compute_check_approve_read(self):
        self._sign_month()
        self.start_tour("/odoo/kinerja-tpp", "kinerja_asn_tpp_officer", login=self.user_officer.login)
        sheet = self.Sheet.search([("date_from", "=", MONTH), ("company_id", "=", self.company_a.id)])
        self.assertEqual((sheet.state, sheet.checked_by_id), ("checked", self.user_officer))
        self.assertEqual(sheet.line_ids.employee_id, self.emp_staff | self.emp_staff2)
        self.assertEqual(self._line(sheet, self.emp_staff).net_amount, 4_526_100)
        self.assertEqual(sheet.activity_ids.user_id, self.user_head, "the head's to-do")

        self.start_tour("/odoo", "kinerja_asn_tpp_head", login=self.user_head.login)
        self.assertEqual((sheet.state, sheet.approved_by_id), ("approved", self.user_head))
        self.assertFalse(sheet.activity_ids)

        self.start_tour("/odoo/kinerja-my-tpp", "kinerja_asn_tpp_employee", login=self.user_staff.login)
