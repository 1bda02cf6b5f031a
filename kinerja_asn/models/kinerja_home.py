from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import format_date

from ..tools.achievement import PREDICATE_KEYS, aggregate

# Colour keys of a cell of the team's grid (the client maps them to colours and a legend).
CELL_STATES = ("accepted", "reported", "late", "missing", "open")


def _open(xmlid, *, name=None, domain=None, context=None, res_id=None, view=None):
    """How the home opens the records behind a number: the window action ``xmlid`` with this
    ``domain`` (the one the number was counted with), or one record (``res_id``), or a new one
    (``view='form'``). The web client loads the action and applies the rest."""
    return {
        "xmlid": xmlid,
        "name": name or False,
        "domain": domain if domain is not None else False,
        "context": context or {},
        "res_id": res_id or False,
        "view": view or ("form" if res_id else False),
    }


def _call(model, method, res_ids, *, name=None):
    """How the home opens what a model's button opens: the client calls ``method`` on the
    records (under the user's rights, as the button would) and runs the action it returns."""
    return {"model": model, "method": method, "res_ids": list(res_ids), "name": name or False}


class KinerjaHome(models.AbstractModel):
    """The Kinerja app's first screen: what each person has to do now, and the charts of his
    progress, his team's and his agency's. One read method per role, each returning plain
    values for the web client (``static/src/home``) in a number of queries that does not grow
    with the size of the team or the agency. Everything is read under the user's own rights:
    the record rules decide what each role sees."""

    _name = "kinerja.home"
    _description = "Kinerja Home"

    @api.model
    def get_home_data(self):
        user = self.env.user
        officer = user._kinerja_is_officer()
        employee = self._employee_data()
        evaluator = self._evaluator_data()
        guides = ["employee"] if employee else []
        if evaluator:
            guides.append("supervisor")
        if officer:
            guides.append("officer")
        return {
            "user_name": user.name,
            "guides": guides,
            "guide_offered": bool(guides) and not user.kinerja_guide_done,
            "employee": employee,
            "evaluator": evaluator,
            "officer": self._officer_data() if officer else False,
        }

    @api.model
    def action_dismiss_guide(self):
        """The user has seen the offer of the guided first steps: it is not offered again (the
        Guide button of the home starts them whenever he wants)."""
        self.env.user.write({"kinerja_guide_done": True})
        return True

    # ------------------------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------------------------
    def _labels(self, model, fname):
        return dict(self.env[model]._fields[fname]._description_selection(self.env))

    def _date(self, value):
        return fields.Date.to_string(value) if value else False

    def _format_date(self, value):
        return format_date(self.env, value) if value else False

    @api.model
    def _current_year(self, company=None):
        company = company or self.env.company
        return self.env["kinerja.period"]._find(fields.Date.context_today(self), "year", company)

    def _is_due(self, period, today):
        """Whether the reporting deadline of ``period`` has passed (its end when it has none)."""
        return (period.report_deadline or period.date_end) < today

    # ------------------------------------------------------------------------------------
    # The employee: his SKP, this period's report, feedback, coaching, predicates
    # ------------------------------------------------------------------------------------
    @api.model
    def _my_skp(self):
        """The SKP the home is about: the one covering today, else this year's latest, else
        the latest one not cancelled, in the current agency."""
        today = fields.Date.context_today(self)
        skps = self.env["kinerja.skp"].search(
            [
                ("user_id", "=", self.env.uid),
                ("state", "!=", "cancelled"),
                ("company_id", "=", self.env.company.id),
            ],
            order="date_start desc, id desc",
            limit=5,
        )
        return (
            skps.filtered(lambda s: s.date_start <= today <= s.date_end)[:1]
            or skps.filtered(lambda s: s.date_start.year == today.year)[:1]
            or skps[:1]
        )

    @api.model
    def _employee_data(self):
        user = self.env.user
        employee = user.employee_id
        if not employee:
            return False
        today = fields.Date.context_today(self)
        skp = self._my_skp()
        return {
            "name": employee.name,
            "job": employee.job_title or employee.job_id.name or False,
            "department": employee.department_id.name or False,
            "skp": self._skp_card(skp, today),
            "report": self._report_card(skp, today) if skp.state == "approved" else False,
            "feedback": self._feedback_card(),
            "coaching": self._coaching_card(),
            "predicates": self._predicate_card(today),
            "progress": self._progress_chart(skp, today) if skp.state in ("approved", "done") else [],
        }

    def _skp_card(self, skp, today):
        states = self._labels("kinerja.skp", "state")
        if not skp:
            year = self.env["kinerja.skp"]._default_period()
            if not year:
                return {
                    "id": False,
                    "state": "none",
                    "state_label": self.env._("No SKP"),
                    "step": self.env._(
                        "No performance year is open yet: the performance officer sets it up, then you "
                        "draft your SKP here."
                    ),
                    "action": False,
                    "open": False,
                }
            return {
                "id": False,
                "state": "none",
                "state_label": self.env._("No SKP"),
                "year": year.name,
                "step": self.env._(
                    "Draft your SKP for %(year)s: your work results (RHK), their indicators and targets.",
                    year=year.name,
                ),
                "action": False,
                "open_label": self.env._("Create my SKP"),
                "open": _open(
                    "kinerja_asn.kinerja_skp_action_my",
                    name=self.env._("New SKP"),
                    view="form",
                    context={"default_period_id": year.id},
                ),
            }
        evaluator = skp.evaluator_id.name
        open_skp = _open("kinerja_asn.kinerja_skp_action_my", res_id=skp.id, name=skp.name)
        card = {
            "id": skp.id,
            "name": skp.name,
            "year": skp.period_id.name,
            "state": skp.state,
            "state_label": states[skp.state],
            "evaluator": evaluator or False,
            "result_count": skp.result_count,
            "indicator_count": skp.indicator_count,
            "achievement": round(skp.achievement, 1),
            "return_reason": skp.return_reason or False,
            "action": False,
            "open_label": self.env._("Open my SKP"),
            "open": open_skp,
        }
        if skp.state == "draft":
            if skp.return_reason:
                step = self.env._(
                    "Returned by %(evaluator)s: fix what the reason says, then submit it again.",
                    evaluator=evaluator or self.env._("your evaluator"),
                )
            elif not evaluator:
                step = self.env._(
                    "Your SKP has no evaluator: the org chart names nobody above you. Ask the performance "
                    "officer to repair it."
                )
            elif not skp.result_count:
                step = self.env._(
                    "Add your work results (RHK) with their indicators and targets, then submit it to %(evaluator)s.",
                    evaluator=evaluator,
                )
            else:
                step = self.env._(
                    "Check your %(results)s work results and their targets, then submit it to %(evaluator)s.",
                    results=skp.result_count,
                    evaluator=evaluator,
                )
        elif skp.state == "submitted":
            step = self.env._(
                "Waiting for the approval of %(evaluator)s since %(date)s. You may withdraw it while he has "
                "not decided.",
                evaluator=evaluator or "-",
                date=self._format_date(fields.Date.to_date(skp.submitted_date)) or "-",
            )
        elif skp.state == "approved":
            step = self.env._(
                "Approved on %(date)s. Report your realisation every period, with its evidence.",
                date=self._format_date(fields.Date.to_date(skp.approved_date)) or "-",
            )
        else:
            step = self.env._("Evaluated: this SKP is closed. Your evaluations are below.")
        card["step"] = step
        return card

    def _report_card(self, skp, today):
        """This period's report of the approved SKP: its deadline, what is done and missing."""
        period = skp._current_subperiod()
        if not period:
            return False
        indicators = skp.indicator_count
        counts = defaultdict(int)
        for state, count in self.env["kinerja.realization"]._read_group(
            [("skp_id", "=", skp.id), ("period_id", "=", period.id)], ["state"], ["__count"]
        ):
            counts[state] = count
        reported = counts["submitted"] + counts["accepted"]
        deadline = period.report_deadline or period.date_end
        my_reports = [("user_id", "=", self.env.uid)]
        missing_domain = [("skp_id", "=", skp.id), ("is_report_missing", "=", True)]
        return {
            "period": period.name,
            "period_state": period.state,
            "deadline": self._date(deadline),
            "deadline_label": self._format_date(deadline),
            "days_left": (deadline - today).days,
            "overdue": deadline < today and reported < indicators,
            "indicator_count": indicators,
            "reported": reported,
            "missing": max(indicators - reported, 0),
            "accepted": counts["accepted"],
            "submitted": counts["submitted"],
            "rejected": counts["rejected"],
            "action": _call("kinerja.skp", "action_report_realization", skp.ids),
            "accepted_action": _open(
                "kinerja_asn.kinerja_realization_action_my",
                name=self.env._("Accepted in %s", period.name),
                domain=[*my_reports, ("period_id", "=", period.id), ("state", "=", "accepted")],
            ),
            "submitted_action": _open(
                "kinerja_asn.kinerja_realization_action_my",
                name=self.env._("Waiting for review in %s", period.name),
                domain=[*my_reports, ("period_id", "=", period.id), ("state", "=", "submitted")],
            ),
            "rejected_action": _open(
                "kinerja_asn.kinerja_realization_action_my",
                name=self.env._("Rejected: to fix and submit again"),
                domain=[*my_reports, ("state", "=", "rejected")],
            ),
            "rejected_all": self.env["kinerja.realization"].search_count([*my_reports, ("state", "=", "rejected")]),
            "missing_before": self.env["kinerja.skp.indicator"].search_count(missing_domain),
            "missing_before_action": _open(
                "kinerja_asn.kinerja_skp_indicator_action_my",
                name=self.env._("Reports missing"),
                domain=missing_domain,
            ),
        }

    def _feedback_card(self):
        domain = [("employee_id.user_id", "=", self.env.uid)]
        Feedback = self.env["kinerja.feedback"]
        types = self._labels("kinerja.feedback", "feedback_type")
        items = [
            {
                "id": feedback.id,
                "date": self._format_date(fields.Date.to_date(feedback.create_date)),
                "author": feedback.author_id.name,
                "type": feedback.feedback_type,
                "type_label": types[feedback.feedback_type],
                "subject": feedback.result_id.name or feedback.core_value_id.name or False,
                "text": feedback.text,
                "action": _open("kinerja_asn.kinerja_feedback_action", res_id=feedback.id),
            }
            for feedback in Feedback.search(domain, limit=3)
        ]
        return {
            "count": Feedback.search_count(domain),
            "items": items,
            "action": _open("kinerja_asn.kinerja_feedback_action", name=self.env._("Feedback to me"), domain=domain),
        }

    def _coaching_card(self):
        domain = [("employee_user_id", "=", self.env.uid)]
        Coaching = self.env["kinerja.coaching"]
        types = self._labels("kinerja.coaching", "coaching_type")
        items = [
            {
                "id": note.id,
                "date": self._format_date(note.date),
                "coach": note.coach_id.name,
                "type_label": types[note.coaching_type],
                "topic": note.topic,
                "follow_up_date": self._format_date(note.follow_up_date),
                "action": _open("kinerja_asn.kinerja_coaching_action", res_id=note.id),
            }
            for note in Coaching.search(domain, limit=3)
        ]
        return {
            "count": Coaching.search_count(domain),
            "items": items,
            "action": _open("kinerja_asn.kinerja_coaching_action", name=self.env._("Coaching for me"), domain=domain),
        }

    def _predicate_card(self, today):
        domain = [("user_id", "=", self.env.uid), ("state", "=", "done")]
        Evaluation = self.env["kinerja.evaluation"]
        predicates = self._labels("kinerja.evaluation", "predicate")
        types = self._labels("kinerja.evaluation", "evaluation_type")
        evaluations = Evaluation.search(domain, order="period_date_start desc, id desc", limit=6)
        objected = {
            evaluation.id
            for [evaluation] in self.env["kinerja.objection"]._read_group(
                [("evaluation_id", "in", evaluations.ids)], ["evaluation_id"]
            )
        }
        items = []
        for evaluation in evaluations:
            can_object = bool(
                evaluation.objection_deadline
                and evaluation.objection_deadline >= today
                and evaluation.id not in objected
            )
            items.append(
                {
                    "id": evaluation.id,
                    "period": evaluation.period_id.name,
                    "type_label": types[evaluation.evaluation_type],
                    "predicate": evaluation.predicate or False,
                    "predicate_label": predicates.get(evaluation.predicate, "-"),
                    "objection_deadline": self._format_date(evaluation.objection_deadline) if can_object else False,
                    "action": _open("kinerja_asn.kinerja_evaluation_action_my", res_id=evaluation.id),
                }
            )
        return {
            "count": Evaluation.search_count(domain),
            "items": items,
            "action": _open(
                "kinerja_asn.kinerja_evaluation_action_my", name=self.env._("My evaluations"), domain=domain
            ),
        }

    def _progress_chart(self, skp, today):
        """Per indicator of the SKP: the realisation to date, sub-period by sub-period (as its
        aggregation combines the submitted and accepted reports), against the target due by then.
        Three queries whatever the number of indicators and reports."""
        if skp.approach != "quantitative":
            return []
        frequency = skp.company_id.kinerja_frequency or "month"
        periods = self.env["kinerja.period"].search_fetch(
            [
                ("parent_id", "=", skp.period_id.id),
                ("period_type", "=", frequency),
                ("date_end", ">=", skp.date_start),
                ("date_start", "<=", skp.date_end),
            ],
            ["name", "date_start", "date_end", "period_type"],
            order="date_start",
        )
        if not periods:
            return []
        values = defaultdict(dict)
        for report in self.env["kinerja.realization"].search_fetch(
            [("skp_id", "=", skp.id), ("state", "in", ("submitted", "accepted"))],
            ["skp_indicator_id", "period_id", "value", "state"],
        ):
            values[report.skp_indicator_id.id][report.period_id.id] = (report.value, report.state)
        labels = [
            format_date(self.env, period.date_start, date_format="MMM")
            if period.period_type == "month"
            else period.name
            for period in periods
        ]
        count = len(periods)
        charts = []
        for indicator in skp.indicator_ids:
            reported, realized, target, pending = [], [], [], []
            for index, period in enumerate(periods):
                if indicator.aggregation == "sum":
                    target.append(round(indicator.target_value * (index + 1) / count, 2))
                else:
                    target.append(indicator.target_value)
                value, state = values[indicator.id].get(period.id, (None, None))
                if value is not None:
                    reported.append(value)
                started = period.date_start <= today
                realized.append(round(aggregate(reported, indicator.aggregation), 2) if started and reported else None)
                pending.append(state == "submitted")
            charts.append(
                {
                    "id": indicator.id,
                    "name": indicator.display_name,
                    "unit": indicator.unit_label or "",
                    "target": indicator.target_value,
                    "aggregation": indicator.aggregation,
                    "achievement": round(indicator.achievement, 1),
                    "labels": labels,
                    "realized": realized,
                    "realized_last": next((value for value in reversed(realized) if value is not None), 0.0),
                    "target_line": target,
                    "pending": pending,
                    "action": _open(
                        "kinerja_asn.kinerja_realization_action_related",
                        name=self.env._("Realisation of “%s”", indicator.display_name),
                        domain=[("skp_indicator_id", "=", indicator.id)],
                    ),
                }
            )
        return charts

    # ------------------------------------------------------------------------------------
    # The evaluator: what waits for him, his team's reports and predicates
    # ------------------------------------------------------------------------------------
    @api.model
    def _evaluator_data(self):
        uid = self.env.uid
        mine = self.env.user.employee_ids
        if not mine:
            return False
        today = fields.Date.context_today(self)
        waiting = {
            "to_approve": (
                "kinerja.skp",
                [("state", "=", "submitted"), ("evaluator_user_id", "=", uid)],
                "kinerja_asn.kinerja_skp_action_to_approve",
                self.env._("SKPs to approve"),
            ),
            "to_review": (
                "kinerja.realization",
                [("state", "=", "submitted"), ("evaluator_user_id", "=", uid)],
                "kinerja_asn.kinerja_realization_action_review",
                self.env._("Reports to review"),
            ),
            "to_sign": (
                "kinerja.evaluation",
                [("state", "=", "draft"), ("evaluator_user_id", "=", uid)],
                "kinerja_asn.kinerja_evaluation_action_to_evaluate",
                self.env._("Evaluations to sign"),
            ),
            "to_decide": (
                "kinerja.objection",
                [("state", "=", "submitted"), ("decider_user_id", "=", uid)],
                "kinerja_asn.kinerja_objection_action",
                self.env._("Objections to decide"),
            ),
        }
        counters = [
            {
                "key": key,
                "label": label,
                "count": self.env[model].search_count(domain),
                "action": _open(xmlid, name=label, domain=domain),
            }
            for key, (model, domain, xmlid, label) in waiting.items()
        ]
        year = self._current_year()
        team_skps = (
            self.env["kinerja.skp"].search(
                [("evaluator_user_id", "=", uid), ("period_id", "=", year.id), ("state", "!=", "cancelled")],
                order="employee_id, date_start",
            )
            if year
            else self.env["kinerja.skp"]
        )
        subordinates = self.env["hr.employee.public"].search([("parent_id", "in", mine.ids)])
        if not team_skps and not subordinates and not any(counter["count"] for counter in counters):
            return False
        planned = team_skps.filtered(lambda s: s.state in ("approved", "done"))
        without_plan = subordinates.filtered(lambda e: e.id not in planned.employee_id.ids)
        return {
            "counters": counters,
            "year": year.name or False,
            "team_count": len(set(team_skps.employee_id.ids) | set(subordinates.ids)),
            "without_plan": len(without_plan),
            "without_plan_action": _open(
                "kinerja_asn.kinerja_team_member_action",
                name=self.env._("Team members without an approved SKP"),
                domain=[
                    ("employee_id", "in", without_plan.ids),
                    ("period_id", "=", year.id),
                    ("has_plan", "=", False),
                ],
            )
            if year
            else False,
            "team_action": _open("kinerja_asn.kinerja_team_member_action", name=self.env._("My team")),
            "grid": self._team_grid(year, planned, today) if year else False,
            "predicates": self._team_predicates(today),
        }

    def _team_grid(self, year, skps, today):
        """The team as a grid of people x sub-periods of the year started so far: each cell
        says whether the period's reports are accepted, reported (some waiting for review),
        reported late, missing (the deadline has passed) or still open."""
        if not skps:
            return False
        company = self.env.company
        periods = self.env["kinerja.period"].search_fetch(
            [
                ("parent_id", "=", year.id),
                ("period_type", "=", company.kinerja_frequency or "month"),
                ("date_start", "<=", today),
            ],
            ["name", "date_start", "date_end", "report_deadline", "period_type"],
            order="date_start",
        )
        if not periods:
            return False
        indicators = dict(
            self.env["kinerja.skp.indicator"]._read_group([("skp_id", "in", skps.ids)], ["skp_id"], ["__count"])
        )
        reports = defaultdict(lambda: {"submitted": 0, "accepted": 0, "late": 0})
        for skp, period, state, late, count in self.env["kinerja.realization"]._read_group(
            [("skp_id", "in", skps.ids), ("period_id", "in", periods.ids), ("state", "in", ("submitted", "accepted"))],
            ["skp_id", "period_id", "state", "is_late"],
            ["__count"],
        ):
            cell = reports[skp.id, period.id]
            cell[state] += count
            if late:
                cell["late"] += count
        labels = self._cell_labels()
        rows = []
        totals = defaultdict(int)
        for skp in skps:
            cells = []
            expected = indicators.get(skp, 0)
            for period in periods:
                if period.date_end < skp.date_start or period.date_start > skp.date_end or not expected:
                    cells.append({"state": False})
                    continue
                cell = reports[skp.id, period.id]
                reported = cell["submitted"] + cell["accepted"]
                if reported >= expected:
                    state = "late" if cell["late"] else ("accepted" if cell["accepted"] >= expected else "reported")
                else:
                    state = "missing" if self._is_due(period, today) else "open"
                totals[state] += 1
                name = f"{skp.employee_id.name} – {period.name}"
                cells.append(
                    {
                        "state": state,
                        "title": f"{name}: {labels[state]} ({reported}/{expected})",
                        "reported": reported,
                        "expected": expected,
                        "action": _open(
                            "kinerja_asn.kinerja_skp_indicator_action_team",
                            name=self.env._("Indicators of %s", skp.employee_id.name),
                            domain=[("skp_id", "=", skp.id)],
                        )
                        if state == "missing" and not reported
                        else _open(
                            "kinerja_asn.kinerja_realization_action_related",
                            name=name,
                            domain=[("skp_id", "=", skp.id), ("period_id", "=", period.id)],
                        ),
                    }
                )
            rows.append({"skp_id": skp.id, "employee": skp.employee_id.name, "cells": cells})
        return {
            "periods": [
                format_date(self.env, period.date_start, date_format="MMM")
                if period.period_type == "month"
                else period.name
                for period in periods
            ],
            "period_names": periods.mapped("name"),
            "rows": rows,
            "legend": [{"state": state, "label": labels[state], "count": totals[state]} for state in CELL_STATES],
        }

    def _cell_labels(self):
        return {
            "accepted": self.env._("Accepted"),
            "reported": self.env._("Reported, waiting for review"),
            "late": self.env._("Reported late"),
            "missing": self.env._("Missing"),
            "open": self.env._("Not due yet"),
        }

    def _team_predicates(self, today):
        """The predicates the user signed for his team in the latest period with signed
        evaluations, and the distribution rules of his unit's organisation predicate."""
        uid = self.env.uid
        Evaluation = self.env["kinerja.evaluation"]
        latest = Evaluation.search_fetch(
            [("evaluator_user_id", "=", uid), ("state", "=", "done")],
            ["period_id"],
            order="period_date_start desc, id desc",
            limit=1,
        )
        if not latest:
            return False
        period = latest.period_id
        domain = [("evaluator_user_id", "=", uid), ("period_id", "=", period.id), ("state", "=", "done")]
        counts = dict(Evaluation._read_group(domain, ["predicate"], ["__count"]))
        total = sum(counts.values())
        labels = self._labels("kinerja.evaluation", "predicate")
        department = self.env.user.employee_id.department_id
        org = self.env["kinerja.org.rating"]
        if department:
            # the unit follows its own rating, or that of the nearest unit above it with one
            ratings = org.search([("department_id", "parent_of", department.id), ("period_id", "=", period.id)])
            org = ratings.sorted(lambda r: len(r.department_id.parent_path or ""), reverse=True)[:1]
        rules = []
        maximum = dict.fromkeys(PREDICATE_KEYS)
        minimum = dict.fromkeys(PREDICATE_KEYS)
        if org:
            for rule in self.env["kinerja.distribution.rule"].search(
                [("org_rating", "=", org.rating), ("company_id", "in", [False, org.company_id.id])]
            ):
                keys = [key for key in (rule.predicate, rule.extra_predicate) if key]
                share = sum(counts.get(key, 0) for key in keys) * 100 / total if total else 0
                broken = (rule.max_percent < 100 and share > rule.max_percent + 1e-9) or share < rule.min_percent - 1e-9
                rules.append({"description": rule.description, "share": round(share, 1), "broken": broken})
                if len(keys) == 1:
                    if rule.max_percent < 100:
                        maximum[keys[0]] = rule.max_percent
                    if rule.min_percent:
                        minimum[keys[0]] = rule.min_percent
        org_labels = self._labels("kinerja.org.rating", "rating")
        return {
            "period": period.name,
            "total": total,
            "unit": org.department_id.name if org else (department.name or False),
            "org_rating": org_labels[org.rating] if org else False,
            "rules": rules,
            "bars": [
                {
                    "key": key,
                    "label": labels[key],
                    "count": counts.get(key, 0),
                    "percent": round(counts.get(key, 0) * 100 / total, 1) if total else 0,
                    "max": maximum[key],
                    "min": minimum[key],
                    "action": _open(
                        "kinerja_asn.kinerja_evaluation_action",
                        name=f"{labels[key]} – {period.name}",
                        domain=[*domain, ("predicate", "=", key)],
                    ),
                }
                for key in PREDICATE_KEYS
            ],
            "action": _open(
                "kinerja_asn.kinerja_evaluation_action",
                name=self.env._("Predicates I signed for %s", period.name),
                domain=domain,
            ),
        }

    # ------------------------------------------------------------------------------------
    # The officer: the year's set-up and the agency by work unit
    # ------------------------------------------------------------------------------------
    @api.model
    def _officer_data(self):
        company = self.env.company
        today = fields.Date.context_today(self)
        year = self._current_year(company)
        Period = self.env["kinerja.period"]
        Public = self.env["hr.employee.public"]
        employees = Public.search_count([("company_id", "=", company.id)])
        without_user = [("company_id", "=", company.id), ("user_id", "=", False)]
        indicators = self.env["kinerja.indicator"].search_count([("company_id", "=", company.id)])
        skps = (
            self.env["kinerja.skp"].search_count([("period_id", "=", year.id), ("state", "!=", "cancelled")])
            if year
            else 0
        )
        no_user = Public.search_count(without_user)
        setup = [
            {
                "key": "year",
                "label": self.env._("Year %s", year.name) if year else self.env._("This year's period"),
                "done": bool(year) and year.state == "open",
                "detail": (
                    self.env._("%(count)s sub-periods", count=Period.search_count([("parent_id", "=", year.id)]))
                    if year
                    else self.env._("Create the year and generate its sub-periods.")
                ),
                "action": _open(
                    "kinerja_asn.kinerja_period_action",
                    name=self.env._("Periods"),
                    domain=[("company_id", "=", company.id)],
                    context={"search_default_filter_year": 1},
                ),
            },
            {
                "key": "indicators",
                "label": self.env._("Indicator library"),
                "done": bool(indicators),
                "detail": self.env._("%(count)s indicators", count=indicators),
                "action": _open("kinerja_asn.kinerja_indicator_action", name=self.env._("Indicators")),
            },
            {
                "key": "skps",
                "label": self.env._("Draft SKPs for the employees"),
                "done": skps >= employees > 0,
                "detail": self.env._("%(skps)s SKPs for %(employees)s employees", skps=skps, employees=employees),
                "action": _open("kinerja_asn.kinerja_skp_generate_wizard_action", view="form"),
            },
            {
                "key": "users",
                "label": self.env._("Users for the employees"),
                "done": not no_user,
                "detail": self.env._("%(count)s employees without a user", count=no_user),
                "action": _open(
                    "kinerja_asn.hr_employee_action",
                    name=self.env._("Employees without a user"),
                    domain=[("user_id", "=", False)],
                ),
            },
        ]
        return {
            "company": company.name,
            "year": year.name or False,
            "setup": setup,
            "units": self._unit_figures(company, today),
        }

    def _unit_figures(self, company, today):
        """Each work unit of the agency with its SKPs, missing reports, evaluations to sign,
        average achievement and the predicates signed in the agency's latest period: the
        overview's grouped queries, whatever the number of units."""
        departments = self.env["hr.department"].search([("company_id", "=", company.id)], order="complete_name")
        if not departments:
            return {"rows": [], "period": False}
        Evaluation = self.env["kinerja.evaluation"]
        latest = Evaluation.search_fetch(
            [("company_id", "=", company.id), ("state", "=", "done")],
            ["period_id"],
            order="period_date_start desc, id desc",
            limit=1,
        )
        predicates = defaultdict(dict)
        if latest:
            for department, predicate, count in Evaluation._read_group(
                [
                    ("department_id", "in", departments.ids),
                    ("period_id", "=", latest.period_id.id),
                    ("state", "=", "done"),
                ],
                ["department_id", "predicate"],
                ["__count"],
            ):
                predicates[department.id][predicate] = count
        labels = self._labels("kinerja.evaluation", "predicate")
        rows = []
        for department in departments:

            def call(method, dep=department):
                return _call("hr.department", method, dep.ids)

            rows.append(
                {
                    "id": department.id,
                    "name": department.name,
                    "skp_count": department.kinerja_skp_count,
                    "approved": department.kinerja_skp_approved_count,
                    "to_approve": department.kinerja_skp_to_approve_count,
                    "missing": department.kinerja_report_missing_count,
                    "to_sign": department.kinerja_evaluation_draft_count,
                    "objections": department.kinerja_objection_count,
                    "achievement": round(department.kinerja_achievement, 1),
                    "predicates": [predicates[department.id].get(key, 0) for key in PREDICATE_KEYS],
                    "skps_action": call("action_kinerja_open_skps"),
                    "to_approve_action": call("action_kinerja_open_skps_to_approve"),
                    "missing_action": call("action_kinerja_open_missing_reports"),
                    "to_sign_action": call("action_kinerja_open_evaluations"),
                    "objections_action": call("action_kinerja_open_objections"),
                    "predicate_actions": [
                        _open(
                            "kinerja_asn.kinerja_evaluation_action",
                            name=f"{department.name} – {labels[key]}",
                            domain=[
                                ("department_id", "=", department.id),
                                ("period_id", "=", latest.period_id.id),
                                ("state", "=", "done"),
                                ("predicate", "=", key),
                            ],
                        )
                        if latest
                        else False
                        for key in PREDICATE_KEYS
                    ],
                }
            )
        return {
            "rows": rows,
            "period": latest.period_id.name if latest else False,
            "predicate_labels": [labels[key] for key in PREDICATE_KEYS],
            "predicate_keys": list(PREDICATE_KEYS),
        }
