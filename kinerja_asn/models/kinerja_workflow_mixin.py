from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# The key under which a transition marks its own write. Its value is this module's private
# object, compared by identity: a context sent over the external API holds only JSON values,
# so no caller outside this module can make a write pass for a transition.
_TRANSITION_KEY = "kinerja_workflow_transition"
_TRANSITION = object()

# Mail plumbing that any reader may cause to be written (following, activities).
MAIL_FIELDS = frozenset({"activity_ids", "message_follower_ids", "message_ids", "message_main_attachment_id"})

ROLES = ("employee", "evaluator", "evaluator_parent", "officer", "admin", "leadership")


class KinerjaWorkflowMixin(models.AbstractModel):
    """One approval workflow for every approvable record (SKP, realisation, evaluation,
    objection). Each model declares, as data on its class:

    - ``_workflow_transitions``: ``{(from_state, to_state): roles}``, the roles (see ROLES)
      that may make each move;
    - ``_workflow_fields``: the workflow and audit fields (state, who approved / reviewed /
      decided / signed and when, verification codes, frozen snapshots). Only a transition
      sets them: ``create()`` and ``write()`` refuse them from anyone, administrators
      included; the superuser (installation, data migration, tests' set-up) is exempt;
    - ``_workflow_state_write``: whether a plain ``write({'state': ...})`` is accepted as the
      transition itself (checked and stamped like the button), or refused;
    - ``_workflow_activities``: ``{state: (activity type xml id, role)}``, the to-do the state
      leaves, for whom; ``activity_update()`` keeps them in step with the state;
    - ``_workflow_subtypes``: ``{state: message subtype xml id}`` for the chatter's
      notification of the state change (``_track_subtype``);
    - ``_workflow_role_fields``: ``{role: field of res.users}`` naming the people of a record.
    """

    _name = "kinerja.workflow.mixin"
    _description = "Approval Workflow"

    _workflow_transitions = {}
    _workflow_fields = frozenset({"state"})
    _workflow_state_write = False
    _workflow_activities = {}
    _workflow_activity_feedback = {}
    _workflow_subtypes = {}
    _workflow_role_fields = {
        "employee": "user_id",
        "evaluator": "evaluator_user_id",
        "evaluator_parent": "evaluator_parent_user_id",
    }

    # ------------------------------------------------------------------------------------
    # Roles and rights: the one place that says who the current user is for a record
    # ------------------------------------------------------------------------------------
    def _workflow_roles(self):
        """The roles of the current user on this record."""
        self.ensure_one()
        user = self.env.user
        record = self._workflow_people()
        roles = set()
        for role, fname in self._workflow_role_fields.items():
            if fname in record._fields and record[fname] and record[fname] == user:
                roles.add(role)
        if "employee" in roles:
            # nobody judges his own record, whatever the org chart says
            roles -= {"evaluator", "evaluator_parent"}
        if user._kinerja_is_officer():
            roles.add("officer")
        if user.has_group("kinerja_asn.group_kinerja_manager"):
            roles.add("admin")
        return roles

    def _workflow_people(self):
        """Named exception (README, privileged methods): these records as superuser, to READ their people,
        state and company for a rights check or for the message explaining a refusal. Whether
        the current user may act is decided from them even where he may not read the record
        itself (an employee is told why he may not sign his own draft evaluation, which he
        does not see). Never used to write."""
        return self.sudo()

    def _workflow_allowed(self, new_state):
        """Whether the current user may move this record to ``new_state``."""
        self.ensure_one()
        if self.env.su:
            return True
        roles = self._workflow_transitions.get((self.state, new_state))
        return bool(roles) and bool(set(roles) & self._workflow_roles())

    def _workflow_check(self, new_state):
        """Raise unless the current user may move every record of ``self`` to ``new_state``:
        called by every transition, and by ``write()`` for a direct state change."""
        for record in self:
            if record.state == new_state or record._workflow_allowed(new_state):
                continue
            raise AccessError(record._workflow_refusal(new_state) or record._workflow_default_refusal(new_state))

    def _workflow_refusal(self, new_state):
        """The model's own explanation of a refused move (or None for the generic one)."""
        return None

    def _workflow_default_refusal(self, new_state):
        states = dict(self._fields["state"]._description_selection(self.env))
        return self.env._(
            "You cannot move %(record)s from %(from)s to %(to)s.",
            record=self.display_name,
            **{"from": states.get(self.state), "to": states.get(new_state)},
        )

    def _workflow_can(self, new_state, from_states=None):
        """For the buttons (``can_<action>`` fields): the record is in one of ``from_states``
        (by default any state with a move to ``new_state``) and the user may make the move."""
        self.ensure_one()
        sources = from_states or {start for start, end in self._workflow_transitions if end == new_state}
        return self.state in sources and self._workflow_allowed(new_state)

    def _workflow_reason(self, new_state, from_states=None):
        """Why the current user may not make this move now (for ``cannot_<action>_reason``
        fields, shown beside the buttons), or False when he may."""
        self.ensure_one()
        if self._workflow_can(new_state, from_states):
            return False
        sources = from_states or {start for start, end in self._workflow_transitions if end == new_state}
        if self.state not in sources:
            states = dict(self._fields["state"]._description_selection(self.env))
            return self.env._("%(record)s is %(state)s.", record=self.display_name, state=states.get(self.state))
        return self._workflow_refusal(new_state) or self._workflow_default_refusal(new_state)

    # ------------------------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------------------------
    def _workflow_stamp(self, new_state):
        """The audit values a move to ``new_state`` records (who and when), per model."""
        return {}

    def _workflow_transition(self, new_state, values=None):
        """Move ``self`` to ``new_state`` as the current user, after the rights check, with
        the model's stamp and the given workflow ``values``; then bring the activities in step."""
        self._workflow_check(new_state)
        moving = self.filtered(lambda r: r.state != new_state)
        if not moving:
            return
        moving._workflow_write({"state": new_state, **moving._workflow_stamp(new_state), **(values or {})})
        moving._workflow_after(new_state)
        moving.activity_update()

    def _workflow_after(self, new_state):
        """What a move leaves per record beyond the common stamp (verification codes,
        snapshots), written with ``_workflow_write``."""
        return None

    @api.model
    def _workflow_create(self, vals_list):
        """Create records with workflow values set by the application itself (a new position
        links its SKP to the previous one). The records come back without the mark."""
        records = self.with_context(**{_TRANSITION_KEY: _TRANSITION}).create(vals_list)
        return records.with_env(self.env)

    def _workflow_write(self, vals):
        """Write workflow fields: the only door through which they change after creation."""
        return self.with_context(**{_TRANSITION_KEY: _TRANSITION}).write(vals)

    def _workflow_in_transition(self):
        return self.env.su or self.env.context.get(_TRANSITION_KEY) is _TRANSITION

    @api.model
    def _workflow_guard_create(self, vals_list):
        """Refuse workflow fields in ``create()``: a record starts in its initial state, with
        nothing signed. Empty values and the initial state itself are harmless (clients send
        them for a new record) and let through."""
        if self._workflow_in_transition():
            return
        initial = self._fields["state"].default(self) if self._fields["state"].default else False
        for vals in vals_list:
            for fname in self._workflow_fields & set(vals):
                value = vals[fname]
                if not value or (fname == "state" and value == initial):
                    continue
                raise AccessError(self._workflow_forged_message(fname))

    def _workflow_guard_write(self, vals):
        """Refuse workflow fields in ``write()`` outside a transition; a direct state change
        is either refused or, where the model accepts it, made into the transition. Returns
        the values left to write."""
        if self._workflow_in_transition():
            return vals
        forged = (self._workflow_fields - {"state"}) & set(vals)
        for fname in forged:
            field = self._fields[fname]
            new = field.convert_to_cache(vals[fname], self)
            for record in self:
                if field.convert_to_cache(record[fname], record) != new:
                    raise AccessError(self._workflow_forged_message(fname))
        if "state" in vals and any(record.state != vals["state"] for record in self):
            if not self._workflow_state_write:
                raise UserError(self._workflow_state_message())
            self._workflow_check(vals["state"])
        return vals

    def _workflow_forged_message(self, fname):
        return self.env._(
            "%(field)s of %(model)s is recorded by the application when the record moves through its "
            "workflow (submit, approve, review, sign, decide); it cannot be set by hand.",
            field=self._fields[fname]._description_string(self.env),
            model=self.env["ir.model"]._get(self._name).name,
        )

    def _workflow_state_message(self):
        return self.env._(
            "Use the buttons of the record to move it through its workflow; its status is not set by hand."
        )

    def write(self, vals):
        if (
            self._workflow_state_write
            and "state" in vals
            and not self._workflow_in_transition()
            and any(record.state != vals["state"] for record in self)
        ):
            # A direct state change accepted as the transition: checked and stamped like the button.
            self._workflow_guard_write(vals)
            rest = {fname: value for fname, value in vals.items() if fname != "state"}
            moving = self.filtered(lambda r: r.state != vals["state"])
            if rest:
                super().write(rest)
            moving._workflow_transition(vals["state"])
            return True
        return super().write(self._workflow_guard_write(vals))

    @api.model_create_multi
    def create(self, vals_list):
        self._workflow_guard_create(vals_list)
        return super().create(vals_list)

    # ------------------------------------------------------------------------------------
    # Activities and notifications follow the state
    # ------------------------------------------------------------------------------------
    def activity_update(self):
        """Leave each record the to-do of its state, for whom ``_workflow_activities`` says,
        and close the to-dos of the other states: marked done with the feedback of
        ``_workflow_activity_feedback`` where the record reached such a state (approved,
        signed...), removed otherwise (withdrawn, returned). As hr_leave does."""
        if not self._workflow_activities or self.env.context.get("mail_activity_automation_skip"):
            return
        records = self._workflow_activity_records()
        types = {xmlid for xmlid, _role in self._workflow_activities.values()}
        for state in set(records.mapped("state")):
            in_state = records.filtered(lambda r, s=state: r.state == s)
            wanted = self._workflow_activities.get(state)
            stale = sorted(types - {wanted[0]} if wanted else types)
            feedback = self._workflow_activity_feedback.get(state)
            if stale and feedback:
                in_state.activity_feedback(stale, feedback=str(feedback))
            elif stale:
                in_state.activity_unlink(stale)
            if wanted:
                in_state._workflow_schedule(*wanted)

    def _workflow_activity_records(self):
        """Named exception (README, privileged methods): these records as superuser for their to-dos only. The
        actor closes or leaves to-dos of other people (the employee submits for his evaluator,
        an officer repairs the evaluators), which mail's rules would not let him touch."""
        return self.sudo()

    def _workflow_reassign(self):
        """After the people of these records changed (an officer repaired the evaluators): the
        to-do each state leaves goes to whom it is for now; those left with someone else are
        removed."""
        records = self._workflow_activity_records()
        for state, (xmlid, role) in self._workflow_activities.items():
            in_state = records.filtered(lambda r, s=state: r.state == s)
            if not in_state:
                continue
            fname = self._workflow_role_fields[role]
            activities = records.env["mail.activity"].search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", in_state.ids),
                    ("activity_type_id", "=", self.env.ref(xmlid).id),
                ]
            )
            activities.filtered(lambda a, f=fname: a.user_id != records.browse(a.res_id)[f]).unlink()
        records.activity_update()

    def _workflow_schedule(self, xmlid, role):
        """One to-do of type ``xmlid`` per record for the user of ``role``, unless he has it."""
        fname = self._workflow_role_fields[role]
        self._workflow_schedule_for(xmlid, [(record, record[fname]) for record in self if record[fname]])

    def _workflow_schedule_for(self, xmlid, assignments):
        """One to-do of type ``xmlid`` per (record, user) of ``assignments``, unless he has it."""
        if not assignments:
            return
        activity_type = self.env.ref(xmlid)
        existing = {
            (activity.res_id, activity.user_id.id)
            for activity in self.env["mail.activity"].search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", list({record.id for record, _user in assignments})),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"]._create_for_assignees(
            [
                {
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "date_deadline": record._workflow_activity_deadline(activity_type),
                    "res_model_id": model_id,
                    "res_id": record.id,
                    "user_id": user.id,
                }
                for record, user in assignments
                if (record.id, user.id) not in existing
            ]
        )

    def _workflow_activity_deadline(self, activity_type):
        """The deadline of a to-do: its activity type's own delay, unless the model says otherwise."""
        return activity_type._get_date_deadline()

    def _track_subtype(self, init_values):
        self.ensure_one()
        if "state" in init_values and self.state in self._workflow_subtypes:
            return self.env.ref(self._workflow_subtypes[self.state])
        return super()._track_subtype(init_values)

    # ------------------------------------------------------------------------------------
    # What is signed is never lost
    # ------------------------------------------------------------------------------------
    _workflow_deletable_states = ("draft",)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_workflow(self):
        for record in self:
            if record.state not in self._workflow_deletable_states:
                raise UserError(record._workflow_undeletable_message())

    def _workflow_undeletable_message(self):
        return self.env._(
            "%s has moved on in its workflow: it is kept on record and cannot be deleted.", self.display_name
        )

    @api.model
    def _workflow_now(self):
        return fields.Datetime.now()
