"""A hostile insider with a login: every workflow and audit field is set by a transition
only, whatever the user writes or creates (the employee, the evaluator, an administrator)."""

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, freeze_time, new_test_user, tagged
from odoo.tools import mute_logger

from .test_evaluation import EvaluationCase
from .test_realization import YEAR


@tagged("post_install", "-at_install")
class TestWorkflowForgery(EvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a new colleague below the section head, without an SKP yet
        cls.user_staff3 = new_test_user(cls.env, login="staf3", groups="base.group_user")
        cls.emp_staff3 = cls.env["hr.employee"].create(
            {
                "name": "Staf Tiga",
                "user_id": cls.user_staff3.id,
                "parent_id": cls.emp_section.id,
                "department_id": cls.dept.id,
            }
        )

    def test_own_skp_created_approved_is_refused(self):
        Skp = self.env["kinerja.skp"].with_user(self.user_staff3)
        before = Skp.sudo().search_count([])
        for forged in (
            {"state": "approved"},
            {"approved_by_id": self.user_head.id},
            {"verification_code": "abcdef0123456789"},
            {"approved_date": "2026-01-20 10:00:00"},
            {"employee_name": "Orang Lain"},
        ):
            with self.subTest(forged=forged), self.assertRaisesMsg(AccessError, "cannot be set by hand"):
                Skp.create({"employee_id": self.emp_staff3.id, "period_id": self.year.id, **forged})
        self.assertEqual(Skp.sudo().search_count([]), before, "nothing was created")
        # the same plan without the forged values is fine, as a draft
        skp = Skp.create({"employee_id": self.emp_staff3.id, "period_id": self.year.id, "state": "draft"})
        self.assertEqual(
            (skp.state, skp.approved_by_id, skp.verification_code), ("draft", self.env["res.users"], False)
        )

    def test_signature_of_an_approved_skp_cannot_be_rewritten(self):
        skp = self.skp_staff
        skp.invalidate_recordset()
        signed = (skp.approved_by_id, skp.approved_date, skp.verification_code, skp.employee_name)
        for user in (self.user_staff, self.user_section, self.user_manager):
            for forged in (
                {"approved_by_id": self.user_head.id},
                {"approved_date": "2025-12-31 08:00:00"},
                {"verification_code": "0123456789abcdef"},
                {"evaluator_name": "Bupati"},
                {"evaluated_date": "2026-12-31 08:00:00"},
            ):
                with self.subTest(user=user.login, forged=forged), self.assertRaises(UserError):
                    skp.with_user(user).write(forged)
        skp.invalidate_recordset()
        self.assertEqual((skp.approved_by_id, skp.approved_date, skp.verification_code, skp.employee_name), signed)

    def test_approval_is_stamped_by_the_transition(self):
        skp = self.env["kinerja.skp"].create({"employee_id": self.emp_staff3.id, "period_id": self.year.id})
        self.env["kinerja.skp.result"].create(
            {
                "skp_id": skp.id,
                "name": "Laporan tersusun",
                "parent_result_id": self.rhk_section.id,
                "indicator_ids": [(0, 0, {"name": "Laporan", "target_value": 12, "unit_label": "laporan"})],
            }
        )
        skp.with_user(self.user_staff3).action_submit()
        self.assertTrue(skp.submitted_date)
        approval = self.env.ref("kinerja_asn.mail_act_skp_approval")
        self.assertEqual(skp.activity_ids.filtered(lambda a: a.activity_type_id == approval).user_id, self.user_section)
        skp.with_user(self.user_section).action_approve()
        self.assertEqual((skp.state, skp.approved_by_id), ("approved", self.user_section))
        self.assertEqual(len(skp.verification_code), 16)
        self.assertEqual((skp.employee_name, skp.evaluator_name), ("Staf Tiga", "Kepala Seksi"))
        self.assertFalse(skp.activity_ids.filtered(lambda a: a.activity_type_id == approval))
        # reset to draft by the officer: the approval is revoked, its code no longer verifies
        skp.with_user(self.user_officer).action_draft()
        self.assertEqual(
            (skp.approved_by_id, skp.approved_date, skp.verification_code), (self.env["res.users"], False, False)
        )

    def test_evaluator_comes_from_the_org_chart(self):
        Skp = self.env["kinerja.skp"]
        draft = Skp.with_user(self.user_staff3).create({"employee_id": self.emp_staff3.id, "period_id": self.year.id})
        self.assertEqual((draft.evaluator_id, draft.evaluator_parent_id), (self.emp_section, self.emp_head))
        # a friendly peer as evaluator, on create or on the draft: refused
        with self.assertRaisesMsg(AccessError, "org chart"):
            Skp.with_user(self.user_staff3).create(
                {"employee_id": self.emp_staff3.id, "period_id": self.year.id, "evaluator_id": self.emp_staff.id}
            )
        with self.assertRaisesMsg(AccessError, "org chart"):
            draft.with_user(self.user_staff3).write({"evaluator_id": self.emp_staff.id})
        with self.assertRaisesMsg(AccessError, "org chart"):
            draft.with_user(self.user_manager).write({"evaluator_parent_id": self.emp_staff.id})
        self.assertEqual(draft.evaluator_id, self.emp_section)
        # a colleague's plan naming oneself evaluator: refused
        with self.assertRaises(AccessError):
            Skp.with_user(self.user_staff).create(
                {"employee_id": self.emp_staff3.id, "period_id": self.year.id, "evaluator_id": self.emp_staff.id}
            )
        # the peer who is not the evaluator cannot approve
        draft.sudo().write({"state": "submitted"})
        with self.assertRaises(AccessError):
            draft.with_user(self.user_staff).action_approve()
        self.assertEqual(draft.state, "submitted")
        # the officer repairs, with a reason the chatter keeps
        draft.with_user(self.user_officer).action_repair_evaluator(self.emp_head.id, reason="Kasi cuti besar")
        self.assertEqual((draft.evaluator_id, draft.evaluator_parent_id), (self.emp_head, self.env["hr.employee"]))
        self.assertIn("Kasi cuti besar", draft.message_ids[0].body)

    def test_review_of_a_report_cannot_be_forged(self):
        report = self._report(self.ind_staff, 1, 10)
        submitted = report.submitted_date
        late = report.is_late
        for forged in (
            {"reviewed_by_id": self.user_section.id},
            {"reviewed_date": "2026-02-01 08:00:00"},
            {"submitted_date": "2026-01-02 08:00:00"},
        ):
            with self.subTest(forged=forged), self.assertRaisesMsg(AccessError, "cannot be set by hand"):
                report.with_user(self.user_staff).write(forged)
        with self.assertRaises(AccessError):
            report.with_user(self.user_manager).write({"submitted_date": "2026-01-02 08:00:00"})
        report.invalidate_recordset()
        self.assertEqual(
            (report.submitted_date, report.is_late, report.reviewed_by_id), (submitted, late, self.env["res.users"])
        )
        with self.assertRaisesMsg(AccessError, "starts as a draft"):
            self.Report.with_user(self.user_staff).create(
                {"skp_indicator_id": self.ind_staff.id, "period_id": self.month[2].id, "value": 3, "reviewed_by_id": 2}
            )
        # the evaluator's accept stamps him
        report.with_user(self.user_section).write({"state": "accepted"})
        self.assertEqual(report.reviewed_by_id, self.user_section)
        self.assertTrue(report.reviewed_date)

    @freeze_time(f"{YEAR}-02-10")
    def test_objection_cannot_be_created_decided(self):
        evaluation = self._signed(result="below", behavior="meets")
        Objection = self.env["kinerja.objection"].with_user(self.user_staff)
        for forged in (
            {"state": "accepted"},
            {"decided_by_id": self.user_head.id},
            {"decision_date": "2026-02-10 09:00:00"},
            {"original_predicate": "very_good"},
            {"revised_result_rating": "above"},
            {"decision_reason": "Disetujui"},
        ):
            with self.subTest(forged=forged), self.assertRaises(AccessError):
                Objection.create({"evaluation_id": evaluation.id, "reason": "Tidak adil", **forged})
        self.assertFalse(evaluation.objection_ids)
        objection = Objection.create({"evaluation_id": evaluation.id, "reason": "Tidak adil"})
        self.assertEqual(objection.original_predicate, "needs_improvement")
        with self.assertRaises(UserError):
            objection.write({"decided_by_id": self.user_head.id})
        with self.assertRaises(UserError):
            objection.write({"revised_result_rating": "above"})
        self.assertEqual(evaluation.predicate, "needs_improvement")

    @freeze_time(f"{YEAR}-02-10")
    def test_one_objection_per_evaluation_is_a_database_rule(self):
        evaluation = self._signed()
        self.env["kinerja.objection"].with_user(self.user_staff).create(
            {"evaluation_id": evaluation.id, "reason": "Pertama"}
        )
        # even past the application's own check (the superuser skips it), the database refuses
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.env["kinerja.objection"].create({"evaluation_id": evaluation.id, "reason": "Kedua"})
        self.assertEqual(len(evaluation.objection_ids), 1)

    @freeze_time(f"{YEAR}-02-10")
    def test_signed_evaluation_figures_never_change(self):
        evaluation = self._signed()
        signed = (
            evaluation.suggestion_note,
            evaluation.achievement,
            evaluation.done_by_id,
            evaluation.verification_code,
        )
        for user in (self.user_section, self.user_manager, self.user_staff):
            for forged in (
                {"suggestion_note": "Diubah"},
                {"achievement": 150.0},
                {"done_by_id": self.user_head.id},
                {"verification_code": "0123456789abcdef"},
                {"suggested_result_rating": "above"},
            ):
                with self.subTest(user=user.login, forged=forged), self.assertRaises(UserError):
                    evaluation.with_user(user).write(forged)
        evaluation.invalidate_recordset()
        self.assertEqual(
            (evaluation.suggestion_note, evaluation.achievement, evaluation.done_by_id, evaluation.verification_code),
            signed,
        )
        self.assertEqual(evaluation.done_by_id, self.user_section)
        # a draft's suggestion is the application's as well
        draft = self._evaluation(month=2)
        with self.assertRaisesMsg(AccessError, "cannot be set by hand"):
            draft.with_user(self.user_section).write({"suggestion_note": "Ditulis tangan"})
        with self.assertRaisesMsg(AccessError, "cannot be set by hand"):
            self.Evaluation.with_user(self.user_section).create(
                {"skp_id": self.skp_staff.id, "period_id": self.month[3].id, "achievement": 120.0}
            )

    def test_transition_mark_cannot_come_from_the_context(self):
        """The mark a transition puts on its write is an object of the module, compared by
        identity: whatever a caller puts in the context under its key is not it."""
        report = self._report(self.ind_staff, 1, 10)
        for fake in (True, 1, "1", {"x": 1}):
            with self.subTest(fake=fake), self.assertRaises(AccessError):
                report.with_user(self.user_staff).with_context(kinerja_workflow_transition=fake).write(
                    {"reviewed_by_id": self.user_section.id}
                )


@tagged("post_install", "-at_install")
class TestVerificationOfTransitionsOnly(HttpCase):
    def test_only_documents_a_transition_produced_verify(self):
        employee = self.env["hr.employee"].create({"name": "Pegawai Dicabut"})
        year = self.env["kinerja.period"]._create_year(YEAR, self.env.company, subperiods=False)
        skp = self.env["kinerja.skp"].create({"employee_id": employee.id, "period_id": year.id})
        # a code on a record no transition approved (set by the superuser, as no user can)
        skp.verification_code = "00aa11bb22cc33dd"
        self.assertEqual(self.url_open("/kinerja/verify/00aa11bb22cc33dd").status_code, 404)
        skp.state = "approved"
        self.assertEqual(self.url_open("/kinerja/verify/00aa11bb22cc33dd").status_code, 200)
        skp.state = "cancelled"
        self.assertEqual(self.url_open("/kinerja/verify/00aa11bb22cc33dd").status_code, 404)


@tagged("post_install", "-at_install")
class TestRenamedIndicatorKey(EvaluationCase):
    def test_legacy_indicator_key_is_accepted(self):
        """Integrations written against 18.0.1.1 still create reports with ``indicator_id``."""
        report = self.Report.with_user(self.user_staff).create(
            {"indicator_id": self.ind_staff.id, "period_id": self.month[4].id, "value": 7}
        )
        self.assertEqual((report.skp_indicator_id, report.value), (self.ind_staff, 7))
        with self.assertRaisesMsg(UserError, "cannot change"):
            report.with_user(self.user_staff).write({"indicator_id": self.rhk_staff2.indicator_ids.id})
