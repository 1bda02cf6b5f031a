from odoo import api, fields, models

from .kinerja_acting_assignment import ACTING_SKP_STATES, ACTING_TYPES
from .kinerja_skp import KinerjaSkp as KinerjaSkpBase

# What decides whether an acting official evaluates an SKP.
# (the evaluator's supervisor decides the objections: an acting official for him decides them)
ROUTING_FIELDS = frozenset({"evaluator_id", "evaluator_parent_id", "department_id", "employee_id", "state"})


class KinerjaSkp(models.Model):
    """Acting officials (Plt / Plh) on the SKP: while an acting assignment runs for the
    position of its evaluator, the acting official is the SKP's evaluator user, and so the
    evaluator of its realisation reports and evaluations (their ``evaluator_user_id`` follows
    the SKP's). ``evaluator_id`` stays the evaluator of record, the holder of the position.

    ``acting_assignment_id`` is the application's (a workflow field): the assignments and the
    daily job set it through ``_acting_refresh``. An evaluated or cancelled SKP keeps it: it
    says who evaluated it."""

    _inherit = "kinerja.skp"

    _workflow_fields = KinerjaSkpBase._workflow_fields | {
        "acting_assignment_id",
        "evaluator_user_id",
        "approved_acting_type",
        "evaluated_signer",
    }

    acting_assignment_id = fields.Many2one(
        "kinerja.acting.assignment",
        string="Acting Evaluator Assignment",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The Plt / Plh assignment by which an acting official evaluates this SKP in place of its evaluator.",
    )
    acting_evaluator_id = fields.Many2one(
        related="acting_assignment_id.employee_id", string="Acting Evaluator", compute_sudo=True
    )
    # The user who evaluates now: the acting official's while an assignment runs.
    evaluator_user_id = fields.Many2one(
        "res.users",
        related=None,
        compute="_compute_evaluator_user_id",
        store=True,
        index=True,
        string="Evaluator User",
        help="Who approves, reviews and evaluates: the evaluator, or the acting official (Plt / Plh) "
        "while one acts for him.",
    )
    approved_acting_type = fields.Selection(
        ACTING_TYPES,
        string="Approved as",
        readonly=True,
        copy=False,
        help="Set when an acting official (Plt / Plh) approved the SKP: the documents print it before his title.",
    )
    evaluated_signer = fields.Char(
        string="Evaluated by (Acting)",
        readonly=True,
        copy=False,
        help="Set when an acting official (Plt / Plh) evaluated the SKP: his name and title, as printed.",
    )
    # Computed as superuser: the employee reads the notice, not the assignment itself.
    acting_notice = fields.Char(compute="_compute_acting_notice", compute_sudo=True)

    @api.depends("evaluator_id.user_id", "acting_assignment_id.acting_user_id")
    def _compute_evaluator_user_id(self):
        for skp in self:
            skp.evaluator_user_id = skp.acting_assignment_id.acting_user_id or skp.evaluator_id.user_id

    @api.depends("acting_assignment_id")
    def _compute_acting_notice(self):
        for skp in self:
            assignment = skp.acting_assignment_id
            if not assignment:
                skp.acting_notice = False
            elif assignment.holder_id:
                skp.acting_notice = self.env._(
                    "Evaluated by %(title)s %(name)s in place of %(holder)s, from %(start)s to %(end)s.",
                    title=assignment._title(),
                    name=assignment.employee_id.name,
                    holder=assignment.holder_id.name,
                    start=assignment.date_from,
                    end=assignment.date_to,
                )
            else:
                skp.acting_notice = self.env._(
                    "Evaluated by %(title)s %(name)s while the position is vacant, from %(start)s to %(end)s.",
                    title=assignment._title(),
                    name=assignment.employee_id.name,
                    start=assignment.date_from,
                    end=assignment.date_to,
                )

    # ------------------------------------------------------------------------------------
    # Routing: who evaluates follows the assignments
    # ------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        skps = super().create(vals_list)
        skps._acting_refresh()
        return skps

    def write(self, vals):
        result = super().write(vals)
        if ROUTING_FIELDS & set(vals):
            self._acting_refresh()
        return result

    def _acting_targets(self):
        """{SKP id: the running assignment by which it is evaluated, or False}."""
        running = self.env["kinerja.acting.assignment"]._running()
        by_holder = {a.holder_id.id: a for a in running if a.holder_id}
        by_unit = {a.department_id.id: a for a in running if not a.holder_id}
        targets = {}
        for skp in self:
            if skp.state not in ACTING_SKP_STATES:
                targets[skp.id] = skp.acting_assignment_id
                continue
            if skp.evaluator_id:
                assignment = by_holder.get(skp.evaluator_id.id)
            else:
                assignment = by_unit.get(skp.department_id.id)
            if assignment and (assignment.employee_id == skp.employee_id or assignment.company_id != skp.company_id):
                assignment = None  # nobody evaluates his own SKP
            targets[skp.id] = assignment or self.env["kinerja.acting.assignment"]
        return targets

    def _acting_refresh(self, before=None):
        """Link these SKPs to the assignment running for their evaluator's position (or
        unlink them), and the objections to their evaluations to the one running for the
        evaluator's supervisor's position; move the pending to-dos of those whose evaluator user changed since
        ``before`` ({SKP id: user}, by default their evaluator user now)."""
        # Named exception: the routing is the application's; it is recomputed when anyone
        # (the employee creating his SKP, an officer recording an assignment, the daily job)
        # changes what it depends on, and the to-dos of other people move with it.
        skps = self.sudo().exists()
        if not skps:
            return
        before = before or {}
        users = {skp.id: before.get(skp.id, skp.evaluator_user_id) for skp in skps}
        targets = skps._acting_targets()
        changed = skps.filtered(lambda s: s.acting_assignment_id != targets[s.id])
        for assignment in {targets[skp.id] for skp in changed}:
            changed.filtered(lambda s, a=assignment: targets[s.id] == a)._workflow_write(
                {"acting_assignment_id": assignment.id}
            )
        moved = skps.filtered(lambda s: s.evaluator_user_id != users[s.id])
        if moved:
            moved._acting_move_todos()
        # the objections to their evaluations: decided by the acting official for the
        # evaluator's supervisor while one runs
        skps.evaluation_ids.objection_ids._acting_route(skps.env["kinerja.acting.assignment"]._running())

    def _acting_move_todos(self):
        """The to-dos of these SKPs (approval, realisation review) and of their draft
        evaluations go to the evaluator user of now: the acting official when his assignment
        starts, the holder when it ends. Called as superuser by ``_acting_refresh``."""
        self._workflow_reassign()
        review = self.env.ref("kinerja_asn.mail_act_realization_review")
        activities = self.env["mail.activity"].search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids), ("activity_type_id", "=", review.id)]
        )
        stale = activities.filtered(lambda a: a.user_id != self.browse(a.res_id).evaluator_user_id)
        if stale:
            waiting = self.browse(stale.mapped("res_id"))
            stale.unlink()
            waiting._schedule_review_activity()
        self.evaluation_ids.filtered(lambda e: e.state == "draft")._workflow_reassign()

    def _acting_refusal(self):
        """Why the current user may not act as the evaluator of this SKP now because an
        acting official does (told to the holder instead of "only the evaluator"), or None."""
        self.ensure_one()
        # the holder (or anyone refused) is told who acts for him, whatever he may read of the
        # SKP and of the assignment: read through _workflow_people
        skp = self._workflow_people()
        assignment = skp.acting_assignment_id
        if not assignment or self.env.user in (assignment.acting_user_id | skp.user_id):
            return None
        return self.env._(
            "%(name)s is %(title)s until %(end)s: he approves, reviews and evaluates for %(employee)s meanwhile.",
            name=assignment.employee_id.name,
            title=assignment._title(),
            end=assignment.date_to,
            employee=skp.employee_id.name,
        )

    def _workflow_refusal(self, new_state):
        if new_state in ("approved", "done"):
            refusal = self._acting_refusal()
            if refusal:
                return refusal
        return super()._workflow_refusal(new_state)

    # ------------------------------------------------------------------------------------
    # What the acting official signs prints "Plt." / "Plh." before his title
    # ------------------------------------------------------------------------------------
    def _identity_snapshot(self):
        vals = super()._identity_snapshot()
        assignment = self.acting_assignment_id
        acted = bool(assignment and self.approved_by_id and self.approved_by_id == assignment.acting_user_id)
        if acted:
            vals.update(assignment._signer_identity("evaluator"))
        vals["approved_acting_type"] = assignment.acting_type if acted else False
        return vals

    def _workflow_after(self, new_state):
        result = super()._workflow_after(new_state)
        if new_state == "done" and not self.env.su:
            for skp in self:
                assignment = skp._workflow_people().acting_assignment_id
                if assignment and assignment.acting_user_id == self.env.user:
                    skp._workflow_write({"evaluated_signer": f"{assignment.employee_id.name}, {assignment._title()}"})
        return result

    def _verification_values(self):
        values = super()._verification_values()
        if self.approved_acting_type and self.evaluator_position:
            values["signed_by"] = f"{values['signed_by']}, {self.evaluator_position}"
        return values
