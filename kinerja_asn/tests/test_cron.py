from datetime import date, datetime
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from .test_realization import YEAR, RealizationCase


class CronCase(RealizationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Reminder = cls.env["kinerja.reminder"]
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")

    def _reminders(self, purpose):
        return self.Reminder.search([("purpose", "=", purpose)])

    def _mails_to(self, user):
        return self.env["mail.mail"].search([("recipient_ids", "in", user.partner_id.ids)])


@tagged("post_install", "-at_install")
class TestPeriodJob(CronCase):
    def test_next_year_in_time_then_opened(self):
        Period = self.env["kinerja.period"]
        with freeze_time(f"{YEAR}-11-20"):
            Period._cron_update_periods()
        self.assertFalse(Period.search([("year", "=", YEAR + 1), ("company_id", "=", self.company_a.id)]))
        with freeze_time(f"{YEAR}-12-05"):
            Period._cron_update_periods()
            Period._cron_update_periods()
        next_year = Period.search([("year", "=", YEAR + 1), ("company_id", "=", self.company_a.id)])
        self.assertEqual(len(next_year), 13, "the year and its twelve months, once")
        self.assertEqual(set(next_year.mapped("state")), {"draft"})
        with freeze_time(f"{YEAR + 1}-01-01"):
            Period._cron_update_periods()
        year = next_year.filtered(lambda p: p.period_type == "year")
        self.assertEqual(year.state, "open")
        self.assertEqual(next_year.filtered(lambda p: p.date_start == date(YEAR + 1, 1, 1) and p != year).state, "open")
        self.assertEqual(
            next_year.filtered(lambda p: p.date_start == date(YEAR + 1, 2, 1) and p != year).state, "draft"
        )
        # this year's months whose deadlines passed are closed
        self.assertEqual(self.month[11].state, "closed")
        self.assertEqual(self.month[12].state, "open", "its deadlines are still ahead")


@tagged("post_install", "-at_install")
class TestReminderJob(CronCase):
    @freeze_time(f"{YEAR}-02-03")
    def test_report_due_once_per_person_and_period(self):
        self._report(self.ind_staff, 1, 10)
        self.Reminder._cron_send_reminders()
        due = self._reminders("report_due")
        self.assertEqual(due.user_id, self.user_head | self.user_section | self.user_staff2)
        self.assertEqual(set(due.period_id.mapped("name")), {self.month[1].name})
        mine = due.filtered(lambda r: r.user_id == self.user_staff2)
        self.assertIn("1 indicator(s)", mine.summary)
        activity = self.skp_staff2.activity_ids.filtered(lambda a: a.activity_type_id == self.todo)
        self.assertEqual(activity.user_id, self.user_staff2)
        self.assertEqual(len(self._mails_to(self.user_staff2)), 1)
        # the evaluator hears of the report waiting for him, in one summary
        review = self._reminders("review").filtered(lambda r: r.user_id == self.user_section)
        self.assertIn("1 realisation report(s)", review.summary)

        # second run the same day: nothing new anywhere
        counts = (
            self.Reminder.search_count([]),
            self.env["mail.activity"].search_count([]),
            self.env["mail.mail"].search_count([]),
        )
        self.Reminder._cron_send_reminders()
        self.assertEqual(
            counts,
            (
                self.Reminder.search_count([]),
                self.env["mail.activity"].search_count([]),
                self.env["mail.mail"].search_count([]),
            ),
        )

    @freeze_time(f"{YEAR}-02-03")
    def test_reminder_note_escapes_what_users_named(self):
        # a period is named by an administrator: the to-do's note shows its name as text
        self.month[1].name = "Januari <i>kurang</i> & lebih"
        self.Reminder._cron_send_reminders()
        activity = self.skp_staff2.activity_ids.filtered(lambda a: a.activity_type_id == self.todo)
        self.assertIn("&lt;i&gt;kurang&lt;/i&gt; &amp; lebih", str(activity.note))
        self.assertNotIn("<i>", str(activity.note))

    def test_report_overdue_after_the_deadline(self):
        with freeze_time(f"{YEAR}-02-03"):
            self.Reminder._cron_send_reminders()
        with freeze_time(f"{YEAR}-02-07"):
            self.Reminder._cron_send_reminders()
            self.Reminder._cron_send_reminders()
        late = self._reminders("report_late")
        self.assertEqual(late.user_id, self.user_head | self.user_section | self.user_staff | self.user_staff2)
        self.assertEqual(len(self._mails_to(self.user_staff2)), 2, "one due, one overdue")

    @freeze_time(f"{YEAR}-01-29")
    def test_plan_reminder_before_the_deadline(self):
        self.skp_staff2.sudo().write({"state": "draft"})
        self.Reminder._cron_send_reminders()
        plan = self._reminders("plan")
        self.assertIn(self.user_staff2, plan.user_id)
        self.assertNotIn(self.user_staff, plan.user_id, "his SKP is approved")
        reminder = plan.filtered(lambda r: r.user_id == self.user_staff2)
        self.assertEqual((reminder.res_model, reminder.res_id), ("kinerja.skp", self.skp_staff2.id))

    @freeze_time(f"{YEAR}-02-03")
    def test_one_department(self):
        other = self.env["hr.department"].create({"name": "Sekretariat"})
        self.Reminder._cron_send_reminders(department=other)
        self.assertFalse(self._reminders("report_due"))
        self.Reminder._cron_send_reminders(department=self.dept)
        self.assertTrue(self._reminders("report_due"))

    @freeze_time(f"{YEAR}-02-03")
    def test_failure_in_the_middle_of_a_batch(self):
        """A failing batch is rolled back whole; batches before it stay; a rerun completes."""
        items = self.Reminder._report_items(date(YEAR, 2, 3))
        self.assertEqual(len(items), 4)
        original = type(self.Reminder)._schedule_activities
        calls = []

        def failing(reminders):
            calls.append(reminders)
            if len(calls) == 2:
                raise RuntimeError("mail server down")
            return original(reminders)

        # (not assertRaises: it would roll back the batches committed before the failure too)
        with patch.object(type(self.Reminder), "_schedule_activities", failing):
            try:
                self.Reminder._deliver(items, batch_size=2)
            except RuntimeError as error:
                self.assertEqual(str(error), "mail server down")
            else:
                self.fail("the injected failure did not surface")
        first = self._reminders("report_due")
        self.assertEqual(len(first), 2, "the first batch is kept, the second rolled back")
        self.assertEqual(
            self.env["mail.activity"].search_count([("activity_type_id", "=", self.todo.id), ("summary", "!=", False)]),
            2,
        )
        self.Reminder._deliver(items, batch_size=2)
        self.assertEqual(len(self._reminders("report_due")), 4)
        self.assertEqual(len(self._reminders("report_due").user_id), 4, "nobody twice")

    def test_reminders_query_count_does_not_grow(self):
        counts = []
        for size, day in ((5, f"{YEAR}-02-03"), (20, f"{YEAR}-03-03")):
            Employee = self.env["hr.employee"]
            for index in range(size):
                user = self.env["res.users"].create({"name": f"U{day}{index}", "login": f"u{day}{index}"})
                employee = Employee.create(
                    {
                        "name": f"P{day}-{index}",
                        "parent_id": self.emp_section.id,
                        "user_id": user.id,
                        "department_id": self.dept.id,
                    }
                )
                self._approved_skp(employee, parent=self.rhk_section)
            with freeze_time(day):
                self.env.flush_all()
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                sent = self.Reminder._cron_send_reminders()
                self.env.flush_all()
                counts.append(self.env.cr.sql_log_count - before)
            self.assertGreaterEqual(len(sent), size)
        # four times the people: not four times the queries
        self.assertLess(counts[1], counts[0] * 2, counts)


@tagged("post_install", "-at_install")
class TestEscalationJob(CronCase):
    def test_escalate_once_to_the_evaluators_supervisor(self):
        self.skp_staff2.sudo().write({"state": "submitted", "submitted_date": datetime(YEAR, 1, 5, 9, 0)})
        Skp = self.env["kinerja.skp"]
        with freeze_time(f"{YEAR}-01-10"):
            self.assertFalse(Skp._cron_escalate_approvals(), "not pending long enough")
        with freeze_time(f"{YEAR}-01-13"):
            escalated = Skp._cron_escalate_approvals()
            self.assertEqual(escalated.user_id, self.user_head)
            self.assertFalse(Skp._cron_escalate_approvals(), "once")
        with freeze_time(f"{YEAR}-01-20"):
            self.assertFalse(Skp._cron_escalate_approvals(), "still once")
        activities = self.skp_staff2.activity_ids.filtered(lambda a: a.user_id == self.user_head)
        self.assertEqual(len(activities), 1)
        self.assertIn(self.emp_section.name, activities.note)


@tagged("post_install", "-at_install")
class TestEvaluationJob(CronCase):
    def test_periodic_then_annual(self):
        Evaluation = self.env["kinerja.evaluation"]
        with freeze_time(f"{YEAR}-01-31"):
            self.assertFalse(Evaluation._cron_prepare_evaluations(), "January has not ended")
        with freeze_time(f"{YEAR}-02-01"):
            first = Evaluation._cron_prepare_evaluations()
            self.assertFalse(Evaluation._cron_prepare_evaluations(), "nothing twice")
        self.assertEqual(first.skp_id, self.skp_head | self.skp_section | self.skp_staff | self.skp_staff2)
        self.assertEqual(set(first.mapped("evaluation_type")), {"periodic"})
        self.assertEqual(first.filtered(lambda e: e.skp_id == self.skp_staff).activity_ids.user_id, self.user_section)
        with freeze_time(f"{YEAR + 1}-01-02"):
            later = Evaluation._cron_prepare_evaluations(department=self.dept)
        annual = later.filtered(lambda e: e.evaluation_type == "annual")
        self.assertEqual(len(annual), 4)
        self.assertEqual(annual.period_id, self.year)


@tagged("post_install", "-at_install")
class TestRunNow(CronCase):
    @freeze_time(f"{YEAR}-02-03")
    def test_officer_runs_a_job_for_one_department(self):
        Wizard = self.env["kinerja.cron.run.wizard"]
        wizard = Wizard.with_user(self.user_officer).create({"job": "reminders", "department_id": self.dept.id})
        wizard.action_run()
        self.assertIn("reminder(s) sent", wizard.result)
        self.assertEqual(
            self._reminders("report_due").user_id,
            self.user_head | self.user_section | self.user_staff | self.user_staff2,
        )
        evaluations = Wizard.with_user(self.user_officer).create({"job": "evaluations", "department_id": self.dept.id})
        evaluations.action_run()
        self.assertEqual(self.env["kinerja.evaluation"].search_count([("period_id", "=", self.month[1].id)]), 4)
        with self.assertRaises(AccessError):
            Wizard.with_user(self.user_staff).create({"job": "reminders"})
