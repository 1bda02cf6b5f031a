from odoo import fields, models


class KinerjaRecapWizard(models.TransientModel):
    """Download the performance recap of a year for some units or the whole agency."""

    _name = "kinerja.recap.wizard"
    _description = "Performance Recap"

    year_id = fields.Many2one(
        "kinerja.period",
        string="Year",
        required=True,
        domain="[('period_type', '=', 'year')]",
        default=lambda self: self.env["kinerja.period"]._find(fields.Date.context_today(self), "year"),
    )
    department_ids = fields.Many2many(
        "hr.department", string="Work Units", help="With their sub-units; empty for the whole agency."
    )

    def action_download(self):
        self.ensure_one()
        return self.env.ref("kinerja_asn.action_report_kinerja_unit_recap_xlsx").report_action(
            self.year_id, data={"year_id": self.year_id.id, "department_ids": self.department_ids.ids}, config=False
        )
