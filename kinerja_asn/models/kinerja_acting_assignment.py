from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

# The SKPs an acting official evaluates: those still open (an evaluated or cancelled SKP keeps
# the people who evaluated it).
ACTING_SKP_STATES = ("draft", "submitted", "approved")
# The abbreviation printed before the title of the position acted in (Perka BKN 1/2021).
ACTING_PREFIX = {"plt": "Plt.", "plh": "Plh."}
ACTING_TYPES = [("plh", "Plh (Pelaksana Harian)"), ("plt", "Plt (Pelaksana Tugas)")]


class KinerjaActingAssignment(models.Model):
    """An employee acting in a position from a date to a date: *Pelaksana Tugas* (Plt) while
    the position is vacant or its holder is away for long, *Pelaksana Harian* (Plh) while the
    holder is absent for a few days (Surat Edaran BKN 1/SE/I/2021).

    While the assignment runs, the acting official is the evaluator of the people the position
    evaluates: the SKPs whose evaluator is the replaced official (or, for a vacancy, those of
    the unit that have no evaluator) have him as ``evaluator_user_id``, so that approvals,
    reviews, evaluations and their to-dos are his. The evaluator of record (``evaluator_id``)
    stays the holder. When the assignment ends (the daily job), the pending to-dos return to
    the holder. What the acting official signs prints "Plt." / "Plh." before the title."""

    _name = "kinerja.acting.assignment"
    _description = "Acting Official (Plt / Plh)"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    acting_type = fields.Selection(
        ACTING_TYPES,
        string="Type",
        required=True,
        default="plh",
        tracking=True,
        help="Plh (daily executive): the holder is absent for a short time. Plt (acting "
        "executive): the position is vacant, or its holder is away for long.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Acting Official",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    acting_user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True, string="Acting User")
    holder_id = fields.Many2one(
        "hr.employee",
        string="Replaced Official",
        index=True,
        tracking=True,
        check_company=True,
        help="The holder of the position, whose evaluations the acting official takes over. "
        "Empty for a vacant position: then the work unit says which position.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Work Unit",
        compute="_compute_from_holder",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        check_company=True,
        help="The unit of the position. For a vacant head of unit, the employees of the unit "
        "without an evaluator are evaluated by the acting official.",
    )
    position_name = fields.Char(
        string="Position",
        compute="_compute_from_holder",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="The title of the position acted in, printed after Plt. / Plh. on what the acting official signs.",
    )
    date_from = fields.Date(string="From", required=True, tracking=True, default=fields.Date.context_today)
    date_to = fields.Date(string="To", required=True, tracking=True)
    reference = fields.Char(string="Warrant", tracking=True, help="The letter of assignment (surat perintah).")
    reason = fields.Text(tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    status = fields.Selection(
        [("planned", "Planned"), ("running", "Running"), ("ended", "Ended")],
        compute="_compute_status",
        search="_search_status",
    )

    @api.depends("acting_type", "employee_id", "position_name")
    def _compute_name(self):
        for assignment in self:
            assignment.name = (
                f"{assignment._prefix()} {assignment.position_name or ''} - {assignment.employee_id.name or ''}"
            )

    @api.depends("holder_id")
    def _compute_from_holder(self):
        for assignment in self:
            holder = assignment.holder_id
            if holder:
                assignment.department_id = holder.department_id
                assignment.position_name = holder.job_title or holder.job_id.name
            elif assignment.department_id and not assignment.position_name:
                assignment.position_name = assignment.env._("Head of %s", assignment.department_id.name)

    @api.onchange("department_id")
    def _onchange_department_id(self):
        if not self.holder_id and self.department_id:
            self.position_name = self.env._("Head of %s", self.department_id.name)

    @api.depends("date_from", "date_to")
    @api.depends_context("tz")
    def _compute_status(self):
        today = fields.Date.context_today(self)
        for assignment in self:
            if assignment.date_from and assignment.date_from > today:
                assignment.status = "planned"
            elif assignment.date_to and assignment.date_to < today:
                assignment.status = "ended"
            else:
                assignment.status = "running"

    def _search_status(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, str):
            raise UserError(self.env._("Unsupported search on the status of an acting assignment."))
        today = fields.Date.context_today(self)
        domain = {
            "planned": [("date_from", ">", today)],
            "running": [("date_from", "<=", today), ("date_to", ">=", today)],
            "ended": [("date_to", "<", today)],
        }.get(value, [("id", "=", False)])
        return domain if operator == "=" else ["!", *expression.normalize_domain(domain)]

    def _prefix(self):
        self.ensure_one()
        return ACTING_PREFIX.get(self.acting_type, "")

    def _title(self):
        """What is printed as the signer's position: "Plh. Kepala Bidang ..."."""
        self.ensure_one()
        return f"{self._prefix()} {self.position_name or ''}".strip()

    def _signer_identity(self, prefix):
        """What a document the acting official signs prints of him, keyed ``<prefix>_<key>``
        as the identity snapshots: his name, NIP and rank, the title of the position acted in
        after "Plt." / "Plh.", and its unit."""
        self.ensure_one()
        # the signer reads his own assignment; his NIP and rank come through the org chart
        values = self.employee_id._kinerja_identity(prefix)
        values[f"{prefix}_position"] = self._title()
        values[f"{prefix}_unit"] = self.department_id.complete_name or values[f"{prefix}_unit"]
        return values

    # ------------------------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------------------------
    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for assignment in self:
            if assignment.date_to < assignment.date_from:
                raise ValidationError(
                    self.env._(
                        "The acting assignment of %s ends before it starts: fix its dates.", assignment.employee_id.name
                    )
                )

    @api.constrains("employee_id", "holder_id", "department_id", "acting_type")
    def _check_position(self):
        for assignment in self:
            if assignment.holder_id and assignment.holder_id == assignment.employee_id:
                raise ValidationError(
                    self.env._(
                        "%s cannot act in his own position: choose another acting official.",
                        assignment.employee_id.name,
                    )
                )
            if not assignment.holder_id and not assignment.department_id:
                raise ValidationError(
                    self.env._(
                        "Say which position is acted in: the replaced official, or the work unit of a vacant head."
                    )
                )
            if assignment.acting_type == "plh" and not assignment.holder_id:
                raise ValidationError(
                    self.env._(
                        "A Plh (Pelaksana Harian) stands in for an absent holder: name the replaced official. "
                        "A vacant position is filled by a Plt (Pelaksana Tugas)."
                    )
                )

    @api.constrains("holder_id", "department_id", "date_from", "date_to")
    def _check_overlap(self):
        for assignment in self:
            # Two officers recording the same position at once: the row of the position (the
            # holder, or the vacant unit) is locked, so the second waits for the first and
            # then sees it (a concurrent update is retried by the server).
            position_record = assignment.holder_id or assignment.department_id
            self.env.cr.execute(
                SQL(
                    "SELECT 1 FROM %s WHERE id = %s FOR NO KEY UPDATE",
                    SQL.identifier(position_record._table),
                    position_record.id,
                )
            )
            position = (
                [("holder_id", "=", assignment.holder_id.id)]
                if assignment.holder_id
                else [("holder_id", "=", False), ("department_id", "=", assignment.department_id.id)]
            )
            other = self.search(
                [
                    *position,
                    ("id", "!=", assignment.id),
                    ("company_id", "=", assignment.company_id.id),
                    ("date_from", "<=", assignment.date_to),
                    ("date_to", ">=", assignment.date_from),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "%(position)s already has an acting official from %(start)s to %(end)s (%(other)s): "
                        "one position has one acting official at a time. Shorten or remove that assignment first.",
                        position=assignment.position_name or assignment.holder_id.name or assignment.department_id.name,
                        start=other.date_from,
                        end=other.date_to,
                        other=other.employee_id.name,
                    )
                )

    # ------------------------------------------------------------------------------------
    # CRUD: the people of the position follow the assignment at once
    # ------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        assignments = super().create(vals_list)
        assignments._refresh_routing()
        return assignments

    def write(self, vals):
        self._check_started_kept(vals)
        routing = {"employee_id", "holder_id", "department_id", "date_from", "date_to", "company_id"}
        if not routing & set(vals):
            return super().write(vals)
        routed = self._routed_skps()
        users = {skp.id: skp.evaluator_user_id for skp in routed}
        result = super().write(vals)
        self._refresh_routing(routed, users)
        return result

    def _check_started_kept(self, vals):
        """A started assignment is the record of who acted for which position since when: only
        its end date (to end it earlier or extend it), warrant and reason change."""
        kept = {"acting_type", "employee_id", "holder_id", "department_id", "date_from", "company_id"}
        today = fields.Date.context_today(self)
        for assignment in self.filtered(lambda a: a.date_from and a.date_from <= today):
            changed = [
                fname
                for fname in kept & set(vals)
                # both sides as the cache holds them: a form sends ids and date strings back
                if assignment._fields[fname].convert_to_cache(vals[fname], assignment)
                != assignment._fields[fname].convert_to_cache(assignment[fname], assignment)
            ]
            if changed:
                raise UserError(
                    self.env._(
                        "%s has started: who acts, for which position and since when stay on record. "
                        "End it by changing its end date and record a new assignment.",
                        assignment.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        today = fields.Date.context_today(self)
        for assignment in self:
            if assignment.date_from <= today:
                raise UserError(
                    self.env._(
                        "%s has started: it stays on record as who acted for the position. "
                        "End it earlier by changing its end date.",
                        assignment.display_name,
                    )
                )

    def unlink(self):
        routed = self._routed_skps()
        users = {skp.id: skp.evaluator_user_id for skp in routed}
        result = super().unlink()
        routed._acting_refresh(before=users)
        return result

    @api.model
    def _running(self, today=None):
        """The assignments running today (all companies: the SKP's company decides)."""
        today = today or fields.Date.context_today(self)
        return self.search([("date_from", "<=", today), ("date_to", ">=", today)])

    def _routed_skps(self):
        """The open SKPs the position of these assignments evaluates, and those they route now;
        and the SKPs with a pending objection the position decides (or they route now)."""
        return self._routed_skps_sudo()

    def _routed_skps_sudo(self):
        # Named exception: the SKPs of a position belong to people the officer (or the cron's
        # user) may not all read (another unit, private drafts); only their routing is touched.
        Skp = self.env["kinerja.skp"].sudo()
        if not self:
            return Skp
        holders = self.holder_id.ids
        vacant_units = self.filtered(lambda a: not a.holder_id).department_id.ids
        domain = [("acting_assignment_id", "in", self.ids)]
        if holders:
            domain = ["|", *domain, ("evaluator_id", "in", holders)]
        if vacant_units:
            domain = ["|", *domain, "&", ("evaluator_id", "=", False), ("department_id", "in", vacant_units)]
        domain = ["&", ("state", "in", ACTING_SKP_STATES), *domain]
        # the SKPs with an objection the position decides (the evaluator's supervisor), or
        # decides now, whatever the SKP's state
        deciding = [("evaluation_ids.objection_ids.acting_assignment_id", "in", self.ids)]
        if holders:
            deciding = ["|", *deciding, ("evaluation_ids.objection_ids.decider_id", "in", holders)]
        return Skp.search(["|", *domain, "&", ("evaluation_ids.objection_ids.state", "=", "submitted"), *deciding])

    def _refresh_routing(self, skps=None, users=None):
        """Recompute who evaluates the SKPs of these assignments' positions (and ``skps``), and
        move the pending to-dos of those whose evaluator user changed (since ``users``)."""
        skps = (skps or self.env["kinerja.skp"]) | self._routed_skps()
        skps._acting_refresh(before=users)

    @api.model
    def _cron_refresh_routing(self):
        """Daily: the assignments that start today take over, those that ended give back."""
        Skp = self.env["kinerja.skp"]
        running = self._running()
        linked = Skp.search(
            [
                "|",
                "&",
                ("acting_assignment_id", "!=", False),
                ("state", "in", ACTING_SKP_STATES),
                "&",
                ("evaluation_ids.objection_ids.acting_assignment_id", "!=", False),
                ("evaluation_ids.objection_ids.state", "=", "submitted"),
            ]
        )
        (linked | running._routed_skps())._acting_refresh()
