from odoo import fields, models


class HrDepartment(models.Model):
    """The officers' overview: each work unit's card on the Departments dashboard (as
    hr_holidays and hr_expense add theirs) counts what is waiting in the performance cycle."""

    _inherit = "hr.department"

    siasn_unor_id = fields.Char(
        string="SIASN Unit ID",
        index="btree_not_null",
        copy=False,
        help="The unit's identifier (unor id) in BKN's national register (SIASN), used to match the "
        "register import and the result export.",
    )
    kinerja_skp_count = fields.Integer(
        compute="_compute_kinerja_overview", string="SKPs This Year", groups="kinerja_asn.group_kinerja_officer"
    )
    kinerja_skp_approved_count = fields.Integer(
        compute="_compute_kinerja_overview", string="Approved SKPs", groups="kinerja_asn.group_kinerja_officer"
    )
    kinerja_skp_to_approve_count = fields.Integer(
        compute="_compute_kinerja_overview", string="SKPs to Approve", groups="kinerja_asn.group_kinerja_officer"
    )
    kinerja_report_missing_count = fields.Integer(
        compute="_compute_kinerja_overview", string="Missing Reports", groups="kinerja_asn.group_kinerja_officer"
    )
    kinerja_evaluation_draft_count = fields.Integer(
        compute="_compute_kinerja_overview",
        string="Evaluations to Sign",
        groups="kinerja_asn.group_kinerja_officer",
    )
    kinerja_objection_count = fields.Integer(
        compute="_compute_kinerja_overview", string="Open Objections", groups="kinerja_asn.group_kinerja_officer"
    )
    kinerja_achievement = fields.Float(
        compute="_compute_kinerja_overview",
        string="Average Achievement (%)",
        groups="kinerja_asn.group_kinerja_officer",
        help="Average achievement so far of the approved SKPs of this year in the unit.",
    )

    def _compute_kinerja_overview(self):
        """One grouped query per figure, whatever the number of units."""
        today = fields.Date.context_today(self)
        unit = [("department_id", "in", self.ids)]
        this_year = [("date_start", "<=", today), ("date_end", ">=", today)]
        Skp = self.env["kinerja.skp"]
        skp_stats = {
            (department.id, state): (count, achievement)
            for department, state, count, achievement in Skp._read_group(
                unit + this_year + [("state", "!=", "cancelled")],
                ["department_id", "state"],
                ["__count", "achievement:avg"],
            )
        }
        missing = dict(
            self.env["kinerja.skp.indicator"]._read_group(
                [*unit, ("is_report_missing", "=", True)], ["department_id"], ["skp_id:count_distinct"]
            )
        )
        drafts = dict(
            self.env["kinerja.evaluation"]._read_group([*unit, ("state", "=", "draft")], ["department_id"], ["__count"])
        )
        objections = dict(
            self.env["kinerja.objection"]._read_group(
                [*unit, ("state", "=", "submitted")],
                ["department_id"],
                ["__count"],
            )
        )
        for department in self:
            stats = {state: values for (dep, state), values in skp_stats.items() if dep == department.id}
            approved = [stats[state] for state in ("approved", "done") if state in stats]
            approved_count = sum(count for count, _avg in approved)
            department.kinerja_skp_count = sum(count for count, _avg in stats.values())
            department.kinerja_skp_approved_count = approved_count
            department.kinerja_skp_to_approve_count = stats.get("submitted", (0, 0.0))[0]
            department.kinerja_achievement = (
                sum(count * (avg or 0.0) for count, avg in approved) / approved_count if approved_count else 0.0
            )
            department.kinerja_report_missing_count = missing.get(department, 0)
            department.kinerja_evaluation_draft_count = drafts.get(department, 0)
            department.kinerja_objection_count = objections.get(department, 0)

    def _kinerja_leaders(self):
        """The leadership above this unit (one): the heads of the units above it, nearest
        first, without the unit's own head (who may head a unit above it too)."""
        self.ensure_one()
        department = self
        above = department.search([("id", "parent_of", department.id), ("id", "!=", department.id)])
        leaders = above.sorted(lambda d: -len(d.parent_path or "")).manager_id
        return leaders - department.manager_id

    def _kinerja_action(self, xmlid, domain, context=None):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action.update({"domain": domain, "context": context or {}, "display_name": self.display_name})
        return action

    def action_kinerja_open_skps(self):
        today = fields.Date.context_today(self)
        return self._kinerja_action(
            "kinerja_asn.kinerja_skp_action_officer",
            [("department_id", "=", self.id), ("date_start", "<=", today), ("date_end", ">=", today)],
        )

    def action_kinerja_open_skps_to_approve(self):
        return self._kinerja_action(
            "kinerja_asn.kinerja_skp_action_officer", [("department_id", "=", self.id), ("state", "=", "submitted")]
        )

    def action_kinerja_open_missing_reports(self):
        return self._kinerja_action(
            "kinerja_asn.kinerja_skp_indicator_action_agency",
            [("department_id", "=", self.id), ("is_report_missing", "=", True)],
        )

    def action_kinerja_open_evaluations(self):
        return self._kinerja_action(
            "kinerja_asn.kinerja_evaluation_action", [("department_id", "=", self.id), ("state", "=", "draft")]
        )

    def action_kinerja_open_objections(self):
        return self._kinerja_action(
            "kinerja_asn.kinerja_objection_action",
            [("department_id", "=", self.id), ("state", "=", "submitted")],
        )
