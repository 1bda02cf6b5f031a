from odoo import api, models

from ..tools.fixed_fields import check_fixed


class KinerjaSkpContentMixin(models.AbstractModel):
    """The lines of an SKP (results, indicators, annex): they change only while the SKP may,
    as decided by kinerja.skp._check_editable()."""

    _name = "kinerja.skp.content.mixin"
    _description = "SKP Content Lock"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.skp_id._check_editable({self._name})
        return records

    def write(self, vals):
        check_fixed(self, vals, ["skp_id", "result_id"])
        self.skp_id._check_editable({self._name})
        return super().write(vals)

    def unlink(self):
        self.skp_id._check_editable({self._name})
        return super().unlink()
