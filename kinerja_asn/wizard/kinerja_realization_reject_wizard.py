from odoo import fields, models


class KinerjaRealizationRejectWizard(models.TransientModel):
    _name = "kinerja.realization.reject.wizard"
    _description = "Reject Realisation Reports"

    realization_ids = fields.Many2many(
        "kinerja.realization",
        string="Reports",
        default=lambda self: self.env.context.get("active_ids", []),
    )
    feedback = fields.Text(
        help="What the employee must fix. Leave empty to send the feedback already written on each report.",
    )

    def action_confirm(self):
        """Reject, then confirm it to the evaluator and close the dialog (the screen behind it
        reloads)."""
        return self.realization_ids.action_reject(feedback=self.feedback)
