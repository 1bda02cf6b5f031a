from odoo import models
from odoo.exceptions import UserError


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        """Sign the PDF with the agency's certificate when its company signs this report.

        The certificate is checked before the document is rendered, so a wrong set-up stops the
        printing with its message and nothing is produced unsigned."""
        if isinstance(res_ids, int):
            res_ids = [res_ids]
        report = self._get_report(report_ref)
        company = self._kinerja_signing_company(report, res_ids)
        identity = company._kinerja_sign_identity() if company else None
        content, report_type = super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
        if identity and report_type == "pdf":
            content = company._kinerja_sign_pdf(content, identity)
        return content, report_type

    def _kinerja_signing_company(self, report, res_ids):
        """The company whose certificate signs this print of ``report``, or an empty recordset.

        One PDF carries one agency's signature: documents of several agencies printed together
        cannot be signed, as none of them may sign for the others."""
        if report.report_type != "qweb-pdf" or not report.report_name.startswith("kinerja_asn."):
            return self.env["res.company"]
        records = self.env[report.model].browse(res_ids or []).exists()
        if records and "company_id" in records._fields:
            companies = records.company_id or self.env.company
        else:
            companies = self.env.company
        signing = companies.filtered(lambda company: company._kinerja_signs_report(report))
        if signing and len(companies) > 1:
            raise UserError(
                self.env._(
                    "These %(report)s documents belong to several agencies (%(companies)s), and each "
                    "agency signs its own documents with its certificate: print each agency's documents "
                    "separately.",
                    report=report.name,
                    companies=", ".join(companies.mapped("name")),
                )
            )
        return signing
