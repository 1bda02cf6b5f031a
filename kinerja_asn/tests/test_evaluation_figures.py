"""What a signed evaluation keeps and how its figures add up (issue 15, DOMAIN.md: credit
points, objections, achievement): the figures frozen at signing, credit points counted once and
pro rata, the objection period in the agency's time zone and routed to the officers where the
evaluator has no supervisor, and the annual suggestion from the year's realisation."""

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time, new_test_user, tagged

from ..tools.achievement import months_held
from .test_evaluation import EvaluationCase
from .test_realization import YEAR
from .test_reports import _texts, _xlsx

FORGED = (
    {"credit_position_type": "jpt"},
    {"credit_functional_level": "ahli_utama"},
    {"credit_coefficient": 50.0},
    {"credit_percent": 150.0},
    {"credit_months": 12.0},
    {"credit_points": 99.0},
    {"credit_points_counted": 99.0},
    {"tpp_percent": 150.0},
    {"objection_deadline": f"{YEAR + 1}-01-01"},
)


class FiguresCase(EvaluationCase):
    def _object(self, evaluation, user=None, reason="Realisasi belum dihitung"):
        return (
            self.env["kinerja.objection"]
            .with_user(user or evaluation.user_id)
            .create({"evaluation_id": evaluation.id, "reason": reason})
        )

    def _counted(self, employee):
        """The employee's credit points as the follow-up list totals them (as an officer)."""
        [[total]] = self.Evaluation.with_user(self.user_officer)._read_group(
            [("employee_id", "=", employee.id), ("state", "=", "done")], [], ["credit_points_counted:sum"]
        )
        return total

    def _new_position(self, skp, date):
        """The officer records a new position from ``date``; the new SKP is then approved."""
        wizard = (
            self.env["kinerja.skp.transfer.wizard"]
            .with_user(self.user_officer)
            .create({"skp_id": skp.id, "date": date, "department_id": skp.department_id.id})
        )
        new = self.env["kinerja.skp"].browse(wizard.action_confirm()["res_id"])
        new.sudo().write({"state": "approved"})
        return new


@tagged("post_install", "-at_install")
class TestSignedFigures(FiguresCase):
    """1. Signing freezes the figures: later changes of the employee or the settings leave a
    signed evaluation as it was; a draft shows the live figures."""

    def test_credit_points_keep_the_level_of_signing(self):
        self.emp_staff2.functional_level = "ahli_pertama"
        annual = self._signed(self.skp_staff2, evaluation_type="annual")
        self.assertEqual(annual.predicate, "good")
        figures = ("credit_position_type", "credit_functional_level", "credit_coefficient", "credit_percent")
        self.assertEqual(
            [annual[fname] for fname in (*figures, "credit_months")], ["functional", "ahli_pertama", 12.5, 100.0, 12.0]
        )
        self.assertAlmostEqual(annual.credit_points, 12.5)
        self.assertAlmostEqual(annual.credit_points_counted, 12.5)

        self.emp_staff2.functional_level = "ahli_muda"
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertAlmostEqual(annual.credit_points, 12.5, msg="signed as Ahli Pertama: 12.5 points stay")
        self.assertEqual(annual.credit_functional_level, "ahli_pertama")
        self.assertEqual(annual.credit_coefficient, 12.5)
        # a draft shows today's level; signing it fixes that one
        draft = self._evaluation(self.skp_staff2, month=2)
        draft.write({"result_rating": "meets", "behavior_rating": "meets", "override_reason": "Pertimbangan"})
        self.assertEqual((draft.credit_functional_level, draft.credit_coefficient), ("ahli_muda", 25.0))
        self.assertAlmostEqual(draft.credit_points, 25 / 12, places=3)
        draft.action_done(force=True)
        # leaving the functional position changes none of them
        self.emp_staff2.write({"position_type": "executor", "functional_level": False})
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertAlmostEqual(annual.credit_points, 12.5)
        self.assertAlmostEqual(draft.credit_points, 25 / 12, places=3)
        self.assertEqual(draft.credit_functional_level, "ahli_muda")
        self.assertEqual(annual.credit_position_type, "functional")

    def test_tpp_keeps_the_setting_of_signing(self):
        january = self._signed(month=1)
        self.assertEqual((january.predicate, january.tpp_percent), ("good", 100.0))
        self.company_a.kinerja_tpp_good = 90
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(january.tpp_percent, 100.0, "signed at 100 %: stays at 100 %")
        february = self._evaluation(month=2)
        february.write({"result_rating": "meets", "behavior_rating": "meets", "override_reason": "Pertimbangan"})
        self.assertEqual(february.tpp_percent, 90.0, "a draft follows today's setting")
        february.action_done(force=True)
        self.company_a.kinerja_tpp_good = 100
        self.env.invalidate_all()
        self.assertEqual((january.tpp_percent, february.tpp_percent), (100.0, 90.0))

    def test_objection_deadline_keeps_the_period_of_signing(self):
        with freeze_time(f"{YEAR}-02-02 03:00:00"):
            evaluation = self._signed(month=1)
        self.assertEqual(str(evaluation.objection_deadline), f"{YEAR}-02-16")
        self.company_a.kinerja_objection_days = 30
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(str(evaluation.objection_deadline), f"{YEAR}-02-16")
        with freeze_time(f"{YEAR}-02-17 03:00:00"), self.assertRaisesMsg(UserError, "ended on"):
            self._object(evaluation)
        self.assertFalse(evaluation.objection_ids)

    def test_frozen_figures_are_set_by_the_signature_only(self):
        signed = self._signed(self.skp_staff2, month=1)
        draft = self._evaluation(self.skp_staff2, month=2)
        before = {record: record.read([next(iter(f)) for f in FORGED])[0] for record in (signed, draft)}
        for user in (self.user_section, self.user_manager, self.user_staff2):
            for record in (signed, draft):
                for forged in FORGED:
                    with (
                        self.subTest(user=user.login, state=record.state, forged=forged),
                        self.assertRaises(AccessError),
                    ):
                        record.with_user(user).write(forged)
        for forged in FORGED:
            with self.subTest(create=forged), self.assertRaisesMsg(AccessError, "cannot be set by hand"):
                self.Evaluation.with_user(self.user_section).create(
                    {"skp_id": self.skp_staff2.id, "period_id": self.month[3].id, **forged}
                )
        self.env.invalidate_all()
        for record, values in before.items():
            self.assertEqual(record.read(list(values))[0], values)

    def test_accepted_objection_converts_the_revised_predicate_at_the_signed_level(self):
        self.emp_staff2.functional_level = "ahli_pertama"
        with freeze_time(f"{YEAR}-12-31 03:00:00"):
            annual = self._signed(self.skp_staff2, evaluation_type="annual", result="below", behavior="meets")
            self.assertEqual((annual.predicate, annual.credit_percent), ("needs_improvement", 75.0))
            self.assertAlmostEqual(annual.credit_points, 9.375)
            self.emp_staff2.functional_level = "ahli_muda"
            self.company_a.kinerja_tpp_good = 95
            objection = self._object(annual)
            objection.with_user(self.user_head).action_accept(result_rating="meets", reason="Data valid")
        self.assertEqual((annual.predicate, annual.credit_percent), ("good", 100.0))
        self.assertEqual((annual.credit_functional_level, annual.credit_coefficient), ("ahli_pertama", 12.5))
        self.assertAlmostEqual(annual.credit_points, 12.5)
        self.assertAlmostEqual(annual.credit_points_counted, 12.5)
        self.assertEqual(annual.tpp_percent, 95.0, "the decision converts the revised predicate as it is decided")
        self.assertEqual(str(annual.objection_deadline), f"{YEAR + 1}-01-14")


@tagged("post_install", "-at_install")
class TestCreditPointsCounted(FiguresCase):
    """2. The annual conversion covers the months of its SKP, pro rata; periodic conversions
    count only for months no annual conversion covers; no total adds both."""

    def test_months_held(self):
        self.assertEqual(months_held(self.month[7].date_start, self.year.date_end), 6.0)
        self.assertEqual(months_held(self.year.date_start, self.year.date_end), 12.0)
        self.assertAlmostEqual(
            months_held(self.month[1].date_start.replace(day=15), self.month[3].date_end), 2 + 17 / 31, places=4
        )
        self.assertEqual(months_held(self.month[2].date_start, self.month[1].date_end), 0.0)

    def test_transfer_gives_two_prorated_conversions(self):
        self.emp_staff2.functional_level = "ahli_pertama"
        new = self._new_position(self.skp_staff2, f"{YEAR}-07-01")
        first = self._signed(self.skp_staff2, evaluation_type="annual")
        second = self._signed(new, evaluation_type="annual")
        for annual in (first, second):
            self.assertEqual((annual.predicate, annual.credit_months), ("good", 6.0))
            self.assertAlmostEqual(annual.credit_points, 6.25)
        self.assertAlmostEqual(self._counted(self.emp_staff2), 12.5, msg="6.25 + 6.25, not 25")

    def test_periodic_points_count_until_the_annual_conversion(self):
        # Terampil: coefficient 5, so 5/12 a month rated Good
        months = self.Evaluation.union(*(self._signed(self.skp_staff2, month=m) for m in (1, 2, 3)))
        for evaluation in months:
            self.assertAlmostEqual(evaluation.credit_points, 5 / 12, places=3)
            self.assertAlmostEqual(evaluation.credit_points_counted, 5 / 12, places=3)
        self.assertAlmostEqual(self._counted(self.emp_staff2), 3 * 0.417, places=3, msg="each rounded to 3 decimals")
        annual = self._signed(self.skp_staff2, evaluation_type="annual")
        self.assertAlmostEqual(annual.credit_points_counted, 5.0)
        for evaluation in months:
            self.assertAlmostEqual(evaluation.credit_points, 5 / 12, places=3, msg="its own conversion stays")
            self.assertEqual(evaluation.credit_points_counted, 0.0, "its months are the annual conversion's")
        self.assertAlmostEqual(self._counted(self.emp_staff2), 5.0, msg="5, not 5 + 1.25")
        # a month signed after the annual one adds nothing either
        late = self._signed(self.skp_staff2, month=4)
        self.assertEqual(late.credit_points_counted, 0.0)
        self.assertAlmostEqual(self._counted(self.emp_staff2), 5.0)

    def test_level_change_mid_year_counts_the_periodic_months_before_it(self):
        """Ahli Pertama until June (monthly conversions, no annual one for that SKP), Ahli Muda
        from July in a new SKP converted annually: 6 x 12.5/12 (1.042 each, to 3 decimals as
        every conversion) + 25 x 6/12."""
        self.emp_staff2.functional_level = "ahli_pertama"
        for month in range(1, 7):
            self._signed(self.skp_staff2, month=month)
        new = self._new_position(self.skp_staff2, f"{YEAR}-07-01")
        self.emp_staff2.functional_level = "ahli_muda"
        annual = self._signed(new, evaluation_type="annual")
        self.assertAlmostEqual(annual.credit_points, 12.5)
        self.assertAlmostEqual(self._counted(self.emp_staff2), 6 * 1.042 + 12.5, places=3)

    def test_follow_up_list_totals_the_points_counted(self):
        view = self.env.ref("kinerja_asn.kinerja_evaluation_view_list_follow_up")
        arch = self.Evaluation.with_user(self.user_officer).get_views([(view.id, "list")])["views"]["list"]["arch"]
        summed = [node.get("name") for node in etree.fromstring(arch).iter("field") if node.get("sum")]
        self.assertEqual(summed, ["credit_points_counted"])
        self._signed(self.skp_staff2, month=1)
        self._signed(self.skp_staff2, evaluation_type="annual")
        # grouped by employee, as the list groups it
        groups = self.Evaluation.with_user(self.user_officer).read_group(
            [("state", "=", "done")], ["credit_points", "credit_points_counted"], ["employee_id"]
        )
        [group] = [g for g in groups if g["employee_id"][0] == self.emp_staff2.id]
        self.assertAlmostEqual(group["credit_points_counted"], 5.0)
        self.assertFalse(group.get("credit_points"), "the conversions themselves are not added up")

    def test_recap_counts_a_person_once(self):
        """Two SKPs in the year: two rows, one person in the totals, with the predicate of the
        SKP covering the end of the year; credit points 9.375 + 6.25."""
        self.emp_staff2.functional_level = "ahli_pertama"
        new = self._new_position(self.skp_staff2, f"{YEAR}-07-01")
        self._signed(self.skp_staff2, evaluation_type="annual", result="above", behavior="above")
        self._signed(new, evaluation_type="annual")
        self._signed(self.skp_staff2, month=1)
        recap = (
            self.env["report.kinerja_asn.unit_recap_xlsx"]
            .with_user(self.user_officer)
            ._get_recap_data(self.year, self.dept)
        )
        rows = [row for row in recap["rows"] if row["employee"] == "Staf Dua"]
        self.assertEqual(len(rows), 2)
        self.assertEqual(
            sorted(round(row["credit_points"], 3) for row in rows), [6.25, 9.375], "January is the annual's"
        )
        totals = dict(recap["totals"])
        self.assertEqual((totals["Very Good"], totals["Good"]), (0, 1))
        self.assertEqual(recap["not_evaluated"], 3, "the heads and Staf Satu")
        self.assertEqual(sum(totals.values()) + recap["not_evaluated"], 4, "four people")
        self.assertAlmostEqual(recap["credit_points"], 15.625)
        data = {"year_id": self.year.id, "department_ids": self.dept.ids}
        sheet = _xlsx(self.env, "kinerja_asn.action_report_kinerja_unit_recap_xlsx", self.year, data).active
        header = [cell.value for cell in sheet[4]]
        column = header.index("Credit Points")
        values = sorted(row[column].value for row in sheet.iter_rows(min_row=5) if row[1].value == "Staf Dua")
        self.assertEqual(values, [6.25, 9.375])
        self.assertIn("Credit points counted", _texts(sheet))

    def test_recap_person_who_left_counts_with_the_last_skp(self):
        """Left at the end of June: his only SKP ends before the year's end; he counts with it."""
        self.skp_staff2.sudo().write({"date_end": f"{YEAR}-06-30"})
        self._signed(self.skp_staff2, evaluation_type="annual", result="below", behavior="below")
        recap = self.env["report.kinerja_asn.unit_recap_xlsx"]._get_recap_data(self.year, self.dept)
        self.assertEqual(dict(recap["totals"])["Very Poor"], 1)


@tagged("post_install", "-at_install")
class TestObjectionRouting(FiguresCase):
    """7. The objection period in the agency's time zone; the officers decide where the
    evaluator has no supervisor; repairing the evaluator brings his supervisor."""

    def _sign_at(self, moment, skp):
        with freeze_time(moment):
            return self._signed(skp, month=1)

    def test_deadline_counted_in_the_agency_time_zone(self):
        self.company_a.partner_id.tz = False
        self.assertEqual(self._evaluation(month=3)._kinerja_tz().zone, "Asia/Jakarta", "WIB by default")
        self.user_section.tz = "Asia/Jakarta"
        # 06:00 WIB on 10 January is 23:00 UTC on 9 January
        first = self._sign_at(f"{YEAR}-01-09 23:00:00", self.skp_staff)
        second = self._sign_at(f"{YEAR}-01-09 23:00:00", self.skp_staff2)
        self.assertEqual(str(first.objection_deadline), f"{YEAR}-01-24")
        with freeze_time(f"{YEAR}-01-24 16:30:00"):  # 23:30 WIB on 24 January
            self.assertEqual(self._object(first).state, "submitted")
        with freeze_time(f"{YEAR}-01-24 17:30:00"), self.assertRaisesMsg(UserError, f"ended on {YEAR}-01-24"):
            self._object(second)  # 00:30 WIB on 25 January

    def test_company_time_zone_then_signer_time_zone(self):
        self.company_a.partner_id.tz = "Asia/Jayapura"  # WIT, UTC+9
        self.user_section.tz = "Asia/Makassar"
        evaluation = self._sign_at(f"{YEAR}-01-09 15:30:00", self.skp_staff)  # 00:30 WIT on 10 January
        self.assertEqual(str(evaluation.objection_deadline), f"{YEAR}-01-24")
        self.company_a.partner_id.tz = False  # then the signer's: WITA, UTC+8
        evaluation = self._sign_at(f"{YEAR}-01-09 16:30:00", self.skp_staff2)  # 00:30 WITA on 10 January
        self.assertEqual(str(evaluation.objection_deadline), f"{YEAR}-01-24")
        with freeze_time(f"{YEAR}-01-24 15:30:00"):  # 23:30 WITA on 24 January
            self.assertEqual(self._object(evaluation).state, "submitted")

    def test_objection_without_supervisor_goes_to_the_officers(self):
        # the head of the agency evaluates the section head and has no supervisor on record
        self.assertFalse(self.skp_section.evaluator_parent_id)
        with freeze_time(f"{YEAR}-02-10 03:00:00"):
            evaluation = self._signed(self.skp_section, result="below", behavior="meets")
            objection = self._object(evaluation)
            self.assertEqual(objection.state, "submitted")
            self.assertTrue(objection.officer_decides)
            assignees = objection.activity_ids.user_id
            self.assertIn(self.user_officer, assignees)
            self.assertIn(self.user_manager, assignees, "an administrator is an officer as well")
            self.assertFalse(assignees & (self.user_section | self.user_head))
            # neither the evaluator nor the employee decides; an officer may
            for user in (self.user_head, self.user_section):
                with self.subTest(user=user.login), self.assertRaises(AccessError):
                    objection.with_user(user).action_reject(reason="Tidak berdasar")
            with self.assertRaises(AccessError):
                objection.with_user(self.user_head).write({"revised_result_rating": "meets"})
            self.assertFalse(objection.with_user(self.user_head).can_decide)
            self.assertTrue(objection.with_user(self.user_officer).can_decide)
            objection.with_user(self.user_officer).write({"revised_result_rating": "meets"})
            objection.with_user(self.user_officer).action_accept(reason="Data valid")
        self.assertEqual((objection.state, objection.decided_by_id), ("accepted", self.user_officer))
        self.assertEqual(evaluation.predicate, "good")
        self.assertFalse(objection.activity_ids, "the officers' to-dos are closed")

    def test_officers_do_not_decide_where_a_supervisor_is_on_record(self):
        with freeze_time(f"{YEAR}-02-10 03:00:00"):
            evaluation = self._signed(result="below", behavior="meets")
            objection = self._object(evaluation)
            self.assertFalse(objection.officer_decides)
            self.assertEqual(objection.activity_ids.user_id, self.user_head)
            with self.assertRaisesMsg(AccessError, "Only the evaluator's supervisor"):
                objection.with_user(self.user_officer).action_accept(result_rating="meets")
            objection.with_user(self.user_head).action_reject(reason="Bukti tidak mendukung")
        self.assertEqual(objection.state, "rejected")

    def test_repairing_the_evaluator_brings_his_supervisor(self):
        Employee = self.env["hr.employee"]
        user_secretary = new_test_user(self.env, login="sekdin", groups="base.group_user")
        secretary = Employee.create({"name": "Sekretaris Dinas", "user_id": user_secretary.id})
        acting = Employee.create(
            {"name": "Plt Kepala Seksi", "parent_id": secretary.id, "user_id": new_test_user(self.env, "plt").id}
        )
        draft = self.Evaluation._prepare(self.month[1], self.skp_staff)
        self.assertEqual(draft.activity_ids.user_id, self.user_section)
        with freeze_time(f"{YEAR}-03-10 03:00:00"):
            objection = self._object(self._signed(month=2))
            self.assertEqual(objection.activity_ids.user_id, self.user_head)
            skp = self.skp_staff.with_user(self.user_officer)
            skp.action_repair_evaluator(acting.id, reason="Plt berdasarkan SK 800/12")
        self.assertEqual((skp.evaluator_id, skp.evaluator_parent_id), (acting, secretary))
        self.assertEqual(draft.evaluator_parent_user_id, user_secretary, "the draft's decider follows")
        # the to-dos follow: the draft to the acting evaluator, the objection to his supervisor
        self.assertEqual(draft.activity_ids.user_id, acting.user_id)
        self.assertEqual(objection.decider_user_id, user_secretary)
        self.assertEqual(objection.activity_ids.user_id, user_secretary)
        self.assertTrue(objection.with_user(user_secretary).can_decide)
        self.assertFalse(objection.with_user(self.user_head).can_decide)
        # the officer names the supervisor as well: his choice stands
        skp.action_repair_evaluator(acting.id, evaluator_parent_id=self.emp_head.id, reason="Atasan langsung")
        self.assertEqual(skp.evaluator_parent_id, self.emp_head)
        # in the wizard: choosing the evaluator brings his supervisor, which the officer may change
        context = {"active_model": "kinerja.skp", "active_ids": self.skp_staff.ids}
        with Form(
            self.env["kinerja.skp.evaluator.wizard"].with_user(self.user_officer).with_context(**context)
        ) as form:
            form.evaluator_id = self.emp_section
            self.assertEqual(form.evaluator_parent_id, self.emp_head)
            form.evaluator_id = acting
            self.assertEqual(form.evaluator_parent_id, secretary)
            form.reason = "Kembali ke Plt"
        form.record.action_confirm()
        self.assertEqual((skp.evaluator_id, skp.evaluator_parent_id), (acting, secretary))
        with self.assertRaises(AccessError):
            self.skp_staff.with_user(self.user_staff).action_repair_evaluator(self.emp_staff2.id, reason="Teman")


@tagged("post_install", "-at_install")
class TestAnnualSuggestion(FiguresCase):
    """8. The annual suggestion compares the year's realisation (by each indicator's
    aggregation) with the year's targets, not an average of the cumulative periodic figures."""

    def test_sum_indicator_compares_the_year_total_with_the_year_target(self):
        # 120 a year: 2 in January, 2 in February (each month far behind), 116 in March
        self._accepted(self.ind_staff, 1, 2)
        january = self._signed(month=1, result="below")
        self._accepted(self.ind_staff, 2, 2)
        february = self._signed(month=2, result="below")
        self.assertLess(max(january.achievement, february.achievement), 25)
        self._accepted(self.ind_staff, 3, 116)
        annual = self._evaluation(evaluation_type="annual")
        self.assertAlmostEqual(annual.achievement, 100.0)
        self.assertEqual(annual.suggested_result_rating, "meets")
        self.assertEqual(annual.suggestion_note, "Realisation of the year against the targets of the year")

    def test_average_indicator_compares_the_year_average_with_the_target(self):
        indicator = self.skp_staff2.indicator_ids
        indicator.aggregation = "average"  # target 60
        self._accepted(indicator, 1, 30)
        self._signed(self.skp_staff2, month=1, result="below")
        self._accepted(indicator, 2, 90)
        self._signed(self.skp_staff2, month=2)
        annual = self._evaluation(self.skp_staff2, evaluation_type="annual")
        self.assertAlmostEqual(annual.achievement, 100.0, msg="(30 + 90) / 2 = 60 of 60, not (50 + 100) / 2")
        self.assertEqual(annual.suggested_result_rating, "meets")
