from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

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
            "done_date",
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
    @api.model
    def _default_period(self):
        today = fields.Date.context_today(self)
        return self.env["kinerja.period"]._find(today, "year") or self.env["kinerja.period"].search(
            [("period_type", "=", "year"), ("state", "!=", "closed"), ("company_id", "=", self.env.company.id)],
            order="date_start desc",
            limit=1,
        )

    @api.depends("employee_id", "period_id")
    def _compute_name(self):
        for skp in self:
            skp.name = self.env._(
                "SKP %(employee)s %(year)s",
                employee=skp.employee_id.name or "",
                year=skp.period_id.name or "",
            ).strip()

    @api.depends("employee_id")
    def _compute_from_employee(self):
        for skp in self:
            if skp.state in (False, "draft") or not skp.department_id:
                skp.department_id = skp.employee_id.department_id
                skp.job_id = skp.employee_id.job_id

    @api.depends("period_id")
    def _compute_dates(self):
        for skp in self:
            if skp.period_id and (
                not skp.date_start or not (skp.period_id.date_start <= skp.date_start <= skp.period_id.date_end)
            ):
                skp.date_start = skp.period_id.date_start
                skp.date_end = skp.period_id.date_end

    @api.depends("employee_id")
    def _compute_evaluators(self):
        for skp in self:
            if skp.state in (False, "draft") or not skp.evaluator_id:
                skp.evaluator_id = skp.employee_id.parent_id
                skp.evaluator_parent_id = skp.employee_id.parent_id.parent_id

    @api.depends("result_ids", "result_ids.weight", "result_ids.result_type", "indicator_ids")
    def _compute_counts(self):
        # A list of saved SKPs is counted by the database; a form (being edited, or whose lines
        # are read anyway) counts its lines in memory.
        cache = self.env.cache
        in_memory = self.filtered(
            lambda skp: (
                not isinstance(skp.id, int)
                or (
                    cache.contains(skp, self._fields["result_ids"])
                    and cache.contains(skp, self._fields["indicator_ids"])
                )
            )
        )
        saved = self - in_memory
        results, indicators = {}, {}
        if saved:
            for skp, result_type, count, weight in self.env["kinerja.skp.result"]._read_group(
                [("skp_id", "in", saved.ids)], ["skp_id", "result_type"], ["__count", "weight:sum"]
            ):
                count_total, weight_total = results.get(skp.id, (0, 0.0))
                results[skp.id] = (
                    count_total + count,
                    weight_total + ((weight or 0.0) if result_type == "main" else 0.0),
                )
            indicators = {
                skp.id: count
                for skp, count in self.env["kinerja.skp.indicator"]._read_group(
                    [("skp_id", "in", saved.ids)], ["skp_id"], ["__count"]
                )
            }
        for skp in self:
            if skp in saved:
                skp.result_count, skp.weight_total = results.get(skp.id, (0, 0.0))
                skp.indicator_count = indicators.get(skp.id, 0)
            else:
                skp.result_count = len(skp.result_ids)
                skp.indicator_count = len(skp.indicator_ids)
                skp.weight_total = sum(skp.result_ids.filtered(lambda r: r.result_type == "main").mapped("weight"))

    @api.depends("result_ids.achievement", "result_ids.weight", "result_ids.result_type", "use_weights")
    def _compute_achievement(self):
        for skp in self:
            main = skp.result_ids.filtered(lambda r: r.result_type == "main")
            if skp.use_weights and sum(main.mapped("weight")):
                skp.achievement = sum(r.achievement * r.weight for r in main) / sum(main.mapped("weight"))
            else:
                skp.achievement = sum(main.mapped("achievement")) / len(main) if main else 0.0

    def _compute_realization_count(self):
        counts = dict(
            self.env["kinerja.realization"]._read_group([("skp_id", "in", self.ids)], ["skp_id"], ["__count"])
        )
        for skp in self:
            skp.realization_count = counts.get(skp, 0)

    def _compute_evaluation_count(self):
        counts = dict(self.env["kinerja.evaluation"]._read_group([("skp_id", "in", self.ids)], ["skp_id"], ["__count"]))
        for skp in self:
            skp.evaluation_count = counts.get(skp, 0)

    def _compute_feedback_count(self):
        counts = dict(self.env["kinerja.feedback"]._read_group([("skp_id", "in", self.ids)], ["skp_id"], ["__count"]))
        for skp in self:
            skp.feedback_count = counts.get(skp, 0)

    @api.depends_context("uid")
    @api.depends("state", "evaluator_id")
    def _compute_can_approve(self):
        for skp in self:
            skp.can_approve = skp._workflow_can("approved")
            skp.cannot_approve_reason = skp._workflow_reason("approved")

    @api.depends("employee_id")
    def _compute_has_subordinates(self):
        # As superuser: an employee may not read hr.employee, only its public fields.
        employees = self.employee_id.ids
        counts = {
            parent.id: count
            for parent, count in self.env["hr.employee"]
            .sudo()
            ._read_group([("parent_id", "in", employees)], ["parent_id"], ["__count"])
        }
        for skp in self:
            skp.has_subordinates = bool(counts.get(skp.employee_id.id))

    @api.depends(
        "approach",
        "use_weights",
        "result_ids.name",
        "result_ids.result_type",
        "result_ids.weight",
        "result_ids.indicator_ids.name",
        "result_ids.indicator_ids.target_value",
        "result_ids.indicator_ids.unit_label",
        "result_ids.indicator_ids.target_text",
    )
    def _compute_plan_summary(self):
        """One block per SKP: its results (type, weight) and their indicators with targets.
        Read in batch through the prefetch: a list of 80 SKPs costs the same queries as one."""
        types = dict(self.env["kinerja.skp.result"]._fields["result_type"]._description_selection(self.env))
        for skp in self:
            items = []
            for result in skp.result_ids:
                head = Markup('<span class="badge text-bg-light me-1">%s</span><strong>%s</strong>') % (
                    types.get(result.result_type, ""),
                    (result.name or "").splitlines()[0] if result.name else "",
                )
                if skp.use_weights and result.result_type == "main":
                    head += Markup(' <span class="text-muted">(%s %%)</span>') % f"{result.weight:g}"
                lines = []
                for indicator in result.indicator_ids:
                    target = (
                        f"{indicator.target_value:g} {indicator.unit_label or ''}".strip()
                        if skp.approach == "quantitative"
                        else (indicator.target_text or "-")
                    )
                    lines.append(
                        Markup("<li>%s: <strong>%s</strong></li>")
                        % ((indicator.name or "").splitlines()[0] if indicator.name else "", target)
                    )
                body = Markup('<ul class="mb-1 ps-3">%s</ul>') % Markup("").join(lines) if lines else Markup("")
                items.append(Markup('<li class="mb-1">%s%s</li>') % (head, body))
            skp.plan_summary = (
                Markup('<ol class="mb-0 ps-3 o_kinerja_plan_summary">%s</ol>') % Markup("").join(items)
                if items
                else Markup('<span class="text-muted">%s</span>') % escape(self.env._("No work result yet"))
            )

    @api.depends_context("uid")
    def _compute_is_my_team(self):
        team = self.env["hr.employee"].search([("id", "child_of", self.env.user.employee_ids.ids)])
        for skp in self:
            skp.is_my_team = skp.employee_id in team and skp.user_id != self.env.user

    def _search_is_my_team(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'In My Team'."))
        domain = [
            ("employee_id", "child_of", self.env.user.employee_ids.ids),
            ("employee_id", "not in", self.env.user.employee_ids.ids),
        ]
        if (operator == "=") != value:
            return ["!", "&", *domain]
        return domain

    @api.depends("employee_id", "department_id.manager_id")
    def _compute_is_unit_head(self):
        for skp in self:
            skp.is_unit_head = bool(skp.employee_id) and (
                skp.department_id.manager_id == skp.employee_id or skp.position_type == "jpt"
            )

    # ------------------------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------------------------
    @api.constrains("date_start", "date_end", "period_id")
    def _check_dates(self):
        for skp in self:
            year = skp.period_id
            if skp.date_start > skp.date_end:
                raise ValidationError(
                    self.env._("The SKP of %s ends before it starts: fix its dates.", skp.employee_id.name)
                )
            if skp.date_start < year.date_start or skp.date_end > year.date_end:
                raise ValidationError(
                    self.env._(
                        "The dates of the SKP of %(employee)s (%(start)s to %(end)s) must lie within "
                        "the year %(year)s (%(year_start)s to %(year_end)s).",
                        employee=skp.employee_id.name,
                        start=skp.date_start,
                        end=skp.date_end,
                        year=year.name,
                        year_start=year.date_start,
                        year_end=year.date_end,
                    )
                )

    @api.constrains("employee_id", "period_id", "job_id", "date_start", "date_end", "state")
    def _check_unique(self):
        active = self.filtered(lambda s: s.state != "cancelled")
        if not active:
            return
        others = self.search(
            [
                ("employee_id", "in", active.employee_id.ids),
                ("period_id", "in", active.period_id.ids),
                ("state", "!=", "cancelled"),
            ]
        )
        for skp in active:
            for other in others:
                if other == skp or other.employee_id != skp.employee_id or other.period_id != skp.period_id:
                    continue
                if other.date_start > skp.date_end or other.date_end < skp.date_start:
                    continue  # consecutive SKPs of a year, e.g. after a transfer
                if other.job_id == skp.job_id:
                    raise ValidationError(
                        self.env._(
                            "%(employee)s already has an SKP for %(year)s in this position (%(other)s): "
                            "edit it, or cancel it first.",
                            employee=skp.employee_id.name,
                            year=skp.period_id.name,
                            other=other.display_name,
                        )
                    )
                raise ValidationError(
                    self.env._(
                        "The SKP of %(employee)s from %(start)s to %(end)s overlaps %(other)s "
                        "(%(other_start)s to %(other_end)s): an employee has one SKP at a time. "
                        "For a new position use 'New Position' on the current SKP.",
                        employee=skp.employee_id.name,
                        start=skp.date_start,
                        end=skp.date_end,
                        other=other.display_name,
                        other_start=other.date_start,
                        other_end=other.date_end,
                    )
                )

    @api.constrains("evaluator_id", "employee_id")
    def _check_evaluator(self):
        for skp in self:
            if skp.evaluator_id and skp.evaluator_id == skp.employee_id:
                raise ValidationError(self.env._("%s cannot be his own evaluator.", skp.employee_id.name))

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
    def _is_officer(self):
        return self.env.user._kinerja_is_officer()

    def _workflow_refusal(self, new_state):
        if new_state == "approved" and "employee" in self._workflow_roles():
            return self.env._("You cannot approve your own SKP (%s): your evaluator approves it.", self.display_name)
        if new_state == "approved":
            return self.env._(
                "Only the evaluator of %(skp)s (%(evaluator)s) can approve it.",
                skp=self.display_name,
                evaluator=self.sudo().evaluator_id.name or self.env._("none set"),
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
            # read as superuser: an employee need not read his manager's manager to be told
            expected = self._org_chart_evaluators(employee.sudo())
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
            return {"done_date": now}
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
        """A confirmation for the web client, then a reload of the form or list that called
        it; over the external API the caller simply gets this (truthy) description back."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": kind,
                "sticky": False,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

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
        if not (self.env.su or self._is_officer()):
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
        return True

    def action_open_evaluator_wizard(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_evaluator_wizard_action")
        action["context"] = {"active_model": self._name, "active_ids": self.ids}
        return action

    def action_open_return_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return SKP"),
            "res_model": "kinerja.skp.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def action_open_transfer_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Position"),
            "res_model": "kinerja.skp.transfer.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_skp_id": self.id},
        }

    def action_open_mph_wizard(self):
        self.ensure_one()
        self._check_can_distribute()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Distribute a Work Result (Matriks Peran Hasil)"),
            "res_model": "kinerja.mph.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_skp_id": self.id},
        }

    def action_report_realization(self, period=None):
        """Open the entry grid of this SKP for a sub-period (default: the current one), with one
        draft line per indicator not yet reported, so that the employee fills them all at once."""
        self.ensure_one()
        period = self.env["kinerja.period"].browse(period) if isinstance(period, int) else period
        period = period or self._current_subperiod()
        if not period:
            raise UserError(
                self.env._(
                    "No open sub-period of %(year)s covers today: ask the performance officer to open it.",
                    year=self.period_id.name,
                )
            )
        self._prepare_realizations(period)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Realisation %(period)s", period=period.name),
            "res_model": "kinerja.realization",
            "view_mode": "list,form",
            "views": [(self.env.ref("kinerja_asn.kinerja_realization_view_list_entry").id, "list"), (False, "form")],
            "domain": [("skp_id", "=", self.id), ("period_id", "=", period.id)],
            "context": {"default_period_id": period.id, "kinerja_entry": True},
        }

    def action_view_realizations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Realisation of %s", self.display_name),
            "res_model": "kinerja.realization",
            "view_mode": "list,pivot,form",
            "domain": [("skp_id", "=", self.id)],
            "context": {"search_default_group_period": 1},
        }

    def action_view_evaluations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Evaluations of %s", self.display_name),
            "res_model": "kinerja.evaluation",
            "view_mode": "list,form",
            "domain": [("skp_id", "=", self.id)],
            "context": {"default_skp_id": self.id},
        }

    def action_view_feedback(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Feedback on %s", self.display_name),
            "res_model": "kinerja.feedback",
            "view_mode": "list,form",
            "domain": [("skp_id", "=", self.id)],
            "context": {"default_skp_id": self.id},
        }

    def action_view_cascade(self):
        """The work results of this SKP and every result that cascades from them."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cascade of %s", self.display_name),
            "res_model": "kinerja.skp.result",
            "view_mode": "hierarchy,list,form",
            "domain": [("id", "child_of", self.result_ids.ids)],
            "context": {"hierarchy_res_id": self.result_ids[:1].id},
        }

    # ------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------
    def _check_can_distribute(self):
        """Raise unless the current user may distribute the results of this SKP among the
        employee's direct subordinates (Matriks Peran Hasil)."""
        self.ensure_one()
        if self.employee_id.user_id != self.env.user and not self._is_officer():
            raise UserError(self.env._("Only %s or an officer can distribute his work results.", self.employee_id.name))
        if not self.has_subordinates:
            raise UserError(
                self.env._(
                    "%s has no direct subordinates: there is nobody to distribute work results to.",
                    self.employee_id.name,
                )
            )
        if self.state == "cancelled":
            raise UserError(self.env._("%s is cancelled: its results cannot be distributed.", self.display_name))

    def _check_submittable(self):
        """Raise a clear error for the first thing that keeps this SKP from approval."""
        self.ensure_one()
        name = self.display_name
        if not self.evaluator_id:
            raise UserError(
                self.env._(
                    "%s has no evaluator: set the employee's manager, or ask the performance officer "
                    "to set the evaluator.",
                    name,
                )
            )
        if not self.result_ids:
            raise UserError(self.env._("%s has no work result (RHK) yet: add at least one.", name))
        if not self.result_ids.filtered(lambda r: r.result_type == "main"):
            raise UserError(self.env._("%s needs at least one main work result.", name))
        for result in self.result_ids:
            if not result.indicator_ids:
                raise UserError(
                    self.env._(
                        "The work result “%(result)s” has no indicator: add how its success is measured.",
                        result=result.name,
                    )
                )
            if self.approach == "quantitative":
                without_unit = result.indicator_ids.filtered(lambda i: not (i.unit_label or "").strip())
                if without_unit:
                    raise UserError(
                        self.env._(
                            "The indicator “%(indicator)s” of “%(result)s” has no unit: say what its "
                            "target counts (e.g. documents, children, %%).",
                            indicator=without_unit[0].name,
                            result=result.name,
                        )
                    )
            if result.result_type != "main":
                continue
            if self.is_unit_head:
                if not result.goal_id and not result.parent_result_id:
                    raise UserError(
                        self.env._(
                            "Link the work result “%(result)s” to an organisation goal or to a work "
                            "result of your evaluator.",
                            result=result.name,
                        )
                    )
            elif not result.parent_result_id:
                raise UserError(
                    self.env._(
                        "Link the work result “%(result)s” to the work result of your evaluator it "
                        "supports (RHK atasan yang diintervensi).",
                        result=result.name,
                    )
                )
        self.result_ids._check_parent_result()
        if self.approach == "quantitative" and self.use_weights:
            total = self.weight_total
            if abs(total - 100.0) > 0.001:
                raise UserError(
                    self.env._(
                        "The weights of the main work results of %(skp)s add up to %(total)s: they must add up to 100.",
                        skp=name,
                        total=round(total, 2),
                    )
                )

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

    # ------------------------------------------------------------------------------------
    # Report data (the PDF and XLSX documents read these, so they are tested once)
    # ------------------------------------------------------------------------------------
    def _report_identity(self):
        """Name, NIP, rank, position and unit of the employee, the evaluator and the
        evaluator's supervisor: as frozen at approval, or as they are now for a draft."""
        self.ensure_one()
        if self.approved_date:
            return {f"{role}_{key}": self[f"{role}_{key}"] or "-" for role in SNAPSHOT_ROLES for key in SNAPSHOT_KEYS}
        rank_labels = dict(self.env["hr.employee"]._fields["rank"]._description_selection(self.env))
        values = {}
        for role in SNAPSHOT_ROLES:
            person = self[f"{role}_id"].sudo()
            values.update(
                {
                    f"{role}_name": person.name or "-",
                    f"{role}_nip": person.nip or "-",
                    f"{role}_rank": rank_labels.get(person.rank, "-") if person.rank else "-",
                    f"{role}_position": person.job_title or person.job_id.name or "-",
                    f"{role}_unit": person.department_id.complete_name or "-",
                }
            )
        return values

    def _report_results(self):
        """Main and additional work results, one row per indicator."""
        self.ensure_one()
        aspects = dict(self.env["kinerja.skp.indicator"]._fields["aspect"]._description_selection(self.env))
        sections = []
        for result_type, title in (
            ("main", self.env._("A. MAIN WORK RESULTS")),
            ("additional", self.env._("B. ADDITIONAL WORK RESULTS")),
        ):
            rows = []
            results = self.result_ids.filtered(lambda r, t=result_type: r.result_type == t)
            for number, result in enumerate(results, start=1):
                indicators = result.indicator_ids or [False]
                for position, indicator in enumerate(indicators):
                    target = "-"
                    if indicator:
                        target = (
                            f"{indicator.target_value:g} {indicator.unit_label or ''}".strip()
                            if self.approach == "quantitative"
                            else (indicator.target_text or "-")
                        )
                    rows.append(
                        {
                            "number": number if position == 0 else "",
                            "parent": (result.sudo().parent_result_id.name or result.goal_id.name or "-")
                            if position == 0
                            else "",
                            "result": result.name if position == 0 else "",
                            "aspect": aspects.get(indicator.aspect, "") if indicator else "",
                            "indicator_id": indicator.id if indicator else False,
                            "result_id": result.id,
                            "indicator": indicator.name if indicator else "-",
                            "target": target,
                            "realized": indicator.realized_value if indicator else 0.0,
                            "achievement": indicator.achievement if indicator else 0.0,
                        }
                    )
            sections.append({"title": title, "rows": rows})
        return sections

    def _realization_matrix(self):
        """Indicator x sub-period: the reported value and its state per cell (None when not
        reported), with target, realisation and achievement; in two queries."""
        self.ensure_one()
        frequency = self.company_id.kinerja_frequency or "month"
        periods = self.period_id.child_ids.filtered(
            lambda p: p.period_type == frequency and p.date_end >= self.date_start and p.date_start <= self.date_end
        ).sorted("date_start")
        cells = {
            (report["indicator_id"][0], report["period_id"][0]): report
            for report in self.env["kinerja.realization"].search_read(
                [("skp_id", "=", self.id), ("state", "in", ("submitted", "accepted"))],
                ["indicator_id", "period_id", "value", "state"],
            )
        }
        rows = []
        for indicator in self.indicator_ids:
            rows.append(
                {
                    "result": (indicator.result_id.name or "").split("\n")[0],
                    "indicator": indicator.name,
                    "unit": indicator.unit_label or "",
                    "target": indicator.target_value,
                    "cells": [cells.get((indicator.id, period.id)) for period in periods],
                    "realized": indicator.realized_value,
                    "achievement": indicator.achievement,
                }
            )
        return {"periods": periods, "rows": rows}

    def _report_trail(self):
        """(step, who, when) of the approval, for the printed documents."""
        self.ensure_one()
        trail = []
        if self.submitted_date:
            trail.append((self.env._("Submitted by"), self.employee_id.name, self.submitted_date))
        if self.approved_by_id:
            trail.append((self.env._("Approved by"), self.approved_by_id.name, self.approved_date))
        if self.done_date:
            trail.append((self.env._("Evaluated"), self.evaluator_id.name, self.done_date))
        return trail

    def _report_history(self):
        """Every change of state of the SKP, oldest first, with who made it, when, and the
        reason of a return: {"step", "who", "when", "note"}.

        Read from the tracked history: the tracking values are written by the application in
        the same transaction as the change, and only administrators can alter them (users can
        edit their own comments, never these). Labels recorded in the writer's language are
        mapped back to the state keys, so that the document speaks its own language."""
        self.ensure_one()
        state_field = self._fields["state"]
        keys = {}
        for lang, _name in self.env["res.lang"].get_installed():
            for key, label in state_field._description_selection(self.with_context(lang=lang).env):
                keys[label] = key
        trackings = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", self._name),
                    ("mail_message_id.res_id", "=", self.id),
                    ("field_id.model", "=", self._name),
                    ("field_id.name", "in", ("state", "return_reason")),
                ]
            )
        )
        steps = {
            ("draft", "submitted"): self.env._("Submitted"),
            ("submitted", "approved"): self.env._("Approved"),
            ("submitted", "draft"): self.env._("Withdrawn"),
            ("approved", "draft"): self.env._("Reopened"),
            ("cancelled", "draft"): self.env._("Reopened"),
            ("approved", "done"): self.env._("Evaluated"),
        }
        history = []
        for message in trackings.mail_message_id.sorted(lambda m: (m.date, m.id)):
            values = message.tracking_value_ids.filtered(lambda t: t in trackings)
            state = values.filtered(lambda t: t.field_id.name == "state")[:1]
            if not state:
                continue
            old, new = keys.get(state.old_value_char), keys.get(state.new_value_char)
            reason = values.filtered(lambda t: t.field_id.name == "return_reason")[:1].new_value_text
            if (old, new) == ("submitted", "draft") and reason:
                step = self.env._("Returned")
            elif new == "cancelled":
                step = self.env._("Cancelled")
            else:
                step = steps.get((old, new)) or f"{state.old_value_char} → {state.new_value_char}"
            history.append(
                {
                    "step": step,
                    "who": message.author_id.name or "-",
                    "when": message.date,
                    "note": reason or "",
                }
            )
        return history

    def _verification_values(self):
        """What the public verification page shows of an approved SKP (no content)."""
        self.ensure_one()
        nip = self.employee_nip or ""
        return {
            "kind": self.env._("Performance Plan (SKP)"),
            "employee": self.employee_name or self.employee_id.name,
            "nip": f"{nip[:4]}…{nip[-3:]}" if len(nip) > 7 else nip,
            "period": self.period_id.name,
            "signed_by": self.approved_by_id.name,
            "signed_on": self.approved_date,
            "status": dict(self._fields["state"]._description_selection(self.env))[self.state],
        }

    def _current_subperiod(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        day = min(max(today, self.date_start), self.date_end)
        frequency = self.company_id.kinerja_frequency or "month"
        return self.env["kinerja.period"].search(
            [
                ("parent_id", "=", self.period_id.id),
                ("period_type", "=", frequency),
                ("date_start", "<=", day),
                ("date_end", ">=", day),
            ],
            limit=1,
        )

    def _prepare_realizations(self, period):
        """Create the missing draft reports of these SKPs for ``period``, one per indicator."""
        skps = self.filtered(lambda s: s.state == "approved")
        existing = set(
            self.env["kinerja.realization"]
            .search([("skp_id", "in", skps.ids), ("period_id", "=", period.id)])
            .mapped("indicator_id")
            .ids
        )
        vals_list = [
            {"indicator_id": indicator.id, "period_id": period.id}
            for indicator in skps.indicator_ids
            if indicator.id not in existing
        ]
        return self.env["kinerja.realization"].create(vals_list)

    def _elapsed_share(self, day):
        """The share of this SKP's span that has passed at the end of ``day`` (0 to 1)."""
        self.ensure_one()
        total = (self.date_end - self.date_start).days + 1
        elapsed = (min(day, self.date_end) - self.date_start).days + 1
        return max(0.0, min(1.0, elapsed / total)) if total > 0 else 1.0

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
        rank_labels = dict(self.env["hr.employee"]._fields["rank"]._description_selection(self.env))
        vals = {}
        for role in SNAPSHOT_ROLES:
            # Named exception: the evaluator may not read private fields (NIP, rank) that
            # the document prints.
            person = self[f"{role}_id"].sudo()
            vals.update(
                {
                    f"{role}_name": person.name,
                    f"{role}_nip": person.nip,
                    f"{role}_rank": rank_labels.get(person.rank) if person.rank else False,
                    f"{role}_position": person.job_title or person.job_id.name,
                    f"{role}_unit": person.department_id.complete_name,
                }
            )
        return vals

    @api.model
    def _cron_escalate_approvals(self, department=None):
        """Daily: an SKP waiting for approval longer than the company's escalation delay gets
        an activity for the evaluator's supervisor, once (the reminder log's key guards it)."""
        now = fields.Datetime.now()
        domain = [("state", "=", "submitted"), ("evaluator_parent_user_id", "!=", False)]
        if department:
            domain.append(("department_id", "child_of", department.id))
        items = []
        for skp in self.sudo().search(domain):
            days = skp.company_id.kinerja_escalation_days or 7
            if not skp.submitted_date or skp.submitted_date > now - timedelta(days=days):
                continue
            items.append(
                {
                    "key": f"escalation:{skp.id}:{skp.submitted_date.isoformat()}",
                    "user_id": skp.evaluator_parent_user_id.id,
                    "purpose": "escalation",
                    "period_id": skp.period_id.id,
                    "res_model": self._name,
                    "res_id": skp.id,
                    "company_id": skp.company_id.id,
                    "summary": skp.evaluator_parent_user_id._recipient_env()._(
                        "%(skp)s has waited for the approval of %(evaluator)s since %(date)s.",
                        skp=skp.display_name,
                        evaluator=skp.evaluator_id.name,
                        date=fields.Date.to_date(skp.submitted_date),
                    ),
                }
            )
        return self.env["kinerja.reminder"]._deliver(items)

    @api.model
    def _generate_drafts(self, period, employees):
        """Create a draft SKP for each of ``employees`` that has none for ``period``."""
        existing = self.search(
            [("period_id", "=", period.id), ("employee_id", "in", employees.ids), ("state", "!=", "cancelled")]
        ).employee_id
        todo = employees - existing
        return self.create(
            [
                {"employee_id": employee.id, "period_id": period.id, "company_id": employee.company_id.id}
                for employee in todo
            ]
        )
