from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import KinerjaCase


class SkpCase(KinerjaCase):
    """The planning cascade: head (unit head, linked to a goal) -> section -> staff."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dept.manager_id = cls.emp_head
        cls.year = cls.env["kinerja.period"]._create_year(2026, cls.company_a, subperiods=False)
        cls.indicator = cls.env["kinerja.indicator"].create(
            {"name": "Cakupan imunisasi", "code": "KES-01", "aggregation": "last", "unit_label": "%"}
        )
        cls.goal = cls.env["kinerja.goal"].create(
            {
                "name": "Pariaman Sehat",
                "goal_type": "program",
                "department_id": cls.dept.id,
                "period_id": cls.year.id,
                "target_ids": [(0, 0, {"indicator_id": cls.indicator.id, "target_value": 95})],
            }
        )
        Skp = cls.env["kinerja.skp"]
        cls.skp_head = Skp.create({"employee_id": cls.emp_head.id, "period_id": cls.year.id})
        cls.rhk_head = cls._add_result(cls.skp_head, "Meningkatnya cakupan imunisasi", goal=cls.goal)
        cls.skp_section = Skp.create({"employee_id": cls.emp_section.id, "period_id": cls.year.id})
        cls.rhk_section = cls._add_result(cls.skp_section, "Imunisasi rutin terlaksana", parent=cls.rhk_head)
        cls.skp_staff = Skp.create({"employee_id": cls.emp_staff.id, "period_id": cls.year.id})

    @classmethod
    def _add_result(cls, skp, name, *, parent=None, goal=None, target=100.0, result_type="main"):
        return cls.env["kinerja.skp.result"].create(
            {
                "skp_id": skp.id,
                "name": name,
                "result_type": result_type,
                "parent_result_id": parent.id if parent else False,
                "goal_id": goal.id if goal else False,
                "indicator_ids": [(0, 0, {"name": f"Indikator {name}", "target_value": target, "unit_label": "anak"})],
            }
        )

    def _approved_chain(self):
        """Head and section approved, as at the end of January."""
        self.skp_head.sudo().write({"state": "approved"})
        self.skp_section.with_user(self.user_section).action_submit()
        self.skp_section.with_user(self.user_head).action_approve()


@tagged("post_install", "-at_install")
class TestSkpFlow(SkpCase):
    def test_defaults_from_org_chart(self):
        skp = self.skp_staff
        self.assertEqual(skp.evaluator_id, self.emp_section)
        self.assertEqual(skp.evaluator_parent_id, self.emp_head)
        self.assertEqual((skp.date_start, skp.date_end), (date(2026, 1, 1), date(2026, 12, 31)))
        self.assertEqual(skp.department_id, self.dept)
        self.assertEqual(len(skp.behavior_ids), 7, "the seven BerAKHLAK values are pre-filled")
        self.assertEqual(set(skp.annex_ids.mapped("annex_type")), {"resources", "accountability", "consequences"})
        self.assertTrue(self.skp_head.is_unit_head)
        self.assertFalse(skp.is_unit_head)

    def test_employee_drafts_on_form(self):
        form = Form(self.env["kinerja.skp"].with_user(self.user_staff2))
        form.period_id = self.year
        skp = form.save()
        self.assertEqual(skp.employee_id, self.emp_staff2, "the employee is the current user's employee")
        self.assertEqual(skp.evaluator_id, self.emp_section)

    def test_submit_approve_flow_with_activity_and_snapshot(self):
        self._approved_chain()
        self._add_result(self.skp_staff, "Anak diimunisasi", parent=self.rhk_section, target=400)
        staff_skp = self.skp_staff.with_user(self.user_staff)
        staff_skp.action_submit()
        self.assertEqual(self.skp_staff.state, "submitted")
        activity = self.skp_staff.activity_ids
        self.assertEqual(activity.user_id, self.user_section, "the evaluator gets an approval activity")
        self.assertEqual(activity.activity_type_id, self.env.ref("kinerja_asn.mail_act_skp_approval"))
        waiting = (
            self.env["kinerja.skp"]
            .with_user(self.user_section)
            .search([("state", "=", "submitted"), ("evaluator_user_id", "=", self.user_section.id)])
        )
        self.assertEqual(waiting, self.skp_staff)
        self.assertTrue(self.skp_staff.with_user(self.user_section).can_approve)
        self.assertFalse(staff_skp.can_approve)

        self.skp_staff.with_user(self.user_section).action_approve()
        self.assertEqual(self.skp_staff.state, "approved")
        self.assertEqual(self.skp_staff.approved_by_id, self.user_section)
        self.assertFalse(self.skp_staff.activity_ids, "the activity is closed on approval")
        self.assertEqual(self.skp_staff.employee_nip, self.emp_staff.nip)
        self.assertEqual(self.skp_staff.evaluator_name, "Kepala Seksi")
        # the snapshot does not follow later changes of the employee
        self.emp_staff.name = "Staf Satu Pindah"
        self.assertEqual(self.skp_staff.employee_name, "Staf Satu")

    def test_return_requires_reason_and_reaches_chatter(self):
        self._approved_chain()
        self._add_result(self.skp_staff, "Anak diimunisasi", parent=self.rhk_section)
        self.skp_staff.with_user(self.user_staff).action_submit()
        as_evaluator = self.skp_staff.with_user(self.user_section)
        with self.assertRaisesMsg(UserError, "reason"):
            as_evaluator.action_return(reason="  ")
        self.assertEqual(self.skp_staff.state, "submitted")
        as_evaluator.action_return(reason="Target terlalu rendah")
        self.assertEqual(self.skp_staff.state, "draft")
        self.assertEqual(self.skp_staff.return_reason, "Target terlalu rendah")
        self.assertIn("Target terlalu rendah", self.skp_staff.message_ids[0].body)
        self.assertFalse(self.skp_staff.activity_ids)

    def test_return_wizard(self):
        self.skp_head.sudo().write({"state": "approved"})
        self.skp_section.with_user(self.user_section).action_submit()
        wizard = (
            self.env["kinerja.skp.return.wizard"]
            .with_user(self.user_head)
            .with_context(active_ids=self.skp_section.ids)
            .create({"reason": "Lengkapi indikator kualitas"})
        )
        wizard.action_confirm()
        self.assertEqual(self.skp_section.state, "draft")

    def test_mass_approval_from_the_list(self):
        self.skp_head.sudo().write({"state": "approved"})
        self.skp_section.with_user(self.user_section).action_submit()
        self.skp_section.with_user(self.user_head).action_approve()
        self._add_result(self.skp_staff, "A", parent=self.rhk_section)
        skp2 = self.env["kinerja.skp"].create({"employee_id": self.emp_staff2.id, "period_id": self.year.id})
        self._add_result(skp2, "B", parent=self.rhk_section)
        (self.skp_staff | skp2).sudo().write({"state": "submitted"})
        (self.skp_staff | skp2).with_user(self.user_section).action_approve()
        self.assertEqual(set((self.skp_staff | skp2).mapped("state")), {"approved"})

    def test_mph_distributes_to_subordinates(self):
        self._approved_chain()
        wizard = Form(
            self.env["kinerja.mph.wizard"].with_user(self.user_section).with_context(default_skp_id=self.skp_section.id)
        )
        wizard.parent_result_id = self.rhk_section
        self.assertEqual(len(wizard.employee_ids), 2, "direct subordinates are proposed")
        wizard.result_name = "Imunisasi di posyandu binaan"
        wizard.indicator_name = "Anak diimunisasi"
        wizard.target_value = 200
        wizard.unit_label = "anak"
        wizard.save().action_confirm()
        results = self.env["kinerja.skp.result"].search([("parent_result_id", "=", self.rhk_section.id)])
        self.assertEqual(results.employee_id, self.emp_staff | self.emp_staff2)
        self.assertEqual(set(results.mapped("indicator_ids.target_value")), {200.0})
        self.assertEqual(self.rhk_section.supporting_count, 2)
        new_skp = results.filtered(lambda r: r.employee_id == self.emp_staff2).skp_id
        self.assertEqual(new_skp.state, "draft", "a missing SKP is created as a draft")

    def test_generate_drafts_is_idempotent(self):
        wizard = (
            self.env["kinerja.skp.generate.wizard"]
            .with_user(self.user_officer)
            .create({"period_id": self.year.id, "department_ids": [(6, 0, self.dept.ids)]})
        )
        wizard.action_confirm()
        skps = self.env["kinerja.skp"].search([("period_id", "=", self.year.id)])
        self.assertEqual(skps.employee_id, self.emp_head | self.emp_section | self.emp_staff | self.emp_staff2)
        wizard.action_confirm()
        self.assertEqual(self.env["kinerja.skp"].search_count([("period_id", "=", self.year.id)]), len(skps))

    def test_transfer_starts_a_new_skp(self):
        self._approved_chain()
        wizard = (
            self.env["kinerja.skp.transfer.wizard"]
            .with_user(self.user_officer)
            .create({"skp_id": self.skp_section.id, "date": date(2026, 7, 1), "evaluator_id": self.emp_head.id})
        )
        action = wizard.action_confirm()
        new = self.env["kinerja.skp"].browse(action["res_id"])
        self.assertEqual(self.skp_section.date_end, date(2026, 6, 30))
        self.assertEqual(self.skp_section.state, "approved", "the old SKP keeps its approval")
        self.assertEqual((new.date_start, new.date_end, new.state), (date(2026, 7, 1), date(2026, 12, 31), "draft"))
        self.assertEqual(new.previous_skp_id, self.skp_section)
        with self.assertRaises(AccessError):
            self.env["kinerja.skp.transfer.wizard"].with_user(self.user_section).create(
                {"skp_id": new.id, "date": date(2026, 9, 1)}
            ).action_confirm()


@tagged("post_install", "-at_install")
class TestSkpPlanningScreens(SkpCase):
    """What the planning screens show and return: confirmations, the inline plan of To
    Approve, the distribution only for supervisors, units of quantitative targets."""

    def test_submit_and_approve_confirm_and_reload(self):
        self._approved_chain()
        self._add_result(self.skp_staff, "Imunisasi di posyandu", parent=self.rhk_section)
        action = self.skp_staff.with_user(self.user_staff).action_submit()
        self.assertEqual((action["type"], action["tag"]), ("ir.actions.client", "display_notification"))
        self.assertIn("Kepala Seksi", action["params"]["message"])
        self.assertEqual(action["params"]["next"], {"type": "ir.actions.act_window_close"}, "the form reloads")
        action = self.skp_staff.with_user(self.user_section).action_approve()
        self.assertEqual(action["params"]["type"], "success")
        self.assertIn(self.skp_staff.display_name, action["params"]["message"])
        self.assertEqual(self.skp_staff.state, "approved")

    def test_mass_approval_confirms_the_number(self):
        self._approved_chain()
        skp2 = self.env["kinerja.skp"].create({"employee_id": self.emp_staff2.id, "period_id": self.year.id})
        skps = self.skp_staff | skp2
        for skp in skps:
            self._add_result(skp, "Imunisasi di posyandu", parent=self.rhk_section)
        skps.sudo().write({"state": "submitted"})
        action = skps.with_user(self.user_section).action_approve()
        self.assertIn("2", action["params"]["message"])
        self.assertEqual(set(skps.mapped("state")), {"approved"})
        action = skps.with_user(self.user_section).action_approve()
        self.assertEqual(action["params"]["type"], "warning", "nothing left to approve is said, not hidden")

    def test_return_wizard_confirms(self):
        self._approved_chain()
        self._add_result(self.skp_staff, "Imunisasi di posyandu", parent=self.rhk_section)
        self.skp_staff.with_user(self.user_staff).action_submit()
        wizard = Form(
            self.env["kinerja.skp.return.wizard"]
            .with_user(self.user_section)
            .with_context(active_model="kinerja.skp", active_ids=self.skp_staff.ids)
        )
        wizard.reason = "Target terlalu rendah"
        action = wizard.save().action_confirm()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual((self.skp_staff.state, self.skp_staff.return_reason), ("draft", "Target terlalu rendah"))

    def test_plan_summary_shows_results_indicators_targets(self):
        self.skp_section.use_weights = True
        self.rhk_section.weight = 100
        summary = str(self.skp_section.plan_summary)
        for expected in ("Imunisasi rutin terlaksana", "Indikator Imunisasi rutin terlaksana", "100 anak", "(100 %)"):
            self.assertIn(expected, summary)
        # a name is text, never markup
        self.rhk_section.name = "<b>Tebal</b>"
        self.assertIn("&lt;b&gt;Tebal&lt;/b&gt;", str(self.skp_section.plan_summary))
        self.assertIn("No work result yet", str(self.skp_staff.plan_summary))

    def test_plan_summary_on_unsaved_skp(self):
        skp = self.env["kinerja.skp"].new(
            {
                "employee_id": self.emp_staff.id,
                "period_id": self.year.id,
                "result_ids": [
                    Command.create(
                        {
                            "name": "Belum disimpan",
                            "indicator_ids": [
                                Command.create({"name": "IKI baru", "target_value": 3, "unit_label": "kali"})
                            ],
                        }
                    )
                ],
            }
        )
        self.assertIn("Belum disimpan", skp.plan_summary)
        self.assertIn("3 kali", skp.plan_summary)
        self.assertFalse(skp.has_subordinates)
        form = Form(self.env["kinerja.skp"].with_user(self.user_section))
        self.assertEqual(form.employee_id, self.emp_section)
        self.assertTrue(form.has_subordinates, "computed before saving, from the org chart")
        form.employee_id = self.emp_staff
        self.assertFalse(form.has_subordinates)

    def test_to_approve_list_query_count_does_not_grow(self):
        """To Approve with the plan inline: 5 or 20 waiting SKPs cost the same queries."""
        self._approved_chain()
        env = self.env(user=self.user_section)
        view = self.env.ref("kinerja_asn.kinerja_skp_view_list_to_approve")
        spec = {
            name: {"fields": {"display_name": {}}} if env["kinerja.skp"]._fields[name].type == "many2one" else {}
            for name in (
                "employee_id",
                "job_id",
                "period_id",
                "plan_summary",
                "weight_total",
                "submitted_date",
                "state",
            )
        }
        self.assertIn('name="plan_summary"', view.arch)
        domain = [("state", "=", "submitted"), ("evaluator_user_id", "=", self.user_section.id)]
        counts = []
        for size in (5, 20):
            employees = self.env["hr.employee"].create(
                [{"name": f"Antre {size}-{i}", "parent_id": self.emp_section.id} for i in range(size)]
            )
            skps = self.env["kinerja.skp"].create([{"employee_id": e.id, "period_id": self.year.id} for e in employees])
            for skp in skps:
                self._add_result(skp, f"RHK {skp.employee_id.name}", parent=self.rhk_section)
            skps.sudo().write({"state": "submitted"})
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = env["kinerja.skp"].web_search_read(domain, spec, limit=80)
            counts.append(self.env.cr.sql_log_count - before)
            self.assertIn("RHK Antre", result["records"][0]["plan_summary"])
        self.assertLessEqual(counts[1], counts[0], counts)

    def test_distribution_only_for_supervisors(self):
        self._approved_chain()
        self._add_result(self.skp_staff, "Imunisasi di posyandu", parent=self.rhk_section)
        self.assertTrue(self.skp_section.has_subordinates)
        self.assertFalse(self.skp_staff.has_subordinates)
        action = self.skp_section.with_user(self.user_section).action_open_mph_wizard()
        self.assertEqual(action["res_model"], "kinerja.mph.wizard")
        with self.assertRaisesMsg(UserError, "no direct subordinates"):
            self.skp_staff.with_user(self.user_staff).action_open_mph_wizard()
        wizard = (
            self.env["kinerja.mph.wizard"]
            .with_user(self.user_staff)
            .create(
                {
                    "skp_id": self.skp_staff.id,
                    "parent_result_id": self.skp_staff.result_ids.id,
                    "employee_ids": [(6, 0, self.emp_staff2.ids)],
                    "result_name": "Bukan bawahan",
                }
            )
        )
        with self.assertRaisesMsg(UserError, "no direct subordinates"):
            wizard.action_confirm()
        self.assertFalse(self.env["kinerja.skp"].search([("employee_id", "=", self.emp_staff2.id)]))
        with self.assertRaisesMsg(UserError, "Only Kepala Seksi or an officer"):
            self.skp_section.with_user(self.user_head).action_open_mph_wizard()

    def test_unit_required_for_quantitative_indicators(self):
        with self.assertRaisesMsg(ValidationError, "Give the unit of the indicator"):
            self.env["kinerja.skp.indicator"].create(
                {"result_id": self.rhk_section.id, "name": "Tanpa satuan", "target_value": 5}
            )
        with self.assertRaisesMsg(ValidationError, "Give the unit"):
            self.rhk_section.indicator_ids.unit_label = "  "
        self.assertEqual(self.rhk_section.indicator_ids.unit_label, "anak")
        # qualitative: an expectation in words, no unit
        self.skp_staff.approach = "qualitative"
        result = self.env["kinerja.skp.result"].create(
            {
                "skp_id": self.skp_staff.id,
                "name": "Layanan ramah",
                "parent_result_id": self.rhk_section.id,
                "indicator_ids": [(0, 0, {"name": "Keluhan ditangani", "target_text": "Semua keluhan dijawab"})],
            }
        )
        self.assertFalse(result.indicator_ids.unit_label)
        # switched back to quantitative, the submission names what is missing
        self.skp_staff.approach = "quantitative"
        self.skp_section.sudo().write({"state": "approved"})
        with self.assertRaisesMsg(UserError, "“Keluhan ditangani” of “Layanan ramah” has no unit"):
            self.skp_staff.with_user(self.user_staff).action_submit()
        self.assertEqual(self.skp_staff.state, "draft")

    def test_result_form_on_an_unsaved_result(self):
        """The add-result dialog: the SKP comes from the context, the weight follows the SKP's
        weighting, the unit of a new indicator comes from the library."""
        self.skp_staff.use_weights = True
        form = Form(
            self.env["kinerja.skp.result"].with_user(self.user_staff).with_context(default_skp_id=self.skp_staff.id),
            view="kinerja_asn.kinerja_skp_result_view_form",
        )
        self.assertTrue(form.use_weights)
        self.assertEqual(form.approach, "quantitative")
        form.name = "Imunisasi di posyandu"
        form.weight = 100
        form.parent_result_id = self.rhk_section
        with form.indicator_ids.new() as line:
            line.indicator_id = self.indicator
            self.assertEqual(line.unit_label, "%")
            line.target_value = 95
        result = form.save()
        self.assertEqual((result.skp_id, result.weight), (self.skp_staff, 100))
        self.assertEqual(result.indicator_ids.unit_label, "%")


@tagged("post_install", "-at_install")
class TestSkpBadInput(SkpCase):
    def test_second_skp_same_year_and_position(self):
        with self.assertRaisesMsg(ValidationError, "already has an SKP"):
            self.env["kinerja.skp"].create({"employee_id": self.emp_staff.id, "period_id": self.year.id})
        self.assertEqual(self.env["kinerja.skp"].search_count([("employee_id", "=", self.emp_staff.id)]), 1)

    def test_dates_outside_the_year(self):
        with self.assertRaisesMsg(ValidationError, "within the year"):
            self.skp_staff.write({"date_end": date(2027, 1, 31)})
        self.assertEqual(self.skp_staff.date_end, date(2026, 12, 31))

    def test_submit_empty_or_without_indicators(self):
        with self.assertRaisesMsg(UserError, "no work result"):
            self.skp_staff.with_user(self.user_staff).action_submit()
        result = self.env["kinerja.skp.result"].create(
            {"skp_id": self.skp_staff.id, "name": "Tanpa indikator", "parent_result_id": self.rhk_section.id}
        )
        with self.assertRaisesMsg(UserError, "has no indicator"):
            self.skp_staff.with_user(self.user_staff).action_submit()
        result.unlink()
        self.assertEqual(self.skp_staff.state, "draft")

    def test_submit_requires_cascade_link(self):
        self._add_result(self.skp_staff, "Tidak terhubung")
        with self.assertRaisesMsg(UserError, "Link the work result"):
            self.skp_staff.with_user(self.user_staff).action_submit()
        self.assertEqual(self.skp_staff.state, "draft")

    def test_link_outside_evaluator_skp_refused(self):
        with self.assertRaisesMsg(ValidationError, "can only support a work result"):
            self._add_result(self.skp_staff, "Salah sambung", parent=self.rhk_head)
        self.assertFalse(self.skp_staff.result_ids)

    def test_no_evaluator(self):
        self.skp_staff.evaluator_id = False
        self._add_result(self.skp_staff, "X")
        with self.assertRaisesMsg(UserError, "has no evaluator"):
            self.skp_staff.with_user(self.user_staff).action_submit()

    def test_non_positive_quantity_target(self):
        for target in (0, -5):
            with self.subTest(target=target), self.assertRaisesMsg(ValidationError, "greater than zero"):
                self._add_result(self.skp_staff, "Nol", parent=self.rhk_section, target=target)
        self.assertFalse(self.skp_staff.result_ids)

    def test_weights_must_sum_to_100(self):
        self.skp_section.use_weights = True
        self.rhk_section.weight = 60
        self._add_result(self.skp_section, "Data valid", parent=self.rhk_head).weight = 30
        self.skp_head.sudo().write({"state": "approved"})
        with self.assertRaisesMsg(UserError, "add up to 90"):
            self.skp_section.with_user(self.user_section).action_submit()
        self.assertEqual(self.skp_section.state, "draft")
        self.rhk_section.weight = 70
        self.skp_section.with_user(self.user_section).action_submit()
        self.assertEqual(self.skp_section.state, "submitted")

    def test_approved_content_is_locked(self):
        self._approved_chain()
        with self.assertRaisesMsg(UserError, "can no longer change"):
            self.rhk_section.with_user(self.user_section).write({"name": "Diubah"})
        with self.assertRaisesMsg(UserError, "can no longer change"):
            self.rhk_section.indicator_ids.with_user(self.user_head).write({"target_value": 1})
        with self.assertRaisesMsg(UserError, "can no longer change"):
            self.env["kinerja.skp.result"].with_user(self.user_section).create(
                {"skp_id": self.skp_section.id, "name": "Baru", "parent_result_id": self.rhk_head.id}
            )
        self.assertEqual(self.rhk_section.name, "Imunisasi rutin terlaksana")

    def test_non_draft_cannot_be_deleted(self):
        self._approved_chain()
        with self.assertRaisesMsg(UserError, "never deleted"):
            self.skp_section.unlink()
        self.assertTrue(self.skp_section.exists())
        self.skp_staff.with_user(self.user_staff).unlink()
        self.assertFalse(self.skp_staff.exists(), "an own draft can be deleted")


@tagged("post_install", "-at_install")
class TestSkpRights(SkpCase):
    def test_cannot_approve_own_or_others_skp(self):
        self.skp_head.sudo().write({"state": "approved"})
        self.skp_section.with_user(self.user_section).action_submit()
        with self.assertRaisesMsg(AccessError, "your own SKP"):
            self.skp_section.with_user(self.user_section).action_approve()
        with self.assertRaises(AccessError):
            self.skp_section.with_user(self.user_staff).action_approve()
        with self.assertRaises(AccessError):
            self.skp_section.with_user(self.user_officer).action_approve()
        self.assertEqual(self.skp_section.state, "submitted")

    def test_writing_state_directly_is_checked(self):
        self.skp_head.sudo().write({"state": "approved"})
        self.skp_section.with_user(self.user_section).action_submit()
        with self.assertRaises(AccessError):
            self.skp_section.with_user(self.user_section).write({"state": "approved"})
        with self.assertRaises(AccessError):
            self.skp_staff.with_user(self.user_staff).write({"state": "approved"})
        self.assertEqual(self.skp_section.state, "submitted")
        self.assertEqual(self.skp_staff.state, "draft")

    def test_visibility_follows_the_hierarchy(self):
        Skp = self.env["kinerja.skp"]
        self.assertEqual(Skp.with_user(self.user_staff).search([]), self.skp_staff)
        self.assertEqual(Skp.with_user(self.user_section).search([]), self.skp_section | self.skp_staff)
        self.assertEqual(Skp.with_user(self.user_head).search([]), self.skp_head | self.skp_section | self.skp_staff)
        self.assertEqual(Skp.with_user(self.user_officer).search([]), self.skp_head | self.skp_section | self.skp_staff)
        self.assertFalse(Skp.with_user(self.user_other).search([]))
        with self.assertRaises(AccessError):
            self.skp_section.with_user(self.user_staff2).read(["name"])
        # the employee reads his evaluator's results to link to them
        self.assertEqual(self.rhk_section.with_user(self.user_staff).name, "Imunisasi rutin terlaksana")

    def test_colleague_cannot_edit(self):
        with self.assertRaises(AccessError):
            self.skp_staff.with_user(self.user_staff2).write({"approach": "qualitative"})
        with self.assertRaises(AccessError):
            self.env["kinerja.skp.result"].with_user(self.user_staff2).create(
                {"skp_id": self.skp_staff.id, "name": "Titipan"}
            )
        self.assertEqual(self.skp_staff.approach, "quantitative")

    def test_officer_repairs_evaluator_of_submitted_skp(self):
        self._approved_chain()
        self._add_result(self.skp_staff, "A", parent=self.rhk_section)
        self.skp_staff.with_user(self.user_staff).action_submit()
        with self.assertRaisesMsg(AccessError, "org chart"):
            self.skp_staff.with_user(self.user_officer).write({"evaluator_parent_id": self.emp_officer.id})
        with self.assertRaisesMsg(UserError, "reason"):
            self.skp_staff.with_user(self.user_officer).action_repair_evaluator(
                self.skp_staff.evaluator_id.id, evaluator_parent_id=self.emp_officer.id
            )
        self.skp_staff.with_user(self.user_officer).action_repair_evaluator(
            self.skp_staff.evaluator_id.id, evaluator_parent_id=self.emp_officer.id, reason="Plt. Kepala Dinas"
        )
        self.assertEqual(self.skp_staff.evaluator_parent_id, self.emp_officer)
        self.assertEqual(self.skp_staff.state, "submitted")
        self.assertIn("Plt. Kepala Dinas", self.skp_staff.message_ids[0].body)
        with self.assertRaises(AccessError):
            self.skp_staff.with_user(self.user_staff).action_repair_evaluator(
                self.emp_head.id, reason="Saya pilih sendiri"
            )
        with self.assertRaisesMsg(UserError, "can no longer change"):
            self.skp_staff.with_user(self.user_officer).write({"approach": "qualitative"})
        with self.assertRaises(AccessError):
            self.skp_staff.with_user(self.user_staff).write({"evaluator_id": self.emp_head.id})

    def test_evaluator_writes_expectations_while_submitted(self):
        self._approved_chain()
        self._add_result(self.skp_staff, "A", parent=self.rhk_section)
        self.skp_staff.with_user(self.user_staff).action_submit()
        behavior = self.skp_staff.behavior_ids[0]
        behavior.with_user(self.user_section).write({"expectation": "Ramah kepada orang tua balita"})
        self.assertEqual(behavior.expectation, "Ramah kepada orang tua balita")
        with self.assertRaises(UserError):
            behavior.with_user(self.user_staff).write({"expectation": "Saya ubah sendiri"})


@tagged("post_install", "-at_install")
class TestSkpQueries(SkpCase):
    def _submitted_team(self, size):
        employees = self.env["hr.employee"].create(
            [{"name": f"Staf {size}-{i}", "parent_id": self.emp_section.id} for i in range(size)]
        )
        skps = self.env["kinerja.skp"].create([{"employee_id": e.id, "period_id": self.year.id} for e in employees])
        self.env["kinerja.skp.result"].create(
            [
                {
                    "skp_id": skp.id,
                    "name": "RHK",
                    "parent_result_id": self.rhk_section.id,
                    "indicator_ids": [(0, 0, {"name": "IKI", "target_value": 10, "unit_label": "dokumen"})],
                }
                for skp in skps
            ]
        )
        skps.sudo().write({"state": "submitted"})
        self.env.invalidate_all()
        return skps

    def test_mass_approval_query_count_does_not_grow_linearly(self):
        self._approved_chain()
        counts = []
        for size in (5, 20):
            skps = self._submitted_team(size).with_user(self.user_section)
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            skps.action_approve()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(set(skps.mapped("state")), {"approved"})
        # 4x the records must cost far less than 4x the queries
        self.assertLess(counts[1], counts[0] * 3, counts)

    def test_team_list_query_count_does_not_grow(self):
        """The supervisor's list of his team's SKPs costs the same for 5 or 25 people."""
        self._approved_chain()
        list_fields = ["employee_id", "department_id", "period_id", "evaluator_id", "result_count", "state"]
        counts = []
        for size in (5, 20):
            self._submitted_team(size)
            skps = self.env["kinerja.skp"].with_user(self.user_section)
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            found = skps.search([("is_my_team", "=", True)])
            found.read([*list_fields, "can_approve", "activity_ids"])
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(len(found), 26, "staff, staff2 and the 5 + 20 new subordinates")
        self.assertLessEqual(counts[1], counts[0], counts)
