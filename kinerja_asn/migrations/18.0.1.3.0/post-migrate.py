"""18.0.1.3.0: a signed evaluation keeps the figures it was signed with. Until now its credit
points and TPP percentage followed today's functional level, position type and settings, and
its objection deadline today's objection period; they are now frozen at signing, beside the
level, position type, coefficient, predicate percentage and months they come from.

The evaluations signed before the update keep the figures they show today: their credit
points, TPP percentage and objection deadline stay as stored, and the new columns are filled
from the same values those figures were computed from (the employee's level and position type
today, a whole year for an annual evaluation, the period's months for a periodic one). Then
the credit points counted: an annual conversion counts; a periodic one only while its SKP has
no signed annual conversion. One statement each, whatever the number of evaluations.
"""

from odoo import SUPERUSER_ID, api
from odoo.addons.kinerja_asn.tools.achievement import CREDIT_COEFFICIENT, CREDIT_SHARE


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    # the computations the update left pending (drafts' live figures) first
    env.flush_all()
    cr.execute(
        """
        WITH coefficient(level, value) AS (
                SELECT * FROM unnest(%(levels)s::varchar[], %(coefficients)s::float[])),
             share(predicate, value) AS (
                SELECT * FROM unnest(%(predicates)s::varchar[], %(shares)s::float[])),
             figures AS (
                SELECT ev.id, emp.position_type,
                       CASE WHEN emp.position_type = 'functional' THEN emp.functional_level END AS level,
                       CASE WHEN emp.position_type = 'functional' THEN COALESCE(c.value, 0) ELSE 0 END AS coefficient,
                       COALESCE(s.value, 0) * 100 AS percent,
                       CASE WHEN ev.evaluation_type = 'annual' THEN 12
                            ELSE extract(year FROM age(p.date_end, p.date_start)) * 12
                                 + extract(month FROM age(p.date_end, p.date_start)) + 1 END AS months
                  FROM kinerja_evaluation ev
                  JOIN hr_employee emp ON emp.id = ev.employee_id
                  JOIN kinerja_period p ON p.id = ev.period_id
             LEFT JOIN coefficient c ON c.level = emp.functional_level
             LEFT JOIN share s ON s.predicate = ev.predicate
                 WHERE ev.state = 'done' AND ev.credit_months IS NULL)
        UPDATE kinerja_evaluation ev
           SET credit_position_type = f.position_type, credit_functional_level = f.level,
               credit_coefficient = f.coefficient, credit_percent = f.percent, credit_months = f.months
          FROM figures f
         WHERE ev.id = f.id
        """,
        {
            "levels": list(CREDIT_COEFFICIENT),
            "coefficients": list(CREDIT_COEFFICIENT.values()),
            "predicates": list(CREDIT_SHARE),
            "shares": list(CREDIT_SHARE.values()),
        },
    )
    cr.execute(
        """
        UPDATE kinerja_evaluation ev
           SET credit_points_counted = CASE
                   WHEN ev.evaluation_type = 'periodic' AND EXISTS (
                        SELECT 1 FROM kinerja_evaluation annual
                         WHERE annual.skp_id = ev.skp_id AND annual.evaluation_type = 'annual'
                           AND annual.state = 'done') THEN 0
                   ELSE COALESCE(ev.credit_points, 0) END
         WHERE ev.state = 'done' AND ev.credit_points_counted IS NULL
        """
    )
    env.invalidate_all()
