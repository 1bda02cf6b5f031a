from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.achievement import ORG_RATINGS
from .kinerja_workflow_mixin import MAIL_FIELDS


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
        records._check_not_determined(moving=True)
        records._apply_to_heads()
        return records

    def write(self, vals):
        moving = bool({"department_id", "period_id"} & set(vals))
        changing = bool(set(vals) - MAIL_FIELDS)
        self._check_rater()
        if changing:
            self._check_not_determined(moving=moving)
        result = super().write(vals)
        self._check_rater()
        if changing:
            self._check_not_determined(moving=moving)
        if {"rating", "department_id", "period_id"} & set(vals):
            self._apply_to_heads()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_determined(self):
        self._check_not_determined(moving=True)

    def _check_rater(self):
        """Officers, or the leadership above the unit (the heads of the units above it); never
        the head of the unit himself (SE MenPANRB 3/2023)."""
        if self.env.su or self.env.user._kinerja_is_officer():
            return
        mine = self.env.user.employee_ids
        for org in self:
            department = org.department_id
            if department.manager_id & mine:
                raise AccessError(
                    self.env._(
                        "You head %s: the organisation rating of your own unit is set by the leadership above "
                        "it or by the performance officers.",
                        department.name,
                    )
                )
            if not (department._kinerja_leaders() & mine):
                raise AccessError(
                    self.env._(
                        "Only the performance officers or the leadership above %s set its organisation rating.",
                        department.name,
                    )
                )

    def _check_not_determined(self, moving=False):
        """Refuse to change a rating whose unit's predicates were determined (a confirmed
        penetapan of the unit and period); ``moving``: the rating appears in, or leaves, its
        place, which also changes the population of the rated unit above it."""
        for org in self:
            if not (org.department_id and org.period_id):
                continue
            determined = self.env["kinerja.penetapan"]._confirmed_for(org.department_id, org.period_id, above=moving)
            if determined:
                raise UserError(
                    self.env._(
                        "The predicates of %(unit)s for %(period)s were determined in “%(penetapan)s”: the "
                        "organisation rating of %(rated)s for that period can no longer change.",
                        unit=determined.department_id.name,
                        period=org.period_id.name,
                        penetapan=determined.display_name,
                        rated=org.department_id.name,
                    )
                )

    def _apply_to_heads(self):
        """The rating is the work-result rating of the unit's head: his draft evaluations of
        the period take it."""
        Evaluation = self.env["kinerja.evaluation"]._evaluation_application()
        for org in self:
            jpt = org.company_id.kinerja_jpt_unit_head  # README: who heads a unit
            if not (org.department_id and org.period_id and (org.department_id.manager_id or jpt)):
                continue
            heads = [("employee_id", "=", org.department_id.manager_id.id)]
            if jpt:
                heads = ["|", ("skp_id.position_type", "=", "jpt"), *heads]
            Evaluation.search(
                [
                    *heads,
                    ("department_id", "=", org.department_id.id),
                    ("period_id", "=", org.period_id.id),
                    ("state", "=", "draft"),
                ]
            )._apply_head_rating()

    def action_open_penetapan(self):
        """The determination of the unit's predicates for the period: the existing one, or a
        new one for the leadership or the officer to confirm."""
        self.ensure_one()
        Penetapan = self.env["kinerja.penetapan"]
        penetapan = Penetapan.search(
            [("department_id", "=", self.department_id.id), ("period_id", "=", self.period_id.id)], limit=1
        ) or Penetapan.create(
            {"department_id": self.department_id.id, "period_id": self.period_id.id, "company_id": self.company_id.id}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "kinerja.penetapan",
            "res_id": penetapan.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _population_evaluations(self, extra=None):
        """The evaluations that make the unit's population for the period: those of its
        employees and of its sub-units, except the sub-units rated on their own for the period
        (each follows its own curve); one per person: of someone with two SKPs in the period
        (a transfer, a change of position), the evaluation of the SKP that covers the end of the
        period. ``extra`` is an evaluation about to be signed; it may be a new record (edited in
        a form or a list), standing for the stored evaluation it comes from.

        Named exception (README, privileged methods): the population is read as superuser, and so are the
        evaluations returned. The distribution is the unit's, while the record rules show
        the evaluator, the leadership or the officer only some of its evaluations; callers
        read figures from them (state, predicate), never write."""
        self.ensure_one()
        Evaluation = self.env["kinerja.evaluation"].sudo()
        if not (self.department_id and self.period_id):
            # an organisation rating being entered: no unit or period chosen yet
            return Evaluation
        period = self.period_id
        of_period = [("period_id", "=", period.id), ("skp_id.state", "!=", "cancelled")]
        evaluations = Evaluation.search([*of_period, ("department_id", "child_of", self.department_id.id)])
        if extra:
            evaluations = (evaluations - extra._origin) | extra
        # sub-units with their own rating for the period are populations of their own
        rated = self.search(
            [
                ("period_id", "=", period.id),
                ("department_id", "child_of", self.department_id.id),
                ("department_id", "!=", self.department_id.id),
            ]
        ).department_id
        paths = [path for path in rated.mapped("parent_path") if path]
        evaluations = evaluations.filtered(
            lambda e: not any((e.department_id.parent_path or "").startswith(path) for path in paths)
        )
        # one person, one predicate: his other evaluations of the period, wherever they are
        everyone = Evaluation.search([*of_period, ("employee_id", "in", evaluations.employee_id.ids)])
        if extra:
            everyone = (everyone - extra._origin) | extra
        best = {}
        for evaluation in everyone:
            skp = evaluation.skp_id
            rank = (
                bool(skp.date_start and skp.date_end and skp.date_start <= period.date_end <= skp.date_end),
                skp.date_end or period.date_start,
                evaluation._origin.id or 0,
            )
            key = evaluation.employee_id._origin.id
            if key not in best or rank > best[key][0]:
                best[key] = (rank, evaluation)
        kept = {evaluation for _rank, evaluation in best.values()}
        return evaluations.filtered(lambda e: e in kept)

    def _population(self, extra=None):
        """(size of the unit's population for the period, its signed predicates by key), as
        ``_population_evaluations`` says; ``extra`` is counted with its predicate."""
        self.ensure_one()
        population = self._population_evaluations(extra)
        signed = population.filtered(lambda e: e.state == "done" or (extra and e == extra))
        return len(population), Counter(signed.mapped("predicate"))

    def _rules(self):
        """The distribution rules of the unit's organisation predicate."""
        self.ensure_one()
        return self.env["kinerja.distribution.rule"].search(
            [("org_rating", "=", self.rating), ("company_id", "in", [False, self.company_id.id])]
        )

    def _rule_lines(self, total, counts):
        """Per rule of the curve, for a unit of ``total`` with ``counts`` signed predicates:
        {"rule", "minimum", "maximum" (people), "count", "percent", "above_maximum",
        "below_minimum"}."""
        self.ensure_one()
        rounding = (self.company_id or self.env.company).kinerja_distribution_rounding
        lines = []
        for rule in self._rules():
            minimum, maximum = rule._limits(total, rounding)
            count = rule._count(counts)
            lines.append(
                {
                    "rule": rule,
                    "predicate": rule.predicate,
                    "extra_predicate": rule.extra_predicate or False,
                    "has_minimum": bool(rule.min_percent or rule.min_count),
                    "has_maximum": rule.max_percent < 100,
                    "minimum": minimum,
                    "maximum": maximum,
                    "count": count,
                    "percent": count * 100.0 / total if total else 0.0,
                    "above_maximum": count > maximum,
                    "below_minimum": count < minimum,
                }
            )
        return lines

    @api.model
    def _distribution_table(self, total, counts, rule_lines):
        """The Pola Distribusi of the printed documents: for each predicate, its count and
        share among the ``total`` people of the unit, and the limits (people) of the rules of
        the curve that count it (``rule_lines``: dicts with the predicate keys of the rule,
        whether it has a minimum / a maximum, the limits and whether it is broken)."""
        rows = []
        for key, label in self.env["kinerja.evaluation"]._fields["predicate"]._description_selection(self.env):
            limits, broken = [], False
            for line in rule_lines:
                if key not in (line["predicate"], line["extra_predicate"]):
                    continue
                if line["has_minimum"]:
                    limits.append(f"≥ {line['minimum']}")
                if line["has_maximum"]:
                    limits.append(f"≤ {line['maximum']}")
                broken = broken or line["broken"]
            count = counts.get(key, 0)
            rows.append(
                {
                    "predicate": key,
                    "label": label,
                    "count": count,
                    "percent": count * 100.0 / total if total else 0.0,
                    "limits": ", ".join(limits) or "-",
                    "broken": broken,
                }
            )
        return rows

    def _violations(self, extra=None, maximum_only=False):
        """The distribution rules this unit breaks. With ``extra`` (an evaluation about to be
        signed): only the rules that signing it makes worse, i.e. the maximums its predicate
        counts towards (a rule already broken by others is not his to answer for, and an
        evaluation that does not count in the unit, superseded by the person's other SKP, makes
        nothing worse). Minimums are judged once every evaluation of the unit is signed."""
        self.ensure_one()
        population = self._population_evaluations(extra)
        if extra:
            if extra not in population:
                return []
        signed = population.filtered(lambda e: e.state == "done" or (extra and e == extra))
        total, counts = len(population), Counter(signed.mapped("predicate"))
        if not total:
            return []
        complete = len(signed) >= total
        messages = []
        for line in self._rule_lines(total, counts):
            rule = line["rule"]
            if line["above_maximum"] and (not extra or extra.predicate in (rule.predicate, rule.extra_predicate)):
                messages.append(
                    self.env._(
                        "%(rule)s: %(count)s of %(total)s employees, at most %(maximum)s allowed.",
                        rule=rule.description,
                        count=line["count"],
                        total=total,
                        maximum=line["maximum"],
                    )
                )
            elif complete and not maximum_only and line["below_minimum"]:
                messages.append(
                    self.env._(
                        "%(rule)s: %(count)s of %(total)s employees, at least %(minimum)s required.",
                        rule=rule.description,
                        count=line["count"],
                        total=total,
                        minimum=line["minimum"],
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
