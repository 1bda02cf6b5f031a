from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # The manager chain is public (parent_id is): colleagues read employees through this view,
    # and the parent path of hr.employee is read with the other fields of an employee.
    parent_path = fields.Char(readonly=True)
    # Every field of hr.employee exists here too (Odoo reads employees of non-HR users through
    # this view); record rules on kinerja.skp still decide which SKPs a colleague sees.
    skp_ids = fields.One2many("kinerja.skp", "employee_id", string="SKPs", readonly=True)
    # the position class of the TPP is public (the regional regulation publishes its table)
    kinerja_tpp_class_id = fields.Many2one("kinerja.tpp.class", string="Position Class (TPP)", readonly=True)
