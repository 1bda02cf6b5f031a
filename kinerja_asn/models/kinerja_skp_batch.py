from datetime import timedelta

from odoo import api, fields, models


class KinerjaSkp(models.Model):
    """The batch path of the SKPs: the daily escalation of approvals, the drafts generated for
    a year, and the realisation reports prepared for a sub-period. Each is one method that an
    extending module can override."""

    _inherit = "kinerja.skp"

    def _current_subperiod(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        day = min(max(today, self.date_start), self.date_end)
        frequency = self.company_id.kinerja_frequency or "month"
        return self.env["kinerja.period"].search(
            [
                ("parent_id", "=", self.period_id.id),
                ("period_type", "=", frequency),
                ("date_start", "<=", day),
                ("date_end", ">=", day),
            ],
            limit=1,
        )

    def _elapsed_share(self, day):
        """The share of this SKP's span that has passed at the end of ``day`` (0 to 1)."""
        self.ensure_one()
        total = (self.date_end - self.date_start).days + 1
        elapsed = (min(day, self.date_end) - self.date_start).days + 1
        return max(0.0, min(1.0, elapsed / total)) if total > 0 else 1.0

    def _prepare_realizations(self, period):
        """Create the missing draft reports of these SKPs for ``period``, one per indicator."""
        skps = self.filtered(lambda s: s.state == "approved")
        existing = set(
            self.env["kinerja.realization"]
            .search([("skp_id", "in", skps.ids), ("period_id", "=", period.id)])
            .mapped("skp_indicator_id")
            .ids
        )
        vals_list = [
            {"skp_indicator_id": indicator.id, "period_id": period.id}
            for indicator in skps.indicator_ids
            if indicator.id not in existing
        ]
        return self.env["kinerja.realization"].create(vals_list)

    @api.model
    def _generate_drafts(self, period, employees):
        """Create a draft SKP for each of ``employees`` that has none for ``period``."""
        existing = self.search(
            [("period_id", "=", period.id), ("employee_id", "in", employees.ids), ("state", "!=", "cancelled")]
        ).employee_id
        todo = employees - existing
        return self.create(
            [
                {"employee_id": employee.id, "period_id": period.id, "company_id": employee.company_id.id}
                for employee in todo
            ]
        )

    @api.model
    def _cron_escalate_approvals(self, department=None):
        """Daily: an SKP waiting for approval longer than the company's escalation delay gets
        an activity for the evaluator's supervisor, once (the reminder log's key guards it)."""
        now = fields.Datetime.now()
        domain = [("state", "=", "submitted"), ("evaluator_parent_user_id", "!=", False)]
        if department:
            domain.append(("department_id", "child_of", department.id))
        items = []
        # The whole agency: the scheduler and the officers' Run Now start it as superuser.
        for skp in self.search(domain):
            days = skp.company_id.kinerja_escalation_days or 7
            if not skp.submitted_date or skp.submitted_date > now - timedelta(days=days):
                continue
            items.append(
                {
                    "key": f"escalation:{skp.id}:{skp.submitted_date.isoformat()}",
                    "user_id": skp.evaluator_parent_user_id.id,
                    "purpose": "escalation",
                    "period_id": skp.period_id.id,
                    "res_model": self._name,
                    "res_id": skp.id,
                    "company_id": skp.company_id.id,
                    "summary": skp.evaluator_parent_user_id._recipient_env()._(
                        "%(skp)s has waited for the approval of %(evaluator)s since %(date)s.",
                        skp=skp.display_name,
                        evaluator=skp.evaluator_id.name,
                        date=fields.Date.to_date(skp.submitted_date),
                    ),
                }
            )
        return self.env["kinerja.reminder"]._deliver(items)
