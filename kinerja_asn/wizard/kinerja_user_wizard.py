import secrets

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError


class KinerjaUserWizard(models.TransientModel):
    """Officers give many employees their login at once: the NIP as login, the internal user
    group, the employee linked. Where the employee has a work e-mail he receives Odoo's
    invitation; otherwise a first password is shown here, once, to hand over."""

    _name = "kinerja.user.wizard"
    _description = "Create Users for Employees"

    line_ids = fields.One2many("kinerja.user.wizard.line", "wizard_id", string="Employees")
    state = fields.Selection([("preview", "Preview"), ("done", "Done")], default="preview", required=True)
    ready_count = fields.Integer(compute="_compute_counts")
    error_count = fields.Integer(compute="_compute_counts")

    @api.depends("line_ids.status")
    def _compute_counts(self):
        for wizard in self:
            wizard.ready_count = len(wizard.line_ids.filtered(lambda line: line.status == "ready"))
            wizard.error_count = len(wizard.line_ids.filtered(lambda line: line.status == "error"))

    @api.model
    def _check_officer(self):
        if not self.env.su and not self.env.user._kinerja_is_officer():
            raise AccessError(self.env._("Only performance officers create the users of employees."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_officer()
        return super().create(vals_list)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "line_ids" in fields_list and self.env.context.get("active_model") == "hr.employee":
            employees = self.env["hr.employee"].browse(self.env.context.get("active_ids") or [])
            values["line_ids"] = [Command.create(vals) for vals in self._preview(employees)]
        return values

    @api.model
    def _preview(self, employees):
        """One line per employee: ready, or the reason he cannot get a user."""
        logins = {nip for nip in employees.mapped("nip") if nip}
        taken = {
            user.login: user
            for user in self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch([("login", "in", list(logins))], ["login"])
        }
        lines = []
        for employee in employees:
            vals = {"employee_id": employee.id, "login": employee.nip, "email": employee.work_email}
            if employee.user_id:
                vals.update(status="error", message=self.env._("Already a user: %s.", employee.user_id.login))
            elif not employee.nip:
                vals.update(status="error", message=self.env._("No NIP: enter the employee's NIP first."))
            elif employee.nip in taken:
                vals.update(
                    status="error",
                    message=self.env._("The login %s belongs to another user already.", employee.nip),
                )
            else:
                vals["status"] = "ready"
            lines.append(vals)
        return lines

    def action_create_users(self):
        """Create the users of the ready lines; each other line keeps its reason."""
        self.ensure_one()
        self._check_officer()
        ready = self.line_ids.filtered(lambda line: line.status == "ready")
        if not ready:
            raise UserError(self.env._("No employee here can get a user: see the reason on each line."))
        # Named exception: officers are not user administrators; what they create here is
        # limited to internal users of their own employees' companies, with no other group.
        allowed = self.env.user.company_ids
        Users = self.env["res.users"].sudo()
        internal = self.env.ref("base.group_user")
        for line in ready:
            employee = line.employee_id
            if employee.company_id not in allowed:
                raise AccessError(self.env._("%s belongs to an agency you do not manage.", employee.name))
            password = False if line.email else secrets.token_urlsafe(9)
            vals = {
                "name": employee.name,
                "login": line.login,
                "email": line.email or False,
                "company_id": employee.company_id.id,
                "company_ids": [Command.set(employee.company_id.ids)],
                "groups_id": [Command.set(internal.ids)],
                # no address to send e-mail to: notifications in Odoo's inbox
                "notification_type": "email" if line.email else "inbox",
            }
            if password:
                vals["password"] = password
            user = Users.create(vals)
            employee.sudo().user_id = user
            line.write(
                {
                    "user_id": user.id,
                    "status": "invited" if line.email else "created",
                    "password": password,
                    "message": self.env._("Invitation sent to %s.", line.email)
                    if line.email
                    else self.env._("Hand this first password over; the employee changes it at his first login."),
                }
            )
        self.state = "done"
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_user_wizard_action")
        action.update(res_id=self.id, context={})
        return action
