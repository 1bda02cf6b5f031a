from contextlib import contextmanager

from odoo.tests import TransactionCase, new_test_user


class KinerjaCase(TransactionCase):
    """Two agencies with a small hierarchy each, and users for every role.

    Agency A: head -> section head -> two staff; plus an officer and an administrator.
    Agency B: one employee with his user, to prove agencies never see each other.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Pemerintah Kota Lain"})

        def user(login, company=None, groups="base.group_user"):
            company = company or cls.company_a
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
            )

        cls.user_head = user("kepala")
        cls.user_section = user("kasi")
        cls.user_staff = user("staf")
        cls.user_staff2 = user("staf2")
        cls.user_officer = user("pengelola", groups="base.group_user,kinerja_asn.group_kinerja_officer")
        cls.user_manager = user("admin_kinerja", groups="base.group_user,kinerja_asn.group_kinerja_manager")
        cls.user_other = user("lain", company=cls.company_b)

        Employee = cls.env["hr.employee"]
        cls.dept = cls.env["hr.department"].create({"name": "Dinas Kesehatan", "company_id": cls.company_a.id})
        cls.emp_head = Employee.create(
            {
                "name": "Kepala Dinas",
                "user_id": cls.user_head.id,
                "department_id": cls.dept.id,
                "position_type": "jpt",
                "nip": "197501012000031001",
            }
        )
        cls.emp_section = Employee.create(
            {
                "name": "Kepala Seksi",
                "user_id": cls.user_section.id,
                "parent_id": cls.emp_head.id,
                "department_id": cls.dept.id,
                "position_type": "supervisor",
                "nip": "198002022005012002",
            }
        )
        cls.emp_staff = Employee.create(
            {
                "name": "Staf Satu",
                "user_id": cls.user_staff.id,
                "parent_id": cls.emp_section.id,
                "department_id": cls.dept.id,
                "position_type": "executor",
                "nip": "199003032015031003",
            }
        )
        cls.emp_staff2 = Employee.create(
            {
                "name": "Staf Dua",
                "user_id": cls.user_staff2.id,
                "parent_id": cls.emp_section.id,
                "department_id": cls.dept.id,
                "position_type": "functional",
                "functional_level": "terampil",
                "nip": "199104042016042004",
            }
        )
        cls.emp_officer = Employee.create({"name": "Pengelola Kinerja", "user_id": cls.user_officer.id})
        cls.emp_other = Employee.create(
            {
                "name": "Pegawai Lain",
                "user_id": cls.user_other.id,
                "company_id": cls.company_b.id,
                "nip": "198505052010011005",
            }
        )

    @contextmanager
    def assertRaisesMsg(self, exception, pattern):
        """assertRaisesRegex that rolls back what the failing call wrote, as a request would."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)
