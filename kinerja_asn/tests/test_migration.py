import importlib.util

from odoo.modules.module import get_module_path
from odoo.tests import tagged

from .test_evaluation import EvaluationCase


def _migration(version, name):
    path = f"{get_module_path('kinerja_asn')}/migrations/{version}/{name}.py"
    spec = importlib.util.spec_from_file_location(f"kinerja_asn_migration_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigration(EvaluationCase):
    def test_18_0_1_1_0_rewrites_the_draft_rule_and_the_names(self):
        """A database left by 18.0.1.0.0: the employee's rule let him read his drafts and the
        evaluations were named with their type's label in the creator's language."""
        evaluation = self._evaluation().sudo()
        rule = self.env.ref("kinerja_asn.kinerja_evaluation_rule_user_read")
        new_domain = rule.domain_force
        rule.domain_force = "[('user_id', '=', user.id)]"
        self.env.flush_all()
        self.env.cr.execute("UPDATE kinerja_evaluation SET name = name || ' - Periodic' WHERE id = %s", [evaluation.id])
        self.env.invalidate_all()
        self.assertIn("Periodic", evaluation.name)

        _migration("18.0.1.1.0", "post-migrate").migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(rule.domain_force, new_domain)
        self.assertEqual(evaluation.name, f"{self.skp_staff.employee_id.name} - {self.month[1].name}")
        self.assertFalse(evaluation.with_user(self.user_staff).has_access("read"), "a draft stays with the evaluator")
