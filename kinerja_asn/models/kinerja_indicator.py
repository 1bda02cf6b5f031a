from odoo import api, fields, models

ASPECTS = [
    ("quantity", "Quantity"),
    ("quality", "Quality"),
    ("time", "Time"),
    ("cost", "Cost"),
]
PERSPECTIVES = [
    ("stakeholder", "Stakeholder Perspective"),
    ("customer", "Customer Perspective"),
    ("internal_process", "Internal Process Perspective"),
    ("learning_growth", "Learning and Growth Perspective"),
    ("budget", "Budget Perspective"),
]
DIRECTIONS = [("higher", "Higher is better"), ("lower", "Lower is better")]
AGGREGATIONS = [
    ("sum", "Sum"),
    ("average", "Average"),
    ("last", "Last value"),
    ("max", "Maximum"),
]


class KinerjaIndicator(models.Model):
    _name = "kinerja.indicator"
    _description = "Performance Indicator"
    _inherit = ["mail.thread"]
    _order = "code, name"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    description = fields.Text(help="How the indicator is measured and what counts as evidence.")
    aspect = fields.Selection(ASPECTS, required=True, default="quantity", tracking=True)
    perspective = fields.Selection(
        PERSPECTIVES,
        help="For senior executives (JPT), the balanced-scorecard perspective of the indicator.",
    )
    direction = fields.Selection(DIRECTIONS, required=True, default="higher", tracking=True)
    aggregation = fields.Selection(
        AGGREGATIONS,
        required=True,
        default="sum",
        tracking=True,
        help="How the values reported per sub-period combine into the realisation of the "
        "year: a count of services adds up (sum), a coverage rate is averaged or the last "
        "value counts.",
    )
    unit_label = fields.Char(string="Unit", help="e.g. people, documents, %, days")
    allow_negative = fields.Boolean(
        string="Allow Negative Values",
        help="Whether realisation values below zero are meaningful for this indicator.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        check_company=True,
        help="Departments for which the indicator is proposed; empty means all.",
    )
    job_ids = fields.Many2many(
        "hr.job",
        string="Job Positions",
        check_company=True,
        help="Job positions for which the indicator is proposed; empty means all.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "An indicator with this code already exists in this company: choose another code.",
        ),
    ]

    @api.depends("name", "code")
    def _compute_display_name(self):
        for indicator in self:
            indicator.display_name = f"[{indicator.code}] {indicator.name}" if indicator.code else indicator.name

    @api.model
    def _applicable_domain(self, employee):
        """Indicators proposed for ``employee``: those of his department and job, or general."""
        return [
            ("company_id", "=", employee.company_id.id),
            "|",
            ("department_ids", "=", False),
            ("department_ids", "in", employee.department_id.ids),
            "|",
            ("job_ids", "=", False),
            ("job_ids", "in", employee.job_id.ids),
        ]
