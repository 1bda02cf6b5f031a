"""18.0.1.2.0: a realisation report's SKP indicator is ``skp_indicator_id``; it was called
``indicator_id``, the name by which the SKP indicator itself refers to the library indicator.

Renamed before the module's models load, in place: the column keeps every report's indicator,
and the field's record (``ir.model.fields``, which tracking values, exports and filters refer
to) keeps its id, so nothing is dropped and recreated. The index and the foreign key take the
names the ORM gives them, so that the update finds them instead of adding a second pair.
"""

from odoo.tools import sql

TABLE = "kinerja_realization"
MODEL = "kinerja.realization"
OLD, NEW = "indicator_id", "skp_indicator_id"


def migrate(cr, version):
    if not sql.column_exists(cr, TABLE, OLD) or sql.column_exists(cr, TABLE, NEW):
        return
    sql.rename_column(cr, TABLE, OLD, NEW)
    old_index, new_index = sql.make_index_name(TABLE, OLD), sql.make_index_name(TABLE, NEW)
    cr.execute(
        sql.SQL("ALTER INDEX IF EXISTS %s RENAME TO %s", sql.SQL.identifier(old_index), sql.SQL.identifier(new_index))
    )
    old_fkey, new_fkey = sql.make_identifier(f"{TABLE}_{OLD}_fkey"), sql.make_identifier(f"{TABLE}_{NEW}_fkey")
    if sql.constraint_definition(cr, TABLE, old_fkey):
        cr.execute(
            sql.SQL(
                "ALTER TABLE %s RENAME CONSTRAINT %s TO %s",
                sql.SQL.identifier(TABLE),
                sql.SQL.identifier(old_fkey),
                sql.SQL.identifier(new_fkey),
            )
        )
        cr.execute("UPDATE ir_model_constraint SET name = %s WHERE name = %s", [new_fkey, old_fkey])
    cr.execute("UPDATE ir_model_fields SET name = %s WHERE model = %s AND name = %s", [NEW, MODEL, OLD])
    cr.execute(
        """
        UPDATE ir_model_data
           SET name = %s
         WHERE module = 'kinerja_asn' AND model = 'ir.model.fields' AND name = %s
        """,
        [f"field_{TABLE}__{NEW}", f"field_{TABLE}__{OLD}"],
    )
    # the inverse of the SKP indicator's realisation_ids, and its reports' name field
    cr.execute(
        "UPDATE ir_model_fields SET relation_field = %s WHERE relation = %s AND relation_field = %s",
        [NEW, MODEL, OLD],
    )
