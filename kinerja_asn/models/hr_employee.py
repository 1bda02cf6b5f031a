from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrEmployee(models.Model):
    _inherit = "hr.employee"
    # Every record rule of the addon reads "the employees below me" (child_of on the manager
    # chain): with a parent path it is one indexed condition, not one query per level.
    _parent_store = True

    parent_path = fields.Char(index=True)
    skp_ids = fields.One2many("kinerja.skp", "employee_id", string="SKPs")
    skp_count = fields.Integer(compute="_compute_skp_count", string="SKP Count")

    _sql_constraints = [
        (
            "nip_company_uniq",
            "unique(nip, company_id)",
            "Another employee of this company already has this NIP.",
        ),
    ]

    def _compute_skp_count(self):
        counts = dict(
            self.env["kinerja.skp"]._read_group(
                [("employee_id", "in", self.ids), ("state", "!=", "cancelled")], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.skp_count = counts.get(employee, 0)

    def action_open_skp(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_skp_action")
        action.update(
            {
                "domain": [("employee_id", "=", self.id)],
                "context": {"default_employee_id": self.id},
            }
        )
        return action

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
        orphans = self.sudo().with_context(active_test=False).child_ids - self
        if orphans:
            orphans.write({"parent_id": False})
        return super().unlink()

    def write(self, vals):
        if vals.get("nip"):
            vals["nip"] = vals["nip"].replace(" ", "").strip()
        return super().write(vals)
