from odoo import http
from odoo.http import request


class KinerjaVerification(http.Controller):
    @http.route(
        "/kinerja/verify/<string:code>", type="http", auth="public", website=True, methods=["GET"], sitemap=False
    )
    def verify(self, code, **kwargs):
        """The page a printed SKP, evaluation or determination of predicates' QR code opens: it
        confirms that the document exists, who approved or signed it and when, without showing
        its content."""
        env = request.env(su=True)
        document = False
        if code and len(code) == 16 and code.isalnum():
            # only what a transition approved or signed, and still stands, is confirmed
            document = env["kinerja.skp"].search(
                [("verification_code", "=", code), ("state", "in", ("approved", "done"))], limit=1
            ) or env["kinerja.evaluation"].search([("verification_code", "=", code), ("state", "=", "done")], limit=1)
            document = document or env["kinerja.penetapan"].search(
                [("verification_code", "=", code), ("state", "=", "confirmed")], limit=1
            )
            document = document or env["kinerja.tpp.sheet"].search(
                [("verification_code", "=", code), ("state", "=", "locked")], limit=1
            )
        values = {"document": document, "code": code, "unit": False}
        if document:
            values.update(document._verification_values())
            # the page's header and footer are those of the agency that issued the document
            values["res_company"] = document.company_id
            # Part of the NIP only: enough to tell two people apart, not to copy it.
            nip = values["nip"]
            values["nip"] = f"{nip[:4]}…{nip[-3:]}" if len(nip) > 7 else nip
        return request.render("kinerja_asn.verification_page", values, status=200 if document else 404)
