from odoo import models


class KinerjaDistributionXlsx(models.AbstractModel):
    """The distribution check of every unit rated for a period."""

    _name = "report.kinerja_asn.distribution_xlsx"
    _inherit = "report.kinerja_asn.abstract_xlsx"
    _description = "Distribution Check XLSX Report"

    def generate_xlsx_report(self, workbook, data, ratings):
        formats = self._formats(workbook)
        _ = self.env._
        predicates = self.env["kinerja.evaluation"]._fields["predicate"]._description_selection(self.env)
        headers = [_("Work Unit"), _("Period"), _("Organisation Predicate"), _("Employees"), _("Signed")]
        headers += [label for _key, label in predicates] + [_("Distribution Issues")]
        sheet = self._sheet(
            workbook,
            _("Distribution"),
            title=_("Distribution of Predicates"),
            subtitle=", ".join(sorted(set(ratings.company_id.mapped("name")))),
            headers=headers,
            widths=[30, 14, 18, 10, 10] + [12] * len(predicates) + [60],
            formats=formats,
        )
        for row, line in enumerate(ratings._distribution_rows(), start=4):
            values = [line["unit"], line["period"], line["rating"], line["total"], line["signed"]]
            values += [line["counts"].get(key, 0) for key, _label in predicates]
            for column, value in enumerate(values):
                self._write(sheet, (row, column), value, formats, "number" if isinstance(value, int) else "text")
            self._write(sheet, (row, len(values)), line["issues"], formats)
