from odoo import models

from .kinerja_skp import SNAPSHOT_KEYS


class KinerjaSiasnExport(models.Model):
    """SIASN's ``penilai*`` fields name the official who assessed (pejabat penilai kinerja):
    for an evaluation signed by an acting official (Plt / Plh), him, with "Plt." / "Plh."
    before the title of the position acted in (its ``signer_*`` snapshot) and his own grade
    and status; not the evaluator of record, who did not assess."""

    _inherit = "kinerja.siasn.export"

    def _siasn_assessor(self, evaluation):
        evaluator, assessor = super()._siasn_assessor(evaluation)
        if evaluation.signer_acting_type:
            signer = evaluation.done_by_id.employee_ids.filtered(lambda e: e.company_id == evaluation.company_id)[:1]
            return signer or evaluator, {key: evaluation[f"signer_{key}"] for key in SNAPSHOT_KEYS}
        if evaluation.skp_id.approved_acting_type and evaluator:
            # the SKP's snapshot is the acting official who approved it; the evaluation was
            # signed by the evaluator of record: him as he is
            identity = evaluator._kinerja_identity("evaluator")
            return evaluator, {key: identity[f"evaluator_{key}"] for key in SNAPSHOT_KEYS}
        return evaluator, assessor
