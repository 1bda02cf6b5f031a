from odoo import api, fields, models


class KinerjaUnitRecapXlsx(models.AbstractModel):
    """Rekap kinerja of a unit or the whole agency: one row per SKP, achievement and predicate
    per period, the annual predicate and the credit points counted, with totals per predicate
    (each person once) and of credit points. Where no evaluation is signed yet, the achievement
    so far (from accepted realisation) is shown, marked as such."""

    _name = "report.kinerja_asn.unit_recap_xlsx"
    _inherit = "report.kinerja_asn.abstract_xlsx"
    _description = "Unit Recap XLSX Report"

    def _get_objs_for_report(self, docids, data):
        return self.env["kinerja.period"].browse((data or {}).get("year_id") or docids)

    # ------------------------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------------------------
    @api.model
    def _get_recap_data(self, year, departments=None):
        """Rows of the unit recap: every running or evaluated SKP of ``year`` (in
        ``departments`` and their sub-units, or the whole agency) with its identity and, per
        sub-period and for the year, its achievement and predicate. A cell is ``signed`` when
        it comes from a signed evaluation; otherwise it carries the achievement so far from
        the accepted realisation (no predicate), or is None when nothing is accepted yet. Each
        row carries the credit points its signed evaluations count (an annual conversion and
        the periodic ones of the same months are never added together).

        The totals count each person once: a person with two SKPs in the year (a transfer)
        counts with the annual predicate of his SKP that covers the end of the year (or, having
        left before, of his last one), in the recap that lists that SKP.

        A fixed number of queries whatever the number of employees (one realisation query
        per sub-period that has started)."""
        Evaluation = self.env["kinerja.evaluation"]
        domain = [("period_id", "=", year.id), ("state", "in", ("approved", "done"))]
        if departments:
            domain.append(("department_id", "child_of", departments.ids))
        skps = self.env["kinerja.skp"].search(domain, order="department_id, employee_id")
        frequency = year.company_id.kinerja_frequency or "month"
        periods = year.child_ids.filtered(lambda p: p.period_type == frequency).sorted("date_start")
        labels = dict(Evaluation._fields["predicate"]._description_selection(self.env))
        # one row per evaluation (unique per SKP, period and type), without the display names
        # a search_read would compute for a hundred thousand of them
        signed = {
            (skp.id, period.id, evaluation_type): {"achievement": achievement, "predicate": predicate}
            for skp, period, evaluation_type, predicate, achievement in Evaluation._read_group(
                [("skp_id", "in", skps.ids), ("state", "=", "done")],
                ["skp_id", "period_id", "evaluation_type", "predicate"],
                ["achievement:max"],
            )
        }
        credit = dict(
            Evaluation._read_group(
                [("skp_id", "in", skps.ids), ("state", "=", "done")], ["skp_id"], ["credit_points_counted:sum"]
            )
        )
        deciding = self._deciding_skps(skps, year)
        provisional = self._provisional_achievements(skps, year, periods)
        rank_labels = dict(self.env["hr.employee"]._fields["rank"]._description_selection(self.env))
        employees = skps.employee_id._kinerja_org_chart()
        employees.read(["name", "nip", "rank", "job_title", "job_id", "department_id"])

        def cell(skp, period, evaluation_type):
            evaluation = signed.get((skp.id, period.id, evaluation_type))
            if evaluation:
                return {
                    "achievement": evaluation["achievement"] or 0.0,
                    "predicate": labels.get(evaluation["predicate"], ""),
                    "signed": True,
                }
            so_far = provisional.get((skp.id, period.id))
            if so_far is None:
                return None
            return {"achievement": so_far, "predicate": "", "signed": False}

        rows, totals, not_evaluated = [], dict.fromkeys(labels, 0), 0
        for skp in skps:
            employee = skp.employee_id._kinerja_org_chart()
            cells = [cell(skp, period, "periodic") for period in periods]
            annual = cell(skp, year, "annual")
            if skp in deciding:
                if annual and annual["signed"]:
                    key = signed[(skp.id, year.id, "annual")]["predicate"]
                    if key:
                        totals[key] += 1
                else:
                    not_evaluated += 1
            rows.append(
                {
                    "employee": skp.employee_name or employee.name,
                    "nip": skp.employee_nip or employee.nip or "",
                    "rank": skp.employee_rank or rank_labels.get(employee.rank, ""),
                    "position": skp.employee_position or employee.job_title or employee.job_id.name or "",
                    "unit": skp.department_id.complete_name or "",
                    "periods": cells,
                    "annual": annual,
                    "signed_count": sum(1 for c in cells if c and c["signed"]),
                    "figure_count": sum(1 for c in cells if c),
                    "credit_points": credit.get(skp, 0.0) or 0.0,
                }
            )
        return {
            "periods": periods,
            "rows": rows,
            "totals": [(labels[key], count) for key, count in totals.items()],
            "not_evaluated": not_evaluated,
            "credit_points": sum(row["credit_points"] for row in rows),
        }

    @api.model
    def _deciding_skps(self, skps, year):
        """The SKPs among ``skps`` that count their employee in the totals: of all his running
        or evaluated SKPs of ``year``, the one covering the year's end, else the last one."""
        everything = self.env["kinerja.skp"].search(
            [
                ("employee_id", "in", skps.employee_id.ids),
                ("period_id", "=", year.id),
                ("state", "in", ("approved", "done")),
            ]
        )
        last = {}
        for skp in everything:
            key = (skp.date_end >= year.date_end, skp.date_end, skp.date_start, skp.id)
            if skp.employee_id not in last or key > last[skp.employee_id][0]:
                last[skp.employee_id] = (key, skp)
        return skps & self.env["kinerja.skp"].union(*(skp for _key, skp in last.values()))

    @api.model
    def _provisional_achievements(self, skps, year, periods):
        """{(skp id, period id): achievement so far} from the accepted realisation, for each
        sub-period that has started (the target prorated to its end, as the evaluation
        suggests it) where a report of that sub-period is accepted, and for the year (the
        whole target) once anything is accepted. One query per period, whatever the number of
        SKPs."""
        today = fields.Date.context_today(self)
        indicators = skps.indicator_ids
        skps.result_ids.read(["skp_id", "result_type", "weight"])
        indicators.read(["result_id", "skp_id"])
        result = {}
        accepted_before = {}
        for period in periods.filtered(lambda p: p.date_start <= today):
            figures = indicators._realization_figures(period, prorate=True)
            accepted = {ind_id: values.get("accepted", 0) for ind_id, values in figures.items()}
            for skp in skps:
                if not (skp.date_start <= period.date_end and skp.date_end >= period.date_start):
                    continue
                # a figure for the period only when something of it was accepted
                if any(accepted.get(i.id, 0) > accepted_before.get(i.id, 0) for i in skp.indicator_ids):
                    result[(skp.id, period.id)] = self._skp_achievement(skp, figures)
            accepted_before = accepted
        figures = indicators._realization_figures()
        for skp in skps:
            if any(figures.get(i.id, {}).get("accepted") for i in skp.indicator_ids):
                result[(skp.id, year.id)] = self._skp_achievement(skp, figures)
        return result

    @api.model
    def _skp_achievement(self, skp, figures):
        """The SKP's achievement from its indicators' figures: each work result the mean of
        its indicators, the main results averaged (weighted when the SKP uses weights), as
        the evaluation's suggestion computes it."""
        by_result = {}
        for indicator in skp.indicator_ids:
            by_result.setdefault(indicator.result_id, []).append(figures.get(indicator.id, {}).get("achievement", 0.0))
        main = [r for r in skp.result_ids if r.result_type == "main"]
        weights = {r: (r.weight if skp.use_weights else 1.0) for r in main}
        total = sum(weights.values())
        if not total:
            return 0.0
        return sum(sum(by_result.get(r, [0.0])) / len(by_result.get(r, [0.0])) * w for r, w in weights.items()) / total

    # ------------------------------------------------------------------------------------
    # Spreadsheet
    # ------------------------------------------------------------------------------------
    def generate_xlsx_report(self, workbook, data, years):
        formats = self._formats(workbook)
        base = {"font_name": "Arial", "font_size": 9, "valign": "top", "border": 1}
        # Figures not signed yet: italic grey on a pale yellow, explained by the legend.
        unsigned = {**base, "italic": True, "font_color": "#7F7F7F", "bg_color": "#FFF2CC"}
        formats["unsigned"] = workbook.add_format({**unsigned, "text_wrap": True})
        formats["unsigned_percent"] = workbook.add_format({**unsigned, "num_format": "0.0"})
        _ = self.env._
        departments = self.env["hr.department"].browse((data or {}).get("department_ids") or [])
        for year in years:
            recap = self._get_recap_data(year, departments)
            headers = [_("No"), _("Employee"), _("NIP"), _("Rank"), _("Position"), _("Work Unit")]
            for period in recap["periods"]:
                headers += [f"{period.name} %", period.name]
            headers += [_("Annual %"), _("Annual Predicate"), _("Signed Evaluations"), _("Credit Points")]
            sheet = self._sheet(
                workbook,
                _("Recap %s", year.name),
                title=_("Performance Recap %(year)s - %(agency)s", year=year.name, agency=year.company_id.name),
                subtitle=", ".join(departments.mapped("complete_name")) or _("Whole agency"),
                headers=headers,
                widths=[5, 28, 20, 18, 24, 24] + [8, 14] * len(recap["periods"]) + [8, 16, 16, 10],
                formats=formats,
            )

            row = 4
            for number, line in enumerate(recap["rows"], start=1):
                values = [number, line["employee"], line["nip"], line["rank"], line["position"], line["unit"]]
                for column, value in enumerate(values):
                    self._write(sheet, (row, column), value, formats, "number" if column == 0 else "text")
                column = len(values)
                for cell in line["periods"]:
                    self._write_recap_cell(sheet, (row, column), cell, formats)
                    column += 2
                self._write_recap_cell(sheet, (row, column), line["annual"], formats)
                status = (
                    _("%(signed)s of %(periods)s", signed=line["signed_count"], periods=line["figure_count"])
                    if line["figure_count"]
                    else _("Nothing reported yet")
                )
                self._write(sheet, (row, column + 2), status, formats)
                self._write(sheet, (row, column + 3), line["credit_points"], formats, "number")
                row += 1
            row += 1
            self._write(sheet, (row, 1), _("Annual predicates (signed)"), formats, "total")
            for label, count in recap["totals"]:
                row += 1
                self._write(sheet, (row, 1), label, formats)
                self._write(sheet, (row, 2), count, formats, "number")
            row += 1
            self._write(sheet, (row, 1), _("Not evaluated yet"), formats)
            self._write(sheet, (row, 2), recap["not_evaluated"], formats, "number")
            row += 1
            self._write(sheet, (row, 1), _("Credit points counted"), formats, "total")
            self._write(sheet, (row, 2), recap["credit_points"], formats, "number")
            row += 2
            self._write(sheet, (row, 1), _("Legend"), formats, "total")
            self._write(sheet, (row + 1, 1), _("Signed evaluation"), formats)
            self._write(
                sheet,
                (row + 1, 2),
                _("Achievement and predicate of an evaluation the evaluator has signed."),
                formats,
            )
            self._write(sheet, (row + 2, 1), _("Not signed"), formats, "unsigned")
            self._write(
                sheet,
                (row + 2, 2),
                _("Achievement so far from the accepted realisation; no evaluation is signed yet, so no predicate."),
                formats,
                "unsigned",
            )
            self._write(
                sheet,
                (row + 3, 1),
                _(
                    "The totals count each person once: with two SKPs in the year (a new position), with the "
                    "annual predicate of the SKP that covers the end of the year. Credit points count an annual "
                    "conversion for the months of its SKP, and periodic ones only for months no annual one covers."
                ),
                formats,
            )

    def _write_recap_cell(self, sheet, position, cell, formats):
        """A period's achievement and predicate: signed ones plain; figures so far marked
        (italic on yellow, "Not signed"); nothing when there is nothing accepted."""
        row, column = position
        if not cell:
            self._write(sheet, (row, column), "", formats)
            self._write(sheet, (row, column + 1), "", formats)
        elif cell["signed"]:
            self._write(sheet, (row, column), cell["achievement"], formats, "percent")
            self._write(sheet, (row, column + 1), cell["predicate"], formats)
        else:
            sheet.write_number(row, column, cell["achievement"], formats["unsigned_percent"])
            self._write(sheet, (row, column + 1), self.env._("Not signed"), formats, "unsigned")
