from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class KinerjaSkpTransferWizard(models.TransientModel):
    """A mid-year transfer or new position: the current SKP ends the day before, a new draft
    SKP covers the rest of the year with the new position and evaluator."""

    _name = "kinerja.skp.transfer.wizard"
    _description = "New Position During the Year"

    skp_id = fields.Many2one("kinerja.skp", required=True, readonly=True)
    employee_id = fields.Many2one(related="skp_id.employee_id")
    date = fields.Date(string="In New Position From", required=True, default=fields.Date.context_today)
    department_id = fields.Many2one("hr.department", string="New Unit")
    job_id = fields.Many2one("hr.job", string="New Position")
    evaluator_id = fields.Many2one("hr.employee", string="New Evaluator")

    @api.onchange("skp_id")
    def _onchange_skp_id(self):
        employee = self.skp_id.employee_id
        self.department_id = employee.department_id
        self.job_id = employee.job_id
        self.evaluator_id = employee.parent_id

    def action_confirm(self):
        self.ensure_one()
        old = self.skp_id
        if not old.env.user._kinerja_is_officer():
            raise AccessError(self.env._("Only a performance officer records a new position."))
        if old.state not in ("draft", "submitted", "approved"):
            raise UserError(self.env._("Only an SKP in progress can end for a new position."))
        if not (old.date_start < self.date <= old.date_end):
            raise UserError(
                self.env._(
                    "The new position must start after %(start)s and on or before %(end)s, within the current SKP.",
                    start=old.date_start,
                    end=old.date_end,
                )
            )
        end = old.date_end
        # The old SKP keeps its approval; only its end date moves, as the officer's recorded move.
        old._workflow_write({"date_end": self.date - timedelta(days=1)})
        old.message_post(
            body=self.env._("SKP ended on %(date)s for a new position.", date=self.date - timedelta(days=1))
        )
        new = self.env["kinerja.skp"]._workflow_create(
            {
                "employee_id": old.employee_id.id,
                "period_id": old.period_id.id,
                "date_start": self.date,
                "date_end": end,
                "department_id": self.department_id.id,
                "job_id": self.job_id.id,
                "approach": old.approach,
                "previous_skp_id": old.id,
            }
        )
        if self.evaluator_id and self.evaluator_id != new.evaluator_id:
            new.action_repair_evaluator(
                self.evaluator_id.id,
                reason=self.env._("New position from %(date)s.", date=self.date),
            )
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_action")
        action.update(res_id=new.id, view_mode="form", views=[(False, "form")], context={})
        return action
