from odoo import fields, models

from ..tools.achievement import PREDICATES, RATINGS


class KinerjaPenetapanLine(models.Model):
    """One person of the unit's population in a determination of predicates, with his signed
    ratings and predicate as they stood when the determination was prepared or confirmed.
    Written by the application only."""

    _name = "kinerja.penetapan.line"
    _description = "Determination of Predicates: Employee"
    _order = "penetapan_id, sequence, id"

    penetapan_id = fields.Many2one("kinerja.penetapan", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    evaluation_id = fields.Many2one("kinerja.evaluation", string="Evaluation", index=True, ondelete="set null")
    employee_id = fields.Many2one("hr.employee", string="Employee", index=True)
    employee_name = fields.Char(string="Name")
    employee_nip = fields.Char(string="NIP")
    position = fields.Char()
    department_id = fields.Many2one("hr.department", string="Work Unit")
    signed = fields.Boolean()
    result_rating = fields.Selection(RATINGS, string="Work-Result Rating")
    behavior_rating = fields.Selection(RATINGS, string="Behaviour Rating")
    predicate = fields.Selection(PREDICATES)
    company_id = fields.Many2one(related="penetapan_id.company_id", store=True, index=True)
