"""18.0.1.2.0: a realisation report's SKP indicator is ``skp_indicator_id``; it was called
``indicator_id``, the name by which the SKP indicator itself refers to the library indicator."""

from odoo.addons.kinerja_asn.tools.migration import rename_field


def migrate(cr, version):
    rename_field(cr, "kinerja.realization", "indicator_id", "skp_indicator_id")
