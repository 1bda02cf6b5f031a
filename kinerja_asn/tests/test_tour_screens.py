from datetime import date

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .test_tour import KinerjaTourCase, _realisation_team


class ScreensTourCase(KinerjaTourCase):
    """A work unit for the screens: Kepala Tur heads Dinas Tur (a senior executive, JPT),
    Kasi Tur works under him, and Pengelola Tur is its performance officer."""

    def setUp(self):
        super().setUp()
        env = self.env
        self.users = {
            login: new_test_user(env, login=login, groups="base.group_user", password=login)
            for login in ("tour_kepala", "tour_kasi", "tour_staf")
        }
        self.users["tour_pengelola"] = new_test_user(
            env,
            login="tour_pengelola",
            password="tour_pengelola",
            groups="base.group_user,kinerja_asn.group_kinerja_officer",
        )
        Employee = env["hr.employee"]
        self.unit = env["hr.department"].create({"name": "Dinas Tur"})
        self.head = Employee.create(
            {
                "name": "Kepala Tur",
                "user_id": self.users["tour_kepala"].id,
                "department_id": self.unit.id,
                "position_type": "jpt",
            }
        )
        self.unit.manager_id = self.head
        self.section = Employee.create(
            {
                "name": "Kasi Tur",
                "user_id": self.users["tour_kasi"].id,
                "parent_id": self.head.id,
                "department_id": self.unit.id,
            }
        )
        self.year = env["kinerja.period"]._create_year(fields.Date.today().year, env.company)
        self.library = env["kinerja.indicator"].create(
            {
                "name": "Cakupan imunisasi dasar lengkap",
                "code": "TOUR-IDL",
                "aspect": "quantity",
                "unit_label": "%",
                "direction": "higher",
                "aggregation": "average",
            }
        )
        self.goal = env["kinerja.goal"].create(
            {"name": "Pariaman Sehat", "code": "PS-01", "department_id": self.unit.id, "period_id": self.year.id}
        )

    def _submitted_section_skp(self):
        """The SKP of Kasi Tur, supporting the approved SKP of Kepala Tur, waiting for him."""
        Skp, Result = self.env["kinerja.skp"], self.env["kinerja.skp.result"]
        head_skp = Skp.create({"employee_id": self.head.id, "period_id": self.year.id, "state": "approved"})
        indicators = [(0, 0, {"name": "Anak diimunisasi", "target_value": 1200, "unit_label": "anak"})]
        parent = Result.create(
            {
                "skp_id": head_skp.id,
                "name": "Imunisasi rutin terlaksana",
                "goal_id": self.goal.id,
                "indicator_ids": indicators,
            }
        )
        skp = Skp.create({"employee_id": self.section.id, "period_id": self.year.id})
        Result.create(
            {
                "skp_id": skp.id,
                "name": "Imunisasi di puskesmas",
                "parent_result_id": parent.id,
                "indicator_ids": indicators,
            }
        )
        skp.with_user(self.users["tour_kasi"]).action_submit()
        return skp


@tagged("post_install", "-at_install")
class TestSkpScreensTour(ScreensTourCase):
    def test_tour_unit_head_plans_qualitatively(self):
        """The unit head switches his SKP to the qualitative approach, adds a result with its
        perspective and organisation goal, an indicator picked from the library with an
        expectation in words, its direction and aggregation, and writes the annex."""
        skp = self.env["kinerja.skp"].create({"employee_id": self.head.id, "period_id": self.year.id})
        self.assertTrue(skp.is_unit_head)
        self.start_tour("/odoo/kinerja-my-skp", "kinerja_asn_screens_result", login="tour_kepala")
        self.assertEqual(skp.approach, "qualitative")
        result = skp.result_ids
        self.assertEqual(len(result), 1)
        self.assertEqual(result.name, "Meningkatnya derajat kesehatan masyarakat")
        self.assertEqual((result.perspective, result.goal_id), ("internal_process", self.goal))
        self.assertEqual(result.root_goal_id, self.goal)
        indicator = result.indicator_ids
        self.assertEqual(len(indicator), 1)
        self.assertEqual(
            indicator.read(["indicator_id", "name", "aspect", "target_text", "direction", "aggregation"])[0],
            {
                "id": indicator.id,
                "indicator_id": (self.library.id, self.library.display_name),
                "name": "Imunisasi dasar lengkap merata di semua kelurahan",
                "aspect": "quality",
                "target_text": "Tidak ada kelurahan dengan cakupan di bawah 90 %",
                "direction": "lower",
                "aggregation": "last",
            },
        )
        self.assertEqual(indicator.unit_label, "%", "the unit comes from the library indicator")
        annex = {line.annex_type: line.description for line in skp.annex_ids}
        self.assertEqual(
            annex,
            {
                "resources": "Dua vaksinator per puskesmas",
                "accountability": "Laporan bulanan ke Bupati",
                "consequences": "Teguran tertulis bila target tidak tercapai",
            },
        )

    def test_tour_supervisor_writes_expectations(self):
        """While the SKP of Kasi Tur waits for him, Kepala Tur writes his specific expectation
        for two core values in the SKP form."""
        skp = self._submitted_section_skp()
        self.assertEqual((skp.state, skp.evaluator_id), ("submitted", self.head))
        self.start_tour("/odoo/kinerja-skp-to-approve", "kinerja_asn_screens_expectations", login="tour_kepala")
        expectations = {line.core_value_id.code: line.expectation for line in skp.behavior_ids}
        self.assertEqual(expectations["BO"], "Ramah kepada orang tua balita")
        self.assertEqual(expectations["KL"], "Bekerja sama dengan kader posyandu")
        self.assertEqual(sum(1 for text in expectations.values() if text), 2)
        self.assertEqual(skp.state, "submitted", "writing expectations does not approve")

    def test_form_expectation_while_submitted(self):
        """The evaluator's expectation saved through the SKP form (as the web client does)."""
        skp = self._submitted_section_skp()
        with Form(skp.with_user(self.users["tour_kepala"])) as form, form.behavior_ids.edit(0) as line:
            line.expectation = "Ramah kepada orang tua balita"
        self.assertEqual(skp.behavior_ids.sorted("sequence")[0].expectation, "Ramah kepada orang tua balita")
        with self.assertRaises(UserError), Form(skp.with_user(self.users["tour_kasi"])) as form:
            with form.behavior_ids.edit(1) as line:
                line.expectation = "Saya ubah sendiri"
        self.assertFalse(skp.behavior_ids.sorted("sequence")[1].expectation)
        # the lines themselves stay fixed while submitted: no one adds or removes a value
        lines = skp.behavior_ids
        extra = self.env["kinerja.core.value"].create({"code": "TUR", "name": "Nilai Tur"})
        for login in ("tour_kasi", "tour_kepala"):
            as_user = skp.with_user(self.users[login])
            with self.assertRaises(UserError):
                as_user.write({"behavior_ids": [Command.create({"core_value_id": extra.id})]})
            with self.assertRaises(UserError):
                as_user.write({"behavior_ids": [Command.delete(lines[0].id)]})
            with self.assertRaises(UserError):
                as_user.write(
                    {"behavior_ids": [Command.update(lines[0].id, {"core_value_id": lines[1].core_value_id.id})]}
                )
        self.assertEqual(skp.behavior_ids, lines)


@tagged("post_install", "-at_install")
class TestRealizationFormFeedbackTour(KinerjaTourCase):
    def test_tour_feedback_in_the_form(self):
        """The supervisor opens a report from Realisation to Review, writes his feedback in
        the form and accepts it."""
        users, skp = _realisation_team(self.env, phone=True)
        report = (
            self.env["kinerja.realization"]
            .with_user(users["tour_staf"])
            .create({"skp_indicator_id": skp.indicator_ids.id, "period_id": skp._current_subperiod().id, "value": 42})
        )
        report.action_submit()
        self.start_tour(
            f"/odoo/kinerja-realization-review/{report.id}",
            "kinerja_asn_screens_realization_feedback",
            login="tour_kasi",
        )
        self.assertEqual(report.state, "accepted")
        self.assertEqual(report.feedback, "Cocok dengan register kohort bayi")
        self.assertEqual(report.reviewed_by_id, users["tour_kasi"])


@tagged("post_install", "-at_install")
class TestOfficerScreensTour(ScreensTourCase):
    def test_tour_organisation_goal_with_targets(self):
        """The officer creates a goal with its code, type, year, unit, description and two
        targets, then a program under it with its own target, and corrects a target."""
        second = self.env["kinerja.indicator"].create(
            {"name": "Angka kematian bayi", "code": "TOUR-AKB", "aspect": "quantity", "unit_label": "per 1000"}
        )
        self.start_tour("/odoo/kinerja-goals", "kinerja_asn_screens_goal", login="tour_pengelola")
        goal = self.env["kinerja.goal"].search([("code", "=", "PS-02")])
        self.assertEqual(len(goal), 1)
        self.assertEqual(
            (goal.name, goal.goal_type, goal.period_id, goal.department_id, goal.parent_id),
            ("Keluarga Sehat", "goal", self.year, self.unit, self.goal),
        )
        self.assertEqual(goal.description, "Renstra Dinas Kesehatan, sasaran 2")
        targets = {target.indicator_id: target.target_value for target in goal.target_ids}
        self.assertEqual(targets, {self.library: 97, second: 12})
        program = goal.child_ids
        self.assertEqual(len(program), 1)
        self.assertEqual((program.name, program.code, program.goal_type), ("Program Imunisasi", "PS-02.1", "program"))
        self.assertEqual((program.period_id, program.department_id), (self.year, self.unit))
        self.assertEqual(program.target_ids.indicator_id, self.library)
        self.assertEqual(program.target_ids.target_value, 95)

    def test_form_goal_target_on_new_records(self):
        """A target line added to a goal not saved yet (NewId) computes its roll-up."""
        form = Form(self.env["kinerja.goal"].with_user(self.users["tour_pengelola"]))
        form.name = "Keluarga Sehat"
        form.period_id = self.year
        form.department_id = self.unit
        with form.target_ids.new() as line:
            line.indicator_id = self.library
            line.target_value = 97
            self.assertEqual((line.realized_value, line.carrier_count, line.achievement), (0, 0, 0))
        goal = form.save()
        with Form(goal) as form, form.target_ids.new() as line:
            line.indicator_id = self.env["kinerja.indicator"].create(
                {"name": "Angka kematian bayi", "code": "TOUR-AKB", "aspect": "quantity", "unit_label": "bayi"}
            )
            line.target_value = 12
            self.assertEqual(line.carrier_count, 0)
        self.assertEqual(len(goal.target_ids), 2)

    def test_officer_reads_positions_for_a_new_position(self):
        """The officer picks the new position (hr.job) in the New Position wizard: he reads
        job positions, and changes none; an ordinary employee reads none."""
        job = self.env["hr.job"].create({"name": "Kepala Puskesmas Tur"})
        Job = self.env["hr.job"].with_user(self.users["tour_pengelola"])
        self.assertEqual(Job.name_search("Kepala Puskesmas")[0][0], job.id)
        with self.assertRaises(AccessError):
            job.with_user(self.users["tour_pengelola"]).write({"name": "Diubah"})
        with self.assertRaises(AccessError):
            Job.create({"name": "Jabatan baru"})
        with self.assertRaises(AccessError):
            self.env["hr.job"].with_user(self.users["tour_staf"]).name_search("Kepala")

    def test_tour_periods(self):
        """The officer creates a year with its deadlines, generates its months and sets the
        realisation deadline of the first month."""
        next_year = fields.Date.today().year + 2
        self.start_tour("/odoo/kinerja-periods", "kinerja_asn_screens_periods", login="tour_pengelola")
        year = self.env["kinerja.period"].search([("name", "=", f"Tahun {next_year}")])
        self.assertEqual(len(year), 1)
        self.assertEqual(
            (year.period_type, year.date_start, year.date_end), ("year", date(next_year, 1, 1), date(next_year, 12, 31))
        )
        self.assertEqual(year.plan_deadline, date(next_year, 1, 31))
        self.assertEqual(year.evaluation_deadline, date(next_year + 1, 1, 31))
        self.assertEqual(len(year.child_ids), 12)
        january = year.child_ids.sorted("date_start")[0]
        self.assertEqual(january.report_deadline, date(next_year, 2, 7))
        self.assertEqual(january.evaluation_deadline, date(next_year, 2, 20))

    def test_tour_officer_repairs_transfers_and_creates_drafts(self):
        """The officer repairs the evaluators of an approved SKP, records a new position on it,
        and creates the missing draft SKPs of the unit."""
        skp = self.env["kinerja.skp"].create({"employee_id": self.section.id, "period_id": self.year.id})
        self.env["kinerja.skp.result"].create(
            {
                "skp_id": skp.id,
                "name": "Imunisasi rutin terlaksana",
                "indicator_ids": [(0, 0, {"name": "Anak diimunisasi", "target_value": 1200, "unit_label": "anak"})],
            }
        )
        skp.write({"state": "approved"})
        Employee = self.env["hr.employee"]
        other_head = Employee.create({"name": "Sekretaris Tur", "department_id": self.unit.id})
        director = Employee.create({"name": "Bupati Tur"})
        new_unit = self.env["hr.department"].create({"name": "Puskesmas Tur"})
        job = self.env["hr.job"].create({"name": "Kepala Puskesmas Tur"})
        staff = Employee.create({"name": "Staf Tur", "department_id": self.unit.id, "parent_id": self.section.id})

        self.start_tour("/odoo/kinerja-skp-all", "kinerja_asn_screens_repair", login="tour_pengelola")
        self.assertEqual((skp.evaluator_id, skp.evaluator_parent_id), (other_head, director))
        self.assertEqual(skp.state, "approved", "a repair keeps the approval")

        self.start_tour("/odoo/kinerja-skp-all", "kinerja_asn_screens_transfer", login="tour_pengelola")
        new = self.env["kinerja.skp"].search([("previous_skp_id", "=", skp.id)])
        self.assertEqual(len(new), 1)
        self.assertEqual(new.date_start, date(self.year.year, 7, 1))
        self.assertEqual(skp.date_end, date(self.year.year, 6, 30))
        self.assertEqual((new.department_id, new.job_id, new.evaluator_id), (new_unit, job, director))
        self.assertEqual(new.state, "draft")

        self.start_tour("/odoo", "kinerja_asn_screens_generate", login="tour_pengelola")
        created = self.env["kinerja.skp"].search(
            [("period_id", "=", self.year.id), ("state", "=", "draft"), ("id", "!=", new.id)]
        )
        self.assertEqual(created.employee_id, self.head | other_head | staff, "the unit only, none twice")
