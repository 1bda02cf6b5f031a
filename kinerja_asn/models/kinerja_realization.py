from collections import defaultdict
from urllib.parse import urlsplit

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.achievement import aggregate
from ..tools.actions import notification
from ..tools.fixed_fields import check_fixed
from .kinerja_workflow_mixin import MAIL_FIELDS

# What the employee reports; it changes only while the report is his to edit.
CONTENT_FIELDS = {"skp_indicator_id", "period_id", "value", "note", "evidence_url", "attachment_ids"}
EVIDENCE_URL_MAX = 2048
# What the evaluator writes while reviewing.
REVIEW_FIELDS = {"feedback"}


class KinerjaRealization(models.Model):
    """Realisasi: what an employee achieved on one indicator of his SKP in one sub-period,
    with its evidence (bukti dukung), reviewed by his evaluator."""

    _name = "kinerja.realization"
    _description = "Realisation Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "kinerja.workflow.mixin"]
    _order = "period_date_start desc, employee_id, result_id, skp_indicator_id"
    _rec_name = "skp_indicator_id"
    _mail_post_access = "read"
    _check_company_auto = True

    # The workflow (see kinerja.workflow.mixin): who may make each move.
    _workflow_transitions = {
        ("draft", "submitted"): ("employee", "officer"),
        ("rejected", "submitted"): ("employee", "officer"),
        ("submitted", "draft"): ("employee", "officer"),
        ("submitted", "accepted"): ("evaluator",),
        ("submitted", "rejected"): ("evaluator",),
        ("accepted", "submitted"): ("officer",),
        ("rejected", "draft"): ("employee", "officer"),
    }
    _workflow_fields = frozenset({"state", "submitted_date", "reviewed_date", "reviewed_by_id"})
    _workflow_state_write = True
    _workflow_deletable_states = ("draft", "rejected")
    _workflow_subtypes = {
        "accepted": "kinerja_asn.mt_realization_accepted",
        "rejected": "kinerja_asn.mt_realization_rejected",
    }

    skp_indicator_id = fields.Many2one(
        "kinerja.skp.indicator",
        string="Indicator",
        required=True,
        index=True,
        ondelete="restrict",
        # No check_company: the report's company is the indicator's own (a related field), so
        # the check could never fail, and on a new report it would hide every indicator.
        domain="[('state', '=', 'approved')]",
    )
    result_id = fields.Many2one(related="skp_indicator_id.result_id", store=True, index=True, string="Work Result")
    skp_id = fields.Many2one(related="skp_indicator_id.skp_id", store=True, index=True, string="SKP")
    employee_id = fields.Many2one(related="skp_indicator_id.skp_id.employee_id", store=True, index=True)
    user_id = fields.Many2one(related="skp_indicator_id.skp_id.user_id", store=True, index=True, string="User")
    evaluator_id = fields.Many2one(related="skp_indicator_id.skp_id.evaluator_id", store=True, index=True)
    evaluator_user_id = fields.Many2one(
        related="skp_indicator_id.skp_id.evaluator_user_id", store=True, index=True, string="Evaluator User"
    )
    department_id = fields.Many2one(related="skp_indicator_id.skp_id.department_id", store=True, index=True)
    goal_id = fields.Many2one(
        related="skp_indicator_id.result_id.root_goal_id",
        store=True,
        index=True,
        string="Organisation Goal",
    )
    company_id = fields.Many2one(related="skp_indicator_id.skp_id.company_id", store=True, index=True)
    period_id = fields.Many2one(
        "kinerja.period",
        string="Period",
        required=True,
        index=True,
        check_company=True,
        domain="[('period_type', '!=', 'year'), ('state', '=', 'open')]",
        default=lambda self: self._default_period(),
    )
    period_date_start = fields.Date(related="period_id.date_start", store=True, string="Period Start")
    report_deadline = fields.Date(related="period_id.report_deadline")
    value = fields.Float(string="Realisation", digits=(16, 2), tracking=True)
    unit_label = fields.Char(related="skp_indicator_id.unit_label")
    target_value = fields.Float(related="skp_indicator_id.target_value")
    aspect = fields.Selection(related="skp_indicator_id.aspect")
    note = fields.Text(help="What was done, and anything the evaluator should know.")
    evidence_url = fields.Char(
        string="Evidence Link",
        help="A link to evidence kept elsewhere (shared drive, agency application).",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "kinerja_realization_attachment_rel",
        "realization_id",
        "attachment_id",
        string="Evidence Files",
        copy=False,
    )
    evidence_count = fields.Integer(compute="_compute_evidence_count", string="Evidence")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    feedback = fields.Text(
        string="Evaluator's Feedback",
        tracking=True,
        help="Required when the report is rejected: what the employee must fix.",
    )
    submitted_date = fields.Datetime(readonly=True, copy=False)
    reviewed_date = fields.Datetime(readonly=True, copy=False)
    reviewed_by_id = fields.Many2one("res.users", string="Reviewed By", readonly=True, copy=False)
    is_late = fields.Boolean(
        compute="_compute_is_late",
        store=True,
        string="Late",
        help="Submitted after the period's realisation deadline.",
    )
    daily_log_ids = fields.Many2many(
        "kinerja.daily.log",
        compute="_compute_daily_log_ids",
        string="Daily Log",
        help="What the employee noted day by day for this work result in the period: the evidence behind the figure.",
    )
    can_review = fields.Boolean(compute="_compute_can_review")
    cannot_review_reason = fields.Char(compute="_compute_can_review")
    can_submit = fields.Boolean(compute="_compute_can_submit")
    can_withdraw = fields.Boolean(compute="_compute_can_submit")
    aggregation = fields.Selection(related="skp_indicator_id.aggregation")
    period_target = fields.Float(
        compute="_compute_period_figures",
        digits=(16, 2),
        string="Target This Period",
        help="What is expected in this period: a yearly total spread evenly over the sub-periods of the "
        "SKP; for an average, a last or a highest value, the target itself.",
    )
    target_to_date = fields.Float(
        compute="_compute_period_figures",
        digits=(16, 2),
        string="Target to Date",
        help="What is expected from the start of the SKP to the end of this period.",
    )
    realized_to_date = fields.Float(
        compute="_compute_period_figures",
        digits=(16, 2),
        string="Realised to Date",
        help="This report's value combined, by the indicator's aggregation, with the submitted and "
        "accepted reports of the earlier periods of the SKP.",
    )

    _sql_constraints = [
        (
            "indicator_period_uniq",
            "unique(skp_indicator_id, period_id)",
            "An indicator has one realisation report per period: edit the existing one.",
        ),
    ]

    # ------------------------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------------------------
    @api.model
    def _default_period(self):
        today = fields.Date.context_today(self)
        company = self.env.company
        return self.env["kinerja.period"]._find(today, company.kinerja_frequency or "month", company)

    @api.depends("attachment_ids", "evidence_url")
    def _compute_evidence_count(self):
        for report in self:
            report.evidence_count = len(report.attachment_ids) + (1 if report.evidence_url else 0)

    @api.depends("submitted_date", "period_id.report_deadline")
    def _compute_is_late(self):
        for report in self:
            deadline = report.period_id.report_deadline
            report.is_late = bool(
                deadline and report.submitted_date and fields.Date.to_date(report.submitted_date) > deadline
            )

    @api.depends_context("uid")
    @api.depends("state", "evaluator_id")
    def _compute_can_review(self):
        for report in self:
            report.can_review = report._workflow_can("accepted")
            report.cannot_review_reason = report._workflow_reason("accepted")

    @api.depends_context("uid")
    @api.depends("state", "user_id", "period_id.state")
    def _compute_can_submit(self):
        for report in self:
            report.can_submit = report.period_id.state != "closed" and report._workflow_can("submitted")
            report.can_withdraw = report._workflow_can("draft", from_states={"submitted"})

    @api.depends("result_id", "period_id")
    def _compute_daily_log_ids(self):
        """One query for the page: the logs of the reports' work results within their periods'
        dates, under the reader's own rules."""
        logs = (
            self.env["kinerja.daily.log"].search(
                [
                    ("result_id", "in", self.result_id.ids),
                    ("date", ">=", min(self.period_id.mapped("date_start"), default=False)),
                    ("date", "<=", max(self.period_id.mapped("date_end"), default=False)),
                ]
            )
            if self.result_id and self.period_id
            else self.env["kinerja.daily.log"]
        )
        for report in self:
            period = report.period_id
            report.daily_log_ids = logs.filtered(
                lambda log, r=report, p=period: log.result_id == r.result_id and p.date_start <= log.date <= p.date_end
            )

    @api.depends(
        "value",
        "period_id",
        "skp_indicator_id.target_value",
        "skp_indicator_id.aggregation",
        "skp_id.date_start",
        "skp_id.date_end",
    )
    def _compute_period_figures(self):
        """Targets due and realisation so far, for the whole page of reports at once: one query
        for the sub-periods of their years, one for the earlier reports of their indicators."""
        periods = self.period_id._origin.filtered("parent_id")
        siblings = defaultdict(list)
        if periods:
            for period in self.env["kinerja.period"].search_fetch(
                [
                    ("parent_id", "in", periods.parent_id.ids),
                    ("period_type", "in", list(set(periods.mapped("period_type")))),
                ],
                ["parent_id", "period_type", "date_start", "date_end"],
            ):
                siblings[period.parent_id.id, period.period_type].append((period.date_start, period.date_end))
        earlier = defaultdict(list)
        indicators = self.skp_indicator_id._origin
        if indicators:
            # The reader of a report reads every report of its indicator: the same SKP.
            for other in self.search_fetch(
                [("skp_indicator_id", "in", indicators.ids), ("state", "in", ("submitted", "accepted"))],
                ["skp_indicator_id", "period_date_start", "value"],
                order="period_date_start, id",
            ):
                earlier[other.skp_indicator_id.id].append((other.period_date_start, other.id, other.value))
        for report in self:
            indicator, period = report.skp_indicator_id._origin, report.period_id._origin
            if not indicator or not period.parent_id:
                report.period_target = report.target_to_date = report.realized_to_date = 0.0
                continue
            skp, target = indicator.skp_id, indicator.target_value
            if indicator.aggregation == "sum":
                starts = [
                    start
                    for start, end in siblings[period.parent_id.id, period.period_type]
                    if end >= skp.date_start and start <= skp.date_end
                ]
                count = len(starts) or 1
                elapsed = len([start for start in starts if start <= period.date_start])
                report.period_target = target / count
                report.target_to_date = target * elapsed / count
            else:
                report.period_target = report.target_to_date = target
            values = [
                value
                for start, report_id, value in earlier[indicator.id]
                if start < period.date_start and report_id != report._origin.id
            ]
            report.realized_to_date = aggregate([*values, report.value], indicator.aggregation)

    @api.depends("skp_indicator_id", "period_id", "employee_id")
    def _compute_display_name(self):
        for report in self:
            name = (report.skp_indicator_id.name or "").splitlines()[0] if report.skp_indicator_id.name else ""
            report.display_name = " - ".join(filter(None, [report.employee_id.name, name, report.period_id.name]))

    # ------------------------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------------------------
    @api.constrains("skp_indicator_id", "period_id")
    def _check_period(self):
        for report in self:
            skp, period = report.skp_id, report.period_id
            if period.period_type == "year" or period.parent_id != skp.period_id:
                raise ValidationError(
                    self.env._(
                        "%(period)s is not a sub-period of the year %(year)s of this SKP: choose a "
                        "month, quarter or semester of that year.",
                        period=period.name,
                        year=skp.period_id.name,
                    )
                )
            if period.date_end < skp.date_start or period.date_start > skp.date_end:
                raise ValidationError(
                    self.env._(
                        "%(period)s (%(start)s to %(end)s) lies outside the SKP %(skp)s (%(skp_start)s "
                        "to %(skp_end)s): report it on the SKP that covers that period.",
                        period=period.name,
                        start=period.date_start,
                        end=period.date_end,
                        skp=skp.display_name,
                        skp_start=skp.date_start,
                        skp_end=skp.date_end,
                    )
                )

    @api.constrains("value", "skp_indicator_id")
    def _check_value(self):
        for report in self:
            if report.value < 0 and not report.skp_indicator_id.indicator_id.allow_negative:
                raise ValidationError(
                    self.env._(
                        "The realisation of “%(indicator)s” cannot be negative (got %(value)s): enter zero or more.",
                        indicator=report.skp_indicator_id.name,
                        value=report.value,
                    )
                )

    @api.constrains("attachment_ids")
    def _check_evidence(self):
        for report in self:
            report.attachment_ids._kinerja_check_evidence(report.company_id)

    @api.constrains("evidence_url")
    def _check_evidence_url(self):
        for report in self.filtered("evidence_url"):
            url = report.evidence_url.strip()
            parts = urlsplit(url)
            if len(url) > EVIDENCE_URL_MAX or parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValidationError(
                    self.env._(
                        "“%(url)s” is not a web link to evidence: give an address starting with https:// "
                        "(at most %(max)s characters).",
                        url=url[:80],
                        max=EVIDENCE_URL_MAX,
                    )
                )

    # ------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._rename_legacy_keys(vals) for vals in vals_list]
        audit = self._workflow_fields - {"state"}
        if not self.env.su and any(
            vals.get("state", "draft") != "draft" or vals.get("feedback") or any(vals.get(f) for f in audit)
            for vals in vals_list
        ):
            raise AccessError(
                self.env._("A realisation report starts as a draft: submit it, then the evaluator reviews it.")
            )
        self._check_not_reported(vals_list)
        reports = super().create(vals_list)
        if not self.env.su:
            for report in reports:
                report._check_reporter()
        reports._check_period_open()
        reports._attach_evidence()
        return reports

    def write(self, vals):
        vals = self._rename_legacy_keys(vals)
        check_fixed(self, vals, ["skp_indicator_id", "period_id"])
        self._check_editable(set(vals))
        if {"skp_indicator_id", "period_id"} & set(vals):
            self._check_period_open()
        if {"skp_indicator_id", "state", "value", "period_id"} & set(vals):
            self._prefetch_figure_links()
        result = super().write(vals)
        if {"skp_indicator_id", "period_id"} & set(vals):
            self._check_period_open()
        if "attachment_ids" in vals:
            self._attach_evidence()
        return result

    @api.model
    def _rename_legacy_keys(self, vals):
        """Integrations written against 18.0.1.1 send the SKP indicator as ``indicator_id``
        (renamed ``skp_indicator_id`` in 18.0.1.2): still accepted on create and write."""
        if "indicator_id" in vals and "skp_indicator_id" not in vals:
            vals = dict(vals)
            vals["skp_indicator_id"] = vals.pop("indicator_id")
        return vals

    def _workflow_undeletable_message(self):
        return self.env._("The realisation report %s was submitted: it cannot be deleted.", self.display_name)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_own(self):
        self._check_editable(CONTENT_FIELDS)

    # ------------------------------------------------------------------------------------
    # Rights (the workflow's table is on the class; these are the report's own rules)
    # ------------------------------------------------------------------------------------

    def _prefetch_figure_links(self):
        """Load, one query per model, the links the framework follows from these reports to
        the stored figures to recompute (indicator, result, SKP): left to it, a month's
        batch of reports is read a thousand at a time, each time scanning the whole batch."""
        self.fetch(["skp_indicator_id"])
        indicators = self.skp_indicator_id
        indicators.fetch(["result_id", "skp_id"])
        indicators.result_id.fetch(["skp_id"])

    def _check_reporter(self):
        """Only the employee (or an officer) reports, and only on an approved SKP."""
        self.ensure_one()
        if self.skp_id.state != "approved":
            raise UserError(
                self.env._(
                    "%(skp)s is not approved yet: realisation is reported on an approved SKP.",
                    skp=self.skp_id.display_name,
                )
            )
        if self.user_id != self.env.user and not self.env.user._kinerja_is_officer():
            raise AccessError(
                self.env._(
                    "Only %(employee)s reports the realisation of his SKP.",
                    employee=self.employee_id.name,
                )
            )

    def _workflow_refusal(self, new_state):
        if new_state in ("accepted", "rejected"):
            if "employee" in self._workflow_roles():
                return self.env._("You cannot review your own realisation report (%s).", self.display_name)
            return self.env._(
                "Only the evaluator of %(employee)s (%(evaluator)s) reviews his realisation reports.",
                employee=self.employee_id.name,
                evaluator=self.evaluator_id.name or self.env._("none set"),
            )
        states = dict(self._fields["state"]._description_selection(self.env))
        return self.env._(
            "You cannot move the realisation report %(report)s from %(from)s to %(to)s.",
            report=self.display_name,
            **{"from": states.get(self.state), "to": states.get(new_state)},
        )

    def _workflow_stamp(self, new_state):
        now = fields.Datetime.now()
        if new_state == "submitted":
            return {"submitted_date": now}
        if new_state in ("accepted", "rejected"):
            return {"reviewed_date": now, "reviewed_by_id": self.env.uid}
        return {}

    def activity_update(self):
        """The evaluator's to-do is one per SKP, not one per report: see kinerja.skp."""
        waiting = self.filtered(lambda r: r.state == "submitted").skp_id
        waiting._schedule_review_activity()
        (self.skp_id - waiting)._close_review_activity()

    def _check_editable(self, field_names):
        if self._workflow_in_transition():
            return
        content = set(field_names) & CONTENT_FIELDS
        review = set(field_names) & REVIEW_FIELDS
        other = set(field_names) - CONTENT_FIELDS - REVIEW_FIELDS - self._workflow_fields - MAIL_FIELDS
        user = self.env.user
        officer = self.env.user._kinerja_is_officer()
        for report in self:
            if content or other:
                if report.state not in ("draft", "rejected"):
                    raise UserError(
                        self.env._(
                            "The realisation report %(report)s is %(state)s: it can no longer change.%(hint)s",
                            report=report.display_name,
                            state=dict(self._fields["state"]._description_selection(self.env))[report.state],
                            hint=self.env._(" Withdraw it first.") if report.state == "submitted" else "",
                        )
                    )
                if report.user_id != user and not officer:
                    raise AccessError(self.env._("Only %s edits his realisation report.", report.employee_id.name))
            if review:
                if report.evaluator_user_id != user and not officer:
                    raise AccessError(self.env._("Only the evaluator gives feedback on %s.", report.display_name))
                if report.state == "accepted":
                    raise UserError(
                        self.env._("The realisation report %s is accepted: its review is final.", report.display_name)
                    )

    @api.model
    def _check_not_reported(self, vals_list):
        """A clear message before the database's unique constraint (which still guards
        concurrent requests): one report per indicator and period."""
        pairs = {(vals.get("skp_indicator_id"), vals.get("period_id")) for vals in vals_list}
        if len(pairs) < len(vals_list):
            raise ValidationError(self.env._("Each indicator gets one realisation report per period."))
        existing = self.search(
            [
                ("skp_indicator_id", "in", [indicator for indicator, _period in pairs if indicator]),
                ("period_id", "in", [period for _indicator, period in pairs if period]),
            ]
        )
        for report in existing:
            if (report.skp_indicator_id.id, report.period_id.id) in pairs:
                raise ValidationError(
                    self.env._(
                        "The indicator “%(indicator)s” already has a realisation report for %(period)s: "
                        "edit that report instead of adding another.",
                        indicator=report.skp_indicator_id.name,
                        period=report.period_id.name,
                    )
                )

    def _check_period_open(self):
        if self.env.su:
            return
        for report in self:
            if report.period_id.state == "closed":
                raise UserError(
                    self.env._(
                        "The period %(period)s is closed: realisation can no longer be reported for it. "
                        "Ask the performance officer to reopen it if this is an error.",
                        period=report.period_id.name,
                    )
                )

    # ------------------------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------------------------
    def action_submit(self):
        """Send the reports to the evaluator. Returns a notification for the web client (and
        any caller over the external API) saying what was done."""
        to_submit = self.filtered(lambda r: r.state in ("draft", "rejected"))
        to_submit._check_period_open()
        to_submit._workflow_transition("submitted")
        if not to_submit:
            return self._notification(self.env._("Nothing to submit: these reports were already submitted."), "warning")
        return to_submit._done_notification(
            self.env._("Your realisation report is submitted: %(evaluator)s reviews it."),
            self.env._("%(count)s realisation reports are submitted: %(evaluator)s reviews them."),
        )

    def action_withdraw(self):
        to_withdraw = self.filtered(lambda r: r.state == "submitted")
        to_withdraw._workflow_transition("draft")
        if not to_withdraw:
            return self._notification(
                self.env._("Nothing to withdraw: these reports are not waiting for review."), "warning"
            )
        return self._notification(self.env._("Withdrawn: the report is a draft again, change it and submit it."))

    def action_accept(self):
        to_accept = self.filtered(lambda r: r.state == "submitted")
        to_accept._workflow_transition("accepted")
        # Draft evaluations of these SKPs follow the accepted realisation; their figures are
        # the application's (the reviewer may not read every draft).
        self.env["kinerja.evaluation"]._evaluation_application().search(
            [("skp_id", "in", to_accept.skp_id.ids), ("state", "=", "draft")]
        )._refresh_suggestion()
        if not to_accept:
            return self._notification(
                self.env._("Nothing to accept: these reports are not waiting for review."), "warning"
            )
        return to_accept._done_notification(
            self.env._("The realisation report of %(employee)s is accepted."),
            self.env._("%(count)s realisation reports of %(employees)s are accepted."),
        )

    def action_reject(self, feedback=None, reason=None):
        """Send reports back to the employee with feedback saying what to fix (required): the
        ``feedback`` given here, or the feedback already written on each report."""
        given = (feedback or reason or "").strip()
        for report in self:
            if report.state != "submitted":
                raise UserError(
                    self.env._("Only a submitted realisation report can be rejected (%s).", report.display_name)
                )
            if not given and not (report.feedback or "").strip():
                raise UserError(
                    self.env._(
                        "Write your feedback when rejecting the realisation report %s, so the employee "
                        "knows what to fix.",
                        report.display_name,
                    )
                )
        self._workflow_check("rejected")
        if given:
            self.write({"feedback": given})
        self._workflow_transition("rejected")
        for report in self:
            report.message_post(
                body=report.user_id._recipient_env()._("Realisation report rejected: %s", report.feedback),
                partner_ids=report.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        if not self:
            return self._notification(self.env._("Nothing to reject: choose the reports to reject."), "warning")
        return self._done_notification(
            self.env._("The realisation report of %(employee)s is rejected with your feedback."),
            self.env._("%(count)s realisation reports of %(employees)s are rejected with your feedback."),
        )

    def action_reopen(self):
        """Officer: reopen an accepted report for review (e.g. evidence found wrong)."""
        self.filtered(lambda r: r.state == "accepted")._workflow_transition("submitted")
        return True

    def _notification(self, message, kind="success"):
        return notification(message, kind)

    def _done_notification(self, one, many):
        """Say what was done to these reports: ``one`` for a single report, ``many`` for
        several; both translated, with the placeholders %(employee)s / %(employees)s,
        %(evaluator)s and %(count)s."""
        values = {
            "count": len(self),
            "employee": self.employee_id[:1].name,
            "employees": ", ".join(self.employee_id.mapped("name")),
            "evaluator": ", ".join(self.evaluator_id.mapped("name")) or self.env._("your evaluator"),
        }
        return self._notification((one if len(self) == 1 else many) % values)

    def action_open_form(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_realization_action_related")
        action.update(res_id=self.id, view_mode="form", views=[(False, "form")])
        return action

    @api.model
    def _action_report_current(self):
        """'Report Realisation' menu: the entry grid of the current user's approved SKP."""
        today = fields.Date.context_today(self)
        skp = self.env["kinerja.skp"].search(
            [
                ("user_id", "=", self.env.uid),
                ("state", "=", "approved"),
                ("date_start", "<=", today),
                ("date_end", ">=", today),
            ],
            order="date_start desc",
            limit=1,
        )
        if not skp:
            raise UserError(
                self.env._(
                    "You have no approved SKP covering today: realisation is reported on an approved SKP. "
                    "Open My SKP to complete and submit yours."
                )
            )
        return skp.action_report_realization()

    def action_open_reject_wizard(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_realization_reject_wizard_action")
        action["context"] = {"active_model": self._name, "active_ids": self.ids}
        return action

    # ------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------
    def _attach_evidence(self):
        """Tie uploaded evidence files to their report, so that only those who may read the
        report read its files (ir.attachment follows res_model/res_id)."""
        for report in self:
            report.attachment_ids._kinerja_attach_to(report)
