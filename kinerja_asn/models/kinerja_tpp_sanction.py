from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .kinerja_tpp_deduction_rule import SANCTION_LEVELS


class KinerjaTppSanction(models.Model):
    """A disciplinary sanction (hukuman disiplin, PP 94/2021) in force from a date to a date: while
    it runs, the employee's TPP is cut by the deduction rule of its level."""

    _name = "kinerja.tpp.sanction"
    _description = "Disciplinary Sanction for TPP"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one("hr.employee", required=True, index=True, check_company=True, tracking=True)
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
    level = fields.Selection(SANCTION_LEVELS, required=True, tracking=True)
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    reference = fields.Char(string="Decision Letter", tracking=True)
    reason = fields.Text(tracking=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for sanction in self:
            if sanction.date_to < sanction.date_from:
                raise ValidationError(
                    self.env._("The sanction of %s ends before it starts: fix its dates.", sanction.employee_id.name)
                )
