from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date
from odoo.tools.translate import LazyTranslate

from .kinerja_tpp_sheet_line import _rupiah
from .kinerja_workflow_mixin import MAIL_FIELDS

# What a correction sheet pays: the difference with what the locked sheets of the month paid.
DIFFERENCE_FIELDS = (
    "base_amount",
    "performance_amount",
    "discipline_amount",
    "sanction_amount",
    "gross_amount",
    "bpjs_employer",
    "bpjs_employee",
    "pph21_amount",
    "net_amount",
)

_lt = LazyTranslate(__name__)


def _pph_group(rank):
    """The PPh 21 rate group (I to IV) of a rank: PNS by their golongan; PPPK I-IV, V-VIII,
    IX-XII and XIII-XVII as I, II, III and IV."""
    if not rank:
        return False
    if rank.startswith("pppk_"):
        number = int(rank[5:])
        return "i" if number <= 4 else "ii" if number <= 8 else "iii" if number <= 12 else "iv"
    return rank.split("_")[0]


class KinerjaTppSheet(models.Model):
    """The monthly TPP sheet of an agency (Tambahan Penghasilan Pegawai): one line per employee
    with a position class, computed from the signed predicates, the attendance and the
    sanctions of the month; checked by the officer, approved by the head of agency, locked
    for payment. A locked sheet never changes; a later correction is a new sheet paying the
    difference."""

    _name = "kinerja.tpp.sheet"
    _description = "TPP Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin", "kinerja.verification.mixin", "kinerja.workflow.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    _workflow_transitions = {
        ("draft", "checked"): ("officer",),
        ("checked", "draft"): ("officer", "head"),
        ("checked", "approved"): ("head",),
        ("approved", "locked"): ("officer", "head"),
    }
    _workflow_fields = frozenset(
        {
            "state",
            "computed_date",
            "checked_by_id",
            "checked_date",
            "approved_by_id",
            "approved_date",
            "locked_by_id",
            "locked_date",
            "verification_code",
            "missing_employee_ids",
            "missing_note",
            "warning_note",
            "performance_weight",
            "discipline_weight",
            "bpjs_employer_rate",
            "bpjs_employee_rate",
        }
    )
    _workflow_role_fields = {"head": "head_user_id"}
    _workflow_activities = {"checked": ("kinerja_asn.mail_act_tpp_approval", "head")}
    _workflow_activity_feedback = {"approved": _lt("TPP sheet approved")}

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    head_user_id = fields.Many2one(
        related="company_id.kinerja_tpp_head_user_id", string="Head of Agency", help="Approves the sheet (Settings)."
    )
    date_from = fields.Date(
        string="Month",
        required=True,
        index=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1) - relativedelta(months=1),
        help="Any day of the month: the sheet covers the whole month.",
    )
    date_to = fields.Date(string="Month End", compute="_compute_date_to", store=True)
    origin_sheet_id = fields.Many2one(
        "kinerja.tpp.sheet",
        string="Corrects",
        index=True,
        check_company=True,
        domain="[('state', '=', 'locked'), ('company_id', '=', company_id)]",
        help="A correction sheet pays the difference between the figures of today and what the "
        "locked sheets of the month paid.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("checked", "Checked"), ("approved", "Approved"), ("locked", "Locked")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("kinerja.tpp.sheet.line", "sheet_id", string="Lines", copy=False)
    line_count = fields.Integer(compute="_compute_totals")
    performance_weight = fields.Float(string="Performance Weight (%)", readonly=True, copy=False)
    discipline_weight = fields.Float(string="Discipline Weight (%)", readonly=True, copy=False)
    bpjs_employer_rate = fields.Float(string="BPJS Employer Rate (%)", readonly=True, copy=False)
    bpjs_employee_rate = fields.Float(string="BPJS Employee Rate (%)", readonly=True, copy=False)
    missing_employee_ids = fields.Many2many(
        "hr.employee", string="Evaluation Not Signed", readonly=True, copy=False, check_company=True
    )
    missing_note = fields.Text(string="Unsigned Evaluations", readonly=True, copy=False)
    warning_note = fields.Text(string="Warnings", readonly=True, copy=False)
    computed_date = fields.Datetime(string="Computed On", readonly=True, copy=False)
    checked_by_id = fields.Many2one("res.users", string="Checked By", readonly=True, copy=False)
    checked_date = fields.Datetime(string="Checked On", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    locked_by_id = fields.Many2one("res.users", string="Locked By", readonly=True, copy=False)
    locked_date = fields.Datetime(string="Locked On", readonly=True, copy=False)
    total_base = fields.Monetary(compute="_compute_totals", string="Total TPP Amount")
    total_gross = fields.Monetary(compute="_compute_totals", string="Total Gross")
    total_bpjs_employer = fields.Monetary(compute="_compute_totals", string="Total BPJS (Employer)")
    total_bpjs_employee = fields.Monetary(compute="_compute_totals", string="Total BPJS (Employee)")
    total_pph21 = fields.Monetary(compute="_compute_totals", string="Total PPh 21")
    total_net = fields.Monetary(compute="_compute_totals", string="Total Net")
    can_compute = fields.Boolean(compute="_compute_can")
    can_check = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")
    can_approve = fields.Boolean(compute="_compute_can")
    can_lock = fields.Boolean(compute="_compute_can")
    cannot_approve_reason = fields.Char(compute="_compute_can")

    @api.depends("date_from", "company_id", "origin_sheet_id")
    def _compute_name(self):
        for sheet in self:
            month = format_date(self.env, sheet.date_from, date_format="MMMM y") if sheet.date_from else ""
            name = self.env._("TPP %(month)s", month=month)
            if sheet.origin_sheet_id:
                name = self.env._("%(name)s (correction)", name=name)
            sheet.name = name

    @api.depends("date_from")
    def _compute_date_to(self):
        for sheet in self:
            sheet.date_to = sheet.date_from and sheet.date_from + relativedelta(day=31)

    @api.depends("line_ids.gross_amount", "line_ids.net_amount")
    def _compute_totals(self):
        for sheet in self:
            lines = sheet.line_ids
            sheet.line_count = len(lines)
            sheet.total_base = sum(lines.mapped("base_amount"))
            sheet.total_gross = sum(lines.mapped("gross_amount"))
            sheet.total_bpjs_employer = sum(lines.mapped("bpjs_employer"))
            sheet.total_bpjs_employee = sum(lines.mapped("bpjs_employee"))
            sheet.total_pph21 = sum(lines.mapped("pph21_amount"))
            sheet.total_net = sum(lines.mapped("net_amount"))

    @api.depends_context("uid")
    @api.depends("state", "company_id", "missing_employee_ids")
    def _compute_can(self):
        for sheet in self:
            sheet.can_compute = sheet.state == "draft" and "officer" in sheet._workflow_roles()
            sheet.can_check = sheet._workflow_can("checked")
            sheet.can_reset = sheet._workflow_can("draft")
            sheet.can_approve = sheet._workflow_can("approved")
            sheet.can_lock = sheet._workflow_can("locked")
            sheet.cannot_approve_reason = sheet.state == "checked" and (
                sheet._approval_blocker() or sheet._workflow_reason("approved")
            )

    # ------------------------------------------------------------------------------------
    # Create / write: a draft is edited; the rest only moves through its workflow
    # ------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_from"):
                vals["date_from"] = fields.Date.to_date(vals["date_from"]).replace(day=1)
        sheets = super().create(vals_list)
        sheets._check_unique_month()
        return sheets

    def write(self, vals):
        if not self._workflow_in_transition():
            editing = set(vals) - MAIL_FIELDS - {"state"}
            for sheet in self:
                if editing and sheet.state != "draft":
                    raise UserError(
                        self.env._(
                            "%(sheet)s is %(state)s: it can no longer be edited. A correction is a new sheet "
                            "for the difference.",
                            sheet=sheet.display_name,
                            state=dict(self._fields["state"]._description_selection(self.env))[sheet.state],
                        )
                    )
            if vals.get("date_from"):
                vals["date_from"] = fields.Date.to_date(vals["date_from"]).replace(day=1)
        result = super().write(vals)
        if {"date_from", "company_id", "origin_sheet_id"} & set(vals):
            self._check_unique_month()
        return result

    def _check_unique_month(self):
        for sheet in self:
            if sheet.origin_sheet_id:
                origin = sheet.origin_sheet_id
                if (
                    origin.state != "locked"
                    or origin.date_from != sheet.date_from
                    or origin.company_id != sheet.company_id
                ):
                    raise ValidationError(
                        self.env._(
                            "A correction sheet corrects a locked sheet of the same agency and month: %s is not one.",
                            origin.display_name,
                        )
                    )
                continue
            # the officer (or the head's move, as superuser) reads every sheet of the agency
            others = self.search_count(
                [
                    ("id", "!=", sheet.id),
                    ("company_id", "=", sheet.company_id.id),
                    ("date_from", "=", sheet.date_from),
                    ("origin_sheet_id", "=", False),
                ]
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "%(company)s already has a TPP sheet for %(month)s: correct it with a correction sheet.",
                        company=sheet.company_id.name,
                        month=format_date(self.env, sheet.date_from, date_format="MMMM y"),
                    )
                )

    # ------------------------------------------------------------------------------------
    # Roles: the head of agency approves
    # ------------------------------------------------------------------------------------
    def _workflow_roles(self):
        roles = super()._workflow_roles()
        head = self._workflow_people().company_id.kinerja_tpp_head_user_id
        if (head and head == self.env.user) or (not head and "admin" in roles):
            roles.add("head")
        return roles

    def _workflow_refusal(self, new_state):
        if new_state == "approved":
            head = self._workflow_people().company_id.kinerja_tpp_head_user_id
            if head:
                return self.env._(
                    "Only the head of agency (%(head)s) approves %(sheet)s.", head=head.name, sheet=self.display_name
                )
            return self.env._(
                "Only the head of agency approves %s (no head is set in the settings: a performance administrator).",
                self.display_name,
            )
        if new_state == "checked":
            return self.env._("Only a performance officer computes and checks %s.", self.display_name)
        return None

    def _workflow_stamp(self, new_state):
        now = self._workflow_now()
        stamps = {
            "checked": {"checked_by_id": self.env.uid, "checked_date": now},
            "approved": {"approved_by_id": self.env.uid, "approved_date": now},
            "locked": {"locked_by_id": self.env.uid, "locked_date": now},
            "draft": {"checked_by_id": False, "checked_date": False},
        }
        return stamps.get(new_state, {})

    def _workflow_after(self, new_state):
        if new_state == "locked":
            for sheet in self:
                sheet._workflow_write({"verification_code": sheet._new_verification_code()})

    def _verification_values(self):
        self.ensure_one()
        return {
            "employee": self.company_id.name,
            "nip": "",
            "period": self.name,
            "signed_by": self.approved_by_id.name,
            "signed_on": self.approved_date,
        }

    # ------------------------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------------------------
    def action_compute(self):
        """Compute (or recompute) the lines of draft sheets from today's data."""
        for sheet in self:
            if sheet.state != "draft":
                raise UserError(self.env._("%s is no longer a draft: its figures are frozen.", sheet.display_name))
            if "officer" not in sheet._workflow_roles() and not self.env.su:
                raise AccessError(sheet._workflow_refusal("checked"))
            sheet._compute_lines()
        return True

    def action_check(self):
        self.action_compute()
        self._workflow_transition("checked")
        return True

    def action_reset_draft(self):
        self._workflow_transition_as_head("draft")
        return True

    def action_approve(self):
        for sheet in self:
            sheet._workflow_check("approved")
            blocker = sheet._approval_blocker()
            if blocker:
                raise UserError(blocker)
        self._workflow_transition_as_head("approved")
        return True

    def action_lock(self):
        self._workflow_transition_as_head("locked")
        return True

    def _workflow_transition_as_head(self, new_state):
        """Named exception (README, privileged methods): the head of agency needs no rights on the sheets
        beyond reading them: once the workflow allows his move, it is written as superuser
        (keeping him as the author)."""
        self._workflow_check(new_state)
        self.sudo()._workflow_transition(new_state)

    def _approval_blocker(self):
        """Why the sheet cannot be approved as it is, or False."""
        self.ensure_one()
        if self.missing_employee_ids and self.company_id.kinerja_tpp_unsigned_policy == "block":
            return self.env._(
                "%(sheet)s cannot be approved: the evaluation of the month is not signed for %(names)s.",
                sheet=self.display_name,
                names=", ".join(self.missing_employee_ids.sorted("name").mapped("name")),
            )
        if not self.line_ids:
            return self.env._("%s has no lines: compute it first.", self.display_name)
        return False

    # ------------------------------------------------------------------------------------
    # The computation
    # ------------------------------------------------------------------------------------
    def _tpp_employees(self):
        """The employees paid on this sheet: active, of the agency, with a position class."""
        self.ensure_one()
        return self.env["hr.employee"].search(
            [("company_id", "=", self.company_id.id), ("kinerja_tpp_class_id", "!=", False)],
            order="name, id",
        )

    def _compute_lines(self):
        """Replace the lines of this draft sheet by the figures of today (a transition: the
        figures are workflow fields). A fixed number of queries whatever the number of
        employees.

        Named exception (README, privileged methods): computed as superuser, once the caller checked the
        officer. The payroll's inputs are read whole (every employee of the agency, their
        attendance, sanctions, corrections and signed evaluations, the locked sheets of the
        month), whatever HR rights the officer has; the lines are the application's output."""
        self.ensure_one()
        if not self.env.su:
            return self.sudo()._compute_lines()
        company = self.company_id
        Line = self.env["kinerja.tpp.sheet.line"]
        employees = self._tpp_employees()
        # the month's signed predicate of each employee: the evaluation of the period covering the month
        evaluations = {}
        for evaluation in self.env["kinerja.evaluation"].search(
            [
                ("employee_id", "in", employees.ids),
                ("evaluation_type", "=", "periodic"),
                ("state", "=", "done"),
                ("period_id.date_start", "<=", self.date_from),
                ("period_id.date_end", ">=", self.date_to),
            ],
            order="done_date desc, id desc",
        ):
            evaluations.setdefault(evaluation.employee_id.id, evaluation)
        discipline = Line._kinerja_discipline(employees, self.date_from, self.date_to)
        rules = self.env["kinerja.tpp.deduction.rule"]._rules_for(company)
        sanction_rules = {rule.sanction_level: rule for rule in rules.filtered(lambda r: r.kind == "sanction")}
        sanctions = defaultdict(float)
        for sanction in self.env["kinerja.tpp.sanction"].search(
            [
                ("employee_id", "in", employees.ids),
                ("date_from", "<=", self.date_to),
                ("date_to", ">=", self.date_from),
            ]
        ):
            rule = sanction_rules.get(sanction.level)
            if rule:
                sanctions[sanction.employee_id.id] = max(sanctions[sanction.employee_id.id], rule.percent)
        paid = self._paid_before(employees)
        performance_weight = company.kinerja_tpp_performance_weight
        discipline_weight = company.kinerja_tpp_discipline_weight
        employer_rate = company.kinerja_tpp_bpjs_employer_rate
        employee_rate = company.kinerja_tpp_bpjs_employee_rate
        manual = {line.employee_id.id: line for line in self.line_ids if line.pph21_manual}
        missing = self.env["hr.employee"]
        zero_policy = company.kinerja_tpp_unsigned_policy == "zero"
        vals_list = []
        for employee in employees:
            figures = discipline[employee.id]
            deductions = Line._kinerja_discipline_deductions(figures, rules)
            evaluation = evaluations.get(employee.id)
            performance_note = False
            if evaluation:
                performance_percent = evaluation.tpp_percent
            else:
                missing |= employee
                performance_percent = 0.0
                performance_note = (
                    self.env._("No signed evaluation for the month: the performance share is paid at 0 %.")
                    if zero_policy
                    else self.env._("No signed evaluation for the month: the sheet cannot be approved.")
                )
            base = employee.kinerja_tpp_class_id.amount
            discipline_percent = max(0.0, 100.0 - deductions["total"])
            performance_amount = _rupiah(base * performance_weight / 100 * performance_percent / 100)
            discipline_amount = _rupiah(base * discipline_weight / 100 * discipline_percent / 100)
            sanction_percent = sanctions.get(employee.id, 0.0)
            sanction_amount = _rupiah((performance_amount + discipline_amount) * sanction_percent / 100)
            gross = performance_amount + discipline_amount - sanction_amount
            bpjs_employer = _rupiah(gross * employer_rate / 100)
            bpjs_employee = _rupiah(gross * employee_rate / 100)
            group = _pph_group(employee.rank)
            pph21_rate = company[f"kinerja_tpp_pph_rate_{group}"] if group else 0.0
            manual_line = manual.get(employee.id)
            if manual_line:
                pph21 = manual_line.pph21_manual_amount
            else:
                pph21 = _rupiah(gross * pph21_rate / 100)
            net = gross - bpjs_employee - pph21
            vals = {
                "employee_id": employee.id,
                "employee_name": employee.name,
                "employee_nip": employee.nip or False,
                "employee_rank": employee.rank or False,
                "job_title": employee.job_title or (employee.job_id.name if employee.job_id else False),
                "class_grade": employee.kinerja_tpp_class_id.grade,
                "evaluation_id": evaluation.id if evaluation else False,
                "base_amount": base,
                **{key: value for key, value in figures.items() if key != "days"},
                "late_deduction": deductions["late"],
                "early_deduction": deductions["early"],
                "absent_deduction": deductions["absent"],
                "discipline_deduction": deductions["total"],
                "performance_percent": performance_percent,
                "performance_amount": performance_amount,
                "discipline_percent": discipline_percent,
                "discipline_amount": discipline_amount,
                "sanction_percent": sanction_percent,
                "sanction_amount": sanction_amount,
                "gross_amount": gross,
                "bpjs_employer": bpjs_employer,
                "bpjs_employee": bpjs_employee,
                "pph21_rate": 0.0 if manual_line else pph21_rate,
                "pph21_amount": pph21,
                "net_amount": net,
                "pph21_manual": bool(manual_line),
                "pph21_manual_amount": manual_line.pph21_manual_amount if manual_line else 0.0,
                "performance_note": performance_note,
            }
            previous = paid.get(employee.id)
            if previous:
                for fname in DIFFERENCE_FIELDS:
                    vals[fname] -= previous[fname]
            vals["explanation"] = self._explain(
                vals,
                performance_weight=performance_weight,
                discipline_weight=discipline_weight,
                employer_rate=employer_rate,
                employee_rate=employee_rate,
                previous=previous,
                evaluation=evaluation,
            )
            vals_list.append(vals)
        self.line_ids.unlink()
        Line._workflow_create([{"sheet_id": self.id, **vals} for vals in vals_list])
        # civil servants only (an ASN status or a NIP): the agency may also hold other staff
        unclassed = self.env["hr.employee"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("kinerja_tpp_class_id", "=", False),
                "|",
                ("asn_type", "!=", False),
                ("nip", "!=", False),
            ],
            order="name, id",
        )
        self._workflow_write(
            {
                "computed_date": self._workflow_now(),
                "missing_employee_ids": [(6, 0, missing.ids)],
                "missing_note": "\n".join(missing.mapped("name")) or False,
                "warning_note": self._unclassed_warning(unclassed),
                "performance_weight": performance_weight,
                "discipline_weight": discipline_weight,
                "bpjs_employer_rate": employer_rate,
                "bpjs_employee_rate": employee_rate,
            }
        )

    def _unclassed_warning(self, employees, shown=5):
        """The warning naming the civil servants left off the sheet for lack of a position
        class (the first ``shown`` of them), or False."""
        if not employees:
            return False
        names = ", ".join(employees[:shown].mapped("name"))
        if len(employees) > shown:
            names = self.env._("%(names)s and %(count)s more", names=names, count=len(employees) - shown)
        return self.env._(
            "%(count)s civil servants of the agency have no position class and are not on the sheet: %(names)s.",
            count=len(employees),
            names=names,
        )

    def _paid_before(self, employees):
        """For a correction sheet: per employee, the amounts the locked sheets of the month paid."""
        self.ensure_one()
        if not self.origin_sheet_id:
            return {}
        paid = defaultdict(lambda: dict.fromkeys(DIFFERENCE_FIELDS, 0.0))
        lines = self.env["kinerja.tpp.sheet.line"].search(
            [
                ("sheet_id.company_id", "=", self.company_id.id),
                ("sheet_id.date_from", "=", self.date_from),
                ("sheet_id.state", "=", "locked"),
                ("sheet_id", "!=", self.id),
                ("employee_id", "in", employees.ids),
            ]
        )
        for line in lines:
            for fname in DIFFERENCE_FIELDS:
                paid[line.employee_id.id][fname] += line[fname]
        return paid

    def _explain(
        self, vals, *, performance_weight, discipline_weight, employer_rate, employee_rate, previous, evaluation
    ):
        """The calculation of a line written out, for the employee."""
        currency = self.currency_id

        def money(amount):
            return f"{currency.symbol or ''} {amount:,.0f}".strip()

        lines = [
            self.env._(
                "TPP amount of position class %(grade)s: %(amount)s.",
                grade=vals["class_grade"],
                amount=money(vals["base_amount"] + (previous or {}).get("base_amount", 0.0)),
            ),
            self.env._(
                "Performance: %(weight)s %% x %(percent)s %% (%(basis)s) = %(amount)s.",
                weight=performance_weight,
                percent=vals["performance_percent"],
                basis=evaluation.display_name if evaluation else vals["performance_note"],
                amount=money(vals["performance_amount"] + (previous or {}).get("performance_amount", 0.0)),
            ),
            self.env._(
                "Attendance: %(scheduled)s working days, %(present)s present (%(corrected)s by correction), "
                "%(leave)s on time off, %(absent)s absent without leave; %(late_days)s days late "
                "(%(late)s minutes), %(early_days)s days left early (%(early)s minutes), %(missed)s "
                "missed check-outs.",
                scheduled=vals["days_scheduled"],
                present=vals["days_present"],
                corrected=vals["days_assignment"],
                leave=vals["days_leave"],
                absent=vals["days_absent"],
                late_days=vals["late_days"],
                late=vals["late_minutes"],
                early_days=vals["early_days"],
                early=vals["early_minutes"],
                missed=vals["missed_checkouts"],
            ),
            self.env._(
                "Discipline deductions: late %(late)s %% + early %(early)s %% + absence %(absent)s %% = %(total)s %%.",
                late=vals["late_deduction"],
                early=vals["early_deduction"],
                absent=vals["absent_deduction"],
                total=vals["discipline_deduction"],
            ),
            self.env._(
                "Discipline: %(weight)s %% x %(percent)s %% = %(amount)s.",
                weight=discipline_weight,
                percent=vals["discipline_percent"],
                amount=money(vals["discipline_amount"] + (previous or {}).get("discipline_amount", 0.0)),
            ),
        ]
        if vals["sanction_percent"]:
            lines.append(self.env._("Disciplinary sanction: %(percent)s %%.", percent=vals["sanction_percent"]))
        lines.append(
            self.env._(
                "Gross %(gross)s; BPJS employer %(employer_rate)s %% (paid by the agency), employee "
                "%(employee_rate)s %%; PPh 21 %(pph)s; received %(net)s.",
                gross=money(vals["gross_amount"] + (previous or {}).get("gross_amount", 0.0)),
                employer_rate=employer_rate,
                employee_rate=employee_rate,
                pph=money(vals["pph21_amount"] + (previous or {}).get("pph21_amount", 0.0)),
                net=money(vals["net_amount"] + (previous or {}).get("net_amount", 0.0)),
            )
        )
        if previous:
            lines.append(
                self.env._(
                    "Correction: the amounts of this line are the difference with what was paid before (net %(net)s).",
                    net=money(previous["net_amount"]),
                )
            )
        return "\n".join(lines)
