from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class KinerjaCoaching(models.Model):
    """Bimbingan kinerja: a coaching, mentoring or counselling session, private to the employee,
    the coach and the performance officers."""

    _name = "kinerja.coaching"
    _description = "Coaching Note"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _rec_name = "topic"
    _mail_post_access = "read"
    _check_company_auto = True

    employee_id = fields.Many2one("hr.employee", required=True, index=True, check_company=True, tracking=True)
    employee_user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True, string="Employee User")
    coach_id = fields.Many2one(
        "hr.employee",
        string="Coach",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
        tracking=True,
    )
    coach_user_id = fields.Many2one(related="coach_id.user_id", store=True, index=True, string="Coach User")
    skp_id = fields.Many2one(
        "kinerja.skp", string="SKP", index=True, check_company=True, domain="[('employee_id', '=', employee_id)]"
    )
    coaching_type = fields.Selection(
        [("coaching", "Coaching"), ("mentoring", "Mentoring"), ("counselling", "Counselling")],
        string="Type",
        required=True,
        default="coaching",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    topic = fields.Char(required=True)
    outcome = fields.Text()
    follow_up = fields.Text(string="Follow-up")
    follow_up_date = fields.Date(string="Follow-up Date")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)

    @api.constrains("employee_id", "coach_id")
    def _check_people(self):
        for note in self:
            if note.employee_id == note.coach_id:
                raise ValidationError(self.env._("%s cannot coach himself.", note.employee_id.name))

    @api.constrains("follow_up_date", "date")
    def _check_follow_up_date(self):
        for note in self:
            if note.follow_up_date and note.follow_up_date < note.date:
                raise ValidationError(self.env._("The follow-up date cannot be before the session."))

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.employee_id:
            self.company_id = self.employee_id.company_id

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group("kinerja_asn.group_kinerja_officer"):
            mine = self.env.user.employee_ids
            for vals in vals_list:
                coach = self.env["hr.employee"].browse(vals.get("coach_id") or self.env.user.employee_id.id)
                if coach not in mine:
                    raise AccessError(
                        self.env._(
                            "Only the coach (%s) writes this coaching note.",
                            self.env["hr.employee.public"].browse(coach.id).name or "-",
                        )
                    )
        notes = super().create(vals_list)
        for note in notes:
            if note.employee_user_id:
                note.message_subscribe(partner_ids=note.employee_user_id.partner_id.ids)
            if note.follow_up_date and note.coach_user_id:
                note.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=note.follow_up_date,
                    summary=note.coach_user_id._recipient_env()._("Coaching follow-up: %s", note.topic),
                    user_id=note.coach_user_id.id,
                )
        return notes

    def write(self, vals):
        self._check_coach()
        return super().write(vals)

    def _check_coach(self):
        """The coach writes the note (or an officer); the employee reads it and replies."""
        if self.env.su or self.env.user.has_group("kinerja_asn.group_kinerja_officer"):
            return
        for note in self:
            if note.coach_user_id != self.env.user:
                raise AccessError(self.env._("Only the coach (%s) writes this coaching note.", note.coach_id.name))
