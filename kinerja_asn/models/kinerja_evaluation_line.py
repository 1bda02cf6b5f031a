from odoo import api, fields, models
from odoo.exceptions import UserError


class KinerjaEvaluationLine(models.Model):
    """The evaluator's feedback on one work result (with its achievement) or one core value
    of an evaluation."""

    _name = "kinerja.evaluation.line"
    _description = "Evaluation Feedback Line"
    _order = "evaluation_id, line_type desc, id"

    evaluation_id = fields.Many2one("kinerja.evaluation", required=True, ondelete="cascade", index=True)
    line_type = fields.Selection([("result", "Work Result"), ("behavior", "Core Value")], required=True)
    result_id = fields.Many2one("kinerja.skp.result", string="Work Result", ondelete="restrict")
    behavior_id = fields.Many2one("kinerja.skp.behavior", string="SKP Core Value", ondelete="restrict")
    core_value_id = fields.Many2one(related="behavior_id.core_value_id")
    expectation = fields.Text(related="behavior_id.expectation")
    achievement = fields.Float(string="Achievement (%)", readonly=True)
    feedback = fields.Text()
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True, index=True)

    @api.depends("result_id", "core_value_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = (line.result_id.name or line.core_value_id.name or "").split("\n")[0]

    def write(self, vals):
        if not self.env.su:
            for evaluation in self.evaluation_id:
                if evaluation.state == "done":
                    raise UserError(
                        self.env._("%s is signed: its feedback can no longer change.", evaluation.display_name)
                    )
                evaluation._check_evaluator()
            if set(vals) - {"feedback"}:
                raise UserError(self.env._("Only the feedback of an evaluation line can be changed."))
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(self.env._("Evaluation lines come from the SKP: they are not added by hand."))
        return super().create(vals_list)

    def unlink(self):
        if not self.env.su:
            raise UserError(self.env._("Evaluation lines come from the SKP: they are not removed by hand."))
        return super().unlink()
