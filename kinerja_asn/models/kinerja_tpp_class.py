from odoo import fields, models


class KinerjaTppClass(models.Model):
    """Kelas jabatan: the position class that sets the monthly TPP amount of its holders, as the
    regional regulation's table of amounts says."""

    _name = "kinerja.tpp.class"
    _description = "Position Class (Kelas Jabatan)"
    _order = "company_id, grade desc, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    grade = fields.Integer(string="Class", required=True, help="Kelas jabatan, 1 to 17.")
    amount = fields.Monetary(string="TPP Amount", required=True, currency_field="currency_id")
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("amount_check", "CHECK(amount >= 0)", "The TPP amount of a position class cannot be negative."),
        ("grade_check", "CHECK(grade >= 1 AND grade <= 17)", "A position class (kelas jabatan) is 1 to 17."),
        ("grade_company_uniq", "unique(grade, company_id)", "The agency already has this position class."),
    ]

    def _compute_display_name(self):
        for record in self:
            record.display_name = f"{record.grade} - {record.name}"
