"""18.0.1.2.1: when an SKP was evaluated is ``evaluated_date``; it was ``done_date``, the name
the evaluation gives to when it was signed."""

from odoo.addons.kinerja_asn.tools.migration import rename_field


def migrate(cr, version):
    rename_field(cr, "kinerja.skp", "done_date", "evaluated_date")
