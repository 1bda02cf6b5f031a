from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .kinerja_indicator import PERSPECTIVES


class KinerjaSkpResult(models.Model):
    """Rencana Hasil Kerja (RHK): a planned work result of an SKP, main or additional.

    A main result intervenes in one result of the evaluator's SKP of the same year (the
    cascade); a unit head links it to an organisation goal instead.
    """

    _name = "kinerja.skp.result"
    _description = "Work Result (RHK)"
    _inherit = ["kinerja.skp.content.mixin"]
    _order = "skp_id, result_type desc, sequence, id"
    _parent_name = "parent_result_id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    skp_id = fields.Many2one("kinerja.skp", string="SKP", required=True, ondelete="cascade", index=True)
    name = fields.Text(string="Work Result", required=True)
    result_type = fields.Selection(
        [("main", "Main"), ("additional", "Additional")],
        string="Type",
        required=True,
        default="main",
    )
    parent_result_id = fields.Many2one(
        "kinerja.skp.result",
        string="Supports (Evaluator's Result)",
        index=True,
        ondelete="restrict",
        check_company=True,
        help="The work result of the evaluator that this result intervenes in (RHK atasan yang diintervensi).",
    )
    supporting_result_ids = fields.One2many("kinerja.skp.result", "parent_result_id", string="Supported By")
    supporting_count = fields.Integer(compute="_compute_supporting_count", string="Supporting Results")
    goal_id = fields.Many2one(
        "kinerja.goal",
        string="Organisation Goal",
        index=True,
        ondelete="restrict",
        check_company=True,
        help="For unit heads: the organisation goal, program or activity this result carries.",
    )
    root_goal_id = fields.Many2one(
        "kinerja.goal",
        string="Carries Goal",
        compute="_compute_root_goal_id",
        store=True,
        recursive=True,
        index=True,
        help="The organisation goal this result carries, directly or through the results it supports.",
    )
    perspective = fields.Selection(PERSPECTIVES, help="For senior executives (JPT).")
    weight = fields.Float(digits=(5, 2))
    indicator_ids = fields.One2many("kinerja.skp.indicator", "result_id", string="Indicators", copy=True)
    indicator_count = fields.Integer(compute="_compute_indicator_count", string="Indicator Count")
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True)
    period_id = fields.Many2one(related="skp_id.period_id", store=True, index=True)
    department_id = fields.Many2one(related="skp_id.department_id", store=True)
    state = fields.Selection(related="skp_id.state", store=True, string="SKP Status")
    evaluator_id = fields.Many2one(related="skp_id.evaluator_id")
    approach = fields.Selection(related="skp_id.approach")
    use_weights = fields.Boolean(related="skp_id.use_weights")
    company_id = fields.Many2one(related="skp_id.company_id", store=True, index=True)
    achievement = fields.Float(
        string="Achievement (%)",
        compute="_compute_achievement",
        store=True,
        aggregator="avg",
        help="Average achievement of the result's indicators.",
    )

    @api.depends("goal_id", "parent_result_id.root_goal_id")
    def _compute_root_goal_id(self):
        for result in self:
            result.root_goal_id = result.goal_id or result.parent_result_id.root_goal_id

    @api.depends("indicator_ids.achievement")
    def _compute_achievement(self):
        for result in self:
            values = result.indicator_ids.mapped("achievement")
            result.achievement = sum(values) / len(values) if values else 0.0

    @api.depends("supporting_result_ids")
    def _compute_supporting_count(self):
        # the form shows the supporting results: counted from them, in no query of its own
        for result in self:
            result.supporting_count = len(result.supporting_result_ids)

    @api.depends("indicator_ids")
    def _compute_indicator_count(self):
        for result in self:
            result.indicator_count = len(result.indicator_ids)

    @api.depends("name", "employee_id")
    def _compute_display_name(self):
        for result in self:
            name = (result.name or "").splitlines()[0] if result.name else ""
            if self.env.context.get("kinerja_show_employee") and result.employee_id:
                name = f"{result.employee_id.name}: {name}"
            result.display_name = name

    @api.constrains("parent_result_id", "skp_id")
    def _check_parent_result(self):
        # Named exception (README, privileged methods): read as superuser, the employee may not read his
        # evaluator's SKP, only its results (nor another's he tries to link to).
        for result in self.sudo().filtered("parent_result_id"):
            parent = result.parent_result_id
            skp = result.skp_id
            if parent.skp_id == skp:
                raise ValidationError(
                    self.env._("A work result cannot support a result of the same SKP (“%s”).", parent.name)
                )
            if (
                parent.skp_id.employee_id != skp.evaluator_id
                or parent.skp_id.period_id != skp.period_id
                or parent.skp_id.state == "cancelled"
            ):
                raise ValidationError(
                    self.env._(
                        "“%(result)s” can only support a work result of the SKP %(year)s of the evaluator "
                        "%(evaluator)s; “%(parent)s” belongs to %(owner)s's SKP %(parent_year)s.",
                        result=result.name,
                        year=skp.period_id.name,
                        evaluator=skp.evaluator_id.name or "-",
                        parent=parent.name,
                        owner=parent.skp_id.employee_id.name,
                        parent_year=parent.skp_id.period_id.name,
                    )
                )

    @api.constrains("weight")
    def _check_weight(self):
        for result in self:
            if result.weight < 0 or result.weight > 100:
                raise ValidationError(self.env._("The weight of “%s” must be between 0 and 100.", result.name))

    def action_view_supporting(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_result_action_related")
        action.update(
            name=self.env._("Results supporting “%s”", self.display_name),
            domain=[("parent_result_id", "=", self.id)],
        )
        return action
