from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.achievement import target_label


class KinerjaSkp(models.Model):
    """What an SKP plans and where it leads: its counts, achievement and summary, the dates
    and uniqueness it must keep, the checks that make a plan complete, its place in the
    organisation (team, unit head, subordinates to distribute results to), and the windows it
    opens (realisation entry, reports, evaluations, feedback, cascade, wizards). Who may
    change the SKP, and how it moves from state to state, is decided in kinerja_skp.py."""

    _inherit = "kinerja.skp"

    # ------------------------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------------------------
    @api.model
    def _default_period(self):
        today = fields.Date.context_today(self)
        return self.env["kinerja.period"]._find(today, "year") or self.env["kinerja.period"].search(
            [("period_type", "=", "year"), ("state", "!=", "closed"), ("company_id", "=", self.env.company.id)],
            order="date_start desc",
            limit=1,
        )

    @api.depends("employee_id", "period_id")
    def _compute_name(self):
        for skp in self:
            skp.name = self.env._(
                "SKP %(employee)s %(year)s",
                employee=skp.employee_id.name or "",
                year=skp.period_id.name or "",
            ).strip()

    @api.depends("employee_id")
    def _compute_from_employee(self):
        for skp in self:
            if skp.state in (False, "draft") or not skp.department_id:
                skp.department_id = skp.employee_id.department_id
                skp.job_id = skp.employee_id.job_id

    @api.depends("period_id")
    def _compute_dates(self):
        for skp in self:
            if skp.period_id and (
                not skp.date_start or not (skp.period_id.date_start <= skp.date_start <= skp.period_id.date_end)
            ):
                skp.date_start = skp.period_id.date_start
                skp.date_end = skp.period_id.date_end

    @api.depends("employee_id")
    def _compute_evaluators(self):
        for skp in self:
            if skp.state in (False, "draft") or not skp.evaluator_id:
                skp.evaluator_id = skp.employee_id.parent_id
                skp.evaluator_parent_id = skp.employee_id.parent_id.parent_id

    @api.depends("result_ids", "result_ids.weight", "result_ids.result_type", "indicator_ids")
    def _compute_counts(self):
        # A list of saved SKPs is counted by the database; a form (being edited, or whose lines
        # are read anyway) counts its lines in memory.
        cache = self.env.cache
        in_memory = self.filtered(
            lambda skp: (
                not isinstance(skp.id, int)
                or (
                    cache.contains(skp, self._fields["result_ids"])
                    and cache.contains(skp, self._fields["indicator_ids"])
                )
            )
        )
        saved = self - in_memory
        results, indicators = {}, {}
        if saved:
            for skp, result_type, count, weight in self.env["kinerja.skp.result"]._read_group(
                [("skp_id", "in", saved.ids)], ["skp_id", "result_type"], ["__count", "weight:sum"]
            ):
                count_total, weight_total = results.get(skp.id, (0, 0.0))
                results[skp.id] = (
                    count_total + count,
                    weight_total + ((weight or 0.0) if result_type == "main" else 0.0),
                )
            indicators = {
                skp.id: count
                for skp, count in self.env["kinerja.skp.indicator"]._read_group(
                    [("skp_id", "in", saved.ids)], ["skp_id"], ["__count"]
                )
            }
        for skp in self:
            if skp in saved:
                skp.result_count, skp.weight_total = results.get(skp.id, (0, 0.0))
                skp.indicator_count = indicators.get(skp.id, 0)
            else:
                skp.result_count = len(skp.result_ids)
                skp.indicator_count = len(skp.indicator_ids)
                skp.weight_total = sum(skp.result_ids.filtered(lambda r: r.result_type == "main").mapped("weight"))

    @api.depends("result_ids.achievement", "result_ids.weight", "result_ids.result_type", "use_weights")
    def _compute_achievement(self):
        for skp in self:
            main = skp.result_ids.filtered(lambda r: r.result_type == "main")
            if skp.use_weights and sum(main.mapped("weight")):
                skp.achievement = sum(r.achievement * r.weight for r in main) / sum(main.mapped("weight"))
            else:
                skp.achievement = sum(main.mapped("achievement")) / len(main) if main else 0.0

    def _compute_realization_count(self):
        counts = dict(
            self.env["kinerja.realization"]._read_group([("skp_id", "in", self.ids)], ["skp_id"], ["__count"])
        )
        for skp in self:
            skp.realization_count = counts.get(skp, 0)

    def _compute_evaluation_count(self):
        counts = dict(self.env["kinerja.evaluation"]._read_group([("skp_id", "in", self.ids)], ["skp_id"], ["__count"]))
        for skp in self:
            skp.evaluation_count = counts.get(skp, 0)

    def _compute_feedback_count(self):
        counts = dict(self.env["kinerja.feedback"]._read_group([("skp_id", "in", self.ids)], ["skp_id"], ["__count"]))
        for skp in self:
            skp.feedback_count = counts.get(skp, 0)

    @api.depends("employee_id")
    def _compute_has_subordinates(self):
        # On the public view: an employee may not read hr.employee, only its public fields.
        employees = self.employee_id.ids
        counts = {
            parent.id: count
            for parent, count in self.env["hr.employee.public"]._read_group(
                [("parent_id", "in", employees)], ["parent_id"], ["__count"]
            )
        }
        for skp in self:
            skp.has_subordinates = bool(counts.get(skp.employee_id.id))

    @api.depends(
        "approach",
        "use_weights",
        "result_ids.name",
        "result_ids.result_type",
        "result_ids.weight",
        "result_ids.indicator_ids.name",
        "result_ids.indicator_ids.target_value",
        "result_ids.indicator_ids.unit_label",
        "result_ids.indicator_ids.target_text",
    )
    def _compute_plan_summary(self):
        """One block per SKP: its results (type, weight) and their indicators with targets.
        Read in batch through the prefetch: a list of 80 SKPs costs the same queries as one."""
        types = dict(self.env["kinerja.skp.result"]._fields["result_type"]._description_selection(self.env))
        for skp in self:
            items = []
            for result in skp.result_ids:
                head = Markup('<span class="badge text-bg-light me-1">%s</span><strong>%s</strong>') % (
                    types.get(result.result_type, ""),
                    (result.name or "").splitlines()[0] if result.name else "",
                )
                if skp.use_weights and result.result_type == "main":
                    head += Markup(' <span class="text-muted">(%s %%)</span>') % f"{result.weight:g}"
                lines = []
                for indicator in result.indicator_ids:
                    target = target_label(
                        skp.approach, indicator.target_value, indicator.unit_label, indicator.target_text
                    )
                    lines.append(
                        Markup("<li>%s: <strong>%s</strong></li>")
                        % ((indicator.name or "").splitlines()[0] if indicator.name else "", target)
                    )
                body = Markup('<ul class="mb-1 ps-3">%s</ul>') % Markup("").join(lines) if lines else Markup("")
                items.append(Markup('<li class="mb-1">%s%s</li>') % (head, body))
            skp.plan_summary = (
                Markup('<ol class="mb-0 ps-3 o_kinerja_plan_summary">%s</ol>') % Markup("").join(items)
                if items
                else Markup('<span class="text-muted">%s</span>') % escape(self.env._("No work result yet"))
            )

    @api.depends_context("uid")
    def _compute_is_my_team(self):
        team = self.env["hr.employee"].search([("id", "child_of", self.env.user.employee_ids.ids)])
        for skp in self:
            skp.is_my_team = skp.employee_id in team and skp.user_id != self.env.user

    def _search_is_my_team(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'In My Team'."))
        domain = [
            ("employee_id", "child_of", self.env.user.employee_ids.ids),
            ("employee_id", "not in", self.env.user.employee_ids.ids),
        ]
        if (operator == "=") != value:
            return ["!", "&", *domain]
        return domain

    @api.depends("employee_id", "department_id.manager_id", "position_type", "company_id.kinerja_jpt_unit_head")
    def _compute_is_unit_head(self):
        """The one notion of head of unit (SKP and evaluation): the manager of the unit of the
        SKP; a senior executive (JPT) too where the company says so (README, unit heads)."""
        for skp in self:
            skp.is_unit_head = bool(skp.employee_id) and (
                skp.department_id.manager_id == skp.employee_id
                or (skp.position_type == "jpt" and skp.company_id.kinerja_jpt_unit_head)
            )

    # ------------------------------------------------------------------------------------
    # Constraints and completeness
    # ------------------------------------------------------------------------------------
    @api.constrains("evaluator_id", "employee_id")
    def _check_evaluator(self):
        for skp in self:
            if skp.evaluator_id and skp.evaluator_id == skp.employee_id:
                raise ValidationError(self.env._("%s cannot be his own evaluator.", skp.employee_id.name))

    @api.constrains("date_start", "date_end", "period_id")
    def _check_dates(self):
        for skp in self:
            year = skp.period_id
            if skp.date_start > skp.date_end:
                raise ValidationError(
                    self.env._("The SKP of %s ends before it starts: fix its dates.", skp.employee_id.name)
                )
            if skp.date_start < year.date_start or skp.date_end > year.date_end:
                raise ValidationError(
                    self.env._(
                        "The dates of the SKP of %(employee)s (%(start)s to %(end)s) must lie within "
                        "the year %(year)s (%(year_start)s to %(year_end)s).",
                        employee=skp.employee_id.name,
                        start=skp.date_start,
                        end=skp.date_end,
                        year=year.name,
                        year_start=year.date_start,
                        year_end=year.date_end,
                    )
                )

    @api.constrains("employee_id", "period_id", "job_id", "date_start", "date_end", "state")
    def _check_unique(self):
        active = self.filtered(lambda s: s.state != "cancelled")
        if not active:
            return
        others = self.search(
            [
                ("employee_id", "in", active.employee_id.ids),
                ("period_id", "in", active.period_id.ids),
                ("state", "!=", "cancelled"),
            ]
        )
        for skp in active:
            for other in others:
                if other == skp or other.employee_id != skp.employee_id or other.period_id != skp.period_id:
                    continue
                if other.date_start > skp.date_end or other.date_end < skp.date_start:
                    continue  # consecutive SKPs of a year, e.g. after a transfer
                if other.job_id == skp.job_id:
                    raise ValidationError(
                        self.env._(
                            "%(employee)s already has an SKP for %(year)s in this position (%(other)s): "
                            "edit it, or cancel it first.",
                            employee=skp.employee_id.name,
                            year=skp.period_id.name,
                            other=other.display_name,
                        )
                    )
                raise ValidationError(
                    self.env._(
                        "The SKP of %(employee)s from %(start)s to %(end)s overlaps %(other)s "
                        "(%(other_start)s to %(other_end)s): an employee has one SKP at a time. "
                        "For a new position use 'New Position' on the current SKP.",
                        employee=skp.employee_id.name,
                        start=skp.date_start,
                        end=skp.date_end,
                        other=other.display_name,
                        other_start=other.date_start,
                        other_end=other.date_end,
                    )
                )

    def _check_submittable(self):
        """Raise a clear error for the first thing that keeps this SKP from approval."""
        self.ensure_one()
        name = self.display_name
        if not self.evaluator_id:
            raise UserError(
                self.env._(
                    "%s has no evaluator: set the employee's manager, or ask the performance officer "
                    "to set the evaluator.",
                    name,
                )
            )
        if not self.result_ids:
            raise UserError(self.env._("%s has no work result (RHK) yet: add at least one.", name))
        if not self.result_ids.filtered(lambda r: r.result_type == "main"):
            raise UserError(self.env._("%s needs at least one main work result.", name))
        for result in self.result_ids:
            if not result.indicator_ids:
                raise UserError(
                    self.env._(
                        "The work result “%(result)s” has no indicator: add how its success is measured.",
                        result=result.name,
                    )
                )
            if self.approach == "quantitative":
                without_unit = result.indicator_ids.filtered(lambda i: not (i.unit_label or "").strip())
                if without_unit:
                    raise UserError(
                        self.env._(
                            "The indicator “%(indicator)s” of “%(result)s” has no unit: say what its "
                            "target counts (e.g. documents, children, %%).",
                            indicator=without_unit[0].name,
                            result=result.name,
                        )
                    )
            if result.result_type != "main":
                continue
            if self.is_unit_head:
                if not result.goal_id and not result.parent_result_id:
                    raise UserError(
                        self.env._(
                            "Link the work result “%(result)s” to an organisation goal or to a work "
                            "result of your evaluator.",
                            result=result.name,
                        )
                    )
            elif not result.parent_result_id:
                raise UserError(
                    self.env._(
                        "Link the work result “%(result)s” to the work result of your evaluator it "
                        "supports (RHK atasan yang diintervensi).",
                        result=result.name,
                    )
                )
        self.result_ids._check_parent_result()
        if self.approach == "quantitative" and self.use_weights:
            total = self.weight_total
            if abs(total - 100.0) > 0.001:
                raise UserError(
                    self.env._(
                        "The weights of the main work results of %(skp)s add up to %(total)s: they must add up to 100.",
                        skp=name,
                        total=round(total, 2),
                    )
                )

    def _check_can_distribute(self):
        """Raise unless the current user may distribute the results of this SKP among the
        employee's direct subordinates (Matriks Peran Hasil)."""
        self.ensure_one()
        if self.employee_id.user_id != self.env.user and not self.env.user._kinerja_is_officer():
            raise UserError(self.env._("Only %s or an officer can distribute his work results.", self.employee_id.name))
        if not self.has_subordinates:
            raise UserError(
                self.env._(
                    "%s has no direct subordinates: there is nobody to distribute work results to.",
                    self.employee_id.name,
                )
            )
        if self.state == "cancelled":
            raise UserError(self.env._("%s is cancelled: its results cannot be distributed.", self.display_name))

    # ------------------------------------------------------------------------------------
    # Windows opened from the SKP
    # ------------------------------------------------------------------------------------
    def action_open_return_wizard(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_return_wizard_action")
        action["context"] = {"active_model": self._name, "active_ids": self.ids}
        return action

    def action_open_transfer_wizard(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_transfer_wizard_action")
        action["context"] = {"default_skp_id": self.id}
        return action

    def action_open_mph_wizard(self):
        self.ensure_one()
        self._check_can_distribute()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_mph_wizard_action")
        action["context"] = {"default_skp_id": self.id}
        return action

    def action_report_realization(self, period=None):
        """Open the entry grid of this SKP for a sub-period (default: the current one), with one
        draft line per indicator not yet reported, so that the employee fills them all at once."""
        self.ensure_one()
        period = self.env["kinerja.period"].browse(period) if isinstance(period, int) else period
        period = period or self._current_subperiod()
        if not period:
            raise UserError(
                self.env._(
                    "No open sub-period of %(year)s covers today: ask the performance officer to open it.",
                    year=self.period_id.name,
                )
            )
        self._prepare_realizations(period)
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_realization_action_entry")
        action.update(
            name=self.env._("Realisation %(period)s", period=period.name),
            domain=[("skp_id", "=", self.id), ("period_id", "=", period.id)],
            context={"default_period_id": period.id, "kinerja_entry": True},
        )
        return action

    def action_view_realizations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_realization_action_related")
        action.update(
            name=self.env._("Realisation of %s", self.display_name),
            domain=[("skp_id", "=", self.id)],
            context={"search_default_group_period": 1},
        )
        return action

    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_evaluation_action_skp")
        action.update(
            name=self.env._("Evaluations of %s", self.display_name),
            domain=[("skp_id", "=", self.id)],
            context={"default_skp_id": self.id},
        )
        return action

    def action_view_feedback(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_feedback_action")
        action.update(
            name=self.env._("Feedback on %s", self.display_name),
            domain=[("skp_id", "=", self.id)],
            context={"default_skp_id": self.id},
        )
        return action

    def action_view_cascade(self):
        """The work results of this SKP and every result that cascades from them."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_result_action_skp_cascade")
        action.update(
            name=self.env._("Cascade of %s", self.display_name),
            domain=[("id", "child_of", self.result_ids.ids)],
            context={"hierarchy_res_id": self.result_ids[:1].id},
        )
        return action

    # ------------------------------------------------------------------------------------
    # What the public verification page shows
    # ------------------------------------------------------------------------------------
    def _verification_values(self):
        """Who an approved SKP is about and who approved it, when: what the public
        verification page shows (no content; the page labels and masks them)."""
        self.ensure_one()
        return {
            "employee": self.employee_name or self.employee_id.name,
            "nip": self.employee_nip or "",
            "period": self.period_id.name,
            "signed_by": self.approved_by_id.name,
            "signed_on": self.approved_date,
        }
