from odoo import api, fields, models

from .kinerja_acting_assignment import ACTING_TYPES
from .kinerja_objection import KinerjaObjection as KinerjaObjectionBase


class KinerjaObjection(models.Model):
    """Acting officials (Plt / Plh) decide objections: while an acting assignment runs for the
    position of the evaluator's supervisor (its holder is the objection's ``decider_id``), the
    acting official is the decider user (rights, record rules, the to-do). ``decider_id`` stays
    the decider of record. The decision he makes keeps his title after "Plt." / "Plh.".

    ``acting_assignment_id`` and ``decider_user_id`` are the application's (workflow fields),
    set by the routing of the SKPs (``kinerja.skp._acting_refresh``); a decided objection keeps
    the assignment by which it was decided."""

    _inherit = "kinerja.objection"

    _workflow_fields = KinerjaObjectionBase._workflow_fields | {
        "acting_assignment_id",
        "decider_user_id",
        "decided_acting_type",
        "decided_position",
    }

    acting_assignment_id = fields.Many2one(
        "kinerja.acting.assignment",
        string="Acting Decider Assignment",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The Plt / Plh assignment by which an acting official decides this objection in place "
        "of the evaluator's supervisor.",
    )
    decider_user_id = fields.Many2one(
        "res.users",
        related=None,
        compute="_compute_decider_user_id",
        store=True,
        index=True,
        string="Decider User",
        help="Who decides: the evaluator's supervisor, or the acting official (Plt / Plh) while one acts for him.",
    )
    decided_acting_type = fields.Selection(ACTING_TYPES, string="Decided as", readonly=True, copy=False)
    decided_position = fields.Char(
        string="Decider's Position",
        readonly=True,
        copy=False,
        help="Set when an acting official (Plt / Plh) decided: the title printed after his name.",
    )

    @api.depends("evaluation_id.evaluator_parent_user_id", "acting_assignment_id.acting_user_id")
    def _compute_decider_user_id(self):
        for objection in self:
            objection.decider_user_id = (
                objection.acting_assignment_id.acting_user_id or objection.evaluation_id.evaluator_parent_user_id
            )

    @api.model_create_multi
    def create(self, vals_list):
        objections = super().create(vals_list)
        # routed with the SKP (the privileged routing): a running Plt / Plh decides at once
        routed = objections.filtered(lambda o: o.state == "submitted")
        if routed:
            routed.evaluation_id.skp_id._acting_refresh()
        return objections

    def _acting_route(self, running):
        """Link these objections (as superuser, from ``kinerja.skp._acting_refresh``) to the
        assignment of ``running`` for their decider's position, or unlink them; the to-dos
        follow. A decided objection keeps its assignment. Nobody decides an objection to his
        own evaluation, nor to one he signed."""
        by_holder = {a.holder_id.id: a for a in running if a.holder_id}
        Assignment = self.env["kinerja.acting.assignment"]
        changed = self.browse()
        for objection in self.filtered(lambda o: o.state == "submitted"):
            assignment = by_holder.get(objection.decider_id.id) or Assignment
            if assignment and (
                assignment.employee_id in (objection.employee_id | objection.evaluator_id)
                or assignment.company_id != objection.company_id
            ):
                assignment = Assignment
            if objection.acting_assignment_id != assignment:
                objection._workflow_write({"acting_assignment_id": assignment.id})
                changed |= objection
        if changed:
            changed._workflow_reassign()

    def _acting_refusal(self):
        """Why the current user may not decide now because an acting official does, or None."""
        self.ensure_one()
        # the holder is told who decides for him: read through _workflow_people
        objection = self._workflow_people()
        assignment = objection.acting_assignment_id
        if not assignment or objection.state != "submitted" or self.env.user == assignment.acting_user_id:
            return None
        return self.env._(
            "%(name)s is %(title)s until %(end)s: he decides the objection of %(employee)s meanwhile.",
            name=assignment.employee_id.name,
            title=assignment._title(),
            end=assignment.date_to,
            employee=objection.employee_id.name,
        )

    def _workflow_refusal(self, new_state):
        return self._acting_refusal() or super()._workflow_refusal(new_state)

    def _workflow_after(self, new_state):
        result = super()._workflow_after(new_state)
        if new_state in ("accepted", "rejected") and not self.env.su:
            for objection in self:
                assignment = objection._workflow_people().acting_assignment_id
                if assignment and assignment.acting_user_id == self.env.user:
                    objection._workflow_write(
                        {"decided_acting_type": assignment.acting_type, "decided_position": assignment._title()}
                    )
        return result

    def _decided_by_label(self):
        """Who decided, as the documents print it: "Name, Plh. Kepala ..." for an acting official."""
        self.ensure_one()
        name = self.decided_by_id.name or ""
        return f"{name}, {self.decided_position}" if self.decided_acting_type and self.decided_position else name
