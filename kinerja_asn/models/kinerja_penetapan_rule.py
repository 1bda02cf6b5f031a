from odoo import fields, models

from ..tools.achievement import PREDICATES


class KinerjaPenetapanRule(models.Model):
    """One rule of the curve in a determination of predicates: its limits in people for the
    unit's size, the count and share of the predicates it counts, and whether it is broken.
    Written by the application only; a copy, so that later edits of the rules leave a
    confirmed determination as it was signed."""

    _name = "kinerja.penetapan.rule"
    _description = "Determination of Predicates: Distribution Rule"
    _order = "penetapan_id, sequence, id"

    penetapan_id = fields.Many2one("kinerja.penetapan", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    rule_id = fields.Many2one("kinerja.distribution.rule", string="Distribution Rule", ondelete="set null")
    description = fields.Char(string="Rule")
    predicate = fields.Selection(PREDICATES)
    extra_predicate = fields.Selection(PREDICATES, string="Or Predicate")
    has_minimum = fields.Boolean()
    has_maximum = fields.Boolean()
    minimum = fields.Integer(string="At Least (people)")
    maximum = fields.Integer(string="At Most (people)")
    count = fields.Integer(string="Employees")
    percent = fields.Float(string="Share (%)", digits=(16, 1))
    broken = fields.Boolean(string="Broken")
    issue = fields.Char()
    company_id = fields.Many2one(related="penetapan_id.company_id", store=True, index=True)
