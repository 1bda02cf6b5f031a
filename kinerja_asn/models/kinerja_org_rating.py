from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools.achievement import ORG_RATINGS


class KinerjaOrgRating(models.Model):
    """Predikat kinerja organisasi: the rating of a unit for a period, which bounds the
    predicates of its employees (distribution) and gives its head's work-result rating."""

    _name = "kinerja.org.rating"
    _description = "Organisation Rating"
    _inherit = ["mail.thread"]
    _order = "period_id desc, department_id"
    _check_company_auto = True

    # no check_company on the unit: the rating's company is the unit's (related), so a new
    # rating has none yet and the company domain would offer no unit at all
    department_id = fields.Many2one("hr.department", string="Work Unit", required=True, index=True)
    period_id = fields.Many2one("kinerja.period", string="Period", required=True, index=True, check_company=True)
    rating = fields.Selection(ORG_RATINGS, string="Organisation Predicate", required=True, tracking=True)
    note = fields.Text(help="The basis of the rating, e.g. the unit's performance report (LKjIP).")
    company_id = fields.Many2one(related="department_id.company_id", store=True, index=True)
    employee_count = fields.Integer(compute="_compute_distribution", string="Employees")
    evaluated_count = fields.Integer(compute="_compute_distribution", string="Signed")
    distribution = fields.Text(compute="_compute_distribution", string="Predicates")
    violation = fields.Text(compute="_compute_distribution", string="Distribution Issues")

    _sql_constraints = [
        (
            "department_period_uniq",
            "unique(department_id, period_id)",
            "A unit has one organisation rating per period.",
        ),
    ]

    @api.depends("rating", "department_id", "period_id")
    def _compute_distribution(self):
        labels = dict(self.env["kinerja.evaluation"]._fields["predicate"]._description_selection(self.env))
        for org in self:
            total, counts = org._population()
            org.employee_count = total
            org.evaluated_count = sum(counts.values())
            org.distribution = ", ".join(f"{labels[key]}: {counts[key]}" for key in labels if counts.get(key))
            org.violation = "\n".join(org._violations()) or False

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_rater()
        return records

    def write(self, vals):
        self._check_rater()
        result = super().write(vals)
        self._check_rater()
        return result

    def _check_rater(self):
        """Officers, or the leadership of the unit (its head or the head of a unit above it)."""
        if self.env.su or self.env.user.has_group("kinerja_asn.group_kinerja_officer"):
            return
        mine = self.env.user.employee_ids
        for org in self:
            department = org.department_id.sudo()
            leaders = department.search([("id", "parent_of", department.id)]).manager_id
            if not (leaders & mine):
                raise AccessError(
                    self.env._(
                        "Only the performance officers or the leadership of %s set its organisation rating.",
                        department.name,
                    )
                )

    def _population(self, extra=None):
        """(number of employees evaluated in the unit and its sub-units for the period, signed
        predicates by key);
        ``extra`` is an evaluation about to be signed, counted with its predicate. It may be a
        new record (an evaluation being edited in a form or a list): it then stands for the
        stored evaluation it comes from, with the predicate on screen."""
        self.ensure_one()
        Evaluation = self.env["kinerja.evaluation"].sudo()
        if not (self.department_id and self.period_id):
            # an organisation rating being entered: no unit or period chosen yet
            return 0, Counter()
        evaluations = Evaluation.search(
            [("department_id", "child_of", self.department_id.id), ("period_id", "=", self.period_id.id)]
        )
        if extra:
            extra = extra.sudo()
            evaluations = (evaluations - extra._origin) | extra
        signed = evaluations.filtered(lambda e: e.state == "done" or (extra and e == extra))
        return len(evaluations), Counter(signed.mapped("predicate"))

    def _violations(self, extra=None, maximum_only=False):
        """The distribution rules this unit breaks (or would break with ``extra`` signed)."""
        self.ensure_one()
        total, counts = self._population(extra)
        if not total:
            return []
        rules = (
            self.env["kinerja.distribution.rule"]
            .sudo()
            .search([("org_rating", "=", self.rating), ("company_id", "in", [False, self.company_id.id])])
        )
        complete = sum(counts.values()) >= total
        messages = []
        for rule in rules:
            minimum, maximum = rule._limits(total)
            count = rule._count(counts)
            if count > maximum:
                messages.append(
                    self.env._(
                        "%(rule)s: %(count)s of %(total)s employees, at most %(maximum)s allowed.",
                        rule=rule.description,
                        count=count,
                        total=total,
                        maximum=maximum,
                    )
                )
            elif complete and not maximum_only and count < minimum:
                messages.append(
                    self.env._(
                        "%(rule)s: %(count)s of %(total)s employees, at least %(minimum)s required.",
                        rule=rule.description,
                        count=count,
                        total=total,
                        minimum=minimum,
                    )
                )
        return messages

    def _distribution_rows(self):
        """One row per rated unit and period: its rating, size, signed predicates and issues."""
        labels = dict(self._fields["rating"]._description_selection(self.env))
        rows = []
        for org in self.sorted(lambda r: (r.period_id.date_start, r.department_id.complete_name or "")):
            total, counts = org._population()
            rows.append(
                {
                    "unit": org.department_id.complete_name,
                    "period": org.period_id.name,
                    "rating": labels[org.rating],
                    "total": total,
                    "signed": sum(counts.values()),
                    "counts": counts,
                    "issues": "\n".join(org._violations()),
                }
            )
        return rows
