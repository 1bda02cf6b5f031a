import json
import logging

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import html2plaintext

from .test_evaluation import EvaluationCase
from .test_realization import YEAR

SIZES = (3, 6)
_logger = logging.getLogger(__name__)


def _specs(data):
    """Every 'open the records behind it' description in the home's data."""
    if isinstance(data, dict):
        if "xmlid" in data or "method" in data:
            yield data
            return
        for value in data.values():
            yield from _specs(value)
    elif isinstance(data, list):
        for value in data:
            yield from _specs(value)


@tagged("post_install", "-at_install")
@freeze_time(f"{YEAR}-03-15")
class TestHome(EvaluationCase):
    """The home's read methods: what each role sees, under his own rights, and that every
    number is the count of the records it opens."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Home = cls.env["kinerja.home"]

    def _home(self, user):
        data = self.Home.with_user(user).get_home_data()
        json.dumps(data)  # what the web client receives: plain values only
        return data

    def assertOpens(self, user, spec, count):
        """``spec`` opens ``count`` records for ``user`` (its domain, under his rules)."""
        action = self.env.ref(spec["xmlid"])
        self.assertIn(action._name, ("ir.actions.act_window", "ir.actions.server"))
        records = self.env[action.res_model].with_user(user).search(spec["domain"])
        self.assertEqual(len(records), count, spec)
        return records

    # ------------------------------------------------------------------------------------
    # The employee
    # ------------------------------------------------------------------------------------
    def test_employee_sees_his_skp_and_this_period(self):
        data = self._home(self.user_staff)
        self.assertEqual(data["guides"], ["employee"], "no team, no agency: the employee's guide only")
        self.assertFalse(data["evaluator"])
        self.assertFalse(data["officer"])
        employee = data["employee"]
        self.assertEqual(employee["name"], "Staf Satu")
        skp = employee["skp"]
        self.assertEqual((skp["id"], skp["state"]), (self.skp_staff.id, "approved"))
        self.assertEqual(skp["evaluator"], "Kepala Seksi")
        self.assertEqual((skp["result_count"], skp["indicator_count"]), (1, 1))
        self.assertFalse(skp["action"], "the report card reports: the SKP card opens the SKP")
        self.assertEqual(skp["open"]["res_id"], self.skp_staff.id)
        report = employee["report"]
        self.assertEqual(
            report["action"],
            {
                "model": "kinerja.skp",
                "method": "action_report_realization",
                "res_ids": [self.skp_staff.id],
                "name": False,
            },
        )
        self.assertEqual(report["period"], self.month[3].name)
        self.assertEqual((report["indicator_count"], report["missing"], report["reported"]), (1, 1, 0))
        self.assertEqual(report["deadline"], str(self.month[3].report_deadline))
        self.assertGreater(report["days_left"], 0)
        self.assertFalse(report["overdue"])
        # January and February were never reported: the last period due (February) is missing
        self.assertEqual(report["missing_before"], 1)
        self.assertOpens(self.user_staff, report["missing_before_action"], 1)

        self._report(self.ind_staff, 3, 9)
        report = self._home(self.user_staff)["employee"]["report"]
        self.assertEqual((report["missing"], report["submitted"], report["accepted"]), (0, 1, 0))
        self.assertOpens(self.user_staff, report["submitted_action"], 1)
        # the report button opens this period's entry grid, as the SKP's own button does
        action = self.skp_staff.with_user(self.user_staff).action_report_realization()
        self.assertEqual(action["domain"], [("skp_id", "=", self.skp_staff.id), ("period_id", "=", self.month[3].id)])

    def test_employee_steps_follow_his_skp(self):
        user = new_test_user(self.env, login="baru", name="Pegawai Baru")
        employee = self.env["hr.employee"].create(
            {
                "name": "Pegawai Baru",
                "user_id": user.id,
                "parent_id": self.emp_section.id,
                "department_id": self.dept.id,
            }
        )
        skp = self._home(user)["employee"]["skp"]
        self.assertEqual(skp["state"], "none")
        self.assertFalse(skp["action"])
        self.assertEqual(skp["open"]["view"], "form")
        self.assertEqual(skp["open"]["context"], {"default_period_id": self.year.id})
        self.assertIn(self.year.name, skp["step"])

        mine = self.env["kinerja.skp"].with_user(user).create({"employee_id": employee.id, "period_id": self.year.id})
        card = self._home(user)["employee"]["skp"]
        self.assertEqual((card["id"], card["state"]), (mine.id, "draft"))
        self.assertIn("Add your work results", card["step"])
        self.assertEqual(card["open"]["res_id"], mine.id)
        self.assertFalse(self._home(user)["employee"]["report"], "no approved SKP, nothing to report yet")

        self.env["kinerja.skp.result"].with_user(user).create(
            {
                "skp_id": mine.id,
                "name": "Laporan tersusun",
                "parent_result_id": self.rhk_section.id,
                "indicator_ids": [(0, 0, {"name": "Laporan", "target_value": 12, "unit_label": "laporan"})],
            }
        )
        mine.with_user(user).action_submit()
        card = self._home(user)["employee"]["skp"]
        self.assertEqual(card["state"], "submitted")
        self.assertIn("Kepala Seksi", card["step"])
        mine.with_user(self.user_section).action_return(reason="Target terlalu rendah")
        card = self._home(user)["employee"]["skp"]
        self.assertEqual(card["return_reason"], "Target terlalu rendah")
        self.assertIn("Returned by Kepala Seksi", card["step"])

    def test_feedback_coaching_and_predicates_received(self):
        self.env["kinerja.feedback"].with_user(self.user_section).create(
            {"skp_id": self.skp_staff.id, "result_id": self.rhk_staff.id, "text": "Laporan rapi"}
        )
        self.env["kinerja.feedback"].with_user(self.user_section).create(
            {"skp_id": self.skp_staff2.id, "result_id": self.rhk_staff2.id, "text": "Untuk Staf Dua"}
        )
        self.env["kinerja.coaching"].with_user(self.user_section).create(
            {"employee_id": self.emp_staff.id, "coach_id": self.emp_section.id, "topic": "Menyusun bukti dukung"}
        )
        signed = self._signed(month=1, result="above", behavior="above")
        self._evaluation(month=2)  # a draft: not his to see
        data = self._home(self.user_staff)["employee"]
        self.assertEqual(data["feedback"]["count"], 1)
        self.assertEqual(data["feedback"]["items"][0]["text"], "Laporan rapi")
        self.assertEqual(data["feedback"]["items"][0]["author"], self.user_section.name)
        self.assertOpens(self.user_staff, data["feedback"]["action"], 1)
        self.assertEqual(data["coaching"]["count"], 1)
        self.assertEqual(data["coaching"]["items"][0]["coach"], "Kepala Seksi")
        self.assertOpens(self.user_staff, data["coaching"]["action"], 1)
        predicates = data["predicates"]
        self.assertEqual(predicates["count"], 1, "the draft evaluation is not shown")
        self.assertEqual(predicates["items"][0]["id"], signed.id)
        self.assertEqual(predicates["items"][0]["predicate"], "very_good")
        self.assertTrue(predicates["items"][0]["objection_deadline"], "within the objection period")
        self.assertOpens(self.user_staff, predicates["action"], 1)
        self.assertNotIn("Untuk Staf Dua", json.dumps(data), "another employee's feedback is never shown")

    def test_progress_chart_cumulative_against_target(self):
        self._accepted(self.ind_staff, 1, 10)
        self._report(self.ind_staff, 2, 20)
        [chart] = self._home(self.user_staff)["employee"]["progress"]
        self.assertEqual(chart["id"], self.ind_staff.id)
        self.assertEqual(len(chart["labels"]), 12)
        self.assertEqual(chart["realized"][:4], [10, 30, 30, None], "cumulative to today, nothing ahead")
        self.assertEqual(chart["target_line"][:3], [10, 20, 30], "120 a year, due month by month")
        self.assertEqual(chart["target_line"][-1], 120)
        self.assertEqual(chart["pending"][:3], [False, True, False], "February waits for review")
        self.assertEqual(chart["realized_last"], 30)
        self.assertOpens(self.user_staff, chart["action"], 2)

    # ------------------------------------------------------------------------------------
    # The supervisor
    # ------------------------------------------------------------------------------------
    def _newcomer(self, name="Staf Baru"):
        employee = self.env["hr.employee"].create(
            {"name": name, "parent_id": self.emp_section.id, "department_id": self.dept.id}
        )
        skp = self.env["kinerja.skp"].create({"employee_id": employee.id, "period_id": self.year.id})
        self.env["kinerja.skp.result"].create(
            {
                "skp_id": skp.id,
                "name": "Hasil kerja",
                "parent_result_id": self.rhk_section.id,
                "indicator_ids": [(0, 0, {"name": "Laporan", "target_value": 12, "unit_label": "laporan"})],
            }
        )
        skp.sudo().action_submit()
        return skp

    def test_supervisor_sees_what_waits_for_him(self):
        self._newcomer()
        self._report(self.ind_staff, 3, 9)
        self._report(self.skp_staff2.indicator_ids, 3, 4)
        evaluation = self._signed(month=1)
        self._evaluation(self.skp_staff2, month=1)
        self.env["kinerja.objection"].with_user(self.user_staff).create(
            {"evaluation_id": evaluation.id, "reason": "Bukti sudah lengkap"}
        )
        data = self._home(self.user_section)
        self.assertEqual(data["guides"], ["employee", "supervisor"])
        counters = {counter["key"]: counter for counter in data["evaluator"]["counters"]}
        expected = {"to_approve": 1, "to_review": 2, "to_sign": 1, "to_decide": 0}
        self.assertEqual({key: counter["count"] for key, counter in counters.items()}, expected)
        for key, count in expected.items():
            self.assertOpens(self.user_section, counters[key]["action"], count)
        # the objection is decided by the evaluator's supervisor: the head
        head = {c["key"]: c["count"] for c in self._home(self.user_head)["evaluator"]["counters"]}
        self.assertEqual(head, {"to_approve": 0, "to_review": 0, "to_sign": 0, "to_decide": 1})
        self.assertEqual(data["evaluator"]["team_count"], 3, "two staff and the newcomer")
        self.assertEqual(data["evaluator"]["without_plan"], 1, "the newcomer's SKP waits for approval")
        self.assertOpens(self.user_section, data["evaluator"]["without_plan_action"], 1)

    def test_team_grid_people_by_period(self):
        with freeze_time(f"{YEAR}-02-03"):
            self._accepted(self.ind_staff, 1, 10)
        with freeze_time(f"{YEAR}-03-10"):
            self._report(self.ind_staff, 2, 10)  # after February's deadline
        self._report(self.skp_staff2.indicator_ids, 3, 4)
        grid = self._home(self.user_section)["evaluator"]["grid"]
        self.assertEqual(len(grid["periods"]), 3, "January to March: the periods started so far")
        rows = {row["employee"]: row for row in grid["rows"]}
        self.assertEqual(set(rows), {"Staf Satu", "Staf Dua"}, "the people he evaluates, not himself or his head")
        staff = [cell["state"] for cell in rows["Staf Satu"]["cells"]]
        staff2 = [cell["state"] for cell in rows["Staf Dua"]["cells"]]
        self.assertEqual(staff, ["accepted", "late", "open"])
        self.assertEqual(staff2, ["missing", "missing", "reported"])
        legend = {item["state"]: item["count"] for item in grid["legend"]}
        self.assertEqual(legend, {"accepted": 1, "reported": 1, "late": 1, "missing": 2, "open": 1})
        self.assertOpens(self.user_section, rows["Staf Satu"]["cells"][0]["action"], 1)
        missing = rows["Staf Dua"]["cells"][0]["action"]
        self.assertEqual(missing["xmlid"], "kinerja_asn.kinerja_skp_indicator_action_team")
        self.assertOpens(self.user_section, missing, 1)
        # the head evaluates the section head only
        head_rows = self._home(self.user_head)["evaluator"]["grid"]["rows"]
        self.assertEqual([row["employee"] for row in head_rows], ["Kepala Seksi"])

    def test_team_predicates_against_the_distribution(self):
        self.env["kinerja.org.rating"].create(
            {"department_id": self.dept.id, "period_id": self.month[1].id, "rating": "good"}
        )
        self._signed(month=1, result="above", behavior="above")
        self._signed(self.skp_staff2, month=1, result="above", behavior="above")
        predicates = self._home(self.user_section)["evaluator"]["predicates"]
        self.assertEqual(predicates["period"], self.month[1].name)
        self.assertEqual(predicates["total"], 2)
        self.assertEqual(predicates["unit"], "Dinas Kesehatan")
        self.assertEqual(predicates["org_rating"], "Good")
        bars = {bar["key"]: bar for bar in predicates["bars"]}
        self.assertEqual((bars["very_good"]["count"], bars["very_good"]["percent"]), (2, 100))
        self.assertEqual(bars["good"]["max"], 70, "Good: at most 70 % Good")
        self.assertOpens(self.user_section, bars["very_good"]["action"], 2)
        self.assertOpens(self.user_section, predicates["action"], 2)
        self.assertTrue(predicates["rules"], "the unit's rules are listed")
        self.assertFalse(self._home(self.user_staff)["evaluator"], "an employee without a team has no such part")

    # ------------------------------------------------------------------------------------
    # The officer, and other agencies
    # ------------------------------------------------------------------------------------
    def test_officer_sees_his_agency_by_unit(self):
        self._newcomer()
        data = self._home(self.user_officer)
        self.assertIn("officer", data["guides"])
        officer = data["officer"]
        setup = {item["key"]: item for item in officer["setup"]}
        self.assertTrue(setup["year"]["done"])
        self.assertTrue(setup["indicators"]["done"])
        self.assertIn("12", setup["year"]["detail"])
        units = {row["name"]: row for row in officer["units"]["rows"]}
        self.assertEqual(
            set(units), set(self.env["hr.department"].search([("company_id", "=", self.company_a.id)]).mapped("name"))
        )
        unit = units["Dinas Kesehatan"]
        self.assertEqual((unit["skp_count"], unit["approved"], unit["to_approve"]), (5, 4, 1))
        # the overview's buttons open the records behind the figures
        for key, method, count in (
            ("to_approve_action", "action_kinerja_open_skps_to_approve", 1),
            ("skps_action", "action_kinerja_open_skps", 5),
        ):
            self.assertEqual(unit[key]["method"], method)
            action = self.dept.with_user(self.user_officer).browse(unit["id"]).__getattribute__(method)()
            self.assertEqual(self.env["kinerja.skp"].with_user(self.user_officer).search_count(action["domain"]), count)
        self.assertFalse(self._home(self.user_staff)["officer"], "only officers see the agency")

    def test_another_agency_sees_nothing(self):
        self._report(self.ind_staff, 3, 9)
        data = self._home(self.user_other)
        self.assertEqual(data["employee"]["skp"]["state"], "none")
        self.assertFalse(data["employee"]["report"])
        self.assertFalse(data["evaluator"])
        self.assertFalse(data["officer"])
        officer_b = new_test_user(
            self.env,
            login="pengelola_b",
            groups="base.group_user,kinerja_asn.group_kinerja_officer",
            company_id=self.company_b.id,
            company_ids=[(6, 0, self.company_b.ids)],
        )
        data_b = self._home(officer_b)
        self.assertEqual(data_b["officer"]["units"]["rows"], [])
        text = json.dumps(data) + json.dumps(data_b)
        for name in ("Dinas Kesehatan", "Staf Satu", "Kepala Seksi", self.month[3].name):
            self.assertNotIn(name, text)

    def test_every_number_opens_records_the_user_may_read(self):
        self._newcomer()
        self._report(self.ind_staff, 3, 9)
        self._signed(month=1)
        for user in (self.user_staff, self.user_section, self.user_head, self.user_officer):
            for spec in _specs(self._home(user)):
                if "xmlid" in spec:
                    action = self.env.ref(spec["xmlid"])
                    if spec["domain"]:
                        self.env[action.res_model].with_user(user).search(spec["domain"])
                    if spec["res_id"]:
                        self.env[action.res_model].with_user(user).browse(spec["res_id"]).check_access("read")
                else:
                    result = getattr(self.env[spec["model"]].with_user(user).browse(spec["res_ids"]), spec["method"])()
                    self.assertEqual(result["type"], "ir.actions.act_window", spec)

    # ------------------------------------------------------------------------------------
    # The guide's offer, and the cost of the home
    # ------------------------------------------------------------------------------------
    def test_guide_offered_until_dismissed(self):
        self.assertTrue(self._home(self.user_staff)["guide_offered"])
        self.Home.with_user(self.user_staff).action_dismiss_guide()
        self.assertTrue(self.user_staff.kinerja_guide_done)
        self.assertFalse(self._home(self.user_staff)["guide_offered"])
        self.assertTrue(self._home(self.user_staff2)["guide_offered"], "per user")
        with self.assertRaises(AccessError):
            self.user_staff2.with_user(self.user_staff).write({"kinerja_guide_done": True})

    def _queries(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = function()
        return self.env.cr.sql_log_count - before, result

    def test_queries_flat_in_team_size(self):
        """The supervisor's home costs as many queries for a team of 6 as for one of 3."""
        self._signed(month=1)
        self.Home.with_user(self.user_section).get_home_data()  # caches warm
        counts = []
        for size in SIZES:
            employees = self.env["hr.employee"].create(
                [
                    {"name": f"Tim {size}-{index}", "parent_id": self.emp_section.id, "department_id": self.dept.id}
                    for index in range(size)
                ]
            )
            skps = self.env["kinerja.skp"]
            for employee in employees:
                skps |= self._approved_skp(employee, parent=self.rhk_section, target=120)[0]
            self.Report.sudo().create(
                [
                    {"skp_indicator_id": indicator.id, "period_id": self.month[1].id, "value": 10, "state": "submitted"}
                    for indicator in skps.indicator_ids
                ]
            )
            self.Evaluation._prepare(self.month[2], skps)
            count, data = self._queries(lambda: self.Home.with_user(self.user_section).get_home_data())
            counts.append(count)
            self.assertEqual(len(data["evaluator"]["grid"]["rows"]), 2 + sum(SIZES[: SIZES.index(size) + 1]))
        _logger.info("home queries for %s: %s", SIZES, counts)
        self.assertLessEqual(counts[1], counts[0], f"queries for {SIZES}: {counts}")

    def test_officer_queries_flat_in_units(self):
        start = len(self.Home.with_user(self.user_officer).get_home_data()["officer"]["units"]["rows"])
        counts = []
        for size in SIZES:
            units = self.env["hr.department"].create([{"name": f"Bidang {size}-{i}"} for i in range(size)])
            for unit in units:
                employee = self.env["hr.employee"].create({"name": f"Pegawai {unit.name}", "department_id": unit.id})
                self._approved_skp(employee, target=10)
            count, data = self._queries(lambda: self.Home.with_user(self.user_officer).get_home_data())
            counts.append(count)
            self.assertEqual(len(data["officer"]["units"]["rows"]), start + sum(SIZES[: SIZES.index(size) + 1]))
        _logger.info("home queries for %s: %s", SIZES, counts)
        self.assertLessEqual(counts[1], counts[0], f"queries for {SIZES}: {counts}")

    def test_every_window_action_has_an_empty_state_help(self):
        """Every screen of the addon says, when empty, what it is for and what to do first."""
        data = self.env["ir.model.data"].search(
            [("module", "=", "kinerja_asn"), ("model", "=", "ir.actions.act_window")]
        )
        actions = self.env["ir.actions.act_window"].browse(data.mapped("res_id"))
        screens = actions.filtered(lambda a: a.target != "new" and a.res_model != "res.config.settings")
        self.assertGreater(len(screens), 20)
        for action in screens:
            with self.subTest(action=action.name):
                self.assertIn("o_view_nocontent_smiling_face", action.help or "")
                self.assertGreater(len(html2plaintext(action.help).split()), 8, "what it is for, what to do first")
