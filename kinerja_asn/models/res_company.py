from odoo import api, fields, models

from ..tools.achievement import ORG_RATING_KEYS, PREDICATE_KEYS, RATINGS


class ResCompany(models.Model):
    _inherit = "res.company"

    kinerja_frequency = fields.Selection(
        [("month", "Monthly"), ("quarter", "Quarterly"), ("semester", "Half-yearly")],
        string="Evaluation Frequency",
        default="month",
        required=True,
        help="Sub-periods of each year: realisation is reported and periodic evaluations are made once per sub-period.",
    )
    kinerja_plan_deadline_days = fields.Integer(
        string="SKP Planning Deadline (days)",
        default=31,
        help="Days after the start of the year by which SKPs must be approved (31 = end of January).",
    )
    kinerja_report_deadline_days = fields.Integer(
        string="Realisation Deadline (days)",
        default=5,
        help="Days after the end of a sub-period by which realisation must be reported.",
    )
    kinerja_evaluation_deadline_days = fields.Integer(
        string="Evaluation Deadline (days)",
        default=15,
        help="Days after the end of a sub-period by which the evaluator must evaluate.",
    )
    kinerja_achievement_cap = fields.Float(
        string="Achievement Cap (%)",
        default=120.0,
        help="Achievement of an indicator is capped at this percentage.",
    )
    kinerja_threshold_above = fields.Float(
        string="Above Expectation From (%)",
        default=110.0,
        help="Suggested work-result rating: achievement at or above this is 'above expectation'.",
    )
    kinerja_threshold_meets = fields.Float(
        string="Meets Expectation From (%)",
        default=85.0,
        help="Suggested work-result rating: achievement at or above this (and below the "
        "previous threshold) meets expectation; below it is 'below expectation'.",
    )
    kinerja_annual_rule = fields.Selection(
        [
            ("last", "Last periodic evaluation"),
            ("most_frequent", "Most frequent periodic rating"),
            ("average", "Average achievement of the year"),
        ],
        string="Annual Suggestion Rule",
        default="average",
        required=True,
    )
    kinerja_distribution_blocking = fields.Boolean(
        string="Block Signing Outside the Distribution",
        help="When set, an evaluation that breaks the unit's predicate distribution cannot be "
        "signed; otherwise the evaluator is only warned.",
    )
    kinerja_distribution_rounding = fields.Selection(
        [
            ("literal", "As written: a minimum rounds up, a maximum rounds down"),
            ("lenient", "In the employees' favour: a minimum rounds down, a maximum rounds up"),
        ],
        string="Rounding of the Distribution",
        default="literal",
        required=True,
        help="How the percentages of the distribution rules become numbers of people in a small unit. "
        "As written, 'at least 60 %' of 4 people is 3 and 'at most 70 %' of 4 is 2; in the "
        "employees' favour it is 2 and 3.",
    )
    kinerja_objection_days = fields.Integer(
        string="Objection Period (days)",
        default=14,
        help="Days after an evaluation is signed during which the employee may object.",
    )
    kinerja_escalation_days = fields.Integer(
        string="Escalate Approvals After (days)",
        default=7,
        help="An approval pending longer than this is escalated to the evaluator's supervisor.",
    )
    kinerja_next_year_days = fields.Integer(
        string="Create Next Year (days before)",
        default=30,
        help="Days before the end of a year when next year's periods are created.",
    )
    kinerja_reminder_days = fields.Integer(
        string="Remind Before Deadline (days)",
        default=3,
    )
    kinerja_evidence_max_size = fields.Integer(
        string="Evidence Max Size (MB)",
        default=10,
    )
    kinerja_evidence_extensions = fields.Char(
        string="Evidence File Types",
        default="pdf,jpg,jpeg,png,doc,docx,xls,xlsx,ppt,pptx,odt,ods,csv,txt,zip",
        help="Comma-separated file extensions accepted as evidence.",
    )

    kinerja_org_rating_outstanding = fields.Selection(
        RATINGS,
        string="Unit Rated Outstanding",
        default="above",
        required=True,
        help="Work-result rating of the head of a unit whose organisation predicate is Outstanding: set by "
        "it, not a suggestion (SE MenPANRB 3/2023).",
    )
    kinerja_org_rating_good = fields.Selection(RATINGS, string="Unit Rated Good", default="meets", required=True)
    kinerja_org_rating_needs_improvement = fields.Selection(
        RATINGS, string="Unit Rated Needs Improvement", default="below", required=True
    )
    kinerja_org_rating_poor = fields.Selection(RATINGS, string="Unit Rated Poor", default="below", required=True)
    kinerja_org_rating_very_poor = fields.Selection(
        RATINGS, string="Unit Rated Very Poor", default="below", required=True
    )
    kinerja_tpp_very_good = fields.Float(string="TPP for Very Good (%)", default=100.0)
    kinerja_tpp_good = fields.Float(string="TPP for Good (%)", default=100.0)
    kinerja_tpp_needs_improvement = fields.Float(string="TPP for Needs Improvement (%)", default=80.0)
    kinerja_tpp_poor = fields.Float(string="TPP for Poor (%)", default=60.0)
    kinerja_tpp_very_poor = fields.Float(string="TPP for Very Poor (%)", default=40.0)

    _sql_constraints = [
        (
            "kinerja_thresholds_check",
            "CHECK(kinerja_threshold_meets <= kinerja_threshold_above)",
            "The 'meets expectation' threshold cannot be above the 'above expectation' threshold.",
        ),
        (
            "kinerja_deadlines_check",
            "CHECK(kinerja_plan_deadline_days >= 0 AND kinerja_report_deadline_days >= 0 "
            "AND kinerja_evaluation_deadline_days >= 0 AND kinerja_objection_days > 0 "
            "AND kinerja_escalation_days > 0 AND kinerja_reminder_days >= 0 AND kinerja_next_year_days >= 0 "
            "AND kinerja_evidence_max_size > 0 AND kinerja_achievement_cap >= 100)",
            "Deadlines and reminders cannot be negative, the objection and escalation periods "
            "and the evidence size must be positive, and the achievement cap must be at least "
            "100%.",
        ),
    ]

    def _kinerja_org_rating_map(self):
        """Organisation predicate -> work-result rating of the unit's head."""
        self.ensure_one()
        return {key: self[f"kinerja_org_rating_{key}"] for key in ORG_RATING_KEYS}

    def _kinerja_tpp_map(self):
        """Predicate -> share of the performance part of TPP paid (%)."""
        self.ensure_one()
        return {key: self[f"kinerja_tpp_{key}"] for key in PREDICATE_KEYS}

    @api.model
    def _kinerja_evidence_extensions(self):
        """The allowed evidence extensions of the current company, lower case, without dots."""
        raw = self.env.company.kinerja_evidence_extensions or ""
        return {ext.strip().lower().lstrip(".") for ext in raw.split(",") if ext.strip()}
