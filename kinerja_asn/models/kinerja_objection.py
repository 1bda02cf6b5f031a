from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools.achievement import PREDICATES, RATINGS
from ..tools.fixed_fields import check_fixed
from .kinerja_workflow_mixin import MAIL_FIELDS

_lt = LazyTranslate(__name__)

# What the evaluator's supervisor writes while deciding.
DECISION_FIELDS = frozenset({"revised_result_rating", "revised_behavior_rating", "decision_reason"})


class KinerjaObjection(models.Model):
    """Keberatan: the employee's objection to a signed evaluation, decided finally by the
    evaluator's supervisor; where the evaluator has no supervisor on record (a JPT evaluated by
    the head of region), by the performance officers."""

    _name = "kinerja.objection"
    _description = "Objection to an Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin", "kinerja.workflow.mixin"]
    _order = "create_date desc, id desc"
    _rec_name = "evaluation_id"
    _check_company_auto = True
    _mail_post_access = "read"

    # The workflow (see kinerja.workflow.mixin): the evaluator's supervisor decides, finally.
    _workflow_transitions = {
        ("submitted", "accepted"): ("evaluator_parent",),
        ("submitted", "rejected"): ("evaluator_parent",),
    }
    _workflow_fields = frozenset(
        {
            "state",
            "decision_date",
            "decided_by_id",
            "original_result_rating",
            "original_behavior_rating",
            "original_predicate",
        }
    )
    _workflow_role_fields = {"employee": "user_id", "evaluator_parent": "decider_user_id"}
    _workflow_activities = {"submitted": ("kinerja_asn.mail_act_objection", "evaluator_parent")}
    _workflow_activity_feedback = {"accepted": _lt("Objection accepted"), "rejected": _lt("Objection rejected")}
    _workflow_subtypes = {
        "accepted": "kinerja_asn.mt_objection_decided",
        "rejected": "kinerja_asn.mt_objection_decided",
    }
    _workflow_deletable_states = ("submitted",)

    evaluation_id = fields.Many2one(
        "kinerja.evaluation",
        string="Evaluation",
        required=True,
        index=True,
        ondelete="restrict",
        # no check_company: the objection's company is the evaluation's (related), so a new
        # objection has none yet and the company domain would offer no evaluation at all; the
        # multi-company rule of the evaluations keeps the choice within the allowed companies
        domain="[('state', '=', 'done'), ('user_id', '=', uid)]",
    )
    employee_id = fields.Many2one(related="evaluation_id.employee_id", store=True, index=True)
    department_id = fields.Many2one(related="evaluation_id.department_id", string="Work Unit", store=True, index=True)
    user_id = fields.Many2one(related="evaluation_id.user_id", store=True, index=True, string="User")
    evaluator_id = fields.Many2one(related="evaluation_id.evaluator_id", store=True)
    decider_id = fields.Many2one(
        related="evaluation_id.evaluator_parent_id", store=True, string="Decided By (Evaluator's Supervisor)"
    )
    decider_user_id = fields.Many2one(
        related="evaluation_id.evaluator_parent_user_id", store=True, index=True, string="Decider User"
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True, index=True)
    deadline = fields.Date(related="evaluation_id.objection_deadline", store=True)
    officer_decides = fields.Boolean(
        string="Decided by the Officers",
        compute="_compute_officer_decides",
        store=True,
        help="The evaluator has no supervisor on record (or none with a login): the performance "
        "officers decide the objection.",
    )
    original_result_rating = fields.Selection(RATINGS, readonly=True, string="Original Work-Result Rating")
    original_behavior_rating = fields.Selection(RATINGS, readonly=True, string="Original Behaviour Rating")
    original_predicate = fields.Selection(PREDICATES, readonly=True)
    reason = fields.Text(required=True, tracking=True, help="Why the evaluation should change, with its grounds.")
    state = fields.Selection(
        [("submitted", "Submitted"), ("accepted", "Accepted"), ("rejected", "Rejected")],
        default="submitted",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    revised_result_rating = fields.Selection(RATINGS, string="Revised Work-Result Rating", tracking=True)
    revised_behavior_rating = fields.Selection(RATINGS, string="Revised Behaviour Rating", tracking=True)
    decision_reason = fields.Text(tracking=True)
    decision_date = fields.Datetime(readonly=True, copy=False)
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True, copy=False)
    can_decide = fields.Boolean(compute="_compute_can_decide")
    cannot_decide_reason = fields.Char(compute="_compute_can_decide")

    _sql_constraints = [
        (
            "evaluation_uniq",
            "unique(evaluation_id)",
            "An evaluation is objected to once: the decision on that objection is final.",
        ),
    ]

    @api.depends("decider_user_id")
    def _compute_officer_decides(self):
        for objection in self:
            objection.officer_decides = not objection.decider_user_id

    @api.depends_context("uid")
    @api.depends("state", "decider_user_id")
    def _compute_can_decide(self):
        for objection in self:
            objection.can_decide = objection._workflow_can("accepted")
            objection.cannot_decide_reason = objection._workflow_reason("accepted")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                # the employee is told whose evaluation it is
                evaluation = self.env["kinerja.evaluation"].browse(vals.get("evaluation_id"))._workflow_people()
                if evaluation.user_id != self.env.user:
                    raise AccessError(self.env._("Only %s may object to his evaluation.", evaluation.employee_id.name))
                if evaluation.objection_ids:
                    # the unique constraint still guards concurrent requests
                    raise UserError(
                        self.env._("%s was already objected to: the decision on it is final.", evaluation.display_name)
                    )
                if any(vals.get(fname) for fname in DECISION_FIELDS):
                    raise AccessError(
                        self.env._("The revised ratings and the reasons of the decision are the decider's to write.")
                    )
        records = super().create(vals_list)
        for objection in records:
            # its state and figures, which the objection copies, even of an evaluation not signed
            evaluation = objection.evaluation_id._workflow_people()
            if evaluation.state != "done":
                raise UserError(self.env._("Only a signed evaluation can be objected to."))
            # the agency's day, in its time zone (WIB by default), not the server's (UTC)
            if evaluation._kinerja_local_date() > evaluation.objection_deadline:
                raise UserError(
                    self.env._(
                        "The objection period of %(evaluation)s ended on %(deadline)s: it can no longer be "
                        "objected to.",
                        evaluation=evaluation.display_name,
                        deadline=evaluation.objection_deadline,
                    )
                )
            if not (objection.reason or "").strip():
                raise ValidationError(self.env._("Explain the grounds of your objection."))
            if evaluation.objection_ids - objection:
                raise UserError(
                    self.env._("%s was already objected to: the decision on it is final.", evaluation.display_name)
                )
            objection._workflow_write(
                {
                    "original_result_rating": evaluation.result_rating,
                    "original_behavior_rating": evaluation.behavior_rating,
                    "original_predicate": evaluation.predicate,
                }
            )
        records.activity_update()
        for objection in records.filtered("officer_decides"):
            objection.message_post(
                body=self.env._(
                    "The evaluator of %s has no supervisor on record: the performance officers decide this objection.",
                    objection.evaluation_id._workflow_people().display_name,
                )
            )
        return records

    def write(self, vals):
        check_fixed(self, vals, ["evaluation_id"])
        if not self._workflow_in_transition():
            for objection in self:
                if objection.state != "submitted" or "state" in vals:
                    raise UserError(
                        self.env._("The decision on %s is final: it can no longer change.", objection.display_name)
                    )
                if set(vals) & DECISION_FIELDS and "evaluator_parent" not in objection._workflow_roles():
                    raise AccessError(objection._workflow_refusal("accepted"))
                if set(vals) - DECISION_FIELDS - MAIL_FIELDS and objection.user_id != self.env.user:
                    raise AccessError(self.env._("Only %s edits his objection.", objection.employee_id.name))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_own(self):
        if not self.env.su and any(objection.user_id != self.env.user for objection in self):
            raise UserError(self.env._("A decided objection is kept on record; it cannot be deleted."))

    def _workflow_undeletable_message(self):
        return self.env._("A decided objection is kept on record; it cannot be deleted.")

    def _workflow_roles(self):
        """The officers stand in for the evaluator's supervisor where there is none on record
        (a JPT evaluated by the head of region): they decide. Not on an objection to an
        evaluation of their own, nor to one they signed."""
        roles = super()._workflow_roles()
        record = self._workflow_people()
        if (
            record.officer_decides
            and "officer" in roles
            and "employee" not in roles
            and record.evaluator_id.user_id != self.env.user
        ):
            roles.add("evaluator_parent")
        return roles

    def _workflow_refusal(self, new_state):
        if self.state != "submitted":
            return self.env._("The decision on %s is final.", self.display_name)
        if self._workflow_people().officer_decides:
            return self.env._(
                "The evaluator of %s has no supervisor on record: a performance officer (other than the "
                "employee and the evaluator) decides this objection.",
                self.display_name,
            )
        return self.env._("Only the evaluator's supervisor (%s) decides this objection.", self.decider_id.name)

    def _workflow_schedule(self, xmlid, role):
        """The decision's to-do goes to the evaluator's supervisor; where there is none, to each
        performance officer of the agency (the first to decide closes them all)."""
        super()._workflow_schedule(xmlid, role)
        routed = self.filtered(lambda o: o.officer_decides and o.state == "submitted")
        if role != "evaluator_parent" or not routed:
            return
        officers = self.env.ref("kinerja_asn.group_kinerja_officer").users.filtered(lambda u: not u.share)
        self._workflow_schedule_for(
            xmlid,
            [
                (objection, officer)
                for objection in routed
                for officer in officers
                if objection.company_id in officer.company_ids
                and officer not in (objection.user_id | objection.evaluator_id.user_id)
            ],
        )

    def _workflow_stamp(self, new_state):
        if new_state in ("accepted", "rejected"):
            return {"decision_date": fields.Datetime.now(), "decided_by_id": self.env.uid}
        return {}

    def _check_decider(self):
        for objection in self:
            if objection.state != "submitted":
                raise UserError(self.env._("The decision on %s is final.", objection.display_name))
        self._workflow_check("accepted")

    def action_accept(self, result_rating=None, behavior_rating=None, reason=None):
        """Accept: the evaluation takes the revised ratings (its predicate follows)."""
        self.ensure_one()
        self._check_decider()
        result_rating = result_rating or self.revised_result_rating or self.original_result_rating
        behavior_rating = behavior_rating or self.revised_behavior_rating or self.original_behavior_rating
        valid = dict(RATINGS)
        if result_rating not in valid or behavior_rating not in valid:
            raise ValidationError(self.env._("Revised ratings must be one of %s.", ", ".join(valid)))
        if (result_rating, behavior_rating) == (self.original_result_rating, self.original_behavior_rating):
            raise UserError(
                self.env._("Accepting an objection changes at least one rating: revise them, or reject it.")
            )
        self._workflow_transition(
            "accepted",
            {
                "revised_result_rating": result_rating,
                "revised_behavior_rating": behavior_rating,
                "decision_reason": (reason or self.decision_reason or "").strip() or False,
            },
        )
        # the decision revises the signed evaluation, which the record rules let only its
        # evaluator write; the decider's move is the transition that changes it
        evaluation = self.evaluation_id._evaluation_application()
        evaluation._workflow_write({"result_rating": result_rating, "behavior_rating": behavior_rating})
        # the revised predicate converts at the level and for the months of the signature
        evaluation._freeze_figures(revised=True)
        evaluation.message_post(
            body=self.env._(
                "Objection accepted by %(user)s: the ratings were revised; predicate now %(predicate)s.",
                user=self.env.user.name,
                predicate=dict(self.evaluation_id._fields["predicate"]._description_selection(self.env))[
                    self.evaluation_id.predicate
                ],
            )
        )
        self._close(self.env._("Objection accepted"))
        return True

    def action_reject(self, reason=None):
        self.ensure_one()
        self._check_decider()
        reason = (reason or self.decision_reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for rejecting the objection."))
        self._workflow_transition("rejected", {"decision_reason": reason})
        self._close(self.env._("Objection rejected: %s", reason))
        return True

    def _close(self, message):
        self.message_post(body=message, partner_ids=self.user_id.partner_id.ids, subtype_xmlid="mail.mt_comment")
