from datetime import datetime, time, timedelta

from pytz import timezone

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# What the author writes; the rest follows from the work result and the clock.
CONTENT_FIELDS = {"date", "result_id", "name", "attachment_ids"}
# When the entry was written and what follows from it: the clock's, never the author's.
CLOCK_FIELDS = {"written_on", "deadline_date", "is_late"}
# How far ahead the working days after an entry's day are looked for.
LOOKAHEAD_DAYS = 45


class KinerjaDailyLog(models.Model):
    """Catatan harian: what an employee did on a day for one of his work results (RHK), with
    a photo or file if he has one. Written in a few seconds from a phone; on time up to the
    configured number of working days after the day, marked late after. It is the evidence
    beside the month's realisation report, never its figures."""

    _name = "kinerja.daily.log"
    _description = "Daily Progress Log"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _rec_name = "name"

    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    result_id = fields.Many2one(
        "kinerja.skp.result",
        string="Work Result",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('skp_id.user_id', '=', uid), ('state', '=', 'approved')]",
        help="The work result (RHK) of your approved SKP this work was for.",
    )
    name = fields.Text(string="What I Did", required=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "kinerja_daily_log_attachment_rel",
        "log_id",
        "attachment_id",
        string="Photo or File",
        help="A photo taken with the phone or a document, as evidence of the work.",
    )
    skp_id = fields.Many2one(related="result_id.skp_id", store=True, index=True, string="SKP")
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True)
    user_id = fields.Many2one(related="skp_id.user_id", store=True, index=True)
    evaluator_user_id = fields.Many2one(related="skp_id.evaluator_user_id", store=True, index=True)
    department_id = fields.Many2one(related="skp_id.department_id", store=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True, index=True)
    written_on = fields.Datetime(
        string="Written On",
        readonly=True,
        copy=False,
        help="When the entry was written, set by the server: it decides whether the entry is on time.",
    )
    deadline_date = fields.Date(
        string="On Time Until",
        compute="_compute_timeliness",
        store=True,
        help="The last day the entry counts as on time: the configured number of working days "
        "after its day, on the employee's working schedule (public holidays excluded).",
    )
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_timeliness",
        store=True,
        help="Written after the last day it counted as on time.",
    )

    # ------------------------------------------------------------------------------------
    # Timeliness
    # ------------------------------------------------------------------------------------
    @api.depends("date", "written_on", "employee_id", "company_id.kinerja_daily_log_days")
    def _compute_timeliness(self):
        deadlines = {}
        for log in self:
            if not log.date:
                log.deadline_date = log.is_late = False
                continue
            calendar = log.employee_id.resource_calendar_id or log.company_id.resource_calendar_id
            days = log.company_id.kinerja_daily_log_days
            key = (calendar.id, log.date, days)
            if key not in deadlines:
                deadlines[key] = self._working_day_after(calendar, log.date, days)
            log.deadline_date = deadlines[key]
            written = self._local_date(log.written_on) if log.written_on else fields.Date.context_today(log)
            log.is_late = bool(log.deadline_date and written > log.deadline_date)

    @api.model
    def _working_day_after(self, calendar, day, days):
        """The ``days``-th working day after ``day`` on ``calendar`` (``day`` itself for 0);
        without a calendar, calendar days."""
        if days <= 0:
            return day
        if not calendar:
            return day + timedelta(days=days)
        tz = timezone(calendar.tz or "Asia/Jakarta")
        start = tz.localize(datetime.combine(day + timedelta(days=1), time.min))
        intervals = calendar._work_intervals_batch(start, start + timedelta(days=LOOKAHEAD_DAYS))[False]
        working = sorted({begin.astimezone(tz).date() for begin, _end, _meta in intervals})
        return working[days - 1] if len(working) >= days else day + timedelta(days=days)

    def _local_date(self, moment):
        tz = timezone(self.env.user.tz or self.company_id.partner_id.tz or "Asia/Jakarta")
        return fields.Datetime.to_datetime(moment).replace(tzinfo=timezone("UTC")).astimezone(tz).date()

    # ------------------------------------------------------------------------------------
    # Constraints and CRUD
    # ------------------------------------------------------------------------------------
    @api.constrains("date", "result_id")
    def _check_day(self):
        for log in self:
            skp = log.skp_id
            if log.date > fields.Date.context_today(log):
                raise ValidationError(self.env._("A daily log tells what was done: %s is still to come.", log.date))
            if skp.state != "approved":
                raise ValidationError(
                    self.env._(
                        "The daily log is kept for a running SKP: %(skp)s is not approved (or already evaluated).",
                        skp=skp.display_name,
                    )
                )
            if (skp.date_start and log.date < skp.date_start) or (skp.date_end and log.date > skp.date_end):
                raise ValidationError(
                    self.env._(
                        "%(date)s lies outside %(skp)s (%(start)s to %(end)s): choose a work result of the SKP "
                        "that covers that day.",
                        date=log.date,
                        skp=skp.display_name,
                        start=skp.date_start,
                        end=skp.date_end,
                    )
                )

    @api.constrains("attachment_ids")
    def _check_evidence(self):
        for log in self:
            log.attachment_ids._kinerja_check_evidence(log.company_id)

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            if not self.env.su or "written_on" not in vals:
                vals["written_on"] = now
        logs = super().create(vals_list)
        logs._check_author()
        for log in logs:
            log.attachment_ids._kinerja_attach_to(log)
        return logs

    def write(self, vals):
        if CLOCK_FIELDS & set(vals) and not self.env.su:
            raise UserError(
                self.env._("When a daily log entry was written is the server's record: it cannot be changed.")
            )
        if CONTENT_FIELDS & set(vals):
            self._check_author()
            self._check_changeable()
        result = super().write(vals)
        if "result_id" in vals or "attachment_ids" in vals:
            self._check_author()
            for log in self:
                log.attachment_ids._kinerja_attach_to(log)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_kept(self):
        self._check_author()
        self._check_changeable()

    def _check_author(self):
        """Each employee keeps his own log: nobody writes it in his name."""
        if self.env.su:
            return
        for log in self:
            if log.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "The daily log of %(employee)s is his own to write: choose one of your own work results.",
                        employee=log.employee_id.name,
                    )
                )

    def _check_changeable(self):
        """An entry is evidence: its author changes it until it stops counting as on time (or
        the day he wrote it, for a late one), then it is kept as it is."""
        if self.env.su:
            return
        today = fields.Date.context_today(self)
        for log in self:
            written = self._local_date(log.written_on) if log.written_on else today
            if today > max(log.deadline_date or today, written):
                raise UserError(
                    self.env._(
                        "The daily log of %(date)s is kept as written since %(until)s: add a new entry instead.",
                        date=log.date,
                        until=max(log.deadline_date, written),
                    )
                )
