"""The distribution of predicates as SE MenPANRB 3/2023 applies it: the rounding of small units,
who sets a unit's organisation rating, the head of a unit rated by it, and the unit's
population (its own curve, one person once)."""

import re
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .test_evaluation import EvaluationCase
from .test_realization import YEAR


class DistributionCase(EvaluationCase):
    """The office of EvaluationCase (Dinas Kesehatan, headed by Kepala Dinas) below the city's
    secretariat (Sekretaris Daerah: the leadership above the office), with the head's SKP
    evaluated by the Sekretaris Daerah."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_top = new_test_user(
            cls.env,
            login="sekda",
            groups="base.group_user",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        Employee = cls.env["hr.employee"]
        cls.top = cls.env["hr.department"].create({"name": "Sekretariat Daerah", "company_id": cls.company_a.id})
        cls.emp_top = Employee.create(
            {
                "name": "Sekretaris Daerah",
                "user_id": cls.user_top.id,
                "department_id": cls.top.id,
                "position_type": "jpt",
                "nip": "197001012000031009",
            }
        )
        cls.top.manager_id = cls.emp_top
        cls.dept.parent_id = cls.top
        cls.emp_head.parent_id = cls.emp_top
        cls.skp_head.sudo().write({"evaluator_id": cls.emp_top.id})
        cls.OrgRating = cls.env["kinerja.org.rating"]

    def _rate_unit(self, rating, department=None, month=1, user=None):
        period = self.year if month == "year" else self.month[month]
        return self.OrgRating.with_user(user or self.user_officer).create(
            {"department_id": (department or self.dept).id, "period_id": period.id, "rating": rating}
        )

    def _staff(self, size, department=None, month=1):
        """``size`` new staff below the section head in ``department``, each with an approved
        qualitative SKP and a draft evaluation for ``month``, as their evaluator sees it."""
        evaluations = self.Evaluation.with_user(self.user_section)
        for index in range(size):
            employee = self.env["hr.employee"].create(
                {
                    "name": f"Pegawai {department.name if department else 'Dinas'} {index}",
                    "parent_id": self.emp_section.id,
                    "department_id": (department or self.dept).id,
                }
            )
            skp, _result = self._approved_skp(employee, parent=self.rhk_section)
            skp.sudo().approach = "qualitative"  # no suggestion to override
            evaluations |= self._evaluation(skp, month)
        return evaluations

    def _rate(self, evaluation, result, behavior, force=True):
        evaluation.write({"result_rating": result, "behavior_rating": behavior, "override_reason": "Pertimbangan"})
        return evaluation.action_done(force=force)

    def _skp_between(self, employee, start, end, parent=None):
        """An approved qualitative SKP of ``employee`` for part of the year (a transfer)."""
        skp = self.env["kinerja.skp"].create(
            {"employee_id": employee.id, "period_id": self.year.id, "date_start": start, "date_end": end}
        )
        self.env["kinerja.skp.result"].create(
            {
                "skp_id": skp.id,
                "name": f"Hasil kerja {employee.name} {start}",
                "parent_result_id": (parent or self.rhk_section).id,
                "indicator_ids": [(0, 0, {"name": "Laporan", "target_value": 6, "unit_label": "laporan"})],
            }
        )
        skp.sudo().write({"state": "approved", "approach": "qualitative"})
        return skp


@tagged("post_install", "-at_install")
class TestDistributionRounding(DistributionCase):
    """Item 4: the percentages of a small unit become people as written, unless the agency
    chooses to round in the employees' favour."""

    def test_literal_reading_is_the_default(self):
        self.assertEqual(self.company_a.kinerja_distribution_rounding, "literal")
        cases = {
            # rule: {unit size: (minimum, maximum)} as written: a minimum rounds up, a maximum down
            "distribution_outstanding_very_good": {1: (0, 0), 3: (0, 2), 4: (0, 2), 10: (0, 7), 11: (0, 7)},
            "distribution_good_good": {1: (0, 0), 3: (0, 2), 10: (0, 7)},
            "distribution_good_low": {1: (1, 1), 3: (1, 3), 10: (1, 10)},
            "distribution_needs_improvement_ni": {1: (1, 1), 3: (2, 3), 4: (3, 4), 10: (6, 10)},
            "distribution_needs_improvement_very_good": {1: (0, 0), 10: (0, 1), 11: (0, 1), 20: (0, 2)},
            "distribution_poor_poor": {1: (1, 1), 4: (3, 4), 10: (6, 10)},
            "distribution_poor_ni": {4: (1, 4), 10: (1, 10), 11: (2, 11)},
            "distribution_very_poor_vp": {5: (3, 5), 4: (3, 4)},
            "distribution_very_poor_low": {4: (1, 4), 10: (1, 10)},
            "distribution_very_poor_very_good": {1: (0, 0), 10: (0, 0)},
        }
        for xmlid, sizes in cases.items():
            rule = self.env.ref(f"kinerja_asn.{xmlid}")
            for total, expected in sizes.items():
                with self.subTest(rule=xmlid, total=total):
                    self.assertEqual(rule._limits(total), expected)
        rule = self.env.ref("kinerja_asn.distribution_needs_improvement_ni")
        self.assertEqual(rule._limits(4, "lenient"), (2, 4), "in the employees' favour: 60 % of 4 is 2")

    def test_needs_improvement_unit_of_four_with_two(self):
        """A Butuh Perbaikan unit of 4 with 2 Butuh Perbaikan does not have "at least 60 %"."""
        org = self._rate_unit("needs_improvement")
        evaluations = self._staff(4)
        for evaluation, (result, behavior) in zip(
            evaluations, [("below", "meets"), ("below", "above"), ("meets", "meets"), ("meets", "meets")], strict=True
        ):
            self._rate(evaluation, result, behavior)
        org.invalidate_recordset()
        self.assertEqual((org.employee_count, org.evaluated_count), (4, 4))
        self.assertIn("Needs Improvement: at least 60.0%: 2 of 4 employees, at least 3 required.", org.violation)
        self.company_a.kinerja_distribution_rounding = "lenient"
        org.invalidate_recordset()
        self.assertFalse(org.violation, "rounded in the employees' favour, 2 of 4 is enough")

    def test_maximum_rounds_down_at_signing(self):
        self._rate_unit("outstanding")
        first, second, third = self._staff(3)
        self.assertIs(self._rate(first, "above", "above", force=False), True)
        self.assertIs(self._rate(second, "above", "above", force=False), True)
        # 70 % of 3 is 2.1 people: at most 2 Very Good as written
        third.write({"result_rating": "above", "behavior_rating": "above"})
        self.assertIn("2 allowed", third.distribution_warning)
        self.company_a.kinerja_distribution_rounding = "lenient"
        third.invalidate_recordset(["distribution_warning"])
        self.assertFalse(third.distribution_warning, "in the employees' favour, at most 3")

    def test_rounding_is_a_company_setting(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.kinerja_distribution_rounding, "literal")
        with Form(self.env["res.config.settings"]) as form:
            form.kinerja_distribution_rounding = "lenient"
        form.record.execute()
        self.assertEqual(self.env.company.kinerja_distribution_rounding, "lenient")
        self.assertEqual(self.company_b.kinerja_distribution_rounding, "literal", "each agency its own")


@tagged("post_install", "-at_install")
class TestOrgRatingRights(DistributionCase):
    """Item 5: the leadership above a unit, or an officer, sets its organisation rating;
    never the unit's own head."""

    def test_the_head_cannot_rate_his_own_unit(self):
        with self.assertRaisesMsg(AccessError, "You head Dinas Kesehatan"):
            self._rate_unit("outstanding", user=self.user_head)
        self.assertFalse(self.OrgRating.search([("department_id", "=", self.dept.id)]))
        # the leadership above the unit does
        rating = self._rate_unit("good", user=self.user_top)
        self.assertEqual(rating.create_uid, self.user_top)
        # and the head may not change it afterwards either
        with self.assertRaisesMsg(AccessError, "You head Dinas Kesehatan"):
            rating.with_user(self.user_head).write({"rating": "outstanding"})
        with self.assertRaisesMsg(AccessError, "leadership above Dinas Kesehatan"):
            rating.with_user(self.user_staff).write({"rating": "outstanding"})
        rating.with_user(self.user_officer).write({"rating": "outstanding"})
        self.assertEqual(rating.rating, "outstanding")

    def test_leadership_of_every_unit_above(self):
        seksi = self.env["hr.department"].create(
            {"name": "Seksi Imunisasi", "parent_id": self.dept.id, "manager_id": self.emp_section.id}
        )
        # the head of the office and the secretary above him both lead the section
        for user in (self.user_head, self.user_top):
            with self.subTest(user=user.login):
                rating = self._rate_unit("good", department=seksi, user=user)
                self.assertEqual(rating.department_id, seksi)
                rating.sudo().unlink()
        with self.assertRaisesMsg(AccessError, "You head Seksi Imunisasi"):
            self._rate_unit("outstanding", department=seksi, user=self.user_section)

    def test_a_head_of_two_units_is_still_the_head(self):
        """The head of a unit who also heads the unit above it does not rate his own unit."""
        self.top.manager_id = self.emp_head
        with self.assertRaisesMsg(AccessError, "You head Dinas Kesehatan"):
            self._rate_unit("outstanding", user=self.user_head)


@tagged("post_install", "-at_install")
class TestUnitHeadRating(DistributionCase):
    """Item 6: the head of a unit is rated by its organisation achievement, not by judgement."""

    def _head_evaluation(self, month=1):
        return self.Evaluation.with_user(self.user_top).create(
            {"skp_id": self.skp_head.id, "period_id": self.month[month].id}
        )

    def test_the_head_is_the_manager_of_the_unit_of_his_skp(self):
        evaluation = self._head_evaluation()
        self.assertTrue(evaluation.is_unit_head)
        section = self._evaluation(self.skp_section)
        self.assertFalse(section.is_unit_head, "the section head heads no unit of his own")
        # a JPT who does not head the unit of his SKP is not rated by it
        self.dept.manager_id = self.emp_section
        evaluation.invalidate_recordset(["is_unit_head"])
        self.assertFalse(evaluation.is_unit_head)

    def test_a_jpt_heads_his_unit_where_the_company_says_so(self):
        """The regulation's text leaves open whether a senior executive (JPT) who is not the
        unit's manager on the org chart heads it: a company setting, off by default."""
        self.assertFalse(self.company_a.kinerja_jpt_unit_head, "the literal reading by default")
        self.dept.manager_id = self.emp_section
        self.company_a.kinerja_jpt_unit_head = True
        evaluation = self._head_evaluation()
        self.assertTrue(self.skp_head.is_unit_head, "one notion for the SKP...")
        self.assertTrue(evaluation.is_unit_head, "...and for its evaluation")
        # the unit's rating reaches his draft, as for the manager
        self._rate_unit("outstanding", user=self.user_top)
        self.assertEqual(evaluation.result_rating, "above")
        self.company_a.kinerja_jpt_unit_head = False
        self.assertFalse(self.skp_head.is_unit_head)
        self.assertFalse(evaluation.is_unit_head)

    def test_no_signature_without_the_unit_rating(self):
        evaluation = self._head_evaluation().with_user(self.user_top)
        self.assertFalse(evaluation.suggested_result_rating)
        self.assertIn("Waits for the organisation achievement of Dinas Kesehatan", evaluation.suggestion_note)
        with self.assertRaisesMsg(UserError, "has not been set yet"):
            evaluation.write({"result_rating": "above"})
        evaluation.write({"behavior_rating": "meets"})
        with self.assertRaisesMsg(
            UserError, re.escape(f"organisation achievement of Dinas Kesehatan for {self.month[1].name}")
        ):
            evaluation.action_done(force=True)
        self.assertEqual(evaluation.state, "draft")

    def test_the_rating_follows_the_unit_and_cannot_be_overridden(self):
        evaluation = self._head_evaluation().with_user(self.user_top)
        evaluation.write({"behavior_rating": "above"})
        # the leadership rates the unit afterwards: the draft takes it
        self._rate_unit("outstanding", user=self.user_top)
        self.assertEqual((evaluation.result_rating, evaluation.suggested_result_rating), ("above", "above"))
        self.assertEqual(evaluation.unit_org_rating, "outstanding")
        with self.assertRaisesMsg(UserError, "cannot be overridden"):
            evaluation.write({"result_rating": "meets", "override_reason": "Saya nilai lain"})
        with Form(evaluation) as form:
            self.assertTrue(form._get_modifier("result_rating", "readonly"), "read-only on the form")
            form.behavior_rating = "meets"
        self.assertIs(evaluation.action_done(), True)
        self.assertEqual((evaluation.state, evaluation.result_rating, evaluation.predicate), ("done", "above", "good"))

    def test_the_mapping_is_configured(self):
        self.company_a.kinerja_org_rating_good = "above"
        self._rate_unit("good", month=2, user=self.user_top)
        evaluation = self._head_evaluation(month=2).with_user(self.user_top)
        self.assertEqual(evaluation.result_rating, "above")
        self.assertIn("Organisation achievement of the unit: Good", evaluation.suggestion_note)
        # a change of the unit's rating before signing reaches the draft
        self.OrgRating.search([("department_id", "=", self.dept.id)]).with_user(self.user_top).rating = "poor"
        self.assertEqual(evaluation.result_rating, "below")

    def test_other_employees_keep_the_evaluator_judgement(self):
        self._rate_unit("outstanding", user=self.user_top)
        section = self._evaluation(self.skp_section)
        section.write({"result_rating": "below", "behavior_rating": "meets", "override_reason": "Pertimbangan"})
        self.assertEqual(section.result_rating, "below")


@tagged("post_install", "-at_install")
class TestDistributionPopulation(DistributionCase):
    """Item 3 (population): each unit follows its own curve; one person counts once; a
    signature is refused only for what it makes worse."""

    def test_a_sub_unit_with_its_own_rating_is_not_in_the_parent(self):
        seksi = self.env["hr.department"].create(
            {"name": "Seksi Imunisasi", "parent_id": self.dept.id, "manager_id": self.emp_section.id}
        )
        office = self._rate_unit("good")
        in_office = self._staff(2)
        in_seksi = self._staff(3, department=seksi)
        office.invalidate_recordset()
        self.assertEqual(office.employee_count, 5, "a sub-unit without a rating of its own is the office's")
        section = self._rate_unit("outstanding", department=seksi)
        office.invalidate_recordset()
        self.assertEqual(office.employee_count, 2)
        self.assertEqual(office._population_evaluations(), in_office.sudo())
        self.assertEqual(section.employee_count, 3)
        # the section follows its own curve (Outstanding: Very Good allowed) at signing
        for evaluation in in_seksi[:2]:
            self.assertIs(self._rate(evaluation, "above", "above", force=False), True)
        self.assertEqual(in_seksi[0]._org_rating(), section)

    def test_a_person_with_two_skps_counts_once(self):
        employee = self.env["hr.employee"].create(
            {"name": "Pegawai Mutasi", "parent_id": self.emp_section.id, "department_id": self.dept.id}
        )
        before = self._skp_between(employee, date(YEAR, 1, 1), date(YEAR, 7, 15))
        after = self._skp_between(employee, date(YEAR, 7, 16), date(YEAR, 12, 31))
        org = self._rate_unit("good", month=7)
        first = self._evaluation(before, 7)
        second = self._evaluation(after, 7)
        self._rate(first, "above", "above")
        self._rate(second, "below", "meets")
        org.invalidate_recordset()
        self.assertEqual(org.employee_count, 1, "one person")
        self.assertEqual(org._population_evaluations(), second.sudo(), "the SKP covering the end of July")
        self.assertEqual(org.distribution, "Needs Improvement: 1")

    def test_a_signature_is_refused_only_for_what_it_makes_worse(self):
        self._rate_unit("very_poor")  # no Very Good at all
        first, second, third = self._staff(3)
        self._rate(first, "above", "above")  # warned, signed anyway: the unit breaks the rule
        self.company_a.kinerja_distribution_blocking = True
        second.write({"result_rating": "below", "behavior_rating": "below"})
        self.assertFalse(second.distribution_warning, "Very Poor does not add to the broken Very Good rule")
        self.assertIs(second.action_done(), True)
        third.write({"result_rating": "above", "behavior_rating": "above", "override_reason": "x"})
        with self.assertRaisesMsg(UserError, "breaks the distribution"):
            third.action_done(force=True)
        self.assertEqual(third.state, "draft")
