from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from ..tools.achievement import predicate, rating_from_achievement
from .test_realization import YEAR, RealizationCase

QUADRANT = {
    # (work result, behaviour): predicate, as in DOMAIN.md
    ("above", "below"): "poor",
    ("above", "meets"): "good",
    ("above", "above"): "very_good",
    ("meets", "below"): "poor",
    ("meets", "meets"): "good",
    ("meets", "above"): "good",
    ("below", "below"): "very_poor",
    ("below", "meets"): "needs_improvement",
    ("below", "above"): "needs_improvement",
}


class EvaluationCase(RealizationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Evaluation = cls.env["kinerja.evaluation"]

    def _evaluation(self, skp=None, month=1, **values):
        skp = skp or self.skp_staff
        period = self.year if values.get("evaluation_type") == "annual" else self.month[month]
        return self.Evaluation.with_user(skp.evaluator_user_id).create(
            {"skp_id": skp.id, "period_id": period.id, **values}
        )

    def _signed(self, skp=None, month=1, result="meets", behavior="meets", **values):
        evaluation = self._evaluation(skp, month, **values)
        evaluation.write({"result_rating": result, "behavior_rating": behavior, "override_reason": "Pertimbangan"})
        self.assertIs(evaluation.action_done(force=True), True)
        return evaluation


@tagged("post_install", "-at_install")
class TestEvaluationRules(EvaluationCase):
    def test_full_quadrant(self):
        evaluation = self._evaluation()
        for (result, behavior), expected in QUADRANT.items():
            with self.subTest(result=result, behavior=behavior):
                self.assertEqual(predicate(result, behavior), expected)
                evaluation.write({"result_rating": result, "behavior_rating": behavior})
                self.assertEqual(evaluation.predicate, expected)
        evaluation.write({"behavior_rating": False})
        self.assertFalse(evaluation.predicate, "no predicate until both ratings are set")

    def test_suggestion_thresholds(self):
        for value, expected in ((0, "below"), (84.99, "below"), (85, "meets"), (109.99, "meets"), (110, "above")):
            self.assertEqual(rating_from_achievement(value, 85, 110), expected, value)

    def test_suggestion_from_realisation_prorated(self):
        # 120 a year is 10 a month; 10 in January is 100 %: meets; 14 is 140 %, capped at 120: above
        self._accepted(self.ind_staff, 1, 10)
        evaluation = self._evaluation()
        self.assertAlmostEqual(evaluation.achievement, 10 / (120 * 31 / 365) * 100, places=1)
        self.assertEqual(evaluation.suggested_result_rating, "meets")
        self.assertEqual(evaluation.result_line_ids.result_id, self.rhk_staff)
        self.assertEqual(len(evaluation.behavior_line_ids), 7, "one line per BerAKHLAK value")
        # realisation accepted later refreshes the draft's suggestion
        self._accepted(self.ind_staff, 2, 20)
        evaluation2 = self._evaluation(month=2)
        self.assertEqual(evaluation2.suggested_result_rating, "above")
        self.assertEqual(evaluation2.achievement, 120.0)

    def test_unit_head_rating_from_the_organisation_rating(self):
        self.dept.manager_id = self.emp_section
        self.env["kinerja.org.rating"].create(
            {"department_id": self.dept.id, "period_id": self.month[1].id, "rating": "outstanding"}
        )
        evaluation = self._evaluation(self.skp_section)
        self.assertEqual(evaluation.suggested_result_rating, "above")
        self.company_a.kinerja_org_rating_outstanding = "meets"
        evaluation.with_user(self.user_head).action_refresh_suggestion()
        self.assertEqual(evaluation.suggested_result_rating, "meets")

    def test_annual_rules(self):
        for month, rating in ((1, "above"), (2, "meets"), (3, "above"), (4, "below")):
            self._signed(month=month, result=rating)
        self.company_a.kinerja_annual_rule = "last"
        annual = self._evaluation(evaluation_type="annual")
        self.assertEqual(annual.suggested_result_rating, "below")
        self.assertEqual(len(annual.periodic_ids), 4)
        self.company_a.kinerja_annual_rule = "most_frequent"
        annual.with_user(self.user_section).action_refresh_suggestion()
        self.assertEqual(annual.suggested_result_rating, "above")
        self.company_a.kinerja_annual_rule = "average"
        annual.with_user(self.user_section).action_refresh_suggestion()
        self.assertEqual(annual.suggested_result_rating, "below", "no realisation: 0 % on average")

    def test_most_frequent_tie_goes_to_the_most_recent(self):
        self.company_a.kinerja_annual_rule = "most_frequent"
        for month, rating in ((1, "above"), (2, "meets")):
            self._signed(month=month, result=rating)
        self.assertEqual(self._evaluation(evaluation_type="annual").suggested_result_rating, "meets")

    def test_sign_locks_and_annual_closes_the_skp(self):
        evaluation = self._signed(evaluation_type="annual", result="above", behavior="above")
        self.assertEqual(evaluation.state, "done")
        self.assertEqual(evaluation.done_by_id, self.user_section)
        self.assertEqual(evaluation.predicate, "very_good")
        self.assertEqual(self.skp_staff.state, "done")
        message = evaluation.message_ids.filtered(lambda m: self.user_staff.partner_id in m.partner_ids)
        self.assertTrue(message, "the employee is told, with the objection deadline")
        with self.assertRaisesMsg(UserError, "is signed"):
            evaluation.with_user(self.user_section).write({"result_rating": "below"})
        with self.assertRaisesMsg(UserError, "its feedback can no longer change"):
            evaluation.line_ids[:1].with_user(self.user_section).write({"feedback": "ubah"})
        with self.assertRaisesMsg(UserError, "never deleted"):
            evaluation.with_user(self.user_section).unlink()
        self.assertEqual(evaluation.result_rating, "above")

    def test_credit_points_and_tpp(self):
        # staff2 holds a functional position at the 'terampil' level: coefficient 5
        annual = self._signed(self.skp_staff2, evaluation_type="annual", result="above", behavior="above")
        self.assertAlmostEqual(annual.credit_points, 7.5)
        monthly = self._signed(self.skp_staff2, month=1, result="meets", behavior="meets")
        self.assertAlmostEqual(monthly.credit_points, 5 / 12, places=3)
        self.assertEqual(monthly.tpp_percent, 100.0)
        self.company_a.kinerja_tpp_good = 90
        self.assertEqual(monthly.tpp_percent, 100.0, "a signed evaluation keeps the percentage it was signed with")
        executor = self._signed(self.skp_staff, month=1, result="below", behavior="meets")
        self.assertEqual(executor.credit_points, 0.0, "an executor has no credit points")
        self.assertEqual(executor.tpp_percent, 80.0)

    def test_mass_evaluation(self):
        self._accepted(self.ind_staff, 1, 10)
        self._accepted(self.skp_staff2.indicator_ids, 1, 5)
        evaluations = self.Evaluation._prepare(self.month[1], self.skp_staff | self.skp_staff2)
        self.assertEqual(len(evaluations), 2)
        self.assertEqual(evaluations.activity_ids.user_id, self.user_section)
        mine = self.Evaluation.with_user(self.user_section).search(
            [("evaluator_user_id", "=", self.user_section.id), ("state", "=", "draft")]
        )
        self.assertEqual(mine, evaluations)
        mine.action_apply_suggestion()
        self.assertEqual(mine.mapped("result_rating"), mine.mapped("suggested_result_rating"))
        mine.write({"behavior_rating": "meets"})
        mine.action_done()
        self.assertEqual(set(mine.mapped("state")), {"done"})
        self.assertFalse(evaluations.activity_ids)
        self.assertEqual(len(set(mine.mapped("done_date"))), 1)
        self.assertFalse(self.Evaluation._prepare(self.month[1], self.skp_staff | self.skp_staff2), "nothing twice")


@tagged("post_install", "-at_install")
class TestEvaluationBadInput(EvaluationCase):
    def test_rating_outside_the_keys(self):
        evaluation = self._evaluation()
        with self.assertRaisesMsg(ValidationError, "not a rating"):
            evaluation.with_user(self.user_section).write({"result_rating": "excellent"})
        with self.assertRaisesMsg(ValidationError, "not a rating"):
            self._evaluation(month=2, behavior_rating="great")
        self.assertFalse(evaluation.result_rating)

    def test_signing_without_both_ratings(self):
        evaluation = self._evaluation()
        evaluation.result_rating = "meets"
        with self.assertRaisesMsg(UserError, "Set both"):
            evaluation.action_done()
        self.assertEqual(evaluation.state, "draft")

    def test_override_without_reason(self):
        self._accepted(self.ind_staff, 1, 10)
        evaluation = self._evaluation()
        self.assertEqual(evaluation.suggested_result_rating, "meets")
        evaluation.write({"result_rating": "above", "behavior_rating": "meets"})
        with self.assertRaisesMsg(UserError, "give the reason for the override"):
            evaluation.action_done()
        evaluation.override_reason = "Menangani KLB campak di luar target"
        evaluation.action_done()
        self.assertEqual(evaluation.state, "done")

    def test_period_not_covered(self):
        self.skp_staff.sudo().write({"date_end": f"{YEAR}-06-30"})
        with self.assertRaisesMsg(ValidationError, "does not cover"):
            self._evaluation(month=9)
        with self.assertRaisesMsg(ValidationError, "does not cover"):
            self._evaluation(month=1, evaluation_type="annual", period_id=self.month[1].id)

    def test_second_evaluation_same_period(self):
        self._evaluation()
        with self.assertRaisesMsg(ValidationError, "already has an evaluation for January"):
            self._evaluation()
        self.assertEqual(self.Evaluation.search_count([("skp_id", "=", self.skp_staff.id)]), 1)

    def test_predicate_cannot_be_set(self):
        evaluation = self._evaluation()
        with self.assertRaisesMsg(UserError, "follows from the two ratings"):
            evaluation.with_user(self.user_section).write({"predicate": "very_good"})

    def test_distribution_rule_that_cannot_be_met(self):
        Rule = self.env["kinerja.distribution.rule"].with_user(self.user_manager)
        with self.assertRaisesMsg(ValidationError, "can never be met"):
            Rule.create({"org_rating": "good", "predicate": "good", "min_percent": 80, "max_percent": 70})
        with self.assertRaisesMsg(ValidationError, "add up to more than 100"):
            Rule.create({"org_rating": "needs_improvement", "predicate": "good", "min_percent": 50})
        with self.assertRaises(AccessError):
            Rule.with_user(self.user_officer).create({"org_rating": "good", "predicate": "good"})


@tagged("post_install", "-at_install")
class TestEvaluationRights(EvaluationCase):
    def test_only_the_evaluator_rates_and_signs(self):
        evaluation = self._evaluation()
        for user in (self.user_staff, self.user_head, self.user_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                evaluation.with_user(user).write({"result_rating": "above"})
        with self.assertRaises(AccessError):
            evaluation.with_user(self.user_staff2).write({"result_rating": "above"})
        evaluation.write({"result_rating": "meets", "behavior_rating": "meets"})
        for user in (self.user_staff, self.user_head, self.user_officer):
            with self.subTest(user=user.login), self.assertRaisesMsg(AccessError, "Only the evaluator"):
                evaluation.with_user(user).action_done()
        with self.assertRaisesMsg(UserError, "'Sign' button"):
            evaluation.with_user(self.user_section).write({"state": "done"})
        self.assertEqual(evaluation.state, "draft")
        self.assertTrue(evaluation.with_user(self.user_section).can_evaluate)
        self.assertFalse(evaluation.with_user(self.user_staff).can_evaluate)

    def test_who_reads_an_evaluation(self):
        evaluation = self._evaluation()
        # the draft: the evaluator, his supervisor and the officers; not yet the employee
        for user in (self.user_section, self.user_head, self.user_officer):
            self.assertTrue(evaluation.with_user(user).has_access("read"), user.login)
        for user in (self.user_staff, self.user_staff2, self.user_other):
            self.assertFalse(evaluation.with_user(user).has_access("read"), user.login)
        evaluation.write({"result_rating": "meets", "behavior_rating": "meets", "override_reason": "Pertimbangan"})
        evaluation.action_done()
        for user in (self.user_staff, self.user_section, self.user_head, self.user_officer):
            self.assertTrue(evaluation.with_user(user).has_access("read"), user.login)
        for user in (self.user_staff2, self.user_other):
            self.assertFalse(evaluation.with_user(user).has_access("read"), user.login)

    def test_the_employee_sees_no_draft_rating(self):
        """The ratings are the evaluator's work in progress until he signs: the employee cannot
        read them over the ORM, nor the draft feedback; signed, he reads them. His evaluator
        reads both."""
        draft = self._evaluation(month=2)
        draft.write({"result_rating": "below", "behavior_rating": "below", "override_reason": "Belum lapor"})
        draft.line_ids[:1].write({"feedback": "Lengkapi bukti"})
        signed = self._signed(month=1, result="meets", behavior="above")
        Evaluation = self.Evaluation.with_user(self.user_staff)
        with self.assertRaises(AccessError):
            draft.with_user(self.user_staff).read(["result_rating", "behavior_rating", "predicate"])
        with self.assertRaises(AccessError):
            draft.line_ids.with_user(self.user_staff).read(["feedback"])
        self.assertEqual(Evaluation.search([("skp_id", "=", self.skp_staff.id)]), signed)
        self.assertEqual(
            Evaluation.search_count([("skp_id", "=", self.skp_staff.id), ("result_rating", "=", "below")]),
            0,
            "nor can he search by a draft's rating",
        )
        self.assertFalse(
            Evaluation._read_group([("skp_id", "=", self.skp_staff.id), ("state", "=", "draft")], [], ["__count"])[0][0]
        )
        self.env.invalidate_all()
        self.assertEqual(self.skp_staff.with_user(self.user_staff).evaluation_ids, signed)
        [values] = signed.with_user(self.user_staff).read(["result_rating", "behavior_rating", "predicate"])
        self.assertEqual(
            (values["result_rating"], values["behavior_rating"], values["predicate"]), ("meets", "above", "good")
        )
        self.assertTrue(signed.line_ids.with_user(self.user_staff).read(["feedback"]))
        for user in (self.user_section, self.user_head, self.user_officer):
            with self.subTest(user=user.login):
                [values] = draft.with_user(user).read(["result_rating", "predicate"])
                self.assertEqual((values["result_rating"], values["predicate"]), ("below", "very_poor"))
                self.assertEqual(draft.line_ids[:1].with_user(user).feedback, "Lengkapi bukti")
                self.assertEqual(signed.with_user(user).predicate, "good")
        # an evaluator sees his own evaluation (by his supervisor) only once signed, too
        own = self._evaluation(self.skp_section, month=1)
        self.assertFalse(own.with_user(self.user_section).has_access("read"))
        self.assertTrue(own.with_user(self.user_head).has_access("read"))

    def test_only_evaluator_or_officer_creates(self):
        with self.assertRaisesMsg(AccessError, "Only the evaluator"):
            self.Evaluation.with_user(self.user_staff2).create(
                {"skp_id": self.skp_staff.id, "period_id": self.month[1].id}
            )
        with self.assertRaises(AccessError):
            self.Evaluation.with_user(self.user_staff).create(
                {"skp_id": self.skp_staff.id, "period_id": self.month[1].id, "state": "done"}
            )
        officer_made = self.Evaluation.with_user(self.user_officer).create(
            {"skp_id": self.skp_staff.id, "period_id": self.month[1].id}
        )
        self.assertEqual(officer_made.state, "draft")


@tagged("post_install", "-at_install")
class TestDistribution(EvaluationCase):
    def _limits(self, xmlid, total):
        return self.env.ref(f"kinerja_asn.{xmlid}")._limits(total)

    def test_every_shipped_rule_at_its_edges(self):
        # rounded in the employees' favour (the literal reading, the default, is in test_distribution)
        self.company_a.kinerja_distribution_rounding = "lenient"
        cases = {
            # rule: {unit size: (minimum, maximum)}
            "distribution_outstanding_very_good": {1: (0, 1), 3: (0, 3), 10: (0, 7), 11: (0, 8)},
            "distribution_good_good": {1: (0, 1), 3: (0, 3), 10: (0, 7)},
            "distribution_good_low": {1: (1, 1), 3: (1, 3), 10: (1, 10)},
            "distribution_needs_improvement_ni": {1: (0, 1), 3: (1, 3), 10: (6, 10)},
            "distribution_needs_improvement_very_good": {1: (0, 1), 10: (0, 1), 11: (0, 2)},
            "distribution_poor_poor": {1: (0, 1), 10: (6, 10)},
            "distribution_poor_ni": {9: (0, 9), 10: (1, 10)},
            "distribution_poor_very_good": {10: (0, 1)},
            "distribution_very_poor_vp": {5: (3, 5), 10: (6, 10)},
            "distribution_very_poor_low": {10: (1, 10)},
            "distribution_very_poor_very_good": {1: (0, 0), 10: (0, 0)},
        }
        for xmlid, sizes in cases.items():
            for total, expected in sizes.items():
                with self.subTest(rule=xmlid, total=total):
                    self.assertEqual(self._limits(xmlid, total), expected)

    def _unit(self, size, month=1):
        """``size`` staff under the section, each with an approved (qualitative) SKP and a draft
        evaluation."""
        Employee = self.env["hr.employee"]
        evaluations = self.Evaluation
        for index in range(size):
            employee = Employee.create(
                {"name": f"Pegawai {index}", "parent_id": self.emp_section.id, "department_id": self.dept.id}
            )
            skp, _result = self._approved_skp(employee, parent=self.rhk_section)
            skp.sudo().approach = "qualitative"  # no suggestion to override
            evaluations |= self._evaluation(skp, month)
        return evaluations

    def test_good_unit_at_most_70_percent_good(self):
        self.env["kinerja.org.rating"].create(
            {"department_id": self.dept.id, "period_id": self.month[1].id, "rating": "good"}
        )
        evaluations = self._unit(10)
        for evaluation in evaluations[:7]:
            evaluation.write({"result_rating": "meets", "behavior_rating": "meets"})
            self.assertIs(evaluation.action_done(), True, "7 of 10 Good is allowed")
        eighth = evaluations[7]
        eighth.write({"result_rating": "meets", "behavior_rating": "meets"})
        self.assertIn("at most 7 allowed", eighth.distribution_warning)
        action = eighth.action_done()
        self.assertEqual(action["res_model"], "kinerja.evaluation.sign.wizard", "warned, not signed")
        self.assertEqual(eighth.state, "draft")
        wizard = self.env[action["res_model"]].with_context(action["context"]).create({})
        wizard.action_confirm()
        self.assertEqual(eighth.state, "done", "the evaluator may sign anyway")
        org = self.env["kinerja.org.rating"].search([("department_id", "=", self.dept.id)])
        self.assertIn("8 of 10", org.violation)
        # blocking: the ninth cannot be signed at all
        self.company_a.kinerja_distribution_blocking = True
        ninth = evaluations[8]
        ninth.write({"result_rating": "meets", "behavior_rating": "meets"})
        with self.assertRaisesMsg(UserError, "breaks the distribution"):
            ninth.action_done(force=True)
        self.assertEqual(ninth.state, "draft")

    def test_good_unit_must_include_some_low_predicates(self):
        self.env["kinerja.org.rating"].create(
            {"department_id": self.dept.id, "period_id": self.month[1].id, "rating": "good"}
        )
        evaluations = self._unit(3)
        org = self.env["kinerja.org.rating"].search([("department_id", "=", self.dept.id)])
        for evaluation, rating in zip(evaluations, ("above", "above", "meets"), strict=True):
            evaluation.write({"result_rating": rating, "behavior_rating": "above"})
            evaluation.action_done(force=True)
            org.invalidate_recordset()
            if evaluation != evaluations[-1]:
                self.assertFalse(org.violation, "no maximum broken; the unit is not complete yet")
        # complete: every evaluation of the period is signed, none below Good
        self.assertIn("at least 1 required", org.violation)

    def test_small_unit_outstanding(self):
        self.env["kinerja.org.rating"].create(
            {"department_id": self.dept.id, "period_id": self.month[1].id, "rating": "outstanding"}
        )
        [only] = self._unit(1)
        only.write({"result_rating": "above", "behavior_rating": "above"})
        self.assertIn("at most 0 allowed", only.distribution_warning, "as written, at most 70 % of 1 is nobody")
        self.company_a.kinerja_distribution_rounding = "lenient"
        only.invalidate_recordset(["distribution_warning"])
        self.assertFalse(only.distribution_warning, "in the employees' favour, 70 % of 1 rounds up")

    def test_org_rating_set_by_officer_or_leadership(self):
        OrgRating = self.env["kinerja.org.rating"]
        # the head of the office rates the section below it, never his own office
        section_unit = self.env["hr.department"].create(
            {"name": "Seksi Imunisasi", "parent_id": self.dept.id, "manager_id": self.emp_section.id}
        )
        rating = OrgRating.with_user(self.user_head).create(
            {"department_id": section_unit.id, "period_id": self.month[1].id, "rating": "good"}
        )
        self.assertEqual(rating.rating, "good")
        with self.assertRaisesMsg(AccessError, "leadership"):
            rating.with_user(self.user_staff).write({"rating": "outstanding"})
        with self.assertRaisesMsg(AccessError, "You head Seksi Imunisasi"):
            rating.with_user(self.user_section).write({"rating": "outstanding"})
        rating.with_user(self.user_officer).write({"rating": "outstanding"})
        self.assertEqual(rating.rating, "outstanding")

    def test_prepare_query_count_does_not_grow(self):
        counts = []
        for size, month in ((5, 2), (20, 3)):
            Employee = self.env["hr.employee"]
            skps = self.env["kinerja.skp"]
            for index in range(size):
                employee = Employee.create({"name": f"P{month}-{index}", "parent_id": self.emp_section.id})
                skps |= self._approved_skp(employee, parent=self.rhk_section)[0]
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            evaluations = self.Evaluation._prepare(self.month[month], skps)
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(evaluations), size)
        # four times the evaluations for well under twice the queries per evaluation
        self.assertLess(counts[1] / 20, counts[0] / 5, counts)


@tagged("post_install", "-at_install")
class TestObjection(EvaluationCase):
    def _object(self, evaluation, user=None, reason="Realisasi Maret belum dihitung"):
        return (
            self.env["kinerja.objection"]
            .with_user(user or self.user_staff)
            .create({"evaluation_id": evaluation.id, "reason": reason})
        )

    @freeze_time(f"{YEAR}-02-10")
    def test_accepted_objection_revises_the_predicate(self):
        evaluation = self._signed(result="below", behavior="meets")
        self.assertEqual(evaluation.predicate, "needs_improvement")
        objection = self._object(evaluation)
        self.assertEqual(objection.decider_user_id, self.user_head)
        self.assertEqual(objection.activity_ids.user_id, self.user_head)
        self.assertEqual(objection.original_predicate, "needs_improvement")
        with self.assertRaisesMsg(AccessError, "Only the evaluator's supervisor"):
            objection.with_user(self.user_section).action_accept(result_rating="meets")
        with self.assertRaises(AccessError):
            objection.with_user(self.user_staff).action_accept(result_rating="meets")
        objection.with_user(self.user_head).action_accept(result_rating="meets", reason="Data Maret valid")
        self.assertEqual(objection.state, "accepted")
        self.assertEqual(evaluation.result_rating, "meets")
        self.assertEqual(evaluation.predicate, "good")
        self.assertFalse(objection.activity_ids)
        with self.assertRaisesMsg(UserError, "final"):
            objection.with_user(self.user_head).action_reject(reason="berubah pikiran")
        with self.assertRaisesMsg(UserError, "final"):
            objection.with_user(self.user_head).write({"revised_result_rating": "below"})
        with self.assertRaisesMsg(UserError, "already objected"):
            self._object(evaluation)

    @freeze_time(f"{YEAR}-02-10")
    def test_rejected_objection_needs_a_reason(self):
        evaluation = self._signed()
        objection = self._object(evaluation)
        with self.assertRaisesMsg(UserError, "reason for rejecting"):
            objection.with_user(self.user_head).action_reject()
        objection.with_user(self.user_head).action_reject(reason="Bukti tidak mendukung")
        self.assertEqual((objection.state, evaluation.predicate), ("rejected", "good"))

    def test_deadline_and_who_may_object(self):
        with freeze_time(f"{YEAR}-02-01"):
            evaluation = self._signed()
        self.assertEqual(str(evaluation.objection_deadline), f"{YEAR}-02-15")
        with freeze_time(f"{YEAR}-02-15"):
            with self.assertRaisesMsg(AccessError, "Only Staf Satu may object"):
                self._object(evaluation, user=self.user_section)
            with self.assertRaises(AccessError):
                self._object(evaluation, user=self.user_staff2)
        with freeze_time(f"{YEAR}-02-16"), self.assertRaisesMsg(UserError, "objection period .* ended on"):
            self._object(evaluation)
        with freeze_time(f"{YEAR}-02-15"):
            self.assertEqual(self._object(evaluation).state, "submitted")

    def test_only_a_signed_evaluation(self):
        evaluation = self._evaluation()
        with self.assertRaisesMsg(UserError, "Only a signed evaluation"):
            self._object(evaluation)


@tagged("post_install", "-at_install")
class TestEvaluationScreens(EvaluationCase):
    """What the evaluation screens compute while a record is being edited (a new record, its
    id a NewId with the stored record as origin), replayed as the web client does: every
    field a user changes there, in a unit whose organisation rating puts the distribution
    rules in force."""

    def setUp(self):
        super().setUp()
        # Very Poor unit: no Very Good predicate at all is allowed (distribution_very_poor_very_good)
        self.org_rating = self.env["kinerja.org.rating"].create(
            {"department_id": self.dept.id, "period_id": self.month[1].id, "rating": "very_poor"}
        )
        self.evaluation = self._evaluation()
        self.assertEqual(self.evaluation.suggested_result_rating, "below", "no realisation reported")

    def _list_onchange(self, record, changes):
        """The onchange the editable 'To Evaluate' list sends when a cell changes."""
        view = self.env.ref("kinerja_asn.kinerja_evaluation_view_list")
        arch = record.get_views([(view.id, "list")])["views"]["list"]["arch"]
        spec = {}
        for node in etree.fromstring(arch).iter("field"):
            field = record._fields[node.get("name")]
            spec[field.name] = {"fields": {"display_name": {}}} if field.type == "many2one" else {}
        return record.onchange(dict(changes), [list(changes)[-1]], spec)["value"]

    def test_rate_in_the_to_evaluate_list(self):
        evaluation = self.evaluation.with_user(self.user_section)
        value = self._list_onchange(evaluation, {"result_rating": "above"})
        self.assertFalse(value.get("predicate"), "one rating alone gives no predicate yet")
        value = self._list_onchange(evaluation, {"result_rating": "above", "behavior_rating": "above"})
        self.assertEqual(value["predicate"], "very_good")
        self.assertIn("at most 0 allowed", value["distribution_warning"])
        self.assertEqual(value["tpp_percent"], self.company_a._kinerja_tpp_map()["very_good"])
        value = self._list_onchange(evaluation, {"result_rating": "below", "behavior_rating": "meets"})
        self.assertEqual(value["predicate"], "needs_improvement")
        self.assertNotIn("distribution_warning", value, "no rule broken: no warning (it was none before)")
        self.assertFalse(self.evaluation.result_rating, "an onchange writes nothing")

    def test_rate_in_the_evaluation_form(self):
        with Form(self.evaluation.with_user(self.user_section)) as form:
            self.assertTrue(form.can_evaluate)
            self.assertEqual(form.objection_count, 0)
            form.behavior_rating = "above"
            self.assertFalse(form.predicate)
            form.result_rating = "above"
            self.assertEqual(form.predicate, "very_good")
            self.assertIn("Very Good", form.distribution_warning)
            self.assertIn("at most 0 allowed", form.distribution_warning)
            # rated above the suggestion: the reason is required
            self.assertTrue(form._get_modifier("override_reason", "required"))
            form.override_reason = "Menangani KLB campak di luar target"
            form.result_rating = "meets"
            self.assertEqual(form.predicate, "good")
            self.assertFalse(form.distribution_warning)
            with form.result_line_ids.edit(0) as line:
                self.assertEqual(line.result_id, self.rhk_staff)
                line.feedback = "Cakupan imunisasi di atas target"
            self.assertEqual(len(form.behavior_line_ids), 7)
            for index in range(7):
                with form.behavior_line_ids.edit(index) as line:
                    self.assertTrue(line.core_value_id)
                    line.feedback = f"Umpan balik nilai {index + 1}"
            form.feedback = "Pertahankan kinerja"
        evaluation = self.evaluation
        self.assertEqual((evaluation.result_rating, evaluation.behavior_rating), ("meets", "above"))
        self.assertEqual(evaluation.predicate, "good")
        self.assertEqual(evaluation.override_reason, "Menangani KLB campak di luar target")
        self.assertEqual(evaluation.feedback, "Pertahankan kinerja")
        self.assertEqual(evaluation.result_line_ids.feedback, "Cakupan imunisasi di atas target")
        self.assertEqual(
            evaluation.behavior_line_ids.mapped("feedback"), [f"Umpan balik nilai {i}" for i in range(1, 8)]
        )
        self.assertEqual(evaluation.state, "draft")

    def test_rate_in_any_unit(self):
        """The same form in a unit without a rating for the period, in a sub-unit of a rated
        unit (its rules apply) and without a unit at all."""
        cases = {}
        cases["unit without a rating for the period"] = (self._evaluation(month=2), False)
        section_unit = self.env["hr.department"].create({"name": "Seksi Imunisasi", "parent_id": self.dept.id})
        employee = self.env["hr.employee"].create(
            {"name": "Vaksinator", "parent_id": self.emp_section.id, "department_id": section_unit.id}
        )
        skp, _result = self._approved_skp(employee, parent=self.rhk_section)
        self.assertEqual(skp.department_id, section_unit)
        cases["sub-unit of a rated unit"] = (self._evaluation(skp), "at most 0 allowed")
        loner = self.env["hr.employee"].create({"name": "Tanpa Unit", "parent_id": self.emp_section.id})
        cases["no unit"] = (self._evaluation(self._approved_skp(loner, parent=self.rhk_section)[0]), False)
        for label, (evaluation, warning) in cases.items():
            with self.subTest(label), Form(evaluation.with_user(self.user_section)) as form:
                form.result_rating = "above"
                form.behavior_rating = "above"
                self.assertEqual(form.predicate, "very_good")
                if warning:
                    self.assertIn(warning, form.distribution_warning)
                else:
                    self.assertFalse(form.distribution_warning)
                form.override_reason = "Pertimbangan"
                value = self._list_onchange(
                    evaluation.with_user(self.user_section), {"result_rating": "above", "behavior_rating": "meets"}
                )
                self.assertEqual(value["predicate"], "good")
            self.assertEqual(evaluation.predicate, "very_good", label)

    def test_sign_through_the_distribution_wizard(self):
        with Form(self.evaluation.with_user(self.user_section)) as form:
            form.result_rating = "above"
            form.behavior_rating = "above"
            form.override_reason = "Menangani KLB campak"
        action = self.evaluation.with_user(self.user_section).action_done()
        self.assertEqual(action["res_model"], "kinerja.evaluation.sign.wizard")
        wizard = Form.from_action(self.env(user=self.user_section), action).save()
        self.assertIn("at most 0 allowed", wizard.warning)
        wizard.action_confirm()
        self.assertEqual(self.evaluation.state, "done")
        self.assertEqual(self.evaluation.done_by_id, self.user_section)
        # signed, the form shows it to the employee: nothing on it can be edited any more
        form = Form(self.evaluation.with_user(self.user_staff))
        self.assertFalse(form.can_evaluate)
        self.assertEqual(form.predicate, "very_good")
        self.assertFalse(form.distribution_warning, "signed: nothing more to warn about")

    def test_distribution_counts_the_record_on_screen_once(self):
        """The warning judges the unit with the evaluation as it stands on screen, in place of
        its stored version (not in addition to it), and a brand-new one added to the unit."""
        self.org_rating.rating = "good"  # at most 70 % Good or better
        self.company_a.kinerja_distribution_rounding = "lenient"  # 70 % of 2 rounds up to 2
        second = self._evaluation(self.skp_staff2)
        second.write({"result_rating": "meets", "behavior_rating": "meets", "override_reason": "Pertimbangan"})
        second.action_done(force=True)
        with Form(self.evaluation.with_user(self.user_section)) as form:
            form.result_rating = "meets"
            form.behavior_rating = "meets"
            form.override_reason = "Pertimbangan"
            # 2 of 2 Good: at most 2 (70 % of 2 rounds up)
            self.assertFalse(form.distribution_warning)
        new = self.Evaluation.new({"skp_id": self.skp_section.id, "period_id": self.month[1].id})
        new.result_rating = new.behavior_rating = "meets"
        total, counts = self.org_rating._population(extra=new)
        self.assertEqual((total, counts["good"]), (3, 2), "the new one counted once, with its predicate")
        total, counts = self.org_rating._population(extra=self.Evaluation.new(origin=self.evaluation))
        self.assertEqual(total, 2, "an edited record stands for its origin")

    def test_file_an_objection_in_the_form(self):
        with freeze_time(f"{YEAR}-02-05"):
            signed = self._signed(month=3, result="below", behavior="meets")
            context = signed.with_user(self.user_staff).action_open_objection()["context"]
            Objection = self.env["kinerja.objection"].with_user(self.user_staff).with_context(context)
            with Form(Objection) as form:
                self.assertEqual(form.evaluation_id, signed)
                self.assertEqual(form.employee_id, self.emp_staff)
                self.assertEqual(str(form.deadline), f"{YEAR}-02-19")
                self.assertFalse(form.can_decide)
                form.reason = "Capaian Januari belum memuat sweeping"
            objection = form.record
            # or picking the evaluation himself
            other = self._signed(month=4)
            with Form(self.env["kinerja.objection"].with_user(self.user_staff)) as form:
                form.evaluation_id = other
                self.assertEqual(form.decider_id, self.emp_head)
                form.reason = "Februari juga"
        self.assertEqual(objection.state, "submitted")
        self.assertEqual(objection.reason, "Capaian Januari belum memuat sweeping")
        self.assertEqual(objection.original_predicate, "needs_improvement")
        self.assertEqual(form.record.evaluation_id, other)
        self.assertEqual(signed.with_user(self.user_staff).objection_count, 1)
        self.assertEqual(Form(signed.with_user(self.user_staff)).objection_count, 1)

        # the evaluator's supervisor revises the ratings in the form and accepts
        with Form(objection.with_user(self.user_head)) as form:
            self.assertTrue(form.can_decide)
            form.revised_result_rating = "meets"
            form.revised_behavior_rating = "above"
            form.decision_reason = "Data sweeping sah"
        objection.with_user(self.user_head).action_accept()
        self.assertEqual(objection.state, "accepted")
        self.assertEqual(objection.decision_reason, "Data sweeping sah")
        self.assertEqual((signed.result_rating, signed.behavior_rating, signed.predicate), ("meets", "above", "good"))

        # the second is rejected with the reason written in the form
        second = other.objection_ids.with_user(self.user_head)
        with Form(second) as form:
            form.decision_reason = "Bukti tidak mendukung"
        second.action_reject()
        self.assertEqual((second.state, second.decision_reason), ("rejected", "Bukti tidak mendukung"))
        self.assertEqual(other.predicate, "good", "unchanged")

    def test_organisation_rating_form(self):
        self.company_a.kinerja_distribution_rounding = "lenient"  # a unit of one may be Very Good
        other_month = self.month[2]
        self._signed(month=2, result="above", behavior="above")
        with Form(self.env["kinerja.org.rating"].with_user(self.user_officer)) as form:
            self.assertEqual(form.employee_count, 0, "no unit chosen yet")
            self.assertFalse(form.violation)
            form.department_id = self.dept
            form.period_id = other_month
            form.rating = "very_poor"
            self.assertEqual((form.employee_count, form.evaluated_count), (1, 1))
            self.assertIn("Very Good: 1", form.distribution)
            self.assertIn("at most 0 allowed", form.violation)
            form.rating = "outstanding"
            self.assertFalse(form.violation)
            form.note = "LKjIP Februari"
        rating = form.record
        self.assertEqual((rating.rating, rating.note), ("outstanding", "LKjIP Februari"))
        with Form(rating.with_user(self.user_officer)) as form:
            form.rating = "very_poor"
            self.assertIn("at most 0 allowed", form.violation)
        self.assertIn("at most 0 allowed", rating.violation)

    def test_distribution_rule_form(self):
        with Form(self.env["kinerja.distribution.rule"].with_user(self.user_manager)) as form:
            form.org_rating = "good"
            form.predicate = "needs_improvement"
            form.extra_predicate = "poor"
            form.min_percent = 5
            form.min_count = 1
            form.max_percent = 50
            self.assertEqual(
                form.description,
                "Needs Improvement / Poor (Misconduct): at least 5.0%, at least 1 people, at most 50.0%",
            )
        self.assertEqual(form.record._limits(10), (1, 5))
