import math
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_round

from .hr_employee_base import RANKS
from .kinerja_workflow_mixin import MAIL_FIELDS

# The figures of a line: computed by the sheet's transitions only, frozen once it is checked.
LINE_FIGURES = frozenset(
    {
        "employee_name",
        "employee_nip",
        "employee_rank",
        "job_title",
        "class_grade",
        "evaluation_id",
        "base_amount",
        "days_scheduled",
        "days_present",
        "days_absent",
        "days_leave",
        "days_assignment",
        "late_days",
        "late_minutes",
        "early_days",
        "early_minutes",
        "missed_checkouts",
        "late_deduction",
        "early_deduction",
        "absent_deduction",
        "discipline_deduction",
        "performance_percent",
        "performance_amount",
        "discipline_percent",
        "discipline_amount",
        "sanction_percent",
        "sanction_amount",
        "gross_amount",
        "bpjs_employer",
        "bpjs_employee",
        "pph21_rate",
        "pph21_amount",
        "net_amount",
        "performance_note",
        "explanation",
    }
)
# What the treasurer enters on a draft line.
TREASURER_FIELDS = frozenset({"pph21_manual", "pph21_manual_amount"})


def _rupiah(amount):
    """Whole rupiah, half up (the allowance is paid in whole rupiah)."""
    return float_round(amount, precision_rounding=1.0)


class KinerjaTppSheetLine(models.Model):
    """One employee's TPP of the month: the allowance of his position class, the performance
    share paid by his signed predicate, the discipline share cut by his attendance, the
    sanction, contributions and tax, what he receives, and how it was computed."""

    _name = "kinerja.tpp.sheet.line"
    _description = "TPP Sheet Line"
    _inherit = ["kinerja.workflow.mixin"]
    _order = "sheet_id, sequence, class_grade desc, employee_name, id"
    _rec_name = "employee_name"

    _workflow_fields = LINE_FIGURES | {"state"}

    sheet_id = fields.Many2one("kinerja.tpp.sheet", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    state = fields.Selection(related="sheet_id.state", store=True, index=True)
    company_id = fields.Many2one(related="sheet_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="sheet_id.currency_id")
    date_from = fields.Date(related="sheet_id.date_from", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    user_id = fields.Many2one(related="employee_id.user_id", string="User")
    employee_name = fields.Char(string="Name", readonly=True)
    employee_nip = fields.Char(string="NIP", readonly=True)
    employee_rank = fields.Selection(RANKS, string="Grade", readonly=True)
    job_title = fields.Char(string="Position", readonly=True)
    class_grade = fields.Integer(string="Position Class", readonly=True, aggregator=False)
    evaluation_id = fields.Many2one("kinerja.evaluation", string="Signed Evaluation", readonly=True)
    base_amount = fields.Monetary(string="TPP Amount", readonly=True)
    days_scheduled = fields.Integer(string="Working Days", readonly=True)
    days_present = fields.Integer(string="Days Present", readonly=True)
    days_absent = fields.Integer(string="Absent without Leave", readonly=True)
    days_leave = fields.Integer(string="Days of Time Off", readonly=True)
    days_assignment = fields.Integer(string="Days Corrected", readonly=True, help="Official assignment or excused.")
    late_days = fields.Integer(string="Days Late", readonly=True)
    late_minutes = fields.Integer(string="Minutes Late", readonly=True)
    early_days = fields.Integer(string="Days Left Early", readonly=True)
    early_minutes = fields.Integer(string="Minutes Left Early", readonly=True)
    missed_checkouts = fields.Integer(string="Missed Check-outs", readonly=True)
    late_deduction = fields.Float(string="Late Arrival Deduction (%)", readonly=True)
    early_deduction = fields.Float(string="Early Departure Deduction (%)", readonly=True)
    absent_deduction = fields.Float(string="Absence Deduction (%)", readonly=True)
    discipline_deduction = fields.Float(string="Discipline Deduction (%)", readonly=True)
    performance_percent = fields.Float(string="Performance (%)", readonly=True)
    performance_amount = fields.Monetary(string="Performance Share", readonly=True)
    discipline_percent = fields.Float(string="Discipline (%)", readonly=True)
    discipline_amount = fields.Monetary(string="Discipline Share", readonly=True)
    sanction_percent = fields.Float(string="Sanction (%)", readonly=True)
    sanction_amount = fields.Monetary(string="Sanction Deduction", readonly=True)
    gross_amount = fields.Monetary(string="Gross", readonly=True)
    bpjs_employer = fields.Monetary(string="BPJS (Employer)", readonly=True)
    bpjs_employee = fields.Monetary(string="BPJS (Employee)", readonly=True)
    pph21_rate = fields.Float(string="PPh 21 Rate (%)", readonly=True)
    pph21_amount = fields.Monetary(string="PPh 21", readonly=True)
    net_amount = fields.Monetary(string="Net Received", readonly=True)
    pph21_manual = fields.Boolean(
        string="PPh 21 Entered by the Treasurer", help="Use the amount entered instead of the grade's flat rate."
    )
    pph21_manual_amount = fields.Monetary(string="PPh 21 Entered")
    performance_note = fields.Char(string="Performance Note", readonly=True)
    explanation = fields.Text(string="How It Was Computed", readonly=True)

    _sql_constraints = [
        (
            "pph21_manual_amount_check",
            "CHECK(pph21_manual_amount IS NULL OR pph21_manual_amount >= 0)",
            "The PPh 21 entered by the treasurer cannot be negative.",
        ),
        ("employee_sheet_uniq", "unique(sheet_id, employee_id)", "An employee has one line per TPP sheet."),
    ]

    def write(self, vals):
        if not self._workflow_in_transition():
            editing = set(vals) - MAIL_FIELDS
            for line in self:
                if editing and line.state != "draft":
                    raise UserError(
                        self.env._(
                            "The TPP sheet %s is no longer a draft: its lines cannot be edited.",
                            line.sheet_id.display_name,
                        )
                    )
        return super().write(vals)

    def _workflow_undeletable_message(self):
        return self.env._("The TPP sheet %s is no longer a draft: its lines are kept.", self.sheet_id.display_name)

    @api.model
    def _workflow_create(self, vals_list):
        """Insert the lines a sheet computes in one statement, whatever their number (a whole
        government's month is 10,000 lines; the ORM's create costs milliseconds a line, most of
        it looking up the currency of each amount). The values are the sheet's own, complete:
        stored fields of this model, not computed ones; the related columns (state, agency,
        month) come from the sheet, the defaults are the model's. An extension that adds a
        stored computed or tracked field to the lines overrides this to go through
        ``super()._workflow_create`` (the ORM)."""
        if not vals_list:
            return self.browse()
        self.check_access("create")
        sheets = self.env["kinerja.tpp.sheet"].browse({vals["sheet_id"] for vals in vals_list})
        sheets.flush_recordset(["state", "company_id", "date_from"])
        sheet_values = {sheet.id: sheet for sheet in sheets}
        related = ("state", "company_id", "date_from", "sequence", "create_uid", "write_uid")
        given = {name for vals in vals_list for name in vals}
        # the columns this method fills itself are never taken from the values: a name given
        # twice would shift every column after it
        if given & {*related, "create_date", "write_date"} - {"sequence"}:
            raise ValueError(f"{self._name}: the sheet, not the values, sets {sorted(given & set(related))}")
        names = sorted((given | {"pph21_manual", "pph21_manual_amount"}) - {"sequence"})
        fields_ = [self._fields[name] for name in names]
        for field in fields_:
            if not field.store or field.compute or not field.column_type:
                raise ValueError(f"{self._name}.{field.name} is not a plain stored column")  # a programming error
        now = self.env.cr.now()
        columns = {name: [] for name in (*names, *related, "create_date", "write_date")}
        for vals in vals_list:
            sheet = sheet_values[vals["sheet_id"]]
            for field in fields_:
                value = vals.get(field.name, False)
                columns[field.name].append(None if value is False and field.type != "boolean" else value)
            columns["state"].append(sheet.state)
            columns["company_id"].append(sheet.company_id.id)
            columns["date_from"].append(sheet.date_from)
            columns["sequence"].append(vals.get("sequence", 10))
            columns["create_uid"].append(self.env.uid)
            columns["write_uid"].append(self.env.uid)
            columns["create_date"].append(now)
            columns["write_date"].append(now)
        types = {name: self._fields[name].column_type[1] for name in (*names, *related)}
        types.update(create_date="timestamp", write_date="timestamp")
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) SELECT * FROM unnest(%s) RETURNING id",
                SQL.identifier(self._table),
                SQL(", ").join(SQL.identifier(name) for name in columns),
                SQL(", ").join(SQL("%s::%s[]", values, SQL(types[name])) for name, values in columns.items()),
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        sheets.invalidate_recordset(["line_ids"])
        return self.browse(ids)

    # ------------------------------------------------------------------------------------
    # Discipline from attendance
    # ------------------------------------------------------------------------------------
    @api.model
    def _kinerja_discipline(self, employees, date_from, date_to):
        """The discipline figures of ``employees`` from ``date_from`` to ``date_to`` (dates,
        inclusive), from their attendance against their working schedule, in their own time
        zone (WIB, WITA, WIT): per employee a dict of day counts and minutes and, per day, what
        happened (``days``: ``[(date, kind, minutes late, minutes early, missing check-out)]``).

        A working day is a day of the schedule not wholly covered by a public holiday (calendar
        leave without resource); a day wholly covered by the employee's own time off (calendar
        leave of his resource, which Time Off writes for each validated leave when hr_holidays
        is installed) is excused; a half day off moves the expected arrival or departure. A
        day of an officer's correction (official assignment) counts as present with no
        deduction. Queries: a fixed number per working schedule, not per employee.

        Read in the caller's environment: the sheet's computation, as superuser (see
        ``kinerja.tpp.sheet._compute_lines``); attendance is not the officer's to read."""
        result = {}
        if not employees:
            return result
        start_utc = datetime.combine(date_from - timedelta(days=1), time.min).replace(tzinfo=pytz.utc)
        end_utc = datetime.combine(date_to + timedelta(days=2), time.min).replace(tzinfo=pytz.utc)
        # attendance: one query for all
        attendance = defaultdict(list)
        for row in self.env["hr.attendance"].search_read(
            [
                ("employee_id", "in", employees.ids),
                ("check_in", ">=", start_utc.replace(tzinfo=None)),
                ("check_in", "<", end_utc.replace(tzinfo=None)),
            ],
            ["employee_id", "check_in", "check_out"],
            order="check_in",
            load=False,
        ):
            attendance[row["employee_id"]].append(row)
        corrected = defaultdict(set)
        for row in self.env["kinerja.tpp.correction"].search_read(
            [("employee_id", "in", employees.ids), ("date_from", "<=", date_to), ("date_to", ">=", date_from)],
            ["employee_id", "date_from", "date_to"],
            load=False,
        ):
            day = max(row["date_from"], date_from)
            while day <= min(row["date_to"], date_to):
                corrected[row["employee_id"]].add(day)
                day += timedelta(days=1)
        by_calendar = defaultdict(list)  # ids, not recordsets: a union per employee is quadratic
        for employee in employees:
            by_calendar[employee.resource_calendar_id or employee.company_id.resource_calendar_id].append(employee.id)
        for calendar, group_ids in by_calendar.items():
            group = employees.browse(group_ids)
            resources = group.resource_id
            if not calendar:
                for employee in group:
                    result[employee.id] = self._kinerja_discipline_empty()
                continue
            expected = calendar._attendance_intervals_batch(start_utc, end_utc, resources)
            leaves = calendar._leave_intervals_batch(start_utc, end_utc, resources)
            for employee in group:
                tz = pytz.timezone(employee.resource_id.tz or employee.company_id.partner_id.tz or "Asia/Jakarta")
                result[employee.id] = self._kinerja_discipline_one(
                    employee,
                    tz,
                    expected=expected[employee.resource_id.id],
                    leaves=leaves[employee.resource_id.id],
                    attendances=attendance[employee.id],
                    corrected=corrected[employee.id],
                    date_from=date_from,
                    date_to=date_to,
                )
        return result

    @api.model
    def _kinerja_discipline_empty(self):
        return {
            "days_scheduled": 0,
            "days_present": 0,
            "days_absent": 0,
            "days_leave": 0,
            "days_assignment": 0,
            "late_days": 0,
            "late_minutes": 0,
            "early_days": 0,
            "early_minutes": 0,
            "missed_checkouts": 0,
            "days": [],
        }

    @api.model
    def _kinerja_discipline_one(self, employee, tz, *, expected, leaves, attendances, corrected, date_from, date_to):
        figures = self._kinerja_discipline_empty()
        # the schedule per local day, less public holidays, then less his own time off; a shift
        # crossing midnight (22:00-24:00 then 00:00-06:00) is one block of the day it starts
        schedule = defaultdict(list)
        for start, stop in _shifts(expected):
            schedule[start.astimezone(tz).date()].append((start, stop))
        holidays = [(start, stop) for start, stop, leave in leaves if not leave.resource_id]
        own_leaves = [(start, stop) for start, stop, leave in leaves if leave.resource_id]
        spans = {day: (blocks[0][0], blocks[-1][1]) for day, blocks in schedule.items()}
        by_day = defaultdict(list)
        for row in attendances:
            check_in = pytz.utc.localize(row["check_in"]).astimezone(tz)
            check_out = pytz.utc.localize(row["check_out"]).astimezone(tz) if row["check_out"] else None
            by_day[_shift_day(check_in, spans)].append((check_in, check_out))
        for day in sorted(schedule):
            if day < date_from or day > date_to:
                continue
            blocks = _subtract(schedule[day], holidays)
            if not blocks:
                continue  # a public holiday
            figures["days_scheduled"] += 1
            remaining = _subtract(blocks, own_leaves)
            if not remaining:
                figures["days_leave"] += 1
                figures["days"].append((day, "leave", 0, 0, False))
                continue
            if day in corrected:
                figures["days_present"] += 1
                figures["days_assignment"] += 1
                figures["days"].append((day, "assignment", 0, 0, False))
                continue
            records = by_day.get(day)
            if not records:
                figures["days_absent"] += 1
                figures["days"].append((day, "absent", 0, 0, False))
                continue
            figures["days_present"] += 1
            expected_in = min(start for start, _stop in remaining)
            expected_out = max(stop for _start, stop in remaining)
            first_in = min(check_in for check_in, _out in records)
            late = max(0, math.ceil((first_in - expected_in).total_seconds() / 60))
            missing = any(check_out is None for _in, check_out in records)
            early = 0
            if missing:
                figures["missed_checkouts"] += 1
            else:
                last_out = max(check_out for _in, check_out in records)
                early = max(0, math.ceil((expected_out - last_out).total_seconds() / 60))
            if late:
                figures["late_days"] += 1
                figures["late_minutes"] += late
            if early:
                figures["early_days"] += 1
                figures["early_minutes"] += early
            figures["days"].append((day, "present", late, early, missing))
        return figures

    @api.model
    def _kinerja_discipline_deductions(self, figures, rules):
        """Deduction percentages (late, early, absent, total) of one employee's figures by the
        agency's tiers: each day's tier, summed per rule and held to the rule's monthly cap;
        the total at most 100 %."""
        # the rules as plain values once (this runs per employee of a whole agency), each day's
        # tier memoised: the tier of a number of minutes is the rules' own _tier
        values = {rule.id: (rule.kind, rule.percent, rule.monthly_cap) for rule in rules}
        late_rules = rules.filtered(lambda r: r.kind == "late").sorted(lambda r: (r.min_minutes, r.id))
        early_rules = rules.filtered(lambda r: r.kind == "early").sorted(lambda r: (r.min_minutes, r.id))
        absent_ids = [rule_id for rule_id, (kind, _percent, _cap) in values.items() if kind == "absent"]
        tiers = {}

        def tier(tier_rules, minutes, missing=False):
            key = (tier_rules is late_rules, minutes, missing)
            if key not in tiers:
                tiers[key] = tier_rules._tier(minutes, missing=missing).id
            return tiers[key]

        per_rule = defaultdict(float)
        for _day, kind, late, early, missing in figures["days"]:
            if kind == "absent":
                for rule_id in absent_ids:
                    per_rule[rule_id] += values[rule_id][1]
                continue
            if kind != "present":
                continue
            if late:
                rule_id = tier(late_rules, late)
                if rule_id:
                    per_rule[rule_id] += values[rule_id][1]
            if missing or early:
                rule_id = tier(early_rules, early, missing)
                if rule_id:
                    per_rule[rule_id] += values[rule_id][1]
        totals = {"late": 0.0, "early": 0.0, "absent": 0.0}
        for rule_id, percent in per_rule.items():
            kind, _percent, cap = values[rule_id]
            totals[kind] += min(percent, cap) if cap else percent
        totals = {kind: round(value, 4) for kind, value in totals.items()}
        totals["total"] = min(100.0, round(sum(totals.values()), 4))
        return totals


def _subtract(blocks, holes):
    """The parts of ``blocks`` (start, stop) not covered by ``holes``."""
    result = []
    for start, stop in blocks:
        pieces = [(start, stop)]
        for hole_start, hole_stop in holes:
            next_pieces = []
            for piece_start, piece_stop in pieces:
                if hole_stop <= piece_start or hole_start >= piece_stop:
                    next_pieces.append((piece_start, piece_stop))
                    continue
                if hole_start > piece_start:
                    next_pieces.append((piece_start, hole_start))
                if hole_stop < piece_stop:
                    next_pieces.append((hole_stop, piece_stop))
            pieces = next_pieces
        result.extend(pieces)
    return result


def _shifts(expected):
    """The (start, stop) blocks of a schedule's intervals, in order, those touching merged: the
    schedule writes a night shift as 22:00-24:00 (ending at 23:59:59.999999) and 00:00-06:00."""
    shifts = []
    for start, stop, _meta in sorted(expected, key=lambda interval: interval[0]):
        if shifts and start - shifts[-1][1] <= timedelta(seconds=1):
            shifts[-1] = (shifts[-1][0], max(stop, shifts[-1][1]))
        else:
            shifts.append((start, stop))
    return shifts


def _shift_day(check_in, spans, reach=timedelta(hours=8)):
    """The working day an attendance belongs to: the day whose shifts (first start to last
    stop, in ``spans``) are nearest to its check-in, within ``reach``; else the check-in's own
    date. A night shift's check-in after midnight still counts for the evening it started."""

    def distance(span):
        start, stop = span
        return timedelta(0) if start <= check_in <= stop else min(abs(check_in - start), abs(check_in - stop))

    own = check_in.date()
    candidates = [day for day in (own - timedelta(days=1), own, own + timedelta(days=1)) if day in spans]
    nearest = min(candidates, key=lambda day: (distance(spans[day]), day), default=None)
    if nearest is not None and distance(spans[nearest]) <= reach:
        return nearest
    return own
