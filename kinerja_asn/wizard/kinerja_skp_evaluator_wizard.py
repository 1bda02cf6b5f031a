from odoo import api, fields, models


class KinerjaSkpEvaluatorWizard(models.TransientModel):
    """The officer's repair of an SKP's evaluators when the org chart does not give the right
    ones (an acting official, a wrong manager): the reason stays in the SKP's chatter."""

    _name = "kinerja.skp.evaluator.wizard"
    _description = "Repair the Evaluators of an SKP"

    skp_ids = fields.Many2many(
        "kinerja.skp",
        string="SKPs",
        required=True,
        default=lambda self: self.env.context.get("active_ids", []),
    )
    evaluator_id = fields.Many2one("hr.employee", string="Evaluator", required=True)
    evaluator_parent_id = fields.Many2one(
        "hr.employee",
        string="Evaluator's Supervisor",
        compute="_compute_evaluator_parent_id",
        store=True,
        readonly=False,
        help="Defaults to the evaluator's own manager.",
    )
    reason = fields.Text(required=True, help="Why the SKP is evaluated by someone else than the org chart says.")

    @api.depends("evaluator_id")
    def _compute_evaluator_parent_id(self):
        for wizard in self:
            wizard.evaluator_parent_id = wizard.evaluator_id.parent_id

    def action_confirm(self):
        self.ensure_one()
        self.skp_ids.action_repair_evaluator(
            self.evaluator_id.id, evaluator_parent_id=self.evaluator_parent_id.id, reason=self.reason
        )
        return self.skp_ids._notify_done(
            self.env._("The evaluators are set; the reason is kept in the chatter of the SKP.")
        )
