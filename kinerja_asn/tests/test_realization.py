import base64
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from ..tools.achievement import achievement, aggregate
from .common import KinerjaCase

YEAR = 2026


@tagged("post_install", "-at_install")
class TestAchievementMath(KinerjaCase):
    """The arithmetic of DOMAIN.md 'Achievement', for every aggregation and direction."""

    def test_aggregations(self):
        values = [10.0, 30.0, 20.0]
        self.assertEqual(aggregate(values, "sum"), 60.0)
        self.assertEqual(aggregate(values, "average"), 20.0)
        self.assertEqual(aggregate(values, "last"), 20.0)
        self.assertEqual(aggregate(values, "max"), 30.0)
        for key in ("sum", "average", "last", "max"):
            self.assertEqual(aggregate([], key), 0.0)

    def test_higher_is_better(self):
        self.assertAlmostEqual(achievement(90, 100, "higher", 120), 90.0)
        self.assertAlmostEqual(achievement(150, 100, "higher", 120), 120.0, msg="capped")
        self.assertAlmostEqual(achievement(150, 100, "higher", 200), 150.0)
        self.assertEqual(achievement(5, 0, "higher", 120), 0.0, "no target, nothing to measure")

    def test_lower_is_better(self):
        # 14 % stunting targeted, 16 % realised: 87.5 %
        self.assertAlmostEqual(achievement(16, 14, "lower", 120), 87.5)
        self.assertAlmostEqual(achievement(10, 14, "lower", 120), 120.0, msg="capped at 140 %")
        self.assertAlmostEqual(achievement(0, 14, "lower", 120), 120.0, msg="none at all is the best")


class RealizationCase(KinerjaCase):
    """An approved cascade for YEAR with monthly sub-periods: head -> section -> staff, staff2."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dept.manager_id = cls.emp_head
        Period = cls.env["kinerja.period"]
        cls.year = Period._create_year(YEAR, cls.company_a)
        cls.year.action_open()
        cls.year.child_ids.action_open()
        cls.month = {p.date_start.month: p for p in cls.year.child_ids}
        cls.lib_children = cls.env["kinerja.indicator"].create(
            {"name": "Anak diimunisasi", "code": "IMU-01", "aggregation": "sum", "unit_label": "anak"}
        )
        cls.goal = cls.env["kinerja.goal"].create(
            {
                "name": "Pariaman Sehat",
                "goal_type": "program",
                "department_id": cls.dept.id,
                "period_id": cls.year.id,
                "target_ids": [(0, 0, {"indicator_id": cls.lib_children.id, "target_value": 1200})],
            }
        )
        cls.skp_head, cls.rhk_head = cls._approved_skp(
            cls.emp_head, goal=cls.goal, target=1200, library=cls.lib_children
        )
        cls.skp_section, cls.rhk_section = cls._approved_skp(
            cls.emp_section, parent=cls.rhk_head, target=1200, library=cls.lib_children
        )
        cls.skp_staff, cls.rhk_staff = cls._approved_skp(
            cls.emp_staff, parent=cls.rhk_section, target=120, library=cls.lib_children
        )
        cls.ind_staff = cls.rhk_staff.indicator_ids
        cls.skp_staff2, cls.rhk_staff2 = cls._approved_skp(cls.emp_staff2, parent=cls.rhk_section, target=60)
        cls.Report = cls.env["kinerja.realization"]

    @classmethod
    def _approved_skp(cls, employee, *, parent=None, goal=None, target=100.0, library=None, **indicator):
        skp = cls.env["kinerja.skp"].create({"employee_id": employee.id, "period_id": cls.year.id})
        result = cls.env["kinerja.skp.result"].create(
            {
                "skp_id": skp.id,
                "name": f"Hasil kerja {employee.name}",
                "parent_result_id": parent.id if parent else False,
                "goal_id": goal.id if goal else False,
                "indicator_ids": [
                    (
                        0,
                        0,
                        {
                            "name": f"Indikator {employee.name}",
                            "target_value": target,
                            "unit_label": "anak",
                            "indicator_id": library.id if library else False,
                            **indicator,
                        },
                    )
                ],
            }
        )
        skp.sudo().write({"state": "approved"})
        return skp, result

    def _report(self, indicator, month, value, user=None, submit=True):
        user = user or indicator.skp_id.user_id
        report = self.Report.with_user(user).create(
            {"skp_indicator_id": indicator.id, "period_id": self.month[month].id, "value": value}
        )
        if submit:
            report.action_submit()
        return report

    def _accepted(self, indicator, month, value):
        report = self._report(indicator, month, value)
        evaluator = indicator.skp_id.evaluator_user_id
        (report.with_user(evaluator) if evaluator else report.sudo()).action_accept()
        return report

    def _team(self, size, month):
        """``size`` new staff below the section head, each with an indicator reported
        (submitted) for ``month``."""
        Employee = self.env["hr.employee"]
        indicators = self.env["kinerja.skp.indicator"]
        for index in range(size):
            employee = Employee.create(
                {"name": f"Staf {month}-{index}", "parent_id": self.emp_section.id, "department_id": self.dept.id}
            )
            _skp, result = self._approved_skp(employee, parent=self.rhk_section, target=100, library=self.lib_children)
            indicators |= result.indicator_ids
        self.Report.sudo().create(
            [
                {"skp_indicator_id": ind.id, "period_id": self.month[month].id, "value": 5, "state": "submitted"}
                for ind in indicators
            ]
        )
        return indicators

    def _attachment(self, name, content=b"%PDF-1.4 bukti", user=None):
        return (
            self.env["ir.attachment"]
            .with_user(user or self.user_staff)
            .create({"name": name, "datas": base64.b64encode(content), "res_model": "kinerja.realization"})
        )


@tagged("post_install", "-at_install")
class TestRealizationFlow(RealizationCase):
    def test_report_submit_accept_updates_achievement(self):
        report = self._report(self.ind_staff, 1, 10)
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.employee_id, self.emp_staff)
        self.assertEqual(report.goal_id, self.goal, "the goal the result carries down the cascade")
        self.assertEqual(self.ind_staff.pending_count, 1)
        self.assertEqual(self.ind_staff.realized_value, 0, "only accepted values count")
        report.with_user(self.user_section).action_accept()
        self.assertEqual(report.state, "accepted")
        self.assertEqual(report.reviewed_by_id, self.user_section)
        self._accepted(self.ind_staff, 2, 20)
        self.assertEqual(self.ind_staff.realized_value, 30)
        self.assertAlmostEqual(self.ind_staff.achievement, 25.0)
        self.assertAlmostEqual(self.rhk_staff.achievement, 25.0)
        self.assertAlmostEqual(self.skp_staff.achievement, 25.0)
        self.assertEqual(self.ind_staff.last_reported_date, date(YEAR, 2, 1))

    def test_every_aggregation_and_direction_on_the_indicator(self):
        cases = [
            ("sum", "higher", 120, [10, 30, 20], 60, 50.0),
            ("average", "higher", 80, [70, 90, 80], 80, 100.0),
            ("last", "higher", 95, [50, 99, 90], 90, 90 / 95 * 100),
            ("max", "higher", 95, [50, 99, 90], 99, 99 / 95 * 100),
            ("average", "lower", 14, [18, 16, 14], 16, 87.5),
            ("last", "lower", 14, [18, 16, 10], 10, 120.0),
        ]
        for aggregation, direction, target, values, realized, expected in cases:
            with self.subTest(aggregation=aggregation, direction=direction):
                indicator = (
                    self.env["kinerja.skp.indicator"]
                    .sudo()
                    .create(
                        {
                            "result_id": self.rhk_staff.id,
                            "name": f"{aggregation} {direction}",
                            "target_value": target,
                            "unit_label": "%",
                            "aspect": "quality",
                            "aggregation": aggregation,
                            "direction": direction,
                        }
                    )
                )
                for month, value in enumerate(values, start=1):
                    self._accepted(indicator, month, value)
                self.assertAlmostEqual(indicator.realized_value, realized, places=2)
                self.assertAlmostEqual(indicator.achievement, expected, places=2)

    def test_weighted_skp_achievement(self):
        self.skp_staff.sudo().write({"use_weights": True})
        self.rhk_staff.sudo().weight = 75
        second = (
            self.env["kinerja.skp.result"]
            .sudo()
            .create(
                {
                    "skp_id": self.skp_staff.id,
                    "name": "Kedua",
                    "parent_result_id": self.rhk_section.id,
                    "weight": 25,
                    "indicator_ids": [(0, 0, {"name": "Dokumen", "target_value": 10, "unit_label": "dokumen"})],
                }
            )
        )
        self._accepted(self.ind_staff, 1, 60)  # 50 %
        self._accepted(second.indicator_ids, 1, 10)  # 100 %
        self.assertAlmostEqual(self.skp_staff.achievement, 62.5)

    def test_period_figures_prorate_sums(self):
        """A month's evaluation compares a yearly count with the share of the target due."""
        for month in (1, 2, 3):
            self._accepted(self.ind_staff, month, 10)
        figures = self.ind_staff._realization_figures(self.month[3], prorate=True)[self.ind_staff.id]
        self.assertEqual(figures["realized"], 30)
        due = 120 * (31 + 28 + 31) / 365
        self.assertAlmostEqual(figures["achievement"], 30 / due * 100, places=2)
        self.assertEqual(self.ind_staff._realization_figures(self.month[1])[self.ind_staff.id]["realized"], 10)

    def test_one_review_activity_per_skp_closed_when_reviewed(self):
        first = self._report(self.ind_staff, 1, 10)
        second = self._report(self.ind_staff, 2, 10)
        activities = self.skp_staff.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("kinerja_asn.mail_act_realization_review")
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.user_section)
        first.with_user(self.user_section).action_accept()
        self.assertTrue(activities.exists(), "a report still waits")
        second.with_user(self.user_section).action_reject(feedback="Lampirkan daftar hadir")
        self.assertFalse(activities.exists())

    def test_reject_with_feedback_notifies_and_resubmit(self):
        report = self._report(self.ind_staff, 1, 10)
        report.with_user(self.user_section).action_reject(feedback="Bukti dukung belum ada")
        self.assertEqual(report.state, "rejected")
        self.assertEqual(report.feedback, "Bukti dukung belum ada")
        message = report.message_ids.filtered(lambda m: "Bukti dukung belum ada" in (m.body or ""))
        self.assertIn(self.user_staff.partner_id, message.partner_ids)
        report.with_user(self.user_staff).write({"value": 12, "evidence_url": "https://drive.example/bukti"})
        report.with_user(self.user_staff).action_submit()
        self.assertEqual(report.state, "submitted")

    def test_inline_feedback_then_reject(self):
        """The review list: feedback written in the row, then Reject without retyping it."""
        report = self._report(self.ind_staff, 1, 10).with_user(self.user_section)
        report.feedback = "Angka tidak sesuai register"
        report.action_reject()
        self.assertEqual(report.state, "rejected")

    def test_entry_grid_prepares_one_line_per_indicator(self):
        self._report(self.ind_staff, 3, 5, submit=False)
        extra = (
            self.env["kinerja.skp.indicator"]
            .sudo()
            .create({"result_id": self.rhk_staff.id, "name": "Laporan", "target_value": 12, "unit_label": "laporan"})
        )
        action = self.skp_staff.with_user(self.user_staff).action_report_realization(self.month[3])
        reports = self.Report.search(action["domain"])
        self.assertEqual(reports.skp_indicator_id, self.ind_staff | extra)
        self.assertEqual(set(reports.mapped("state")), {"draft"})
        # Again: nothing new
        self.skp_staff.with_user(self.user_staff).action_report_realization(self.month[3])
        self.assertEqual(self.Report.search_count(action["domain"]), 2)
        reports.with_user(self.user_staff).action_submit()
        self.assertEqual(set(reports.mapped("state")), {"submitted"})

    def test_evidence_files_follow_the_report(self):
        attachment = self._attachment("daftar_hadir.pdf")
        report = self.Report.with_user(self.user_staff).create(
            {
                "skp_indicator_id": self.ind_staff.id,
                "period_id": self.month[1].id,
                "value": 3,
                "attachment_ids": [(6, 0, attachment.ids)],
            }
        )
        self.assertEqual((attachment.res_model, attachment.res_id), ("kinerja.realization", report.id))
        self.assertEqual(report.evidence_count, 1)

    def test_evidence_of_a_submitted_report_is_kept(self):
        attachment = self._attachment("daftar_hadir.pdf")
        report = self.Report.with_user(self.user_staff).create(
            {
                "skp_indicator_id": self.ind_staff.id,
                "period_id": self.month[1].id,
                "attachment_ids": [(6, 0, attachment.ids)],
            }
        )
        report.with_user(self.user_staff).action_submit()
        as_staff = attachment.with_user(self.user_staff)
        with self.assertRaisesMsg(UserError, "is kept as it is"):
            as_staff.unlink()
        with self.assertRaisesMsg(UserError, "is kept as it is"):
            as_staff.write({"datas": base64.b64encode(b"%PDF-1.4 lain")})
        self.assertTrue(attachment.exists())
        self.assertEqual(attachment.raw, b"%PDF-1.4 bukti")
        # back in draft, the employee changes his evidence again
        report.with_user(self.user_staff).action_withdraw()
        as_staff.unlink()
        self.assertFalse(report.attachment_ids)

    def test_goal_rollup_counts_the_top_of_the_cascade_once(self):
        """The head carries the goal; section and staff report the same library indicator below
        him: only the head's figure counts, not head + section + staff."""
        self._accepted(self.rhk_head.indicator_ids, 1, 100)
        self._accepted(self.rhk_section.indicator_ids, 1, 100)
        self._accepted(self.ind_staff, 1, 40)
        target = self.goal.target_ids
        self.assertEqual(target.carrier_count, 1)
        self.assertEqual(target.realized_value, 100)
        self.assertAlmostEqual(target.achievement, 100 / 1200 * 100, places=2)
        # Without the head's indicator on the library indicator, the section carries it.
        self.rhk_head.indicator_ids.sudo().indicator_id = False
        target.invalidate_recordset()
        self.assertEqual(target.realized_value, 100)
        self.assertEqual(target.carrier_count, 1)
        action = target.action_view_progress()
        self.assertEqual(self.Report.search(action["domain"]).skp_indicator_id, self.rhk_section.indicator_ids)

    def test_goal_rollup_of_a_parent_goal(self):
        program = self.env["kinerja.goal"].create(
            {
                "name": "Imunisasi dasar",
                "goal_type": "activity",
                "parent_id": self.goal.id,
                "department_id": self.dept.id,
                "period_id": self.year.id,
            }
        )
        self.rhk_head.sudo().goal_id = program
        self.assertEqual(self.rhk_staff.root_goal_id, program)
        self._accepted(self.rhk_head.indicator_ids, 1, 70)
        self.assertEqual(self.goal.target_ids.realized_value, 70)

    @freeze_time(f"{YEAR}-03-10")
    def test_missing_reports(self):
        """On 10 March the February reports (deadline 5 March) are due."""
        self._report(self.ind_staff, 2, 10)
        Indicator = self.env["kinerja.skp.indicator"].with_user(self.user_section)
        missing = Indicator.search([("is_report_missing", "=", True), ("skp_id.is_my_team", "=", True)])
        self.assertEqual(missing, self.skp_staff2.indicator_ids)
        self.assertTrue(self.skp_staff2.indicator_ids.is_report_missing)
        self.assertFalse(self.ind_staff.is_report_missing)
        present = Indicator.search([("is_report_missing", "=", False), ("skp_id.is_my_team", "=", True)])
        self.assertIn(self.ind_staff, present)
        self.assertNotIn(self.skp_staff2.indicator_ids, present)

    @freeze_time(f"{YEAR}-03-10")
    def test_report_realisation_menu_opens_the_current_month(self):
        action = self.Report.with_user(self.user_staff)._action_report_current()
        reports = self.Report.search(action["domain"])
        self.assertEqual(reports.period_id, self.month[3])
        self.assertEqual(reports.skp_indicator_id, self.ind_staff)
        with self.assertRaisesMsg(UserError, "no approved SKP"):
            self.Report.with_user(self.user_officer)._action_report_current()


@tagged("post_install", "-at_install")
class TestRealizationBadInput(RealizationCase):
    def test_period_outside_the_skp(self):
        self.skp_staff2.sudo().write({"date_end": date(YEAR, 6, 30)})
        with self.assertRaisesMsg(ValidationError, "outside the SKP"):
            self._report(self.skp_staff2.indicator_ids, 9, 5)
        other_year = self.env["kinerja.period"]._create_year(YEAR + 1, self.company_a)
        with self.assertRaisesMsg(ValidationError, "not a sub-period of the year"):
            self.Report.with_user(self.user_staff).create(
                {"skp_indicator_id": self.ind_staff.id, "period_id": other_year.child_ids[0].id, "value": 1}
            )
        with self.assertRaisesMsg(ValidationError, "not a sub-period of the year"):
            self.Report.with_user(self.user_staff).create(
                {"skp_indicator_id": self.ind_staff.id, "period_id": self.year.id, "value": 1}
            )
        self.assertFalse(
            self.Report.search([("skp_indicator_id", "in", (self.ind_staff | self.skp_staff2.indicator_ids).ids)])
        )

    def test_closed_period(self):
        self.month[1].action_close()
        with self.assertRaisesMsg(UserError, "period .* is closed"):
            self._report(self.ind_staff, 1, 5)
        report = self._report(self.ind_staff, 2, 5, submit=False)
        self.month[2].action_close()
        with self.assertRaisesMsg(UserError, "is closed"):
            report.with_user(self.user_staff).action_submit()
        self.assertEqual(report.state, "draft")

    def test_second_report_same_period(self):
        self._report(self.ind_staff, 1, 5)
        with self.assertRaisesMsg(ValidationError, "already has a realisation report for January"):
            self._report(self.ind_staff, 1, 6)
        with self.assertRaisesMsg(ValidationError, "one realisation report per period"):
            self.Report.with_user(self.user_staff).create(
                [{"skp_indicator_id": self.ind_staff.id, "period_id": self.month[2].id, "value": v} for v in (1, 2)]
            )
        self.assertEqual(self.Report.search_count([("skp_indicator_id", "=", self.ind_staff.id)]), 1)

    def test_negative_value(self):
        with self.assertRaisesMsg(ValidationError, "cannot be negative"):
            self._report(self.ind_staff, 1, -3)
        self.lib_children.allow_negative = True
        report = self._report(self.ind_staff, 1, -3)
        self.assertEqual(report.value, -3)

    def test_accepted_report_is_final(self):
        report = self._accepted(self.ind_staff, 1, 10)
        with self.assertRaisesMsg(UserError, "can no longer change"):
            report.with_user(self.user_staff).write({"value": 99})
        with self.assertRaisesMsg(UserError, "review is final"):
            report.with_user(self.user_section).write({"feedback": "ubah"})
        with self.assertRaisesMsg(UserError, "cannot be deleted"):
            report.with_user(self.user_staff).unlink()
        self.assertEqual(report.value, 10)
        # The officer may reopen it for review; nothing else changes.
        report.with_user(self.user_officer).action_reopen()
        self.assertEqual(report.state, "submitted")

    def test_evidence_type_and_size(self):
        bad = self._attachment("virus.exe", b"MZ...")
        with self.assertRaisesMsg(ValidationError, "not an accepted type of evidence"):
            self.Report.with_user(self.user_staff).create(
                {
                    "skp_indicator_id": self.ind_staff.id,
                    "period_id": self.month[1].id,
                    "attachment_ids": [(6, 0, bad.ids)],
                }
            )
        self.company_a.kinerja_evidence_max_size = 1
        big = self._attachment("scan.pdf", b"%PDF" + b"0" * (1024 * 1024 + 10))
        report = self._report(self.ind_staff, 1, 5, submit=False)
        with self.assertRaisesMsg(ValidationError, "at most 1 MB"):
            report.with_user(self.user_staff).write({"attachment_ids": [(4, big.id)]})
        self.assertFalse(report.attachment_ids)
        self.company_a.kinerja_evidence_extensions = "pdf, exe"
        report.with_user(self.user_staff).write({"attachment_ids": [(4, bad.id)]})
        self.assertEqual(report.attachment_ids, bad)

    def test_evidence_content_must_match_its_name(self):
        report = self._report(self.ind_staff, 1, 5, submit=False)
        for name, content in (
            ("bukti.pdf", b"<html><script>alert(1)</script></html>"),
            ("foto.png", b"MZ\x90\x00 an executable"),
            ("rekap.xlsx", b"%PDF-1.4 not a spreadsheet"),
        ):
            with self.subTest(name=name):
                fake = self._attachment(name, content)
                with self.assertRaisesMsg(ValidationError, "is not a real"):
                    report.with_user(self.user_staff).write({"attachment_ids": [(4, fake.id)]})
                self.assertFalse(report.attachment_ids)
        png = self._attachment("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
        report.with_user(self.user_staff).write({"attachment_ids": [(4, png.id)]})
        self.assertEqual(report.attachment_ids, png)

    def test_evidence_link_is_a_web_address(self):
        report = self._report(self.ind_staff, 1, 5, submit=False)
        for url in (
            "javascript:alert(document.cookie)",
            "data:text/html,<script>x</script>",
            "drive/bukti",
            "https://example.org/" + "a" * 2100,
        ):
            with self.subTest(url=url[:30]):
                with self.assertRaisesMsg(ValidationError, "is not a web link"):
                    report.with_user(self.user_staff).write({"evidence_url": url})
                self.assertFalse(report.evidence_url)
        report.with_user(self.user_staff).write({"evidence_url": "https://drive.example.go.id/bukti/1"})
        self.assertEqual(report.evidence_count, 1)

    def test_reject_without_feedback(self):
        report = self._report(self.ind_staff, 1, 5)
        with self.assertRaisesMsg(UserError, "Write your feedback"):
            report.with_user(self.user_section).action_reject(feedback="  ")
        self.assertEqual(report.state, "submitted")

    def test_report_on_a_draft_skp(self):
        self.skp_staff2.sudo().write({"state": "draft"})
        with self.assertRaisesMsg(UserError, "not approved yet"):
            self._report(self.skp_staff2.indicator_ids, 1, 5)

    def test_create_straight_as_accepted(self):
        with self.assertRaisesMsg(AccessError, "starts as a draft"):
            self.Report.with_user(self.user_staff).create(
                {"skp_indicator_id": self.ind_staff.id, "period_id": self.month[1].id, "value": 5, "state": "accepted"}
            )


@tagged("post_install", "-at_install")
class TestRealizationRights(RealizationCase):
    def test_who_reads_the_report_and_its_evidence(self):
        attachment = self._attachment("bukti.pdf")
        report = self._report(self.ind_staff, 1, 5, submit=False)
        report.with_user(self.user_staff).write({"attachment_ids": [(4, attachment.id)]})
        for user in (self.user_staff, self.user_section, self.user_head, self.user_officer):
            with self.subTest(user=user.login):
                self.assertTrue(report.with_user(user).has_access("read"))
                attachment.with_user(user).check("read")
        for user in (self.user_staff2, self.user_other):
            with self.subTest(user=user.login):
                self.assertFalse(report.with_user(user).has_access("read"))
                with self.assertRaises(AccessError):
                    attachment.with_user(user).check("read")
                with self.assertRaises(AccessError):
                    attachment.with_user(user).read(["datas"])

    def test_only_the_evaluator_reviews(self):
        report = self._report(self.ind_staff, 1, 5)
        with self.assertRaisesMsg(AccessError, "cannot review your own"):
            report.with_user(self.user_staff).action_accept()
        with self.assertRaises(AccessError):
            report.with_user(self.user_staff2).action_accept()
        with self.assertRaisesMsg(AccessError, "Only the evaluator"):
            report.with_user(self.user_head).action_accept()
        with self.assertRaises(AccessError):
            report.with_user(self.user_staff).write({"state": "accepted"})
        self.assertEqual(report.state, "submitted")
        self.assertTrue(report.with_user(self.user_section).can_review)
        self.assertFalse(report.with_user(self.user_staff).can_review)

    def test_only_the_employee_reports(self):
        with self.assertRaises(AccessError):
            self._report(self.ind_staff, 1, 5, user=self.user_staff2)
        with self.assertRaisesMsg(AccessError, "reports the realisation of his SKP"):
            self._report(self.ind_staff, 1, 5, user=self.user_section)
        report = self._report(self.ind_staff, 1, 5, submit=False)
        with self.assertRaisesMsg(AccessError, "edits his realisation report"):
            report.with_user(self.user_section).write({"value": 50})
        self.assertEqual(report.value, 5)

    def test_stealing_another_documents_file(self):
        """Linking a file of someone else's report does not make it yours."""
        attachment = self._attachment("rahasia.pdf")
        report = self._report(self.ind_staff, 1, 5, submit=False)
        report.with_user(self.user_staff).write({"attachment_ids": [(4, attachment.id)]})
        other = self._report(self.skp_staff2.indicator_ids, 1, 5, submit=False)
        with self.assertRaisesMsg(AccessError, "belongs to another document"):
            other.with_user(self.user_staff2).write({"attachment_ids": [(4, attachment.id)]})
        self.assertEqual(attachment.res_id, report.id)


@tagged("post_install", "-at_install")
class TestRealizationQueries(RealizationCase):
    def test_team_screen_query_count_does_not_grow(self):
        """'My team' (progress per indicator, missing reports) costs the same for 5 or 20 people."""
        list_fields = [
            "employee_id", "result_id", "name", "target_value", "realized_value", "achievement",
            "reported_count", "last_reported_date", "pending_count", "is_report_missing",
        ]  # fmt: skip
        counts = []
        for size, month in ((5, 1), (20, 2)):
            self._team(size, month)
            Indicator = self.env["kinerja.skp.indicator"].with_user(self.user_section)
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            found = Indicator.search([("skp_id.is_my_team", "=", True), ("state", "=", "approved")])
            found.read(list_fields)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(len(found), 27, "staff, staff2 and the 5 + 20 new subordinates")
        self.assertLessEqual(counts[1], counts[0], counts)

    def test_review_list_and_mass_accept_query_count(self):
        counts = []
        for size, month in ((5, 3), (20, 4)):
            indicators = self._team(size, month)
            reports = self.Report.search([("skp_indicator_id", "in", indicators.ids)]).with_user(self.user_section)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            reports.action_accept()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(set(reports.mapped("state")), {"accepted"})
        self.assertLess(counts[1], counts[0] * 2, counts)

    def test_goal_rollup_query_count_does_not_grow(self):
        """The goal's realisation comes from many carriers in a fixed number of queries."""
        self.rhk_head.indicator_ids.sudo().indicator_id = False
        self.rhk_section.indicator_ids.sudo().indicator_id = False
        counts = []
        for size, month in ((5, 5), (20, 6)):
            self._team(size, month)
            self.env.invalidate_all()
            target = self.goal.target_ids.with_user(self.user_head)
            before = self.env.cr.sql_log_count
            target.read(["realized_value", "achievement", "carrier_count"])
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(target.carrier_count, 1 + 25, "staff's indicator and the 25 new ones")
        self.assertLessEqual(counts[1], counts[0], counts)


@tagged("post_install", "-at_install")
class TestRealizationPeriodFigures(RealizationCase):
    """What is due this period and to date, and what is realised so far, beside the value."""

    def _indicator(self, aggregation, target, skp_result=None):
        return (
            self.env["kinerja.skp.indicator"]
            .sudo()
            .create(
                {
                    "result_id": (skp_result or self.rhk_staff).id,
                    "name": f"Indikator {aggregation}",
                    "target_value": target,
                    "unit_label": "%",
                    "aspect": "quality",
                    "aggregation": aggregation,
                }
            )
        )

    def test_sum_is_spread_over_the_months(self):
        self._accepted(self.ind_staff, 1, 10)
        self._report(self.ind_staff, 2, 20)  # waiting for review: counts as reported
        rejected = self._report(self.ind_staff, 3, 99)
        rejected.with_user(self.user_section).action_reject(feedback="Salah")
        april = self._report(self.ind_staff, 4, 5, submit=False)
        self.assertAlmostEqual(april.period_target, 10)
        self.assertAlmostEqual(april.target_to_date, 40, msg="four months of 120 a year")
        self.assertAlmostEqual(april.realized_to_date, 35, msg="10 + 20 + this 5; the rejected March is left out")
        self.assertAlmostEqual(rejected.realized_to_date, 30 + 99)
        first = self.Report.search([("skp_indicator_id", "=", self.ind_staff.id), ("period_id", "=", self.month[1].id)])
        self.assertAlmostEqual(first.realized_to_date, 10, msg="later months do not count")
        self.assertAlmostEqual(first.target_to_date, 10)

    def test_sum_over_the_months_of_a_shorter_skp(self):
        """An SKP of July to December spreads its year's target over six months."""
        employee = self.env["hr.employee"].create({"name": "Staf Mutasi", "parent_id": self.emp_section.id})
        skp = self.env["kinerja.skp"].create(
            {
                "employee_id": employee.id,
                "period_id": self.year.id,
                "date_start": date(YEAR, 7, 1),
                "date_end": date(YEAR, 12, 31),
            }
        )
        result = self.env["kinerja.skp.result"].create(
            {
                "skp_id": skp.id,
                "name": "Hasil kerja",
                "parent_result_id": self.rhk_section.id,
                "indicator_ids": [(0, 0, {"name": "Indikator", "target_value": 60, "unit_label": "kegiatan"})],
            }
        )
        skp.sudo().write({"state": "approved"})
        self.assertEqual((skp.date_start, skp.date_end), (date(YEAR, 7, 1), date(YEAR, 12, 31)))
        report = self.Report.sudo().create(
            {"skp_indicator_id": result.indicator_ids.id, "period_id": self.month[8].id, "value": 4}
        )
        self.assertAlmostEqual(report.period_target, 10)
        self.assertAlmostEqual(report.target_to_date, 20, msg="July and August")

    def test_average_last_and_max_expect_the_target_each_period(self):
        for aggregation, values, realized in (
            ("average", [70, 90, 80], 80),
            ("last", [70, 90, 80], 80),
            ("max", [70, 95, 80], 95),
        ):
            with self.subTest(aggregation=aggregation):
                indicator = self._indicator(aggregation, 85)
                reports = self.Report
                for month, value in enumerate(values, start=1):
                    reports |= self._report(indicator, month, value)
                last = reports[-1]
                self.assertEqual((last.period_target, last.target_to_date), (85, 85))
                self.assertAlmostEqual(last.realized_to_date, realized)

    def test_figures_of_an_unsaved_report_in_the_form(self):
        """The form computes them while the employee types, before anything is saved."""
        self._accepted(self.ind_staff, 1, 10)
        with Form(self.Report.with_user(self.user_staff)) as form:
            form.skp_indicator_id = self.ind_staff
            form.period_id = self.month[3]
            self.assertAlmostEqual(form.period_target, 10)
            self.assertAlmostEqual(form.target_to_date, 30)
            form.value = 7
            self.assertAlmostEqual(form.realized_to_date, 17)
            self.assertTrue(form.can_submit)
            self.assertFalse(form.can_withdraw)
            self.assertFalse(form.can_review)
        report = form.record
        self.assertEqual((report.period_id, report.value, report.state), (self.month[3], 7, "draft"))
        with Form(report.with_user(self.user_staff)) as form:
            form.value = 12
            self.assertAlmostEqual(form.realized_to_date, 22, msg="its own saved value is not counted twice")
            self.assertTrue(form._get_modifier("period_id", "readonly"), "the month is fixed once created")
            self.assertTrue(form._get_modifier("skp_indicator_id", "readonly"))
        self.assertEqual(report.value, 12)

    def test_review_list_of_a_big_team_in_a_fixed_number_of_queries(self):
        """'Realisation to Review' of a supervisor with many staff, as the web client reads it:
        the figures to date cost no query per row."""
        # imported here: test_performance builds on this module
        from .test_performance import _view_spec

        env = self.env(user=self.user_section)
        spec = _view_spec(env, "kinerja.realization", "list", "kinerja_asn.kinerja_realization_view_list")
        self.assertTrue({"period_target", "target_to_date", "realized_to_date"} <= set(spec))
        domain = [("evaluator_user_id", "=", self.user_section.id), ("state", "=", "submitted")]
        counts = []
        for size, month in ((5, 2), (20, 3)):
            indicators = self._team(size, month)
            self.Report.sudo().create(
                [
                    {"skp_indicator_id": ind.id, "period_id": self.month[1].id, "value": 3, "state": "accepted"}
                    for ind in indicators
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = env["kinerja.realization"].web_search_read(domain, spec, limit=80)
            counts.append(self.env.cr.sql_log_count - before)
            rows = [row for row in result["records"] if row["period_id"]["id"] == self.month[month].id]
            self.assertEqual(len(rows), size)
            for row in rows:
                self.assertAlmostEqual(row["period_target"], 100 / 12, places=2)
                self.assertAlmostEqual(row["realized_to_date"], 8, msg="January's 3 and this 5")
        self.assertLessEqual(counts[1], counts[0], counts)


@tagged("post_install", "-at_install")
class TestRealizationButtons(RealizationCase):
    """The form's workflow buttons follow the one place that decides who may do what; each
    action confirms what it did."""

    def test_flags_follow_the_rights(self):
        report = self._report(self.ind_staff, 1, 5, submit=False)
        flags = ("can_submit", "can_withdraw", "can_review")
        for user, expected in (
            (self.user_staff, (True, False, False)),
            (self.user_section, (False, False, False)),
            (self.user_officer, (True, False, False)),
            (self.user_head, (False, False, False)),
        ):
            with self.subTest(user=user.login, state="draft"):
                self.assertEqual(tuple(report.with_user(user)[flag] for flag in flags), expected)
        report.with_user(self.user_staff).action_submit()
        report.invalidate_recordset()
        for user, expected in (
            (self.user_staff, (False, True, False)),
            (self.user_section, (False, False, True)),
            (self.user_staff2, (False, False, False)),
        ):
            with self.subTest(user=user.login, state="submitted"):
                self.assertEqual(tuple(report.with_user(user)[flag] for flag in flags), expected)
        report.with_user(self.user_section).action_reject(feedback="Lengkapi")
        report.invalidate_recordset()
        self.assertTrue(report.with_user(self.user_staff).can_submit)
        self.month[1].action_close()
        report.invalidate_recordset()
        self.assertFalse(report.with_user(self.user_staff).can_submit, "a closed period takes no report")

    def test_actions_confirm_what_they_did(self):
        report = self._report(self.ind_staff, 1, 5, submit=False)
        action = report.with_user(self.user_staff).action_submit()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "success")
        self.assertIn("Kepala Seksi reviews it", action["params"]["message"])
        self.assertEqual(action["params"]["next"], {"type": "ir.actions.act_window_close"})
        again = report.with_user(self.user_staff).action_submit()
        self.assertEqual(again["params"]["type"], "warning", "nothing was left to submit")
        self.assertIn("Withdrawn", report.with_user(self.user_staff).action_withdraw()["params"]["message"])
        report.with_user(self.user_staff).action_submit()
        accepted = report.with_user(self.user_section).action_accept()
        self.assertIn("Staf Satu is accepted", accepted["params"]["message"])
        self.assertEqual(report.state, "accepted")
        second = self._report(self.ind_staff, 2, 5)
        third = self._report(self.skp_staff2.indicator_ids, 2, 5)
        wizard = (
            self.env["kinerja.realization.reject.wizard"]
            .with_user(self.user_section)
            .with_context(active_ids=(second | third).ids)
            .create({"feedback": "Lampirkan daftar hadir"})
        )
        rejected = wizard.action_confirm()
        self.assertEqual(rejected["tag"], "display_notification")
        self.assertIn("2 realisation reports of Staf Satu, Staf Dua are rejected", rejected["params"]["message"])
        self.assertEqual(rejected["params"]["next"], {"type": "ir.actions.act_window_close"}, "closes the dialog")
        self.assertEqual(set((second | third).mapped("feedback")), {"Lampirkan daftar hadir"})
        self.assertEqual(set((second | third).mapped("state")), {"rejected"})

    def test_period_and_indicator_are_fixed_once_created(self):
        report = self._report(self.ind_staff, 1, 5, submit=False)
        other = (
            self.env["kinerja.skp.indicator"]
            .sudo()
            .create({"result_id": self.rhk_staff.id, "name": "Lain", "target_value": 3, "unit_label": "kegiatan"})
        )
        for user in (self.user_staff, self.user_officer):
            with self.subTest(user=user.login):
                with self.assertRaisesMsg(UserError, "Period of .* is set when it is created and cannot change"):
                    report.with_user(user).write({"period_id": self.month[2].id})
                with self.assertRaisesMsg(UserError, "Indicator of .* is set when it is created"):
                    report.with_user(user).write({"skp_indicator_id": other.id})
        self.assertEqual((report.period_id, report.skp_indicator_id), (self.month[1], self.ind_staff))
        # the same value again is no change
        report.with_user(self.user_staff).write({"period_id": self.month[1].id, "value": 6})
        self.assertEqual(report.value, 6)
