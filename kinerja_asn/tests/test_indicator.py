from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import file_open, mute_logger

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

    def _import_file(self, content, user, file_type="text/csv", **env_context):
        """Preview and import ``content`` through base_import as the import dialog does."""
        Import = self.env["base_import.import"].with_user(user).with_context(**env_context)
        wizard = Import.create({"res_model": "kinerja.indicator", "file": content, "file_type": file_type})
        options = {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}
        preview = wizard.parse_preview(options)
        self.assertFalse(preview.get("error"), preview.get("error"))
        fields = [
            "/".join(preview["matches"][index]) if index in preview["matches"] else False
            for index in range(len(preview["headers"]))
        ]
        result = wizard.execute_import(fields, preview["headers"], dict(options, tracking_disable=True))
        return preview, fields, result

    def test_import_template_offered_and_imported(self):
        """The import dialog offers a template naming the government the rows land in; the
        template imports as it is, selection cells given by key, English or Indonesian label."""
        templates = self.env["kinerja.indicator"].with_user(self.user_officer).get_import_templates()
        self.assertEqual(len(templates), 1)
        self.assertIn(self.company_a.name, templates[0]["label"])
        path = templates[0]["template"]
        self.assertTrue(path.startswith("/kinerja_asn/static/"))
        with file_open(path.lstrip("/"), "rb") as template:
            content = template.read()
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        self.env["res.lang"]._activate_lang("id_ID")
        self.user_officer.lang = "id_ID"
        _preview, fields, result = self._import_file(content, self.user_officer, file_type=xlsx)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(
            fields[:8],
            ["code", "name", "description", "aspect", "perspective", "direction", "aggregation", "unit_label"],
        )
        imported = self.env["kinerja.indicator"].browse(result["ids"])
        self.assertEqual(imported.mapped("code"), ["CONTOH-01", "CONTOH-02", "CONTOH-03"])
        self.assertEqual(imported.mapped("aspect"), ["quantity", "quantity", "time"])
        self.assertEqual(imported.mapped("direction"), ["higher", "lower", "higher"])
        self.assertEqual(imported.mapped("aggregation"), ["last", "last", "sum"])
        self.assertEqual(imported.company_id, self.company_a)

    def test_import_labels_in_either_language_into_current_company(self):
        """An English-speaking officer imports Indonesian labels (and the other way round),
        whether or not Indonesian is installed; rows land in the company he works in."""
        self.user_officer.write(
            {"company_ids": [(4, self.company_b.id)], "groups_id": [(4, self.env.ref("base.group_multi_company").id)]}
        )
        content = (
            b"Code,Name,Aspect,Direction,Aggregation,Perspective\n"
            b"B-01,Satu,  kualitas ,Semakin rendah semakin baik,rata-rata,Perspektif Penerima Layanan\n"
            b"B-02,Dua,Cost,Lower is better,Maximum,customer\n"
            b"B-03,Tiga,waktu,higher,NILAI TERAKHIR,\n"
        )
        context = {"allowed_company_ids": [self.company_b.id, self.company_a.id]}
        _preview, _fields, result = self._import_file(content, self.user_officer, **context)
        self.assertFalse(result["messages"], result["messages"])
        imported = self.env["kinerja.indicator"].browse(result["ids"])
        self.assertEqual(imported.mapped("aspect"), ["quality", "cost", "time"])
        self.assertEqual(imported.mapped("direction"), ["lower", "lower", "higher"])
        self.assertEqual(imported.mapped("aggregation"), ["average", "max", "last"])
        self.assertEqual(imported.mapped("perspective"), ["customer", "customer", False])
        self.assertEqual(imported.company_id, self.company_b, "the current company, not the officer's main one")

    def test_import_unknown_label_is_refused(self):
        result = self.env["kinerja.indicator"].load(
            ["code", "name", "aspect"], [["X-01", "Salah", "Kuantitas"], ["X-02", "Salah", "Banyaknya"]]
        )
        self.assertFalse(result["ids"])
        self.assertEqual(len(result["messages"]), 1)
        self.assertIn("Banyaknya", result["messages"][0]["message"])
        self.assertFalse(self.env["kinerja.indicator"].search([("code", "like", "X-0")]))

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
