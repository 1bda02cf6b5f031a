from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class KinerjaGoal(models.Model):
    """An organisation goal (sasaran), program or activity of a unit for a year, with targets.

    Unit heads link their work results (RHK) to a goal; the targets' realisation rolls up from
    the SKP indicators that cascade to them.
    """

    _name = "kinerja.goal"
    _description = "Organisation Goal"
    _inherit = ["mail.thread"]
    _order = "period_id desc, code, name"
    _parent_store = True
    _check_company_auto = True
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(tracking=True)
    goal_type = fields.Selection(
        [("goal", "Goal"), ("program", "Program"), ("activity", "Activity")],
        string="Type",
        required=True,
        default="goal",
        tracking=True,
    )
    description = fields.Text()
    parent_id = fields.Many2one(
        "kinerja.goal",
        string="Parent",
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('period_id', '=', period_id)]",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("kinerja.goal", "parent_id", string="Programs and Activities")
    department_id = fields.Many2one(
        "hr.department", string="Work Unit", required=True, index=True, check_company=True, tracking=True
    )
    manager_id = fields.Many2one(related="department_id.manager_id", string="Head of Unit")
    period_id = fields.Many2one(
        "kinerja.period",
        string="Year",
        required=True,
        index=True,
        check_company=True,
        domain="[('period_type', '=', 'year')]",
        tracking=True,
    )
    target_ids = fields.One2many("kinerja.goal.target", "goal_id", string="Targets", copy=True)
    result_ids = fields.One2many("kinerja.skp.result", "goal_id", string="Linked Work Results")
    result_count = fields.Integer(compute="_compute_result_count", string="Work Results")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)

    _sql_constraints = [
        (
            "code_period_uniq",
            "unique(code, period_id, company_id)",
            "Another goal of this year already has this code.",
        ),
    ]

    @api.constrains("parent_id")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A goal cannot be its own parent, even indirectly."))
        for goal in self.filtered("parent_id"):
            if goal.parent_id.period_id != goal.period_id:
                raise ValidationError(
                    self.env._(
                        "Goal %(goal)s belongs to %(year)s but its parent %(parent)s to %(parent_year)s: "
                        "choose a parent of the same year.",
                        goal=goal.name,
                        year=goal.period_id.name,
                        parent=goal.parent_id.name,
                        parent_year=goal.parent_id.period_id.name,
                    )
                )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for goal in self:
            goal.display_name = f"[{goal.code}] {goal.name}" if goal.code else goal.name

    @api.depends("result_ids")
    def _compute_result_count(self):
        counts = dict(
            self.env["kinerja.skp.result"]._read_group([("goal_id", "in", self.ids)], ["goal_id"], ["__count"])
        )
        for goal in self:
            goal.result_count = counts.get(goal, 0)

    @api.onchange("parent_id")
    def _onchange_parent_id(self):
        if self.parent_id and not self.department_id:
            self.department_id = self.parent_id.department_id

    @api.ondelete(at_uninstall=False)
    def _unlink_except_carried(self):
        """SKPs cascade from the goal: deleting it would cut their link silently."""
        carried = self.env["kinerja.skp.result"].search_count([("goal_id", "child_of", self.ids)], limit=1)
        if carried:
            raise UserError(
                self.env._(
                    "Work results of SKPs are linked to %s (or to its programs and activities): archive the goal "
                    "instead of deleting it.",
                    ", ".join(self.mapped("display_name")),
                )
            )

    def action_view_results(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_result_action_related")
        action.update(
            name=self.env._("Work results linked to %s", self.display_name),
            domain=[("goal_id", "=", self.id)],
            context={},
        )
        return action
