from odoo import api, models


class ReportKinerjaEvaluation(models.AbstractModel):
    """The evaluation document prints its acting signer (Plt / Plh) as the evaluator."""

    _inherit = "report.kinerja_asn.report_evaluation"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        identities = values["identities"]
        for evaluation in values["docs"]:
            identities[evaluation.id] = evaluation._acting_identity(identities[evaluation.id])
        return values
