from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.actions import notification

# Fields of the SKP itself that may change after drafting, and by whom (see _check_editable).
REPAIR_FIELDS = {"evaluator_id", "evaluator_parent_id"}
WORKFLOW_FIELDS = {
    "state",
    "submitted_date",
    "approved_date",
    "approved_by_id",
    "return_reason",
    "done_date",
    "verification_code",
    "activity_ids",
    "message_follower_ids",
    "message_main_attachment_id",
}
SNAPSHOT_ROLES = ("employee", "evaluator", "evaluator_parent")
SNAPSHOT_KEYS = ("name", "nip", "rank", "position", "unit")


class KinerjaSkp(models.Model):
    """Sasaran Kinerja Pegawai: an employee's performance plan for a year, or for the part of
    the year spent in one position."""

    _name = "kinerja.skp"
    _description = "Performance Plan (SKP)"
    _inherit = ["mail.thread", "mail.activity.mixin", "kinerja.verification.mixin"]
    _order = "date_start desc, employee_id"
    _check_company_auto = True

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
    done_date = fields.Datetime(string="Evaluated On", readonly=True, copy=False)
    return_reason = fields.Text(readonly=True, copy=False, tracking=True)
    previous_skp_id = fields.Many2one(
        "kinerja.skp",
        string="Previous SKP",
        readonly=True,
        copy=False,
        help="The SKP of the previous position, when this one follows a transfer.",
    )
    can_approve = fields.Boolean(compute="_compute_can_approve")
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
            try:
                skp._check_state_access("approved")
            except (AccessError, UserError):
                skp.can_approve = False
            else:
                skp.can_approve = skp.state == "submitted"

    # ------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        core_values = self.env["kinerja.core.value"].search([])
        annex_types = self.env["kinerja.skp.annex"]._fields["annex_type"].selection
        for vals in vals_list:
            if "behavior_ids" not in vals:
                vals["behavior_ids"] = [fields.Command.create({"core_value_id": value.id}) for value in core_values]
            if "annex_ids" not in vals:
                vals["annex_ids"] = [fields.Command.create({"annex_type": key}) for key, _label in annex_types]
        return super().create(vals_list)

    def write(self, vals):
        if "verification_code" in vals and not self.env.su:
            raise AccessError(self.env._("The verification code is set by the application at approval."))
        if "state" in vals:
            for skp in self:
                skp._check_state_access(vals["state"])
        self._check_editable(set(vals))
        return super().write(vals)

    def unlink(self):
        for skp in self:
            if skp.state != "draft":
                raise UserError(
                    self.env._(
                        "%s is not a draft: an SKP that was submitted or approved is never deleted; cancel it instead.",
                        skp.display_name,
                    )
                )
        return super().unlink()

    # ------------------------------------------------------------------------------------
    # Rights: the one place that decides who may do what
    # ------------------------------------------------------------------------------------
    def _is_officer(self):
        return self.env.user.has_group("kinerja_asn.group_kinerja_officer")

    def _check_state_access(self, new_state):
        """Raise unless the current user may move this SKP to ``new_state``.

        Called by write() whenever the state changes, and by the buttons' visibility
        (can_approve), so that the rules hold over the external API as well.
        """
        self.ensure_one()
        if self.env.su:
            return
        user = self.env.user
        is_employee = self.employee_id.user_id == user
        is_evaluator = bool(self.evaluator_id) and self.evaluator_id.user_id == user
        officer = self._is_officer()
        current = self.state
        if new_state == current:
            return
        allowed = {
            # (from, to): who
            ("draft", "submitted"): is_employee or officer,
            ("submitted", "draft"): is_employee or is_evaluator or officer,
            ("submitted", "approved"): is_evaluator and not is_employee,
            ("approved", "draft"): officer,
            ("approved", "done"): is_evaluator,
            ("draft", "cancelled"): is_employee or officer,
            ("submitted", "cancelled"): is_employee or officer,
            ("approved", "cancelled"): officer,
            ("cancelled", "draft"): is_employee or officer,
        }
        if allowed.get((current, new_state)):
            return
        if new_state == "approved" and is_employee:
            raise AccessError(
                self.env._("You cannot approve your own SKP (%s): your evaluator approves it.", self.display_name)
            )
        if new_state == "approved":
            raise AccessError(
                self.env._(
                    "Only the evaluator of %(skp)s (%(evaluator)s) can approve it.",
                    skp=self.display_name,
                    evaluator=self.evaluator_id.name or self.env._("none set"),
                )
            )
        states = dict(self._fields["state"]._description_selection(self.env))
        raise AccessError(
            self.env._(
                "You cannot move %(skp)s from %(from)s to %(to)s.",
                skp=self.display_name,
                **{"from": states.get(current), "to": states.get(new_state)},
            )
        )

    def _check_editable(self, field_names):
        """Raise when the content of these SKPs may not change: only drafts are edited, the
        officer repairs evaluator links until the SKP is evaluated."""
        if self.env.su:
            return
        content = set(field_names) - WORKFLOW_FIELDS
        if not content:
            return
        officer = self._is_officer()
        for skp in self:
            if skp.state == "draft":
                continue
            if content <= {"behavior_ids"} and skp.state == "submitted":
                continue  # the evaluator's expectations: kinerja.skp.behavior decides who writes them
            if content <= REPAIR_FIELDS and officer and skp.state != "done":
                continue
            raise UserError(
                self.env._(
                    "%(skp)s is %(state)s: its content can no longer change. Ask the evaluator to "
                    "return it to draft first.",
                    skp=skp.display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[skp.state],
                )
            )

    # ------------------------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------------------------
    def action_submit(self):
        for skp in self:
            skp._check_submittable()
        self.write({"state": "submitted", "submitted_date": fields.Datetime.now(), "return_reason": False})
        self._schedule_approval_activity()
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
        for skp in to_approve:
            skp._check_state_access("approved")
            skp._check_submittable()
        to_approve.write({"state": "approved", "approved_date": fields.Datetime.now(), "approved_by_id": self.env.uid})
        for skp in to_approve:
            skp.sudo().verification_code = skp._new_verification_code()
        # The snapshot is written as superuser: the evaluator may not read private fields.
        to_approve.sudo()._freeze_identity()
        to_approve._close_approval_activity(feedback=self.env._("SKP approved"))
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
            if not (self.env.su or self._is_officer() or skp.evaluator_id.user_id == self.env.user):
                raise AccessError(
                    self.env._(
                        "Only the evaluator of %(skp)s (%(evaluator)s) returns it; to change your own "
                        "submission, withdraw it.",
                        skp=skp.display_name,
                        evaluator=skp.evaluator_id.name or self.env._("none set"),
                    )
                )
        self.write({"state": "draft", "return_reason": reason})
        for skp in self:
            skp.message_post(
                body=skp.user_id._recipient_env()._("SKP returned to the employee: %s", reason),
                partner_ids=skp.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        self._close_approval_activity(unlink=True)
        return True

    def action_draft(self):
        """Withdraw a submission (employee) or reopen an approved or cancelled SKP (officer)."""
        self.write({"state": "draft"})
        self._close_approval_activity(unlink=True)
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        self._close_approval_activity(unlink=True)
        return True

    # ------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------

    def _schedule_approval_activity(self):
        today = fields.Date.context_today(self)
        self._schedule_activities(
            "kinerja_asn.mail_act_skp_approval",
            lambda skp: today + timedelta(days=skp.company_id.kinerja_escalation_days or 7),
        )

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

    def _close_approval_activity(self, feedback=None, unlink=False):
        if unlink:
            self.activity_unlink(["kinerja_asn.mail_act_skp_approval"])
        else:
            self.activity_feedback(["kinerja_asn.mail_act_skp_approval"], feedback=feedback)

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
        rank_labels = dict(self.env["hr.employee"]._fields["rank"]._description_selection(self.env))
        for skp in self:
            vals = {}
            for role in SNAPSHOT_ROLES:
                person = skp[f"{role}_id"]
                vals.update(
                    {
                        f"{role}_name": person.name,
                        f"{role}_nip": person.nip,
                        f"{role}_rank": rank_labels.get(person.rank) if person.rank else False,
                        f"{role}_position": person.job_title or person.job_id.name,
                        f"{role}_unit": person.department_id.complete_name,
                    }
                )
            skp.write(vals)
