import importlib.util

from odoo.modules.module import get_module_path
from odoo.tests import tagged

from .test_evaluation import EvaluationCase
from .test_realization import YEAR


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

    def test_18_0_1_2_0_renames_the_realisation_indicator(self):
        """A database left by 18.0.1.1.0: the realisation's SKP indicator is the column
        indicator_id, with its index, foreign key and field record named after it."""
        # read as superuser: each report was made by its own employee
        reports = (self._accepted(self.ind_staff, 1, 10) | self._report(self.skp_staff2.indicator_ids, 1, 5)).sudo()
        self.env.flush_all()
        cr = self.env.cr
        field = self.env["ir.model.fields"]._get("kinerja.realization", "skp_indicator_id")
        inverse = self.env["ir.model.fields"]._get("kinerja.skp.indicator", "realization_ids")
        cr.execute("SELECT id, skp_indicator_id FROM kinerja_realization ORDER BY id")
        before = cr.fetchall()
        self.assertTrue(before and set(reports.ids) <= {row[0] for row in before})
        # the previous schema, as 18.0.1.1.0 left it
        cr.execute("ALTER TABLE kinerja_realization RENAME COLUMN skp_indicator_id TO indicator_id")
        cr.execute(
            "ALTER INDEX kinerja_realization__skp_indicator_id_index RENAME TO kinerja_realization__indicator_id_index"
        )
        cr.execute(
            "ALTER TABLE kinerja_realization RENAME CONSTRAINT kinerja_realization_skp_indicator_id_fkey"
            " TO kinerja_realization_indicator_id_fkey"
        )
        cr.execute(
            "UPDATE ir_model_constraint SET name = 'kinerja_realization_indicator_id_fkey'"
            " WHERE name = 'kinerja_realization_skp_indicator_id_fkey'"
        )
        cr.execute("UPDATE ir_model_fields SET name = 'indicator_id' WHERE id = %s", [field.id])
        cr.execute("UPDATE ir_model_fields SET relation_field = 'indicator_id' WHERE id = %s", [inverse.id])
        cr.execute(
            "UPDATE ir_model_data SET name = 'field_kinerja_realization__indicator_id'"
            " WHERE module = 'kinerja_asn' AND name = 'field_kinerja_realization__skp_indicator_id'"
        )

        _migration("18.0.1.2.0", "pre-migrate").migrate(cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        cr.execute("SELECT id, skp_indicator_id FROM kinerja_realization ORDER BY id")
        self.assertEqual(cr.fetchall(), before, "every report keeps its SKP indicator")
        self.assertEqual(reports[0].skp_indicator_id, self.ind_staff)
        self.assertEqual(reports[1].skp_indicator_id, self.skp_staff2.indicator_ids)
        self.assertEqual(self.ind_staff.realization_ids, reports[0])
        # the field keeps its record (tracking values and filters refer to it), under its xmlid
        self.assertEqual(self.env.ref("kinerja_asn.field_kinerja_realization__skp_indicator_id"), field)
        self.assertEqual((field.name, inverse.relation_field), ("skp_indicator_id", "skp_indicator_id"))
        cr.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'kinerja_realization__skp_indicator_id_index'")
        self.assertTrue(cr.fetchone(), "the index keeps the name the ORM looks for")
        cr.execute("SELECT 1 FROM pg_constraint WHERE conname = 'kinerja_realization_skp_indicator_id_fkey'")
        self.assertTrue(cr.fetchone(), "the foreign key keeps the name the ORM looks for")
        # run again (an update that stops and restarts): nothing left to rename
        _migration("18.0.1.2.0", "pre-migrate").migrate(cr, "18.0.1.1.0")
        cr.execute("SELECT id, skp_indicator_id FROM kinerja_realization ORDER BY id")
        self.assertEqual(cr.fetchall(), before)

    def test_18_0_1_2_1_renames_when_the_skp_was_evaluated(self):
        """A database left by 18.0.1.2.0: when an SKP was evaluated is the column done_date."""
        self._signed(evaluation_type="annual", result="above", behavior="above")
        skp = self.skp_staff.sudo()
        evaluated = skp.evaluated_date
        self.assertTrue(evaluated, "the annual evaluation stamps the SKP")
        self.env.flush_all()
        cr = self.env.cr
        field = self.env["ir.model.fields"]._get("kinerja.skp", "evaluated_date")
        cr.execute("ALTER TABLE kinerja_skp RENAME COLUMN evaluated_date TO done_date")
        cr.execute("UPDATE ir_model_fields SET name = 'done_date' WHERE id = %s", [field.id])
        cr.execute(
            "UPDATE ir_model_data SET name = 'field_kinerja_skp__done_date'"
            " WHERE module = 'kinerja_asn' AND name = 'field_kinerja_skp__evaluated_date'"
        )

        _migration("18.0.1.2.1", "pre-migrate").migrate(cr, "18.0.1.2.0")
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.assertEqual(skp.evaluated_date, evaluated, "the SKP keeps when it was evaluated")
        self.assertEqual(self.env.ref("kinerja_asn.field_kinerja_skp__evaluated_date"), field)
        # run again: nothing left to rename
        _migration("18.0.1.2.1", "pre-migrate").migrate(cr, "18.0.1.2.0")
        self.assertEqual(skp.evaluated_date, evaluated)

    def test_18_0_1_3_0_freezes_the_figures_signed_before(self):
        """A database left by 18.0.1.2.0: signed evaluations have credit points, a TPP
        percentage and an objection deadline, computed from today's employee and settings, and
        none of the frozen figures they came from. They keep the values they show."""
        self.emp_staff2.functional_level = "ahli_pertama"
        periodic = self._signed(self.skp_staff2, month=1)
        annual = self._signed(self.skp_staff2, evaluation_type="annual", result="above", behavior="above")
        draft = self._evaluation(self.skp_staff2, month=2)
        self.env.flush_all()
        cr = self.env.cr
        # as 18.0.1.2.0 left them: the new columns empty; an annual evaluation of a part of the
        # year showed the whole year's points (the old computation did not pro-rate)
        self.skp_staff2.sudo().write({"date_end": f"{YEAR}-06-30"})
        self.env.flush_all()
        cr.execute(
            """UPDATE kinerja_evaluation
                  SET credit_position_type = NULL, credit_functional_level = NULL, credit_coefficient = NULL,
                      credit_percent = NULL, credit_months = NULL, credit_points_counted = NULL,
                      credit_points = CASE WHEN evaluation_type = 'annual' THEN 18.75 ELSE credit_points END
                WHERE state = 'done'"""
        )
        cr.execute("SELECT id, credit_points, tpp_percent, objection_deadline FROM kinerja_evaluation ORDER BY id")
        shown = cr.fetchall()
        self.env.invalidate_all()

        _migration("18.0.1.3.0", "post-migrate").migrate(cr, "18.0.1.2.0")
        self.env.invalidate_all()
        cr.execute("SELECT id, credit_points, tpp_percent, objection_deadline FROM kinerja_evaluation ORDER BY id")
        self.assertEqual(cr.fetchall(), shown, "every evaluation shows what it showed")
        figures = ["credit_position_type", "credit_functional_level", "credit_coefficient", "credit_percent"]
        self.assertEqual([annual[f] for f in figures], ["functional", "ahli_pertama", 12.5, 150.0])
        self.assertEqual((annual.credit_months, annual.credit_points, annual.credit_points_counted), (12, 18.75, 18.75))
        self.assertEqual([periodic[f] for f in figures], ["functional", "ahli_pertama", 12.5, 100.0])
        self.assertEqual(periodic.credit_months, 1)
        self.assertAlmostEqual(periodic.credit_points, 12.5 / 12, places=3)
        self.assertEqual(periodic.credit_points_counted, 0.0, "January is the annual conversion's")
        self.assertEqual(draft.credit_functional_level, "ahli_pertama", "a draft keeps its live figures")
        # from now on they are frozen: a new level changes nothing of what was signed
        self.emp_staff2.functional_level = "ahli_muda"
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual((annual.credit_functional_level, annual.credit_points), ("ahli_pertama", 18.75))
        self.assertEqual(draft.credit_functional_level, "ahli_muda")
        # run again (an update that stops and restarts): nothing changes
        _migration("18.0.1.3.0", "post-migrate").migrate(cr, "18.0.1.2.0")
        self.env.invalidate_all()
        self.assertEqual((annual.credit_months, annual.credit_points_counted), (12, 18.75))
