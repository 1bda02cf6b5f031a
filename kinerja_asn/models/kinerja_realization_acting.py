from odoo import models


class KinerjaRealization(models.Model):
    """A report of an SKP evaluated by an acting official (Plt / Plh) is reviewed by him: its
    ``evaluator_user_id`` follows the SKP's. The holder is told who reviews meanwhile."""

    _inherit = "kinerja.realization"

    def _workflow_refusal(self, new_state):
        if new_state in ("accepted", "rejected"):
            refusal = self.skp_id._acting_refusal()
            if refusal:
                return refusal
        return super()._workflow_refusal(new_state)
