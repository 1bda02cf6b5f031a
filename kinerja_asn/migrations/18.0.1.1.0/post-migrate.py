"""18.0.1.1.0: an employee reads his own evaluations (and their feedback lines) only once
they are signed; an evaluation's name no longer carries its type's label (which stayed in
the language of whoever created it).

The record rules are loaded from a ``noupdate`` file, so an update leaves the rules of an
existing database as they were: rewrite the two whose domain changed, from that file, leaving
every other rule (and any change an agency made to it) alone.
"""

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools.misc import file_path

RULES = ("kinerja_evaluation_rule_user_read", "kinerja_evaluation_line_rule_user_read")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    tree = etree.parse(file_path("kinerja_asn/security/kinerja_rules.xml"))
    for xmlid in RULES:
        rule = env.ref(f"kinerja_asn.{xmlid}", raise_if_not_found=False)
        [record] = tree.xpath("//record[@id=$id]", id=xmlid)
        if rule:
            rule.write({field.get("name"): field.text for field in record.iterfind("field[@name='domain_force']")})
    # the new name of every evaluation, in one statement (a government has a hundred thousand)
    cr.execute(
        """
        UPDATE kinerja_evaluation ev
           SET name = concat_ws(' - ', e.name, p.name)
          FROM kinerja_period p, kinerja_skp s
          LEFT JOIN hr_employee e ON e.id = s.employee_id
         WHERE p.id = ev.period_id AND s.id = ev.skp_id
        """
    )
