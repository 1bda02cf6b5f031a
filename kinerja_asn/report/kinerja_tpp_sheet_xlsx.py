from odoo import models


class KinerjaTppSheetXlsx(models.AbstractModel):
    """The monthly TPP list in the layout of the regional regulations: one row per employee
    (No, Name/NIP, Grade, Position, Position Class, TPP Amount, % performance, % discipline,
    deductions, gross, BPJS, PPh 21, received, signature), totals, and the signature blocks of
    the secretary and the treasurer. Every value from users is written as text or number,
    never as a formula."""

    _name = "report.kinerja_asn.tpp_sheet_xlsx"
    _inherit = "report.kinerja_asn.abstract_xlsx"
    _description = "TPP Sheet XLSX Report"

    def _rows(self, sheet):
        """The rows of the list, in its order."""
        ranks = dict(self.env["kinerja.tpp.sheet.line"]._fields["employee_rank"]._description_selection(self.env))
        rows = []
        for number, line in enumerate(sheet.line_ids, start=1):
            rows.append(
                [
                    (number, "number"),
                    (f"{line.employee_name}\n{line.employee_nip or ''}".strip(), "text"),
                    (ranks.get(line.employee_rank, ""), "text"),
                    (line.job_title or "", "text"),
                    (line.class_grade, "number"),
                    (line.base_amount, "number"),
                    (line.performance_percent, "percent"),
                    (line.discipline_percent, "percent"),
                    (line.base_amount - line.gross_amount, "number"),
                    (line.gross_amount, "number"),
                    (line.bpjs_employer, "number"),
                    (line.bpjs_employee, "number"),
                    (line.pph21_amount, "number"),
                    (line.net_amount, "number"),
                    ("", "text"),
                ]
            )
        return rows

    def generate_xlsx_report(self, workbook, data, sheets):
        formats = self._formats(workbook)
        _ = self.env._
        headers = [
            _("No"),
            _("Name / NIP"),
            _("Grade"),
            _("Position"),
            _("Position Class"),
            _("TPP Amount"),
            _("% Performance"),
            _("% Discipline"),
            _("Deductions"),
            _("Gross"),
            _("BPJS (Employer)"),
            _("BPJS (Employee)"),
            _("PPh 21"),
            _("Received"),
            _("Signature"),
        ]
        widths = [5, 30, 10, 24, 8, 14, 9, 9, 13, 14, 12, 12, 12, 14, 14]
        for sheet in sheets:
            states = dict(sheet._fields["state"]._description_selection(self.env))
            xsheet = self._sheet(
                workbook,
                sheet.name,
                title=_("List of the Regional Allowance (TPP) - %(agency)s", agency=sheet.company_id.name),
                subtitle=_("%(sheet)s · %(state)s", sheet=sheet.name, state=states[sheet.state]),
                headers=headers,
                widths=widths,
                formats=formats,
            )
            row = 4
            for values in self._rows(sheet):
                for column, (value, kind) in enumerate(values):
                    self._write(xsheet, (row, column), value, formats, kind)
                row += 1
            totals = {
                5: sum(sheet.line_ids.mapped("base_amount")),
                8: sum(sheet.line_ids.mapped("base_amount")) - sheet.total_gross,
                9: sheet.total_gross,
                10: sheet.total_bpjs_employer,
                11: sheet.total_bpjs_employee,
                12: sheet.total_pph21,
                13: sheet.total_net,
            }
            xsheet.write_string(row, 1, _("Total"), formats["total"])
            for column, value in totals.items():
                xsheet.write_number(row, column, value, formats["total"])
            row += 3
            xsheet.write_string(row, 1, _("Checked by the Secretary"), formats["subtitle"])
            xsheet.write_string(row, 9, _("Treasurer"), formats["subtitle"])
            xsheet.write_string(row + 4, 1, "(....................................)", formats["subtitle"])
            xsheet.write_string(row + 4, 9, "(....................................)", formats["subtitle"])
            xsheet.write_string(row + 5, 1, _("NIP"), formats["subtitle"])
            xsheet.write_string(row + 5, 9, _("NIP"), formats["subtitle"])
            if sheet.approved_by_id:
                xsheet.write_string(
                    row + 7,
                    1,
                    _("Approved by %(head)s", head=sheet.approved_by_id.name),
                    formats["subtitle"],
                )
            if sheet.verification_code:
                xsheet.write_string(row + 8, 1, _("Verify at %(url)s", url=sheet.verification_url), formats["subtitle"])
