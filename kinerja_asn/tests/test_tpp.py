"""The regional allowance (TPP, issue 17): discipline from Odoo Attendance against the working
schedule, the tiers and caps of the deductions, the monthly sheet's arithmetic against a worked
example, its workflow with the head of agency, freezing, the correction sheet, what an
employee sees, bad input, and a query-count guard."""

from datetime import date, datetime, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .test_evaluation import EvaluationCase
from .test_realization import YEAR
from .test_reports import _texts, _xlsx

MONTH = date(YEAR, 1, 1)  # January: Thursday the 1st is New Year, a public holiday
WIB = 7  # hours ahead of UTC (Asia/Jakarta)


class TppCase(EvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Kantor 08:00-16:00",
                "tz": "Asia/Jakarta",
                "company_id": cls.company_a.id,
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": f"{day} {label}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        },
                    )
                    for day in range(5)
                    for label, start, end, period in (("pagi", 8, 12, "morning"), ("siang", 13, 16, "afternoon"))
                ],
            }
        )
        # New Year: a public holiday (calendar leave without resource), in WIB
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Tahun Baru",
                "company_id": cls.company_a.id,
                "date_from": datetime(YEAR, 1, 1) - timedelta(hours=WIB),
                "date_to": datetime(YEAR, 1, 2) - timedelta(hours=WIB),
            }
        )
        cls.class_9 = cls.env["kinerja.tpp.class"].create(
            {"name": "Pelaksana", "grade": 9, "amount": 5_000_000, "company_id": cls.company_a.id}
        )
        cls.class_7 = cls.env["kinerja.tpp.class"].create(
            {"name": "Pengadministrasi", "grade": 7, "amount": 4_000_000, "company_id": cls.company_a.id}
        )
        for employee, klass, rank in ((cls.emp_staff, cls.class_9, "iii_a"), (cls.emp_staff2, cls.class_7, "iv_a")):
            employee.write(
                {
                    "resource_calendar_id": cls.calendar.id,
                    "tz": "Asia/Jakarta",
                    "kinerja_tpp_class_id": klass.id,
                    "rank": rank,
                }
            )
        cls.Sheet = cls.env["kinerja.tpp.sheet"]
        cls.Line = cls.env["kinerja.tpp.sheet.line"]

    @classmethod
    def _attend(cls, employee, day, check_in, check_out, offset=WIB):
        """One attendance on ``day`` from ``check_in`` to ``check_out`` (local hours as
        (h, m); check_out None for a missed check-out), the employee's zone ``offset`` hours
        ahead of UTC."""

        def moment(hm):
            return datetime.combine(day, datetime.min.time()) + timedelta(hours=hm[0] - offset, minutes=hm[1])

        return (
            cls.env["hr.attendance"]
            .sudo()
            .create(
                {
                    "employee_id": employee.id,
                    "check_in": moment(check_in),
                    "check_out": moment(check_out) if check_out else False,
                }
            )
        )

    @classmethod
    def _worked_example(cls, employee, offset=WIB):
        """January: 21 working days (New Year off). Late 20, 45, 70 and 120 minutes; left 30
        minutes early once; absent on the 9th; official assignment on the 12th; half a day
        off on the 13th (expected at 13:00); a day off on the 14th; a missed check-out on the
        30th; every other day on time."""
        day = date(YEAR, 1, 1).replace
        cls._attend(employee, day(day=2), (8, 20), (16, 0), offset)
        cls._attend(employee, day(day=5), (8, 45), (16, 0), offset)
        cls._attend(employee, day(day=6), (9, 10), (16, 0), offset)
        cls._attend(employee, day(day=7), (10, 0), (16, 0), offset)
        cls._attend(employee, day(day=8), (8, 0), (15, 30), offset)
        cls.env["kinerja.tpp.correction"].create(
            {
                "employee_id": employee.id,
                "kind": "assignment",
                "date_from": day(day=12),
                "date_to": day(day=12),
                "reason": "Surat tugas 800/12: rapat di provinsi",
            }
        )
        own = {"resource_id": employee.resource_id.id, "company_id": cls.company_a.id, "calendar_id": cls.calendar.id}
        cls.env["resource.calendar.leaves"].create(
            [
                {
                    "name": "Cuti setengah hari",
                    "date_from": datetime(YEAR, 1, 13, 8 - offset),
                    "date_to": datetime(YEAR, 1, 13, 12 - offset),
                    **own,
                },
                {
                    "name": "Cuti tahunan",
                    "date_from": datetime(YEAR, 1, 14) - timedelta(hours=offset),
                    "date_to": datetime(YEAR, 1, 15) - timedelta(hours=offset),
                    **own,
                },
            ]
        )
        cls._attend(employee, day(day=13), (13, 0), (16, 0), offset)
        for number in (15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29):
            cls._attend(employee, day(day=number), (8, 0), (16, 0), offset)
        cls._attend(employee, day(day=30), (8, 0), None, offset)

    def _discipline(self, employee):
        return self.Line._kinerja_discipline(employee, MONTH, date(YEAR, 1, 31))[employee.id]

    def _new_sheet(self, user=None, **values):
        return self.Sheet.with_user(user or self.user_officer).create({"date_from": MONTH, **values})


@tagged("post_install", "-at_install")
class TestTppDiscipline(TppCase):
    """1. Discipline from attendance against the schedule, holidays and leave."""

    def test_worked_example(self):
        self._worked_example(self.emp_staff)
        figures = self._discipline(self.emp_staff)
        expected = {
            "days_scheduled": 21,
            "days_present": 19,
            "days_absent": 1,
            "days_leave": 1,
            "days_assignment": 1,
            "late_days": 4,
            "late_minutes": 20 + 45 + 70 + 120,
            "early_days": 1,
            "early_minutes": 30,
            "missed_checkouts": 1,
        }
        self.assertEqual({key: figures[key] for key in expected}, expected)
        rules = self.env["kinerja.tpp.deduction.rule"]._rules_for(self.company_a)
        deductions = self.Line._kinerja_discipline_deductions(figures, rules)
        # late 0.5 + 1 + 1.25 + 1.5; early 0.5 + missed check-out 1.5; absent 3
        self.assertEqual(deductions, {"late": 4.25, "early": 2.0, "absent": 3.0, "total": 9.25})

    def test_time_zone_wita(self):
        """Makassar (WITA, UTC+8): 08:20 local is 20 minutes late, whatever UTC says."""
        self.emp_staff2.tz = "Asia/Makassar"
        self._attend(self.emp_staff2, date(YEAR, 1, 2), (8, 20), (16, 0), offset=8)
        figures = self._discipline(self.emp_staff2)
        self.assertEqual(figures["late_minutes"], 20)
        self.assertEqual(figures["late_days"], 1)
        self.assertEqual(figures["days_absent"], 20, "no record on the 20 other working days")
        # Jayapura (WIT, UTC+9): leaving at 15:00 local is an hour early
        self.emp_staff.tz = "Asia/Jayapura"
        self._attend(self.emp_staff, date(YEAR, 1, 5), (8, 0), (15, 0), offset=9)
        figures = self._discipline(self.emp_staff)
        self.assertEqual((figures["late_minutes"], figures["early_minutes"], figures["early_days"]), (0, 60, 1))

    def test_night_shift(self):
        """A night shift, 22:00 to 06:00 the next morning (the schedule writes it 22:00-24:00 and
        00:00-06:00): each night is one working day of the evening it starts, whichever side of
        midnight he checks in; no false absence, no double count, nights across the month's
        edges belong to the month they start in."""
        night = self.env["resource.calendar"].create(
            {
                "name": "Shift malam 22:00-06:00",
                "tz": "Asia/Jakarta",
                "company_id": self.company_a.id,
                "attendance_ids": [
                    (0, 0, {"name": f"{day} malam", "dayofweek": str(day), "hour_from": 22, "hour_to": 24})
                    for day in range(5)
                ]
                + [
                    (0, 0, {"name": f"{day} dini hari", "dayofweek": str(day), "hour_from": 0, "hour_to": 6})
                    for day in range(1, 6)
                ],
            }
        )
        employee = self.emp_staff2
        employee.resource_calendar_id = night
        day = date(YEAR, 1, 1).replace
        # the night of 31 December is December's
        self._attend(employee, date(YEAR - 1, 12, 31), (22, 0), (30, 0))
        nights = [1, 2, 5, 6, 7, 9, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30]
        special = {
            5: ((22, 10), (30, 0)),  # 10 minutes late
            6: ((22, 0), (29, 30)),  # left 30 minutes early
            7: ((24, 15), (30, 0)),  # checked in at 00:15 on the 8th: 135 minutes late on the 7th's night
            9: ((21, 50), (30, 5)),  # early in, late out: on time
            12: ((22, 0), None),  # missed check-out
        }
        for number in nights:  # absent on the night of the 8th
            check_in, check_out = special.get(number, ((22, 0), (30, 0)))
            self._attend(employee, day(day=number), check_in, check_out)
        figures = self._discipline(employee)
        expected = {
            # 22 nights start on a weekday in January; New Year's night works from midnight,
            # when the holiday ends
            "days_scheduled": 22,
            "days_present": 21,
            "days_absent": 1,
            "days_leave": 0,
            "days_assignment": 0,
            "late_days": 2,
            "late_minutes": 10 + 135,
            "early_days": 1,
            "early_minutes": 30,
            "missed_checkouts": 1,
        }
        self.assertEqual({key: figures[key] for key in expected}, expected)
        absent = [entry[0] for entry in figures["days"] if entry[1] == "absent"]
        self.assertEqual(absent, [day(day=8)])
        late = {entry[0]: entry[2] for entry in figures["days"] if entry[2]}
        self.assertEqual(late, {day(day=5): 10, day(day=7): 135})

    def test_caps_and_company_rules(self):
        """Absence is capped per month; an agency's own tiers replace the shared ones of a kind."""
        figures = self._discipline(self.emp_staff2)  # no attendance at all: 21 days absent
        rules = self.env["kinerja.tpp.deduction.rule"]._rules_for(self.company_a)
        self.assertEqual(self.Line._kinerja_discipline_deductions(figures, rules)["absent"], 63.0)
        self.env.ref("kinerja_asn.tpp_rule_absent").monthly_cap = 45
        self.assertEqual(self.Line._kinerja_discipline_deductions(figures, rules)["absent"], 45.0)
        self._worked_example(self.emp_staff)
        own = self.env["kinerja.tpp.deduction.rule"].create(
            {
                "name": "Terlambat (Perkada sendiri)",
                "kind": "late",
                "min_minutes": 1,
                "max_minutes": 0,
                "percent": 2.0,
                "monthly_cap": 5.0,
                "company_id": self.company_a.id,
            }
        )
        rules = self.env["kinerja.tpp.deduction.rule"]._rules_for(self.company_a)
        self.assertIn(own, rules)
        self.assertNotIn(self.env.ref("kinerja_asn.tpp_rule_late_1"), rules)
        deductions = self.Line._kinerja_discipline_deductions(self._discipline(self.emp_staff), rules)
        self.assertEqual(deductions["late"], 5.0, "4 days x 2 % = 8 %, capped at 5 %")
        self.assertEqual(deductions["early"], 2.0, "the shared early tiers still apply")

    def test_bad_input(self):
        with self.assertRaises(ValidationError):
            self.env["hr.attendance"].create(
                {
                    "employee_id": self.emp_staff.id,
                    "check_in": datetime(YEAR, 1, 5, 9),
                    "check_out": datetime(YEAR, 1, 5, 8),
                }
            )
        with self.assertRaisesMsg(ValidationError, "ends before it starts"):
            self.env["kinerja.tpp.correction"].create(
                {
                    "employee_id": self.emp_staff.id,
                    "date_from": date(YEAR, 1, 5),
                    "date_to": date(YEAR, 1, 4),
                    "reason": "Surat tugas",
                }
            )
        with self.assertRaisesMsg(ValidationError, "add up to 110"):
            self.company_a.kinerja_tpp_performance_weight = 70
        with self.assertRaises(IntegrityError), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.class_9.amount = -1
            self.env.flush_all()
        with self.assertRaises(AccessError):
            self.env["kinerja.tpp.correction"].with_user(self.user_staff).create(
                {
                    "employee_id": self.emp_staff.id,
                    "date_from": date(YEAR, 1, 5),
                    "date_to": date(YEAR, 1, 5),
                    "reason": "Saya dinas luar",
                }
            )


class TppSheetCase(TppCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a.kinerja_tpp_head_user_id = cls.user_head
        cls._worked_example(cls.emp_staff)
        # staff2 was on an official assignment the whole month, under a moderate sanction
        cls.env["kinerja.tpp.correction"].create(
            {
                "employee_id": cls.emp_staff2.id,
                "kind": "assignment",
                "date_from": MONTH,
                "date_to": date(YEAR, 1, 31),
                "reason": "Surat tugas 800/1: diklat sebulan",
            }
        )
        cls.env["kinerja.tpp.sanction"].create(
            {
                "employee_id": cls.emp_staff2.id,
                "level": "moderate",
                "date_from": date(YEAR, 1, 10),
                "date_to": date(YEAR, 3, 31),
                "reference": "SK 862/5",
            }
        )

    def _sign_month(self):
        self._signed(self.skp_staff, month=1)
        self._signed(self.skp_staff2, month=1)

    def _computed(self):
        sheet = self._new_sheet()
        sheet.action_compute()
        line2 = sheet.line_ids.filtered(lambda line: line.employee_id == self.emp_staff2)
        line2.with_user(self.user_officer).write({"pph21_manual": True, "pph21_manual_amount": 100_000})
        sheet.action_compute()
        return sheet

    def _line(self, sheet, employee):
        return sheet.line_ids.filtered(lambda line: line.employee_id == employee)


@tagged("post_install", "-at_install")
class TestTppSheet(TppSheetCase):
    """2. The sheet's arithmetic, workflow, freezing, correction, visibility, bad input."""

    def test_worked_example(self):
        self._sign_month()
        sheet = self._computed()
        self.assertEqual(sheet.line_ids.employee_id, self.emp_staff | self.emp_staff2, "only those with a class")
        line = self._line(sheet, self.emp_staff)
        # 5,000,000 x 60 % x 100 % (Good) = 3,000,000; 5,000,000 x 40 % x 90.75 % = 1,815,000
        expected = {
            "base_amount": 5_000_000,
            "performance_percent": 100.0,
            "performance_amount": 3_000_000,
            "discipline_deduction": 9.25,
            "discipline_percent": 90.75,
            "discipline_amount": 1_815_000,
            "sanction_amount": 0,
            "gross_amount": 4_815_000,
            "bpjs_employer": 192_600,  # 4 %
            "bpjs_employee": 48_150,  # 1 %
            "pph21_rate": 5.0,  # grade III
            "pph21_amount": 240_750,
            "net_amount": 4_815_000 - 48_150 - 240_750,
        }
        self.assertEqual({key: line[key] for key in expected}, expected)
        self.assertIn("90.75", line.explanation)
        # staff2: 2,400,000 + 1,600,000, less the moderate sanction 25 % = 3,000,000; PPh 21 as entered
        line2 = self._line(sheet, self.emp_staff2)
        expected2 = {
            "days_assignment": 21,
            "discipline_percent": 100.0,
            "sanction_percent": 25.0,
            "sanction_amount": 1_000_000,
            "gross_amount": 3_000_000,
            "bpjs_employer": 120_000,
            "bpjs_employee": 30_000,
            "pph21_amount": 100_000,
            "net_amount": 2_870_000,
        }
        self.assertEqual({key: line2[key] for key in expected2}, expected2)
        self.assertEqual(sheet.total_net, 4_526_100 + 2_870_000)
        self.assertFalse(sheet.missing_employee_ids)

    def test_workflow_roles(self):
        self._sign_month()
        sheet = self._computed()
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_staff).action_check()
        sheet.with_user(self.user_officer).action_check()
        self.assertEqual(sheet.state, "checked")
        self.assertEqual(sheet.checked_by_id, self.user_officer)
        approval = self.env.ref("kinerja_asn.mail_act_tpp_approval")
        self.assertEqual(sheet.activity_ids.filtered(lambda a: a.activity_type_id == approval).user_id, self.user_head)
        for user in (self.user_officer, self.user_manager, self.user_staff):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                sheet.with_user(user).action_approve()
        sheet.with_user(self.user_head).action_approve()
        self.assertEqual((sheet.state, sheet.approved_by_id), ("approved", self.user_head))
        self.assertFalse(sheet.activity_ids, "the head's to-do is done")
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_staff).action_lock()
        sheet.with_user(self.user_officer).action_lock()
        self.assertEqual(sheet.state, "locked")
        self.assertEqual(len(sheet.verification_code), 16)
        # no head named: the performance administrators approve
        self.company_a.kinerja_tpp_head_user_id = False
        self.assertIn("head", sheet.with_user(self.user_manager)._workflow_roles())
        self.assertNotIn("head", sheet.with_user(self.user_officer)._workflow_roles())

    def test_the_officer_computes_from_data_he_does_not_read(self):
        """Sudo policy: the computation reads the payroll's inputs as superuser (attendance,
        sanctions), once the officer is checked; the officer's own reads stay his, and an
        employee cannot compute at all."""
        self._sign_month()
        sheet = self._new_sheet()
        attendance = [("employee_id", "=", self.emp_staff.id)]
        self.assertTrue(self.env["hr.attendance"].search(attendance))
        self.assertFalse(self.env["hr.attendance"].with_user(self.user_officer).search(attendance))
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_staff).action_compute()
        self.assertFalse(sheet.line_ids, "nothing computed by the employee")
        sheet.with_user(self.user_officer).action_compute()
        line = self._line(sheet, self.emp_staff)
        self.assertTrue(line.days_present, "attendance the officer may not read himself is counted")
        self.assertEqual(sheet.line_ids.create_uid, self.user_officer, "written in the officer's name")

    def test_frozen_fields_and_forgery(self):
        sheet = self._computed()
        line = self._line(sheet, self.emp_staff)
        with self.assertRaises(AccessError):
            line.with_user(self.user_officer).write({"net_amount": 99})
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_officer).write({"approved_by_id": self.user_head.id})
        with self.assertRaises(UserError):
            sheet.with_user(self.user_officer).write({"state": "locked"})

    def test_locked_sheet_never_changes(self):
        self._sign_month()
        sheet = self._computed()
        sheet.with_user(self.user_officer).action_check()
        sheet.with_user(self.user_head).action_approve()
        sheet.with_user(self.user_officer).action_lock()
        before = sheet.line_ids.read(["net_amount", "gross_amount", "discipline_percent", "explanation"])
        # later: attendance, settings, amounts, rules change
        self._attend(self.emp_staff, date(YEAR, 1, 9), (8, 0), (16, 0))
        self.class_9.amount = 5_500_000
        self.company_a.write({"kinerja_tpp_performance_weight": 50, "kinerja_tpp_discipline_weight": 50})
        self.env.ref("kinerja_asn.tpp_rule_late_1").percent = 2
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(
            sheet.line_ids.read(["net_amount", "gross_amount", "discipline_percent", "explanation"]), before
        )
        with self.assertRaisesMsg(UserError, "no longer a draft"):
            sheet.with_user(self.user_officer).action_compute()
        with self.assertRaisesMsg(UserError, "can no longer be edited"):
            sheet.with_user(self.user_officer).write({"date_from": date(YEAR, 2, 1)})
        with self.assertRaisesMsg(UserError, "no longer a draft"):
            sheet.line_ids[0].with_user(self.user_officer).write({"pph21_manual": True})
        with self.assertRaises(UserError):
            sheet.with_user(self.user_officer).unlink()
        # a second sheet for the month is refused; a correction pays the difference
        with self.assertRaisesMsg(ValidationError, "already has a TPP sheet"):
            self._new_sheet()
        correction = self._new_sheet(origin_sheet_id=sheet.id)
        correction.action_compute()
        line = self._line(correction, self.emp_staff)
        # today: 5,500,000 x 50 % x 100 % + 5,500,000 x 50 % x (100 - late 2+1+1.25+1.5 - early 2) %
        performance = 2_750_000
        discipline = round(2_750_000 * (100 - 7.75) / 100)
        self.assertEqual(line.performance_amount, performance - 3_000_000)
        self.assertEqual(line.discipline_amount, discipline - 1_815_000)
        self.assertEqual(line.gross_amount, performance + discipline - 4_815_000)
        self.assertIn("difference", line.explanation)

    def test_unsigned_evaluations(self):
        self._signed(self.skp_staff, month=1)
        sheet = self._computed()
        self.assertEqual(sheet.missing_employee_ids, self.emp_staff2)
        sheet.with_user(self.user_officer).action_check()
        with self.assertRaisesMsg(UserError, "Staf Dua"):
            sheet.with_user(self.user_head).action_approve()
        self.assertEqual(sheet.state, "checked")
        # per setting: the performance share at 0 %, with the reason shown
        self.company_a.kinerja_tpp_unsigned_policy = "zero"
        sheet.with_user(self.user_officer).action_reset_draft()
        sheet.with_user(self.user_officer).action_check()
        line2 = self._line(sheet, self.emp_staff2)
        self.assertEqual(line2.performance_amount, 0)
        self.assertIn("0 %", line2.performance_note)
        sheet.with_user(self.user_head).action_approve()
        self.assertEqual(sheet.state, "approved")

    def test_employee_sees_his_line_only(self):
        self._sign_month()
        sheet = self._computed()
        lines = self.Line.with_user(self.user_staff).search([])
        self.assertEqual(lines.employee_id, self.emp_staff)
        self.assertTrue(lines.explanation)
        self.assertEqual(self.Sheet.with_user(self.user_staff).search([]), sheet)
        self.assertEqual(self.Line.with_user(self.user_head).search([]), sheet.line_ids, "the head approves them all")
        self.assertFalse(self.Line.with_user(self.user_section).search([]), "no line of his own")
        self.assertFalse(self.Line.with_user(self.user_other).search([]))
        with self.assertRaises(AccessError):
            self._line(sheet, self.emp_staff2).with_user(self.user_staff).read(["net_amount"])

    def test_queries_flat_in_employees(self):
        counts = []
        for size in (3, 6):
            employees = self.env["hr.employee"].create(
                [
                    {
                        "name": f"Pegawai {size} {index}",
                        "resource_calendar_id": self.calendar.id,
                        "kinerja_tpp_class_id": self.class_7.id,
                        "rank": "ii_c",
                    }
                    for index in range(size)
                ]
            )
            for employee in employees:
                for number in (2, 5, 6):
                    self._attend(employee, date(YEAR, 1, number), (8, 10), (16, 0))
            sheet = self.Sheet.create({"date_from": date(YEAR, 1 + len(counts), 1)})
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            sheet.action_compute()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            employees.kinerja_tpp_class_id = False
        self.assertLessEqual(counts[1], counts[0], f"queries for 3 and 6 more employees: {counts}")

    def test_lines_inserted_in_one_statement(self):
        """The sheet's lines go in one INSERT whatever their number, read back by the ORM as
        it would have created them (the sheet's state, agency and month, the defaults)."""
        sheet = self._new_sheet()
        Line = self.Line.sudo()
        vals = [
            {"sheet_id": sheet.id, "employee_id": employee.id, "employee_name": employee.name, "net_amount": 1_000}
            for employee in (self.emp_staff, self.emp_staff2)
        ]
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        lines = Line._workflow_create(vals)
        self.assertLessEqual(self.env.cr.sql_log_count - before, 2, "one INSERT (and the access check's)")
        self.assertEqual(sheet.line_ids, lines)
        self.assertEqual(
            lines.mapped(lambda line: (line.state, line.company_id, line.date_from, line.sequence, line.pph21_manual)),
            [("draft", self.company_a, MONTH, 10, False)] * 2,
        )
        self.assertEqual(lines.mapped("net_amount"), [1_000, 1_000])
        self.assertEqual(lines.create_uid, self.env.user)
        with self.assertRaises(ValueError):
            Line._workflow_create([{"sheet_id": sheet.id, "employee_id": self.emp_head.id, "state": "locked"}])
        with self.assertRaises(AccessError):
            self.Line.with_user(self.user_staff)._workflow_create(vals)

    def test_warning_names_unclassed_civil_servants(self):
        """The warning counts and names the civil servants (ASN status or NIP) left off the
        sheet for lack of a position class, not the agency's other staff."""
        Employee = self.env["hr.employee"]
        Employee.create({"name": "Tenaga Kebersihan"})  # not a civil servant: never in the warning
        pppk = Employee.create({"name": "Perawat PPPK", "asn_type": "pppk"})
        sheet = self._new_sheet()
        sheet.action_compute()
        domain = [
            ("company_id", "=", self.company_a.id),
            ("kinerja_tpp_class_id", "=", False),
            "|",
            ("asn_type", "!=", False),
            ("nip", "!=", False),
        ]
        unclassed = Employee.search(domain)
        self.assertIn(pppk, unclassed)
        self.assertIn(self.emp_head, unclassed, "a NIP makes a civil servant")
        self.assertIn(f"{len(unclassed)} civil servants", sheet.warning_note)
        self.assertIn("Perawat PPPK", sheet.warning_note)
        self.assertNotIn("Tenaga Kebersihan", sheet.warning_note)
        # many: the first five by name, then how many more
        Employee.create([{"name": f"Pegawai {index}", "asn_type": "pns"} for index in range(6)])
        sheet.action_compute()
        unclassed = Employee.search(domain, order="name, id")
        self.assertGreater(len(unclassed), 5)
        self.assertIn(", ".join(unclassed[:5].mapped("name")), sheet.warning_note)
        self.assertIn(f"and {len(unclassed) - 5} more", sheet.warning_note)
        self.assertNotIn(unclassed[5].name, sheet.warning_note)
        # everyone classed: no warning
        unclassed.kinerja_tpp_class_id = self.class_7
        sheet.action_compute()
        self.assertFalse(sheet.warning_note)


@tagged("post_install", "-at_install")
class TestTppReports(TppSheetCase):
    """The XLSX in the regional layout (never a formula from user text) and the PDF with the
    verification code of the locked sheet."""

    def test_xlsx_and_pdf(self):
        self.emp_staff.sudo().job_title = '=HYPERLINK("http://evil.example","klik")'
        self._sign_month()
        sheet = self._computed()
        sheet.with_user(self.user_officer).action_check()
        sheet.with_user(self.user_head).action_approve()
        sheet.with_user(self.user_officer).action_lock()
        book = _xlsx(self.env, "kinerja_asn.tpp_sheet_xlsx", sheet)
        xsheet = book.worksheets[0]
        headers = [cell.value for cell in xsheet[4]]
        self.assertEqual(headers[:3], ["No", "Name / NIP", "Grade"])
        self.assertIn("Received", headers)
        texts = _texts(xsheet)
        self.assertIn('=HYPERLINK("http://evil.example","klik")', texts)
        self.assertFalse(any(cell.data_type == "f" for row in xsheet.iter_rows() for cell in row))
        numbers = [cell.value for cell in xsheet[5]]
        self.assertIn(4_526_100, numbers, "the staff's net on his row")
        self.assertIn("Treasurer", texts)
        self.assertIn("Checked by the Secretary", texts)
        html = self.env["ir.actions.report"]._render_qweb_html("kinerja_asn.report_tpp_sheet", sheet.ids)[0].decode()
        self.assertIn(sheet.verification_code, html)
        self.assertIn("Staf Satu", html)
        self.assertIn(self.user_head.name, html)


@tagged("post_install", "-at_install")
class TestTppVerificationPage(HttpCase):
    def test_locked_sheet_is_verified(self):
        sheet = self.env["kinerja.tpp.sheet"].create({"date_from": date(YEAR, 3, 1)})
        sheet._workflow_write({"state": "locked", "verification_code": sheet._new_verification_code()})
        response = self.url_open(f"/kinerja/verify/{sheet.verification_code}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("TPP List", response.text)
        self.assertIn(sheet.name, response.text)
        sheet._workflow_write({"state": "approved"})
        self.assertEqual(self.url_open(f"/kinerja/verify/{sheet.verification_code}").status_code, 404)
