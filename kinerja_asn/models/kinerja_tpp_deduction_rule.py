from odoo import api, fields, models

DEDUCTION_KINDS = [
    ("late", "Late Arrival"),
    ("early", "Early Departure"),
    ("absent", "Absent without Leave"),
    ("sanction", "Disciplinary Sanction"),
]
SANCTION_LEVELS = [("light", "Light"), ("moderate", "Moderate"), ("severe", "Severe")]


class KinerjaTppDeductionRule(models.Model):
    """One tier of the TPP deductions of the regional regulation (Perkada): a late arrival or an
    early departure of so many minutes, a missing record, a day absent without leave, or a
    disciplinary sanction, cuts the allowance by a percentage, up to a monthly cap."""

    _name = "kinerja.tpp.deduction.rule"
    _description = "TPP Deduction Rule"
    _order = "kind, sequence, min_minutes, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        index=True,
        help="Empty: the rule of every agency that has none of its own for this kind.",
    )
    kind = fields.Selection(DEDUCTION_KINDS, required=True, index=True)
    min_minutes = fields.Integer(
        string="From (minutes)", help="Late arrival or early departure: the tier starts at this many minutes."
    )
    max_minutes = fields.Integer(string="To (minutes)", help="The tier ends at this many minutes; 0 for no end.")
    no_record = fields.Boolean(
        string="Missing Record",
        help="Late arrival or early departure: the tier also applies when the check-in or check-out is missing.",
    )
    sanction_level = fields.Selection(SANCTION_LEVELS, string="Sanction Level")
    percent = fields.Float(
        string="Deduction (%)", required=True, help="Per day (attendance) or per month (sanction), of the allowance."
    )
    monthly_cap = fields.Float(string="Monthly Cap (%)", help="The most this rule deducts in a month; 0 for no cap.")

    _sql_constraints = [
        ("percent_check", "CHECK(percent >= 0 AND percent <= 100)", "A deduction is a percentage from 0 to 100."),
        (
            "cap_check",
            "CHECK(monthly_cap >= 0 AND monthly_cap <= 100)",
            "A monthly cap is a percentage from 0 to 100 (0: no cap).",
        ),
        (
            "minutes_check",
            "CHECK(min_minutes >= 0 AND max_minutes >= 0 AND (max_minutes = 0 OR max_minutes >= min_minutes))",
            "The minutes of a tier are positive and its end is not before its start.",
        ),
    ]

    @api.model
    def _rules_for(self, company):
        """The active rules of ``company``: per kind, its own, or else the shared ones."""
        # every user reads the rules (a payslip line explains its deductions)
        rules = self.search([("company_id", "in", (False, company.id))])
        own_kinds = set(rules.filtered("company_id").mapped("kind"))
        return rules.filtered(lambda r: r.company_id or r.kind not in own_kinds)

    def _tier(self, minutes, missing=False):
        """The tier of these (late or early) rules that ``minutes`` (or a missing record) fall in."""
        for rule in self:
            if missing:
                if rule.no_record:
                    return rule
                continue
            if minutes >= max(rule.min_minutes, 1) and (not rule.max_minutes or minutes <= rule.max_minutes):
                return rule
        return self.browse()
