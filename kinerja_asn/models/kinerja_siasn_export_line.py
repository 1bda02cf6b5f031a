from odoo import fields, models


class KinerjaSiasnExportLine(models.Model):
    """One record of a SIASN export: the JSON body of one signed evaluation as BKN's API takes
    it, and what happened to it (every request and answer in its log). Written by the export's
    Generate and Send only: officers read it."""

    _name = "kinerja.siasn.export.line"
    _description = "SIASN Export Record"
    _order = "export_id, id"
    _rec_name = "evaluation_id"

    export_id = fields.Many2one("kinerja.siasn.export", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="export_id.company_id", store=True, index=True)
    kind = fields.Selection(related="export_id.kind")
    evaluation_id = fields.Many2one("kinerja.evaluation", required=True, index=True, ondelete="restrict")
    employee_id = fields.Many2one(related="evaluation_id.employee_id", string="Employee")
    period_id = fields.Many2one(related="evaluation_id.period_id", string="Period")
    predicate = fields.Selection(related="evaluation_id.predicate")
    payload = fields.Text(string="JSON Sent", readonly=True, help="The body POSTed to SIASN, as generated.")
    state = fields.Selection(
        [("pending", "To Send"), ("sent", "Accepted"), ("failed", "Failed")],
        default="pending",
        required=True,
        index=True,
        readonly=True,
    )
    attempt_count = fields.Integer(string="Attempts", readonly=True)
    last_attempt_date = fields.Datetime(string="Last Attempt", readonly=True)
    http_status = fields.Integer(string="HTTP Status", readonly=True)
    message = fields.Char(string="SIASN Message", readonly=True)
    answer = fields.Text(string="SIASN Answer", readonly=True, help="BKN's last answer, as received.")
    siasn_record_id = fields.Char(
        string="SIASN Record ID", readonly=True, help="The id SIASN gave the record; a later export updates it."
    )
    log = fields.Text(readonly=True, help="Every request sent for this record and SIASN's answers (never the tokens).")

    def _lock(self, states=("pending", "failed")):
        """The lines still in ``states`` that this transaction could lock until it ends,
        without those another run is sending (skipped, not waited for)."""
        if not self:
            return self
        self.env.cr.execute(
            "SELECT id FROM kinerja_siasn_export_line WHERE id IN %s AND state IN %s FOR UPDATE SKIP LOCKED",
            [tuple(self.ids), tuple(states)],
        )
        locked = self.browse([row[0] for row in self.env.cr.fetchall()])
        locked.invalidate_recordset()
        return self & locked

    def _record_result(self, result):
        """Write the outcome of one attempt (see kinerja.siasn.client._post) on each line."""
        for line in self:
            vals = {
                "state": "sent" if result["ok"] else "failed",
                "attempt_count": line.attempt_count + 1,
                "last_attempt_date": fields.Datetime.now(),
                "http_status": result["status"] or 0,
                "message": (result["message"] or "")[:250],
                "answer": result["answer"] or False,
                "log": "\n".join(filter(None, [line.log, *result["log"]])),
            }
            if result["ok"] and result["record_id"]:
                vals["siasn_record_id"] = result["record_id"]
            line.write(vals)
