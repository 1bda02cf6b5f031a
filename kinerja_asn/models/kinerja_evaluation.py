from collections import Counter, defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from ..tools.achievement import predicate, rating_from_achievement
from ..tools.fixed_fields import check_fixed
from .kinerja_workflow_mixin import MAIL_FIELDS
from .res_company import RATING_SELECTION

_lt = LazyTranslate(__name__)

RATINGS = RATING_SELECTION
PREDICATES = [
    ("very_good", "Very Good"),
    ("good", "Good"),
    ("needs_improvement", "Needs Improvement"),
    ("poor", "Poor (Misconduct)"),
    ("very_poor", "Very Poor"),
]
# Predicate -> share of the annual coefficient of credit points (functional positions).
CREDIT_SHARE = {"very_good": 1.5, "good": 1.0, "needs_improvement": 0.75, "poor": 0.5, "very_poor": 0.25}
CREDIT_COEFFICIENT = {
    "pemula": 3.75,
    "terampil": 5.0,
    "mahir": 12.5,
    "penyelia": 25.0,
    "ahli_pertama": 12.5,
    "ahli_muda": 25.0,
    "ahli_madya": 37.5,
    "ahli_utama": 50.0,
}
# What the evaluator writes; locked once signed.
RATING_FIELDS = {"result_rating", "behavior_rating", "override_reason", "feedback", "line_ids"}


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
    is_unit_head = fields.Boolean(related="skp_id.is_unit_head")
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
    objection_deadline = fields.Date(compute="_compute_objection_deadline", store=True)
    objection_ids = fields.One2many("kinerja.objection", "evaluation_id", string="Objections")
    objection_count = fields.Integer(compute="_compute_objection_count")
    periodic_ids = fields.Many2many(
        "kinerja.evaluation", compute="_compute_periodic_ids", string="Periodic Evaluations"
    )
    credit_points = fields.Float(
        compute="_compute_follow_up",
        store=True,
        digits=(16, 3),
        aggregator="sum",
        help="Credit points of a functional position: the predicate's share of the annual "
        "coefficient of the level, pro rata for a periodic evaluation.",
    )
    tpp_percent = fields.Float(
        string="TPP (%)",
        compute="_compute_follow_up",
        store=True,
        aggregator="avg",
        help="Share of the performance part of the regional allowance (TPP) paid for this predicate.",
    )
    distribution_warning = fields.Text(compute="_compute_distribution_warning")
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

    @api.depends("done_date", "company_id.kinerja_objection_days")
    def _compute_objection_deadline(self):
        for evaluation in self:
            days = evaluation.company_id.kinerja_objection_days or 14
            evaluation.objection_deadline = (
                fields.Date.to_date(evaluation.done_date) + relativedelta(days=days) if evaluation.done_date else False
            )

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

    @api.depends(
        "predicate",
        "evaluation_type",
        "period_id",
        "employee_id.position_type",
        "employee_id.functional_level",
        "company_id.kinerja_tpp_very_good",
        "company_id.kinerja_tpp_good",
        "company_id.kinerja_tpp_needs_improvement",
        "company_id.kinerja_tpp_poor",
        "company_id.kinerja_tpp_very_poor",
    )
    def _compute_follow_up(self):
        for evaluation in self:
            employee = evaluation.employee_id.sudo()
            points = 0.0
            if evaluation.predicate and employee.position_type == "functional":
                coefficient = CREDIT_COEFFICIENT.get(employee.functional_level, 0.0)
                points = CREDIT_SHARE[evaluation.predicate] * coefficient
                if evaluation.evaluation_type == "periodic":
                    points *= evaluation._months() / 12
            evaluation.credit_points = points
            evaluation.tpp_percent = (
                evaluation.company_id._kinerja_tpp_map().get(evaluation.predicate, 0.0) if evaluation.predicate else 0.0
            )

    @api.depends("predicate", "department_id", "period_id", "state")
    def _compute_distribution_warning(self):
        """What signing this draft with the predicate on screen would break (a signed one is
        judged in the distribution check of its unit)."""
        for evaluation in self:
            draft = evaluation.state == "draft" and evaluation.predicate
            messages = evaluation._distribution_violations() if draft else []
            evaluation.distribution_warning = "\n".join(messages) or False

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
        if not self.env.su and not self._is_officer():
            for vals in vals_list:
                # read as superuser: who evaluates is decided from the SKP's people
                skp = self.env["kinerja.skp"].browse(vals.get("skp_id")).sudo()
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
        # the suggestions first, so that the result lines are created with their achievement
        line_achievements = {}
        suggestions = evaluations.sudo()._suggestion_values_multi(line_achievements)
        evaluations.sudo()._create_lines(line_achievements)
        evaluations.sudo()._store_suggestions(suggestions)
        return evaluations

    def _store_suggestions(self, suggestions):
        """Store {evaluation: values} from _suggestion_values_multi in one UPDATE: these
        read-only figures are set by the application only, are not tracked and nothing stored
        depends on them, while a month's evaluations of a government would be written one by
        one (each through the chatter's write)."""
        if not suggestions:
            return
        fnames = ["achievement", "suggested_result_rating", "suggestion_note"]
        records = self.browse([evaluation.id for evaluation in suggestions])
        records.flush_recordset(fnames)
        values = list(suggestions.values())
        self.env.cr.execute(
            """
            UPDATE kinerja_evaluation e
               SET achievement = new.achievement, suggested_result_rating = new.rating,
                   suggestion_note = new.note, write_uid = %(uid)s, write_date = %(now)s
              FROM unnest(%(ids)s::int[], %(achievements)s::float8[], %(ratings)s::varchar[], %(notes)s::varchar[])
                   AS new(id, achievement, rating, note)
             WHERE e.id = new.id
            """,
            {
                "uid": self.env.uid,
                "now": self.env.cr.now(),
                "ids": records.ids,
                "achievements": [vals["achievement"] or 0.0 for vals in values],
                "ratings": [vals["suggested_result_rating"] or None for vals in values],
                "notes": [vals["suggestion_note"] or None for vals in values],
            },
        )
        records.invalidate_recordset([*fnames, "write_uid", "write_date"])

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
    def _is_officer(self):
        return self.env.user._kinerja_is_officer()

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
        # read as superuser: the employee may not read his draft, yet is told why he may not act
        evaluation = self.sudo()
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
        existing = self.sudo().search(
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
        to_sign = self.filtered(lambda e: e.sudo().state == "draft")
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

    def action_apply_suggestion(self):
        """Mass evaluation: take the suggested work-result rating where none is set yet."""
        for evaluation in self.filtered(lambda e: e.state == "draft" and e.suggested_result_rating):
            if not evaluation.result_rating:
                evaluation.result_rating = evaluation.suggested_result_rating
        return True

    def action_refresh_suggestion(self):
        for evaluation in self:
            evaluation._check_evaluator()
        self.filtered(lambda e: e.state == "draft").sudo()._refresh_suggestion()
        return True

    def action_open_objection(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Object to %s", self.display_name),
            "res_model": "kinerja.objection",
            "view_mode": "form",
            "target": "current",
            "context": {"default_evaluation_id": self.id},
        }

    def action_view_objections(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Objections"),
            "res_model": "kinerja.objection",
            "view_mode": "list,form",
            "domain": [("evaluation_id", "=", self.id)],
        }

    # ------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------
    def _report_result_rows(self):
        """One row per indicator, with the evaluator's feedback on its work result."""
        self.ensure_one()
        feedback = {line.result_id.id: line.feedback for line in self.result_line_ids}
        indicators = self.skp_id.indicator_ids
        if self.evaluation_type == "periodic":
            figures = indicators._realization_figures(self.period_id, prorate=True)
        else:
            figures = indicators._realization_figures()
        rows = []
        for section in self.skp_id._report_results():
            for row in section["rows"]:
                # Realisation as of the evaluated period, not as of today.
                values = figures.get(row["indicator_id"], {})
                rows.append(
                    dict(
                        row,
                        realized=f"{values.get('realized', 0.0):g}",
                        achievement=f"{values.get('achievement', 0.0):.1f} %",
                        feedback=(feedback.get(row["result_id"]) or "") if row["result"] else "",
                    )
                )
        return rows

    def _report_trail(self):
        self.ensure_one()
        trail = self.skp_id._report_trail()[:2]
        if self.done_by_id:
            trail.append((self.env._("Signed by"), self.done_by_id.name, self.done_date))
        return trail

    def _verification_values(self):
        """What the public verification page shows of a signed evaluation (no ratings)."""
        self.ensure_one()
        nip = self.skp_id.employee_nip or ""
        return {
            "kind": self.env._("Performance Evaluation Document"),
            "employee": self.skp_id.employee_name or self.employee_id.name,
            "nip": f"{nip[:4]}…{nip[-3:]}" if len(nip) > 7 else nip,
            "period": self.period_id.name,
            "signed_by": self.done_by_id.name,
            "signed_on": self.done_date,
            "status": dict(self._fields["state"]._description_selection(self.env))[self.state],
        }

    def _months(self):
        self.ensure_one()
        period = self.period_id
        delta = relativedelta(period.date_end, period.date_start)
        return delta.years * 12 + delta.months + 1

    def _check_signable(self):
        self.ensure_one()
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

    def _create_lines(self, achievements=None):
        """One feedback line per work result (with its achievement, {(evaluation id, result
        id): value}) and per core value, in the order of the SKP. Written in one INSERT: a
        month's evaluations of a whole government bring ten lines each, which the ORM would
        create one by one; the lines have no behaviour of their own on creation (only
        superuser code creates them)."""
        if not self:
            return
        achievements = achievements or {}
        self.env["kinerja.skp.result"].flush_model(["skp_id", "result_type", "sequence"])
        self.env["kinerja.skp.behavior"].flush_model(["skp_id", "sequence"])
        self.flush_recordset(["skp_id", "company_id"])
        self.env.cr.execute(
            """
            INSERT INTO kinerja_evaluation_line (evaluation_id, line_type, result_id, behavior_id, achievement,
                                                 company_id, create_uid, create_date, write_uid, write_date)
            SELECT e.id, line.line_type, line.result_id, line.behavior_id, given.achievement, e.company_id,
                   %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM kinerja_evaluation e
              JOIN (SELECT skp_id, 'result' AS line_type, id AS result_id, NULL::int AS behavior_id,
                           0 AS kind, result_type AS type_key, sequence, id
                      FROM kinerja_skp_result
                     UNION ALL
                    SELECT skp_id, 'behavior', NULL, id, 1, '', sequence, id
                      FROM kinerja_skp_behavior) line ON line.skp_id = e.skp_id
              LEFT JOIN unnest(%(evaluations)s::int[], %(results)s::int[], %(values)s::float[])
                   AS given(evaluation_id, result_id, achievement)
                ON given.evaluation_id = e.id AND given.result_id = line.result_id
             WHERE e.id = ANY(%(ids)s)
          ORDER BY e.id, line.kind, line.type_key DESC, line.sequence, line.id
            """,
            {
                "uid": self.env.uid,
                "now": self.env.cr.now(),
                "ids": self.ids,
                "evaluations": [key[0] for key in achievements],
                "results": [key[1] for key in achievements],
                "values": list(achievements.values()),
            },
        )
        self.invalidate_recordset(["line_ids", "result_line_ids", "behavior_line_ids"])

    def _refresh_suggestion(self):
        """Achievement up to the period and the suggested work-result rating (drafts only), in
        a number of queries that does not grow with the number of evaluations."""
        drafts = self.filtered(lambda e: e.state == "draft")
        line_achievements = {}
        for evaluation, values in drafts._suggestion_values_multi(line_achievements).items():
            evaluation.write(values)
        drafts._write_line_achievements(line_achievements)

    def _write_line_achievements(self, achievements):
        """Set the achievement of the result lines of these evaluations, {(evaluation id,
        result id): value} (0 for a result not given), in one UPDATE: only the application
        writes it (it is read-only), and a month's evaluations have tens of thousands."""
        if not self:
            return
        Line = self.env["kinerja.evaluation.line"]
        Line.flush_model(["evaluation_id", "line_type", "result_id", "achievement"])
        keys = list(achievements)
        self.env.cr.execute(
            """
            UPDATE kinerja_evaluation_line line
               SET achievement = COALESCE(new.achievement, 0), write_uid = %(uid)s, write_date = %(now)s
              FROM kinerja_evaluation_line old
         LEFT JOIN unnest(%(evaluations)s::int[], %(results)s::int[], %(values)s::float[])
                   AS new(evaluation_id, result_id, achievement)
                ON new.evaluation_id = old.evaluation_id AND new.result_id = old.result_id
             WHERE line.id = old.id
               AND old.evaluation_id = ANY(%(ids)s)
               AND old.line_type = 'result'
               AND COALESCE(old.achievement, 0) != COALESCE(new.achievement, 0)
         RETURNING line.id
            """,
            {
                "uid": self.env.uid,
                "now": self.env.cr.now(),
                "evaluations": [key[0] for key in keys],
                "results": [key[1] for key in keys],
                "values": list(achievements.values()),
                "ids": self.ids,
            },
        )
        changed = [line_id for (line_id,) in self.env.cr.fetchall()]
        Line.browse(changed).invalidate_recordset(["achievement", "write_uid", "write_date"])

    def _suggestion_values_multi(self, line_achievements):
        """{evaluation: its achievement, suggested rating and note}; the achievement of each
        work result for the evaluation's result lines goes to ``line_achievements``
        ({(evaluation id, result id): achievement})."""
        figures = {}
        groups = defaultdict(list)
        for evaluation in self:
            groups[(evaluation.period_id, evaluation.evaluation_type)].append(evaluation.id)
        for (period, evaluation_type), ids in groups.items():
            indicators = self.browse(ids).skp_id.indicator_ids
            if evaluation_type == "annual":
                figures[(period, evaluation_type)] = indicators._realization_figures()
            else:
                figures[(period, evaluation_type)] = indicators._realization_figures(period, prorate=True)
        org_ratings = self._org_ratings()
        return {
            evaluation: evaluation._suggestion_values_from(
                figures[(evaluation.period_id, evaluation.evaluation_type)],
                org_ratings[evaluation],
                line_achievements,
            )
            for evaluation in self
        }

    def _suggestion_values_from(self, figures, org_rating, line_achievements):
        self.ensure_one()
        company = self.company_id
        skp = self.skp_id
        by_result = {}
        for indicator in skp.indicator_ids:
            by_result.setdefault(indicator.result_id, []).append(figures.get(indicator.id, {}).get("achievement", 0.0))
        result_achievement = {result: sum(values) / len(values) for result, values in by_result.items() if values}
        for result, value in result_achievement.items():
            line_achievements[(self.id, result.id)] = value
        main = [r for r in skp.result_ids if r.result_type == "main"]
        weights = {r: (r.weight if skp.use_weights else 1.0) for r in main}
        total_weight = sum(weights.values())
        achievement = (
            sum(result_achievement.get(r, 0.0) * w for r, w in weights.items()) / total_weight if total_weight else 0.0
        )
        values = {"achievement": achievement, "suggested_result_rating": False, "suggestion_note": False}
        if self.is_unit_head and org_rating.department_id == self.department_id:
            labels = dict(org_rating._fields["rating"]._description_selection(self.env))
            values["suggested_result_rating"] = company._kinerja_org_rating_map()[org_rating.rating]
            values["suggestion_note"] = self.env._("Organisation predicate of the unit: %s", labels[org_rating.rating])
        elif self.evaluation_type == "annual" and company.kinerja_annual_rule != "average":
            periodic = self.skp_id.evaluation_ids.filtered(
                lambda e: e.evaluation_type == "periodic" and e.state == "done"
            ).sorted("period_date_start")
            if periodic:
                if company.kinerja_annual_rule == "last":
                    values["suggested_result_rating"] = periodic[-1].result_rating
                    values["suggestion_note"] = self.env._("Last periodic evaluation")
                else:
                    counts = Counter(periodic.mapped("result_rating"))
                    top = max(counts.values())
                    # a tie goes to the most recent of the tied ratings
                    values["suggested_result_rating"] = next(
                        e.result_rating for e in reversed(periodic) if counts[e.result_rating] == top
                    )
                    values["suggestion_note"] = self.env._("Most frequent periodic rating")
        elif self.approach == "quantitative":
            if self.evaluation_type == "annual":
                periodic = self.skp_id.evaluation_ids.filtered(
                    lambda e: e.evaluation_type == "periodic" and e.state == "done"
                )
                if periodic:
                    values["achievement"] = sum(periodic.mapped("achievement")) / len(periodic)
                values["suggestion_note"] = self.env._("Average achievement of the year")
            else:
                values["suggestion_note"] = self.env._("Achievement up to the end of the period")
            values["suggested_result_rating"] = rating_from_achievement(
                values["achievement"], company.kinerja_threshold_meets, company.kinerja_threshold_above
            )
        return values

    def _org_rating(self):
        """The organisation rating of the period for the nearest rated unit above (or of) the
        employee's unit."""
        self.ensure_one()
        return self._org_ratings()[self]

    def _org_ratings(self):
        """{evaluation: _org_rating()} for all these evaluations, in one query. Keyed by
        record, not by id: an evaluation being edited in a form or an editable list is a new
        record (its id a NewId, absent from ``self.ids``)."""
        OrgRating = self.env["kinerja.org.rating"].sudo()
        result = dict.fromkeys(self, OrgRating)
        departments = self.department_id
        if not departments:
            return result
        ratings = OrgRating.search(
            [("department_id", "parent_of", departments.ids), ("period_id", "in", self.period_id.ids)]
        )
        by_period = defaultdict(list)
        for rating in ratings:
            by_period[rating.period_id.id].append((rating.department_id.parent_path or "", rating))
        for evaluation in self:
            path = evaluation.department_id.parent_path
            candidates = [
                (len(rating_path), rating)
                for rating_path, rating in by_period.get(evaluation.period_id.id, ())
                if path and rating_path and path.startswith(rating_path)
            ]
            if candidates:
                result[evaluation] = max(candidates, key=lambda candidate: candidate[0])[1]
        return result

    def _distribution_violations(self):
        """What this evaluation's predicate would break in its unit's distribution for the
        period (maximums only: minimums are checked when the unit is complete)."""
        self.ensure_one()
        if not self.predicate or not self.department_id:
            return []
        org_rating = self._org_rating()
        if not org_rating:
            return []
        return org_rating._violations(extra=self, maximum_only=True)

    @api.model
    def _prepare(self, period, skps=None):
        """Create the missing draft evaluations of ``period`` (a sub-period: periodic; a year:
        annual) for the approved SKPs covering it, with their suggestions. ``period`` may be
        given as ids (data files, external calls)."""
        if not isinstance(period, models.BaseModel):
            period = self.env["kinerja.period"].browse(period)
        if not period:
            return self.browse()
        period.ensure_one()
        evaluation_type = "annual" if period.period_type == "year" else "periodic"
        year = period if evaluation_type == "annual" else period.parent_id
        domain = [("period_id", "=", year.id), ("state", "=", "approved")]
        if evaluation_type == "periodic":
            domain += [("date_start", "<=", period.date_end), ("date_end", ">=", period.date_start)]
        candidates = self.env["kinerja.skp"].search(domain)
        if skps is not None:
            candidates &= skps
        done = self.search(
            [("skp_id", "in", candidates.ids), ("period_id", "=", period.id), ("evaluation_type", "=", evaluation_type)]
        ).skp_id
        todo = candidates - done
        # no "created" note and no superuser follower on each of a month's drafts
        evaluations = (
            self.sudo()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            .create(self._prepare_vals_list(todo, period, evaluation_type))
        )
        evaluations._schedule_evaluation_activity()
        return evaluations.with_env(self.env)

    @api.model
    def _prepare_vals_list(self, skps, period, evaluation_type):
        """The values of new drafts with what they copy from their SKP already filled, read in
        one query: left to the ORM, each of a month's ten thousand drafts would compute its
        related fields and its name record by record before being inserted."""
        if not skps:
            return []
        copied = [
            "employee_id",
            "user_id",
            "evaluator_id",
            "evaluator_user_id",
            "evaluator_parent_id",
            "evaluator_parent_user_id",
            "department_id",
            "company_id",
        ]
        self.env["kinerja.skp"].flush_model(copied)
        self.env["hr.employee"].flush_model(["name"])
        self.env.cr.execute(
            SQL(
                "SELECT s.id, %s, e.name FROM kinerja_skp s JOIN hr_employee e ON e.id = s.employee_id"
                " WHERE s.id = ANY(%s)",
                SQL(", ").join(SQL.identifier("s", fname) for fname in copied),
                skps.ids,
            )
        )
        rows = self.env.cr.fetchall()
        vals_list = []
        for skp_id, *values, employee_name in rows:
            vals = dict(zip(copied, values, strict=True))
            vals.update(
                {
                    "skp_id": skp_id,
                    "period_id": period.id,
                    "evaluation_type": evaluation_type,
                    "period_date_start": period.date_start,
                    "name": " - ".join(filter(None, [employee_name, period.name])),
                }
            )
            vals_list.append(vals)
        return vals_list

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

    @api.model
    def _cron_prepare_evaluations(self, department=None):
        """Daily: draft evaluations, with their suggestions, for every approved SKP covering a
        sub-period that has ended (and, after a year ends, the annual ones). Periods already
        prepared get nothing new; each period is committed on its own."""
        today = fields.Date.context_today(self)
        periods = (
            self.env["kinerja.period"]
            .sudo()
            .search([("state", "=", "open"), ("date_end", "<", today)], order="date_start, period_type desc")
        )
        skps = None
        if department:
            skps = self.env["kinerja.skp"].sudo().search([("department_id", "child_of", department.id)])
        prepared = self.browse()
        for done, period in enumerate(periods, start=1):
            if period.period_type not in ("year", period.company_id.kinerja_frequency or "month"):
                continue
            with self.env.cr.savepoint():
                # One preparer per period at a time (the cron and an officer's "run now").
                self.env.cr.execute("SELECT pg_advisory_xact_lock(hashtext(%s), %s)", [self._name, period.id])
                prepared |= self.sudo()._prepare(period, skps)
            self.env["kinerja.reminder"]._commit_progress(done=done, remaining=len(periods) - done)
        return prepared

    @api.model
    def _action_prepare_my_team(self):
        """'Prepare Evaluations': the drafts of the current user's team for the last sub-period
        that has ended, then the list to rate them."""
        today = fields.Date.context_today(self)
        company = self.env.company
        period = self.env["kinerja.period"].search(
            [
                ("company_id", "=", company.id),
                ("period_type", "=", company.kinerja_frequency or "month"),
                ("date_end", "<", today),
            ],
            order="date_end desc",
            limit=1,
        )
        if not period:
            raise UserError(self.env._("No sub-period has ended yet: there is nothing to evaluate."))
        team = self.env["kinerja.skp"].search([("evaluator_user_id", "=", self.env.uid), ("state", "=", "approved")])
        self._prepare(period, team)
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_evaluation_action_to_evaluate")
        action["domain"] = [("period_id", "=", period.id)]
        return action
