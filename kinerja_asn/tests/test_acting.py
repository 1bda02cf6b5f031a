import json
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, new_test_user, tagged

from .test_evaluation import EvaluationCase
from .test_siasn_export import SiasnCase


@tagged("post_install", "-at_install")
class TestActing(EvaluationCase):
    """Acting officials (Plt / Plh): while an assignment runs, the acting official is the
    evaluator of the people of the position (rights, to-dos, signatures); before it starts and
    after it ends he is nobody to them, and the holder has it all back."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.emp_section.job_title = "Kepala Seksi Surveilans dan Imunisasi"
        cls.user_plh = new_test_user(
            cls.env, login="plh", groups="base.group_user", company_id=cls.company_a.id, company_ids=cls.company_a.ids
        )
        cls.emp_plh = cls.env["hr.employee"].create(
            {
                "name": "Pejabat Pelaksana Harian",
                "user_id": cls.user_plh.id,
                "parent_id": cls.emp_head.id,
                "department_id": cls.dept.id,
                "position_type": "supervisor",
                "nip": "198206062008011006",
                "job_title": "Kepala Seksi Kesehatan Keluarga",
            }
        )
        cls.user_staff3 = new_test_user(
            cls.env, login="staf3", groups="base.group_user", company_id=cls.company_a.id, company_ids=cls.company_a.ids
        )
        cls.emp_staff3 = cls.env["hr.employee"].create(
            {
                "name": "Staf Tiga",
                "user_id": cls.user_staff3.id,
                "parent_id": cls.emp_section.id,
                "department_id": cls.dept.id,
                "position_type": "executor",
                "nip": "199207072017071007",
            }
        )
        cls.skp_staff3 = cls.env["kinerja.skp"].create({"employee_id": cls.emp_staff3.id, "period_id": cls.year.id})
        cls.env["kinerja.skp.result"].create(
            {
                "skp_id": cls.skp_staff3.id,
                "name": "Laporan imunisasi tersusun",
                "parent_result_id": cls.rhk_section.id,
                "indicator_ids": [(0, 0, {"name": "Laporan", "target_value": 12, "unit_label": "laporan"})],
            }
        )
        cls.Acting = cls.env["kinerja.acting.assignment"]
        cls.today = fields.Date.context_today(cls.Acting)

    def _assign(self, start=0, end=3, **values):
        """A Plh for the section head (the evaluator of the staff), from today + ``start`` to
        today + ``end`` days, recorded by the officer."""
        vals = {
            "acting_type": "plh",
            "employee_id": self.emp_plh.id,
            "holder_id": self.emp_section.id,
            "date_from": self.today + timedelta(days=start),
            "date_to": self.today + timedelta(days=end),
            "reason": "Cuti tahunan",
            **values,
        }
        return self.Acting.with_user(self.user_officer).create(vals)

    def _submitted(self):
        self.skp_staff3.with_user(self.user_staff3).action_submit()
        return self.skp_staff3

    def _approval_todo(self, skp):
        return skp.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("kinerja_asn.mail_act_skp_approval")
        )

    # ------------------------------------------------------------------------------------
    # Routing
    # ------------------------------------------------------------------------------------
    def test_plh_approves_while_running_only(self):
        skp = self._submitted()
        assignment = self._assign(start=1, end=3)
        self.assertEqual(assignment.status, "planned")
        # before it starts: the holder approves, the Plh is nobody to the SKP
        self.assertEqual(skp.evaluator_user_id, self.user_section)
        with self.assertRaises(AccessError):
            skp.with_user(self.user_plh).action_approve()
        self.assertEqual(skp.state, "submitted")
        self.assertEqual(self._approval_todo(skp).user_id, self.user_section)

        # it runs: the Plh is the evaluator; the holder is not, the evaluator of record stays
        assignment.with_user(self.user_officer).date_from = self.today
        self.assertEqual(assignment.status, "running")
        self.assertEqual(skp.acting_assignment_id, assignment)
        self.assertEqual(skp.evaluator_id, self.emp_section)
        self.assertEqual(skp.evaluator_user_id, self.user_plh)
        self.assertEqual(self._approval_todo(skp).user_id, self.user_plh, "the approval to-do moves to the Plh")
        self.assertTrue(skp.with_user(self.user_plh).can_approve)
        self.assertFalse(skp.with_user(self.user_section).can_approve)
        with self.assertRaises(AccessError):
            skp.with_user(self.user_section).action_approve()
        waiting = (
            self.env["kinerja.skp"]
            .with_user(self.user_plh)
            .search([("state", "=", "submitted"), ("evaluator_user_id", "=", self.user_plh.id)])
        )
        self.assertEqual(waiting, skp, "the Plh's 'to approve' lists the SKP")
        self.assertIn("Plh. Kepala Seksi Surveilans dan Imunisasi", skp.with_user(self.user_staff3).acting_notice)
        self.assertIn("Kepala Seksi", skp.with_user(self.user_staff3).acting_notice)
        skp.with_user(self.user_plh).action_approve()
        self.assertEqual(skp.state, "approved")
        self.assertEqual(skp.approved_by_id, self.user_plh)

    def test_plh_denied_after_it_ended(self):
        skp = self._submitted()
        self._assign(start=-5, end=-1)
        self.assertEqual(skp.evaluator_user_id, self.user_section, "an ended assignment routes nothing")
        with self.assertRaises(AccessError):
            skp.with_user(self.user_plh).action_approve()
        with self.assertRaises(AccessError):
            skp.with_user(self.user_plh).read(["name"])
        skp.with_user(self.user_section).action_approve()
        self.assertEqual(skp.state, "approved")

    def test_pending_todos_move_to_acting_and_back(self):
        skp = self._submitted()
        report = self._report(self.ind_staff, 1, 10)
        evaluation = self._evaluation(self.skp_staff, 1)
        evaluation._schedule_evaluation_activity()
        review_type = self.env.ref("kinerja_asn.mail_act_realization_review")
        evaluation_type = self.env.ref("kinerja_asn.mail_act_evaluation")

        def todos(user):
            return self.env["mail.activity"].search(
                [
                    ("user_id", "=", user.id),
                    "|",
                    "&",
                    ("res_model", "=", "kinerja.skp"),
                    ("res_id", "in", (skp | self.skp_staff).ids),
                    "&",
                    ("res_model", "=", "kinerja.evaluation"),
                    ("res_id", "=", evaluation.id),
                ]
            )

        held = todos(self.user_section)
        self.assertEqual(
            set(held.activity_type_id.ids),
            {self.env.ref("kinerja_asn.mail_act_skp_approval").id, review_type.id, evaluation_type.id},
        )
        self._assign(start=0, end=2)
        self.assertFalse(todos(self.user_section), "the holder's pending to-dos leave him")
        self.assertEqual(len(todos(self.user_plh)), 3, "approval, review and evaluation go to the Plh")
        self.assertEqual(report.evaluator_user_id, self.user_plh)
        self.assertEqual(evaluation.evaluator_user_id, self.user_plh)
        # the Plh reviews and evaluates meanwhile
        report.with_user(self.user_plh).action_accept()
        self.assertEqual(report.state, "accepted")

        # the day after it ended, the daily job gives the rest back to the holder
        with freeze_time(self.today + timedelta(days=3)):
            self.Acting._cron_refresh_routing()
        self.assertFalse(todos(self.user_plh))
        self.assertEqual(
            set(todos(self.user_section).activity_type_id.ids),
            {
                self.env.ref("kinerja_asn.mail_act_skp_approval").id,
                evaluation_type.id,
            },
        )
        self.assertEqual(skp.evaluator_user_id, self.user_section)
        self.assertFalse(skp.acting_assignment_id)
        with self.assertRaises(AccessError):
            skp.with_user(self.user_plh).action_approve()

    def test_assignment_starting_today_is_taken_by_the_daily_job(self):
        skp = self._submitted()
        with freeze_time(self.today - timedelta(days=1)):
            self._assign(start=0, end=2)  # recorded yesterday, starting today
            self.assertEqual(skp.evaluator_user_id, self.user_section)
        self.Acting._cron_refresh_routing()
        self.assertEqual(skp.evaluator_user_id, self.user_plh)
        self.assertEqual(self._approval_todo(skp).user_id, self.user_plh)

    def test_acting_official_does_not_evaluate_himself(self):
        """A Plh chosen among the holder's staff: his own SKP stays with the holder."""
        assignment = self._assign(employee_id=self.emp_staff2.id)
        self.assertEqual(self.skp_staff.evaluator_user_id, self.user_staff2)
        self.assertEqual(self.skp_staff2.evaluator_user_id, self.user_section)
        self.assertFalse(self.skp_staff2.acting_assignment_id)
        self.assertEqual(assignment.name, "Plh. Kepala Seksi Surveilans dan Imunisasi - Staf Dua")

    def test_plt_of_a_vacant_head_of_unit(self):
        unit = self.env["hr.department"].create({"name": "Puskesmas Kosong", "company_id": self.company_a.id})
        employee = self.env["hr.employee"].create(
            {"name": "Staf Puskesmas", "department_id": unit.id, "nip": "199308082018081008"}
        )
        skp = self.env["kinerja.skp"].create({"employee_id": employee.id, "period_id": self.year.id})
        self.assertFalse(skp.evaluator_id)
        assignment = self._assign(acting_type="plt", holder_id=False, department_id=unit.id)
        self.assertEqual(assignment.position_name, "Head of Puskesmas Kosong")
        self.assertEqual(skp.evaluator_user_id, self.user_plh)
        self.assertIn("vacant", skp.acting_notice)
        self.assertFalse(self.skp_staff.acting_assignment_id, "only the unit's people without an evaluator")

    # ------------------------------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------------------------------
    def test_overlapping_assignments_refused(self):
        first = self._assign(start=0, end=5)
        with self.assertRaisesMsg(ValidationError, "already has an acting official"):
            self._assign(start=3, end=8, employee_id=self.emp_staff2.id)
        self.assertEqual(self.Acting.search([]), first, "data unchanged")
        with self.assertRaisesMsg(ValidationError, "already has an acting official"):
            first.with_user(self.user_officer).copy({"date_from": self.today + timedelta(days=5)})
        later = self._assign(start=6, end=8)
        with self.assertRaisesMsg(ValidationError, "already has an acting official"):
            later.with_user(self.user_officer).date_from = self.today + timedelta(days=2)
        self.assertEqual(later.date_from, self.today + timedelta(days=6))
        # another position is free
        self._assign(start=0, end=5, holder_id=self.emp_head.id)

    def test_planned_assignment_removed(self):
        skp = self._submitted()
        assignment = self._assign(start=1, end=2)
        assignment.with_user(self.user_officer).unlink()
        self.assertFalse(self.Acting.search([]))
        self.assertEqual(self._approval_todo(skp).user_id, self.user_section)

    def test_started_assignment_stays_on_record(self):
        assignment = self._assign(start=-2, end=3)
        officer_view = assignment.with_user(self.user_officer)
        for values in (
            {"employee_id": self.emp_staff2.id},
            {"holder_id": self.emp_head.id},
            {"date_from": self.today},
            {"acting_type": "plt"},
        ):
            with self.assertRaisesMsg(UserError, "has started"):
                officer_view.write(values)
        self.assertEqual(
            (assignment.employee_id, assignment.holder_id, assignment.date_from, assignment.acting_type),
            (self.emp_plh, self.emp_section, self.today - timedelta(days=2), "plh"),
        )
        # ending it earlier, and the same values sent back by the form, are accepted
        officer_view.write(
            {
                "date_to": self.today,
                "employee_id": self.emp_plh.id,
                "date_from": fields.Date.to_string(self.today - timedelta(days=2)),
                "reason": "Kembali lebih awal",
            }
        )
        self.assertEqual(assignment.date_to, self.today)

    def test_bad_assignments_refused(self):
        with self.assertRaisesMsg(ValidationError, "ends before it starts"):
            self._assign(start=3, end=1)
        with self.assertRaisesMsg(ValidationError, "own position"):
            self._assign(employee_id=self.emp_section.id)
        with self.assertRaisesMsg(ValidationError, "name the replaced official"):
            self._assign(holder_id=False, department_id=self.dept.id)
        self.assertFalse(self.Acting.search([]))

    def test_overlap_error_in_indonesian(self):
        self._assign(start=0, end=5)
        self.env["res.lang"]._activate_lang("id_ID")
        officer = self.user_officer.with_context(lang="id_ID")
        with self.assertRaisesMsg(ValidationError, "sudah memiliki pelaksana"):
            self.Acting.with_user(officer).with_context(lang="id_ID").create(
                {
                    "acting_type": "plh",
                    "employee_id": self.emp_staff2.id,
                    "holder_id": self.emp_section.id,
                    "date_from": self.today,
                    "date_to": self.today + timedelta(days=1),
                }
            )

    # ------------------------------------------------------------------------------------
    # Signed documents
    # ------------------------------------------------------------------------------------
    def test_signed_documents_print_plh_title(self):
        skp = self._submitted()
        self._assign()
        skp.with_user(self.user_plh).action_approve()
        self.assertEqual(skp.evaluator_name, "Pejabat Pelaksana Harian")
        self.assertEqual(skp.evaluator_nip, "198206062008011006")
        self.assertEqual(skp.evaluator_position, "Plh. Kepala Seksi Surveilans dan Imunisasi")
        self.assertEqual(skp.approved_acting_type, "plh")
        self.assertIn("Plh. Kepala Seksi", skp._verification_values()["signed_by"])
        html, _kind = self.env["ir.actions.report"]._render_qweb_html("kinerja_asn.action_report_kinerja_skp", skp.ids)
        self.assertIn("Plh. Kepala Seksi Surveilans dan Imunisasi", html.decode())
        # the snapshot is frozen: the assignment ending changes nothing printed
        with freeze_time(self.today + timedelta(days=4)):
            self.Acting._cron_refresh_routing()
        self.assertFalse(skp.acting_assignment_id)
        self.assertEqual(skp.evaluator_position, "Plh. Kepala Seksi Surveilans dan Imunisasi")
        self.Acting.search([]).with_user(self.user_officer).date_to = self.today + timedelta(days=3)

        evaluation = self.Evaluation.with_user(self.user_plh).create(
            {"skp_id": self.skp_staff.id, "period_id": self.month[1].id}
        )
        evaluation.with_user(self.user_plh).write(
            {"result_rating": "meets", "behavior_rating": "meets", "override_reason": "Pertimbangan"}
        )
        evaluation.with_user(self.user_plh).action_done(force=True)
        self.assertEqual(evaluation.state, "done")
        self.assertEqual(evaluation.signer_acting_type, "plh")
        self.assertEqual(evaluation.signer_position, "Plh. Kepala Seksi Surveilans dan Imunisasi")
        values = evaluation._verification_values()
        self.assertEqual(values["signed_by"], f"{self.user_plh.name}, Plh. Kepala Seksi Surveilans dan Imunisasi")
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "kinerja_asn.action_report_kinerja_evaluation", evaluation.ids
        )
        self.assertIn("Plh. Kepala Seksi Surveilans dan Imunisasi", html.decode())
        self.assertIn("Pejabat Pelaksana Harian", html.decode())

    def test_holder_signature_prints_no_prefix(self):
        skp = self._submitted()
        self._assign(start=2, end=4)
        skp.with_user(self.user_section).action_approve()
        self.assertEqual(skp.evaluator_position, "Kepala Seksi Surveilans dan Imunisasi")
        self.assertFalse(skp.approved_acting_type)
        evaluation = self._signed(self.skp_staff)
        self.assertFalse(evaluation.signer_acting_type)

    # ------------------------------------------------------------------------------------
    # Rights
    # ------------------------------------------------------------------------------------
    def test_record_rules(self):
        skp = self._submitted()
        Skp = self.env["kinerja.skp"].with_user(self.user_plh)
        self.assertFalse(Skp.search([("id", "=", skp.id)]), "not before the assignment")
        assignment = self._assign(start=-2)
        self.assertEqual(Skp.search([("id", "=", skp.id)]), skp)
        self.assertTrue(skp.with_user(self.user_plh).result_ids.indicator_ids.read(["name"]))
        report = self._report(self.ind_staff, 1, 4)
        self.assertEqual(
            self.env["kinerja.realization"].with_user(self.user_plh).search([("id", "=", report.id)]), report
        )
        # the assignment: officers record it, the acting and the replaced official read it
        self.assertEqual(self.Acting.with_user(self.user_plh).search([]), assignment)
        self.assertEqual(self.Acting.with_user(self.user_section).search([]), assignment)
        self.assertFalse(self.Acting.with_user(self.user_staff3).search([]))
        with self.assertRaises(AccessError):
            self.Acting.with_user(self.user_plh).create(
                {"employee_id": self.emp_plh.id, "holder_id": self.emp_head.id, "date_to": self.today}
            )
        with self.assertRaises(AccessError):
            assignment.with_user(self.user_plh).date_to = self.today + timedelta(days=30)
        with self.assertRaises(AccessError):
            assignment.with_user(self.user_section).unlink()
        # the routing is the application's: nobody sets it by hand
        with self.assertRaises(AccessError):
            skp.with_user(self.user_staff3).write({"acting_assignment_id": False})
        with self.assertRaises(AccessError):
            skp.with_user(self.user_officer).write({"evaluator_user_id": self.user_staff3.id})
        # a started assignment stays on record; ended earlier, the Plh reads nothing any more
        with self.assertRaisesMsg(UserError, "has started"):
            assignment.with_user(self.user_officer).unlink()
        assignment.with_user(self.user_officer).date_to = self.today - timedelta(days=1)
        self.assertEqual(skp.evaluator_user_id, self.user_section)
        self.assertFalse(Skp.search([("id", "=", skp.id)]))
        self.assertEqual(self._approval_todo(skp).user_id, self.user_section)

    def test_holder_is_told_who_acts(self):
        skp = self._submitted()
        report = self._report(self.ind_staff, 1, 10)
        self._assign()
        with self.assertRaisesMsg(AccessError, "Pejabat Pelaksana Harian is Plh. Kepala Seksi"):
            skp.with_user(self.user_section).action_approve()
        self.assertIn("Plh. Kepala Seksi", skp.with_user(self.user_section).cannot_approve_reason)
        with self.assertRaisesMsg(AccessError, "he approves, reviews and evaluates"):
            report.with_user(self.user_section).action_accept()
        self.assertEqual(report.state, "submitted")

    def test_forms_show_the_notice(self):
        skp = self._submitted()
        self._assign()
        for model in ("kinerja.skp", "kinerja.evaluation"):
            arch = self.env[model].with_user(self.user_plh).get_views([(False, "form")])["views"]["form"]["arch"]
            self.assertIn('name="acting_notice"', arch)
        form = Form(skp.with_user(self.user_plh))
        self.assertIn("menggantikan" if self.env.lang == "id_ID" else "in place of", form.acting_notice)

    # ------------------------------------------------------------------------------------
    # Objections: the acting official for the evaluator's supervisor decides
    # ------------------------------------------------------------------------------------
    def _objection(self):
        evaluation = self._signed(result="below", behavior="meets")
        objection = (
            self.env["kinerja.objection"]
            .with_user(self.user_staff)
            .create({"evaluation_id": evaluation.id, "reason": "Realisasi Maret belum dihitung"})
        )
        return evaluation, objection

    def _assign_head(self, start=0, end=3, **values):
        """A Plh for the head of the agency (the evaluator's supervisor of the staff)."""
        self.emp_head.job_title = "Kepala Dinas Kesehatan"
        return self._assign(start=start, end=end, holder_id=self.emp_head.id, **values)

    def test_plh_of_the_supervisor_decides_objections(self):
        evaluation, objection = self._objection()
        assignment = self._assign_head(start=1, end=3)
        # before it starts: the holder decides, the Plh is nobody to the objection
        self.assertEqual(objection.decider_user_id, self.user_head)
        self.assertEqual(objection.activity_ids.user_id, self.user_head)
        with self.assertRaises(AccessError):
            objection.with_user(self.user_plh).action_accept(result_rating="meets")
        with self.assertRaises(AccessError):
            objection.with_user(self.user_plh).read(["reason"])

        # it runs: the Plh decides, the decider of record stays the holder
        assignment.with_user(self.user_officer).date_from = self.today
        self.assertEqual(objection.acting_assignment_id, assignment)
        self.assertEqual(objection.decider_id, self.emp_head)
        self.assertEqual(objection.decider_user_id, self.user_plh)
        self.assertEqual(objection.activity_ids.user_id, self.user_plh, "the decision's to-do moves to the Plh")
        self.assertTrue(objection.with_user(self.user_plh).can_decide)
        self.assertFalse(objection.with_user(self.user_head).can_decide)
        self.assertIn("Plh. Kepala Dinas Kesehatan", objection.with_user(self.user_head).cannot_decide_reason)
        with self.assertRaisesMsg(AccessError, "Pejabat Pelaksana Harian is Plh. Kepala Dinas Kesehatan"):
            objection.with_user(self.user_head).action_accept(result_rating="meets")
        with self.assertRaisesMsg(AccessError, "he decides the objection"):
            objection.with_user(self.user_head).write({"decision_reason": "Data valid"})
        with self.assertRaises(AccessError):
            objection.with_user(self.user_staff).action_reject(reason="sendiri")
        self.assertEqual(objection.state, "submitted")
        self.assertEqual(
            self.env["kinerja.objection"].with_user(self.user_plh).search([("id", "=", objection.id)]), objection
        )
        with self.assertRaises(AccessError):
            objection.with_user(self.user_plh).write({"decider_user_id": self.user_staff3.id})
        with self.assertRaises(AccessError):
            objection.with_user(self.user_officer).write({"acting_assignment_id": False})
        objection.with_user(self.user_plh).action_accept(result_rating="meets", reason="Data Maret valid")
        self.assertEqual(objection.state, "accepted")
        self.assertEqual(evaluation.result_rating, "meets")
        self.assertEqual(objection.decided_by_id, self.user_plh)
        self.assertEqual(objection.decided_acting_type, "plh")
        self.assertEqual(objection.decided_position, "Plh. Kepala Dinas Kesehatan")
        self.assertFalse(objection.activity_ids)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "kinerja_asn.action_report_kinerja_evaluation", evaluation.ids
        )
        self.assertIn(f"{self.user_plh.name}, Plh. Kepala Dinas Kesehatan", html.decode())
        # the decision keeps the assignment by which it was made, after it ended
        with freeze_time(self.today + timedelta(days=4)):
            self.Acting._cron_refresh_routing()
        self.assertEqual(objection.acting_assignment_id, assignment)
        self.assertEqual(objection._decided_by_label(), f"{self.user_plh.name}, Plh. Kepala Dinas Kesehatan")

    def test_objection_decision_returns_to_the_supervisor(self):
        _evaluation, objection = self._objection()
        self._assign_head(start=0, end=2)
        self.assertEqual(objection.activity_ids.user_id, self.user_plh)
        with self.assertRaises(AccessError):
            self.env["kinerja.cron.run.wizard"].with_user(self.user_staff).create({"job": "acting"})
        # the day after it ended, the officer runs the daily job from the menu
        with freeze_time(self.today + timedelta(days=3)):
            wizard = self.env["kinerja.cron.run.wizard"].with_user(self.user_officer).create({"job": "acting"})
            wizard.action_run()
        self.assertEqual(wizard.result, "Acting officials (Plt / Plh) started and ended.")
        self.assertFalse(objection.acting_assignment_id)
        self.assertEqual(objection.decider_user_id, self.user_head)
        self.assertEqual(objection.activity_ids.user_id, self.user_head, "the to-do is back with the holder")
        with self.assertRaises(AccessError):
            objection.with_user(self.user_plh).action_reject(reason="Bukti tidak mendukung")
        with self.assertRaises(AccessError):
            objection.with_user(self.user_plh).read(["reason"])
        objection.with_user(self.user_head).action_reject(reason="Bukti tidak mendukung")
        self.assertEqual(objection.state, "rejected")
        self.assertFalse(objection.decided_acting_type)
        self.assertEqual(objection._decided_by_label(), self.user_head.name)

    def test_objection_filed_while_the_plh_runs(self):
        self._assign_head(start=0, end=2)
        _evaluation, objection = self._objection()
        self.assertEqual(objection.decider_user_id, self.user_plh)
        self.assertEqual(objection.activity_ids.user_id, self.user_plh)

    def test_evaluator_acting_for_his_supervisor_does_not_decide_his_evaluation(self):
        _evaluation, objection = self._objection()
        self._assign_head(employee_id=self.emp_section.id)
        self.assertFalse(objection.acting_assignment_id)
        self.assertEqual(objection.decider_user_id, self.user_head)

    # ------------------------------------------------------------------------------------
    # The approval trail names who signed
    # ------------------------------------------------------------------------------------
    def test_trail_names_the_acting_signer(self):
        skp = self._submitted()
        self._assign()
        skp.with_user(self.user_plh).action_approve()
        annual = self.Evaluation.with_user(self.user_plh).create(
            {"skp_id": skp.id, "period_id": self.year.id, "evaluation_type": "annual"}
        )
        annual.with_user(self.user_plh).write(
            {"result_rating": "meets", "behavior_rating": "meets", "override_reason": "Pertimbangan"}
        )
        annual.with_user(self.user_plh).action_done(force=True)
        self.assertEqual(skp.state, "done")
        self.assertEqual(skp.evaluated_signer, "Pejabat Pelaksana Harian, Plh. Kepala Seksi Surveilans dan Imunisasi")
        trail = {step: who for step, who, _when in self.env["report.kinerja_asn.report_skp"]._trail(skp)}
        env = self.env
        self.assertEqual(
            trail[env._("Approved by")], f"{self.user_plh.name}, Plh. Kepala Seksi Surveilans dan Imunisasi"
        )
        self.assertEqual(
            trail[env._("Evaluated")], "Pejabat Pelaksana Harian, Plh. Kepala Seksi Surveilans dan Imunisasi"
        )
        html, _kind = self.env["ir.actions.report"]._render_qweb_html("kinerja_asn.action_report_kinerja_skp", skp.ids)
        self.assertIn("Pejabat Pelaksana Harian, Plh. Kepala Seksi Surveilans dan Imunisasi", html.decode())
        with self.assertRaises(AccessError):
            skp.with_user(self.user_plh).write({"evaluated_signer": "Kepala Seksi"})

    def test_holder_signing_after_a_plh_approval_is_printed_and_exported(self):
        skp = self._submitted()
        self._assign()
        skp.with_user(self.user_plh).action_approve()
        with freeze_time(self.today + timedelta(days=4)):
            self.Acting._cron_refresh_routing()
        self.assertEqual(skp.evaluator_user_id, self.user_section)
        evaluation = self.Evaluation.with_user(self.user_section).create(
            {"skp_id": skp.id, "period_id": self.month[1].id}
        )
        evaluation.with_user(self.user_section).write(
            {"result_rating": "meets", "behavior_rating": "meets", "override_reason": "Pertimbangan"}
        )
        evaluation.with_user(self.user_section).action_done(force=True)
        self.assertFalse(evaluation.signer_acting_type)
        identity = evaluation._acting_identity({"evaluator_name": skp.evaluator_name})
        self.assertEqual(identity["evaluator_name"], self.emp_section.name)
        self.assertEqual(identity["evaluator_position"], "Kepala Seksi Surveilans dan Imunisasi")
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "kinerja_asn.action_report_kinerja_evaluation", evaluation.ids
        )
        # the evaluator block is the holder's; the trail still says the Plh approved the SKP
        self.assertNotIn("Pejabat Pelaksana Harian", html.decode())
        self.assertNotIn("198206062008011006", html.decode())
        self.assertIn(f"{self.user_plh.name}, Plh. Kepala Seksi Surveilans dan Imunisasi", html.decode())
        # the Plh, no longer acting, may not sign nor read it
        with self.assertRaises(AccessError):
            evaluation.with_user(self.user_plh).read(["state"])

    def test_trail_of_the_holder_names_the_holder(self):
        skp = self._submitted()
        self._assign(start=2, end=4)
        skp.with_user(self.user_section).action_approve()
        trail = {step: who for step, who, _when in self.env["report.kinerja_asn.report_skp"]._trail(skp)}
        self.assertEqual(trail[self.env._("Approved by")], self.user_section.name)
        self.assertFalse(skp.evaluated_signer)


@tagged("post_install", "-at_install")
class TestActingSiasn(SiasnCase):
    """SIASN's penilai* fields name who assessed: the acting official who signed."""

    def test_export_names_the_acting_signer(self):
        user_plh = new_test_user(
            self.env,
            login="plh",
            groups="base.group_user",
            company_id=self.company_a.id,
            company_ids=self.company_a.ids,
        )
        emp_plh = self.env["hr.employee"].create(
            {
                "name": "Pejabat Pelaksana Harian",
                "user_id": user_plh.id,
                "parent_id": self.emp_head.id,
                "department_id": self.dept.id,
                "position_type": "supervisor",
                "nip": "198206062008011006",
                "asn_type": "pns",
                "rank": "iii_c",
                "job_title": "Kepala Seksi Kesehatan Keluarga",
            }
        )
        today = fields.Date.context_today(self.env["kinerja.acting.assignment"])
        self.env["kinerja.acting.assignment"].with_user(self.user_officer).create(
            {
                "acting_type": "plt",
                "employee_id": emp_plh.id,
                "holder_id": self.emp_section.id,
                "date_from": today,
                "date_to": today + timedelta(days=3),
            }
        )
        self.assertEqual(self.skp_staff2.evaluator_user_id, user_plh)
        feb = self._sign(self.skp_staff2, self.month[2], "periodic", "meets", "meets")
        self.assertEqual(feb.signer_acting_type, "plt")
        export = self._generated("periodic", self.month[2])
        payload = json.loads(export.line_ids.filtered(lambda line: line.evaluation_id == feb).payload)
        self.assertEqual(payload["penilaiNama"], "Pejabat Pelaksana Harian")
        self.assertEqual(payload["penilaiNipNrp"], "198206062008011006")
        self.assertEqual(payload["penilaiJabatanNama"], "Plt. Kepala Seksi Surveilans")
        self.assertEqual(payload["penilaiGolongan"], "33", "the acting official's own grade (III/c)")
        # January, signed by the holder: the holder
        january = self._generated("periodic", self.month[1])
        payload = json.loads(january.line_ids.filtered(lambda line: line.evaluation_id == self.staff2_jan).payload)
        self.assertEqual(payload["penilaiNama"], "Kepala Seksi")
        self.assertEqual(payload["penilaiJabatanNama"], "Kepala Seksi Surveilans")
        # the officer exports; the Plt does not
        with self.assertRaises(AccessError):
            self._export("periodic", self.month[2], user=user_plh)
