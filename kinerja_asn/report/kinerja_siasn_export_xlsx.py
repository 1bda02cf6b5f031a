import re

from odoo import models


class KinerjaSiasnExportXlsx(models.AbstractModel):
    """A SIASN export to review before (or after) it goes to BKN: one row per record, our
    labels beside the codes sent, and SIASN's answer. The rows come from
    kinerja.siasn.export._review_rows; this only writes them (as text, never formulas)."""

    _name = "report.kinerja_asn.siasn_export_xlsx"
    _inherit = "report.kinerja_asn.abstract_xlsx"
    _description = "SIASN Export Review XLSX Report"

    def generate_xlsx_report(self, workbook, data, exports):
        formats = self._formats(workbook)
        _ = self.env._
        columns = [
            ("employee", _("Employee"), 24, "text"),
            ("nip", _("NIP"), 19, "text"),
            ("siasn_id", _("SIASN ID"), 22, "text"),
            ("unit", _("Work Unit"), 24, "text"),
            ("unit_siasn_id", _("Unit SIASN ID"), 18, "text"),
            ("period", _("Period"), 14, "text"),
            ("months", _("Months"), 14, "text"),
            ("result", _("Work-Result Rating"), 16, "text"),
            ("result_code", "hasilKinerjaNilai", 10, "number"),
            ("behavior", _("Behaviour Rating"), 16, "text"),
            ("behavior_code", "perilakuKerjaNilai", 10, "number"),
            ("predicate", _("Predicate"), 16, "text"),
            ("predicate_code", "kuadranKinerjaNilai", 10, "number"),
            ("evaluator", _("Evaluator"), 22, "text"),
            ("evaluator_nip", "penilaiNipNrp", 19, "text"),
            ("evaluator_grade", "penilaiGolongan", 10, "text"),
            ("evaluator_position", _("Evaluator's Position"), 22, "text"),
            ("evaluator_unit", "penilaiUnorNama", 22, "text"),
            ("evaluator_status", "statusPenilai", 10, "text"),
            ("period_code", "periodikId", 9, "text"),
            ("coefficient_code", "koefisienId", 9, "text"),
            ("document", _("Signed Document"), 30, "text"),
            ("state", _("Status"), 12, "text"),
            ("answer", _("SIASN Message"), 30, "text"),
        ]
        names = set()
        for export in exports:
            # a sheet name is unique, at most 31 characters, without []:*?/\
            name = re.sub(r"[\[\]:*?/\\]", "-", export.name or "SIASN")[:27]
            while name in names:
                name = f"{name[:24]} {len(names) + 1}"
            names.add(name)
            sheet = self._sheet(
                workbook,
                name,
                title=export.name or "",
                subtitle=_(
                    "%(agency)s - %(kind)s - generated on %(date)s",
                    agency=export.company_id.name,
                    kind=dict(export._fields["kind"]._description_selection(self.env))[export.kind],
                    date=export.generated_date or "",
                ),
                headers=[label for _key, label, _width, _kind in columns],
                widths=[width for _key, _label, width, _kind in columns],
                formats=formats,
            )
            for row_index, row in enumerate(export._review_rows(), start=4):
                for column, (key, _label, _width, kind) in enumerate(columns):
                    self._write(sheet, (row_index, column), row[key], formats, kind)
