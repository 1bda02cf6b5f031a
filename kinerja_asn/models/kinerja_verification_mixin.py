import base64
import secrets

from odoo import api, fields, models


class KinerjaVerificationMixin(models.AbstractModel):
    """A verification code printed (with its QR) on a signed document instead of a wet
    signature; /kinerja/verify/<code> on the server confirms the document."""

    _name = "kinerja.verification.mixin"
    _description = "Document Verification Code"

    verification_code = fields.Char(readonly=True, copy=False, index=True)
    verification_url = fields.Char(compute="_compute_verification_url")

    @api.depends("verification_code")
    def _compute_verification_url(self):
        for record in self:
            record.verification_url = (
                f"{record.get_base_url()}/kinerja/verify/{record.verification_code}"
                if record.verification_code
                else False
            )

    def _new_verification_code(self):
        return secrets.token_hex(8)

    def _verification_qr(self):
        """The QR code of the verification address, as a data URI for the PDF."""
        self.ensure_one()
        if not self.verification_url:
            return False
        png = self.env["ir.actions.report"].barcode("QR", self.verification_url, width=140, height=140)
        return "data:image/png;base64," + base64.b64encode(png).decode()
