from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from ..tools.achievement import achievement
from .kinerja_indicator import AGGREGATIONS, ASPECTS, DIRECTIONS, PERSPECTIVES


def _elapsed_share(date_start, date_end, day):
    """The share of the span from ``date_start`` to ``date_end`` passed at the end of ``day``
    (as kinerja.skp._elapsed_share)."""
    total = (date_end - date_start).days + 1
    elapsed = (min(day, date_end) - date_start).days + 1
    return max(0.0, min(1.0, elapsed / total)) if total > 0 else 1.0


class KinerjaSkpIndicator(models.Model):
    """Indikator Kinerja Individu (IKI): how a work result is measured, with its target."""

    _name = "kinerja.skp.indicator"
    _description = "Individual Performance Indicator (IKI)"
    _inherit = ["kinerja.skp.content.mixin"]
    _order = "result_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    result_id = fields.Many2one(
        "kinerja.skp.result", string="Work Result", required=True, ondelete="cascade", index=True
    )
    skp_id = fields.Many2one(related="result_id.skp_id", store=True, index=True, string="SKP")
    indicator_id = fields.Many2one(
        "kinerja.indicator",
        string="Library Indicator",
        check_company=True,
        help="Optional link to the agency's indicator library; it fills the measurement rules.",
    )
    name = fields.Text(string="Indicator", required=True)
    aspect = fields.Selection(ASPECTS, default="quantity")
    perspective = fields.Selection(PERSPECTIVES)
    # Targets and realisation of different indicators are in different units (reports,
    # percent, days): never summed in grouped lists; the achievement (%) is averaged instead.
    target_value = fields.Float(string="Target", digits=(16, 2), aggregator=None)
    unit_label = fields.Char(string="Unit")
    target_text = fields.Text(
        string="Expectation",
        help="For the qualitative approach: the expected result, in words.",
    )
    direction = fields.Selection(DIRECTIONS, required=True, default="higher")
    aggregation = fields.Selection(AGGREGATIONS, required=True, default="sum")
    approach = fields.Selection(related="skp_id.approach")
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True)
    period_id = fields.Many2one(related="skp_id.period_id", store=True)
    state = fields.Selection(related="skp_id.state", store=True, string="SKP Status")
    company_id = fields.Many2one(related="skp_id.company_id", store=True, index=True)
    user_id = fields.Many2one(related="skp_id.user_id", string="User")
    evaluator_id = fields.Many2one(related="skp_id.evaluator_id")
    department_id = fields.Many2one(related="skp_id.department_id", store=True, index=True)
    goal_id = fields.Many2one(related="result_id.root_goal_id", string="Organisation Goal")
    realization_ids = fields.One2many("kinerja.realization", "skp_indicator_id", string="Realisation Reports")
    realized_value = fields.Float(
        string="Realisation",
        digits=(16, 2),
        compute="_compute_realization",
        store=True,
        aggregator=None,
        help="The accepted realisation so far, combined by the indicator's aggregation.",
    )
    achievement = fields.Float(
        string="Achievement (%)",
        compute="_compute_realization",
        store=True,
        aggregator="avg",
        help="Accepted realisation against the target, in the indicator's direction, capped as set in Settings.",
    )
    reported_count = fields.Integer(
        compute="_compute_realization",
        store=True,
        aggregator=None,
        string="Periods Reported",
        help="Sub-periods with a submitted or accepted realisation report.",
    )
    last_reported_date = fields.Date(
        compute="_compute_realization",
        store=True,
        string="Reported Up To",
        help="Start of the latest sub-period with a submitted or accepted report.",
    )
    pending_count = fields.Integer(compute="_compute_realization", store=True, string="Waiting for Review")
    is_report_missing = fields.Boolean(
        compute="_compute_is_report_missing",
        search="_search_is_report_missing",
        string="Report Missing",
        help="No report yet for the last sub-period whose reporting deadline has passed.",
    )

    @api.depends(
        "target_value",
        "direction",
        "aggregation",
        "realization_ids.state",
        "realization_ids.value",
        "realization_ids.period_date_start",
    )
    def _compute_realization(self):
        figures = self._realization_figures()
        for indicator in self:
            values = figures.get(indicator.id, {})
            indicator.realized_value = values.get("realized", 0.0)
            indicator.achievement = values.get("achievement", 0.0)
            indicator.reported_count = values.get("reported", 0)
            indicator.last_reported_date = values.get("last_date", False)
            indicator.pending_count = values.get("pending", 0)

    @api.depends_context("uid")
    @api.depends("last_reported_date", "state", "skp_id.date_start", "skp_id.date_end")
    def _compute_is_report_missing(self):
        due = self._due_periods()
        for indicator in self:
            period = due.get(indicator.company_id.id)
            skp = indicator.skp_id
            indicator.is_report_missing = bool(
                indicator.state == "approved"
                and period
                and skp.date_start
                and skp.date_end
                and skp.date_start <= period["date_end"]
                and skp.date_end >= period["date_start"]
                and (not indicator.last_reported_date or indicator.last_reported_date < period["date_start"])
            )

    def _search_is_report_missing(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'Report Missing'."))
        branches = [
            [
                ("company_id", "=", company_id),
                ("state", "=", "approved"),
                ("skp_id.date_start", "<=", period["date_end"]),
                ("skp_id.date_end", ">=", period["date_start"]),
                "|",
                ("last_reported_date", "=", False),
                ("last_reported_date", "<", period["date_start"]),
            ]
            for company_id, period in self._due_periods().items()
        ]
        domain = expression.OR(branches) if branches else expression.FALSE_DOMAIN
        if (operator == "=") != value:
            return ["!", *expression.normalize_domain(domain)]
        return domain

    @api.model
    def _due_periods(self):
        """Per company, the dates of the last sub-period (of the company's evaluation
        frequency) whose realisation deadline has passed: a report is missing only from the
        day after that deadline (the sub-period's end when it has no deadline), never while
        the employee may still report. One query for all companies."""
        today = fields.Date.context_today(self)
        companies = self.env.companies
        Period = self.env["kinerja.period"]
        branches = [
            [
                ("company_id", "=", company.id),
                ("period_type", "=", company.kinerja_frequency or "month"),
                "|",
                ("report_deadline", "<", today),
                "&",
                ("report_deadline", "=", False),
                ("date_end", "<", today),
            ]
            for company in companies
        ]
        due = {}
        periods = Period.search_fetch(
            expression.OR(branches), ["company_id", "date_start", "date_end"], order="date_start desc"
        )
        for period in periods:
            due.setdefault(period.company_id.id, {"date_start": period.date_start, "date_end": period.date_end})
        return due

    def _realization_figures(self, period=None, prorate=False):
        """Realisation and achievement of each indicator from its accepted reports, in one query.

        ``period``: only reports of sub-periods up to this one (the evaluation of a period).
        ``prorate``: compare sums with the share of the target due by the end of ``period``
        rather than with the whole year's target (a month's evaluation of a yearly count).
        """
        until = period.date_start if period else None
        ids = [i for i in self.ids if i]
        if not ids:
            return {}
        # What each indicator is measured by comes with its reports, which the database
        # aggregates: through the ORM, record by record, a month's batch costs far more.
        self.flush_model(["target_value", "direction", "aggregation", "skp_id", "company_id"])
        self.env["kinerja.skp"].flush_model(["date_start", "date_end"])
        self.env["res.company"].flush_model(["kinerja_achievement_cap"])
        self.env["kinerja.realization"].flush_model(["skp_indicator_id", "state", "value", "period_date_start"])
        self.env.cr.execute(
            """
            SELECT i.id, i.target_value::float, i.direction, i.aggregation, c.kinerja_achievement_cap,
                   s.date_start, s.date_end,
                   count(r.id), count(r.id) FILTER (WHERE r.state = 'submitted'), max(r.period_date_start),
                   count(r.id) FILTER (WHERE r.state = 'accepted'),
                   CASE i.aggregation
                        WHEN 'sum' THEN sum(COALESCE(r.value, 0)) FILTER (WHERE r.state = 'accepted')
                        WHEN 'average' THEN avg(COALESCE(r.value, 0)) FILTER (WHERE r.state = 'accepted')
                        WHEN 'max' THEN max(COALESCE(r.value, 0)) FILTER (WHERE r.state = 'accepted')
                        ELSE (array_agg(COALESCE(r.value, 0) ORDER BY r.period_date_start DESC, r.id DESC)
                              FILTER (WHERE r.state = 'accepted'))[1]
                   END::float
              FROM kinerja_skp_indicator i
              LEFT JOIN kinerja_skp s ON s.id = i.skp_id
              LEFT JOIN res_company c ON c.id = i.company_id
              LEFT JOIN kinerja_realization r
                     ON r.skp_indicator_id = i.id
                    AND r.state IN ('submitted', 'accepted')
                    AND (%s::date IS NULL OR r.period_date_start <= %s::date)
             WHERE i.id = ANY(%s)
          GROUP BY i.id, c.kinerja_achievement_cap, s.date_start, s.date_end
            """,
            [until, until, ids],
        )
        figures = {}
        for row in self.env.cr.fetchall():
            indicator_id, target, direction, aggregation, cap, start, end = row[:7]
            reported, pending, last_date, accepted, realized = row[7:]
            target = target or 0.0
            realized = realized or 0.0
            if prorate and period and aggregation == "sum":
                target *= _elapsed_share(start, end, period.date_end)
            figures[indicator_id] = {
                "realized": realized,
                "achievement": achievement(realized, target, direction, cap or 100.0) if accepted else 0.0,
                "reported": reported,
                "last_date": last_date or False,
                "pending": pending,
                "accepted": accepted,
            }
        return figures

    def action_view_realizations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_realization_action_related")
        action.update(
            name=self.env._("Realisation of “%s”", self.display_name),
            domain=[("skp_indicator_id", "=", self.id)],
            context={"default_skp_indicator_id": self.id},
        )
        return action

    def action_give_feedback(self):
        """Feedback on the indicator's work result, for the current sub-period."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        frequency = self.company_id.kinerja_frequency or "month"
        period = self.env["kinerja.period"]._find(today, frequency, self.company_id)
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_feedback_action")
        action.update(
            name=self.env._("Feedback to %s", self.employee_id.name),
            view_mode="form",
            views=[(False, "form")],
            context={
                "default_skp_id": self.skp_id.id,
                "default_result_id": self.result_id.id,
                "default_period_id": period.parent_id == self.period_id and period.id,
            },
        )
        return action

    @api.depends("name")
    def _compute_display_name(self):
        for indicator in self:
            indicator.display_name = (indicator.name or "").splitlines()[0] if indicator.name else ""

    @api.onchange("indicator_id")
    def _onchange_indicator_id(self):
        library = self.indicator_id
        if library:
            self.name = self.name or library.name
            self.aspect = library.aspect
            self.perspective = library.perspective
            self.direction = library.direction
            self.aggregation = library.aggregation
            self.unit_label = library.unit_label

    @api.constrains("target_value", "aspect", "result_id")
    def _check_target(self):
        for indicator in self:
            if indicator.skp_id.approach != "quantitative":
                continue
            if indicator.aspect == "quantity" and indicator.target_value <= 0:
                raise ValidationError(
                    self.env._(
                        "The quantity target of “%(indicator)s” must be greater than zero (got %(value)s).",
                        indicator=indicator.name,
                        value=indicator.target_value,
                    )
                )
            if indicator.target_value < 0:
                raise ValidationError(self.env._("The target of “%s” cannot be negative.", indicator.name))

    @api.constrains("unit_label", "result_id")
    def _check_unit_label(self):
        for indicator in self:
            if indicator.skp_id.approach == "quantitative" and not (indicator.unit_label or "").strip():
                raise ValidationError(
                    self.env._(
                        "Give the unit of the indicator “%s” (e.g. documents, children, %%): a "
                        "quantitative target is a number of something.",
                        indicator.name,
                    )
                )
