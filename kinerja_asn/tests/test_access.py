import ast
from pathlib import Path

from odoo.exceptions import AccessError
from odoo.modules.module import get_module_path
from odoo.tests import BaseCase, tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestAccess(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Period = cls.env["kinerja.period"]
        cls.year_a = Period._create_year(2026, cls.company_a, subperiods=False)
        cls.year_b = Period._create_year(2026, cls.company_b, subperiods=False)
        cls.indicator_a = cls.env["kinerja.indicator"].create({"name": "Cakupan IDL", "code": "KES-01"})
        cls.indicator_b = cls.env["kinerja.indicator"].create(
            {"name": "APK SD", "code": "DIK-01", "company_id": cls.company_b.id}
        )

    def test_other_company_records_are_invisible(self):
        for model in ("kinerja.period", "kinerja.indicator"):
            with self.subTest(model=model):
                found = self.env[model].with_user(self.user_staff).search([])
                self.assertTrue(found, "own agency's records are visible")
                self.assertEqual(found.company_id, self.company_a)
        with self.assertRaises(AccessError):
            self.year_b.with_user(self.user_staff).read(["name"])
        with self.assertRaises(AccessError):
            self.indicator_b.with_user(self.user_officer).read(["name"])
        # and the other way round
        self.assertEqual(self.env["kinerja.period"].with_user(self.user_other).search([]), self.year_b)

    def test_employee_cannot_manage_periods(self):
        with self.assertRaises(AccessError):
            self.year_a.with_user(self.user_staff).action_open()
        with self.assertRaises(AccessError):
            self.env["kinerja.period"].with_user(self.user_staff).create(
                {"name": "2030", "date_start": "2030-01-01", "date_end": "2030-12-31"}
            )
        self.assertEqual(self.year_a.state, "draft")

    def test_officer_manages_periods_of_his_agency(self):
        year = self.year_a.with_user(self.user_officer)
        year.action_open()
        year.action_generate_subperiods()
        self.assertEqual(self.year_a.state, "open")
        self.assertEqual(len(self.year_a.child_ids), 12)
        with self.assertRaises(AccessError):
            self.year_b.with_user(self.user_officer).action_open()

    def test_core_values_shipped_and_read_only_for_officers(self):
        values = self.env["kinerja.core.value"].with_user(self.user_staff).search([])
        self.assertEqual(
            values.mapped("code"), ["BO", "AK", "KO", "HA", "LO", "AD", "KL"], "the seven BerAKHLAK values in order"
        )
        self.assertTrue(all(len(v.guide.splitlines()) == 3 for v in values), "three behaviour guides each")
        with self.assertRaises(AccessError):
            values[0].with_user(self.user_officer).write({"name": "Diubah"})
        values[0].with_user(self.user_manager).write({"description": "Komitmen pelayanan prima."})
        self.assertEqual(values[0].description, "Komitmen pelayanan prima.")

    def test_groups_hierarchy(self):
        self.assertTrue(self.user_manager.has_group("kinerja_asn.group_kinerja_officer"))
        self.assertFalse(self.user_officer.has_group("kinerja_asn.group_kinerja_manager"))
        self.assertFalse(self.user_staff.has_group("kinerja_asn.group_kinerja_officer"))

    def test_configuration_menu_for_officers_only(self):
        """Employees reach the periods and their deadlines under Monitoring, never the
        configuration; officers and administrators do."""
        menu = self.env.ref("kinerja_asn.kinerja_menu_configuration")
        periods_monitoring = self.env.ref("kinerja_asn.kinerja_menu_period_current")
        indicators = self.env.ref("kinerja_asn.kinerja_indicator_menu")
        core_values = self.env.ref("kinerja_asn.kinerja_core_value_menu")
        Menu = self.env["ir.ui.menu"]
        visible = Menu.with_user(self.user_staff)._visible_menu_ids()
        self.assertNotIn(menu.id, visible)
        self.assertFalse({indicators.id, core_values.id} & visible)
        self.assertIn(periods_monitoring.id, visible)
        for user in (self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                visible = Menu.with_user(user)._visible_menu_ids()
                self.assertTrue({menu.id, indicators.id, core_values.id} <= visible)


# The sudo policy (README, development): a model calls sudo() only inside one of these named
# methods, each documented with its reason; anything else reads and writes as the acting user.
PRIVILEGED_METHODS = {
    ("hr_employee.py", "_kinerja_org_chart"),
    ("kinerja_acting_assignment.py", "_routed_skps_sudo"),
    ("kinerja_skp_acting.py", "_acting_refresh"),
    ("ir_attachment.py", "_kinerja_evidence_files"),
    ("kinerja_evaluation_figures.py", "_evaluation_application"),
    ("kinerja_goal_target.py", "_carriers"),
    ("kinerja_org_rating.py", "_population_evaluations"),
    ("kinerja_penetapan.py", "_confirmed_for"),
    ("kinerja_penetapan.py", "_refresh_lines"),
    ("kinerja_register_import.py", "_import_lines"),
    ("kinerja_register_import.py", "_apply"),
    ("kinerja_siasn_client.py", "_settings"),
    ("kinerja_siasn_export.py", "_siasn_application"),
    ("kinerja_skp_result.py", "_check_parent_result"),
    ("kinerja_tpp_sheet.py", "_workflow_transition_as_head"),
    ("kinerja_tpp_sheet.py", "_compute_lines"),
    ("kinerja_workflow_mixin.py", "_workflow_people"),
    ("kinerja_workflow_mixin.py", "_workflow_activity_records"),
    ("res_company.py", "_kinerja_sign_secrets"),
}


@tagged("post_install", "-at_install")
class TestSudoPolicy(BaseCase):
    def _sudo_calls(self):
        """(file, enclosing method, line) of every sudo() call in the models, and of every
        environment made with ``su=True``."""
        calls = []
        for path in sorted(Path(get_module_path("kinerja_asn"), "models").glob("*.py")):

            def walk(node, method, path=path):
                for child in ast.iter_child_nodes(node):
                    inner = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else method
                    func = getattr(child, "func", None)
                    su_env = any(
                        keyword.arg == "su" and getattr(keyword.value, "value", None) is True
                        for keyword in getattr(child, "keywords", ())
                    )
                    if isinstance(child, ast.Call) and (
                        su_env or (isinstance(func, ast.Attribute) and func.attr == "sudo")
                    ):
                        calls.append((path.name, method, child.lineno))
                    walk(child, inner)

            walk(ast.parse(path.read_text(encoding="utf-8")), None)
        return calls

    def test_sudo_only_in_named_privileged_methods(self):
        calls = self._sudo_calls()
        stray = [call for call in calls if call[:2] not in PRIVILEGED_METHODS]
        self.assertFalse(stray, "sudo() outside the named privileged methods (README, sudo policy)")
        self.assertLessEqual(len(calls), 19, "a third of the 58 sudo() calls of the models before the policy")

    def test_each_privileged_method_says_why(self):
        for path in sorted(Path(get_module_path("kinerja_asn"), "models").glob("*.py")):
            source = path.read_text(encoding="utf-8")
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.FunctionDef) and (path.name, node.name) in PRIVILEGED_METHODS:
                    with self.subTest(method=f"{path.name}:{node.name}"):
                        text = (ast.get_docstring(node) or "") + ast.get_source_segment(source, node)
                        self.assertIn("Named exception", text, "the reason stands beside the privilege")
