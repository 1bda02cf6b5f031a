from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestEmployee(KinerjaCase):
    def test_nip_valid_is_normalised(self):
        employee = self.env["hr.employee"].create({"name": "Baru", "nip": "1992 0505 201801 1 007"})
        self.assertEqual(employee.nip, "199205052018011007")

    def test_nip_wrong_length_or_letters(self):
        for nip in ("12345", "19920505201801100A", "1992050520180110071"):
            with self.subTest(nip=nip), self.assertRaisesMsg(ValidationError, "18 digits"):
                self.env["hr.employee"].create({"name": "Salah", "nip": nip})
        self.assertFalse(self.env["hr.employee"].search([("name", "=", "Salah")]))

    def test_nip_birth_date_and_gender(self):
        with self.assertRaisesMsg(ValidationError, "birth date"):
            self.env["hr.employee"].create({"name": "Salah", "nip": "199213452018011007"})
        with self.assertRaisesMsg(ValidationError, "gender"):
            self.env["hr.employee"].create({"name": "Salah", "nip": "199205052018013007"})

    def test_nip_unique_per_company(self):
        # Same NIP in another company is allowed (transfers between governments happen)...
        self.env["hr.employee"].create({"name": "Pindahan", "nip": self.emp_staff.nip, "company_id": self.company_b.id})
        # ...but not twice in one company.
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env["hr.employee"].create({"name": "Kembar", "nip": self.emp_staff.nip})

    def test_nip_on_form_rejected_before_save(self):
        form = Form(self.env["hr.employee"])
        form.name = "Form"
        form.nip = "123"
        with self.assertRaises(ValidationError):
            form.save()

    def test_public_fields_readable_by_colleague(self):
        """Colleagues read NIP, rank and position through hr.employee.public only."""
        self.emp_section.write({"rank": "iii_d"})
        self.env.flush_all()  # hr.employee.public is a SQL view over hr.employee
        public = self.env["hr.employee.public"].with_user(self.user_staff).browse(self.emp_section.id)
        self.assertEqual(public.nip, self.emp_section.nip)
        self.assertEqual(public.rank, "iii_d")
        self.assertEqual(public.position_type, "supervisor")
        # The private employee record stays out of reach of an ordinary colleague.
        with self.assertRaises(AccessError):
            self.env["hr.employee"].with_user(self.user_staff).browse(self.emp_staff2.id).read(["private_phone"])

    def test_colleague_reads_every_employee_field(self):
        """Odoo reads the employees of a non-HR user through hr.employee.public: every field
        the addon adds to hr.employee must exist there (hr's test_employee_fields_groups)."""
        year = self.env["kinerja.period"]._create_year(2026, self.company_a, subperiods=False)
        skp = self.env["kinerja.skp"].create({"employee_id": self.emp_staff.id, "period_id": year.id})
        self.env.flush_all()
        employees = self.env["hr.employee"].with_user(self.user_staff2).search([])
        self.assertIn(self.emp_staff, employees)
        values = {row["id"]: row for row in employees.read([])}
        self.assertIn("skp_count", values[self.emp_staff.id])
        # The counts follow the SKP record rules: the manager counts his subordinate's SKP,
        # a colleague at the same level does not.
        self.assertEqual(values[self.emp_staff.id]["skp_count"], 0)
        self.assertFalse(values[self.emp_staff.id]["skp_ids"])
        self.env.invalidate_all()  # another user, another request
        section_view = self.env["hr.employee"].with_user(self.user_section).browse(self.emp_staff.id)
        self.assertEqual(section_view.skp_count, 1)
        public = self.env["hr.employee.public"].with_user(self.user_section).browse(self.emp_staff.id)
        self.assertEqual(public.skp_ids, skp)
        self.assertEqual(public.action_open_skp()["domain"], [("employee_id", "=", self.emp_staff.id)])

    def _path(self, *employees):
        return "".join(f"{employee.id}/" for employee in employees)

    def test_own_manager_is_not_a_recursion(self):
        """Odoo's HR lets a department head become his own manager (moving him into the
        department he manages does it): his path simply starts with him."""
        self.dept.manager_id = self.emp_section
        self.emp_section.write({"parent_id": self.emp_section.id})
        self.assertEqual(self.emp_section.parent_id, self.emp_section)
        self.assertEqual(self.emp_section.parent_path, self._path(self.emp_section))
        self.assertEqual(self.emp_staff.parent_path, self._path(self.emp_section, self.emp_staff))
        # His subordinates are still below him for the record rules, his former manager's not.
        Employee = self.env["hr.employee"]
        self.assertEqual(
            Employee.search([("id", "child_of", self.emp_section.id)]),
            self.emp_section | self.emp_staff | self.emp_staff2,
        )
        self.assertNotIn(self.emp_section, Employee.search([("id", "child_of", self.emp_head.id)]))

    def test_department_change_onto_own_department(self):
        """hr_org_chart's test_employee_deletion: the form computes him as his own manager."""
        other = self.env["hr.department"].create({"name": "Dinas Pendidikan", "manager_id": self.emp_staff.id})
        with Form(self.emp_staff) as form:
            form.department_id = other
        self.assertEqual(self.emp_staff.parent_id, self.emp_staff)
        self.assertEqual(self.emp_staff.parent_path, self._path(self.emp_staff))

    def test_manager_loop_keeps_paths(self):
        """A loop of managers (head reports to his own staff) leaves out its closing link."""
        self.emp_head.write({"parent_id": self.emp_staff.id})
        self.assertEqual(self.emp_head.parent_path, self._path(self.emp_head))
        self.assertEqual(self.emp_staff.parent_path, self._path(self.emp_head, self.emp_section, self.emp_staff))
        # Breaking the loop again puts the head below nobody, the rest below him as before.
        self.emp_head.write({"parent_id": False})
        self.assertEqual(self.emp_staff2.parent_path, self._path(self.emp_head, self.emp_section, self.emp_staff2))
        # A batch moving a manager below his subordinate while the subordinate moves too.
        (self.emp_section | self.emp_officer).write({"parent_id": self.emp_staff2.id})
        self.assertEqual(self.emp_section.parent_path, self._path(self.emp_section))
        self.assertEqual(self.emp_officer.parent_path, self._path(self.emp_section, self.emp_staff2, self.emp_officer))
        self.assertEqual(self.emp_head.parent_path, self._path(self.emp_head))

    def test_paths_computed_from_scratch_with_loops(self):
        """At installation the ORM leaves employees on or below a loop without a path (and
        child_of would crash on them): the lowest id of each loop heads it."""
        Employee = self.env["hr.employee"]
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_employee SET parent_id = %s WHERE id = %s", (self.emp_staff.id, self.emp_head.id)
        )
        self.env.cr.execute("UPDATE hr_employee SET parent_id = id WHERE id = %s", (self.emp_officer.id,))
        Employee.invalidate_model()
        Employee._parent_store_compute()
        self.assertEqual(self.emp_head.parent_path, self._path(self.emp_head))
        self.assertEqual(self.emp_staff.parent_path, self._path(self.emp_head, self.emp_section, self.emp_staff))
        self.assertEqual(self.emp_staff2.parent_path, self._path(self.emp_head, self.emp_section, self.emp_staff2))
        self.assertEqual(self.emp_officer.parent_path, self._path(self.emp_officer))
        self.env.cr.execute("SELECT count(*) FROM hr_employee WHERE parent_path IS NULL")
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        self.assertEqual(
            Employee.search([("id", "child_of", self.emp_section.id)]),
            self.emp_section | self.emp_staff | self.emp_staff2,
        )
