from odoo import api, models


class KinerjaRealizationMatrixXlsx(models.AbstractModel):
    _name = "report.kinerja_asn.realization_matrix_xlsx"
    _inherit = "report.kinerja_asn.abstract_xlsx"
    _description = "Realisation Matrix XLSX Report"

    @api.model
    def _matrix(self, skp):
        """Indicator x sub-period: the reported value and its state per cell (None when not
        reported), with target, realisation and achievement; in two queries."""
        skp.ensure_one()
        frequency = skp.company_id.kinerja_frequency or "month"
        periods = skp.period_id.child_ids.filtered(
            lambda p: p.period_type == frequency and p.date_end >= skp.date_start and p.date_start <= skp.date_end
        ).sorted("date_start")
        cells = {
            (report["skp_indicator_id"][0], report["period_id"][0]): report
            for report in self.env["kinerja.realization"].search_read(
                [("skp_id", "=", skp.id), ("state", "in", ("submitted", "accepted"))],
                ["skp_indicator_id", "period_id", "value", "state"],
            )
        }
        rows = []
        for indicator in skp.indicator_ids:
            rows.append(
                {
                    "result": (indicator.result_id.name or "").split("\n")[0],
                    "indicator": indicator.name,
                    "unit": indicator.unit_label or "",
                    "target": indicator.target_value,
                    "cells": [cells.get((indicator.id, period.id)) for period in periods],
                    "realized": indicator.realized_value,
                    "achievement": indicator.achievement,
                }
            )
        return {"periods": periods, "rows": rows}

    def generate_xlsx_report(self, workbook, data, skps):
        formats = self._formats(workbook)
        _ = self.env._
        for skp in skps:
            matrix = self._matrix(skp)
            periods = matrix["periods"]
            headers = [_("Work Result (RHK)"), _("Indicator (IKI)"), _("Unit"), _("Target")]
            headers += [period.name for period in periods] + [_("Realisation"), _("Achievement (%)")]
            sheet = self._sheet(
                workbook,
                f"{skp.employee_id.name or skp.id}"[:28],
                title=_("Realisation of %s", skp.display_name),
                subtitle=_("Accepted values per period; reports not yet accepted are shown in brackets."),
                headers=headers,
                widths=[30, 30, 10, 10] + [9] * len(periods) + [12, 12],
                formats=formats,
            )
            for row, line in enumerate(matrix["rows"], start=4):
                self._write(sheet, (row, 0), line["result"], formats)
                self._write(sheet, (row, 1), line["indicator"], formats)
                self._write(sheet, (row, 2), line["unit"], formats)
                self._write(sheet, (row, 3), line["target"], formats, "number")
                for column, cell in enumerate(line["cells"], start=4):
                    if cell is None:
                        self._write(sheet, (row, column), "", formats)
                    elif cell["state"] == "accepted":
                        self._write(sheet, (row, column), cell["value"], formats, "number")
                    else:
                        self._write(sheet, (row, column), f"({cell['value']:g})", formats)
                self._write(sheet, (row, 4 + len(periods)), line["realized"], formats, "number")
                self._write(sheet, (row, 5 + len(periods)), line["achievement"], formats, "percent")
