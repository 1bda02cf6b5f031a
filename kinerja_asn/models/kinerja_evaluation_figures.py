from collections import defaultdict
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import float_compare

from ..tools.achievement import CREDIT_COEFFICIENT, CREDIT_SHARE, credit_points, months_held
from .hr_employee_base import FUNCTIONAL_LEVELS, POSITION_TYPES
from .kinerja_evaluation import DEFAULT_TZ, FOLLOW_UP_FIELDS


class KinerjaEvaluation(models.Model):
    """What a signed evaluation fixes for the employee's career and allowance: the credit
    points of a functional position (Peraturan BKN 3/2023), the TPP percentage and the
    objection deadline, counted in the agency's time zone. Live on a draft, frozen by the
    signature (they are workflow fields: only the signing and a decided objection write them)."""

    _inherit = "kinerja.evaluation"

    # The follow-up figures: a draft shows them as today's employee and settings give them; the
    # signature freezes them (and a decided objection revises them with its new predicate).
    credit_position_type = fields.Selection(
        POSITION_TYPES,
        string="Position Type (Credit)",
        compute="_compute_follow_up",
        store=True,
        help="The employee's position type: today's on a draft, the one at signing once signed.",
    )
    credit_functional_level = fields.Selection(
        FUNCTIONAL_LEVELS,
        string="Functional Level (Credit)",
        compute="_compute_follow_up",
        store=True,
        help="The functional level the credit points are converted at: today's on a draft, the one at "
        "signing once signed.",
    )
    credit_coefficient = fields.Float(
        string="Annual Coefficient",
        compute="_compute_follow_up",
        store=True,
        aggregator=None,
        help="Annual credit-point coefficient of the functional level (0 outside a functional position).",
    )
    credit_percent = fields.Float(
        string="Predicate Percentage (%)",
        compute="_compute_follow_up",
        store=True,
        aggregator=None,
        help="Share of the annual coefficient earned with the predicate: Very Good 150 %, Good 100 %, "
        "Needs Improvement 75 %, Poor 50 %, Very Poor 25 %.",
    )
    credit_months = fields.Float(
        string="Months Converted",
        compute="_compute_follow_up",
        store=True,
        aggregator=None,
        help="Months this evaluation converts: those of the SKP for an annual evaluation (an SKP of "
        "July to December converts 6), those of the period the SKP covers for a periodic one.",
    )
    credit_points = fields.Float(
        compute="_compute_follow_up",
        store=True,
        digits=(16, 3),
        aggregator=None,
        help="Credit points of a functional position: the predicate's percentage of the annual "
        "coefficient of the level, for the months converted (x months / 12).",
    )
    credit_points_counted = fields.Float(
        string="Credit Points Counted",
        readonly=True,
        copy=False,
        digits=(16, 3),
        help="The credit points this signed evaluation adds to the employee's total: an annual "
        "conversion counts for the months of its SKP; a periodic one only while no annual "
        "conversion of its SKP is signed (then it counts 0, the months being the annual one's).",
    )
    tpp_percent = fields.Float(
        string="TPP (%)",
        compute="_compute_follow_up",
        store=True,
        aggregator="avg",
        help="Share of the performance part of the regional allowance (TPP) paid for this predicate: "
        "today's setting on a draft, the one at signing once signed.",
    )

    @api.depends(
        "state",
        "predicate",
        "evaluation_type",
        "period_id",
        "skp_id.date_start",
        "skp_id.date_end",
        "employee_id.position_type",
        "employee_id.functional_level",
        "company_id.kinerja_tpp_very_good",
        "company_id.kinerja_tpp_good",
        "company_id.kinerja_tpp_needs_improvement",
        "company_id.kinerja_tpp_poor",
        "company_id.kinerja_tpp_very_poor",
    )
    def _compute_follow_up(self):
        """Live figures on a draft. A signed evaluation keeps those its signature wrote: it is
        left unassigned, which keeps the stored value (as a sale order line keeps an invoiced
        price), so a later change of the employee's level or of the settings changes nothing."""
        for evaluation in self:
            if evaluation.state == "done":
                if not evaluation.id and evaluation._origin:
                    # a signed evaluation on screen (a new record over it): the stored figures
                    evaluation.update({fname: evaluation._origin[fname] for fname in FOLLOW_UP_FIELDS})
                continue
            evaluation.update(evaluation._live_figures())

    def _evaluation_application(self):
        """Named exception (README, privileged methods): these evaluations as the application, which computes
        and writes their figures: the suggestion and result lines (from reports and results
        the evaluator may not all read), the month-end drafts, the unit head's fixed rating,
        the credit points counted across the SKP's evaluations (some signed by a former
        evaluator) and the ratings a decided objection revises on the signed evaluation (which
        the record rules let only its evaluator write). Workflow fields still go through
        ``_workflow_write``; who may trigger each of these is checked before."""
        return self.sudo()

    def _credit_months(self):
        """The months this evaluation converts into credit points: the SKP's for an annual one
        (pro rata: an SKP of July to December is 6), the part of the period the SKP covers for
        a periodic one."""
        self.ensure_one()
        skp, period = self.skp_id, self.period_id
        if not (skp and period):
            return 0.0
        if self.evaluation_type == "annual":
            return months_held(skp.date_start, skp.date_end)
        return months_held(max(period.date_start, skp.date_start), min(period.date_end, skp.date_end))

    def _live_figures(self):
        """The follow-up figures as today's employee, SKP and settings give them."""
        self.ensure_one()
        # through the org chart: the evaluator may not read the employee's private fields
        employee = self.employee_id._kinerja_org_chart()
        functional = employee.position_type == "functional"
        level = employee.functional_level if functional else False
        coefficient = CREDIT_COEFFICIENT.get(level, 0.0) if level else 0.0
        percent = CREDIT_SHARE.get(self.predicate, 0.0) * 100.0 if self.predicate else 0.0
        months = self._credit_months()
        return {
            "credit_position_type": employee.position_type or False,
            "credit_functional_level": level,
            "credit_coefficient": coefficient,
            "credit_percent": percent,
            "credit_months": months,
            "credit_points": credit_points(percent, coefficient, months),
            "tpp_percent": self.company_id._kinerja_tpp_map().get(self.predicate, 0.0) if self.predicate else 0.0,
        }

    def _freeze_figures(self, revised=False):
        """Write the figures of these signed evaluations, as the signature (or, ``revised``, a
        decided objection) sets them: the live figures at signing and the objection deadline;
        a decided objection keeps the level, coefficient, months and deadline of the signature
        and converts the revised predicate. Then the credit points counted, for their SKPs."""
        for evaluation in self:
            figures = evaluation._live_figures()
            if revised:
                figures = {
                    "credit_percent": figures["credit_percent"],
                    "credit_points": credit_points(
                        figures["credit_percent"], evaluation.credit_coefficient, evaluation.credit_months
                    ),
                    "tpp_percent": figures["tpp_percent"],
                }
            else:
                days = evaluation.company_id.kinerja_objection_days or 14
                figures["objection_deadline"] = evaluation._kinerja_local_date(evaluation.done_date) + timedelta(
                    days=days
                )
            evaluation._workflow_write(figures)
        self._count_credit_points()

    def _count_credit_points(self):
        """Set the credit points counted of the signed evaluations of these evaluations' SKPs
        (DOMAIN.md, credit points): an annual conversion counts for the months of its SKP; a
        periodic one counts only while its SKP has no signed annual conversion, which covers
        its months. So no total adds the periodic and the annual points of the same months."""
        # the earlier evaluations of the SKP may have been signed by a former evaluator, whom
        # the record rules follow; the counting covers them all
        signed = self._evaluation_application().skp_id.evaluation_ids.filtered(lambda e: e.state == "done")
        with_annual = signed.filtered(lambda e: e.evaluation_type == "annual").skp_id
        changes = defaultdict(list)
        for evaluation in signed:
            counted = evaluation.credit_points
            if evaluation.evaluation_type == "periodic" and evaluation.skp_id in with_annual:
                counted = 0.0
            if float_compare(counted, evaluation.credit_points_counted, precision_digits=6):
                changes[counted].append(evaluation.id)
        for counted, ids in changes.items():
            signed.browse(ids)._workflow_write({"credit_points_counted": counted})

    def _kinerja_tz(self):
        """The agency's time zone, in which its days (the objection period) are counted: the
        company's, else the signer's, else Western Indonesia (WIB)."""
        self.ensure_one()
        # the employee objecting may not read the signer's preferences
        evaluation = self._workflow_people()
        name = evaluation.company_id.partner_id.tz or evaluation.done_by_id.tz or DEFAULT_TZ
        try:
            return pytz.timezone(name)
        except pytz.UnknownTimeZoneError:
            return pytz.timezone(DEFAULT_TZ)

    def _kinerja_local_date(self, moment=None):
        """The agency's date at ``moment`` (a UTC datetime, by default now)."""
        moment = fields.Datetime.to_datetime(moment) or fields.Datetime.now()
        return pytz.utc.localize(moment).astimezone(self._kinerja_tz()).date()
