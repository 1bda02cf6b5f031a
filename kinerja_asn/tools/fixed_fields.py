from odoo.exceptions import UserError


def check_fixed(records, vals, fnames):
    """Refuse to change, after creation, the fields that say whose a record is (its SKP, its
    indicator, its author...): record rules are checked on the record as it was, so moving it
    onto someone else's would slip past them. Writing the same value again is allowed."""
    if records.env.su:
        return
    for fname in set(fnames) & set(vals):
        field = records._fields[fname]
        new = field.convert_to_cache(vals[fname], records)
        for record in records:
            if field.convert_to_cache(record[fname], record) != new:
                raise UserError(
                    records.env._(
                        "%(field)s of %(record)s is set when it is created and cannot change: create a new "
                        "one instead.",
                        field=field._description_string(records.env),
                        record=record.display_name,
                    )
                )
