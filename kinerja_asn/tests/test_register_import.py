import base64
import csv
import io

import xlsxwriter

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import KinerjaCase
from .test_tour import KinerjaTourCase

PEOPLE = (
    "PNS_ID",
    "NIP_BARU",
    "NAMA",
    "GOL_AKHIR_NAMA",
    "JENIS_JABATAN_NAMA",
    "ESELON_NAMA",
    "JABATAN_NAMA",
    "UNOR_ID",
    "UNOR_NAMA",
    "NIP_ATASAN",
)
UNITS = ("ID", "NAMA_UNOR", "DIATASAN_ID")
HEAD, SECTION, STAFF, STAFF2 = (
    "197501012000031001",
    "198002022005012002",
    "199003032015031003",
    "199104042016042004",
)
NEW = "199505052020121006"


def xlsx(people, units=None, headers=PEOPLE, number_nip=False):
    """A workbook as SIASN exports it: the people, then (optionally) a sheet of units."""
    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
    sheets = [("Pegawai", headers, people)] + ([("Unor", UNITS, units)] if units is not None else [])
    for name, columns, rows in sheets:
        sheet = workbook.add_worksheet(name)
        sheet.write_row(0, 0, columns)
        for index, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                if number_nip and columns[column] == "NIP_BARU":
                    sheet.write_number(index, column, float(value))
                else:
                    sheet.write_string(index, column, value)
    workbook.close()
    return stream.getvalue()


def csv_file(headers, rows, delimiter=";"):
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return stream.getvalue().encode("utf-8-sig")


@tagged("post_install", "-at_install")
class TestRegisterImport(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dept.siasn_unor_id = "UNOR-DINKES"
        cls.emp_head.siasn_id = "PNS-HEAD"
        cls.Import = cls.env["kinerja.register.import"]

    # ------------------------------------------------------------------------------------
    def _upload(self, content, file_name="pegawai.xlsx", user=None):
        return self.Import.with_user(user or self.user_officer).create(
            {"file": base64.b64encode(content), "file_name": file_name}
        )

    def _snapshot(self):
        """Everything an import could change in the government."""
        self.env.flush_all()
        employees = (
            self.env["hr.employee"]
            .with_context(active_test=False)
            .search_read(
                [("company_id", "=", self.company_a.id)],
                [
                    "name",
                    "nip",
                    "siasn_id",
                    "rank",
                    "asn_type",
                    "position_type",
                    "functional_level",
                    "job_id",
                    "department_id",
                    "parent_id",
                    "active",
                ],
                order="id",
            )
        )
        departments = self.env["hr.department"].search_read(
            [("company_id", "=", self.company_a.id)], ["name", "siasn_unor_id", "parent_id"], order="id"
        )
        return employees, departments, self.env["hr.job"].search_count([])

    def _line(self, record, key, record_type="employee"):
        lines = record.line_ids.filtered(lambda line: line.key == key and line.record_type == record_type)
        self.assertEqual(len(lines), 1, f"one line for {key}")
        return lines

    def _register(self):
        """The health office's register after a reorganisation: a new division (P2P), the
        section head moves into it, a new epidemiologist, the second staff member now
        reports to her."""
        units = [
            ("UNOR-DINKES", "Dinas Kesehatan", ""),
            ("UNOR-P2P", "Bidang Pencegahan dan Pengendalian Penyakit", "UNOR-DINKES"),
        ]
        people = [
            (
                "PNS-HEAD",
                HEAD,
                "KEPALA DINAS",
                "IV/b",
                "Struktural",
                "II.b",
                "Kepala Dinas Kesehatan",
                "UNOR-DINKES",
                "",
                "",
            ),
            ("", SECTION, "Kepala Seksi", "III/d", "Struktural", "IV.a", "", "UNOR-P2P", "", HEAD),
            ("", STAFF, "STAF SATU", "", "Pelaksana", "", "", "UNOR-DINKES", "", SECTION),
            ("", STAFF2, "Staf Dua", "", "Fungsional", "", "Perawat Ahli Pertama", "UNOR-DINKES", "", NEW),
            (
                "PNS-NEW",
                NEW,
                "Rina Wati",
                "III/a",
                "Jabatan Fungsional",
                "",
                "Epidemiolog Ahli Muda",
                "UNOR-P2P",
                "",
                SECTION,
            ),
        ]
        return xlsx(people, units)

    # ------------------------------------------------------------------------------------
    def test_preview_lists_every_difference_and_changes_nothing(self):
        before = self._snapshot()
        record = self._upload(self._register())
        record.with_user(self.user_officer).action_preview()
        self.assertEqual(self._snapshot(), before, "a preview changes no employee, unit or position")
        self.assertEqual(record.state, "previewed")
        self.assertEqual(record.preview_user_id, self.user_officer)
        self.assertEqual(
            (
                record.create_count,
                record.update_count,
                record.move_count,
                record.unchanged_count,
                record.error_count,
                record.warning_count,
            ),
            (2, 1, 2, 2, 0, 0),
        )
        # the units
        dinkes = self._line(record, "UNOR-DINKES", "unit")
        self.assertEqual((dinkes.action, dinkes.row_number, dinkes.sheet), ("unchanged", 2, "Unor"))
        self.assertEqual(dinkes.department_id, self.dept)
        p2p = self._line(record, "UNOR-P2P", "unit")
        self.assertEqual(p2p.action, "create")
        self.assertEqual(p2p.row_number, 3)
        self.assertEqual(
            p2p.diff.splitlines(),
            [
                "Department Name: Bidang Pencegahan dan Pengendalian Penyakit",
                "SIASN Unit ID: UNOR-P2P",
                "Parent Unit: Dinas Kesehatan",
            ],
        )
        # the people, line by line: field: old -> new
        head = self._line(record, HEAD)
        self.assertEqual((head.action, head.row_number, head.employee_id), ("update", 2, self.emp_head))
        self.assertEqual(
            head.diff.splitlines(),
            [
                "Rank / Grade: (none) → IV/b (Pembina Tingkat I)",
                "ASN Status: (none) → Civil Servant (PNS)",
                "Job Position: (none) → Kepala Dinas Kesehatan",
            ],
            "capitals are not a new name; the echelon II structural position is the JPT he holds already",
        )
        section = self._line(record, SECTION)
        self.assertEqual(section.action, "move")
        self.assertEqual(
            section.diff.splitlines(),
            [
                "Rank / Grade: (none) → III/d (Penata Tingkat I)",
                "ASN Status: (none) → Civil Servant (PNS)",
                "Department: Dinas Kesehatan → Bidang Pencegahan dan Pengendalian Penyakit (new)",
            ],
        )
        self.assertEqual(section.supervisor, f"Kepala Dinas ({HEAD})")
        self.assertFalse(section.supervisor_changed)
        staff = self._line(record, STAFF)
        self.assertEqual((staff.action, staff.diff), ("unchanged", False))
        staff2 = self._line(record, STAFF2)
        self.assertEqual(staff2.action, "move")
        self.assertEqual(
            staff2.diff.splitlines(),
            [
                "Job Position: (none) → Perawat Ahli Pertama",
                "Functional Level: Terampil → Ahli Pertama",
                f"Supervisor: Kepala Seksi ({SECTION}) → Rina Wati ({NEW})",
            ],
        )
        self.assertTrue(staff2.supervisor_changed)
        new = self._line(record, NEW)
        self.assertEqual((new.action, new.row_number, new.employee_id.id), ("create", 6, False))
        self.assertEqual(
            new.diff.splitlines(),
            [
                "Employee Name: Rina Wati",
                f"NIP: {NEW}",
                "SIASN ID: PNS-NEW",
                "Rank / Grade: III/a (Penata Muda)",
                "ASN Status: Civil Servant (PNS)",
                "Job Position: Epidemiolog Ahli Muda",
                "Position Type: Functional",
                "Functional Level: Ahli Muda",
                "Department: Bidang Pencegahan dan Pengendalian Penyakit (new)",
                f"Supervisor: Kepala Seksi ({SECTION})",
            ],
        )
        # the org chart: the head, his section head, her staff and the new epidemiologist
        # with the second staff member below her; the new division under the office
        chart = record.org_chart
        for text in (f"Kepala Dinas ({HEAD})", f"Rina Wati ({NEW})", "Bidang Pencegahan dan Pengendalian Penyakit"):
            self.assertIn(text, chart)
        self.assertLess(chart.index(f"Kepala Dinas ({HEAD})"), chart.index(f"Kepala Seksi ({SECTION})"))
        self.assertLess(chart.index(f"Rina Wati ({NEW})"), chart.index(f"Staf Dua ({STAFF2})"))
        self.assertNotIn("Supervisor loops", chart)

    def test_confirm_applies_everything(self):
        record = self._upload(self._register())
        record.with_user(self.user_officer).action_preview()
        record.with_user(self.user_officer).action_confirm()
        self.assertEqual(record.state, "done")
        self.assertEqual(record.confirm_user_id, self.user_officer)
        p2p = self.env["hr.department"].search([("siasn_unor_id", "=", "UNOR-P2P")])
        self.assertEqual(p2p.name, "Bidang Pencegahan dan Pengendalian Penyakit")
        self.assertEqual((p2p.parent_id, p2p.company_id), (self.dept, self.company_a))
        new = self.env["hr.employee"].search([("nip", "=", NEW)])
        self.assertEqual(new.name, "Rina Wati")
        self.assertEqual(
            (new.siasn_id, new.rank, new.asn_type, new.position_type, new.functional_level),
            ("PNS-NEW", "iii_a", "pns", "functional", "ahli_muda"),
        )
        self.assertEqual(
            (new.job_id.name, new.department_id, new.parent_id), ("Epidemiolog Ahli Muda", p2p, self.emp_section)
        )
        self.assertEqual(new.company_id, self.company_a)
        self.assertEqual(self._line(record, NEW).employee_id, new, "the line of a created employee points to him")
        self.assertEqual(self._line(record, "UNOR-P2P", "unit").department_id, p2p)
        self.assertEqual((self.emp_head.rank, self.emp_head.asn_type), ("iv_b", "pns"))
        self.assertEqual(self.emp_head.job_id.name, "Kepala Dinas Kesehatan")
        self.assertEqual(self.emp_head.name, "Kepala Dinas")
        self.assertEqual((self.emp_section.department_id, self.emp_section.parent_id), (p2p, self.emp_head))
        self.assertEqual((self.emp_staff2.parent_id, self.emp_staff2.functional_level), (new, "ahli_pertama"))
        self.assertEqual(self.emp_staff.parent_id, self.emp_section)
        # the record rules of the addon follow the new chain: Rina sees her new subordinate
        self.assertIn(self.emp_staff2, self.env["hr.employee"].search([("id", "child_of", new.id)]))
        self.assertIn("Register applied", record.message_ids[0].body)
        # an applied import is the audit of what was done: kept, and its file stays
        with self.assertRaisesMsg(UserError, "applied import"):
            record.with_user(self.user_officer).write({"file": base64.b64encode(b"NIP_BARU,NAMA\n")})
        with self.assertRaisesMsg(UserError, "kept on record"):
            record.with_user(self.user_officer).unlink()

    def test_department_manager_does_not_replace_the_supervisor(self):
        """Odoo makes a unit's manager the supervisor of whoever joins it: the import writes
        the supervisor the file gives (or keeps) instead."""
        lab = self.env["hr.department"].create({"name": "Laboratorium", "manager_id": self.emp_head.id})
        content = csv_file(("NIP_BARU", "NAMA", "UNOR_NAMA"), [(STAFF, "Staf Satu", "Laboratorium")])
        record = self._upload(content, "pindah.csv")
        record.with_user(self.user_officer).action_preview()
        self.assertEqual(self._line(record, STAFF).diff, "Department: Dinas Kesehatan → Laboratorium")
        record.with_user(self.user_officer).action_confirm()
        self.assertEqual((self.emp_staff.department_id, self.emp_staff.parent_id), (lab, self.emp_section))

    def test_csv_with_header_variants(self):
        """A CSV (semicolons, headers in another case and spelling, the unit by name)."""
        content = csv_file(
            ("nip", "Nama Pegawai", "golongan", "Jenis Jabatan", "jabatan", "unit kerja", "nip atasan"),
            [
                (HEAD, "Kepala Dinas", "IV/c", "JPT", "Kepala Dinas Kesehatan", "Dinas Kesehatan", ""),
                (STAFF, "Staf Satu", "II c", "pelaksana", "Pengadministrasi Umum", "dinas kesehatan", HEAD),
            ],
        )
        record = self._upload(content, "pegawai.csv")
        record.with_user(self.user_officer).action_preview()
        self.assertEqual((record.update_count, record.move_count, record.error_count), (1, 1, 0))
        self.assertIn("Rank / Grade: (none) → IV/c (Pembina Utama Muda)", self._line(record, HEAD).diff)
        staff = self._line(record, STAFF)
        self.assertEqual(staff.row_number, 3)
        self.assertEqual(
            staff.diff.splitlines(),
            [
                "Rank / Grade: (none) → II/c (Pengatur)",
                "ASN Status: (none) → Civil Servant (PNS)",
                "Job Position: (none) → Pengadministrasi Umum",
                f"Supervisor: Kepala Seksi ({SECTION}) → Kepala Dinas ({HEAD})",
            ],
        )
        record.with_user(self.user_officer).action_confirm()
        self.assertEqual((self.emp_staff.rank, self.emp_staff.parent_id), ("ii_c", self.emp_head))
        self.assertEqual(self.dept.siasn_unor_id, "UNOR-DINKES", "a unit named without an id keeps its id")

    def test_units_from_the_people_columns(self):
        """Without a units sheet, a unit the people name is created when the row says where
        it belongs (UNOR_INDUK_ID), with the unit's SIASN id set on a unit matched by name."""
        dept = self.env["hr.department"].create({"name": "Puskesmas Pariaman", "parent_id": self.dept.id})
        content = csv_file(
            ("NIP_BARU", "NAMA", "UNOR_ID", "UNOR_NAMA", "UNOR_INDUK_ID"),
            [
                (STAFF, "Staf Satu", "UNOR-PKM", "Puskesmas Pariaman", "UNOR-DINKES"),
                (STAFF2, "Staf Dua", "UNOR-FARMASI", "Seksi Farmasi", "UNOR-DINKES"),
            ],
        )
        record = self._upload(content, "pegawai.csv")
        record.with_user(self.user_officer).action_preview()
        self.assertEqual(self._line(record, "UNOR-PKM", "unit").diff, "SIASN Unit ID: (none) → UNOR-PKM")
        self.assertEqual(self._line(record, "UNOR-FARMASI", "unit").action, "create")
        record.with_user(self.user_officer).action_confirm()
        farmasi = self.env["hr.department"].search([("siasn_unor_id", "=", "UNOR-FARMASI")])
        self.assertEqual((farmasi.name, farmasi.parent_id), ("Seksi Farmasi", self.dept))
        self.assertEqual(dept.siasn_unor_id, "UNOR-PKM")
        self.assertEqual((self.emp_staff.department_id, self.emp_staff2.department_id), (dept, farmasi))

    def test_match_by_pns_id_and_restore_archived(self):
        """A row is matched by its NIP, else by its PNS ID (the NIP is then corrected); an
        archived employee in the file is restored. A NIP and a PNS ID of two employees is an
        error."""
        self.emp_staff2.action_archive()
        corrected = "197501012000031002"
        content = csv_file(
            ("PNS_ID", "NIP_BARU", "NAMA"),
            [("PNS-HEAD", corrected, "Kepala Dinas"), ("", STAFF2, "Staf Dua")],
        )
        record = self._upload(content, "pegawai.csv")
        record.with_user(self.user_officer).action_preview()
        head = self._line(record, corrected)
        self.assertEqual((head.action, head.employee_id), ("update", self.emp_head))
        self.assertEqual(head.diff, f"NIP: {HEAD} → {corrected}")
        self.assertEqual(self._line(record, STAFF2).diff, "Active: Archived → Active")
        record.with_user(self.user_officer).action_confirm()
        self.assertEqual(self.emp_head.nip, corrected)
        self.assertTrue(self.emp_staff2.active)
        content = csv_file(("PNS_ID", "NIP_BARU", "NAMA"), [("PNS-HEAD", STAFF, "Staf Satu")])
        record, refusal = self._refused(content, "pegawai.csv")
        self.assertIn(f"NIP {STAFF} is Staf Satu's, but PNS ID PNS-HEAD is Kepala Dinas's", refusal)

    def test_units_sheet_moves_and_renames(self):
        """The units sheet moves existing units, even into what is below them today (the
        office under its own division here), and renames them."""
        division = self.env["hr.department"].create(
            {"name": "Bidang P2P", "parent_id": self.dept.id, "siasn_unor_id": "UNOR-P2P"}
        )
        government = self.env["hr.department"].create({"name": "Sekretariat Daerah", "siasn_unor_id": "UNOR-SETDA"})
        units = [
            ("UNOR-DINKES", "Dinas Kesehatan", "UNOR-P2P"),
            ("UNOR-P2P", "Bidang Pencegahan dan Pengendalian Penyakit", "UNOR-SETDA"),
        ]
        record = self._upload(xlsx([("", STAFF, "Staf Satu", "", "", "", "", "", "", "")], units))
        record.with_user(self.user_officer).action_preview()
        self.assertEqual(
            self._line(record, "UNOR-P2P", "unit").diff.splitlines(),
            [
                "Department Name: Bidang P2P → Bidang Pencegahan dan Pengendalian Penyakit",
                "Parent Unit: Dinas Kesehatan → Sekretariat Daerah",
            ],
        )
        self.assertEqual(self._line(record, "UNOR-DINKES", "unit").action, "move")
        record.with_user(self.user_officer).action_confirm()
        self.assertEqual(division.name, "Bidang Pencegahan dan Pengendalian Penyakit")
        self.assertEqual((division.parent_id, self.dept.parent_id), (government, division))

    def test_form(self):
        """The officer uploads through the form as the web client does."""
        form = Form(self.Import.with_user(self.user_officer))
        form.file = base64.b64encode(self._register())
        record = form.save()  # the file's name comes with it in the browser (the binary widget)
        self.assertEqual((record.name, record.state, record.company_id), ("Register import", "draft", self.company_a))
        record.action_preview()
        self.assertEqual(record.line_ids.import_id, record)

    # ------------------------------------------------------------------------------------
    # Bad input: a clear error naming the row, and nothing changes
    # ------------------------------------------------------------------------------------
    def _refused(self, content, file_name="pegawai.xlsx"):
        """Preview the file, check confirming it is refused and changes nothing; the errors
        the refusal lists."""
        before = self._snapshot()
        record = self._upload(content, file_name)
        record.with_user(self.user_officer).action_preview()
        self.assertTrue(record.error_count)
        with self.assertRaises(UserError) as caught:
            record.with_user(self.user_officer).action_confirm()
        self.assertEqual(record.state, "previewed")
        self.assertEqual(self._snapshot(), before)
        return record, str(caught.exception)

    def test_wrong_columns(self):
        before = self._snapshot()
        content = csv_file(("NOMOR", "NAMA_LENGKAP", "JABATAN"), [("1", "Staf Satu", "Pelaksana")])
        record = self._upload(content, "salah.csv")
        with self.assertRaisesMsg(UserError, r"lacks the required columns NIP_BARU \(sheet salah.csv, header row 1"):
            record.with_user(self.user_officer).action_preview()
        self.assertEqual(record.state, "draft")
        self.assertFalse(record.line_ids)
        self.assertEqual(self._snapshot(), before)
        # a units sheet without the unit name
        record.file = base64.b64encode(self._units_sheet_without_name())
        with self.assertRaisesMsg(UserError, "units sheet Unor lacks the required columns NAMA_UNOR"):
            record.with_user(self.user_officer).action_preview()
        record.file = base64.b64encode(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old")
        with self.assertRaisesMsg(UserError, "could not be read"):
            record.with_user(self.user_officer).action_preview()

    def _units_sheet_without_name(self):
        stream = io.BytesIO()
        workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
        workbook.add_worksheet("Pegawai").write_row(0, 0, ("NIP_BARU", "NAMA"))
        workbook.add_worksheet("Unor").write_row(0, 0, ("ID", "DIATASAN_ID"))
        workbook.close()
        return stream.getvalue()

    def test_duplicate_nip(self):
        people = [
            ("", STAFF, "Staf Satu", "", "", "", "", "", "", SECTION),
            ("", STAFF, "Staf Satu Lagi", "", "", "", "", "", "", SECTION),
        ]
        record, refusal = self._refused(xlsx(people))
        lines = record.line_ids
        self.assertEqual(lines.mapped("action"), ["error", "error"])
        self.assertEqual(set(lines.mapped("message")), {f"NIP {STAFF} appears more than once in the file (rows 2, 3)."})
        self.assertIn(f"Row 2 (Pegawai): NIP {STAFF} appears more than once", refusal)
        self.assertIn(f"Row 3 (Pegawai): NIP {STAFF} appears more than once", refusal)

    def test_unknown_unit_and_unknown_supervisor(self):
        people = [
            ("", STAFF, "Staf Satu", "", "", "", "", "UNOR-XYZ", "Bidang Entah", SECTION),
            ("", STAFF2, "Staf Dua", "", "", "", "", "UNOR-DINKES", "", "199901012020011001"),
        ]
        record, refusal = self._refused(xlsx(people))
        self.assertEqual(
            self._line(record, STAFF).message,
            "Unit UNOR-XYZ / Bidang Entah is not in the register: add it to the units sheet (with its parent "
            "unit) or create it first.",
        )
        self.assertIn("Row 2 (Pegawai): Unit UNOR-XYZ / Bidang Entah is not in the register", refusal)
        self.assertIn(
            "Row 3 (Pegawai): The supervisor's NIP 199901012020011001 is neither in the file nor an employee of",
            refusal,
        )
        self.assertFalse(record.line_ids.filtered(lambda line: line.record_type == "unit"))

    def test_supervisor_loop(self):
        people = [
            ("", HEAD, "Kepala Dinas", "", "", "", "", "", "", STAFF),
            ("", STAFF, "Staf Satu", "", "", "", "", "", "", HEAD),
            ("", SECTION, "Kepala Seksi", "", "", "", "", "", "", SECTION),
        ]
        record, refusal = self._refused(xlsx(people))
        chain = f"Kepala Dinas ({HEAD}) → Staf Satu ({STAFF}) → Kepala Dinas ({HEAD})"
        self.assertEqual(self._line(record, HEAD).message, f"Supervisor loop: {chain}.")
        self.assertIn("Supervisor loop: ", self._line(record, STAFF).message)
        self.assertIn("Row 2 (Pegawai): Supervisor loop: ", refusal)
        self.assertIn("Row 4 (Pegawai): Supervisor loop: the row names the employee as his own supervisor.", refusal)
        self.assertIn("Supervisor loops", record.org_chart)

    def test_supervisor_loop_through_employees_not_in_the_file(self):
        """The head would report to the second staff member, who stays (not in the file)
        below the section head, who stays below the head: a loop through the register."""
        people = [("", HEAD, "Kepala Dinas", "", "", "", "", "", "", STAFF2)]
        record, refusal = self._refused(xlsx(people))
        self.assertEqual(
            self._line(record, HEAD).message,
            f"Supervisor loop: Kepala Dinas ({HEAD}) → Staf Dua ({STAFF2}) → Kepala Dinas ({HEAD}).",
        )
        self.assertIn("Row 2 (Pegawai): Supervisor loop", refusal)

    def test_invalid_nip(self):
        people = [
            ("", "19900303201503100", "Pendek", "", "", "", "", "", "", HEAD),
            ("", "199013032015031003", "Bulan Salah", "", "", "", "", "", "", HEAD),
            ("", "199003032015033003", "Kelamin Salah", "", "", "", "", "", "", HEAD),
            ("", "", "Tanpa NIP", "", "", "", "", "", "", HEAD),
        ]
        record, refusal = self._refused(xlsx(people))
        messages = record.line_ids.sorted("row_number").mapped("message")
        self.assertEqual(messages[0], "The NIP of Pendek must be exactly 18 digits (got “19900303201503100”).")
        self.assertIn("does not start with a valid birth date", messages[1])
        self.assertIn("gender code", messages[2])
        self.assertEqual(messages[3], "The NIP is missing.")
        self.assertIn("Row 5 (Pegawai): The NIP is missing.", refusal)
        # a NIP the spreadsheet turned into a number has lost its last digits
        record, refusal = self._refused(xlsx([("", NEW, "Angka", "", "", "", "", "", "", HEAD)], number_nip=True))
        self.assertIn("stored as a number", record.line_ids.message)
        self.assertIn("Row 2 (Pegawai)", refusal)

    def test_wrong_values(self):
        people = [
            ("", STAFF, "Staf Satu", "III/f", "", "", "", "", "", ""),
            ("", STAFF2, "Staf Dua", "", "Struktural", "", "", "", "", ""),
            ("", SECTION, "Kepala Seksi", "", "Honorer", "", "", "", "", ""),
        ]
        record, refusal = self._refused(xlsx(people))
        self.assertIn("Grade “III/f” is not a known golongan", self._line(record, STAFF).message)
        self.assertIn("needs its echelon", self._line(record, STAFF2).message)
        self.assertIn("Position type “Honorer” is not known", self._line(record, SECTION).message)
        self.assertEqual(refusal.count("Row "), 3)

    def test_unit_loop(self):
        units = [("UNOR-DINKES", "Dinas Kesehatan", "UNOR-P2P"), ("UNOR-P2P", "Bidang P2P", "UNOR-DINKES")]
        record, refusal = self._refused(xlsx([("", STAFF, "Staf Satu", "", "", "", "", "", "", "")], units))
        self.assertIn("Unit loop: ", self._line(record, "UNOR-DINKES", "unit").message)
        self.assertIn("Row 3 (Unor): Unit loop", refusal)

    def test_errors_in_indonesian(self):
        """An officer working in Indonesian reads the errors in Indonesian."""
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(["hr", "kinerja_asn"], ["id_ID"], overwrite=True)
        self.user_officer.lang = "id_ID"
        officer = self.env(user=self.user_officer, context={"lang": "id_ID"})  # as his browser would
        people = [
            ("", STAFF, "Staf Satu", "", "", "", "", "", "", SECTION),
            ("", STAFF, "Staf Satu", "", "", "", "", "", "", SECTION),
        ]
        record = self._upload(xlsx(people)).with_env(officer)
        record.action_preview()
        self.assertEqual(record.line_ids[0].message, f"NIP {STAFF} muncul lebih dari sekali dalam berkas (baris 2, 3).")
        with self.assertRaisesMsg(UserError, r"Baris 2 \(Pegawai\): NIP"):
            record.action_confirm()
        wrong = self._upload(csv_file(("NAMA",), [("X",)]), "salah.csv").with_env(officer)
        with self.assertRaisesMsg(UserError, "tidak memuat kolom wajib NIP_BARU"):
            wrong.action_preview()

    # ------------------------------------------------------------------------------------
    def test_no_supervisor_is_flagged_but_not_blocking(self):
        people = [
            ("", HEAD, "Kepala Dinas", "", "", "", "", "", "", ""),
            ("", NEW, "Rina Wati", "III/a", "Fungsional", "", "Epidemiolog Ahli Pertama", "UNOR-DINKES", "", ""),
        ]
        record = self._upload(xlsx(people))
        record.with_user(self.user_officer).action_preview()
        self.assertEqual((record.warning_count, record.error_count), (1, 0))
        self.assertFalse(self._line(record, HEAD).warning, "the head of the agency (JPT) has no supervisor")
        self.assertIn("No supervisor", self._line(record, NEW).warning)
        self.assertIn("No supervisor", record.org_chart)
        self.assertEqual(
            self.env["kinerja.register.import.line"]
            .with_user(self.user_officer)
            .search([("import_id", "=", record.id), ("has_warning", "=", True)])
            .key,
            NEW,
        )
        record.with_user(self.user_officer).action_confirm()
        self.assertFalse(self.env["hr.employee"].search([("nip", "=", NEW)]).parent_id)

    def test_register_changed_since_preview(self):
        record = self._upload(self._register())
        record.with_user(self.user_officer).action_preview()
        self.emp_staff.parent_id = self.emp_head  # someone repaired his supervisor in between
        with self.assertRaisesMsg(UserError, "changed since the preview"):
            record.with_user(self.user_officer).action_confirm()
        self.assertFalse(self.env["hr.employee"].search([("nip", "=", NEW)]))
        record.with_user(self.user_officer).action_preview()
        record.with_user(self.user_officer).action_confirm()
        self.assertEqual(record.state, "done")

    def test_new_file_voids_the_preview(self):
        record = self._upload(self._register())
        record.with_user(self.user_officer).action_preview()
        record.with_user(self.user_officer).write(
            {"file": base64.b64encode(csv_file(("NIP_BARU", "NAMA"), [(STAFF, "Staf Satu")])), "file_name": "b.csv"}
        )
        self.assertEqual((record.state, record.line_ids.ids, record.create_count), ("draft", [], 0))
        with self.assertRaisesMsg(UserError, "Preview"):
            record.with_user(self.user_officer).action_confirm()

    # ------------------------------------------------------------------------------------
    # Who may import
    # ------------------------------------------------------------------------------------
    def test_officers_only(self):
        content = base64.b64encode(self._register())
        for user in (self.user_staff, self.user_head, self.user_other):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Import.with_user(user).create({"file": content, "file_name": "x.xlsx"})
        record = self._upload(self._register())
        for user in (self.user_staff, self.user_head):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    record.with_user(user).action_preview()
                with self.assertRaises(AccessError):
                    record.with_user(user).read(["state"])
        # the server-side check holds where the ACL is worked around
        with self.assertRaisesMsg(AccessError, "Only a performance officer"):
            record.with_user(self.user_staff).sudo(False)._check_officer()
        # the administrator of the module is an officer too
        record.with_user(self.user_manager).action_preview()
        self.assertEqual(record.preview_user_id, self.user_manager)
        with self.assertRaises(AccessError):
            record.with_user(self.user_staff).action_confirm()
        self.assertEqual(record.state, "previewed")
        # the menu and the screens are the officers'
        menu = self.env.ref("kinerja_asn.kinerja_register_import_menu")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(self.user_officer)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.with_user(self.user_staff)._visible_menu_ids())
        for model in ("kinerja.register.import", "kinerja.register.import.line"):
            views = self.env[model].with_user(self.user_officer).get_views([(False, "list"), (False, "form")])
            self.assertEqual(set(views["views"]), {"list", "form"})
        # another government's officer does not see it
        officer_b = self.env["res.users"].create(
            {
                "name": "Pengelola Lain",
                "login": "pengelola_lain",
                "company_id": self.company_b.id,
                "company_ids": [(6, 0, self.company_b.ids)],
                "groups_id": [(6, 0, self.env.ref("kinerja_asn.group_kinerja_officer").ids)],
            }
        )
        with self.assertRaises(AccessError):
            record.with_user(officer_b).read(["state"])
        self.assertFalse(self.Import.with_user(officer_b).search([]))
        self.assertFalse(self.env["kinerja.register.import.line"].with_user(officer_b).search([]))

    def test_workflow_fields_are_not_set_by_hand(self):
        record = self._upload(self._register())
        officer = record.with_user(self.user_officer)
        with self.assertRaises(UserError):
            officer.write({"state": "done"})
        for forged in ({"error_count": 5}, {"org_chart": "<p>forged</p>"}, {"confirm_user_id": self.user_officer.id}):
            with self.subTest(forged=forged), self.assertRaises(AccessError):
                officer.write(forged)
        with self.assertRaises(AccessError):
            self.Import.with_user(self.user_officer).create({"file_name": "x.csv", "state": "done"})
        officer.action_preview()
        line = officer.line_ids[0]
        with self.assertRaises(AccessError):
            line.write({"action": "unchanged"})
        with self.assertRaises(AccessError):
            self.env["kinerja.register.import.line"].with_user(self.user_officer).create(
                {"import_id": record.id, "record_type": "employee", "action": "create"}
            )

    # ------------------------------------------------------------------------------------
    def test_preview_queries_do_not_grow_with_the_rows(self):
        """The preview reads the register in a fixed number of queries (the inserts of its
        lines aside, one per hundred)."""

        def register(size):
            nips = [f"19900101201501{1 if index % 2 else 2}{index:03d}" for index in range(size)]
            rows = [
                (
                    "",
                    nip,
                    f"Pegawai {i}",
                    "III/a",
                    "Pelaksana",
                    "",
                    "Pengadministrasi Umum",
                    "UNOR-DINKES",
                    "",
                    SECTION if i % 2 else HEAD,
                )
                for i, nip in enumerate(nips)
            ]
            rows += [("", STAFF, "Staf Satu", "II/b", "Pelaksana", "", "", "UNOR-DINKES", "", SECTION)]
            return xlsx(rows)

        counts = []
        self._upload(register(3)).with_user(self.user_officer).action_preview()  # warm the caches
        for size in (10, 40):
            record = self._upload(register(size))
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            record.with_user(self.user_officer).action_preview()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(record.create_count, size)
        self.assertLessEqual(counts[1], counts[0], f"queries for 10 and 40 rows: {counts}")


@tagged("post_install", "-at_install")
class TestRegisterImportTour(KinerjaTourCase):
    def test_tour_review_and_apply(self):
        """In the browser, the officer reads the preview's rows and org chart, then applies."""
        env = self.env
        officer = new_test_user(
            env,
            login="tour_pengelola",
            password="tour_pengelola",
            groups="base.group_user,kinerja_asn.group_kinerja_officer",
        )
        unit = env["hr.department"].create({"name": "Dinas Kesehatan", "siasn_unor_id": "UNOR-DINKES"})
        Employee = env["hr.employee"]
        head = Employee.create({"name": "Kepala Dinas", "nip": HEAD, "department_id": unit.id, "position_type": "jpt"})
        section = Employee.create(
            {"name": "Kepala Seksi", "nip": SECTION, "parent_id": head.id, "department_id": unit.id}
        )
        staff2 = Employee.create({"name": "Staf Dua", "nip": STAFF2, "parent_id": section.id, "department_id": unit.id})
        units = [("UNOR-P2P", "Bidang P2P", "UNOR-DINKES")]
        people = [
            ("", SECTION, "Kepala Seksi", "", "", "", "", "UNOR-P2P", "", HEAD),
            ("", STAFF2, "Staf Dua", "", "", "", "", "UNOR-DINKES", "", NEW),
            ("", NEW, "Rina Wati", "III/a", "Fungsional", "", "Epidemiolog Ahli Muda", "UNOR-P2P", "", SECTION),
        ]
        record = (
            env["kinerja.register.import"]
            .with_user(officer)
            .create({"file": base64.b64encode(xlsx(people, units)), "file_name": "pegawai.xlsx"})
        )
        record.action_preview()
        self.start_tour(
            f"/odoo/kinerja-register-import/{record.id}", "kinerja_asn_register_import", login="tour_pengelola"
        )
        self.assertEqual(record.state, "done")
        self.assertEqual(staff2.parent_id.nip, NEW)
        self.assertEqual(section.department_id.name, "Bidang P2P")
