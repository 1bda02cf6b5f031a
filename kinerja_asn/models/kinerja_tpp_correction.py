from odoo import api, fields, models
from odoo.exceptions import ValidationError

CORRECTION_KINDS = [
    ("assignment", "Official Assignment (Dinas Luar)"),
    ("excused", "Excused by the Officer"),
]


class KinerjaTppCorrection(models.Model):
    """The officer's correction of attendance for the TPP: on these days the employee was on an
    official assignment outside the office (or otherwise excused), so the days count as present
    with no deduction, whatever the attendance records say."""

    _name = "kinerja.tpp.correction"
    _description = "Attendance Correction for TPP"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one("hr.employee", required=True, index=True, check_company=True, tracking=True)
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
    kind = fields.Selection(CORRECTION_KINDS, required=True, default="assignment", tracking=True)
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    reason = fields.Text(required=True, tracking=True, help="The assignment letter or the grounds of the correction.")

    @api.constrains("date_from", "date_to", "reason")
    def _check_dates(self):
        for correction in self:
            if correction.date_to < correction.date_from:
                raise ValidationError(
                    self.env._(
                        "The correction of %s ends before it starts: fix its dates.", correction.employee_id.name
                    )
                )
            if not (correction.reason or "").strip():
                raise ValidationError(
                    self.env._("Give the reason of the correction of %s.", correction.employee_id.name)
                )

    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for correction in self:
            correction.display_name = f"{correction.employee_id.name} - {kinds.get(correction.kind)}"
