from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.kinerja_indicator import ASPECTS


class KinerjaMphWizard(models.TransientModel):
    """Matriks Peran Hasil: a supervisor splits one of his work results among subordinates,
    adding a linked result (and optionally an indicator) to each one's draft SKP."""

    _name = "kinerja.mph.wizard"
    _description = "Distribute a Work Result (Matriks Peran Hasil)"

    skp_id = fields.Many2one("kinerja.skp", string="Supervisor's SKP", required=True)
    parent_result_id = fields.Many2one(
        "kinerja.skp.result",
        string="Work Result to Distribute",
        required=True,
        domain="[('skp_id', '=', skp_id), ('result_type', '=', 'main')]",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Subordinates",
        required=True,
        domain="[('parent_id', '=', supervisor_id)]",
    )
    supervisor_id = fields.Many2one(related="skp_id.employee_id")
    approach = fields.Selection(related="skp_id.approach")
    result_name = fields.Text(
        string="Their Work Result",
        required=True,
        help="The work result each subordinate carries for this role.",
    )
    indicator_name = fields.Text(string="Indicator")
    indicator_id = fields.Many2one("kinerja.indicator", string="Library Indicator")
    aspect = fields.Selection(ASPECTS, default="quantity")
    target_value = fields.Float(string="Target")
    unit_label = fields.Char(string="Unit")

    @api.onchange("skp_id")
    def _onchange_skp_id(self):
        self.employee_ids = self.skp_id.employee_id.child_ids

    @api.onchange("parent_result_id")
    def _onchange_parent_result_id(self):
        if self.parent_result_id and not self.result_name:
            self.result_name = self.parent_result_id.name

    @api.onchange("indicator_id")
    def _onchange_indicator_id(self):
        if self.indicator_id:
            self.indicator_name = self.indicator_name or self.indicator_id.name
            self.aspect = self.indicator_id.aspect
            self.unit_label = self.indicator_id.unit_label

    def action_confirm(self):
        self.ensure_one()
        skp = self.skp_id
        if self.parent_result_id.skp_id != skp:
            raise UserError(self.env._("Choose a work result of this SKP."))
        skp._check_can_distribute()
        strangers = self.employee_ids.filtered(lambda e: e.parent_id != skp.employee_id)
        if strangers:
            raise UserError(
                self.env._(
                    "%(names)s do not report to %(supervisor)s: distribute only to direct subordinates.",
                    names=", ".join(strangers.mapped("name")),
                    supervisor=skp.employee_id.name,
                )
            )
        Skp = self.env["kinerja.skp"]
        drafts = Skp.search(
            [
                ("employee_id", "in", self.employee_ids.ids),
                ("period_id", "=", skp.period_id.id),
                ("state", "=", "draft"),
            ]
        )
        busy = Skp.search(
            [
                ("employee_id", "in", (self.employee_ids - drafts.employee_id).ids),
                ("period_id", "=", skp.period_id.id),
                ("state", "in", ("submitted", "approved", "done")),
            ]
        )
        if busy:
            raise UserError(
                self.env._(
                    "The SKPs of %s are no longer drafts: return them first, or leave these employees out.",
                    ", ".join(busy.employee_id.mapped("name")),
                )
            )
        drafts |= Skp._generate_drafts(skp.period_id, self.employee_ids - drafts.employee_id)
        result_vals = []
        for draft in drafts:
            vals = {
                "skp_id": draft.id,
                "name": self.result_name,
                "result_type": "main",
                "parent_result_id": self.parent_result_id.id,
            }
            if self.indicator_name:
                vals["indicator_ids"] = [
                    fields.Command.create(
                        {
                            "name": self.indicator_name,
                            "indicator_id": self.indicator_id.id,
                            "aspect": self.aspect,
                            "target_value": self.target_value,
                            "unit_label": self.unit_label,
                            "direction": self.indicator_id.direction or "higher",
                            "aggregation": self.indicator_id.aggregation or "sum",
                        }
                    )
                ]
            result_vals.append(vals)
        results = self.env["kinerja.skp.result"].create(result_vals)
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_result_action_related")
        action.update(name=self.env._("Distributed work results"), domain=[("id", "in", results.ids)])
        return action
