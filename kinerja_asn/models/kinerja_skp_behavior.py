from odoo import api, fields, models


class KinerjaSkpBehavior(models.Model):
    """A BerAKHLAK core value on an SKP, with the evaluator's specific expectation."""

    _name = "kinerja.skp.behavior"
    _description = "SKP Core Value Expectation"
    _order = "skp_id, sequence, id"

    skp_id = fields.Many2one("kinerja.skp", string="SKP", required=True, ondelete="cascade", index=True)
    core_value_id = fields.Many2one("kinerja.core.value", string="Core Value", required=True)
    sequence = fields.Integer(related="core_value_id.sequence", store=True)
    guide = fields.Text(related="core_value_id.guide", string="Behaviour Guides")
    expectation = fields.Text(
        string="Specific Expectation",
        help="Ekspektasi khusus pimpinan: what the evaluator expects of this employee for this value.",
    )
    company_id = fields.Many2one(related="skp_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("value_uniq", "unique(skp_id, core_value_id)", "Each core value appears once per SKP."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.skp_id._check_editable({self._name})
        return records

    def write(self, vals):
        # The evaluator writes his expectations while the SKP waits for his approval.
        if set(vals) <= {"expectation"} and not self.env.su:
            for behavior in self:
                skp = behavior.skp_id
                if skp.state == "submitted" and skp.evaluator_user_id == self.env.user:
                    continue
                skp._check_editable({self._name})
        else:
            self.skp_id._check_editable({self._name})
        return super().write(vals)

    def unlink(self):
        self.skp_id._check_editable({self._name})
        return super().unlink()
