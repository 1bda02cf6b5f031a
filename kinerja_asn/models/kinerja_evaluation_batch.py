from collections import Counter, defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.achievement import rating_from_achievement


class KinerjaEvaluation(models.Model):
    """The batch path of the evaluations: month-end preparation of the drafts and their
    suggested ratings, for a whole government at once.

    A month brings tens of thousands of evaluations and their lines, so these methods work
    per batch, a few of them in SQL where the benchmark (scripts/bench.py) proves the ORM too
    slow. Each path is one method that an extending module can override:

    - ``_prepare``: which SKPs get a draft for a period (and ``_prepare_vals_list``: its values);
    - ``_suggestion_values_multi`` / ``_suggestion_values_from``: the suggested rating;
    - ``_create_lines``, ``_write_line_achievements``, ``_store_suggestions``: the SQL writes;
    - ``_cron_prepare_evaluations`` and ``_action_prepare_my_team``: the daily job and the
      evaluator's button.
    """

    _inherit = "kinerja.evaluation"

    @api.model
    def _prepare(self, period, skps=None):
        """Create the missing draft evaluations of ``period`` (a sub-period: periodic; a year:
        annual) for the approved SKPs covering it, with their suggestions. ``period`` may be
        given as ids (data files, external calls)."""
        if not isinstance(period, models.BaseModel):
            period = self.env["kinerja.period"].browse(period)
        if not period:
            return self.browse()
        period.ensure_one()
        evaluation_type = "annual" if period.period_type == "year" else "periodic"
        year = period if evaluation_type == "annual" else period.parent_id
        domain = [("period_id", "=", year.id), ("state", "=", "approved")]
        if evaluation_type == "periodic":
            domain += [("date_start", "<=", period.date_end), ("date_end", ">=", period.date_start)]
        candidates = self.env["kinerja.skp"].search(domain)
        if skps is not None:
            candidates &= skps
        done = self.search(
            [("skp_id", "in", candidates.ids), ("period_id", "=", period.id), ("evaluation_type", "=", evaluation_type)]
        ).skp_id
        todo = candidates - done
        # no "created" note and no superuser follower on each of a month's drafts
        evaluations = (
            self._evaluation_application()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            .create(self._prepare_vals_list(todo, period, evaluation_type))
        )
        evaluations._schedule_evaluation_activity()
        return evaluations.with_env(self.env)

    @api.model
    def _prepare_vals_list(self, skps, period, evaluation_type):
        """The values of new drafts with what they copy from their SKP already filled, read in
        one query: left to the ORM, each of a month's ten thousand drafts would compute its
        related fields and its name record by record before being inserted."""
        if not skps:
            return []
        copied = [
            "employee_id",
            "user_id",
            "evaluator_id",
            "evaluator_user_id",
            "evaluator_parent_id",
            "evaluator_parent_user_id",
            "department_id",
            "company_id",
        ]
        self.env["kinerja.skp"].flush_model(copied)
        self.env["hr.employee"].flush_model(["name"])
        self.env.cr.execute(
            SQL(
                "SELECT s.id, %s, e.name FROM kinerja_skp s JOIN hr_employee e ON e.id = s.employee_id"
                " WHERE s.id = ANY(%s)",
                SQL(", ").join(SQL.identifier("s", fname) for fname in copied),
                skps.ids,
            )
        )
        rows = self.env.cr.fetchall()
        vals_list = []
        for skp_id, *values, employee_name in rows:
            vals = dict(zip(copied, values, strict=True))
            vals.update(
                {
                    "skp_id": skp_id,
                    "period_id": period.id,
                    "evaluation_type": evaluation_type,
                    "period_date_start": period.date_start,
                    "name": " - ".join(filter(None, [employee_name, period.name])),
                }
            )
            vals_list.append(vals)
        return vals_list

    @api.model
    def _cron_prepare_evaluations(self, department=None):
        """Daily: draft evaluations, with their suggestions, for every approved SKP covering a
        sub-period that has ended (and, after a year ends, the annual ones). Periods already
        prepared get nothing new; each period is committed on its own."""
        # It prepares the whole agency: the scheduler and the officers' Run Now start it as superuser.
        return self._prepare_due_evaluations(department)

    @api.model
    def _prepare_due_evaluations(self, department=None):
        today = fields.Date.context_today(self)
        periods = self.env["kinerja.period"].search(
            [("state", "=", "open"), ("date_end", "<", today)], order="date_start, period_type desc"
        )
        skps = None
        if department:
            skps = self.env["kinerja.skp"].search([("department_id", "child_of", department.id)])
        prepared = self.browse()
        for done, period in enumerate(periods, start=1):
            if period.period_type not in ("year", period.company_id.kinerja_frequency or "month"):
                continue
            with self.env.cr.savepoint():
                # One preparer per period at a time (the cron and an officer's "run now").
                self.env.cr.execute("SELECT pg_advisory_xact_lock(hashtext(%s), %s)", [self._name, period.id])
                prepared |= self._prepare(period, skps)
            self.env["kinerja.reminder"]._commit_progress(done=done, remaining=len(periods) - done)
        return prepared

    @api.model
    def _action_prepare_my_team(self):
        """'Prepare Evaluations': the drafts of the current user's team for the last sub-period
        that has ended, then the list to rate them."""
        today = fields.Date.context_today(self)
        company = self.env.company
        period = self.env["kinerja.period"].search(
            [
                ("company_id", "=", company.id),
                ("period_type", "=", company.kinerja_frequency or "month"),
                ("date_end", "<", today),
            ],
            order="date_end desc",
            limit=1,
        )
        if not period:
            raise UserError(self.env._("No sub-period has ended yet: there is nothing to evaluate."))
        team = self.env["kinerja.skp"].search([("evaluator_user_id", "=", self.env.uid), ("state", "=", "approved")])
        self._prepare(period, team)
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_evaluation_action_to_evaluate")
        action["domain"] = [("period_id", "=", period.id)]
        return action

    def _refresh_suggestion(self):
        """Achievement up to the period and the suggested work-result rating (drafts only), in
        a number of queries that does not grow with the number of evaluations."""
        drafts = self.filtered(lambda e: e.state == "draft")
        line_achievements = {}
        for evaluation, values in drafts._suggestion_values_multi(line_achievements).items():
            evaluation.write(values)
        drafts._write_line_achievements(line_achievements)

    def _suggestion_values_multi(self, line_achievements):
        """{evaluation: its achievement, suggested rating and note}; the achievement of each
        work result for the evaluation's result lines goes to ``line_achievements``
        ({(evaluation id, result id): achievement})."""
        figures = {}
        groups = defaultdict(list)
        for evaluation in self:
            groups[(evaluation.period_id, evaluation.evaluation_type)].append(evaluation.id)
        for (period, evaluation_type), ids in groups.items():
            indicators = self.browse(ids).skp_id.indicator_ids
            if evaluation_type == "annual":
                figures[(period, evaluation_type)] = indicators._realization_figures()
            else:
                figures[(period, evaluation_type)] = indicators._realization_figures(period, prorate=True)
        org_ratings = self._org_ratings()
        return {
            evaluation: evaluation._suggestion_values_from(
                figures[(evaluation.period_id, evaluation.evaluation_type)],
                org_ratings[evaluation],
                line_achievements,
            )
            for evaluation in self
        }

    def _suggestion_values_from(self, figures, org_rating, line_achievements):
        self.ensure_one()
        company = self.company_id
        skp = self.skp_id
        by_result = {}
        for indicator in skp.indicator_ids:
            by_result.setdefault(indicator.result_id, []).append(figures.get(indicator.id, {}).get("achievement", 0.0))
        result_achievement = {result: sum(values) / len(values) for result, values in by_result.items() if values}
        for result, value in result_achievement.items():
            line_achievements[(self.id, result.id)] = value
        main = [r for r in skp.result_ids if r.result_type == "main"]
        weights = {r: (r.weight if skp.use_weights else 1.0) for r in main}
        total_weight = sum(weights.values())
        achievement = (
            sum(result_achievement.get(r, 0.0) * w for r, w in weights.items()) / total_weight if total_weight else 0.0
        )
        values = {"achievement": achievement, "suggested_result_rating": False, "suggestion_note": False}
        head_values = self._head_rating_values(org_rating)
        if head_values is not None:
            values.update(head_values)
        elif self.evaluation_type == "annual" and company.kinerja_annual_rule != "average":
            periodic = self.skp_id.evaluation_ids.filtered(
                lambda e: e.evaluation_type == "periodic" and e.state == "done"
            ).sorted("period_date_start")
            if periodic:
                if company.kinerja_annual_rule == "last":
                    values["suggested_result_rating"] = periodic[-1].result_rating
                    values["suggestion_note"] = self.env._("Last periodic evaluation")
                else:
                    counts = Counter(periodic.mapped("result_rating"))
                    top = max(counts.values())
                    # a tie goes to the most recent of the tied ratings
                    values["suggested_result_rating"] = next(
                        e.result_rating for e in reversed(periodic) if counts[e.result_rating] == top
                    )
                    values["suggestion_note"] = self.env._("Most frequent periodic rating")
        elif self.approach == "quantitative":
            if self.evaluation_type == "annual":
                # the year's realisation (each indicator's values combined by its aggregation)
                # against the year's targets, as ``figures`` hold them: not an average of the
                # periodic figures, each of which is cumulative up to its period
                values["suggestion_note"] = self.env._("Realisation of the year against the targets of the year")
            else:
                values["suggestion_note"] = self.env._("Achievement up to the end of the period")
            values["suggested_result_rating"] = rating_from_achievement(
                values["achievement"], company.kinerja_threshold_meets, company.kinerja_threshold_above
            )
        return values

    def _org_rating(self):
        """The organisation rating of the period for the nearest rated unit above (or of) the
        employee's unit."""
        self.ensure_one()
        return self._org_ratings()[self]

    def _org_ratings(self):
        """{evaluation: _org_rating()} for all these evaluations, in one query. Keyed by
        record, not by id: an evaluation being edited in a form or an editable list is a new
        record (its id a NewId, absent from ``self.ids``)."""
        OrgRating = self.env["kinerja.org.rating"]  # read by every user of the agency
        result = dict.fromkeys(self, OrgRating)
        departments = self.department_id
        if not departments:
            return result
        ratings = OrgRating.search(
            [("department_id", "parent_of", departments.ids), ("period_id", "in", self.period_id.ids)]
        )
        by_period = defaultdict(list)
        for rating in ratings:
            by_period[rating.period_id.id].append((rating.department_id.parent_path or "", rating))
        for evaluation in self:
            path = evaluation.department_id.parent_path
            candidates = [
                (len(rating_path), rating)
                for rating_path, rating in by_period.get(evaluation.period_id.id, ())
                if path and rating_path and path.startswith(rating_path)
            ]
            if candidates:
                result[evaluation] = max(candidates, key=lambda candidate: candidate[0])[1]
        return result

    def _create_lines(self, achievements=None):
        """One feedback line per work result (with its achievement, {(evaluation id, result
        id): value}) and per core value, in the order of the SKP. Written in one INSERT: a
        month's evaluations of a whole government bring ten lines each, which the ORM would
        create one by one; the lines have no behaviour of their own on creation (only
        superuser code creates them)."""
        if not self:
            return
        achievements = achievements or {}
        self.env["kinerja.skp.result"].flush_model(["skp_id", "result_type", "sequence"])
        self.env["kinerja.skp.behavior"].flush_model(["skp_id", "sequence"])
        self.flush_recordset(["skp_id", "company_id"])
        self.env.cr.execute(
            """
            INSERT INTO kinerja_evaluation_line (evaluation_id, line_type, result_id, behavior_id, achievement,
                                                 company_id, create_uid, create_date, write_uid, write_date)
            SELECT e.id, line.line_type, line.result_id, line.behavior_id, given.achievement, e.company_id,
                   %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM kinerja_evaluation e
              JOIN (SELECT skp_id, 'result' AS line_type, id AS result_id, NULL::int AS behavior_id,
                           0 AS kind, result_type AS type_key, sequence, id
                      FROM kinerja_skp_result
                     UNION ALL
                    SELECT skp_id, 'behavior', NULL, id, 1, '', sequence, id
                      FROM kinerja_skp_behavior) line ON line.skp_id = e.skp_id
              LEFT JOIN unnest(%(evaluations)s::int[], %(results)s::int[], %(values)s::float[])
                   AS given(evaluation_id, result_id, achievement)
                ON given.evaluation_id = e.id AND given.result_id = line.result_id
             WHERE e.id = ANY(%(ids)s)
          ORDER BY e.id, line.kind, line.type_key DESC, line.sequence, line.id
            """,
            {
                "uid": self.env.uid,
                "now": self.env.cr.now(),
                "ids": self.ids,
                "evaluations": [key[0] for key in achievements],
                "results": [key[1] for key in achievements],
                "values": list(achievements.values()),
            },
        )
        self.invalidate_recordset(["line_ids", "result_line_ids", "behavior_line_ids"])

    def _write_line_achievements(self, achievements):
        """Set the achievement of the result lines of these evaluations, {(evaluation id,
        result id): value} (0 for a result not given), in one UPDATE: only the application
        writes it (it is read-only), and a month's evaluations have tens of thousands."""
        if not self:
            return
        Line = self.env["kinerja.evaluation.line"]
        Line.flush_model(["evaluation_id", "line_type", "result_id", "achievement"])
        keys = list(achievements)
        self.env.cr.execute(
            """
            UPDATE kinerja_evaluation_line line
               SET achievement = COALESCE(new.achievement, 0), write_uid = %(uid)s, write_date = %(now)s
              FROM kinerja_evaluation_line old
         LEFT JOIN unnest(%(evaluations)s::int[], %(results)s::int[], %(values)s::float[])
                   AS new(evaluation_id, result_id, achievement)
                ON new.evaluation_id = old.evaluation_id AND new.result_id = old.result_id
             WHERE line.id = old.id
               AND old.evaluation_id = ANY(%(ids)s)
               AND old.line_type = 'result'
               AND COALESCE(old.achievement, 0) != COALESCE(new.achievement, 0)
         RETURNING line.id
            """,
            {
                "uid": self.env.uid,
                "now": self.env.cr.now(),
                "evaluations": [key[0] for key in keys],
                "results": [key[1] for key in keys],
                "values": list(achievements.values()),
                "ids": self.ids,
            },
        )
        changed = [line_id for (line_id,) in self.env.cr.fetchall()]
        Line.browse(changed).invalidate_recordset(["achievement", "write_uid", "write_date"])

    def _store_suggestions(self, suggestions):
        """Store {evaluation: values} from _suggestion_values_multi in one UPDATE: these
        read-only figures are set by the application only, are not tracked and nothing stored
        depends on them, while a month's evaluations of a government would be written one by
        one (each through the chatter's write)."""
        if not suggestions:
            return
        fnames = ["achievement", "suggested_result_rating", "suggestion_note"]
        records = self.browse([evaluation.id for evaluation in suggestions])
        records.flush_recordset(fnames)
        values = list(suggestions.values())
        self.env.cr.execute(
            """
            UPDATE kinerja_evaluation e
               SET achievement = new.achievement, suggested_result_rating = new.rating,
                   suggestion_note = new.note, write_uid = %(uid)s, write_date = %(now)s
              FROM unnest(%(ids)s::int[], %(achievements)s::float8[], %(ratings)s::varchar[], %(notes)s::varchar[])
                   AS new(id, achievement, rating, note)
             WHERE e.id = new.id
            """,
            {
                "uid": self.env.uid,
                "now": self.env.cr.now(),
                "ids": records.ids,
                "achievements": [vals["achievement"] or 0.0 for vals in values],
                "ratings": [vals["suggested_result_rating"] or None for vals in values],
                "notes": [vals["suggestion_note"] or None for vals in values],
            },
        )
        records.invalidate_recordset([*fnames, "write_uid", "write_date"])

    def action_apply_suggestion(self):
        """Mass evaluation: take the suggested work-result rating where none is set yet."""
        for evaluation in self.filtered(lambda e: e.state == "draft" and e.suggested_result_rating):
            if not evaluation.result_rating:
                evaluation.result_rating = evaluation.suggested_result_rating
        return True

    def action_refresh_suggestion(self):
        for evaluation in self:
            evaluation._check_evaluator()
        self.filtered(lambda e: e.state == "draft")._evaluation_application()._refresh_suggestion()
        return True

    def _distribution_violations(self):
        """What this evaluation's predicate would break in its unit's distribution for the
        period (maximums only: minimums are checked when the unit is complete)."""
        self.ensure_one()
        if not self.predicate or not self.department_id:
            return []
        org_rating = self._org_rating()
        if not org_rating:
            return []
        return org_rating._violations(extra=self, maximum_only=True)
