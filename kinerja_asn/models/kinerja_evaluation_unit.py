from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.achievement import ORG_RATINGS


class KinerjaEvaluation(models.Model):
    """The unit's part in an evaluation (SE MenPANRB 3/2023): the organisation achievement
    of the unit whose curve it follows, its head's work-result rating fixed by that
    achievement, the distribution it would break, and the unit's penetapan, which closes its
    evaluations of the period."""

    _inherit = "kinerja.evaluation"

    unit_org_rating = fields.Selection(
        ORG_RATINGS,
        compute="_compute_unit_org_rating",
        string="Organisation Achievement",
        help="Capaian Kinerja Organisasi: the organisation predicate for the period of the unit whose "
        "curve the evaluation follows (its own unit, or the nearest rated unit above it).",
    )
    distribution_warning = fields.Text(compute="_compute_distribution_warning")

    @api.depends("predicate", "department_id", "period_id", "state")
    def _compute_distribution_warning(self):
        """What signing this draft with the predicate on screen would break (a signed one is
        judged in the distribution check of its unit)."""
        for evaluation in self:
            draft = evaluation.state == "draft" and evaluation.predicate
            messages = evaluation._distribution_violations() if draft else []
            evaluation.distribution_warning = "\n".join(messages) or False

    @api.depends("department_id", "period_id")
    def _compute_unit_org_rating(self):
        ratings = self._org_ratings()
        for evaluation in self:
            evaluation.unit_org_rating = ratings[evaluation].rating

    def _head_org_rating(self):
        """The organisation rating of the unit the employee heads, for the evaluated period
        (an empty record when he heads no unit, or it is not rated yet)."""
        self.ensure_one()
        OrgRating = self.env["kinerja.org.rating"]  # read by every user of the agency
        if not (self.is_unit_head and self.department_id and self.period_id):
            return OrgRating
        return OrgRating.search(
            [("department_id", "=", self.department_id.id), ("period_id", "=", self.period_id.id)], limit=1
        )

    def _head_rating_values(self, org_rating):
        """For the head of a unit, the suggestion values that fix his work-result rating from
        ``org_rating`` (the rating of the evaluation's unit, if any), by the company's mapping;
        None for anyone else."""
        self.ensure_one()
        if not self.is_unit_head:
            return None
        if org_rating and org_rating.department_id == self.department_id and org_rating.period_id == self.period_id:
            rating = self.company_id._kinerja_org_rating_map()[org_rating.rating]
            labels = dict(org_rating._fields["rating"]._description_selection(self.env))
            return {
                "suggested_result_rating": rating,
                "result_rating": rating,
                "suggestion_note": self.env._("Organisation achievement of the unit: %s", labels[org_rating.rating]),
            }
        return {
            "suggested_result_rating": False,
            "suggestion_note": self.env._(
                "Waits for the organisation achievement of %(unit)s for %(period)s",
                unit=self.department_id.name,
                period=self.period_id.name,
            ),
        }

    def _apply_head_rating(self):
        """Give the draft evaluations of unit heads their fixed work-result rating (or say
        that it waits for the unit's organisation rating). Written by the application."""
        for evaluation in self.filtered(lambda e: e.state == "draft" and e.is_unit_head):
            values = evaluation._head_rating_values(evaluation._head_org_rating())
            changed = {fname: value for fname, value in values.items() if evaluation[fname] != value}
            if changed:
                # the callers are the application (creation, the unit's rating) or the evaluator
                evaluation._workflow_write(changed)

    def _check_head_rating(self):
        """Before signing: the head of a unit is rated by his unit's organisation rating of the
        period, which must exist; his work-result rating is set from it."""
        self.ensure_one()
        if not self.is_unit_head:
            return
        if not self._head_org_rating():
            raise UserError(
                self.env._(
                    "%(employee)s heads %(unit)s: his work-result rating is the organisation achievement of "
                    "%(unit)s for %(period)s, which has not been set yet. Ask the leadership above the unit "
                    "or the performance officer to set it, then sign %(evaluation)s.",
                    employee=self.employee_id.name,
                    unit=self.department_id.name,
                    period=self.period_id.name,
                    evaluation=self.display_name,
                )
            )
        self._apply_head_rating()

    def _check_head_rating_value(self, value):
        """A head's work-result rating is fixed: refuse any other value written by hand."""
        self.ensure_one()
        if self.env.su or not value or not self.is_unit_head:
            return
        org_rating = self._head_org_rating()
        if not org_rating:
            raise UserError(
                self.env._(
                    "%(employee)s heads %(unit)s: his work-result rating is the organisation achievement of "
                    "%(unit)s for %(period)s, which has not been set yet; it is not set by hand.",
                    employee=self.employee_id.name,
                    unit=self.department_id.name,
                    period=self.period_id.name,
                )
            )
        fixed = self.company_id._kinerja_org_rating_map()[org_rating.rating]
        if value != fixed:
            labels = dict(self._fields["result_rating"]._description_selection(self.env))
            org_labels = dict(org_rating._fields["rating"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(employee)s heads %(unit)s: his work-result rating is the organisation achievement of "
                    "the unit for %(period)s (%(org)s), that is %(rating)s; it cannot be overridden.",
                    employee=self.employee_id.name,
                    unit=self.department_id.name,
                    period=self.period_id.name,
                    org=org_labels[org_rating.rating],
                    rating=labels[fixed],
                )
            )

    def _penetapan(self):
        """The confirmed determination of predicates (penetapan) of the unit whose curve this
        evaluation follows, for its period, if any."""
        self.ensure_one()
        org_rating = self._org_rating()
        if not org_rating:
            return self.env["kinerja.penetapan"]
        return self.env["kinerja.penetapan"]._confirmed_for(org_rating.department_id, self.period_id)

    def _check_unit_not_determined(self):
        """Once the unit's predicates of the period are determined, its evaluations are closed:
        neither signed nor changed (an objection goes through its own decision)."""
        for evaluation in self:
            penetapan = evaluation._penetapan()
            if penetapan:
                raise UserError(
                    self.env._(
                        "The predicates of %(unit)s for %(period)s were determined in “%(penetapan)s”: "
                        "%(evaluation)s can no longer be signed or changed.",
                        unit=penetapan.department_id.name,
                        period=penetapan.period_id.name,
                        penetapan=penetapan.display_name,
                        evaluation=evaluation.display_name,
                    )
                )
