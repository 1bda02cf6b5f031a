from odoo import fields, models


class KinerjaSkpReturnWizard(models.TransientModel):
    _name = "kinerja.skp.return.wizard"
    _description = "Return SKP to the Employee"

    skp_ids = fields.Many2many(
        "kinerja.skp",
        string="SKPs",
        default=lambda self: self.env.context.get("active_ids", []),
    )
    reason = fields.Text(required=True, help="What the employee must change before submitting again.")

    def action_confirm(self):
        self.skp_ids.action_return(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
