import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.achievement import ORG_RATINGS, PREDICATES


class KinerjaDistributionRule(models.Model):
    """Kurva distribusi: how many of a unit's employees may (or must) get a predicate, for the
    unit's organisation predicate. Shipped with the regulation's table; editable."""

    _name = "kinerja.distribution.rule"
    _description = "Predicate Distribution Rule"
    _inherit = ["mail.thread"]
    _order = "org_rating, sequence, id"

    sequence = fields.Integer(default=10)
    org_rating = fields.Selection(ORG_RATINGS, string="Organisation Predicate", required=True, tracking=True)
    predicate = fields.Selection(PREDICATES, required=True, tracking=True)
    extra_predicate = fields.Selection(
        PREDICATES,
        string="Or Predicate",
        tracking=True,
        help="Counted together with the predicate (e.g. 'Needs Improvement and/or Poor').",
    )
    min_percent = fields.Float(string="Min %", tracking=True)
    max_percent = fields.Float(string="Max %", default=100.0, tracking=True)
    min_count = fields.Integer(
        string="At Least (people)",
        tracking=True,
        help="An absolute minimum, e.g. 1 where the regulation says the unit 'must include some'.",
    )
    description = fields.Char(compute="_compute_description")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True, help="Empty: the rule applies to every agency.")

    @api.depends("predicate", "extra_predicate", "min_percent", "max_percent", "min_count")
    def _compute_description(self):
        labels = dict(self._fields["predicate"]._description_selection(self.env))
        for rule in self:
            names = " / ".join(labels[p] for p in (rule.predicate, rule.extra_predicate) if p)
            parts = []
            if rule.min_percent:
                parts.append(self.env._("at least %s%%", rule.min_percent))
            if rule.min_count:
                parts.append(self.env._("at least %s people", rule.min_count))
            if rule.max_percent < 100:
                parts.append(self.env._("at most %s%%", rule.max_percent))
            rule.description = f"{names}: {', '.join(parts)}" if parts else names

    @api.constrains("min_percent", "max_percent", "min_count")
    def _check_percentages(self):
        for rule in self:
            if not (0 <= rule.min_percent <= 100 and 0 <= rule.max_percent <= 100) or rule.min_count < 0:
                raise ValidationError(self.env._("Percentages of a distribution rule lie between 0 and 100."))
            if rule.min_percent > rule.max_percent:
                raise ValidationError(
                    self.env._(
                        "The rule can never be met: its minimum (%(min)s%%) is above its maximum (%(max)s%%).",
                        min=rule.min_percent,
                        max=rule.max_percent,
                    )
                )

    @api.constrains("org_rating", "min_percent", "active", "company_id")
    def _check_minimums(self):
        for rule in self:
            siblings = self.search(
                [("org_rating", "=", rule.org_rating), ("company_id", "in", [False, rule.company_id.id])]
            )
            if sum(siblings.mapped("min_percent")) > 100:
                raise ValidationError(
                    self.env._(
                        "The minimums of the rules for this organisation predicate add up to more than 100%: "
                        "they can never all be met."
                    )
                )

    def _limits(self, total, rounding=None):
        """(minimum, maximum) number of people for a unit of ``total``. The regulation gives
        percentages only; ``rounding`` (default: the company's setting) says how they become
        people: ``literal`` reads "at least" and "at most" as written (the minimum rounds up,
        the maximum down: at least 60 % of 4 is 3, at most 70 % of 4 is 2); ``lenient`` rounds
        in the employees' favour (the minimum down, the maximum up)."""
        self.ensure_one()
        if rounding is None:
            rounding = (self.company_id or self.env.company).kinerja_distribution_rounding
        minimum_share = self.min_percent * total / 100
        maximum_share = self.max_percent * total / 100
        if rounding == "lenient":
            minimum = math.floor(minimum_share + 1e-9)
            maximum = math.ceil(maximum_share - 1e-9)
        else:
            minimum = math.ceil(minimum_share - 1e-9)
            maximum = math.floor(maximum_share + 1e-9)
        return min(max(self.min_count, minimum), total), maximum

    def _count(self, counts):
        self.ensure_one()
        return sum(counts.get(p, 0) for p in {self.predicate, self.extra_predicate} if p)
