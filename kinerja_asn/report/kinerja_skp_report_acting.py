from odoo import api, models


class ReportKinerjaSkp(models.AbstractModel):
    """The approval trail names who signed: an acting official (Plt / Plh) who approved or
    evaluated the SKP with his title ("Plh. Kepala ..."), not the evaluator of record."""

    _inherit = "report.kinerja_asn.report_skp"

    @api.model
    def _trail(self, skp):
        trail = super()._trail(skp)
        approved = self.env._("Approved by")
        evaluated = self.env._("Evaluated")
        signed = []
        for step, who, when in trail:
            signer = who
            if step == approved and skp.approved_acting_type and skp.evaluator_position:
                signer = f"{who}, {skp.evaluator_position}"
            elif step == evaluated and skp.evaluated_signer:
                signer = skp.evaluated_signer
            signed.append((step, signer, when))
        return signed
