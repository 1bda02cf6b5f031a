from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # The manager chain is public (parent_id is): colleagues read employees through this view,
    # and the parent path of hr.employee is read with the other fields of an employee.
    parent_path = fields.Char(readonly=True)
