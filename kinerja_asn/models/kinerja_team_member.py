from odoo import api, fields, models
from odoo.exceptions import UserError

SKP_STATES = [
    ("none", "No SKP"),
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("done", "Evaluated"),
]


class KinerjaTeamMember(models.Model):
    """Monitoring > My Team: one row per employee and year, with the state of his SKP of that
    year and its progress, including the people who have no SKP (or no approved one) yet; a
    supervisor of hundreds sees at once who has no plan. A database view, read in a fixed
    number of queries whatever the size of the team."""

    _name = "kinerja.team.member"
    _description = "Team Member Performance Status"
    _auto = False
    _order = "state_sequence, employee_id"

    employee_id = fields.Many2one("hr.employee", string="Employee", readonly=True)
    parent_id = fields.Many2one("hr.employee", string="Manager", readonly=True)
    department_id = fields.Many2one("hr.department", string="Work Unit", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    period_id = fields.Many2one("kinerja.period", string="Year", readonly=True)
    skp_id = fields.Many2one("kinerja.skp", string="SKP", readonly=True)
    skp_state = fields.Selection(SKP_STATES, string="SKP Status", readonly=True)
    state_sequence = fields.Integer(readonly=True)
    has_plan = fields.Boolean(
        string="Approved SKP", readonly=True, help="The employee's SKP of the year is approved (or evaluated)."
    )
    achievement = fields.Float(string="Achievement (%)", readonly=True, aggregator="avg")
    indicator_count = fields.Integer(string="Indicators", readonly=True, aggregator=None)
    pending_count = fields.Integer(string="Waiting for Review", readonly=True)
    report_missing_count = fields.Integer(
        string="Missing Reports",
        compute="_compute_report_missing_count",
        help="Indicators without a report for the last sub-period whose deadline has passed.",
    )
    is_my_team = fields.Boolean(compute="_compute_is_my_team", search="_search_is_my_team", string="In My Team")

    @property
    def _table_query(self):
        # The latest SKP of each employee in each year of his company (a cancelled one only
        # when there is no other), with its indicators' figures.
        return """
            SELECT e.id::bigint * 1000000 + y.id AS id,
                   e.id AS employee_id,
                   e.parent_id,
                   e.department_id,
                   e.company_id,
                   y.id AS period_id,
                   s.id AS skp_id,
                   COALESCE(NULLIF(s.state, 'cancelled'), 'none') AS skp_state,
                   CASE COALESCE(NULLIF(s.state, 'cancelled'), 'none')
                        WHEN 'none' THEN 1 WHEN 'draft' THEN 2 WHEN 'submitted' THEN 3
                        WHEN 'approved' THEN 4 ELSE 5 END AS state_sequence,
                   COALESCE(s.state IN ('approved', 'done'), FALSE) AS has_plan,
                   COALESCE(s.achievement, 0) AS achievement,
                   COALESCE(i.indicator_count, 0) AS indicator_count,
                   COALESCE(i.pending_count, 0) AS pending_count
              FROM hr_employee e
              JOIN kinerja_period y ON y.company_id = e.company_id AND y.period_type = 'year'
              LEFT JOIN LATERAL (
                    SELECT skp.id, skp.state, skp.achievement
                      FROM kinerja_skp skp
                     WHERE skp.employee_id = e.id AND skp.period_id = y.id
                  ORDER BY skp.state = 'cancelled', skp.date_start DESC, skp.id DESC
                     LIMIT 1
              ) s ON TRUE
              LEFT JOIN LATERAL (
                    SELECT count(*) AS indicator_count, sum(ind.pending_count) AS pending_count
                      FROM kinerja_skp_indicator ind
                     WHERE ind.skp_id = s.id
              ) i ON TRUE
             WHERE e.active
        """

    def _compute_report_missing_count(self):
        skps = self.skp_id
        counts = (
            dict(
                self.env["kinerja.skp.indicator"]._read_group(
                    [("skp_id", "in", skps.ids), ("is_report_missing", "=", True)], ["skp_id"], ["__count"]
                )
            )
            if skps
            else {}
        )
        for member in self:
            member.report_missing_count = counts.get(member.skp_id, 0)

    @api.depends_context("uid")
    def _compute_is_my_team(self):
        mine = self.env.user.employee_ids
        team = self.env["hr.employee"].search([("id", "child_of", mine.ids)]) - mine
        for member in self:
            member.is_my_team = member.employee_id in team

    def _search_is_my_team(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'In My Team'."))
        mine = self.env.user.employee_ids.ids
        domain = [("employee_id", "child_of", mine), ("employee_id", "not in", mine)]
        if (operator == "=") != value:
            return ["!", "&", *domain]
        return domain

    def action_view_indicators(self):
        """The member's indicators, with their reports."""
        self.ensure_one()
        if not self.skp_id:
            raise UserError(self.env._("%s has no SKP for this year yet.", self.employee_id.name))
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_indicator_action_team")
        action.update(
            {
                "name": self.env._("Indicators of %s", self.employee_id.name),
                "domain": [("skp_id", "=", self.skp_id.id)],
                "context": {},
            }
        )
        return action

    def action_open_skp(self):
        self.ensure_one()
        if not self.skp_id:
            raise UserError(self.env._("%s has no SKP for this year yet.", self.employee_id.name))
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_action")
        action.update(res_id=self.skp_id.id, view_mode="form", views=[(False, "form")], context={})
        return action
