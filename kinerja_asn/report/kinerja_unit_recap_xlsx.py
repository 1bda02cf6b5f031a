from odoo import models


class KinerjaUnitRecapXlsx(models.AbstractModel):
    """Rekap kinerja of a unit or the whole agency: one row per SKP, achievement and predicate
    per period and the annual predicate, with totals per predicate."""

    _name = "report.kinerja_asn.unit_recap_xlsx"
    _inherit = "report.kinerja_asn.abstract_xlsx"
    _description = "Unit Recap XLSX Report"

    def _get_objs_for_report(self, docids, data):
        return self.env["kinerja.period"].browse((data or {}).get("year_id") or docids)

    def generate_xlsx_report(self, workbook, data, years):
        formats = self._formats(workbook)
        _ = self.env._
        departments = self.env["hr.department"].browse((data or {}).get("department_ids") or [])
        for year in years:
            recap = self.env["kinerja.evaluation"]._unit_recap(year, departments)
            headers = [_("No"), _("Employee"), _("NIP"), _("Rank"), _("Position"), _("Work Unit")]
            for period in recap["periods"]:
                headers += [f"{period.name} %", period.name]
            headers += [_("Annual Predicate")]
            sheet = self._sheet(
                workbook,
                _("Recap %s", year.name),
                title=_("Performance Recap %(year)s - %(agency)s", year=year.name, agency=year.company_id.name),
                subtitle=", ".join(departments.mapped("complete_name")) or _("Whole agency"),
                headers=headers,
                widths=[5, 28, 20, 18, 24, 24] + [8, 14] * len(recap["periods"]) + [16],
                formats=formats,
            )
            row = 4
            for number, line in enumerate(recap["rows"], start=1):
                values = [number, line["employee"], line["nip"], line["rank"], line["position"], line["unit"]]
                for column, value in enumerate(values):
                    self._write(sheet, (row, column), value, formats, "number" if column == 0 else "text")
                column = len(values)
                for cell in line["periods"]:
                    self._write(sheet, (row, column), cell["achievement"] if cell else "", formats, "percent")
                    self._write(sheet, (row, column + 1), cell["predicate"] if cell else "", formats)
                    column += 2
                self._write(sheet, (row, column), line["annual"], formats)
                row += 1
            row += 1
            self._write(sheet, (row, 1), _("Annual predicates"), formats, "total")
            for label, count in recap["totals"]:
                row += 1
                self._write(sheet, (row, 1), label, formats)
                self._write(sheet, (row, 2), count, formats, "number")
