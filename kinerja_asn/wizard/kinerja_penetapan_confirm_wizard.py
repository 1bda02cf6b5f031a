from odoo import fields, models


class KinerjaPenetapanConfirmWizard(models.TransientModel):
    """Shown before confirming determinations of predicates that break the curve of their
    unit's organisation achievement (where the company warns instead of blocking)."""

    _name = "kinerja.penetapan.confirm.wizard"
    _description = "Confirm Predicates Outside the Distribution"

    penetapan_ids = fields.Many2many("kinerja.penetapan", string="Determinations")
    warning = fields.Text(readonly=True)

    def action_confirm(self):
        self.penetapan_ids.action_confirm(force=True)
        return {"type": "ir.actions.act_window_close"}
