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
