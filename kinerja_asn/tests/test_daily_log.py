from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .test_realization import YEAR, RealizationCase

# Tuesday 10 March, 10:00 in Jakarta
NOW = f"{YEAR}-03-10 03:00:00"


@tagged("post_install", "-at_install")
class TestDailyLog(RealizationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.company_a.resource_calendar_id
        calendar.tz = "Asia/Jakarta"
        cls.emp_staff.resource_calendar_id = calendar
        (cls.user_staff | cls.user_staff2 | cls.user_section).tz = "Asia/Jakarta"
        cls.Log = cls.env["kinerja.daily.log"]

    def _log(self, day, user=None, result=None, **values):
        user = user or self.user_staff
        return self.Log.with_user(user).create(
            {
                "date": date(YEAR, 3, day),
                "result_id": (result or self.rhk_staff).id,
                "name": "Imunisasi posyandu",
                **values,
            }
        )

    @freeze_time(NOW)
    def test_on_time_up_to_the_working_days_allowed(self):
        self.assertEqual(self.company_a.kinerja_daily_log_days, 1, "one working day by default")
        today = self._log(10)
        monday = self._log(9)
        self.assertEqual((today.is_late, monday.is_late), (False, False))
        self.assertEqual(monday.deadline_date, date(YEAR, 3, 10), "Monday's entry is on time until Tuesday")
        friday = self._log(6)
        self.assertEqual(friday.deadline_date, date(YEAR, 3, 9), "the weekend does not count")
        self.assertTrue(friday.is_late)
        saturday = self._log(7)
        self.assertEqual(saturday.deadline_date, date(YEAR, 3, 9))
        self.assertTrue(saturday.is_late)
        self.company_a.kinerja_daily_log_days = 0
        self.assertTrue(self._log(9).is_late, "the same day only")

    @freeze_time(NOW)
    def test_public_holiday_is_not_a_working_day(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Hari Raya Nyepi",
                "calendar_id": False,
                "company_id": self.company_a.id,
                "date_from": f"{YEAR}-03-09 17:00:00",
                "date_to": f"{YEAR}-03-10 16:59:59",
            }
        )
        friday = self._log(6)
        self.assertEqual(friday.deadline_date, date(YEAR, 3, 9))
        monday = self._log(9)
        self.assertEqual(monday.deadline_date, date(YEAR, 3, 11), "Tuesday is a holiday: Wednesday")
        self.assertFalse(monday.is_late)

    @freeze_time(NOW)
    def test_the_clock_is_the_servers(self):
        log = self._log(6, written_on=f"{YEAR}-03-06 09:00:00")
        self.assertEqual(str(log.written_on), NOW, "the author's time is ignored")
        self.assertTrue(log.is_late)
        for forged in ({"written_on": f"{YEAR}-03-06 09:00:00"}, {"is_late": False}):
            with self.subTest(forged=forged), self.assertRaises(UserError):
                log.with_user(self.user_staff).write(forged)
        self.assertTrue(log.is_late)

    @freeze_time(NOW)
    def test_only_the_employee_writes_his_log(self):
        with self.assertRaises(AccessError):
            self._log(10, user=self.user_section)
        with self.assertRaises(AccessError):
            self._log(10, user=self.user_staff2)
        mine = self._log(10)
        with self.assertRaises(AccessError):
            mine.with_user(self.user_section).write({"name": "Diubah atasan"})
        self.assertEqual(mine.name, "Imunisasi posyandu")

    @freeze_time(NOW)
    def test_who_reads_the_log(self):
        log = self._log(10)
        for user in (self.user_staff, self.user_section, self.user_head, self.user_officer):
            with self.subTest(user=user.login):
                self.assertEqual(self.Log.with_user(user).search([("id", "=", log.id)]), log)
        for user in (self.user_staff2, self.user_other):
            with self.subTest(user=user.login):
                self.assertFalse(self.Log.with_user(user).search([("id", "=", log.id)]))
        with self.assertRaises(AccessError):
            log.with_user(self.user_officer).write({"name": "Diubah pengelola"})

    @freeze_time(NOW)
    def test_bad_input(self):
        with self.assertRaisesMsg(ValidationError, "still to come"):
            self._log(11)
        other = self.rhk_staff2
        with self.assertRaises(AccessError):
            self._log(10, result=other)
        self.skp_staff.sudo().write({"state": "done"})
        with self.assertRaisesMsg(ValidationError, "not approved"):
            self._log(10)

    def test_kept_after_its_deadline(self):
        with freeze_time(NOW):
            log = self._log(9)
            log.with_user(self.user_staff).write({"name": "Imunisasi dan penyuluhan"})
        with freeze_time(f"{YEAR}-03-12 03:00:00"):
            with self.assertRaisesMsg(UserError, "kept as written"):
                log.with_user(self.user_staff).write({"name": "Diubah kemudian"})
            with self.assertRaisesMsg(UserError, "kept as written"):
                log.with_user(self.user_staff).unlink()
        self.assertEqual(log.name, "Imunisasi dan penyuluhan")

    @freeze_time(NOW)
    def test_beside_the_months_report(self):
        log = self._log(10, attachment_ids=[(0, 0, {"name": "foto.png", "raw": self._png()})])
        self.assertEqual(log.attachment_ids.res_model, "kinerja.daily.log", "the photo belongs to the entry")
        self._log(2)
        report = self._report(self.ind_staff, 3, 10, submit=False)
        self.assertEqual(len(report.daily_log_ids), 2)
        self.assertIn(log, report.daily_log_ids)
        february = self._report(self.ind_staff, 2, 10, submit=False)
        self.assertFalse(february.daily_log_ids, "only the period's days")
        self.assertEqual(report.with_user(self.user_section).daily_log_ids, report.daily_log_ids)

    @freeze_time(NOW)
    def test_evidence_rules_apply(self):
        with self.assertRaisesMsg(ValidationError, "not an accepted type of evidence"):
            self._log(10, attachment_ids=[(0, 0, {"name": "skrip.exe", "raw": b"MZ"})])

    @staticmethod
    def _png():
        return bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
        )
