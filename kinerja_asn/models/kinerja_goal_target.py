from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KinerjaGoalTarget(models.Model):
    """A target of an organisation goal on a library indicator (e.g. IDL coverage 95 %)."""

    _name = "kinerja.goal.target"
    _description = "Organisation Goal Target"
    _order = "goal_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    goal_id = fields.Many2one("kinerja.goal", required=True, ondelete="cascade", index=True)
    indicator_id = fields.Many2one("kinerja.indicator", string="Indicator", required=True, check_company=True)
    target_value = fields.Float(string="Target", digits=(16, 2))
    unit_label = fields.Char(related="indicator_id.unit_label", string="Unit")
    direction = fields.Selection(related="indicator_id.direction")
    company_id = fields.Many2one(related="goal_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "indicator_goal_uniq",
            "unique(goal_id, indicator_id)",
            "A goal has one target per indicator.",
        ),
    ]

    @api.constrains("target_value", "indicator_id")
    def _check_target_value(self):
        for target in self:
            if target.indicator_id.aspect == "quantity" and target.target_value <= 0:
                raise ValidationError(
                    self.env._(
                        "The target of %(indicator)s in goal %(goal)s must be greater than zero.",
                        indicator=target.indicator_id.display_name,
                        goal=target.goal_id.display_name,
                    )
                )
