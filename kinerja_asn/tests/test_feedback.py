from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .test_realization import RealizationCase


@tagged("post_install", "-at_install")
class TestFeedback(RealizationCase):
    def _give(self, user, skp, **values):
        values.setdefault("result_id", skp.result_ids[:1].id)
        return (
            self.env["kinerja.feedback"]
            .with_user(user)
            .create({"skp_id": skp.id, "feedback_type": "positive", "text": "Kerja bagus", **values})
        )

    def test_supervisor_gives_feedback_the_employee_is_notified(self):
        feedback = self._give(self.user_section, self.skp_staff, period_id=self.month[2].id)
        self.assertEqual(feedback.author_id, self.user_section)
        self.assertEqual(feedback.employee_id, self.emp_staff)
        notified = feedback.message_ids.notification_ids.res_partner_id
        self.assertIn(self.user_staff.partner_id, notified)
        # The employee reads it and answers in its chatter.
        mine = feedback.with_user(self.user_staff)
        self.assertEqual(mine.text, "Kerja bagus")
        mine.message_post(body="Terima kasih", message_type="comment")
        self.assertEqual(self.skp_staff.feedback_count, 1)

    def test_two_levels_up_may_give_feedback_on_a_core_value(self):
        value = self.env.ref("kinerja_asn.core_value_kolaboratif")
        feedback = self._give(
            self.user_head, self.skp_staff, result_id=False, core_value_id=value.id, feedback_type="improvement"
        )
        self.assertEqual(feedback.core_value_id, value)

    def test_who_may_not_give_feedback(self):
        for user in (self.user_staff, self.user_staff2):
            with self.subTest(user=user.login), self.assertRaisesMsg(AccessError, "Only the supervisors"):
                self._give(user, self.skp_staff)
        with self.assertRaises(AccessError):
            self._give(self.user_other, self.skp_staff)
        with self.assertRaisesMsg(AccessError, "in your own name"):
            self._give(self.user_section, self.skp_staff, author_id=self.user_head.id)
        self.assertFalse(self.env["kinerja.feedback"].search([("skp_id", "=", self.skp_staff.id)]))

    def test_who_reads_feedback(self):
        feedback = self._give(self.user_section, self.skp_staff)
        for user in (self.user_staff, self.user_section, self.user_head, self.user_officer):
            self.assertTrue(feedback.with_user(user).has_access("read"), user.login)
        for user in (self.user_staff2, self.user_other):
            self.assertFalse(feedback.with_user(user).has_access("read"), user.login)
        with self.assertRaisesMsg(AccessError, "Only .* can change this feedback"):
            feedback.with_user(self.user_head).write({"text": "diubah"})

    def test_bad_subject(self):
        with self.assertRaisesMsg(ValidationError, "exactly one"):
            self._give(self.user_section, self.skp_staff, result_id=False)
        with self.assertRaisesMsg(ValidationError, "not part of this SKP"):
            self._give(self.user_section, self.skp_staff, result_id=self.rhk_staff2.id)


@tagged("post_install", "-at_install")
class TestCoaching(RealizationCase):
    def _note(self, user=None, **values):
        user = user or self.user_section
        return (
            self.env["kinerja.coaching"]
            .with_user(user)
            .create(
                {
                    "employee_id": self.emp_staff.id,
                    "coach_id": self.emp_section.id,
                    "coaching_type": "counselling",
                    "topic": "Keterlambatan laporan",
                    **values,
                }
            )
        )

    def test_private_to_the_people_concerned(self):
        # a session on a fixed date, whatever the day the suite runs
        note = self._note(date="2026-11-20", follow_up_date="2026-12-01")
        self.assertEqual(note.activity_ids.user_id, self.user_section)
        for user in (self.user_staff, self.user_section, self.user_officer):
            self.assertTrue(note.with_user(user).has_access("read"), user.login)
        for user in (self.user_head, self.user_staff2, self.user_other):
            self.assertFalse(note.with_user(user).has_access("read"), user.login)
        with self.assertRaisesMsg(AccessError, "Only the coach"):
            note.with_user(self.user_staff).write({"outcome": "tidak ada"})
        note.with_user(self.user_staff).message_post(body="Saya setuju", message_type="comment")

    def test_coach_writes_in_his_own_name(self):
        with self.assertRaisesMsg(AccessError, "Only the coach"):
            self._note(user=self.user_staff2)
        with self.assertRaisesMsg(ValidationError, "cannot coach himself"):
            self._note(coach_id=self.emp_staff.id, user=self.user_staff)
        with self.assertRaisesMsg(ValidationError, "follow-up date"):
            self._note(date="2026-05-10", follow_up_date="2026-05-01")
