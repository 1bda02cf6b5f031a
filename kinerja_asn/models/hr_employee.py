from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class HrEmployee(models.Model):
    _inherit = "hr.employee"
    # Every record rule of the addon reads "the employees below me" (child_of on the manager
    # chain): with a parent path it is one indexed condition, not one query per level.
    # Odoo's HR lets the manager chain loop (a department head moved into the department he
    # manages becomes his own manager): the path leaves out the link that closes a loop, see
    # _parent_store_update and _parent_store_compute.
    _parent_store = True

    parent_path = fields.Char(index=True)
    skp_ids = fields.One2many("kinerja.skp", "employee_id", string="SKPs")
    kinerja_tpp_class_id = fields.Many2one(
        "kinerja.tpp.class",
        string="Position Class (TPP)",
        check_company=True,
        help="Kelas jabatan: sets the monthly regional allowance (TPP) of the employee.",
    )

    _sql_constraints = [
        (
            "nip_company_uniq",
            "unique(nip, company_id)",
            "Another employee of this company already has this NIP.",
        ),
        (
            "siasn_id_company_uniq",
            "unique(siasn_id, company_id)",
            "Another employee of this company already has this SIASN ID.",
        ),
    ]

    @api.constrains("nip")
    def _check_nip(self):
        for employee in self.filtered("nip"):
            nip = employee.nip
            if len(nip) != 18 or not nip.isdigit():
                raise ValidationError(
                    self.env._(
                        "The NIP of %(employee)s must be exactly 18 digits (got “%(nip)s”).",
                        employee=employee.name,
                        nip=nip,
                    )
                )
            try:
                date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
            except ValueError:
                raise ValidationError(
                    self.env._(
                        "The NIP of %(employee)s does not start with a valid birth date (YYYYMMDD): “%(nip)s”.",
                        employee=employee.name,
                        nip=nip,
                    )
                ) from None
            if nip[14] not in "12":
                raise ValidationError(
                    self.env._(
                        "The 15th digit of the NIP of %(employee)s is the gender code and must "
                        "be 1 or 2 (got “%(nip)s”).",
                        employee=employee.name,
                        nip=nip,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("nip"):
                vals["nip"] = vals["nip"].replace(" ", "").strip()
        return super().create(vals_list)

    def unlink(self):
        # The database would only empty the subordinates' manager ("set null"): do it through
        # the ORM, so that their parent path (what the record rules read) follows.
        orphans = self._kinerja_org_chart().with_context(active_test=False).child_ids - self
        if orphans:
            orphans.write({"parent_id": False})
        return super().unlink()

    def write(self, vals):
        if vals.get("nip"):
            vals["nip"] = vals["nip"].replace(" ", "").strip()
        return super().write(vals)

    # Parent path of a manager chain that may loop

    def _parent_store_update(self):
        """Follow a change of manager in the parent path, like the ORM, except that a loop is
        not an error: an employee whose new manager stands below him (or is himself) heads
        his own subtree, the link that closes the loop being left out of the path."""
        for parent, records in self.grouped(self._parent_name).items():
            above = {int(label) for label in (parent.parent_path or "").split("/")[:-1]}
            loop_heads = records.browse(id_ for id_ in records._ids if id_ in above)
            if loop_heads:
                loop_heads._parent_store_set_prefix("")
            # The heads' subtrees (the new manager's included) have just moved: read it again.
            (records - loop_heads)._parent_store_set_prefix(parent.parent_path or "")

    def _parent_store_set_prefix(self, prefix):
        """Place the employees of ``self`` (with their subtrees) under the path ``prefix``."""
        if not self:
            return
        rows = self.env.execute_query(
            SQL(
                """UPDATE hr_employee child
                      SET parent_path = concat(%(prefix)s, substr(child.parent_path,
                              length(node.parent_path) - length(node.id || '/') + 1))
                     FROM hr_employee node
                    WHERE node.id IN %(ids)s
                      AND child.parent_path LIKE concat(node.parent_path, %(wildcard)s)
                RETURNING child.id, child.parent_path""",
                prefix=prefix,
                ids=tuple(self.ids),
                wildcard="%",
            )
        )
        updated = dict(rows)
        records = self.browse(updated)
        self.env.cache.update(records, self._fields["parent_path"], updated.values())
        records.modified(["parent_path"])

    def _parent_store_compute(self):
        """Compute the parent paths from scratch (installation), then give a path to the
        employees the ORM leaves without one, those on or below a loop of managers: the
        lowest id of each loop heads it."""
        super()._parent_store_compute()
        rows = self.env.execute_query(SQL("SELECT id, parent_id FROM hr_employee WHERE parent_path IS NULL"))
        if not rows:
            return True
        parent_of = dict(rows)
        heads, seen = set(), set()
        for start in parent_of:
            chain = []
            node = start
            while node in parent_of and node not in seen:
                seen.add(node)
                chain.append(node)
                node = parent_of[node]
            if node in chain:  # this walk closed a loop: chain[index:] is the loop
                heads.add(min(chain[chain.index(node) :]))
        self.env.cr.execute(
            SQL(
                """WITH RECURSIVE path(id, parent_path) AS (
                        SELECT id, concat(id, '/') FROM hr_employee WHERE id IN %(heads)s
                    UNION
                        SELECT row.id, concat(path.parent_path, row.id, '/')
                          FROM hr_employee row JOIN path ON row.parent_id = path.id
                         WHERE row.id NOT IN %(heads)s
                   )
                   UPDATE hr_employee row SET parent_path = path.parent_path
                     FROM path WHERE row.id = path.id""",
                heads=tuple(heads),
            )
        )
        self.invalidate_model(["parent_path"])
        return True

    def _kinerja_org_chart(self):
        """Named exception (README, privileged methods): these employees as superuser, to read the org chart
        (managers up the chain, subordinates, archived ones and other agencies' included) and
        the civil-service fields that documents and checks read (NIP, rank, position type,
        functional level, register identifiers). An ordinary user reads only
        ``hr.employee.public``; an evaluator or officer without HR rights still has the
        evaluator chain checked and the documents printed. Read only, but for ``unlink()``,
        which empties the subordinates' manager."""
        return self.sudo()

    def _kinerja_identity(self, prefix):
        """What the SKP and the evaluation document print of this employee (name, NIP, rank,
        position, unit), keyed ``<prefix>_<key>`` as the SKP's identity snapshot fields; all
        empty for no employee (an SKP without an evaluator's supervisor). Read through the org
        chart: the evaluator may not read the private fields (NIP, rank) the document prints."""
        person = self._kinerja_org_chart()
        ranks = dict(self._fields["rank"]._description_selection(self.env))
        return {
            f"{prefix}_name": person.name,
            f"{prefix}_nip": person.nip,
            f"{prefix}_rank": ranks.get(person.rank) if person.rank else False,
            f"{prefix}_position": person.job_title or person.job_id.name,
            f"{prefix}_unit": person.department_id.complete_name,
        }
