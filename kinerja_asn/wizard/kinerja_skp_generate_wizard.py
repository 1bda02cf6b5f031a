from odoo import fields, models


class KinerjaSkpGenerateWizard(models.TransientModel):
    """Officers create the missing draft SKPs of whole departments in one step."""

    _name = "kinerja.skp.generate.wizard"
    _description = "Create Draft SKPs for Departments"

    period_id = fields.Many2one(
        "kinerja.period",
        string="Year",
        required=True,
        domain="[('period_type', '=', 'year'), ('state', '!=', 'closed')]",
    )
    department_ids = fields.Many2many(
        "hr.department", string="Departments", help="Sub-departments are included. Empty: all."
    )

    def action_confirm(self):
        self.ensure_one()
        domain = [("company_id", "=", self.period_id.company_id.id)]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        employees = self.env["hr.employee"].search(domain)
        created = self.env["kinerja.skp"]._generate_drafts(self.period_id, employees)
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_action")
        action.update(name=self.env._("Draft SKPs created"), domain=[("id", "in", created.ids)], context={})
        return action
