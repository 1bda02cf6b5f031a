from odoo import fields, models


class KinerjaSkpAnnex(models.Model):
    """Lampiran SKP: resource support, accountability scheme and consequences."""

    _name = "kinerja.skp.annex"
    _description = "SKP Annex"
    _inherit = ["kinerja.skp.content.mixin"]
    _order = "skp_id, annex_type, id"

    skp_id = fields.Many2one("kinerja.skp", string="SKP", required=True, ondelete="cascade", index=True)
    annex_type = fields.Selection(
        [
            ("resources", "Resource Support"),
            ("accountability", "Accountability Scheme"),
            ("consequences", "Consequences"),
        ],
        string="Type",
        required=True,
    )
    description = fields.Text()
    company_id = fields.Many2one(related="skp_id.company_id", store=True, index=True)
