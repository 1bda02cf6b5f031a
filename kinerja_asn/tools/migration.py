"""Renaming a field in an upgrade, in place, before the module's models load.

The column keeps every record's value and the field's record (``ir.model.fields``, which
tracking values, exports and filters refer to) keeps its id, so nothing is dropped and
recreated. The index and the foreign key take the names the ORM gives them, so that the
update finds them instead of adding a second pair; inverse fields follow.
"""

from odoo.tools import sql


def rename_field(cr, model, old, new):
    """Rename ``model``'s stored field ``old`` to ``new``; nothing to do when already renamed."""
    table = model.replace(".", "_")
    if not sql.column_exists(cr, table, old) or sql.column_exists(cr, table, new):
        return False
    sql.rename_column(cr, table, old, new)
    old_index, new_index = sql.make_index_name(table, old), sql.make_index_name(table, new)
    cr.execute(
        sql.SQL("ALTER INDEX IF EXISTS %s RENAME TO %s", sql.SQL.identifier(old_index), sql.SQL.identifier(new_index))
    )
    old_fkey, new_fkey = sql.make_identifier(f"{table}_{old}_fkey"), sql.make_identifier(f"{table}_{new}_fkey")
    if sql.constraint_definition(cr, table, old_fkey):
        cr.execute(
            sql.SQL(
                "ALTER TABLE %s RENAME CONSTRAINT %s TO %s",
                sql.SQL.identifier(table),
                sql.SQL.identifier(old_fkey),
                sql.SQL.identifier(new_fkey),
            )
        )
        cr.execute("UPDATE ir_model_constraint SET name = %s WHERE name = %s", [new_fkey, old_fkey])
    cr.execute("UPDATE ir_model_fields SET name = %s WHERE model = %s AND name = %s", [new, model, old])
    cr.execute(
        """
        UPDATE ir_model_data
           SET name = %s
         WHERE module = 'kinerja_asn' AND model = 'ir.model.fields' AND name = %s
        """,
        [f"field_{table}__{new}", f"field_{table}__{old}"],
    )
    # one2many fields whose inverse it is
    cr.execute(
        "UPDATE ir_model_fields SET relation_field = %s WHERE relation = %s AND relation_field = %s",
        [new, model, old],
    )
    return True
