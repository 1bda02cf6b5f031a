from odoo import fields, models


class KinerjaUserWizardLine(models.TransientModel):
    _name = "kinerja.user.wizard.line"
    _description = "Create Users for Employees: Employee"

    wizard_id = fields.Many2one("kinerja.user.wizard", required=True, ondelete="cascade")
    employee_id = fields.Many2one("hr.employee", required=True, readonly=True)
    login = fields.Char(readonly=True)
    email = fields.Char(string="Work Email", readonly=True)
    status = fields.Selection(
        [("ready", "Ready"), ("error", "Cannot"), ("created", "Created"), ("invited", "Invited")],
        required=True,
        readonly=True,
    )
    message = fields.Char(readonly=True)
    password = fields.Char(string="First Password", readonly=True)
    user_id = fields.Many2one("res.users", readonly=True)
