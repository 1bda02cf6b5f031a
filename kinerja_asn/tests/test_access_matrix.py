"""The access matrix: every kinerja record x every role x read, write, unlink and each
workflow action, allowed and denied, checked through ``with_user`` as a request would run.

Roles, for the staff member's records: the employee himself, a colleague at the same level,
his direct supervisor (his evaluator), two levels up (the evaluator's supervisor), an
officer, an administrator and a user of another government.
"""

import psycopg2

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .test_evaluation import EvaluationCase


class _Rollback(Exception):
    pass


@tagged("post_install", "-at_install")
class TestAccessMatrix(EvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roles = {
            "employee": cls.user_staff,
            "colleague": cls.user_staff2,
            "supervisor": cls.user_section,
            "two_up": cls.user_head,
            "officer": cls.user_officer,
            "admin": cls.user_manager,
            "other_company": cls.user_other,
        }

    def setUp(self):
        super().setUp()
        # The staff member's year: a report waiting for review, an accepted one, a signed
        # evaluation with an objection, a draft evaluation, feedback and a coaching note.
        self.report_submitted = self._report(self.ind_staff, 2, 7)
        self.report_accepted = self._accepted(self.ind_staff, 1, 9)
        self.evaluation_done = self._signed(self.skp_staff, month=1)
        self.evaluation_draft = self._evaluation(self.skp_staff, 2)
        self.objection = (
            self.env["kinerja.objection"]
            .with_user(self.user_staff)
            .create({"evaluation_id": self.evaluation_done.id, "reason": "Capaian Januari belum lengkap"})
        )
        self.feedback = (
            self.env["kinerja.feedback"]
            .with_user(self.user_section)
            .create(
                {
                    "skp_id": self.skp_staff.id,
                    "result_id": self.rhk_staff.id,
                    "feedback_type": "improvement",
                    "text": "Lengkapi bukti dukung",
                }
            )
        )
        self.coaching = (
            self.env["kinerja.coaching"]
            .with_user(self.user_section)
            .create(
                {
                    "employee_id": self.emp_staff.id,
                    "coach_id": self.emp_section.id,
                    "coaching_type": "mentoring",
                    "topic": "Pelaporan tepat waktu",
                }
            )
        )

    # ------------------------------------------------------------------------------------
    def _attempt(self, func):
        """Run ``func`` in a savepoint that is always rolled back; return the error it raised
        (a user-facing error or a database refusal), or None when it was allowed."""
        error = None
        try:
            with self.env.cr.savepoint():
                try:
                    func()
                    self.env.flush_all()
                except (UserError, psycopg2.Error) as exc:
                    error = exc
                raise _Rollback
        except _Rollback:
            pass
        self.env.invalidate_all()
        return error

    def _check(self, label, func, allowed):
        for role, user in self.roles.items():
            with self.subTest(action=label, role=role):
                error = self._attempt(lambda user=user: func(user))
                if role in allowed:
                    self.assertIsNone(error, f"{role} should be allowed to {label}: {error}")
                else:
                    self.assertIsNotNone(error, f"{role} should NOT be allowed to {label}")
                    # Every refusal is explained to the user (no bare database errors).
                    self.assertIsInstance(error, UserError, f"{role} / {label}: {error!r}")
                    self.assertTrue(str(error).strip())

    # ------------------------------------------------------------------------------------
    def test_read(self):
        chain = {"employee", "supervisor", "two_up", "officer", "admin"}
        records = {
            "SKP": (self.skp_staff, chain),
            "work result": (self.rhk_staff, chain),
            "indicator": (self.ind_staff, chain),
            "core value line": (self.skp_staff.behavior_ids[:1], chain),
            "realisation report": (self.report_submitted, chain),
            "evidence of an accepted report": (self.report_accepted, chain),
            "signed evaluation": (self.evaluation_done, chain),
            "evaluation feedback line": (self.evaluation_done.line_ids[:1], chain),
            "objection": (self.objection, chain),
            "feedback": (self.feedback, chain),
            # coaching stays between the coach, the employee and the officers
            "coaching note": (self.coaching, {"employee", "supervisor", "officer", "admin"}),
        }
        for label, (record, allowed) in records.items():
            self.assertTrue(record, label)
            self._check(f"read the {label}", lambda user, record=record: record.with_user(user).read(), allowed)

    def test_draft_evaluation_is_read_by_the_evaluator_chain_only(self):
        """Until it is signed, an evaluation's ratings and feedback are the evaluator's work in
        progress: his chain and the officers read them, the employee does not (yet)."""
        self.evaluation_draft.write({"result_rating": "below", "behavior_rating": "meets", "override_reason": "x"})
        evaluators = {"supervisor", "two_up", "officer", "admin"}
        self._check(
            "read a draft evaluation's ratings",
            lambda user: self.evaluation_draft.with_user(user).read(["result_rating", "behavior_rating", "predicate"]),
            evaluators,
        )
        self._check(
            "read a draft evaluation's feedback line",
            lambda user: self.evaluation_draft.line_ids[:1].with_user(user).read(["feedback"]),
            evaluators,
        )
        for role, user in self.roles.items():
            with self.subTest(role=role):
                found = self.env["kinerja.evaluation"].with_user(user).search([("skp_id", "=", self.skp_staff.id)])
                expected = {
                    "employee": self.evaluation_done,
                    "colleague": self.evaluation_done.browse(),
                    "other_company": self.evaluation_done.browse(),
                }.get(role, self.evaluation_done | self.evaluation_draft)
                self.assertEqual(found, expected)

    def test_search_returns_only_readable_records(self):
        for role, user in self.roles.items():
            with self.subTest(role=role):
                found = self.env["kinerja.realization"].with_user(user).search([("skp_id", "=", self.skp_staff.id)])
                expected = 2 if role in ("employee", "supervisor", "two_up", "officer", "admin") else 0
                self.assertEqual(len(found), expected)

    def test_write_content(self):
        # an approved SKP's content is frozen for everybody
        self._check(
            "edit an approved SKP's work result",
            lambda user: self.rhk_staff.with_user(user).write({"name": "Diubah"}),
            set(),
        )
        self._check(
            "change an approved SKP's indicator target",
            lambda user: self.ind_staff.with_user(user).write({"target_value": 1}),
            set(),
        )
        self._check(
            "edit an accepted realisation report",
            lambda user: self.report_accepted.with_user(user).write({"value": 99}),
            set(),
        )
        self._check(
            "edit a submitted report",
            lambda user: self.report_submitted.with_user(user).write({"value": 8}),
            set(),  # withdrawn first, then edited
        )
        self._check(
            "rate a draft evaluation",
            lambda user: self.evaluation_draft.with_user(user).write({"result_rating": "meets"}),
            {"supervisor"},
        )
        self._check(
            "edit a signed evaluation",
            lambda user: self.evaluation_done.with_user(user).write({"behavior_rating": "above"}),
            set(),
        )
        self._check(
            "write an evaluation's predicate directly",
            lambda user: self.evaluation_draft.with_user(user).write({"predicate": "very_good"}),
            set(),
        )
        self._check(
            "write a signature by hand",
            lambda user: self.evaluation_draft.with_user(user).write({"done_by_id": user.id}),
            set(),
        )
        self._check(
            "edit the supervisor's feedback",
            lambda user: self.feedback.with_user(user).write({"text": "Diubah"}),
            {"supervisor"},  # words stay their author's
        )
        self._check(
            "edit the coaching note",
            lambda user: self.coaching.with_user(user).write({"outcome": "Diubah"}),
            {"supervisor", "officer", "admin"},
        )

    def test_write_state_directly(self):
        self._check(
            "write state=draft on an approved SKP",
            lambda user: self.skp_staff.with_user(user).write({"state": "draft"}),
            {"officer", "admin"},
        )
        self._check(
            "write state=done on an approved SKP",
            lambda user: self.skp_staff.with_user(user).write({"state": "done"}),
            {"supervisor"},
        )
        self._check(
            "write state=accepted on a submitted report",
            lambda user: self.report_submitted.with_user(user).write({"state": "accepted"}),
            {"supervisor"},
        )
        self._check(
            "write state=draft on a signed evaluation",
            lambda user: self.evaluation_done.with_user(user).write({"state": "draft"}),
            set(),
        )
        self._check(
            "write state=accepted on an objection",
            lambda user: self.objection.with_user(user).write({"state": "accepted"}),
            set(),
        )

    def test_workflow_actions(self):
        self.skp_staff2.sudo().state = "submitted"
        # the colleague's SKP: the roles are seen from the staff member's side, so here the
        # "employee" is a colleague and the "colleague" is the owner.
        self._check(
            "approve a colleague's submitted SKP",
            lambda user: self.skp_staff2.with_user(user).action_approve(),
            {"supervisor"},
        )
        self._check(
            "return a submitted SKP",
            lambda user: self.skp_staff2.with_user(user).action_return(reason="Perbaiki target"),
            {"supervisor", "officer", "admin"},
        )
        self._check(
            "withdraw a submitted SKP",
            lambda user: self.skp_staff2.with_user(user).action_draft(),
            {"colleague", "supervisor", "officer", "admin"},
        )
        self._check(
            "cancel an approved SKP",
            lambda user: self.skp_staff.with_user(user).action_cancel(),
            {"officer", "admin"},
        )
        self._check(
            "accept a submitted report",
            lambda user: self.report_submitted.with_user(user).action_accept(),
            {"supervisor"},
        )
        self._check(
            "reject a submitted report",
            lambda user: self.report_submitted.with_user(user).action_reject(feedback="Bukti tidak terbaca"),
            {"supervisor"},
        )
        self._check(
            "withdraw a submitted report",
            lambda user: self.report_submitted.with_user(user).action_withdraw(),
            {"employee", "officer", "admin"},
        )
        self._check(
            "sign an evaluation",
            lambda user: (
                self.evaluation_draft.with_user(user).write(
                    {"result_rating": "meets", "behavior_rating": "meets", "override_reason": "Pertimbangan"}
                )
                and self.evaluation_draft.with_user(user).action_done(force=True)
            ),
            {"supervisor"},
        )
        self._check(
            "object to a signed evaluation",
            lambda user: (
                self.env["kinerja.objection"]
                .with_user(user)
                .create({"evaluation_id": self.evaluation_done.id, "reason": "Keberatan kedua"})
            ),
            # one objection is already open: even the employee cannot file a second one
            set(),
        )
        self._check(
            "reject an objection",
            lambda user: self.objection.with_user(user).action_reject(reason="Capaian sudah sesuai bukti"),
            {"two_up"},
        )
        self._check(
            "accept an objection with revised ratings",
            lambda user: self.objection.with_user(user).action_accept(
                result_rating="above", behavior_rating="meets", reason="Bukti baru"
            ),
            {"two_up"},
        )

    def test_nothing_approved_or_evaluated_is_deleted(self):
        """Nobody, administrators included, deletes what was approved, accepted, signed or
        objected: they cancel or archive instead."""
        self.objection.with_user(self.user_head).action_reject(reason="Capaian sudah sesuai bukti")
        records = {
            "approved SKP": self.skp_staff,
            "work result of an approved SKP": self.rhk_staff,
            "indicator of an approved SKP": self.ind_staff,
            "core value line of an approved SKP": self.skp_staff.behavior_ids[:1],
            "accepted report": self.report_accepted,
            "submitted report": self.report_submitted,
            "signed evaluation": self.evaluation_done,
            "feedback line of a signed evaluation": self.evaluation_done.line_ids[:1],
            "decided objection": self.objection,
        }
        for label, record in records.items():
            self._check(f"delete the {label}", lambda user, record=record: record.with_user(user).unlink(), set())
        # ... nor through the employee or the year they belong to
        self._check("delete the employee", lambda user: self.emp_staff.with_user(user).unlink(), set())
        self._check("delete the year", lambda user: self.year.with_user(user).unlink(), set())
        self._check(
            "delete the goal the results carry",
            lambda user: self.goal.with_user(user).unlink(),
            set(),
        )
        # an HR manager may delete employees, but not one with an SKP: the database refuses
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.emp_staff.sudo().unlink()
            self.env.flush_all()
        for label, record in records.items():
            self.assertTrue(record.exists(), label)

    def test_changes_to_approved_records_are_tracked(self):
        """The audit trail shows who changed a signed evaluation's ratings (through an
        objection) and who moved the SKP, and when."""
        # The records were created in this transaction, which Odoo does not track: end it as
        # a request would before the changes below.
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracking = {"tracking_disable": False}
        self.objection.with_user(self.user_head).with_context(**tracking).action_accept(
            result_rating="above", behavior_rating="above", reason="Bukti baru diterima"
        )
        self.skp_staff.with_user(self.user_officer).with_context(**tracking).action_cancel()
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "kinerja.evaluation"),
                ("mail_message_id.res_id", "=", self.evaluation_done.id),
            ]
        )
        self.assertIn("behavior_rating", tracked.field_id.mapped("name"))
        messages = self.env["mail.message"].search(
            [("model", "=", "kinerja.skp"), ("res_id", "=", self.skp_staff.id), ("tracking_value_ids", "!=", False)]
        )
        by_officer = messages.filtered(lambda message: message.author_id == self.user_officer.partner_id)
        self.assertTrue(by_officer, "the officer's cancellation is in the SKP's audit trail")
        self.assertIn("state", by_officer.tracking_value_ids.field_id.mapped("name"))

    def test_colleagues_see_the_public_profile_only(self):
        self.emp_staff.sudo().private_street = "Jl. Pribadi 1"
        for role in ("colleague", "supervisor"):
            user = self.roles[role]
            with self.subTest(role=role):
                error = self._attempt(lambda user=user: self.emp_staff.with_user(user).read(["private_street"]))
                self.assertIsInstance(error, UserError, "private fields stay with HR")
        summary = {
            role: self.env["hr.employee.public"].with_user(self.roles[role]).browse(self.emp_staff.id).kinerja_predicate
            for role in ("colleague", "supervisor", "two_up")
        }
        self.assertFalse(summary["colleague"], "a colleague does not learn the predicate")
        self.assertEqual(summary["supervisor"], self.evaluation_done.predicate)
        self.assertEqual(summary["two_up"], self.evaluation_done.predicate)

    def test_records_cannot_be_moved_onto_someone_elses(self):
        """Record rules judge a record as it was: moving it onto another's SKP, indicator or
        evaluation afterwards is refused to everyone, so it cannot slip past them."""
        draft = self._report(self.ind_staff, 3, 4, submit=False)
        ind_colleague = self.skp_staff2.indicator_ids[:1]
        self._check(
            "move a draft report onto a colleague's indicator",
            lambda user: draft.with_user(user).write({"skp_indicator_id": ind_colleague.id}),
            set(),
        )
        self._check(
            "move a work result into another SKP",
            lambda user: self.rhk_staff.with_user(user).write({"skp_id": self.skp_staff2.id}),
            set(),
        )
        self._check(
            "move an indicator under another result",
            lambda user: self.ind_staff.with_user(user).write({"result_id": self.rhk_staff2.id}),
            set(),
        )
        self._check(
            "move an evaluation to another SKP",
            lambda user: self.evaluation_draft.with_user(user).write({"skp_id": self.skp_staff2.id}),
            set(),
        )
        self._check(
            "sign feedback in someone else's name",
            lambda user: self.feedback.with_user(user).write({"author_id": self.user_head.id}),
            set(),
        )
        self._check(
            "attach an objection to another evaluation",
            lambda user: self.objection.with_user(user).write({"evaluation_id": self.evaluation_draft.id}),
            set(),
        )
        # writing the same value again (as a form may) is harmless
        draft.with_user(self.user_staff).write({"skp_indicator_id": self.ind_staff.id, "value": 5})
        self.assertEqual(draft.value, 5)
