from odoo import models


class KinerjaSkpXlsx(models.AbstractModel):
    _name = "report.kinerja_asn.skp_xlsx"
    _inherit = "report.kinerja_asn.abstract_xlsx"
    _description = "SKP XLSX Report"

    def generate_xlsx_report(self, workbook, data, skps):
        formats = self._formats(workbook)
        _ = self.env._
        skp_report = self.env["report.kinerja_asn.report_skp"]
        for skp in skps:
            identity = skp_report._identity(skp)
            headers = [
                _("No"),
                _("Supported Result of the Evaluator"),
                _("Work Result (RHK)"),
                _("Aspect"),
                _("Indicator (IKI)"),
                _("Target"),
            ]
            sheet = self._sheet(
                workbook,
                f"{skp.employee_id.name or skp.id}"[:28],
                title=_("SKP %(employee)s %(year)s", employee=identity["employee_name"], year=skp.period_id.name),
                subtitle=_(
                    "NIP %(nip)s · %(position)s · %(unit)s · Evaluator: %(evaluator)s",
                    nip=identity["employee_nip"],
                    position=identity["employee_position"],
                    unit=identity["employee_unit"],
                    evaluator=identity["evaluator_name"],
                ),
                headers=headers,
                widths=[5, 35, 35, 12, 35, 14],
                formats=formats,
            )
            row = 4
            for section in skp_report._result_sections(skp):
                self._write(sheet, (row, 0), section["title"], formats, "total")
                for column in range(1, len(headers)):
                    self._write(sheet, (row, column), "", formats, "total")
                row += 1
                for line in section["rows"]:
                    for column, key in enumerate(("number", "parent", "result", "aspect", "indicator", "target")):
                        self._write(sheet, (row, column), line[key], formats)
                    row += 1
