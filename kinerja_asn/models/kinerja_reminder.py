import logging
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models, modules

_logger = logging.getLogger(__name__)

PURPOSES = [
    ("plan", "SKP not approved yet"),
    ("report_due", "Realisation due"),
    ("report_late", "Realisation overdue"),
    ("review", "Waiting for the evaluator"),
    ("escalation", "Approval escalated"),
]
BATCH_SIZE = 200


class KinerjaReminder(models.Model):
    """What the scheduled actions sent, to whom and why: one row per person, purpose and
    period. Its unique key is the guard that makes a second run (or a second worker running at
    the same time) send nothing twice."""

    _name = "kinerja.reminder"
    _description = "Performance Reminder"
    _order = "create_date desc, id desc"

    key = fields.Char(required=True, readonly=True, index=True)
    user_id = fields.Many2one("res.users", string="Sent To", required=True, readonly=True, index=True)
    purpose = fields.Selection(PURPOSES, required=True, readonly=True, index=True)
    period_id = fields.Many2one("kinerja.period", string="Period", readonly=True, index=True)
    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(string="Document ID", model_field="res_model", readonly=True)
    summary = fields.Text(readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)

    _sql_constraints = [("key_uniq", "unique(key)", "This reminder was already sent.")]

    @api.depends("purpose", "period_id")
    def _compute_display_name(self):
        labels = dict(self._fields["purpose"]._description_selection(self.env))
        for reminder in self:
            reminder.display_name = " - ".join(filter(None, [labels.get(reminder.purpose), reminder.period_id.name]))

    # ------------------------------------------------------------------------------------
    # The jobs
    # ------------------------------------------------------------------------------------
    @api.model
    def _cron_send_reminders(self, department=None):
        """Daily: employees without an approved SKP as the planning deadline nears; employees
        who have not reported a period as its deadline nears and after it passes; evaluators
        with SKPs, reports or evaluations waiting on them."""
        # It reads the whole agency: the scheduler and the officers' Run Now start it as superuser.
        return self._send_reminders(department)

    @api.model
    def _send_reminders(self, department=None):
        today = fields.Date.context_today(self)
        items = (
            self._plan_items(today, department)
            + self._report_items(today, department)
            + self._review_items(today, department)
        )
        return self._deliver(items)

    @api.model
    def _plan_items(self, today, department=None):
        items = []
        for year in self._open_periods([("period_type", "=", "year"), ("plan_deadline", "!=", False)]):
            company = year.company_id
            if not (year.plan_deadline - timedelta(days=company.kinerja_reminder_days) <= today <= year.date_end):
                continue
            domain = [("company_id", "=", company.id), ("user_id", "!=", False)]
            if department:
                domain.append(("department_id", "child_of", department.id))
            employees = self.env["hr.employee"].search(domain)
            planned = (
                self.env["kinerja.skp"]
                .search(
                    [
                        ("period_id", "=", year.id),
                        ("employee_id", "in", employees.ids),
                        ("state", "in", ("approved", "done")),
                    ]
                )
                .employee_id
            )
            waiting = employees - planned
            if not waiting:
                continue
            skps = self.env["kinerja.skp"].search(
                [("period_id", "=", year.id), ("employee_id", "in", waiting.ids), ("state", "!=", "cancelled")]
            )
            skp_of = {skp.employee_id: skp for skp in skps}
            for employee in waiting:
                skp = skp_of.get(employee)
                env = employee.user_id._recipient_env()
                items.append(
                    {
                        "key": f"plan:{employee.user_id.id}:{year.id}",
                        "user_id": employee.user_id.id,
                        "purpose": "plan",
                        "period_id": year.id,
                        "res_model": skp._name if skp else False,
                        "res_id": skp.id if skp else False,
                        "company_id": company.id,
                        "summary": env._(
                            "Your SKP %(year)s must be approved by %(deadline)s; it is %(state)s.",
                            year=year.name,
                            deadline=year.plan_deadline,
                            state=skp._fields["state"].convert_to_export(skp.state, skp.with_env(env))
                            if skp
                            else env._("not drafted yet"),
                        ),
                    }
                )
        return items

    @api.model
    def _report_items(self, today, department=None):
        items = []
        frequency_periods = self._open_periods(
            [
                ("period_type", "!=", "year"),
                ("report_deadline", "!=", False),
                ("date_end", "<", today + timedelta(days=31)),
            ]
        )
        for period in frequency_periods:
            company = period.company_id
            if period.period_type != (company.kinerja_frequency or "month"):
                continue
            if today > period.report_deadline:
                purpose = "report_late"
            elif today >= period.report_deadline - timedelta(days=company.kinerja_reminder_days):
                purpose = "report_due"
            else:
                continue
            domain = [
                ("period_id", "=", period.parent_id.id),
                ("state", "=", "approved"),
                ("date_start", "<=", period.date_end),
                ("date_end", ">=", period.date_start),
                ("user_id", "!=", False),
            ]
            if department:
                domain.append(("department_id", "child_of", department.id))
            skps = self.env["kinerja.skp"].search(domain)
            if not skps:
                continue
            reported = {
                indicator.id
                for [indicator] in self.env["kinerja.realization"]._read_group(
                    [
                        ("skp_id", "in", skps.ids),
                        ("period_id", "=", period.id),
                        ("state", "in", ("submitted", "accepted")),
                    ],
                    ["skp_indicator_id"],
                )
            }
            missing = defaultdict(int)
            for indicator in skps.indicator_ids:
                if indicator.id not in reported:
                    missing[indicator.skp_id] += 1
            for skp, count in missing.items():
                items.append(
                    {
                        "key": f"{purpose}:{skp.user_id.id}:{period.id}",
                        "user_id": skp.user_id.id,
                        "purpose": purpose,
                        "period_id": period.id,
                        "res_model": skp._name,
                        "res_id": skp.id,
                        "company_id": company.id,
                        "summary": skp.user_id._recipient_env()._(
                            "%(count)s indicator(s) of your SKP have no realisation for %(period)s; the "
                            "deadline is %(deadline)s.",
                            count=count,
                            period=period.name,
                            deadline=period.report_deadline,
                        ),
                    }
                )
        return items

    @api.model
    def _review_items(self, today, department=None):
        """One summary per evaluator per sub-period of what waits for him."""
        waiting = defaultdict(lambda: defaultdict(int))
        skp_domain = [("state", "=", "submitted"), ("evaluator_user_id", "!=", False)]
        report_domain = [("state", "=", "submitted"), ("evaluator_user_id", "!=", False)]
        evaluation_domain = [("state", "=", "draft"), ("evaluator_user_id", "!=", False)]
        if department:
            for domain in (skp_domain, report_domain, evaluation_domain):
                domain.append(("department_id", "child_of", department.id))
        for model, domain, label in (
            ("kinerja.skp", skp_domain, "skp"),
            ("kinerja.realization", report_domain, "report"),
            ("kinerja.evaluation", evaluation_domain, "evaluation"),
        ):
            for user, company, count in self.env[model]._read_group(
                domain, ["evaluator_user_id", "company_id"], ["__count"]
            ):
                waiting[(user, company)][label] += count
        items = []
        periods = {}
        for (user, company), counts in waiting.items():
            if company not in periods:
                periods[company] = self.env["kinerja.period"]._find(
                    today, company.kinerja_frequency or "month", company
                )
            period = periods[company]
            if not period:
                continue
            items.append(
                {
                    "key": f"review:{user.id}:{period.id}",
                    "user_id": user.id,
                    "purpose": "review",
                    "period_id": period.id,
                    "res_model": False,
                    "res_id": False,
                    "company_id": company.id,
                    "summary": user._recipient_env()._(
                        "Waiting for you: %(skps)s SKP(s) to approve, %(reports)s realisation report(s) to "
                        "review, %(evaluations)s evaluation(s) to sign.",
                        skps=counts["skp"],
                        reports=counts["report"],
                        evaluations=counts["evaluation"],
                    ),
                }
            )
        return items

    @api.model
    def _open_periods(self, domain):
        return self.env["kinerja.period"].search([("state", "=", "open"), *domain])

    # ------------------------------------------------------------------------------------
    # Delivery, in batches
    # ------------------------------------------------------------------------------------
    @api.model
    def _deliver(self, items, batch_size=BATCH_SIZE):
        """Claim each reminder's key in the database, then schedule its activity and queue its
        e-mail; batch by batch, each committed on its own outside tests."""
        sent = self.browse()
        total = len(items)
        for start in range(0, total, batch_size):
            chunk = items[start : start + batch_size]
            with self.env.cr.savepoint():
                sent |= self._deliver_batch(chunk)
            self._commit_progress(done=min(start + batch_size, total), remaining=max(total - start - batch_size, 0))
        return sent

    @api.model
    def _deliver_batch(self, items):
        items = list({item["key"]: item for item in items}.values())
        claimed = self._claim(items)
        if not claimed:
            return self.browse()
        reminders = self.create([item for item in items if item["key"] in claimed])
        reminders._schedule_activities()
        template = self.env.ref("kinerja_asn.mail_template_kinerja_reminder", raise_if_not_found=False)
        if template:
            template.send_mail_batch(reminders.ids)
        return reminders

    @api.model
    def _claim(self, items):
        """Keys not sent before. The unique index decides, so that two workers running the
        same job at once cannot both send: the second one's insert finds the row."""
        if not items:
            return set()
        keys = [item["key"] for item in items]
        self.env.cr.execute(
            """
            SELECT key FROM kinerja_reminder WHERE key = ANY(%s)
            """,
            [keys],
        )
        done = {key for (key,) in self.env.cr.fetchall()}
        fresh = [key for key in dict.fromkeys(keys) if key not in done]
        if not fresh:
            return set()
        # Lock the keys for this transaction: a concurrent run waits here, then sees them.
        self.env.cr.execute(
            "SELECT pg_advisory_xact_lock(hashtext(key)) FROM unnest(%s::varchar[]) AS key ORDER BY key",
            [fresh],
        )
        self.env.cr.execute("SELECT key FROM kinerja_reminder WHERE key = ANY(%s)", [fresh])
        taken = {key for (key,) in self.env.cr.fetchall()}
        return set(fresh) - taken

    def _schedule_activities(self):
        """One to-do per document and person, whatever the number of reminders it carries."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        grouped = defaultdict(self.browse)
        for reminder in self.filtered(lambda r: r.res_model and r.res_id):
            grouped[(reminder.res_model, reminder.res_id, reminder.user_id)] |= reminder
        vals_list = []
        for (res_model, res_id, user), reminders in grouped.items():
            deadlines = [r.period_id.report_deadline or r.period_id.plan_deadline for r in reminders]
            labels = dict(self._fields["purpose"]._description_selection(user._recipient_env()))
            vals_list.append(
                {
                    "res_model_id": self.env["ir.model"]._get_id(res_model),
                    "res_id": res_id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "summary": " / ".join(dict.fromkeys(labels[r.purpose] for r in reminders)),
                    # the summaries name documents their authors titled: escaped, one per line
                    "note": Markup("<br/>").join(r.summary or "" for r in reminders),
                    "date_deadline": min(filter(None, deadlines), default=fields.Date.context_today(self)),
                }
            )
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(vals_list)

    @api.model
    def _commit_progress(self, done, remaining):
        """Report progress to the cron runner and commit the batch (never inside tests)."""
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        if not modules.module.current_test:
            self.env.cr.commit()  # pylint: disable=invalid-commit
