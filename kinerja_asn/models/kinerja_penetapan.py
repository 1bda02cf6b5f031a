from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.tools.translate import LazyTranslate

from ..tools.achievement import ORG_RATINGS, PREDICATE_KEYS
from ..tools.fixed_fields import check_fixed
from .kinerja_workflow_mixin import MAIL_FIELDS

_lt = LazyTranslate(__name__)


class KinerjaPenetapan(models.Model):
    """Penetapan Predikat Kinerja: the act by which the leadership above a unit (or a
    performance officer) sets the predicates of the unit's employees for a period, against the
    curve of the unit's organisation predicate (SE MenPANRB 3/2023). It lists every person of
    the unit's population with his signed predicate and, per rule of the curve, its limits and
    counts. Confirmed (signed), it closes the unit's period: the unit's evaluations of that
    period can no longer be signed or changed (an objection still has its own decision)."""

    _name = "kinerja.penetapan"
    _description = "Determination of Performance Predicates"
    _inherit = ["mail.thread", "mail.activity.mixin", "kinerja.verification.mixin", "kinerja.workflow.mixin"]
    _order = "period_date_start desc, department_id"
    _check_company_auto = True

    # The workflow (see kinerja.workflow.mixin): the leadership above the unit or an officer
    # confirms; nothing else moves it, and nothing moves it back.
    _workflow_transitions = {("draft", "confirmed"): ("leadership", "officer")}
    _workflow_fields = frozenset(
        {"state", "confirmed_by_id", "confirmed_date", "verification_code", "org_rating", "refreshed_date"}
    )
    _workflow_role_fields = {"leadership": "leader_user_id"}
    _workflow_activities = {"draft": ("kinerja_asn.mail_act_penetapan", "leadership")}
    _workflow_activity_feedback = {"confirmed": _lt("Predicates determined")}
    _workflow_subtypes = {"confirmed": "kinerja_asn.mt_penetapan_confirmed"}

    name = fields.Char(compute="_compute_name", store=True, precompute=True)
    department_id = fields.Many2one(
        "hr.department", string="Work Unit", required=True, index=True, tracking=True, check_company=True
    )
    period_id = fields.Many2one(
        "kinerja.period", string="Period", required=True, index=True, tracking=True, check_company=True
    )
    period_date_start = fields.Date(related="period_id.date_start", store=True, string="Period Start")
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, index=True, default=lambda self: self.env.company
    )
    org_rating_id = fields.Many2one(
        "kinerja.org.rating", compute="_compute_org_rating_id", string="Organisation Rating Record"
    )
    org_rating = fields.Selection(
        ORG_RATINGS,
        string="Organisation Achievement",
        readonly=True,
        help="Capaian Kinerja Organisasi: the unit's organisation predicate for the period, whose curve "
        "the employees' predicates must follow. Recorded with the lines; fixed once confirmed.",
    )
    line_ids = fields.One2many("kinerja.penetapan.line", "penetapan_id", string="Employees' Predicates", readonly=True)
    rule_line_ids = fields.One2many("kinerja.penetapan.rule", "penetapan_id", string="Distribution", readonly=True)
    employee_count = fields.Integer(compute="_compute_counts", string="Employees")
    signed_count = fields.Integer(compute="_compute_counts", string="Signed")
    violation = fields.Text(compute="_compute_counts", string="Distribution Issues")
    refreshed_date = fields.Datetime(string="Figures As Of", readonly=True, copy=False)
    note = fields.Text(tracking=True, help="Considerations of the leadership in setting the predicates.")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", string="Confirmed By", readonly=True, copy=False)
    confirmed_date = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    leader_user_id = fields.Many2one(
        "res.users",
        compute="_compute_leader_user_id",
        string="Leadership",
        help="The head of the nearest unit above, who is asked to confirm.",
    )
    is_led_by_me = fields.Boolean(compute="_compute_is_led_by_me", search="_search_is_led_by_me", string="In My Units")
    can_confirm = fields.Boolean(compute="_compute_can_confirm")
    cannot_confirm_reason = fields.Char(compute="_compute_can_confirm")

    _sql_constraints = [
        (
            "department_period_uniq",
            "unique(department_id, period_id)",
            "The predicates of a unit are determined once per period: open the existing determination.",
        ),
    ]

    # ------------------------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------------------------
    @api.depends("department_id", "period_id")
    def _compute_name(self):
        for penetapan in self:
            penetapan.name = " - ".join(filter(None, [penetapan.department_id.name, penetapan.period_id.name]))

    @api.depends("department_id", "period_id")
    def _compute_org_rating_id(self):
        OrgRating = self.env["kinerja.org.rating"]
        for penetapan in self:
            penetapan.org_rating_id = penetapan._find_org_rating().with_env(self.env) or OrgRating

    @api.depends("line_ids.signed", "rule_line_ids.broken", "rule_line_ids.issue")
    def _compute_counts(self):
        for penetapan in self:
            penetapan.employee_count = len(penetapan.line_ids)
            penetapan.signed_count = len(penetapan.line_ids.filtered("signed"))
            penetapan.violation = "\n".join(penetapan.rule_line_ids.filtered("broken").mapped("issue")) or False

    @api.depends("department_id.parent_id.manager_id.user_id")
    def _compute_leader_user_id(self):
        for penetapan in self:
            leaders = penetapan.department_id._kinerja_leaders() if penetapan.department_id else False
            penetapan.leader_user_id = leaders and leaders.filtered("user_id")[:1].user_id

    @api.depends_context("uid")
    @api.depends("department_id")
    def _compute_is_led_by_me(self):
        mine = self.env.user.employee_ids
        for penetapan in self:
            department = penetapan.department_id
            penetapan.is_led_by_me = bool(
                department and mine and (department.search([("id", "parent_of", department.id)]).manager_id & mine)
            )

    def _search_is_led_by_me(self, operator, value):
        """The determinations of the units the current user heads and of the units below them
        (the record rule of the leadership)."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'In My Units'."))
        managed = self.env["hr.department"].search([("manager_id", "in", self.env.user.employee_ids.ids)])
        domain = [("department_id", "child_of", managed.ids)] if managed else expression.FALSE_DOMAIN
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends_context("uid")
    @api.depends("state", "department_id")
    def _compute_can_confirm(self):
        for penetapan in self:
            penetapan.can_confirm = penetapan._workflow_can("confirmed")
            penetapan.cannot_confirm_reason = penetapan._workflow_reason("confirmed")

    # ------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_manager()
        records._refresh_lines()
        records.activity_update()
        return records

    def write(self, vals):
        check_fixed(self, vals, ["department_id", "period_id", "company_id"])
        if not self._workflow_in_transition() and set(vals) - MAIL_FIELDS - {"state"}:
            for penetapan in self:
                if penetapan.state == "confirmed":
                    raise UserError(self.env._("%s is confirmed: it can no longer change.", penetapan.display_name))
            self._check_manager()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_manager(self):
        self._check_manager()

    def _workflow_undeletable_message(self):
        return self.env._("%s is confirmed: a determination of predicates is never deleted.", self.display_name)

    # ------------------------------------------------------------------------------------
    # Rights
    # ------------------------------------------------------------------------------------
    def _workflow_roles(self):
        """The leadership role belongs to every head of a unit above this one (the nearest
        included), never to the head of the unit himself: his own predicate is among those
        determined."""
        roles = super()._workflow_roles() - {"leadership"}
        if self.company_id not in self.env.user.company_ids:
            # an officer of another agency is no officer here
            roles -= {"officer", "admin"}
        mine = self.env.user.employee_ids
        if mine and self.department_id and (self.department_id._kinerja_leaders() & mine):
            roles.add("leadership")
        return roles

    def _check_manager(self):
        """Only the officers and the leadership above the unit prepare, change or delete a
        determination of its predicates."""
        if self.env.su:
            return
        for penetapan in self:
            if not ({"leadership", "officer"} & penetapan._workflow_roles()):
                raise AccessError(penetapan._workflow_refusal("confirmed"))

    def _workflow_refusal(self, new_state):
        department = self.department_id
        if department.manager_id & self.env.user.employee_ids:
            return self.env._(
                "You head %s: the predicates of its employees, yours among them, are determined by the "
                "leadership above the unit or by the performance officers.",
                department.name,
            )
        return self.env._(
            "Only the performance officers or the leadership above %s determine the predicates of its employees.",
            department.name,
        )

    def _workflow_state_message(self):
        return self.env._("Confirm a determination of predicates with its 'Confirm' button.")

    def _workflow_stamp(self, new_state):
        if new_state == "confirmed":
            return {"confirmed_date": fields.Datetime.now(), "confirmed_by_id": self.env.uid}
        return {}

    def _workflow_after(self, new_state):
        if new_state == "confirmed":
            for penetapan in self:
                penetapan._workflow_write({"verification_code": penetapan._new_verification_code()})

    # ------------------------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------------------------
    def action_refresh(self):
        """Bring the lines of a draft up to date with the unit's evaluations."""
        self.check_access("write")
        self._check_manager()
        drafts = self.filtered(lambda p: p.state == "draft")
        drafts._refresh_lines()
        return True

    def action_confirm(self, force=False):
        """Confirm (sign) the determination: every evaluation of the unit's population must be
        signed and the unit rated for the period; a broken minimum or maximum of the curve
        refuses the confirmation when the company blocks signing outside the distribution, or
        returns a warning to confirm (``force=True`` confirms anyway). Confirmed, the unit's
        evaluations of the period are closed."""
        self.check_access("read")
        self._workflow_check("confirmed")
        drafts = self.filtered(lambda p: p.state == "draft")
        drafts._refresh_lines()
        warnings = []
        for penetapan in drafts:
            penetapan._check_confirmable()
            issues = penetapan.rule_line_ids.filtered("broken").mapped("issue")
            if not issues:
                continue
            if penetapan.company_id.kinerja_distribution_blocking:
                raise UserError(
                    self.env._(
                        "The predicates of %(penetapan)s break the distribution of its organisation "
                        "achievement:\n%(rules)s\nReview the evaluations (or their objections) before confirming.",
                        penetapan=penetapan.display_name,
                        rules="\n".join(issues),
                    )
                )
            warnings.append(f"{penetapan.display_name}:\n" + "\n".join(issues))
        if warnings and not force:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Distribution of Predicates"),
                "res_model": "kinerja.penetapan.confirm.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {"default_penetapan_ids": drafts.ids, "default_warning": "\n\n".join(warnings)},
            }
        drafts._workflow_transition("confirmed")
        for penetapan in drafts:
            penetapan.message_post(
                body=self.env._(
                    "Predicates of %(count)s employees of %(unit)s for %(period)s determined by %(user)s: the "
                    "unit's evaluations of the period are closed.",
                    count=penetapan.employee_count,
                    unit=penetapan.department_id.name,
                    period=penetapan.period_id.name,
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_evaluation_action")
        action["domain"] = [("id", "in", self.line_ids.evaluation_id.ids)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------
    def _find_org_rating(self):
        """The unit's organisation rating for the period, if set (read by every user of the agency)."""
        self.ensure_one()
        OrgRating = self.env["kinerja.org.rating"]
        if not (self.department_id and self.period_id):
            return OrgRating
        return OrgRating.search(
            [("department_id", "=", self.department_id.id), ("period_id", "=", self.period_id.id)], limit=1
        )

    @api.model
    def _confirmed_for(self, department, period, above=False):
        """The confirmed penetapan of ``department`` (``above``: or of a unit above it) for
        ``period``, if any.

        Named exception (README, privileged methods): searched as superuser. A confirmed penetapan closes
        the unit's evaluations and organisation ratings for every evaluator and rater, while
        the record rules show a penetapan to the unit's leadership and the officers only. The
        record found is read for its name and unit in the refusal, nothing else."""
        return self.sudo().search(
            [
                ("department_id", "parent_of" if above else "=", department.id),
                ("period_id", "=", period.id),
                ("state", "=", "confirmed"),
            ],
            limit=1,
        )

    def _check_confirmable(self):
        self.ensure_one()
        if not self.org_rating:
            raise UserError(
                self.env._(
                    "Set the organisation achievement of %(unit)s for %(period)s first: the predicates of its "
                    "employees are determined against its curve.",
                    unit=self.department_id.name,
                    period=self.period_id.name,
                )
            )
        if not self.line_ids:
            raise UserError(
                self.env._(
                    "%(unit)s has no evaluation for %(period)s: there are no predicates to determine.",
                    unit=self.department_id.name,
                    period=self.period_id.name,
                )
            )
        unsigned = self.line_ids.filtered(lambda line: not line.signed)
        if unsigned:
            raise UserError(
                self.env._(
                    "Not every evaluation of %(unit)s for %(period)s is signed yet (%(names)s): the predicates "
                    "are determined once the evaluators have signed them all.",
                    unit=self.department_id.name,
                    period=self.period_id.name,
                    names=", ".join(unsigned.mapped("employee_name")),
                )
            )

    def _refresh_lines(self):
        """Rebuild the lines of the draft determinations from the unit's population as it
        stands: one line per person with his signed predicate, one per rule of the curve with
        its limits, count and share. Written by the application; frozen once confirmed.

        Named exception (README, privileged methods): written as superuser. Nobody has write access to the
        lines (they are the application's output, not anyone's input) and they list the whole
        population of the unit, which the record rules show the leadership only in part."""
        application = self.sudo()
        Line = application.env["kinerja.penetapan.line"]
        RuleLine = application.env["kinerja.penetapan.rule"]
        order = {key: index for index, key in enumerate(PREDICATE_KEYS)}
        for penetapan in application.filtered(lambda p: p.state == "draft"):
            org_rating = penetapan._find_org_rating()
            penetapan.line_ids.unlink()
            penetapan.rule_line_ids.unlink()
            if org_rating:
                population = org_rating._population_evaluations()
                signed = population.filtered(lambda e: e.state == "done")
                total, counts = len(population), Counter(signed.mapped("predicate"))
                Line.create(
                    [
                        {
                            "penetapan_id": penetapan.id,
                            "sequence": index,
                            "evaluation_id": evaluation.id,
                            "employee_id": evaluation.employee_id.id,
                            "employee_name": evaluation.skp_id.employee_name or evaluation.employee_id.name,
                            "employee_nip": evaluation.skp_id.employee_nip or evaluation.employee_id.nip,
                            "position": evaluation.skp_id.employee_position
                            or evaluation.employee_id.job_title
                            or evaluation.employee_id.job_id.name,
                            "department_id": evaluation.department_id.id,
                            "signed": evaluation.state == "done",
                            "result_rating": evaluation.result_rating if evaluation.state == "done" else False,
                            "behavior_rating": evaluation.behavior_rating if evaluation.state == "done" else False,
                            "predicate": evaluation.predicate if evaluation.state == "done" else False,
                        }
                        for index, evaluation in enumerate(
                            population.sorted(
                                lambda e: (
                                    e.state != "done",
                                    order.get(e.predicate, len(order)),
                                    e.employee_id.name or "",
                                )
                            )
                        )
                    ]
                )
                RuleLine.create(
                    [
                        {
                            "penetapan_id": penetapan.id,
                            "sequence": index,
                            "rule_id": line["rule"].id,
                            "description": line["rule"].description,
                            "predicate": line["predicate"],
                            "extra_predicate": line["extra_predicate"],
                            "has_minimum": line["has_minimum"],
                            "has_maximum": line["has_maximum"],
                            "minimum": line["minimum"],
                            "maximum": line["maximum"],
                            "count": line["count"],
                            "percent": line["percent"],
                            "broken": line["above_maximum"] or line["below_minimum"],
                            "issue": penetapan._rule_issue(line, total),
                        }
                        for index, line in enumerate(org_rating._rule_lines(total, counts))
                    ]
                )
            penetapan._workflow_write(
                {"org_rating": org_rating.rating or False, "refreshed_date": fields.Datetime.now()}
            )

    def _rule_issue(self, line, total):
        if line["above_maximum"]:
            return self.env._(
                "%(rule)s: %(count)s of %(total)s employees, at most %(maximum)s allowed.",
                rule=line["rule"].description,
                count=line["count"],
                total=total,
                maximum=line["maximum"],
            )
        if line["below_minimum"]:
            return self.env._(
                "%(rule)s: %(count)s of %(total)s employees, at least %(minimum)s required.",
                rule=line["rule"].description,
                count=line["count"],
                total=total,
                minimum=line["minimum"],
            )
        return False

    def _distribution_table(self):
        """The unit's predicates against the curve, as determined, for the printed documents
        (see kinerja.org.rating._distribution_table)."""
        self.ensure_one()
        counts = Counter(self.line_ids.filtered("signed").mapped("predicate"))
        rule_lines = [
            {
                "predicate": line.predicate,
                "extra_predicate": line.extra_predicate,
                "has_minimum": line.has_minimum,
                "has_maximum": line.has_maximum,
                "minimum": line.minimum,
                "maximum": line.maximum,
                "broken": line.broken,
            }
            for line in self.rule_line_ids
        ]
        return self.env["kinerja.org.rating"]._distribution_table(len(self.line_ids), counts, rule_lines)

    def _verification_values(self):
        """What the public verification page shows of a confirmed determination."""
        self.ensure_one()
        return {
            "unit": self.department_id.complete_name or self.department_id.name,
            "employee": False,
            "nip": "",
            "period": self.period_id.name,
            "signed_by": self.confirmed_by_id.name,
            "signed_on": self.confirmed_date,
        }
