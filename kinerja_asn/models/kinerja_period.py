from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import date_utils, format_date

# Months per sub-period for each evaluation frequency of the company.
FREQUENCY_MONTHS = {"month": 1, "quarter": 3, "semester": 6}
ROMAN = ["I", "II", "III", "IV"]


class KinerjaPeriod(models.Model):
    _name = "kinerja.period"
    _description = "Performance Period"
    _inherit = ["mail.thread"]
    _order = "date_start desc, period_type"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    period_type = fields.Selection(
        [("year", "Year"), ("semester", "Semester"), ("quarter", "Quarter"), ("month", "Month")],
        string="Type",
        required=True,
        default="year",
    )
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    parent_id = fields.Many2one(
        "kinerja.period",
        string="Year",
        ondelete="cascade",
        index=True,
        check_company=True,
        domain="[('period_type', '=', 'year')]",
    )
    child_ids = fields.One2many("kinerja.period", "parent_id", string="Sub-periods")
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    plan_deadline = fields.Date(
        string="SKP Deadline",
        help="Date by which the year's SKPs must be approved.",
    )
    report_deadline = fields.Date(
        string="Realisation Deadline",
        help="Last day to report realisation for this period.",
    )
    evaluation_deadline = fields.Date(
        string="Evaluation Deadline",
        help="Last day for evaluators to evaluate this period.",
    )
    year = fields.Integer(string="Calendar Year", compute="_compute_year", store=True)
    child_count = fields.Integer(compute="_compute_child_count", string="Sub-period Count")
    is_current = fields.Boolean(compute="_compute_is_current", search="_search_is_current", string="Current")

    # ------------------------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------------------------
    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for period in self:
            if period.date_start > period.date_end:
                raise ValidationError(
                    self.env._(
                        "Period %(period)s ends (%(end)s) before it starts (%(start)s): swap the dates.",
                        period=period.name,
                        start=period.date_start,
                        end=period.date_end,
                    )
                )

    @api.constrains("date_start", "date_end", "period_type", "company_id")
    def _check_overlap(self):
        for period in self:
            overlapping = self.search(
                [
                    ("id", "!=", period.id),
                    ("company_id", "=", period.company_id.id),
                    ("period_type", "=", period.period_type),
                    ("date_start", "<=", period.date_end),
                    ("date_end", ">=", period.date_start),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "Period %(period)s (%(start)s to %(end)s) overlaps %(other)s "
                        "(%(other_start)s to %(other_end)s) of the same type: change its dates.",
                        period=period.name,
                        start=period.date_start,
                        end=period.date_end,
                        other=overlapping.name,
                        other_start=overlapping.date_start,
                        other_end=overlapping.date_end,
                    )
                )

    @api.constrains("parent_id", "period_type", "date_start", "date_end")
    def _check_parent(self):
        for period in self:
            if period.period_type == "year":
                if period.parent_id:
                    raise ValidationError(self.env._("A year cannot belong to another period (%s).", period.name))
                continue
            parent = period.parent_id
            if not parent:
                raise ValidationError(self.env._("Sub-period %s must belong to a year: set its year.", period.name))
            if period.date_start < parent.date_start or period.date_end > parent.date_end:
                raise ValidationError(
                    self.env._(
                        "Sub-period %(period)s (%(start)s to %(end)s) must lie within its year "
                        "%(year)s (%(year_start)s to %(year_end)s).",
                        period=period.name,
                        start=period.date_start,
                        end=period.date_end,
                        year=parent.name,
                        year_start=parent.date_start,
                        year_end=parent.date_end,
                    )
                )

    # ------------------------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------------------------
    @api.depends("date_start")
    def _compute_year(self):
        for period in self:
            period.year = period.date_start.year if period.date_start else 0

    @api.depends("child_ids")
    def _compute_child_count(self):
        for period in self:
            period.child_count = len(period.child_ids)

    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for period in self:
            period.is_current = period.date_start <= today <= period.date_end

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'Current'."))
        today = fields.Date.context_today(self)
        domain = [("date_start", "<=", today), ("date_end", ">=", today)]
        if (operator == "=") != value:
            return ["!", "&", *domain]
        return domain

    @api.onchange("parent_id")
    def _onchange_parent_id(self):
        if self.parent_id:
            self.company_id = self.parent_id.company_id

    # ------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------
    def unlink(self):
        if any(period.state != "draft" for period in self):
            raise UserError(self.env._("Only draft periods can be deleted; close the period instead."))
        return super().unlink()

    # ------------------------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------------------------
    def action_open(self):
        for period in self:
            if period.state == "open":
                continue
            if period.parent_id and period.parent_id.state != "open":
                raise UserError(
                    self.env._(
                        "Open the year %(year)s before its sub-period %(period)s.",
                        year=period.parent_id.name,
                        period=period.name,
                    )
                )
        self.filtered(lambda p: p.state != "open").write({"state": "open"})
        return True

    def action_close(self):
        # Closing a year closes the sub-periods still open.
        to_close = (self | self.child_ids).filtered(lambda p: p.state != "closed")
        to_close.write({"state": "closed"})
        return True

    def action_reopen(self):
        for period in self:
            if period.parent_id and period.parent_id.state == "closed":
                raise UserError(
                    self.env._(
                        "The year %(year)s is closed: reopen it before %(period)s.",
                        year=period.parent_id.name,
                        period=period.name,
                    )
                )
        self.filtered(lambda p: p.state == "closed").write({"state": "open"})
        return True

    def action_generate_subperiods(self):
        """Create the missing sub-periods of each year by its company's evaluation frequency.

        Idempotent: sub-periods that already exist (same type and start) are kept as they are.
        """
        vals_list = []
        for year in self:
            if year.period_type != "year":
                raise UserError(self.env._("Only a year can be split into sub-periods (%s).", year.name))
            vals_list += year._subperiod_values()
        return self.create(vals_list)

    def action_view_subperiods(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_period_action")
        action.update(
            name=self.env._("Sub-periods of %s", self.name),
            domain=[("parent_id", "=", self.id)],
            context={"default_parent_id": self.id, "default_company_id": self.company_id.id},
        )
        return action

    # ------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------
    def _subperiod_values(self):
        self.ensure_one()
        company = self.company_id
        frequency = company.kinerja_frequency or "month"
        step = relativedelta(months=FREQUENCY_MONTHS[frequency])
        existing = set(self.child_ids.filtered(lambda p: p.period_type == frequency).mapped("date_start"))
        # named in the agency's language, also when a scheduled action creates them
        named = self.with_context(lang=company.partner_id.lang or self.env.lang)
        vals_list = []
        for index, start in enumerate(date_utils.date_range(self.date_start, self.date_end, step)):
            end = min(start + step - timedelta(days=1), self.date_end)
            if start not in existing:
                vals_list.append(
                    {
                        "name": named._subperiod_name(frequency, start, index),
                        "period_type": frequency,
                        "date_start": start,
                        "date_end": end,
                        "parent_id": self.id,
                        "company_id": company.id,
                        "report_deadline": end + timedelta(days=company.kinerja_report_deadline_days),
                        "evaluation_deadline": end + timedelta(days=company.kinerja_evaluation_deadline_days),
                    }
                )
        return vals_list

    def _subperiod_name(self, frequency, start, index):
        if frequency == "month":
            return format_date(self.env, start, date_format="MMMM y")
        if frequency == "quarter":
            return self.env._("Quarter %(number)s %(year)s", number=ROMAN[index], year=start.year)
        return self.env._("Semester %(number)s %(year)s", number=ROMAN[index], year=start.year)

    @api.model
    def _create_year(self, year, company=None, subperiods=True):
        """Return the year period of ``year`` for ``company``, creating it (and its
        sub-periods) when missing."""
        if isinstance(company, int):
            company = self.env["res.company"].browse(company)
        company = company or self.env.company
        period = self.search(
            [("company_id", "=", company.id), ("period_type", "=", "year"), ("year", "=", year)],
            limit=1,
        )
        if not period:
            start = date(year, 1, 1)
            period = self.create(
                {
                    "name": str(year),
                    "period_type": "year",
                    "date_start": start,
                    "date_end": date(year, 12, 31),
                    "company_id": company.id,
                    "plan_deadline": start + timedelta(days=company.kinerja_plan_deadline_days - 1),
                }
            )
        if subperiods:
            period.action_generate_subperiods()
        return period

    @api.model
    def _update_states(self, today=None):
        """Open the periods that have started and close the sub-periods whose deadlines have
        passed. Safe to run again: only records whose state must change are written."""
        today = today or fields.Date.context_today(self)
        started = self.search([("state", "=", "draft"), ("date_start", "<=", today)])
        years = started.filtered(lambda p: p.period_type == "year")
        years.write({"state": "open"})
        (started - years).filtered(lambda p: p.parent_id.state == "open").write({"state": "open"})
        self.search(
            [
                ("state", "=", "open"),
                ("period_type", "!=", "year"),
                ("report_deadline", "<", today),
                ("evaluation_deadline", "<", today),
            ]
        ).write({"state": "closed"})
        return True

    @api.model
    def _cron_update_periods(self):
        """Daily: open the periods that started, close those whose deadlines passed, and create
        next year's periods (with their sub-periods) the configured number of days before the
        year ends. Running it again the same day changes nothing."""
        today = fields.Date.context_today(self)
        self._update_states(today)
        for company in self.env["res.company"].search([]):
            year_end = date(today.year, 12, 31)
            if today >= year_end - timedelta(days=company.kinerja_next_year_days):
                self._create_year(today.year + 1, company)
        self.env["ir.cron"]._notify_progress(done=1, remaining=0)
        return True

    @api.model
    def _find(self, day, period_type="year", company=None):
        """The period of ``period_type`` containing ``day`` for ``company`` (or empty)."""
        company = company or self.env.company
        return self.search(
            [
                ("company_id", "=", company.id),
                ("period_type", "=", period_type),
                ("date_start", "<=", day),
                ("date_end", ">=", day),
            ],
            limit=1,
        )
