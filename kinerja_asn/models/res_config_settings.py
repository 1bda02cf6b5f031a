from odoo import fields, models


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
    kinerja_distribution_blocking = fields.Boolean(related="company_id.kinerja_distribution_blocking", readonly=False)
    kinerja_distribution_rounding = fields.Selection(related="company_id.kinerja_distribution_rounding", readonly=False)
    kinerja_objection_days = fields.Integer(related="company_id.kinerja_objection_days", readonly=False)
    kinerja_escalation_days = fields.Integer(related="company_id.kinerja_escalation_days", readonly=False)
    kinerja_reminder_days = fields.Integer(related="company_id.kinerja_reminder_days", readonly=False)
    kinerja_next_year_days = fields.Integer(related="company_id.kinerja_next_year_days", readonly=False)
    kinerja_evidence_max_size = fields.Integer(related="company_id.kinerja_evidence_max_size", readonly=False)
    kinerja_evidence_extensions = fields.Char(related="company_id.kinerja_evidence_extensions", readonly=False)
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
