import base64
import binascii

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_datetime

from ..tools import pdf_signature
from ..tools.achievement import ORG_RATING_KEYS, PREDICATE_KEYS, RATINGS

# Who may see and replace the agency's signing certificate; its password is a secret of the
# system administrators, as Odoo keeps its other passwords.
SIGN_CERTIFICATE_GROUPS = "kinerja_asn.group_kinerja_manager,base.group_system"
SIGN_SECRET_GROUPS = "base.group_system"
# The reports that can be signed: every PDF report of the addon (a new one becomes selectable
# by being declared, with no change here).
SIGNABLE_REPORT_DOMAIN = [("report_type", "=", "qweb-pdf"), ("report_name", "=like", "kinerja_asn.%")]


class ResCompany(models.Model):
    _inherit = "res.company"

    kinerja_frequency = fields.Selection(
        [("month", "Monthly"), ("quarter", "Quarterly"), ("semester", "Half-yearly")],
        string="Evaluation Frequency",
        default="month",
        required=True,
        help="Sub-periods of each year: realisation is reported and periodic evaluations are made once per sub-period.",
    )
    kinerja_plan_deadline_days = fields.Integer(
        string="SKP Planning Deadline (days)",
        default=31,
        help="Days after the start of the year by which SKPs must be approved (31 = end of January).",
    )
    kinerja_report_deadline_days = fields.Integer(
        string="Realisation Deadline (days)",
        default=5,
        help="Days after the end of a sub-period by which realisation must be reported.",
    )
    kinerja_evaluation_deadline_days = fields.Integer(
        string="Evaluation Deadline (days)",
        default=15,
        help="Days after the end of a sub-period by which the evaluator must evaluate.",
    )
    kinerja_achievement_cap = fields.Float(
        string="Achievement Cap (%)",
        default=120.0,
        help="Achievement of an indicator is capped at this percentage.",
    )
    kinerja_threshold_above = fields.Float(
        string="Above Expectation From (%)",
        default=110.0,
        help="Suggested work-result rating: achievement at or above this is 'above expectation'.",
    )
    kinerja_threshold_meets = fields.Float(
        string="Meets Expectation From (%)",
        default=85.0,
        help="Suggested work-result rating: achievement at or above this (and below the "
        "previous threshold) meets expectation; below it is 'below expectation'.",
    )
    kinerja_annual_rule = fields.Selection(
        [
            ("last", "Last periodic evaluation"),
            ("most_frequent", "Most frequent periodic rating"),
            ("average", "Achievement of the year"),
        ],
        string="Annual Suggestion Rule",
        default="average",
        required=True,
        help="Last periodic evaluation: its work-result rating. Most frequent periodic rating: the "
        "rating given most often (a tie goes to the most recent). Achievement of the year: the year's "
        "realisation of each indicator (summed, averaged, last or highest value, by its aggregation) "
        "against its target for the year.",
    )
    kinerja_jpt_unit_head = fields.Boolean(
        string="Senior Executives Count as Unit Heads",
        help="SE MenPANRB 3/2023 rates the head of a work unit by the unit's organisation "
        "achievement and has him link his work results to organisation goals. Read literally, the "
        "head is the manager of the unit of his SKP; with this on, a senior executive (JPT) counts "
        "as head of the unit of his SKP too, even where the org chart names another manager.",
    )
    kinerja_distribution_blocking = fields.Boolean(
        string="Block Signing Outside the Distribution",
        help="When set, an evaluation that breaks the unit's predicate distribution cannot be "
        "signed; otherwise the evaluator is only warned.",
    )
    kinerja_distribution_rounding = fields.Selection(
        [
            ("literal", "As written: a minimum rounds up, a maximum rounds down"),
            ("lenient", "In the employees' favour: a minimum rounds down, a maximum rounds up"),
        ],
        string="Rounding of the Distribution",
        default="literal",
        required=True,
        help="How the percentages of the distribution rules become numbers of people in a small unit. "
        "As written, 'at least 60 %' of 4 people is 3 and 'at most 70 %' of 4 is 2; in the "
        "employees' favour it is 2 and 3.",
    )
    kinerja_objection_days = fields.Integer(
        string="Objection Period (days)",
        default=14,
        help="Days after an evaluation is signed during which the employee may object, counted in the "
        "agency's time zone (the company's, else the signer's, else WIB). An evaluation keeps the period "
        "in force when it was signed.",
    )
    kinerja_escalation_days = fields.Integer(
        string="Escalate Approvals After (days)",
        default=7,
        help="An approval pending longer than this is escalated to the evaluator's supervisor.",
    )
    kinerja_next_year_days = fields.Integer(
        string="Create Next Year (days before)",
        default=30,
        help="Days before the end of a year when next year's periods are created.",
    )
    kinerja_reminder_days = fields.Integer(
        string="Remind Before Deadline (days)",
        default=3,
    )
    kinerja_evidence_max_size = fields.Integer(
        string="Evidence Max Size (MB)",
        default=10,
    )
    kinerja_evidence_extensions = fields.Char(
        string="Evidence File Types",
        default="pdf,jpg,jpeg,png,doc,docx,xls,xlsx,ppt,pptx,odt,ods,csv,txt,zip",
        help="Comma-separated file extensions accepted as evidence.",
    )
    kinerja_daily_log_days = fields.Integer(
        string="Daily Log On Time (working days)",
        default=1,
        help="A daily log entry counts as on time when written at the latest this many working "
        "days after its day (0: the same day); later entries are marked late.",
    )
    # SIASN: sending the signed results to BKN's API (off by default). The credentials are
    # readable by administrators only (as Odoo keeps its mail servers' passwords).
    kinerja_siasn_push_enabled = fields.Boolean(
        string="Send Results to SIASN",
        groups="base.group_system",
        help="Let officers send generated SIASN exports to the API configured below, and retry refused "
        "records from a scheduled action.",
    )
    kinerja_siasn_base_url = fields.Char(
        string="SIASN API Base URL",
        groups="base.group_system",
        help="The address the services hang from, e.g. https://apimws.bkn.go.id:8243/apisiasn/1.0: "
        "records are POSTed to <base URL>/skp22/save and <base URL>/kinerjaperiodik/save.",
    )
    kinerja_siasn_token_url = fields.Char(
        string="Token URL",
        groups="base.group_system",
        help="OAuth2 token endpoint of the API gateway (client credentials), e.g. https://apimws.bkn.go.id/oauth2/token.",
    )
    kinerja_siasn_client_id = fields.Char(string="Client ID", groups="base.group_system")
    kinerja_siasn_client_secret = fields.Char(string="Client Secret", groups="base.group_system")
    kinerja_siasn_sso_url = fields.Char(
        string="SSO Token URL",
        groups="base.group_system",
        help="BKN's SSO token endpoint (password grant), e.g. "
        "https://sso-siasn.bkn.go.id/auth/realms/public-siasn/protocol/openid-connect/token; its token "
        "goes in the 'Auth' header. Leave empty when the gateway token is enough.",
    )
    kinerja_siasn_sso_client_id = fields.Char(string="SSO Client ID", groups="base.group_system")
    kinerja_siasn_username = fields.Char(string="SSO Username", groups="base.group_system")
    kinerja_siasn_password = fields.Char(string="SSO Password", groups="base.group_system")
    kinerja_siasn_timeout = fields.Integer(string="SIASN Timeout (seconds)", default=30, groups="base.group_system")
    kinerja_siasn_max_attempts = fields.Integer(
        string="SIASN Attempts per Record",
        default=5,
        groups="base.group_system",
        help="The scheduled retry stops sending a refused record after this many attempts.",
    )

    kinerja_org_rating_outstanding = fields.Selection(
        RATINGS,
        string="Unit Rated Outstanding",
        default="above",
        required=True,
        help="Work-result rating of the head of a unit whose organisation predicate is Outstanding: set by "
        "it, not a suggestion (SE MenPANRB 3/2023).",
    )
    kinerja_org_rating_good = fields.Selection(RATINGS, string="Unit Rated Good", default="meets", required=True)
    kinerja_org_rating_needs_improvement = fields.Selection(
        RATINGS, string="Unit Rated Needs Improvement", default="below", required=True
    )
    kinerja_org_rating_poor = fields.Selection(RATINGS, string="Unit Rated Poor", default="below", required=True)
    kinerja_org_rating_very_poor = fields.Selection(
        RATINGS, string="Unit Rated Very Poor", default="below", required=True
    )
    kinerja_tpp_very_good = fields.Float(string="TPP for Very Good (%)", default=100.0)
    kinerja_tpp_good = fields.Float(string="TPP for Good (%)", default=100.0)
    kinerja_tpp_needs_improvement = fields.Float(string="TPP for Needs Improvement (%)", default=80.0)
    kinerja_tpp_poor = fields.Float(string="TPP for Poor (%)", default=60.0)
    kinerja_tpp_very_poor = fields.Float(string="TPP for Very Poor (%)", default=40.0)
    # The monthly TPP sheet (kinerja.tpp.sheet): weights, contributions, tax, who approves
    kinerja_tpp_performance_weight = fields.Float(
        string="TPP Performance Weight (%)",
        default=60.0,
        help="Share of the allowance paid for performance (the signed predicate of the month).",
    )
    kinerja_tpp_discipline_weight = fields.Float(
        string="TPP Discipline Weight (%)",
        default=40.0,
        help="Share of the allowance paid for discipline (attendance); with the performance weight, 100 %.",
    )
    kinerja_tpp_bpjs_employer_rate = fields.Float(string="BPJS Health, Employer (%)", default=4.0)
    kinerja_tpp_bpjs_employee_rate = fields.Float(string="BPJS Health, Employee (%)", default=1.0)
    kinerja_tpp_pph_rate_i = fields.Float(string="PPh 21 Rate, Grade I (%)", default=0.0)
    kinerja_tpp_pph_rate_ii = fields.Float(string="PPh 21 Rate, Grade II (%)", default=0.0)
    kinerja_tpp_pph_rate_iii = fields.Float(string="PPh 21 Rate, Grade III (%)", default=5.0)
    kinerja_tpp_pph_rate_iv = fields.Float(string="PPh 21 Rate, Grade IV (%)", default=15.0)
    kinerja_tpp_head_user_id = fields.Many2one(
        "res.users",
        string="Head of Agency (TPP Approval)",
        help="The user who approves the monthly TPP sheets. Empty: the performance administrators.",
    )
    kinerja_tpp_unsigned_policy = fields.Selection(
        [("block", "Block the approval"), ("zero", "Pay the performance share at 0 %")],
        string="Unsigned Evaluations",
        default="block",
        required=True,
        help="What a TPP sheet does with employees whose evaluation of the month is not signed.",
    )

    kinerja_sign_pdf = fields.Boolean(
        string="Sign PDF Documents",
        help="Sign the chosen PDF documents with the agency's certificate (PAdES), so that a PDF "
        "reader shows who signed them and that they were not changed since.",
    )
    kinerja_sign_certificate = fields.Binary(
        string="Signing Certificate",
        attachment=True,
        copy=False,
        groups=SIGN_CERTIFICATE_GROUPS,
        help="The agency's certificate with its private key, as a PKCS#12 file (.p12 or .pfx).",
    )
    kinerja_sign_certificate_name = fields.Char(
        string="Certificate File Name", copy=False, groups=SIGN_CERTIFICATE_GROUPS
    )
    kinerja_sign_password = fields.Char(
        string="Certificate Password",
        copy=False,
        groups=SIGN_SECRET_GROUPS,
        help="The password the PKCS#12 file was exported with.",
    )
    kinerja_sign_report_ids = fields.Many2many(
        "ir.actions.report",
        "kinerja_company_sign_report_rel",
        "company_id",
        "report_id",
        string="Signed Documents",
        domain=SIGNABLE_REPORT_DOMAIN,
        default=lambda self: self._kinerja_sign_default_reports(),
        help="The PDF documents of Kinerja ASN that are signed when printed.",
    )
    kinerja_sign_reason = fields.Char(
        string="Signing Reason",
        default="Dokumen Kinerja ASN",
        help="The reason a PDF reader shows with the signature.",
    )
    kinerja_sign_location = fields.Char(
        string="Signing Location",
        help="The place a PDF reader shows with the signature; the agency's city when empty.",
    )
    kinerja_sign_signer = fields.Char(
        string="Certificate Holder",
        compute="_compute_kinerja_sign_certificate_info",
        groups=SIGN_CERTIFICATE_GROUPS,
    )
    kinerja_sign_valid_until = fields.Datetime(
        string="Certificate Valid Until",
        compute="_compute_kinerja_sign_certificate_info",
        groups=SIGN_CERTIFICATE_GROUPS,
    )

    _sql_constraints = [
        (
            "kinerja_thresholds_check",
            "CHECK(kinerja_threshold_meets <= kinerja_threshold_above)",
            "The 'meets expectation' threshold cannot be above the 'above expectation' threshold.",
        ),
        (
            "kinerja_deadlines_check",
            "CHECK(kinerja_plan_deadline_days >= 0 AND kinerja_report_deadline_days >= 0 "
            "AND kinerja_evaluation_deadline_days >= 0 AND kinerja_objection_days > 0 "
            "AND kinerja_escalation_days > 0 AND kinerja_reminder_days >= 0 AND kinerja_next_year_days >= 0 "
            "AND kinerja_evidence_max_size > 0 AND kinerja_achievement_cap >= 100 AND kinerja_daily_log_days >= 0)",
            "Deadlines and reminders cannot be negative, the objection and escalation periods "
            "and the evidence size must be positive, and the achievement cap must be at least "
            "100%.",
        ),
    ]

    @api.constrains("kinerja_sign_pdf", "kinerja_sign_certificate", "kinerja_sign_password")
    def _check_kinerja_sign_certificate(self):
        """A certificate that is uploaded must open with its password and be valid today; signing
        cannot be turned on without one."""
        # whoever turns signing on checks the certificate he may not read
        for company in self._kinerja_sign_secrets():
            if company.kinerja_sign_pdf or company.with_context(bin_size=True).kinerja_sign_certificate:
                company._kinerja_sign_identity(error=ValidationError)

    @api.constrains("kinerja_sign_report_ids")
    def _check_kinerja_sign_reports(self):
        signable = self.env["ir.actions.report"].search(SIGNABLE_REPORT_DOMAIN)
        for company in self:
            wrong = company.kinerja_sign_report_ids - signable
            if wrong:
                raise ValidationError(
                    self.env._(
                        "Only the PDF documents of Kinerja ASN can be signed: remove %(reports)s from the "
                        "signed documents of %(company)s.",
                        reports=", ".join(wrong.mapped("name")),
                        company=company.name,
                    )
                )

    @api.depends("kinerja_sign_certificate", "kinerja_sign_password")
    def _compute_kinerja_sign_certificate_info(self):
        for company in self:
            try:
                identity = company._kinerja_sign_load_identity()
            except (UserError, pdf_signature.SignatureSetupError):
                identity = None
            company.kinerja_sign_signer = identity.subject_name if identity else False
            company.kinerja_sign_valid_until = identity.not_after.replace(tzinfo=None) if identity else False

    def _kinerja_org_rating_map(self):
        """Organisation predicate -> work-result rating of the unit's head."""
        self.ensure_one()
        return {key: self[f"kinerja_org_rating_{key}"] for key in ORG_RATING_KEYS}

    @api.constrains(
        "kinerja_tpp_performance_weight",
        "kinerja_tpp_discipline_weight",
        "kinerja_tpp_bpjs_employer_rate",
        "kinerja_tpp_bpjs_employee_rate",
        "kinerja_tpp_pph_rate_i",
        "kinerja_tpp_pph_rate_ii",
        "kinerja_tpp_pph_rate_iii",
        "kinerja_tpp_pph_rate_iv",
    )
    def _check_kinerja_tpp_rates(self):
        for company in self:
            rates = [
                company.kinerja_tpp_performance_weight,
                company.kinerja_tpp_discipline_weight,
                company.kinerja_tpp_bpjs_employer_rate,
                company.kinerja_tpp_bpjs_employee_rate,
                company.kinerja_tpp_pph_rate_i,
                company.kinerja_tpp_pph_rate_ii,
                company.kinerja_tpp_pph_rate_iii,
                company.kinerja_tpp_pph_rate_iv,
            ]
            if any(rate < 0 or rate > 100 for rate in rates):
                raise ValidationError(
                    self.env._("%s: the TPP weights and rates are percentages between 0 and 100.", company.name)
                )
            total = company.kinerja_tpp_performance_weight + company.kinerja_tpp_discipline_weight
            if abs(total - 100.0) > 0.001:
                raise ValidationError(
                    self.env._(
                        "%(company)s: the TPP performance weight and discipline weight add up to %(total)s %%; "
                        "they must add up to 100 %%.",
                        company=company.name,
                        total=round(total, 2),
                    )
                )

    def _kinerja_tpp_map(self):
        """Predicate -> share of the performance part of TPP paid (%)."""
        self.ensure_one()
        return {key: self[f"kinerja_tpp_{key}"] for key in PREDICATE_KEYS}

    @api.model
    def _kinerja_evidence_extensions(self):
        """The allowed evidence extensions of the current company, lower case, without dots."""
        raw = self.env.company.kinerja_evidence_extensions or ""
        return {ext.strip().lower().lstrip(".") for ext in raw.split(",") if ext.strip()}

    @api.model
    def _kinerja_sign_default_reports(self):
        """The documents signed by default: the SKP and the evaluation document."""
        reports = self.env["ir.actions.report"]
        for xmlid in ("kinerja_asn.action_report_kinerja_skp", "kinerja_asn.action_report_kinerja_evaluation"):
            reports |= self.env.ref(xmlid, raise_if_not_found=False) or reports
        return reports

    @api.model
    def _kinerja_sign_fill_default_reports(self):
        """At install and upgrade: the companies that never chose their signed documents get the
        default ones (a company that signs keeps its own choice)."""
        companies = self.search([("kinerja_sign_pdf", "=", False), ("kinerja_sign_report_ids", "=", False)])
        defaults = self._kinerja_sign_default_reports()
        if companies and defaults:
            companies.write({"kinerja_sign_report_ids": [fields.Command.set(defaults.ids)]})

    def _kinerja_signs_report(self, report):
        """Whether this company signs ``report`` (an ir.actions.report) when it is printed."""
        self.ensure_one()
        return bool(self.kinerja_sign_pdf and report in self.kinerja_sign_report_ids)

    def _kinerja_sign_secrets(self):
        """Named exception (README, privileged methods): these companies as superuser, to read the signing
        certificate and its password. They are kept from everybody but the administrators;
        the server reads them to sign the documents anybody prints, and to check the
        certificate whoever turns signing on uploads. Never shown, never written."""
        return self.sudo()

    def _kinerja_sign_load_identity(self):
        """The signing identity in the company's PKCS#12 file (no validity check).

        :raises pdf_signature.SignatureSetupError: the file or its password is wrong
        :raises UserError: no file is uploaded
        """
        self.ensure_one()
        company = self._kinerja_sign_secrets().with_context(bin_size=False)
        raw = company.kinerja_sign_certificate
        if not raw:
            raise UserError(
                self.env._(
                    "Signing of PDF documents is on for %(company)s, but no certificate is uploaded: "
                    "upload the agency's certificate (PKCS#12 file, .p12 or .pfx) in Settings > Kinerja, "
                    "or turn signing off.",
                    company=self.name,
                )
            )
        try:
            data = base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError):
            raise pdf_signature.NotPkcs12Error() from None
        return pdf_signature.load_identity(data, company.kinerja_sign_password)

    def _kinerja_sign_identity(self, error=UserError):
        """The company's signing identity, checked to be usable now; every problem raises
        ``error`` with a message saying what to fix."""
        self.ensure_one()
        try:
            return self._kinerja_sign_load_identity().check_valid_at(fields.Datetime.now())
        except UserError as exc:
            raise error(exc.args[0]) from None
        except pdf_signature.SignatureSetupError as exc:
            raise error(self._kinerja_sign_error_message(exc)) from None

    def _kinerja_sign_error_message(self, exc):
        _ = self.env._
        if isinstance(exc, pdf_signature.NotPkcs12Error):
            return _(
                "The signing certificate of %(company)s is not a PKCS#12 file: upload the certificate "
                "together with its private key as a .p12 or .pfx file, as exported from the "
                "certification authority's application.",
                company=self.name,
            )
        if isinstance(exc, pdf_signature.WrongPasswordError):
            return _(
                "The password does not open the signing certificate of %(company)s: type the password "
                "the certificate was exported with.",
                company=self.name,
            )
        if isinstance(exc, pdf_signature.NoPrivateKeyError):
            return _(
                "The signing certificate of %(company)s holds no private key: export the certificate "
                "together with its private key as a PKCS#12 file.",
                company=self.name,
            )
        if isinstance(exc, pdf_signature.CertificateNotValidError):
            if exc.expired:
                return _(
                    "The signing certificate of %(company)s expired on %(date)s: upload the renewed "
                    "certificate in Settings > Kinerja, or turn signing off.",
                    company=self.name,
                    date=format_datetime(self.env, exc.not_after.replace(tzinfo=None)),
                )
            return _(
                "The signing certificate of %(company)s is valid only from %(date)s: wait until then, or "
                "upload a certificate that is valid today.",
                company=self.name,
                date=format_datetime(self.env, exc.not_before.replace(tzinfo=None)),
            )
        return _("The signing certificate of %(company)s cannot be used.", company=self.name)

    def _kinerja_sign_pdf(self, pdf, identity=None):
        """Sign ``pdf`` (bytes) with the company's certificate; return the signed bytes."""
        self.ensure_one()
        identity = identity or self._kinerja_sign_identity()
        try:
            return pdf_signature.sign_pdf(
                pdf,
                identity,
                reason=self.kinerja_sign_reason,
                location=self.kinerja_sign_location or self.city,
                moment=fields.Datetime.now(),
            )
        except pdf_signature.SignatureSetupError as exc:
            raise UserError(self._kinerja_sign_error_message(exc)) from None
        except pdf_signature.PdfSigningError as exc:
            raise UserError(
                self.env._(
                    "The PDF document could not be signed with the certificate of %(company)s: %(error)s",
                    company=self.name,
                    error=exc,
                )
            ) from exc
