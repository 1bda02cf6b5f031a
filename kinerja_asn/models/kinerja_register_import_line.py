from odoo import fields, models

ACTIONS = [
    ("create", "Create"),
    ("update", "Update"),
    ("move", "Move"),
    ("unchanged", "Unchanged"),
    ("error", "Error"),
]


class KinerjaRegisterImportLine(models.Model):
    """One row of a register file as the preview reads it: what confirming would do to the
    employee or unit it names. Written by the preview only (officers read them)."""

    _name = "kinerja.register.import.line"
    _description = "Register Import Row"
    _order = "import_id, record_type desc, sheet, row_number, id"
    _rec_name = "name"

    import_id = fields.Many2one("kinerja.register.import", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="import_id.company_id", store=True, index=True)
    import_state = fields.Selection(related="import_id.state", string="Import Status")
    record_type = fields.Selection([("employee", "Employee"), ("unit", "Unit")], string="Type", required=True)
    sheet = fields.Char()
    row_number = fields.Integer(string="Row")
    action = fields.Selection(ACTIONS, required=True, index=True)
    key = fields.Char(string="NIP / Unit ID", help="The NIP of an employee row, the SIASN ID of a unit row.")
    name = fields.Char()
    siasn_id = fields.Char(string="PNS ID")
    employee_id = fields.Many2one("hr.employee", string="Employee", ondelete="set null")
    department_id = fields.Many2one("hr.department", string="Unit Record", ondelete="set null")
    unit = fields.Char(string="Unit After Import", help="The employee's unit, or a unit's parent unit, once imported.")
    supervisor = fields.Char(string="Supervisor After Import")
    supervisor_changed = fields.Boolean(string="New Supervisor Link")
    diff = fields.Text(string="Changes", help="Each change as field: current value → value in the file.")
    message = fields.Text(string="Error")
    warning = fields.Text()
    has_warning = fields.Boolean(compute="_compute_has_warning", search="_search_has_warning")
    signature = fields.Char(readonly=True)

    def _compute_has_warning(self):
        for line in self:
            line.has_warning = bool(line.warning)

    def _search_has_warning(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        present = (operator == "=") == value
        return [("warning", "!=", False)] if present else [("warning", "=", False)]
