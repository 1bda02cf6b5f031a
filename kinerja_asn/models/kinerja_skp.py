from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from ..tools.actions import notification
from .kinerja_workflow_mixin import MAIL_FIELDS

_lt = LazyTranslate(__name__)

# The people who evaluate an SKP come from the org chart; only an officer sets others, with a reason.
ORG_CHART_FIELDS = ("evaluator_id", "evaluator_parent_id")
SNAPSHOT_ROLES = ("employee", "evaluator", "evaluator_parent")
SNAPSHOT_KEYS = ("name", "nip", "rank", "position", "unit")
SNAPSHOT_FIELDS = frozenset(f"{role}_{key}" for role in SNAPSHOT_ROLES for key in SNAPSHOT_KEYS)


class KinerjaSkp(models.Model):
    """Sasaran Kinerja Pegawai: an employee's performance plan for a year, or for the part of
    the year spent in one position."""

    _name = "kinerja.skp"
    _description = "Performance Plan (SKP)"
    _inherit = ["mail.thread", "mail.activity.mixin", "kinerja.verification.mixin", "kinerja.workflow.mixin"]
    _order = "date_start desc, employee_id"
    _check_company_auto = True

    # The workflow (see kinerja.workflow.mixin): who may make each move.
    _workflow_transitions = {
        ("draft", "submitted"): ("employee", "officer"),
        ("submitted", "draft"): ("employee", "evaluator", "officer"),
        ("submitted", "approved"): ("evaluator",),
        ("approved", "draft"): ("officer",),
        ("approved", "done"): ("evaluator",),
        ("draft", "cancelled"): ("employee", "officer"),
        ("submitted", "cancelled"): ("employee", "officer"),
        ("approved", "cancelled"): ("officer",),
        ("cancelled", "draft"): ("employee", "officer"),
    }
    _workflow_fields = frozenset(
        {
            "state",
            "submitted_date",
            "approved_date",
            "approved_by_id",
            "return_reason",
            "evaluated_date",
            "verification_code",
            "previous_skp_id",
            *SNAPSHOT_FIELDS,
        }
    )
    _workflow_state_write = True
    _workflow_activities = {"submitted": ("kinerja_asn.mail_act_skp_approval", "evaluator")}
    _workflow_activity_feedback = {"approved": _lt("SKP approved")}
    _workflow_subtypes = {
        "submitted": "kinerja_asn.mt_skp_submitted",
        "approved": "kinerja_asn.mt_skp_approved",
    }

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Employee",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True, string="User")
    department_id = fields.Many2one(
        "hr.department",
        string="Work Unit",
        compute="_compute_from_employee",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
    )
    job_id = fields.Many2one(
        "hr.job",
        string="Position",
        compute="_compute_from_employee",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    position_type = fields.Selection(related="employee_id.position_type")
    period_id = fields.Many2one(
        "kinerja.period",
        string="Year",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('period_type', '=', 'year'), ('state', '!=', 'closed')]",
        default=lambda self: self._default_period(),
    )
    date_start = fields.Date(
        string="Start Date",
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    date_end = fields.Date(
        string="End Date",
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    approach = fields.Selection(
        [("quantitative", "Quantitative"), ("qualitative", "Qualitative")],
        required=True,
        default="quantitative",
        tracking=True,
        help="Quantitative: measurable targets per indicator. Qualitative: narrative "
        "expectations agreed with the evaluator.",
    )
    use_weights = fields.Boolean(
        string="Weighted Results",
        help="Weight the main work results; the weights must then sum to 100.",
    )
    evaluator_id = fields.Many2one(
        "hr.employee",
        string="Evaluator",
        compute="_compute_evaluators",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        check_company=True,
        help="Pejabat Penilai Kinerja: the direct supervisor who agrees and evaluates the SKP. "
        "Defaults to the employee's manager; officers can repair it.",
    )
    evaluator_user_id = fields.Many2one(related="evaluator_id.user_id", store=True, index=True, string="Evaluator User")
    evaluator_parent_id = fields.Many2one(
        "hr.employee",
        string="Evaluator's Supervisor",
        compute="_compute_evaluators",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        check_company=True,
        help="Atasan Pejabat Penilai Kinerja: decides objections to the evaluation.",
    )
    evaluator_parent_user_id = fields.Many2one(
        related="evaluator_parent_id.user_id", store=True, string="Evaluator's Supervisor User"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("done", "Evaluated"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    result_ids = fields.One2many("kinerja.skp.result", "skp_id", string="Work Results", copy=True)
    main_result_ids = fields.One2many(
        "kinerja.skp.result", "skp_id", domain=[("result_type", "=", "main")], string="Main Results"
    )
    additional_result_ids = fields.One2many(
        "kinerja.skp.result",
        "skp_id",
        domain=[("result_type", "=", "additional")],
        string="Additional Results",
    )
    indicator_ids = fields.One2many("kinerja.skp.indicator", "skp_id", string="Indicators")
    behavior_ids = fields.One2many("kinerja.skp.behavior", "skp_id", string="Core Values", copy=True)
    annex_ids = fields.One2many("kinerja.skp.annex", "skp_id", string="Annex", copy=True)
    realization_ids = fields.One2many("kinerja.realization", "skp_id", string="Realisation Reports")
    feedback_ids = fields.One2many("kinerja.feedback", "skp_id", string="Feedback")
    evaluation_ids = fields.One2many("kinerja.evaluation", "skp_id", string="Evaluations")
    evaluation_count = fields.Integer(compute="_compute_evaluation_count", string="Evaluation Count")
    realization_count = fields.Integer(compute="_compute_realization_count", string="Reports")
    feedback_count = fields.Integer(compute="_compute_feedback_count", string="Feedback Count")
    achievement = fields.Float(
        string="Achievement (%)",
        compute="_compute_achievement",
        store=True,
        aggregator="avg",
        help="Average achievement of the main work results, weighted when the SKP uses weights.",
    )
    result_count = fields.Integer(compute="_compute_counts")
    indicator_count = fields.Integer(compute="_compute_counts")
    weight_total = fields.Float(compute="_compute_counts", string="Total Weight")
    submitted_date = fields.Datetime(readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False, tracking=True)
    approved_by_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    evaluated_date = fields.Datetime(string="Evaluated On", readonly=True, copy=False)
    return_reason = fields.Text(readonly=True, copy=False, tracking=True)
    previous_skp_id = fields.Many2one(
        "kinerja.skp",
        string="Previous SKP",
        readonly=True,
        copy=False,
        help="The SKP of the previous position, when this one follows a transfer.",
    )
    can_approve = fields.Boolean(compute="_compute_can_approve")
    cannot_approve_reason = fields.Char(compute="_compute_can_approve")
    has_subordinates = fields.Boolean(
        compute="_compute_has_subordinates",
        help="The employee has direct subordinates, among whom he can distribute his work results.",
    )
    plan_summary = fields.Html(
        string="Results and Targets",
        compute="_compute_plan_summary",
        sanitize=False,
        help="The work results of the SKP with their indicators and targets, to judge it from a list.",
    )
    is_my_team = fields.Boolean(compute="_compute_is_my_team", search="_search_is_my_team", string="In My Team")
    is_unit_head = fields.Boolean(
        compute="_compute_is_unit_head",
        help="The head of a unit links his work results to organisation goals instead of to "
        "his evaluator's work results.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    # Identity snapshot, frozen at approval (printed on the SKP and the evaluation documents).
    employee_name = fields.Char(readonly=True, copy=False)
    employee_nip = fields.Char(readonly=True, copy=False)
    employee_rank = fields.Char(readonly=True, copy=False)
    employee_position = fields.Char(readonly=True, copy=False)
    employee_unit = fields.Char(readonly=True, copy=False)
    evaluator_name = fields.Char(readonly=True, copy=False)
    evaluator_nip = fields.Char(readonly=True, copy=False)
    evaluator_rank = fields.Char(readonly=True, copy=False)
    evaluator_position = fields.Char(readonly=True, copy=False)
    evaluator_unit = fields.Char(readonly=True, copy=False)
    evaluator_parent_name = fields.Char(readonly=True, copy=False)
    evaluator_parent_nip = fields.Char(readonly=True, copy=False)
    evaluator_parent_rank = fields.Char(readonly=True, copy=False)
    evaluator_parent_position = fields.Char(readonly=True, copy=False)
    evaluator_parent_unit = fields.Char(readonly=True, copy=False)

    # ------------------------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------------------------

    @api.depends_context("uid")
    @api.depends("state", "evaluator_id")
    def _compute_can_approve(self):
        for skp in self:
            skp.can_approve = skp._workflow_can("approved")
            skp.cannot_approve_reason = skp._workflow_reason("approved")

    # ------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._check_org_chart_create(vals_list)
        core_values = self.env["kinerja.core.value"].search([])
        annex_types = self.env["kinerja.skp.annex"]._fields["annex_type"].selection
        for vals in vals_list:
            if "behavior_ids" not in vals:
                vals["behavior_ids"] = [fields.Command.create({"core_value_id": value.id}) for value in core_values]
            if "annex_ids" not in vals:
                vals["annex_ids"] = [fields.Command.create({"annex_type": key}) for key, _label in annex_types]
        return super().create(vals_list)

    def write(self, vals):
        self._check_org_chart_write(vals)
        self._check_editable(set(vals))
        return super().write(vals)

    def _workflow_undeletable_message(self):
        return self.env._(
            "%s is not a draft: an SKP that was submitted or approved is never deleted; cancel it instead.",
            self.display_name,
        )

    # ------------------------------------------------------------------------------------
    # Rights (the workflow's table is on the class; these are the SKP's own rules)
    # ------------------------------------------------------------------------------------

    def _workflow_refusal(self, new_state):
        if new_state == "approved" and "employee" in self._workflow_roles():
            return self.env._("You cannot approve your own SKP (%s): your evaluator approves it.", self.display_name)
        if new_state == "approved":
            return self.env._(
                "Only the evaluator of %(skp)s (%(evaluator)s) can approve it.",
                skp=self.display_name,
                evaluator=self._workflow_people().evaluator_id.name or self.env._("none set"),
            )
        return None

    @api.model
    def _org_chart_evaluators(self, employee):
        """The evaluator and his supervisor the org chart gives an employee."""
        return employee.parent_id, employee.parent_id.parent_id

    @api.model
    def _check_org_chart_create(self, vals_list):
        """A new SKP's evaluators are those of the org chart (or none): naming oneself, or a
        friendly colleague, as evaluator is refused; the officer repairs them afterwards."""
        if self._workflow_in_transition():
            return
        Employee = self.env["hr.employee"]
        for vals in vals_list:
            if not any(vals.get(fname) for fname in ORG_CHART_FIELDS):
                continue
            employee = (
                Employee.browse(vals.get("employee_id")) if vals.get("employee_id") else self.env.user.employee_id
            )
            # an employee need not read his manager's manager to be told
            expected = self._org_chart_evaluators(employee._kinerja_org_chart())
            for fname, person in zip(ORG_CHART_FIELDS, expected, strict=True):
                if vals.get(fname) and vals[fname] != person.id:
                    raise AccessError(self._org_chart_message(fname))

    def _check_org_chart_write(self, vals):
        if self._workflow_in_transition():
            return
        for fname in set(ORG_CHART_FIELDS) & set(vals):
            new = vals[fname] or False
            if any(skp[fname].id != new for skp in self):
                raise AccessError(self._org_chart_message(fname))

    def _org_chart_message(self, fname):
        return self.env._(
            "The %(field)s of an SKP comes from the org chart (the employee's manager, and his manager). "
            "If it is wrong, correct the org chart, or ask the performance officer to repair the evaluators "
            "of the SKP, with the reason.",
            field=self._fields[fname]._description_string(self.env),
        )

    def _check_editable(self, field_names):
        """Raise when the content of these SKPs may not change: only drafts are edited."""
        if self._workflow_in_transition():
            return
        content = set(field_names) - self._workflow_fields - set(ORG_CHART_FIELDS) - MAIL_FIELDS
        if not content:
            return
        for skp in self:
            if skp.state == "draft":
                continue
            if content <= {"behavior_ids"} and skp.state == "submitted":
                continue  # the evaluator's expectations: kinerja.skp.behavior decides who writes them
            raise UserError(
                self.env._(
                    "%(skp)s is %(state)s: its content can no longer change. Ask the evaluator to "
                    "return it to draft first.",
                    skp=skp.display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[skp.state],
                )
            )

    # ------------------------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------------------------
    def _workflow_stamp(self, new_state):
        now = fields.Datetime.now()
        if new_state == "submitted":
            return {"submitted_date": now, "return_reason": False}
        if new_state == "approved":
            return {"approved_date": now, "approved_by_id": self.env.uid}
        if new_state == "done":
            return {"evaluated_date": now}
        if new_state == "draft":
            # back to draft: an earlier approval is revoked, its code no longer verifies
            return {"approved_date": False, "approved_by_id": False, "verification_code": False}
        return {}

    def _workflow_after(self, new_state):
        if new_state == "approved":
            for skp in self:
                skp._workflow_write({"verification_code": skp._new_verification_code()})
            self._freeze_identity()

    def action_submit(self):
        for skp in self:
            skp._check_submittable()
        self._workflow_transition("submitted")
        if len(self) == 1:
            message = self.env._(
                "%(skp)s is submitted to %(evaluator)s for approval.",
                skp=self.display_name,
                evaluator=self.evaluator_id.name,
            )
        else:
            message = self.env._("%s SKPs are submitted for approval.", len(self))
        return self._notify_done(message)

    def action_approve(self):
        to_approve = self.filtered(lambda s: s.state == "submitted")
        to_approve._workflow_check("approved")
        for skp in to_approve:
            skp._check_submittable()
        to_approve._workflow_transition("approved")
        if not to_approve:
            return self._notify_done(self.env._("Nothing to approve: only submitted SKPs are approved."), "warning")
        if len(to_approve) == 1:
            message = self.env._("%s is approved.", to_approve.display_name)
        else:
            message = self.env._("%s SKPs are approved.", len(to_approve))
        return self._notify_done(message)

    def _notify_done(self, message, kind="success"):
        return notification(message, kind)

    def action_return(self, reason=None):
        """Return a submitted SKP to its employee with a reason (required)."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for returning the SKP, so the employee knows what to fix."))
        for skp in self:
            if skp.state != "submitted":
                raise UserError(self.env._("Only a submitted SKP can be returned (%s).", skp.display_name))
            if not ({"evaluator", "officer"} & skp._workflow_roles()) and not self.env.su:
                raise AccessError(
                    self.env._(
                        "Only the evaluator of %(skp)s (%(evaluator)s) returns it; to change your own "
                        "submission, withdraw it.",
                        skp=skp.display_name,
                        evaluator=skp.evaluator_id.name or self.env._("none set"),
                    )
                )
        self._workflow_transition("draft", {"return_reason": reason})
        for skp in self:
            skp.message_post(
                body=skp.user_id._recipient_env()._("SKP returned to the employee: %s", reason),
                partner_ids=skp.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_draft(self):
        """Withdraw a submission (employee) or reopen an approved or cancelled SKP (officer)."""
        self._workflow_transition("draft")
        return True

    def action_cancel(self):
        self._workflow_transition("cancelled")
        return True

    def action_repair_evaluator(self, evaluator_id, evaluator_parent_id=None, reason=None):
        """Officer: set evaluators other than the org chart's (an acting official, a wrong
        org chart), with the reason, which the chatter keeps. The approval stays."""
        reason = (reason or "").strip()
        if not (self.env.su or self.env.user._kinerja_is_officer()):
            raise AccessError(self.env._("Only a performance officer repairs the evaluators of an SKP."))
        if not reason:
            raise UserError(self.env._("Give the reason for setting other evaluators than the org chart's."))
        Employee = self.env["hr.employee"]
        evaluator = Employee.browse(evaluator_id).exists() if evaluator_id else Employee
        parent = Employee.browse(evaluator_parent_id).exists() if evaluator_parent_id else evaluator.parent_id
        for skp in self:
            if skp.state in ("done", "cancelled"):
                raise UserError(
                    self.env._("%s is closed: its evaluators are those who evaluated it.", skp.display_name)
                )
        self._workflow_write({"evaluator_id": evaluator.id, "evaluator_parent_id": parent.id})
        # the documents print the evaluators of the SKP: their snapshot follows the repair
        self.filtered(lambda s: s.state == "approved")._freeze_identity()
        for skp in self:
            skp.message_post(
                body=self.env._(
                    "Evaluators set by %(officer)s: %(evaluator)s, supervisor %(parent)s. Reason: %(reason)s",
                    officer=self.env.user.name,
                    evaluator=evaluator.name or self.env._("none"),
                    parent=parent.name or self.env._("none"),
                    reason=reason,
                )
            )
        self.activity_update()
        # the to-dos of the draft evaluations and of the open objections go to the new people
        evaluations = self.evaluation_ids  # an officer reads every evaluation and objection
        evaluations.filtered(lambda e: e.state == "draft")._workflow_reassign()
        evaluations.objection_ids.filtered(lambda o: o.state == "submitted")._workflow_reassign()
        return True

    def action_open_evaluator_wizard(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_evaluator_wizard_action")
        action["context"] = {"active_model": self._name, "active_ids": self.ids}
        return action

    # ------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------

    def _workflow_activity_deadline(self, activity_type):
        if activity_type == self.env.ref("kinerja_asn.mail_act_skp_approval"):
            # the approval is escalated after the company's delay: the to-do is due by then
            days = self.company_id.kinerja_escalation_days or activity_type.delay_count
            return fields.Date.context_today(self) + timedelta(days=days)
        return super()._workflow_activity_deadline(activity_type)

    def _schedule_activities(self, act_type_xmlid, deadline):
        """One activity of ``act_type_xmlid`` per SKP with an evaluator user, for him, due on
        ``deadline(skp)``; all created in one call (as activity_schedule would, per record)."""
        if self.env.context.get("mail_activity_automation_skip"):
            return self.env["mail.activity"]
        activity_type = self.env.ref(act_type_xmlid)
        model_id = self.env["ir.model"]._get_id(self._name)
        return self.env["mail.activity"]._create_for_assignees(
            [
                {
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "date_deadline": deadline(skp),
                    "res_model_id": model_id,
                    "res_id": skp.id,
                    "user_id": skp.evaluator_user_id.id,
                }
                for skp in self.filtered("evaluator_user_id")
            ]
        )

    def _schedule_review_activity(self):
        """One 'realisation to review' activity per SKP for its evaluator, whatever the number
        of reports waiting: a supervisor with thirty staff gets thirty, not two hundred."""
        activity_type = self.env.ref("kinerja_asn.mail_act_realization_review")
        waiting = self.filtered(lambda s: s.evaluator_user_id)
        if not waiting:
            return
        open_ids = set(
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", waiting.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        deadline = fields.Date.context_today(self) + timedelta(days=activity_type.delay_count or 5)
        waiting.filtered(lambda s: s.id not in open_ids)._schedule_activities(
            "kinerja_asn.mail_act_realization_review", lambda skp: deadline
        )

    def _close_review_activity(self):
        """Close the review activity of the SKPs with no report left waiting."""
        waiting = {
            skp.id
            for [skp] in self.env["kinerja.realization"]._read_group(
                [("skp_id", "in", self.ids), ("state", "=", "submitted")], ["skp_id"]
            )
        }
        done = self.filtered(lambda s: s.id not in waiting)
        if done:
            done.activity_feedback(
                ["kinerja_asn.mail_act_realization_review"], feedback=self.env._("Realisation reviewed")
            )

    def _freeze_identity(self):
        """Record the identity snapshot (a workflow field: only approval and repair set it)."""
        for skp in self:
            skp._workflow_write(skp._identity_snapshot())

    def _identity_snapshot(self):
        """Name, NIP, rank, position and unit of the employee and both evaluators, as printed
        on the signed documents, frozen at approval."""
        self.ensure_one()
        vals = {}
        for role in SNAPSHOT_ROLES:
            # read through the org chart: private fields (NIP, rank) the document prints
            vals.update(self[f"{role}_id"]._kinerja_identity(role))
        return vals
