from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools.fixed_fields import check_fixed


class KinerjaFeedback(models.Model):
    """Umpan balik: continuous feedback from a supervisor on a work result or a core value."""

    _name = "kinerja.feedback"
    _description = "Performance Feedback"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"
    _rec_name = "skp_id"
    _mail_post_access = "read"
    _check_company_auto = True

    # The company is the SKP's (company_id is related to it): a company check on the SKP
    # itself would offer no SKP at all on a new feedback, whose company is not known yet.
    skp_id = fields.Many2one("kinerja.skp", string="SKP", required=True, index=True, ondelete="cascade")
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True)
    department_id = fields.Many2one(related="skp_id.department_id", store=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True, index=True)
    period_id = fields.Many2one(
        "kinerja.period",
        string="Period",
        index=True,
        check_company=True,
        domain="[('period_type', '!=', 'year')]",
    )
    result_id = fields.Many2one(
        "kinerja.skp.result",
        string="Work Result",
        index=True,
        ondelete="cascade",
        domain="[('skp_id', '=', skp_id)]",
    )
    core_value_id = fields.Many2one("kinerja.core.value", string="Core Value")
    author_id = fields.Many2one(
        "res.users", string="Given By", required=True, readonly=True, default=lambda self: self.env.user, index=True
    )
    feedback_type = fields.Selection(
        [("positive", "Positive"), ("improvement", "For Improvement")],
        string="Type",
        required=True,
        default="positive",
    )
    text = fields.Text(string="Feedback", required=True)

    @api.constrains("result_id", "core_value_id", "skp_id")
    def _check_subject(self):
        for feedback in self:
            if bool(feedback.result_id) == bool(feedback.core_value_id):
                raise ValidationError(
                    self.env._("Give feedback on one work result or on one core value: choose exactly one.")
                )
            if feedback.result_id and feedback.result_id.skp_id != feedback.skp_id:
                raise ValidationError(
                    self.env._("The work result “%s” is not part of this SKP.", feedback.result_id.name)
                )

    @api.constrains("period_id", "skp_id")
    def _check_period(self):
        for feedback in self.filtered("period_id"):
            if feedback.period_id.parent_id != feedback.skp_id.period_id:
                raise ValidationError(
                    self.env._(
                        "%(period)s is not a sub-period of the year %(year)s of this SKP.",
                        period=feedback.period_id.name,
                        year=feedback.skp_id.period_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("author_id", self.env.uid) != self.env.uid:
                    raise AccessError(self.env._("Feedback is given in your own name."))
        records = super().create(vals_list)
        for feedback in records:
            feedback._check_author()
            partner = feedback.employee_id.user_id.partner_id
            if partner:
                feedback.message_post(
                    body=feedback.text,
                    partner_ids=partner.ids,
                    subtype_xmlid="mail.mt_comment",
                    message_type="notification",
                )
        return records

    def write(self, vals):
        check_fixed(self, vals, ["skp_id", "author_id"])
        for feedback in self:
            feedback._check_author(edit=True)
        return super().write(vals)

    def unlink(self):
        for feedback in self:
            feedback._check_author(edit=True)
        return super().unlink()

    def _check_author(self, edit=False):
        """Feedback comes from the employee's supervisors (the evaluator and anyone above him in
        the hierarchy) or an officer; only its author changes it."""
        self.ensure_one()
        if self.env.su:
            return
        user = self.env.user
        if edit:
            if self.author_id != user:
                raise AccessError(self.env._("Only %s can change this feedback.", self.author_id.name))
            return
        if self.author_id != user:
            raise AccessError(self.env._("Feedback is given in your own name."))
        if user.has_group("kinerja_asn.group_kinerja_officer"):
            return
        # his supervisors up the org chart, and the evaluator of his SKP, as superuser
        employee = self.employee_id._kinerja_org_chart()
        chain = employee.search([("id", "parent_of", employee.id)]) - employee
        if not ((chain | self.skp_id._workflow_people().evaluator_id).user_id & user):
            raise AccessError(
                self.env._(
                    "Only the supervisors of %s give feedback on his performance.",
                    self.employee_id.name,
                )
            )
