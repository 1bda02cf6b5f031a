from odoo import api, models
from odoo.exceptions import UserError

# What makes a file the evidence it is: its content and where it belongs.
EVIDENCE_FIELDS = {"datas", "raw", "db_datas", "store_fname", "name", "res_model", "res_id", "url", "type"}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _kinerja_locked_reports(self):
        """The submitted or accepted realisation reports these files are evidence of."""
        if not self.ids:
            return self.env["kinerja.realization"]
        return (
            self.env["kinerja.realization"]
            .sudo()
            .search([("attachment_ids", "in", self.ids), ("state", "in", ("submitted", "accepted"))])
        )

    def _kinerja_check_evidence_kept(self):
        if self.env.su:
            return
        report = self._kinerja_locked_reports()[:1]
        if report:
            raise UserError(
                self.env._(
                    "This file is evidence of the realisation report %(report)s, which is %(state)s: it is kept "
                    "as it is. Withdraw the report (or ask for it to be returned) to change its evidence.",
                    report=report.display_name,
                    state=dict(report._fields["state"]._description_selection(self.env))[report.state],
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_kinerja_evidence(self):
        self._kinerja_check_evidence_kept()

    def write(self, vals):
        if EVIDENCE_FIELDS & set(vals):
            self._kinerja_check_evidence_kept()
        return super().write(vals)
