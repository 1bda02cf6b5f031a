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
        if len(self.skp_ids) == 1:
            message = self.env._("%s is returned to the employee with your reason.", self.skp_ids.display_name)
        else:
            message = self.env._("%s SKPs are returned to their employees with your reason.", len(self.skp_ids))
        return self.skp_ids._notify_done(message)
