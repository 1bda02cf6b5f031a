import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import register_file as rf
from ..tools.register_analysis import RegisterAnalysis
from .kinerja_register_import_line import ACTIONS

# how many errors a refused confirmation lists
ERROR_LIST_LIMIT = 30


class KinerjaRegisterImport(models.Model):
    """The civil-servant register brought in from a SIASN export: the officer uploads the
    file, previews what it would create, change and move (nothing changes), then confirms,
    which applies every row at once or nothing. The record stays as the audit of who
    imported what."""

    _name = "kinerja.register.import"
    _description = "Register Import"
    _inherit = ["mail.thread", "kinerja.workflow.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    # The workflow (see kinerja.workflow.mixin): officers only, at every step.
    _workflow_transitions = {
        ("draft", "previewed"): ("officer",),
        ("previewed", "draft"): ("officer",),
        ("previewed", "done"): ("officer",),
    }
    _workflow_fields = frozenset(
        {
            "state",
            "preview_user_id",
            "preview_date",
            "confirm_user_id",
            "confirm_date",
            "org_chart",
            "create_count",
            "update_count",
            "move_count",
            "unchanged_count",
            "error_count",
            "warning_count",
        }
    )
    _workflow_role_fields = {}
    _workflow_deletable_states = ("draft", "previewed")

    name = fields.Char(compute="_compute_name", store=True, readonly=False, required=True, precompute=True)
    company_id = fields.Many2one(
        "res.company", string="Government", required=True, index=True, default=lambda self: self.env.company
    )
    file = fields.Binary(string="Register File", attachment=True, copy=False)
    file_name = fields.Char()
    state = fields.Selection(
        [("draft", "Uploaded"), ("previewed", "Previewed"), ("done", "Applied")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("kinerja.register.import.line", "import_id", string="Rows", readonly=True)
    org_chart = fields.Html(string="Org Chart After Import", readonly=True, copy=False)
    create_count = fields.Integer(string="To Create", readonly=True, copy=False)
    update_count = fields.Integer(string="To Update", readonly=True, copy=False)
    move_count = fields.Integer(string="To Move", readonly=True, copy=False)
    unchanged_count = fields.Integer(string="Unchanged", readonly=True, copy=False)
    error_count = fields.Integer(string="Errors", readonly=True, copy=False)
    warning_count = fields.Integer(string="Warnings", readonly=True, copy=False)
    preview_user_id = fields.Many2one("res.users", string="Previewed By", readonly=True, copy=False)
    preview_date = fields.Datetime(string="Previewed On", readonly=True, copy=False)
    confirm_user_id = fields.Many2one("res.users", string="Applied By", readonly=True, copy=False)
    confirm_date = fields.Datetime(string="Applied On", readonly=True, copy=False)

    @api.depends("file_name")
    def _compute_name(self):
        for record in self:
            record.name = record.file_name or record.name or self.env._("Register import")

    # ------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------
    def _check_officer(self):
        """Only a performance officer handles the register (the ACL says it too; this holds
        where a caller works around it)."""
        if not self.env.su and not self.env.user._kinerja_is_officer():
            raise AccessError(self.env._("Only a performance officer imports the civil-servant register."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_officer()
        return super().create(vals_list)

    def write(self, vals):
        if {"file", "company_id"} & set(vals) and not self._workflow_in_transition():
            self._check_officer()
            if any(record.state == "done" for record in self):
                raise UserError(self.env._("An applied import is kept as it was: upload the new file in a new import."))
            previewed = self.filtered(lambda r: r.state == "previewed")
            result = super().write(vals)
            previewed._reset_preview()
            return result
        return super().write(vals)

    def _reset_preview(self):
        """Back to an uploaded file: the preview of another file (or government) is void."""
        if not self:
            return
        self._import_lines().unlink()
        self._workflow_transition("draft", self._preview_values([]))

    def _import_lines(self):
        """Named exception (README, privileged methods): the preview lines of these imports as superuser. They
        are the preview's output, never the user's input: officers only read them (no one has
        write access), and the preview and the confirmation write them."""
        return self.sudo().line_ids

    # ------------------------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------------------------
    def action_preview(self):
        """Read the file and list what confirming would do; employees and units stay as they are."""
        self._check_officer()
        for record in self:
            if record.state == "done":
                raise UserError(self.env._("%(import)s is applied already.", **{"import": record.display_name}))
            analysis = record._analyse()
            lines = analysis.lines()
            previous = record._import_lines()
            previous.unlink()
            previous.browse().create([{**line, "import_id": record.id} for line in lines])
            values = record._preview_values(lines)
            values.update(
                org_chart=analysis.chart(),
                preview_user_id=self.env.uid,
                preview_date=self._workflow_now(),
            )
            if record.state == "previewed":
                record._check_officer()
                record._workflow_write(values)
            else:
                record._workflow_transition("previewed", values)
        return True

    def action_confirm(self):
        """Apply the previewed file: every unit and employee in one go, or nothing."""
        self._check_officer()
        for record in self:
            if record.state != "previewed":
                raise UserError(self.env._("Preview %(import)s before applying it.", **{"import": record.display_name}))
            analysis = record._analyse()
            errors = analysis.errors()
            if errors:
                listed = errors[:ERROR_LIST_LIMIT]
                if len(errors) > ERROR_LIST_LIMIT:
                    listed.append(self.env._("… and %(count)s more.", count=len(errors) - ERROR_LIST_LIMIT))
                raise UserError(
                    self.env._(
                        "The register cannot be applied: fix these rows in the file, upload it again and "
                        "preview:\n%(errors)s",
                        errors="\n".join(listed),
                    )
                )
            fresh = sorted(line["signature"] for line in analysis.lines())
            if fresh != sorted(record.line_ids.mapped("signature")):
                raise UserError(
                    self.env._(
                        "The employees or units of %(company)s changed since the preview of %(import)s: preview it "
                        "again and check the differences before applying.",
                        company=record.company_id.name,
                        **{"import": record.display_name},
                    )
                )
            # one savepoint: a refusal of any record (a constraint) leaves nothing half done
            with self.env.cr.savepoint():
                created = record._apply(analysis)
                record._workflow_transition(
                    "done", {"confirm_user_id": self.env.uid, "confirm_date": self._workflow_now()}
                )
            record._link_created(created)
            record.message_post(
                body=self.env._(
                    "Register applied: %(create)s created, %(update)s updated, %(move)s moved, "
                    "%(unchanged)s unchanged.",
                    create=record.create_count,
                    update=record.update_count,
                    move=record.move_count,
                    unchanged=record.unchanged_count,
                )
            )
        return True

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_register_import_line_action")
        action.update(domain=[("import_id", "=", self.id)], context={"default_import_id": self.id})
        return action

    # ------------------------------------------------------------------------------------
    # Preview and application
    # ------------------------------------------------------------------------------------
    @api.model
    def _preview_values(self, lines):
        counts = dict.fromkeys((key for key, _label in ACTIONS), 0)
        for line in lines:
            counts[line["action"]] += 1
        return {
            "create_count": counts["create"],
            "update_count": counts["update"],
            "move_count": counts["move"],
            "unchanged_count": counts["unchanged"],
            "error_count": counts["error"],
            "warning_count": sum(1 for line in lines if line["warning"]),
            "org_chart": False,
        }

    def _analyse(self):
        """The analysis of the file against the government's employees and units."""
        self.ensure_one()
        _ = self.env._
        if not self.file:
            raise UserError(_("Upload the register file (XLSX or CSV) first."))
        try:
            sheets = rf.read_register(base64.b64decode(self.file), self.file_name or "")
        except rf.RegisterFileError:
            raise UserError(
                _(
                    "%(file)s could not be read: upload the register as an XLSX workbook or a CSV file (save an old "
                    ".xls workbook as .xlsx first).",
                    file=self.file_name or _("The file"),
                )
            ) from None
        people, units = self._register_sheets(sheets)
        return RegisterAnalysis(self, people, units)

    def _register_sheets(self, sheets):
        """The sheet of people (the first with the NIP and name columns) and the sheet of
        units (one named or headed as units), or one error naming the missing columns."""
        _ = self.env._

        def missing(sheet, spec, required):
            found = sheet.columns(spec)
            return [spec[field][0] for field in required if field not in found]

        def is_units(sheet):
            if rf.UNIT_SHEET_NAMES.search(sheet.name or "") and len(sheets) > 1:
                return True
            keys = set(sheet.keys)
            return bool(keys & set(rf.UNIT_COLUMNS["unit_parent_id"])) and not keys & set(rf.EMPLOYEE_COLUMNS["nip"])

        people = next((s for s in sheets if not missing(s, rf.EMPLOYEE_COLUMNS, rf.EMPLOYEE_REQUIRED)), None)
        candidates = [s for s in sheets if s is not people and is_units(s)]
        units = candidates[0] if candidates else None
        if not people:
            sheet = next((s for s in sheets if not is_units(s)), sheets[0] if sheets else None)
            if not sheet:
                raise UserError(_("%(file)s is empty.", file=self.file_name or _("The file")))
            raise UserError(
                _(
                    "The register file lacks the required columns %(missing)s (sheet %(sheet)s, header row %(row)s; "
                    "found: %(found)s). Export the employee list from SIASN, or name the columns as the README shows.",
                    missing=", ".join(missing(sheet, rf.EMPLOYEE_COLUMNS, rf.EMPLOYEE_REQUIRED)),
                    sheet=sheet.name,
                    row=sheet.header_row,
                    found=", ".join(h for h in sheet.headers if h) or _("none"),
                )
            )
        if units and (lacking := missing(units, rf.UNIT_COLUMNS, rf.UNIT_REQUIRED)):
            raise UserError(
                _(
                    "The units sheet %(sheet)s lacks the required columns %(missing)s (found: %(found)s).",
                    sheet=units.name,
                    missing=", ".join(lacking),
                    found=", ".join(h for h in units.headers if h) or _("none"),
                )
            )
        return people, units

    def _apply(self, analysis):
        """Create and write the units and employees as the analysis says, through their own
        models (their constraints apply).

        Named exception (README, privileged methods): officers keep the register without HR
        rights; the writes run as superuser, limited to this government, after the officer's
        check."""
        self.ensure_one()
        company = self.company_id
        env = self.env(su=True, context=dict(self.env.context, active_test=False, allowed_company_ids=company.ids))
        Department, Employee, Job = env["hr.department"], env["hr.employee"], env["hr.job"]
        created = {}
        # positions, by name (created where the government has none of that name)
        wanted = {}
        for person in analysis.people:
            name = person.value("job_id")
            if name:
                wanted.setdefault(name.casefold(), name)
        jobs = {}
        if wanted:
            for job in Job.search([("company_id", "in", [company.id, False])], order="company_id desc, id"):
                jobs.setdefault((job.name or "").casefold(), job)
            missing = [name for key, name in wanted.items() if key not in jobs]
            for job in Job.create([{"name": name, "company_id": company.id} for name in missing]):
                jobs[job.name.casefold()] = job
        # units: the new ones parents first, then the changes of the existing ones
        unit_ids = {}

        def department_id(ref):
            if not ref:
                return False
            ref = analysis.unit_ref(ref)
            return ref[1] if ref[0] == "dep" else unit_ids[ref[1]]

        new_units = [u for u in analysis.unit_entries if analysis.action(u) == "create"]
        while new_units:
            ready = [
                u
                for u in new_units
                if not u.parent or analysis.unit_ref(u.parent)[0] == "dep" or u.parent[1] in unit_ids
            ]
            if not ready:  # a loop, refused by the preview
                raise UserError(self.env._("The units of the file form a loop."))
            records = Department.create(
                [
                    {
                        "name": unit.name,
                        "siasn_unor_id": unit.siasn_id or False,
                        "company_id": company.id,
                        "parent_id": department_id(unit.parent),
                    }
                    for unit in ready
                ]
            )
            for unit, department in zip(ready, records, strict=True):
                unit_ids[unit.key] = department.id
                created[("unit", unit.row, unit.sheet)] = ("department_id", department.id)
            new_units = [u for u in new_units if u.key not in unit_ids]
        changed_units = [u for u in analysis.unit_entries if analysis.action(u) in ("update", "move")]
        # the moved units leave their parent first: no step makes a loop of units on the way
        moved = Department.browse([u.department.id for u in changed_units if u.changed("parent_id")])
        moved.write({"parent_id": False})
        for unit in changed_units:
            vals = {}
            for fname, _old, _new, value in unit.changes:
                vals[fname] = department_id(value) if fname == "parent_id" else value
            unit.department.with_env(env).write(vals)

        # employees: the new ones first (without a supervisor: one may be another's), then the
        # changed ones, then the supervisors of the new ones. The supervisor is written with
        # the unit, so that Odoo's default (the unit's manager) does not replace it.
        employee_ids = {}

        def employee_id(ref):
            if not ref:
                return False
            return employee_ids[ref[1]] if ref[0] == "row" else ref[1]

        def values(person):
            vals = {}
            for fname, _old, _new, value in person.changes:
                if fname == "job_id":
                    vals[fname] = jobs[value.casefold()].id
                elif fname == "department_id":
                    vals[fname] = department_id(value)
                elif fname != "parent_id":
                    vals[fname] = value
            return vals

        new_people = [p for p in analysis.people if analysis.action(p) == "create"]
        records = Employee.create([{**values(p), "parent_id": False, "company_id": company.id} for p in new_people])
        for person, employee in zip(new_people, records, strict=True):
            employee_ids[person.nip] = employee.id
            created[("employee", person.row, person.sheet)] = ("employee_id", employee.id)
        for person in analysis.people:
            if person.employee:
                employee_ids[person.nip] = person.employee.id
        for person in analysis.people:
            if analysis.action(person) not in ("update", "move"):
                continue
            vals = values(person)
            if person.changed("parent_id") or person.changed("department_id"):
                vals["parent_id"] = employee_id(person.parent)
            person.employee.with_env(env).write(vals)
        by_parent = {}
        for person in new_people:
            if person.parent:
                by_parent.setdefault(employee_id(person.parent), []).append(employee_ids[person.nip])
        for parent, ids in by_parent.items():
            Employee.browse(ids).write({"parent_id": parent})
        env.flush_all()
        return created

    def _link_created(self, created):
        """The lines of the created records point to them, for the audit."""
        for line in self._import_lines():
            target = created.get((line.record_type, line.row_number, line.sheet))
            if target:
                line[target[0]] = target[1]
