from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from ..tools.achievement import achievement


class KinerjaGoalTarget(models.Model):
    """A target of an organisation goal on a library indicator (e.g. IDL coverage 95 %)."""

    _name = "kinerja.goal.target"
    _description = "Organisation Goal Target"
    _order = "goal_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    goal_id = fields.Many2one("kinerja.goal", required=True, ondelete="cascade", index=True)
    indicator_id = fields.Many2one("kinerja.indicator", string="Indicator", required=True, check_company=True)
    # Targets of different indicators are in different units: never summed in grouped lists.
    target_value = fields.Float(string="Target", digits=(16, 2), aggregator=None)
    unit_label = fields.Char(related="indicator_id.unit_label", string="Unit")
    direction = fields.Selection(related="indicator_id.direction")
    company_id = fields.Many2one(related="goal_id.company_id", store=True, index=True)
    department_id = fields.Many2one(related="goal_id.department_id", string="Work Unit", store=True, index=True)
    period_id = fields.Many2one(related="goal_id.period_id", string="Year", store=True)
    realized_value = fields.Float(
        string="Realisation",
        compute="_compute_rollup",
        digits=(16, 2),
        help="Rolled up from the accepted realisation of the SKP indicators on this library "
        "indicator that cascade to the goal.",
    )
    achievement = fields.Float(string="Achievement (%)", compute="_compute_rollup")
    carrier_count = fields.Integer(
        string="Carried By",
        compute="_compute_rollup",
        help="Number of SKP indicators the realisation is taken from.",
    )

    _sql_constraints = [
        (
            "indicator_goal_uniq",
            "unique(goal_id, indicator_id)",
            "A goal has one target per indicator.",
        ),
    ]

    def _compute_rollup(self):
        carriers = self._carriers()
        for target in self:
            indicators = carriers.get(target.id, self.env["kinerja.skp.indicator"])
            values = indicators.mapped("realized_value")
            aggregation = target.indicator_id.aggregation
            if not values:
                total = 0.0
            elif aggregation == "sum":
                total = sum(values)
            elif aggregation == "max":
                total = max(values)
            else:  # rates and levels carried by several people: their mean
                total = sum(values) / len(values)
            target.realized_value = total
            target.carrier_count = len(indicators)
            cap = target.company_id.kinerja_achievement_cap or 100.0
            target.achievement = achievement(total, target.target_value, target.direction, cap) if indicators else 0.0

    def _carriers(self):
        """Per target, the SKP indicators its realisation is taken from: on the target's
        library indicator, in a running SKP whose result carries the goal or one of its
        programs and activities (directly or down the cascade), and highest in the cascade, so
        that a subordinate's share is not counted again on top of his supervisor's total."""
        # Named exception (README, privileged methods): organisation-level figures, summed over SKPs the
        # current user may not read one by one; read only, only the totals are shown.
        targets = self.sudo()
        found = targets.env["kinerja.skp.indicator"].search(
            [
                ("result_id.root_goal_id", "child_of", targets.goal_id.ids),
                ("indicator_id", "in", targets.indicator_id.ids),
                ("state", "in", ("approved", "done")),
            ]
        )
        carrying = {(ind.result_id.id, ind.indicator_id.id) for ind in found}
        result = {}
        for target in targets:
            picked = found.browse()
            for ind in found:
                goal_path = ind.result_id.root_goal_id.parent_path or ""
                if ind.indicator_id != target.indicator_id or not goal_path.startswith(target.goal_id.parent_path):
                    continue
                ancestor = ind.result_id.parent_result_id
                covered = False
                while ancestor:
                    if (ancestor.id, ind.indicator_id.id) in carrying:
                        covered = True
                        break
                    ancestor = ancestor.parent_result_id
                if not covered:
                    picked |= ind
            result[target.id] = picked
        return result

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):  # noqa: PLR0917
        """Grouped lists (Progress by Goal): each group shows the average achievement (%) of
        its targets, the only figure that adds up across indicators of different units. The
        roll-up is computed, not stored: it is taken from the group's targets, all computed
        in one batch."""
        groups = super().read_group(domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        if not groups:
            return groups
        targets = self.search(expression.OR([group["__domain"] for group in groups]))
        targets.mapped("achievement")  # one roll-up for all the groups
        for group in groups:
            members = targets.filtered_domain(group["__domain"])
            group["achievement"] = sum(members.mapped("achievement")) / len(members) if members else 0.0
        return groups

    def action_view_progress(self):
        """Realisation of the goal on this indicator, by period and work unit."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_realization_action_analysis")
        action.update(
            name=self.env._(
                "Realisation of %(goal)s: %(indicator)s", goal=self.goal_id.name, indicator=self.indicator_id.name
            ),
            domain=[("skp_indicator_id", "in", self._carriers()[self.id].ids)],
            context={"search_default_accepted": 1},
        )
        return action

    @api.constrains("target_value", "indicator_id")
    def _check_target_value(self):
        for target in self:
            if target.indicator_id.aspect == "quantity" and target.target_value <= 0:
                raise ValidationError(
                    self.env._(
                        "The target of %(indicator)s in goal %(goal)s must be greater than zero.",
                        indicator=target.indicator_id.display_name,
                        goal=target.goal_id.display_name,
                    )
                )
