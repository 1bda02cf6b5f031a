from odoo import models


class KinerjaXlsxAbstract(models.AbstractModel):
    """Shared formats of the Kinerja spreadsheets, and the one rule they all keep: text from
    users is written as text, never read as a formula."""

    _name = "report.kinerja_asn.abstract_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Kinerja XLSX Report Base"

    def get_workbook_options(self):
        return {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}

    def _formats(self, workbook):
        base = {"font_name": "Arial", "font_size": 9, "valign": "top", "text_wrap": True}
        return {
            "title": workbook.add_format({**base, "bold": True, "font_size": 12, "text_wrap": False}),
            "subtitle": workbook.add_format({**base, "italic": True, "text_wrap": False}),
            "header": workbook.add_format(
                {**base, "bold": True, "bg_color": "#D9E1F2", "border": 1, "align": "center", "valign": "vcenter"}
            ),
            "text": workbook.add_format({**base, "border": 1}),
            "number": workbook.add_format({**base, "border": 1, "num_format": "#,##0.##"}),
            "percent": workbook.add_format({**base, "border": 1, "num_format": "0.0"}),
            "total": workbook.add_format({**base, "bold": True, "border": 1, "bg_color": "#F2F2F2"}),
        }

    def _sheet(self, workbook, name, *, title, subtitle, headers, widths, formats):
        """A printable sheet: title, subtitle, header row frozen, column widths, A4 landscape."""
        sheet = workbook.add_worksheet(name[:31])
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.write_string(0, 0, title, formats["title"])
        sheet.write_string(1, 0, subtitle or "", formats["subtitle"])
        for column, (header, width) in enumerate(zip(headers, widths, strict=True)):
            sheet.set_column(column, column, width)
            sheet.write_string(3, column, header, formats["header"])
        sheet.freeze_panes(4, 0)
        sheet.repeat_rows(3)
        return sheet

    def _write(self, sheet, cell, value, formats, kind="text"):
        """Numbers as numbers; everything else as plain text (never a formula)."""
        row, column = cell
        if isinstance(value, bool) or value is None:
            value = ""
        if kind in ("number", "percent") and isinstance(value, (int, float)):
            sheet.write_number(row, column, value, formats[kind])
        else:
            sheet.write_string(row, column, str(value), formats["text" if kind not in formats else kind])
