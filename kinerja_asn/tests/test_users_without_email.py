from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_realization import RealizationCase
from .test_skp_flow import SkpCase


def _without_email(*users):
    for user in users:
        user.partner_id.email = False
        user.notification_type = "email"


@tagged("post_install", "-at_install")
class TestWorkflowWithoutEmail(SkpCase):
    """Many civil servants log in with their NIP and have no e-mail address: every step
    that posts in the chatter works for them, and notifications reach Odoo's inbox."""

    def setUp(self):
        super().setUp()
        _without_email(self.user_staff, self.user_section, self.user_head)
        self.env = self.env(context=dict(self.env.context, tracking_disable=False))

    def test_submit_return_and_approve_without_email(self):
        self._approved_chain()
        self._add_result(self.skp_staff, "Anak diimunisasi", parent=self.rhk_section)
        skp = self.skp_staff.with_env(self.env)
        skp.with_user(self.user_staff).action_submit()
        self.assertEqual(skp.state, "submitted")
        skp.with_user(self.user_section).action_return(reason="Target terlalu rendah")
        self.assertEqual(skp.state, "draft")
        returned = skp.message_ids.filtered(lambda m: "Target terlalu rendah" in (m.body or ""))
        self.assertTrue(returned, "the return is posted")
        self.assertEqual(returned[:1].author_id, self.user_section.partner_id, "under the evaluator's name")
        notified = returned[:1].notification_ids.filtered(lambda n: n.res_partner_id == self.user_staff.partner_id)
        self.assertEqual(notified.mapped("notification_type"), ["inbox"], "the employee reads it in Odoo")
        self.assertFalse(notified.filtered("failure_type"), "no lost e-mail")
        skp.with_user(self.user_staff).action_submit()
        skp.with_user(self.user_section).action_approve()
        self.assertEqual(skp.state, "approved")

    def test_other_modules_keep_mail_rules(self):
        """Outside the addon, mail still asks for the sender's address."""
        partner = self.env["res.partner"].create({"name": "Mitra"})
        with self.assertRaisesMsg(UserError, "configure the sender's email address"):
            partner.with_user(self.user_staff).message_post(body="Halo")


@tagged("post_install", "-at_install")
class TestReviewWithoutEmail(RealizationCase):
    def test_reject_reaches_the_inbox(self):
        _without_email(self.user_staff, self.user_section)
        report = self._report(self.ind_staff, 1, 10)
        report.with_user(self.user_section).action_reject(feedback="Lampirkan daftar hadir")
        self.assertEqual(report.state, "rejected")
        message = report.message_ids.filtered(lambda m: "Lampirkan daftar hadir" in (m.body or ""))[:1]
        self.assertEqual(message.author_id, self.user_section.partner_id)
        notification = message.notification_ids.filtered(lambda n: n.res_partner_id == self.user_staff.partner_id)
        self.assertEqual(notification.notification_type, "inbox")


@tagged("post_install", "-at_install")
class TestCreateUsersWithNip(SkpCase):
    def _employee(self, name, nip=None, email=None):
        return self.env["hr.employee"].create(
            {
                "name": name,
                "nip": nip,
                "work_email": email,
                "department_id": self.dept.id,
                "company_id": self.company_a.id,
            }
        )

    def _wizard(self, employees, user=None):
        Wizard = self.env["kinerja.user.wizard"].with_user(user or self.user_officer)
        Wizard = Wizard.with_context(active_model="hr.employee", active_ids=employees.ids)
        return Wizard.create(Wizard.default_get(["line_ids"]))

    def test_preview_then_create(self):
        plain = self._employee("Pegawai Tanpa Surel", "199205052019031005")
        mailed = self._employee("Pegawai Bersurel", "199306062019032006", "bersurel@pemkot.go.id")
        no_nip = self._employee("Pegawai Tanpa NIP")
        taken = self._employee("Pegawai Login Terpakai", "199407072019031007")
        self.env["res.users"].create({"name": "Orang Lain", "login": "199407072019031007"})
        employees = plain | mailed | no_nip | taken | self.emp_staff
        wizard = self._wizard(employees)
        status = {line.employee_id: (line.status, line.message) for line in wizard.line_ids}
        self.assertEqual(status[plain][0], "ready")
        self.assertEqual(status[mailed][0], "ready")
        self.assertEqual(status[no_nip], ("error", "No NIP: enter the employee's NIP first."))
        self.assertIn("belongs to another user", status[taken][1])
        self.assertIn("Already a user: staf", status[self.emp_staff][1])
        self.assertEqual((wizard.ready_count, wizard.error_count), (2, 3))
        self.assertFalse(plain.user_id, "the preview creates nothing")

        wizard.action_create_users()
        self.assertEqual(wizard.state, "done")
        line = wizard.line_ids.filtered(lambda line: line.employee_id == plain)
        user = plain.user_id
        self.assertEqual((user.login, line.status, line.user_id), ("199205052019031005", "created", user))
        self.assertTrue(line.password, "a first password to hand over")
        self.assertEqual(user.notification_type, "inbox", "no address: notifications in Odoo")
        self.assertTrue(user._is_internal(), "an internal user")
        for group in ("kinerja_asn.group_kinerja_officer", "hr.group_hr_user", "base.group_erp_manager"):
            self.assertFalse(user.has_group(group), f"no more rights than an employee's: {group}")
        user.with_user(user)._check_credentials(
            {"login": user.login, "password": line.password, "type": "password"}, {"interactive": True}
        )
        invited = wizard.line_ids.filtered(lambda line: line.employee_id == mailed)
        self.assertEqual((invited.status, invited.password), ("invited", False))
        self.assertEqual(mailed.user_id.email, "bersurel@pemkot.go.id")
        self.assertFalse(no_nip.user_id or taken.user_id, "the others are left as they were")

    def test_only_officers(self):
        employee = self._employee("Pegawai Baru", "199508082020121008")
        with self.assertRaises(AccessError):
            self._wizard(employee, user=self.user_staff)
        with self.assertRaises(AccessError):
            self.env["kinerja.user.wizard"].with_user(self.user_staff).create({})
        self.assertFalse(employee.user_id)

    def test_nothing_to_create(self):
        wizard = self._wizard(self.emp_staff)
        with self.assertRaisesMsg(UserError, "No employee here can get a user"):
            wizard.action_create_users()
