from odoo import api, models


class ReportKinerjaPenetapan(models.AbstractModel):
    """What the signed determination of predicates prints besides its own fields: the
    distribution pattern and the signature trail."""

    _name = "report.kinerja_asn.report_penetapan"
    _description = "Determination of Performance Predicates Document"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["kinerja.penetapan"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "kinerja.penetapan",
            "docs": docs,
            "data": data,
            "distributions": {penetapan.id: penetapan._distribution_table() for penetapan in docs},
            "trails": {penetapan.id: self._trail(penetapan) for penetapan in docs},
        }

    @api.model
    def _trail(self, penetapan):
        penetapan.ensure_one()
        if not penetapan.confirmed_by_id:
            return []
        return [(self.env._("Confirmed by"), penetapan.confirmed_by_id.name, penetapan.confirmed_date)]
