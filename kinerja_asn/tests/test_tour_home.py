from datetime import timedelta

import freezegun

from odoo import fields
from odoo.tests import freeze_time, new_test_user, tagged

from .test_tour import KinerjaTourCase


class HomeTourCase(KinerjaTourCase):
    """Dinas Tur: Kasi Tur evaluates Staf Tur (approved SKP, the first month accepted, this
    month submitted, a feedback, a coaching note and a signed evaluation) and Staf Dua (SKP
    submitted, waiting for approval); Kepala Tur heads them; Pengelola Tur is the officer."""

    def setUp(self):
        super().setUp()
        today = fields.Date.today()
        if today.month == 1:
            # The home is seen with a month begun before this one: in January there is none, so
            # the server's clock goes on from 10 February (the browser keeps its own: the home's
            # figures and states all come from the server).
            freezer = freezegun.freeze_time(today.replace(month=2, day=10), tick=True)
            freezer.start()
            self.addCleanup(freezer.stop)
        env = self.env
        self.users = {
            login: new_test_user(env, login=login, groups="base.group_user", password=login)
            for login in ("tour_kepala", "tour_kasi", "tour_staf", "tour_staf2")
        }
        self.users["tour_pengelola"] = new_test_user(
            env,
            login="tour_pengelola",
            password="tour_pengelola",
            groups="base.group_user,kinerja_asn.group_kinerja_officer",
        )
        Employee = env["hr.employee"]
        self.unit = env["hr.department"].create({"name": "Dinas Tur"})
        head = Employee.create(
            {"name": "Kepala Tur", "user_id": self.users["tour_kepala"].id, "department_id": self.unit.id}
        )
        self.unit.manager_id = head
        section = Employee.create(
            {
                "name": "Kasi Tur",
                "user_id": self.users["tour_kasi"].id,
                "parent_id": head.id,
                "department_id": self.unit.id,
            }
        )
        staff, staff2 = (
            Employee.create(
                {"name": name, "user_id": self.users[login].id, "parent_id": section.id, "department_id": self.unit.id}
            )
            for name, login in (("Staf Tur", "tour_staf"), ("Staf Dua", "tour_staf2"))
        )
        Employee.create({"name": "Pengelola Tur", "user_id": self.users["tour_pengelola"].id})
        year = env["kinerja.period"]._create_year(fields.Date.today().year, env.company)
        year.action_open()
        year.child_ids.action_open()
        self.skps = {}
        for employee in (staff, staff2):
            skp = env["kinerja.skp"].create({"employee_id": employee.id, "period_id": year.id})
            env["kinerja.skp.result"].create(
                {
                    "skp_id": skp.id,
                    "name": "Imunisasi rutin terlaksana",
                    "indicator_ids": [(0, 0, {"name": "Anak diimunisasi", "target_value": 1200, "unit_label": "anak"})],
                }
            )
            self.skps[employee.name] = skp
        skp = self.skps["Staf Tur"]
        skp.write({"state": "approved"})
        self.skps["Staf Dua"].write({"state": "submitted"})
        kasi, staf = self.users["tour_kasi"], self.users["tour_staf"]
        current = skp._current_subperiod()
        first = year.child_ids.filtered(lambda p: p != current).sorted("date_start")[0]
        Report = env["kinerja.realization"]
        # the first month, reported on time and accepted; this month, waiting for review
        with freeze_time(min(fields.Date.today(), first.date_end + timedelta(days=1))):
            report = Report.with_user(staf).create(
                {"skp_indicator_id": skp.indicator_ids.id, "period_id": first.id, "value": 100}
            )
            report.action_submit()
            report.with_user(kasi).action_accept()
        report = Report.with_user(staf).create(
            {"skp_indicator_id": skp.indicator_ids.id, "period_id": current.id, "value": 42}
        )
        report.action_submit()
        env["kinerja.feedback"].with_user(kasi).create(
            {"skp_id": skp.id, "result_id": skp.result_ids.id, "text": "Laporan imunisasi rapi"}
        )
        env["kinerja.coaching"].with_user(kasi).create(
            {"employee_id": staff.id, "coach_id": section.id, "topic": "Menyusun bukti dukung"}
        )
        evaluation = env["kinerja.evaluation"].with_user(kasi).create({"skp_id": skp.id, "period_id": first.id})
        evaluation.write({"result_rating": "meets", "behavior_rating": "meets", "override_reason": "Sesuai"})
        evaluation.action_done(force=True)
        self.assertEqual(evaluation.predicate, "good")


@tagged("post_install", "-at_install")
class TestHomeTour(HomeTourCase):
    """The home at desktop size, and the guided first steps of each role."""

    def test_tour_employee_home(self):
        staf = self.users["tour_staf"]
        self.assertFalse(staf.tour_enabled)
        self.start_tour("/odoo/kinerja", "kinerja_asn_home_employee", login="tour_staf")
        self.assertTrue(staf.kinerja_guide_done, "dismissed: not offered again")
        self.assertFalse(staf.tour_enabled, "the guide leaves Odoo's other onboarding tours off")

    def test_tour_supervisor_home(self):
        self.start_tour("/odoo/kinerja", "kinerja_asn_home_supervisor", login="tour_kasi")

    def test_tour_officer_home(self):
        self.start_tour("/odoo/kinerja", "kinerja_asn_home_officer", login="tour_pengelola")

    def test_guides_of_each_role(self):
        """The guides run through (as Odoo runs its own onboarding tours in tests): the
        employee's from a new employee without an SKP, the supervisor's, the officer's."""
        newcomer = new_test_user(self.env, login="tour_baru", groups="base.group_user", password="tour_baru")
        self.env["hr.employee"].create(
            {"name": "Pegawai Baru", "user_id": newcomer.id, "parent_id": self.skps["Staf Tur"].evaluator_id.id}
        )
        self.start_tour("/odoo/kinerja", "kinerja_asn_guide_employee", login="tour_baru")
        self.assertFalse(self.env["kinerja.skp"].search([("user_id", "=", newcomer.id)]), "the guide creates nothing")
        self.start_tour("/odoo/kinerja", "kinerja_asn_guide_supervisor", login="tour_kasi")
        self.assertEqual(self.skps["Staf Dua"].state, "submitted", "the guide shows, the supervisor decides")
        self.start_tour("/odoo/kinerja", "kinerja_asn_guide_officer", login="tour_pengelola")


@tagged("post_install", "-at_install")
class TestHomePhoneTour(HomeTourCase):
    """The home on a phone: 390 px wide, touch; no horizontal scrolling, big buttons."""

    browser_size = "390x844"
    touch_enabled = True

    def test_tour_employee_home_on_a_phone(self):
        self.start_tour("/odoo/kinerja", "kinerja_asn_home_employee_phone", login="tour_staf")
        self.assertTrue(self.users["tour_staf"].kinerja_guide_done)

    def test_tour_supervisor_home_on_a_phone(self):
        self.start_tour("/odoo/kinerja", "kinerja_asn_home_supervisor_phone", login="tour_kasi")

    def test_guide_on_a_phone(self):
        self.start_tour("/odoo/kinerja", "kinerja_asn_guide_supervisor", login="tour_kasi")
