from odoo import api, fields, models

from .res_company import SIGN_CERTIFICATE_GROUPS, SIGN_SECRET_GROUPS, SIGNABLE_REPORT_DOMAIN

# Written to the company in one write, so that its check sees the certificate, its password and
# the switch together (a related field alone would write them one by one).
SIGN_FIELDS = ("kinerja_sign_pdf", "kinerja_sign_certificate", "kinerja_sign_certificate_name", "kinerja_sign_password")


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    kinerja_frequency = fields.Selection(related="company_id.kinerja_frequency", readonly=False)
    kinerja_plan_deadline_days = fields.Integer(related="company_id.kinerja_plan_deadline_days", readonly=False)
    kinerja_report_deadline_days = fields.Integer(related="company_id.kinerja_report_deadline_days", readonly=False)
    kinerja_evaluation_deadline_days = fields.Integer(
        related="company_id.kinerja_evaluation_deadline_days", readonly=False
    )
    kinerja_achievement_cap = fields.Float(related="company_id.kinerja_achievement_cap", readonly=False)
    kinerja_threshold_above = fields.Float(related="company_id.kinerja_threshold_above", readonly=False)
    kinerja_threshold_meets = fields.Float(related="company_id.kinerja_threshold_meets", readonly=False)
    kinerja_annual_rule = fields.Selection(related="company_id.kinerja_annual_rule", readonly=False)
    kinerja_jpt_unit_head = fields.Boolean(related="company_id.kinerja_jpt_unit_head", readonly=False)
    kinerja_distribution_blocking = fields.Boolean(related="company_id.kinerja_distribution_blocking", readonly=False)
    kinerja_distribution_rounding = fields.Selection(related="company_id.kinerja_distribution_rounding", readonly=False)
    kinerja_objection_days = fields.Integer(related="company_id.kinerja_objection_days", readonly=False)
    kinerja_escalation_days = fields.Integer(related="company_id.kinerja_escalation_days", readonly=False)
    kinerja_reminder_days = fields.Integer(related="company_id.kinerja_reminder_days", readonly=False)
    kinerja_next_year_days = fields.Integer(related="company_id.kinerja_next_year_days", readonly=False)
    kinerja_evidence_max_size = fields.Integer(related="company_id.kinerja_evidence_max_size", readonly=False)
    kinerja_evidence_extensions = fields.Char(related="company_id.kinerja_evidence_extensions", readonly=False)
    kinerja_daily_log_days = fields.Integer(related="company_id.kinerja_daily_log_days", readonly=False)
    kinerja_siasn_push_enabled = fields.Boolean(
        related="company_id.kinerja_siasn_push_enabled", readonly=False, groups="base.group_system"
    )
    kinerja_siasn_base_url = fields.Char(
        related="company_id.kinerja_siasn_base_url", readonly=False, groups="base.group_system"
    )
    kinerja_siasn_token_url = fields.Char(
        related="company_id.kinerja_siasn_token_url", readonly=False, groups="base.group_system"
    )
    kinerja_siasn_client_id = fields.Char(
        related="company_id.kinerja_siasn_client_id", readonly=False, groups="base.group_system"
    )
    kinerja_siasn_client_secret = fields.Char(
        related="company_id.kinerja_siasn_client_secret", readonly=False, groups="base.group_system"
    )
    kinerja_siasn_sso_url = fields.Char(
        related="company_id.kinerja_siasn_sso_url", readonly=False, groups="base.group_system"
    )
    kinerja_siasn_sso_client_id = fields.Char(
        related="company_id.kinerja_siasn_sso_client_id", readonly=False, groups="base.group_system"
    )
    kinerja_siasn_username = fields.Char(
        related="company_id.kinerja_siasn_username", readonly=False, groups="base.group_system"
    )
    kinerja_siasn_password = fields.Char(
        related="company_id.kinerja_siasn_password", readonly=False, groups="base.group_system"
    )
    kinerja_siasn_timeout = fields.Integer(
        related="company_id.kinerja_siasn_timeout", readonly=False, groups="base.group_system"
    )
    kinerja_siasn_max_attempts = fields.Integer(
        related="company_id.kinerja_siasn_max_attempts", readonly=False, groups="base.group_system"
    )
    kinerja_org_rating_outstanding = fields.Selection(
        related="company_id.kinerja_org_rating_outstanding", readonly=False
    )
    kinerja_org_rating_good = fields.Selection(related="company_id.kinerja_org_rating_good", readonly=False)
    kinerja_org_rating_needs_improvement = fields.Selection(
        related="company_id.kinerja_org_rating_needs_improvement", readonly=False
    )
    kinerja_org_rating_poor = fields.Selection(related="company_id.kinerja_org_rating_poor", readonly=False)
    kinerja_org_rating_very_poor = fields.Selection(related="company_id.kinerja_org_rating_very_poor", readonly=False)
    kinerja_tpp_very_good = fields.Float(related="company_id.kinerja_tpp_very_good", readonly=False)
    kinerja_tpp_good = fields.Float(related="company_id.kinerja_tpp_good", readonly=False)
    kinerja_tpp_needs_improvement = fields.Float(related="company_id.kinerja_tpp_needs_improvement", readonly=False)
    kinerja_tpp_poor = fields.Float(related="company_id.kinerja_tpp_poor", readonly=False)
    kinerja_tpp_very_poor = fields.Float(related="company_id.kinerja_tpp_very_poor", readonly=False)
    kinerja_tpp_performance_weight = fields.Float(related="company_id.kinerja_tpp_performance_weight", readonly=False)
    kinerja_tpp_discipline_weight = fields.Float(related="company_id.kinerja_tpp_discipline_weight", readonly=False)
    kinerja_tpp_bpjs_employer_rate = fields.Float(related="company_id.kinerja_tpp_bpjs_employer_rate", readonly=False)
    kinerja_tpp_bpjs_employee_rate = fields.Float(related="company_id.kinerja_tpp_bpjs_employee_rate", readonly=False)
    kinerja_tpp_pph_rate_i = fields.Float(related="company_id.kinerja_tpp_pph_rate_i", readonly=False)
    kinerja_tpp_pph_rate_ii = fields.Float(related="company_id.kinerja_tpp_pph_rate_ii", readonly=False)
    kinerja_tpp_pph_rate_iii = fields.Float(related="company_id.kinerja_tpp_pph_rate_iii", readonly=False)
    kinerja_tpp_pph_rate_iv = fields.Float(related="company_id.kinerja_tpp_pph_rate_iv", readonly=False)
    kinerja_tpp_head_user_id = fields.Many2one(related="company_id.kinerja_tpp_head_user_id", readonly=False)
    kinerja_tpp_unsigned_policy = fields.Selection(related="company_id.kinerja_tpp_unsigned_policy", readonly=False)
    kinerja_sign_pdf = fields.Boolean(related="company_id.kinerja_sign_pdf", readonly=False)
    kinerja_sign_certificate = fields.Binary(
        related="company_id.kinerja_sign_certificate", readonly=False, groups=SIGN_CERTIFICATE_GROUPS
    )
    kinerja_sign_certificate_name = fields.Char(
        related="company_id.kinerja_sign_certificate_name", readonly=False, groups=SIGN_CERTIFICATE_GROUPS
    )
    kinerja_sign_password = fields.Char(
        related="company_id.kinerja_sign_password", readonly=False, groups=SIGN_SECRET_GROUPS
    )
    kinerja_sign_report_ids = fields.Many2many(
        related="company_id.kinerja_sign_report_ids", readonly=False, domain=SIGNABLE_REPORT_DOMAIN
    )
    kinerja_sign_reason = fields.Char(related="company_id.kinerja_sign_reason", readonly=False)
    kinerja_sign_location = fields.Char(related="company_id.kinerja_sign_location", readonly=False)
    kinerja_sign_signer = fields.Char(related="company_id.kinerja_sign_signer", groups=SIGN_CERTIFICATE_GROUPS)
    kinerja_sign_valid_until = fields.Datetime(
        related="company_id.kinerja_sign_valid_until", groups=SIGN_CERTIFICATE_GROUPS
    )

    @api.model_create_multi
    def create(self, vals_list):
        pending = []
        for vals in vals_list:
            company = self.env["res.company"].browse(vals["company_id"]) if vals.get("company_id") else self.env.company
            pending.append((company, self._kinerja_sign_changes(company, vals)))
        records = super().create(vals_list)
        for company, changes in pending:
            if changes:
                company.write(changes)
        return records

    @api.model
    def _kinerja_sign_changes(self, company, vals):
        """Pop the signing settings from ``vals``; return those that differ from the company's."""
        changes = {}
        current = company.with_context(bin_size=False)
        for name in SIGN_FIELDS:
            if name not in vals:
                continue
            value = vals.pop(name)
            field = company._fields[name]
            new = field.convert_to_record(field.convert_to_cache(value, current), current)
            if new != current[name]:
                changes[name] = value
        return changes
