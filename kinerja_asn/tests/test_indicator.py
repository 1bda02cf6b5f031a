from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestIndicator(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.indicator = cls.env["kinerja.indicator"].create(
            {
                "name": "Cakupan imunisasi dasar lengkap",
                "code": "KES-01",
                "aspect": "quantity",
                "direction": "higher",
                "aggregation": "last",
                "unit_label": "%",
                "department_ids": [(6, 0, cls.dept.ids)],
            }
        )

    def test_display_name_and_search_by_code(self):
        self.assertEqual(self.indicator.display_name, "[KES-01] Cakupan imunisasi dasar lengkap")
        found = self.env["kinerja.indicator"].name_search("KES-01")
        self.assertEqual([r[0] for r in found], self.indicator.ids)

    def test_code_unique_per_company(self):
        self.env["kinerja.indicator"].create(
            {"name": "Other agency", "code": "KES-01", "company_id": self.company_b.id}
        )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env["kinerja.indicator"].create({"name": "Duplicate", "code": "KES-01"})

    def test_applicable_domain(self):
        general = self.env["kinerja.indicator"].create(
            {"name": "Laporan tepat waktu", "code": "UM-01", "aspect": "time"}
        )
        other_dept = self.env["hr.department"].create({"name": "Dinas Pendidikan"})
        elsewhere = self.env["kinerja.indicator"].create(
            {"name": "APK", "code": "DIK-01", "department_ids": [(6, 0, other_dept.ids)]}
        )
        found = self.env["kinerja.indicator"].search(self.env["kinerja.indicator"]._applicable_domain(self.emp_staff))
        self.assertIn(self.indicator, found)
        self.assertIn(general, found)
        self.assertNotIn(elsewhere, found)

    def test_import_with_standard_import(self):
        """Admins load their library from a spreadsheet with Odoo's own import."""
        result = self.env["kinerja.indicator"].load(
            ["code", "name", "aspect", "direction", "aggregation", "unit_label"],
            [
                ["IMP-01", "Jumlah sekolah disupervisi", "quantity", "higher", "sum", "sekolah"],
                ["IMP-02", "Angka putus sekolah", "quantity", "lower", "last", "%"],
            ],
        )
        self.assertFalse(result["messages"], result["messages"])
        imported = self.env["kinerja.indicator"].browse(result["ids"])
        self.assertEqual(imported.mapped("direction"), ["higher", "lower"])

    def test_employee_reads_but_cannot_change_indicators(self):
        as_staff = self.indicator.with_user(self.user_staff)
        self.assertEqual(as_staff.name, "Cakupan imunisasi dasar lengkap")
        with self.assertRaises(AccessError):
            as_staff.write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.env["kinerja.indicator"].with_user(self.user_staff).create({"name": "New", "code": "X"})
        with self.assertRaises(AccessError):
            as_staff.unlink()
        self.assertEqual(self.indicator.name, "Cakupan imunisasi dasar lengkap")

    def test_officer_manages_indicators(self):
        as_officer = self.env["kinerja.indicator"].with_user(self.user_officer)
        created = as_officer.create({"name": "Baru", "code": "NEW-01"})
        created.write({"aspect": "quality"})
        self.assertEqual(created.aspect, "quality")
        created.unlink()
        self.assertFalse(created.exists())
