from odoo import fields, models


class KinerjaCoreValue(models.Model):
    """The seven BerAKHLAK core values every SKP carries (shipped as data, in Indonesian)."""

    _name = "kinerja.core.value"
    _description = "Core Value (BerAKHLAK)"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Char(required=True)
    description = fields.Text()
    guide = fields.Text(
        string="Behaviour Guides",
        help="The behaviour guides of the value, one per line.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to use the value in every agency.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code, company_id)", "A core value with this code already exists."),
    ]
