from odoo import fields, models


class KinerjaEvaluationSignWizard(models.TransientModel):
    """Shown before signing evaluations that break their unit's distribution of predicates."""

    _name = "kinerja.evaluation.sign.wizard"
    _description = "Sign Evaluations Outside the Distribution"

    evaluation_ids = fields.Many2many("kinerja.evaluation", string="Evaluations")
    warning = fields.Text(readonly=True)

    def action_confirm(self):
        self.evaluation_ids.action_done(force=True)
        return {"type": "ir.actions.act_window_close"}
