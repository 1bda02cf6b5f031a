from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .kinerja_indicator import AGGREGATIONS, ASPECTS, DIRECTIONS, PERSPECTIVES


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
    target_value = fields.Float(string="Target", digits=(16, 2))
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
