from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools.achievement import (
    PREDICATES,
    RATINGS,
    predicate,
)
from ..tools.fixed_fields import check_fixed
from .kinerja_workflow_mixin import MAIL_FIELDS

_lt = LazyTranslate(__name__)
# What the evaluator writes; locked once signed.
RATING_FIELDS = {"result_rating", "behavior_rating", "override_reason", "feedback", "line_ids"}
# The follow-up figures: live on a draft, frozen by the signature (workflow fields).
FOLLOW_UP_FIELDS = (
    "credit_position_type",
    "credit_functional_level",
    "credit_coefficient",
    "credit_percent",
    "credit_months",
    "credit_points",
    "tpp_percent",
)
SIGNED_FIGURES = frozenset({*FOLLOW_UP_FIELDS, "credit_points_counted", "objection_deadline"})
# The agency's time zone when neither the company nor the signer has one (WIB).
DEFAULT_TZ = "Asia/Jakarta"


class KinerjaEvaluation(models.Model):
    """Evaluasi kinerja: the evaluator's periodic or annual evaluation of an SKP, ending in the
    regulation's predicate, signed electronically."""

    _name = "kinerja.evaluation"
    _description = "Performance Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin", "kinerja.verification.mixin", "kinerja.workflow.mixin"]
    _order = "period_date_start desc, employee_id"
    _check_company_auto = True

    # The workflow (see kinerja.workflow.mixin): the evaluator signs; nothing else moves it.
    _workflow_transitions = {("draft", "done"): ("evaluator",)}
    _workflow_fields = frozenset(
        {
            "state",
            "done_date",
            "done_by_id",
            "achievement",
            "suggested_result_rating",
            "suggestion_note",
            "verification_code",
            *SIGNED_FIGURES,
        }
    )
    _workflow_activities = {"draft": ("kinerja_asn.mail_act_evaluation", "evaluator")}
    _workflow_activity_feedback = {"done": _lt("Evaluation signed")}
    _workflow_subtypes = {"done": "kinerja_asn.mt_evaluation_signed"}

    name = fields.Char(compute="_compute_name", store=True, precompute=True)
    skp_id = fields.Many2one(
        "kinerja.skp",
        string="SKP",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('state', 'in', ('approved', 'done'))]",
    )
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True, precompute=True)
    user_id = fields.Many2one(related="skp_id.user_id", store=True, index=True, precompute=True, string="User")
    evaluator_id = fields.Many2one(related="skp_id.evaluator_id", store=True, index=True, precompute=True)
    evaluator_user_id = fields.Many2one(
        related="skp_id.evaluator_user_id", store=True, index=True, precompute=True, string="Evaluator User"
    )
    evaluator_parent_id = fields.Many2one(related="skp_id.evaluator_parent_id", store=True, index=True, precompute=True)
    evaluator_parent_user_id = fields.Many2one(
        related="skp_id.evaluator_parent_user_id",
        store=True,
        index=True,
        precompute=True,
        string="Evaluator's Supervisor User",
    )
    department_id = fields.Many2one(related="skp_id.department_id", store=True, index=True, precompute=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True, index=True, precompute=True)
    approach = fields.Selection(related="skp_id.approach")
    is_unit_head = fields.Boolean(
        related="skp_id.is_unit_head",
        string="Head of the Unit",
        help="The employee heads the work unit of his SKP: his work-result rating is the unit's "
        "organisation achievement for the period (SE MenPANRB 3/2023), not a judgement to override.",
    )
    evaluation_type = fields.Selection(
        [("periodic", "Periodic"), ("annual", "Annual")],
        string="Type",
        required=True,
        default="periodic",
        index=True,
    )
    period_id = fields.Many2one(
        "kinerja.period",
        string="Period",
        required=True,
        index=True,
        check_company=True,
    )
    period_date_start = fields.Date(related="period_id.date_start", store=True, precompute=True, string="Period Start")
    achievement = fields.Float(
        string="Achievement (%)",
        readonly=True,
        aggregator="avg",
        help="Achievement of the SKP up to the end of the period (sums compared with the share of "
        "the target due by then), or as the annual rule says.",
    )
    suggested_result_rating = fields.Selection(
        RATINGS,
        string="Suggested Work-Result Rating",
        readonly=True,
        help="A suggestion only: the evaluator decides, and explains an override.",
    )
    suggestion_note = fields.Char(string="Suggested From", readonly=True)
    result_rating = fields.Selection(RATINGS, string="Work-Result Rating", tracking=True)
    behavior_rating = fields.Selection(RATINGS, string="Behaviour Rating", tracking=True)
    predicate = fields.Selection(
        PREDICATES,
        compute="_compute_predicate",
        store=True,
        index=True,
        tracking=True,
        help="Follows from the two ratings by the regulation's quadrant; it cannot be set by hand.",
    )
    override_reason = fields.Text(
        string="Reason for Override",
        tracking=True,
        help="Required when the work-result rating differs from the suggestion.",
    )
    feedback = fields.Text(string="General Feedback")
    line_ids = fields.One2many("kinerja.evaluation.line", "evaluation_id", string="Feedback Lines")
    result_line_ids = fields.One2many(
        "kinerja.evaluation.line", "evaluation_id", domain=[("line_type", "=", "result")], string="Work Results"
    )
    behavior_line_ids = fields.One2many(
        "kinerja.evaluation.line", "evaluation_id", domain=[("line_type", "=", "behavior")], string="Core Values"
    )
    state = fields.Selection(
        [("draft", "To Evaluate"), ("done", "Signed")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    done_date = fields.Datetime(string="Signed On", readonly=True, copy=False)
    done_by_id = fields.Many2one("res.users", string="Signed By", readonly=True, copy=False)
    objection_deadline = fields.Date(
        readonly=True,
        copy=False,
        help="Last day to object: the day of signing in the agency's time zone, plus the objection "
        "period in force at signing.",
    )
    objection_ids = fields.One2many("kinerja.objection", "evaluation_id", string="Objections")
    objection_count = fields.Integer(compute="_compute_objection_count")
    periodic_ids = fields.Many2many(
        "kinerja.evaluation", compute="_compute_periodic_ids", string="Periodic Evaluations"
    )
    can_evaluate = fields.Boolean(compute="_compute_can_evaluate")
    cannot_sign_reason = fields.Char(compute="_compute_can_evaluate")

    _sql_constraints = [
        (
            "skp_period_type_uniq",
            "unique(skp_id, period_id, evaluation_type)",
            "An SKP has one evaluation per period: open the existing one.",
        ),
    ]

    # ------------------------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------------------------
    @api.depends("employee_id", "period_id")
    def _compute_name(self):
        # The period tells periodic from annual (a month or quarter, or the year): no type label
        # in a stored name, which would stay in the language of whoever created it.
        for evaluation in self:
            evaluation.name = " - ".join(filter(None, [evaluation.employee_id.name, evaluation.period_id.name]))

    @api.depends("result_rating", "behavior_rating")
    def _compute_predicate(self):
        for evaluation in self:
            evaluation.predicate = predicate(evaluation.result_rating, evaluation.behavior_rating)

    def _compute_objection_count(self):
        counts = dict(
            self.env["kinerja.objection"]._read_group(
                [("evaluation_id", "in", self.ids)], ["evaluation_id"], ["__count"]
            )
        )
        for evaluation in self:
            # an evaluation edited in a form is a new record whose origin holds the objections
            evaluation.objection_count = counts.get(evaluation._origin, 0)

    @api.depends("skp_id", "evaluation_type")
    def _compute_periodic_ids(self):
        for evaluation in self:
            if evaluation.evaluation_type == "annual" and evaluation.skp_id:
                evaluation.periodic_ids = evaluation.skp_id.evaluation_ids.filtered(
                    lambda e: e.evaluation_type == "periodic"
                ).sorted("period_date_start")
            else:
                evaluation.periodic_ids = False

    @api.depends_context("uid")
    @api.depends("state", "evaluator_user_id")
    def _compute_can_evaluate(self):
        for evaluation in self:
            evaluation.can_evaluate = evaluation._workflow_can("done")
            evaluation.cannot_sign_reason = evaluation._workflow_reason("done")

    # ------------------------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------------------------
    @api.constrains("skp_id", "period_id", "evaluation_type")
    def _check_period(self):
        for evaluation in self:
            skp, period = evaluation.skp_id, evaluation.period_id
            if evaluation.evaluation_type == "annual":
                covered = period == skp.period_id
            else:
                covered = (
                    period.period_type != "year"
                    and period.parent_id == skp.period_id
                    and period.date_start <= skp.date_end
                    and period.date_end >= skp.date_start
                )
            if not covered:
                raise ValidationError(
                    self.env._(
                        "The SKP %(skp)s (%(start)s to %(end)s) does not cover %(period)s: choose "
                        "a %(kind)s of that SKP.",
                        skp=skp.display_name,
                        start=skp.date_start,
                        end=skp.date_end,
                        period=period.name,
                        kind=self.env._("sub-period")
                        if evaluation.evaluation_type == "periodic"
                        else self.env._("year"),
                    )
                )

    # ------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_rating_keys(vals)
        self._check_not_evaluated(vals_list)
        if not self.env.su and not self.env.user._kinerja_is_officer():
            for vals in vals_list:
                skp = self.env["kinerja.skp"].browse(vals.get("skp_id"))._workflow_people()
                if skp.evaluator_user_id != self.env.user or skp.user_id == self.env.user:
                    raise AccessError(
                        self.env._(
                            "Only the evaluator of %(employee)s (%(evaluator)s) evaluates him.",
                            employee=skp.employee_id.name,
                            evaluator=skp.evaluator_id.name or self.env._("none set"),
                        )
                    )
        evaluations = super().create(vals_list)
        if not self.env.su:
            for evaluation, vals in zip(evaluations, vals_list, strict=True):
                if set(vals) & RATING_FIELDS and "evaluator" not in evaluation._workflow_roles():
                    raise AccessError(self.env._("Only the evaluator sets the ratings."))
                evaluation._check_head_rating_value(vals.get("result_rating"))
        # the suggestions first, so that the result lines are created with their achievement
        line_achievements = {}
        batch = evaluations._evaluation_application()
        suggestions = batch._suggestion_values_multi(line_achievements)
        batch._create_lines(line_achievements)
        batch._store_suggestions(suggestions)
        # signed from the start (data loaded by the superuser): the figures of that signature
        batch.filtered(lambda e: e.state == "done")._freeze_figures()
        batch._apply_head_rating()
        return evaluations

    def write(self, vals):
        check_fixed(self, vals, ["skp_id", "period_id", "evaluation_type"])
        self._check_rating_keys(vals)
        if "predicate" in vals and not self.env.su:
            raise UserError(self.env._("The predicate follows from the two ratings: set the ratings instead."))
        if not self._workflow_in_transition():
            changed = set(vals) - self._workflow_fields - MAIL_FIELDS
            for evaluation in self:
                if evaluation.state == "done" and (changed or "state" in vals):
                    raise UserError(
                        self.env._(
                            "%s is signed: it can no longer change. The employee may object to it "
                            "within the objection period.",
                            evaluation.display_name,
                        )
                    )
                if changed:
                    evaluation._check_evaluator()
                    evaluation._check_unit_not_determined()
                if "result_rating" in vals:
                    evaluation._check_head_rating_value(vals["result_rating"])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_evaluator(self):
        if self.env.su:
            return
        for evaluation in self:
            if not ({"evaluator", "officer"} & evaluation._workflow_roles()):
                raise AccessError(self.env._("Only the evaluator deletes a draft evaluation."))

    def _workflow_undeletable_message(self):
        return self.env._("%s is signed: a signed evaluation is never deleted.", self.display_name)

    # ------------------------------------------------------------------------------------
    # Rights
    # ------------------------------------------------------------------------------------

    def _is_evaluator(self):
        self.ensure_one()
        return "evaluator" in self._workflow_roles()

    def _check_evaluator(self):
        """Only the evaluator rates and signs (not the employee, not an officer)."""
        self.ensure_one()
        if self.env.su or self._is_evaluator():
            return
        raise AccessError(self._workflow_refusal("done"))

    def _workflow_refusal(self, new_state):
        # the employee may not read his draft, yet is told why he may not act
        evaluation = self._workflow_people()
        return self.env._(
            "Only the evaluator of %(employee)s (%(evaluator)s) rates and signs his evaluation.",
            employee=evaluation.employee_id.name,
            evaluator=evaluation.evaluator_id.name or self.env._("none set"),
        )

    def _workflow_state_message(self):
        return self.env._("Sign an evaluation with its 'Sign' button.")

    def _workflow_stamp(self, new_state):
        return {"done_date": fields.Datetime.now(), "done_by_id": self.env.uid} if new_state == "done" else {}

    def _workflow_after(self, new_state):
        if new_state == "done":
            for evaluation in self:
                evaluation._workflow_write({"verification_code": evaluation._new_verification_code()})
            self._freeze_figures()

    @api.model
    def _check_rating_keys(self, vals):
        for field in ("result_rating", "behavior_rating"):
            value = vals.get(field)
            if value and value not in dict(RATINGS):
                raise ValidationError(
                    self.env._(
                        "“%(value)s” is not a rating: use one of %(keys)s.",
                        value=value,
                        keys=", ".join(dict(RATINGS)),
                    )
                )

    @api.model
    def _check_not_evaluated(self, vals_list):
        keys = [(v.get("skp_id"), v.get("period_id"), v.get("evaluation_type", "periodic")) for v in vals_list]
        if len(set(keys)) < len(keys):
            raise ValidationError(self.env._("An SKP has one evaluation per period."))
        # every evaluation of these SKPs, also those of a former evaluator the user cannot read
        existing = self._workflow_people().search(
            [
                ("skp_id", "in", [key[0] for key in keys if key[0]]),
                ("period_id", "in", [key[1] for key in keys if key[1]]),
            ]
        )
        for evaluation in existing:
            if (evaluation.skp_id.id, evaluation.period_id.id, evaluation.evaluation_type) in keys:
                raise ValidationError(
                    self.env._(
                        "%(skp)s already has an evaluation for %(period)s (%(name)s): open it instead of "
                        "creating another.",
                        skp=evaluation.skp_id.display_name,
                        period=evaluation.period_id.name,
                        name=evaluation.display_name,
                    )
                )

    # ------------------------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------------------------
    def action_done(self, force=False):
        """Sign: check the ratings, the override reason and the unit's distribution; lock the
        evaluation; an annual one closes its SKP. Breaking the distribution returns a warning
        to confirm (``force=True`` signs anyway) unless the company blocks it."""
        to_sign = self.filtered(lambda e: e._workflow_people().state == "draft")
        warnings = []
        for evaluation in to_sign:
            evaluation._check_evaluator()
            evaluation._check_signable()
            violations = evaluation._distribution_violations()
            if violations:
                if evaluation.company_id.kinerja_distribution_blocking:
                    raise UserError(
                        self.env._(
                            "%(evaluation)s breaks the distribution of predicates of its unit:\n%(rules)s",
                            evaluation=evaluation.display_name,
                            rules="\n".join(violations),
                        )
                    )
                warnings.append(f"{evaluation.display_name}:\n" + "\n".join(violations))
        if warnings and not force:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Distribution of Predicates"),
                "res_model": "kinerja.evaluation.sign.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {
                    "default_evaluation_ids": to_sign.ids,
                    "default_warning": "\n\n".join(warnings),
                },
            }
        to_sign._workflow_transition("done")
        # The annual evaluation closes its SKP: the same evaluator's move on the SKP.
        annual = to_sign.filtered(lambda e: e.evaluation_type == "annual")
        annual.skp_id.filtered(lambda s: s.state == "approved")._workflow_transition("done")
        for evaluation in to_sign:
            evaluation.message_post(
                body=evaluation.user_id._recipient_env()._(
                    "Evaluation signed by %(user)s: predicate %(predicate)s. You may object until %(deadline)s.",
                    user=self.env.user.name,
                    predicate=dict(
                        self._fields["predicate"]._description_selection(evaluation.user_id._recipient_env())
                    )[evaluation.predicate],
                    deadline=evaluation.objection_deadline,
                ),
                partner_ids=evaluation.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_open_objection(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_objection_action")
        action.update(
            name=self.env._("Object to %s", self.display_name),
            view_mode="form",
            views=[(False, "form")],
            context={"default_evaluation_id": self.id},
        )
        return action

    def action_view_objections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_objection_action")
        action["domain"] = [("evaluation_id", "=", self.id)]
        return action

    # ------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------
    def _verification_values(self):
        """Who a signed evaluation is about and who signed it, when: what the public
        verification page shows (no ratings; the page labels and masks them)."""
        self.ensure_one()
        return {
            "employee": self.skp_id.employee_name or self.employee_id.name,
            "nip": self.skp_id.employee_nip or "",
            "period": self.period_id.name,
            "signed_by": self.done_by_id.name,
            "signed_on": self.done_date,
        }

    def _check_signable(self):
        self.ensure_one()
        self._check_unit_not_determined()
        self._check_head_rating()
        if not (self.result_rating and self.behavior_rating):
            raise UserError(
                self.env._(
                    "Set both the work-result rating and the behaviour rating of %s before signing.",
                    self.display_name,
                )
            )
        if (
            self.suggested_result_rating
            and self.result_rating != self.suggested_result_rating
            and not (self.override_reason or "").strip()
        ):
            labels = dict(self._fields["result_rating"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "The work-result rating of %(evaluation)s (%(rating)s) differs from the suggestion "
                    "(%(suggested)s): give the reason for the override.",
                    evaluation=self.display_name,
                    rating=labels[self.result_rating],
                    suggested=labels[self.suggested_result_rating],
                )
            )

    def _schedule_evaluation_activity(self):
        """One activity per evaluation for its evaluator, all created in one call; without an
        e-mail per activity (a team's month would send dozens): the daily reminder tells each
        evaluator what waits for him in one message."""
        activity_type = self.env.ref("kinerja_asn.mail_act_evaluation")
        today = fields.Date.context_today(self)
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = [
            {
                "activity_type_id": activity_type.id,
                "automated": True,
                "date_deadline": evaluation.period_id.evaluation_deadline or today,
                "res_model_id": model_id,
                "res_id": evaluation.id,
                "user_id": evaluation.evaluator_user_id.id,
            }
            for evaluation in self.filtered("evaluator_user_id")
        ]
        if vals_list and not self.env.context.get("mail_activity_automation_skip"):
            self.env["mail.activity"].with_context(mail_activity_quick_update=True)._create_for_assignees(vals_list)
