"""What a register file would change: the analysis behind the preview and the confirmation
of ``kinerja.register.import``. It reads the records of the company once (a fixed number of
queries whatever the number of rows) and changes nothing.

References used throughout: a unit is ``("dep", id)`` (an existing department) or
``("unit", key)`` (a unit the file creates); a person is ``("emp", id)`` (an employee the file
does not list) or ``("row", nip)`` (a row of the file).
"""

import hashlib
import re

from markupsafe import Markup

from odoo.exceptions import ValidationError

from ..models.hr_employee_base import FUNCTIONAL_LEVELS, POSITION_TYPES, RANKS
from . import register_file as rf

# the employee fields a row sets, in the order the differences are listed
PERSON_FIELDS = (
    "name",
    "nip",
    "siasn_id",
    "rank",
    "asn_type",
    "job_id",
    "position_type",
    "functional_level",
    "department_id",
    "parent_id",
    "active",
)
MOVE_FIELDS = {"department_id", "parent_id"}
# a larger chart is cut (the lines list everything)
CHART_LIMIT = 3000
EMPTY = {"", "-", "–", "—"}


class _Entry:
    """A row of the file: a unit or a person."""

    record_type = None

    def __init__(self, row, sheet):
        self.row = row
        self.sheet = sheet
        self.errors = []
        self.warnings = []
        self.changes = []  # (field, old text, new text, new value)

    def change(self, fname, old, new, value):
        self.changes.append((fname, old, new, value))

    def changed(self, fname):
        return any(change[0] == fname for change in self.changes)

    def value(self, fname, default=None):
        for change in self.changes:
            if change[0] == fname:
                return change[3]
        return default


class _Unit(_Entry):
    record_type = "unit"

    def __init__(self, row, sheet, siasn_id, name, origin):
        super().__init__(row, sheet)
        self.siasn_id = siasn_id
        self.name = name
        self.origin = origin  # "sheet" (units sheet) or "employee" (unit columns of the people)
        self.key = siasn_id or f"name:{name.casefold()}"
        self.parent_siasn_id = ""
        self.parent_name = ""
        self.creatable = origin == "sheet"
        self.department = None
        self.parent = None
        self.duplicate = False
        self.unknown = False
        self.people = []


class _Person(_Entry):
    record_type = "employee"

    def __init__(self, row, sheet, values):
        super().__init__(row, sheet)
        self.values = values
        self.nip = ""
        self.name = ""
        self.siasn_id = ""
        self.supervisor_nip = ""
        self.unit_key = None
        self.job_name = ""
        self.fields = {}  # what the file says: field -> value
        self.level_given = False
        self.employee = None
        self.unit = None
        self.parent = None
        self.duplicate = False


class RegisterAnalysis:
    """Reads the sheets of a register file against the company's employees and units."""

    def __init__(self, record, people_sheet, units_sheet=None):
        self.record = record
        self.env = record.env
        self._ = record.env._
        self.company = record.company_id
        self.Employee = self.env["hr.employee"].sudo().with_context(active_test=False)
        self.Department = self.env["hr.department"].sudo().with_context(active_test=False)
        self.units = {}  # key -> _Unit (the first of a key)
        self.unit_entries = []  # every unit row, duplicates included, then the implicit units
        self.people = []
        self.people_by_nip = {}
        self.rank_lookup = rf.rank_lookup(RANKS)
        self.people_columns = set(people_sheet.columns(rf.EMPLOYEE_COLUMNS))
        if units_sheet:
            self._read_units(units_sheet)
        self._read_people(people_sheet)
        self._load()
        self._resolve_units()
        self._resolve_people()
        self._find_loops()
        self._flag_unsupervised()
        self._diff_people()

    # ------------------------------------------------------------------------------------
    # Reading the rows
    # ------------------------------------------------------------------------------------
    @staticmethod
    def _text(values, fname):
        text = re.sub(r"\s+", " ", values.get(fname) or "").strip()
        return "" if text in EMPTY else text

    def _read_units(self, sheet):
        _ = self._
        for number, values in sheet.records(rf.UNIT_COLUMNS):
            siasn_id, name = self._text(values, "unit_id"), self._text(values, "unit_name")
            unit = _Unit(number, sheet.name, siasn_id, name, "sheet")
            unit.parent_siasn_id = self._text(values, "unit_parent_id")
            if not siasn_id:
                unit.errors.append(_("The unit ID is missing."))
            if not name:
                unit.errors.append(_("The unit name is missing."))
            first = self.units.get(unit.key)
            if siasn_id and first:
                unit.duplicate = True
                unit.errors.append(
                    _(
                        "Unit ID %(id)s appears more than once in the file (first in row %(row)s).",
                        id=siasn_id,
                        row=first.row,
                    )
                )
            elif siasn_id:
                self.units[unit.key] = unit
            self.unit_entries.append(unit)

    def _read_people(self, sheet):
        _ = self._
        self.sheet_units_by_name = {}
        for unit in self.units.values():
            if unit.name:
                self.sheet_units_by_name.setdefault(unit.name.casefold(), unit)
        Employee = self.env["hr.employee"]
        levels_given = "level" in self.people_columns
        for number, values in sheet.records(rf.EMPLOYEE_COLUMNS):
            person = _Person(number, sheet.name, values)
            self.people.append(person)
            raw_nip = values.get("nip") or ""
            person.nip = rf.clean_nip(raw_nip)
            name = self._text(values, "name")
            if name.isupper():
                name = name.title()  # SIASN writes names in capitals
            front, back = self._text(values, "title_front"), self._text(values, "title_back")
            person.name = " ".join(filter(None, (front, name))) + (f", {back}" if back and name else "")
            person.siasn_id = self._text(values, "siasn_id")
            if not person.nip:
                person.errors.append(_("The NIP is missing."))
            elif re.search(r"[eE][+-]?\d", raw_nip):
                person.errors.append(
                    _(
                        "The NIP %(nip)s was stored as a number and lost its last digits: format the NIP "
                        "column as text and export the file again.",
                        nip=raw_nip,
                    )
                )
            else:
                # the employee's own check, on a record that is never saved
                try:
                    Employee.new({"nip": person.nip, "name": person.name or person.nip})._check_nip()
                except ValidationError as error:
                    person.errors.append(error.args[0])
            self._read_person_fields(person, values)
            person.level_given = levels_given
            unit_id, unit_name = self._text(values, "unit_id"), self._text(values, "unit_name")
            if unit_id or unit_name:
                person.unit_key = self._unit_of_row(person, unit_id, unit_name)
            person.supervisor_nip = rf.clean_nip(self._text(values, "supervisor_nip"))
        # duplicates: every row of a NIP or SIASN id given twice is refused
        for attribute, message in (
            ("nip", _("NIP %(value)s appears more than once in the file (rows %(rows)s).")),
            ("siasn_id", _("PNS ID %(value)s appears more than once in the file (rows %(rows)s).")),
        ):
            rows = {}
            for person in self.people:
                if getattr(person, attribute):
                    rows.setdefault(getattr(person, attribute), []).append(person)
            for value, persons in rows.items():
                if len(persons) > 1:
                    listed = ", ".join(str(p.row) for p in persons)
                    for person in persons:
                        person.duplicate = True
                        person.errors.append(message % {"value": value, "rows": listed})
        self.people_by_nip = {p.nip: p for p in self.people if p.nip and not p.duplicate}

    def _read_person_fields(self, person, values):
        _ = self._
        grade, grade_code = self._text(values, "grade"), self._text(values, "grade_code")
        if grade or grade_code:
            rank = rf.find_rank(self.rank_lookup, grade, grade_code)
            if rank:
                person.fields["rank"] = rank
                person.fields["asn_type"] = "pppk" if rank.startswith("pppk_") else "pns"
            else:
                person.errors.append(
                    _(
                        "Grade “%(grade)s” is not a known golongan (e.g. III/a, IV/b, or IX for PPPK).",
                        grade=grade or grade_code,
                    )
                )
        kind, kind_code = self._text(values, "position_type"), self._text(values, "position_type_code")
        if kind or kind_code:
            echelon = rf.echelon_level(self._text(values, "echelon"), self._text(values, "echelon_code"))
            key, reason = rf.find_position_type(POSITION_TYPES, kind, kind_code, echelon)
            if key:
                person.fields["position_type"] = key
            elif reason == "echelon":
                person.errors.append(
                    _(
                        "A structural position needs its echelon (ESELON_NAMA, e.g. II.a, III.a, IV.a) to tell a "
                        "senior executive, an administrator and a supervisor apart."
                    )
                )
            else:
                person.errors.append(
                    _(
                        "Position type “%(type)s” is not known: use Struktural (with the echelon), Fungsional or "
                        "Pelaksana, or JPT, Administrator, Pengawas.",
                        type=kind or kind_code,
                    )
                )
        person.job_name = self._text(values, "job")
        level = self._text(values, "level")
        if level:
            key = rf.find_level(FUNCTIONAL_LEVELS, level)
            if key:
                person.fields["functional_level"] = key
            else:
                person.errors.append(
                    _(
                        "Functional level “%(level)s” is not known (%(levels)s).",
                        level=level,
                        levels=", ".join(label for _key, label in FUNCTIONAL_LEVELS),
                    )
                )

    def _unit_of_row(self, person, unit_id, unit_name):
        """The key of the unit a person's row names, declaring it from the row's unit columns
        when the units sheet does not."""
        key = unit_id or f"name:{unit_name.casefold()}"
        if key in self.units:
            unit = self.units[key]
        elif not unit_id and unit_name.casefold() in self.sheet_units_by_name:
            unit = self.sheet_units_by_name[unit_name.casefold()]
        else:
            unit = _Unit(person.row, person.sheet, unit_id, unit_name, "employee")
            unit.parent_siasn_id = self._text(person.values, "unit_parent_id")
            unit.parent_name = self._text(person.values, "unit_parent_name")
            # a unit is created from the people's columns only when they say where it belongs
            unit.creatable = bool({"unit_parent_id", "unit_parent_name"} & self.people_columns) and bool(unit_name)
            self.units[key] = unit
            self.unit_entries.append(unit)
        unit.people.append(person)
        return unit.key

    # ------------------------------------------------------------------------------------
    # The company's records (a fixed number of queries)
    # ------------------------------------------------------------------------------------
    def _load(self):
        nips = {p.nip for p in self.people if p.nip} | {p.supervisor_nip for p in self.people if p.supervisor_nip}
        siasn_ids = {p.siasn_id for p in self.people if p.siasn_id}
        employees = self.Employee.search_fetch(
            [
                ("company_id", "=", self.company.id),
                "|",
                ("nip", "in", sorted(nips)),
                ("siasn_id", "in", sorted(siasn_ids)),
            ],
            [
                "name",
                "nip",
                "siasn_id",
                "rank",
                "asn_type",
                "position_type",
                "functional_level",
                "job_id",
                "department_id",
                "parent_id",
                "active",
                "parent_path",
            ],
        )
        self.employees_by_nip = {e.nip: e for e in employees if e.nip}
        self.employees_by_siasn = {e.siasn_id: e for e in employees if e.siasn_id}
        # the names of their positions and managers, in one query each
        employees.job_id.fetch(["name"])
        employees.parent_id.fetch(["name", "nip", "parent_path"])
        departments = self.Department.search_fetch(
            [("company_id", "in", [self.company.id, False])], ["name", "complete_name", "siasn_unor_id", "parent_id"]
        )
        self.departments = {d.id: d for d in departments}
        self.departments_by_siasn = {d.siasn_unor_id: d for d in departments if d.siasn_unor_id}
        self.departments_by_name = {}
        for department in departments:
            for label in {department.name, department.complete_name}:
                if label:
                    self.departments_by_name.setdefault(label.casefold(), []).append(department)

    # ------------------------------------------------------------------------------------
    # Units
    # ------------------------------------------------------------------------------------
    def _department_named(self, unit, name, free=False):
        """The existing department called ``name`` (its name or full path), if one only;
        ``free``: among those without a SIASN id (the file gives the unit another one)."""
        found = [d for d in self.departments_by_name.get(name.casefold(), []) if not (free and d.siasn_unor_id)]
        found = list(dict.fromkeys(found))
        if len(found) > 1:
            unit.errors.append(
                self._(
                    "Several units are called “%(name)s” (%(units)s): give the unit's SIASN ID in the file, or "
                    "set it on the right unit first.",
                    name=name,
                    units=", ".join(d.complete_name for d in found),
                )
            )
            return None
        return found[0] if found else None

    def unit_ref(self, ref):
        """The canonical reference of a unit: a file unit that exists already is its department."""
        if ref and ref[0] == "unit" and self.units[ref[1]].department:
            return ("dep", self.units[ref[1]].department.id)
        return ref

    def _resolve_units(self):
        _ = self._
        entries = [u for u in self.unit_entries if not u.duplicate]
        for unit in entries:
            department = self.departments_by_siasn.get(unit.siasn_id) if unit.siasn_id else None
            if not department and unit.name:
                department = self._department_named(unit, unit.name, free=bool(unit.siasn_id))
            unit.department = department
            if not department and not unit.creatable and unit.origin == "employee":
                unit.unknown = True
        matched = {u.department.id: u for u in entries if u.department}
        self.units_by_department = matched
        for unit in entries:
            if unit.unknown or unit.errors:
                continue
            current = ("dep", unit.department.parent_id.id) if unit.department and unit.department.parent_id else None
            parent = current
            wanted = unit.parent_siasn_id or unit.parent_name
            if wanted and (unit.origin == "sheet" or not unit.department):
                parent = self._unit_parent(unit)
                if parent is False:
                    parent = current
                    unit.warnings.append(
                        _(
                            "The parent unit %(parent)s is neither in the file nor in the register: the unit stays "
                            "where it is (at the top for a new one).",
                            parent=wanted,
                        )
                    )
            unit.parent = self.unit_ref(parent)
        # loops of units (A inside B inside A)
        starts = [self.unit_ref(("unit", u.key)) for u in entries if not u.unknown and not u.errors]
        for cycle in self._cycles(starts, self._unit_next):
            names = " → ".join(self._unit_label(ref) for ref in [*cycle, cycle[0]])
            for ref in cycle:
                unit = self._unit_of_ref(ref)
                if unit:
                    unit.errors.append(_("Unit loop: %(chain)s.", chain=names))
        for unit in entries:
            self._diff_unit(unit)

    def _unit_parent(self, unit):
        """The parent the file gives a unit (a reference), or False when it is unknown."""
        if unit.parent_siasn_id:
            if unit.parent_siasn_id in self.units and not self.units[unit.parent_siasn_id].unknown:
                return ("unit", unit.parent_siasn_id)
            if unit.parent_siasn_id in self.departments_by_siasn:
                return ("dep", self.departments_by_siasn[unit.parent_siasn_id].id)
            return False
        key = f"name:{unit.parent_name.casefold()}"
        named = [u for u in self.units.values() if u.name.casefold() == unit.parent_name.casefold() and not u.unknown]
        if key in self.units or named:
            return ("unit", (self.units.get(key) or named[0]).key)
        department = self._department_named(unit, unit.parent_name)
        return ("dep", department.id) if department else False

    def _unit_of_ref(self, ref):
        if ref[0] == "unit":
            return self.units[ref[1]]
        return self.units_by_department.get(ref[1])

    def _unit_next(self, ref):
        unit = self._unit_of_ref(ref)
        if unit:
            return self.unit_ref(unit.parent)
        parent = self.departments[ref[1]].parent_id if ref[1] in self.departments else None
        return ("dep", parent.id) if parent else None

    def _unit_label(self, ref):
        if not ref:
            return self._("(none)")
        ref = self.unit_ref(ref)
        if ref[0] == "dep":
            department = self.departments.get(ref[1])
            return department.complete_name if department else str(ref[1])
        return self._("%(unit)s (new)", unit=self.units[ref[1]].name)

    def _diff_unit(self, unit):
        _ = self._
        if unit.unknown or unit.duplicate or unit.errors:
            return
        department = unit.department
        if not department:
            unit.change("name", "", unit.name, unit.name)
            if unit.siasn_id:
                unit.change("siasn_unor_id", "", unit.siasn_id, unit.siasn_id)
            unit.change("parent_id", "", self._unit_label(unit.parent), unit.parent)
            return
        if unit.origin == "sheet" and unit.name and unit.name.casefold() != (department.name or "").casefold():
            unit.change("name", department.name, unit.name, unit.name)
        if unit.siasn_id and unit.siasn_id != department.siasn_unor_id:
            unit.change("siasn_unor_id", department.siasn_unor_id or _("(none)"), unit.siasn_id, unit.siasn_id)
        current = ("dep", department.parent_id.id) if department.parent_id else None
        if unit.parent != current:
            unit.change("parent_id", self._unit_label(current), self._unit_label(unit.parent), unit.parent)

    # ------------------------------------------------------------------------------------
    # People
    # ------------------------------------------------------------------------------------
    def person_ref(self, employee):
        """The reference of an existing employee: his row when the file lists him."""
        if not employee:
            return None
        row = self.rows_by_employee.get(employee.id)
        return ("row", row.nip) if row else ("emp", employee.id)

    def _resolve_people(self):
        _ = self._
        for person in self.people:
            by_nip = self.employees_by_nip.get(person.nip) if person.nip else None
            by_siasn = self.employees_by_siasn.get(person.siasn_id) if person.siasn_id else None
            if by_nip and by_siasn and by_nip != by_siasn:
                person.errors.append(
                    _(
                        "NIP %(nip)s is %(employee)s's, but PNS ID %(siasn)s is %(other)s's: correct the row or the "
                        "two employees.",
                        nip=person.nip,
                        employee=by_nip.name,
                        siasn=person.siasn_id,
                        other=by_siasn.name,
                    )
                )
            person.employee = by_nip or by_siasn
            if person.employee and person.name.casefold() == (person.employee.name or "").casefold():
                person.name = person.employee.name  # the same name in other capitals
        rows = {}
        for person in self.people:
            if person.employee and not person.duplicate:
                rows.setdefault(person.employee.id, []).append(person)
        self.rows_by_employee = {}
        for employee_id, persons in rows.items():
            if len(persons) > 1:
                listed = ", ".join(str(p.row) for p in persons)
                for person in persons:
                    person.duplicate = True
                    person.errors.append(
                        _(
                            "Rows %(rows)s are all %(employee)s (by NIP or PNS ID).",
                            rows=listed,
                            employee=person.employee.name,
                        )
                    )
                    self.people_by_nip.pop(person.nip, None)
            else:
                self.rows_by_employee[employee_id] = persons[0]
        duplicate_nips = {p.nip for p in self.people if p.duplicate}
        duplicate_employees = {p.employee.id for p in self.people if p.duplicate and p.employee}
        self.loop_refs = set()
        for person in self.people:
            employee = person.employee
            # the unit
            if person.unit_key:
                unit = self.units[person.unit_key]
                if unit.unknown:
                    person.errors.append(
                        _(
                            "Unit %(unit)s is not in the register: add it to the units sheet (with its parent "
                            "unit) or create it first.",
                            unit=" / ".join(filter(None, (unit.siasn_id, unit.name))),
                        )
                    )
                elif unit.errors:
                    person.errors.append(
                        _("Unit %(unit)s has an error (row %(row)s).", unit=unit.name or unit.siasn_id, row=unit.row)
                    )
                else:
                    person.unit = self.unit_ref(("unit", unit.key))
            elif employee and employee.department_id:
                person.unit = ("dep", employee.department_id.id)
            # the supervisor
            nip = person.supervisor_nip
            if nip:
                supervisor = self.employees_by_nip.get(nip)
                if nip == person.nip:
                    self.loop_refs.add(("row", person.nip))
                    person.errors.append(_("Supervisor loop: the row names the employee as his own supervisor."))
                elif nip in self.people_by_nip:
                    person.parent = ("row", nip)
                elif nip in duplicate_nips or (supervisor and supervisor.id in duplicate_employees):
                    person.errors.append(
                        _("The supervisor's NIP %(nip)s is on more than one row of the file.", nip=nip)
                    )
                elif supervisor:
                    person.parent = self.person_ref(supervisor)
                else:
                    person.errors.append(
                        _(
                            "The supervisor's NIP %(nip)s is neither in the file nor an employee of %(company)s.",
                            nip=nip,
                            company=self.company.name,
                        )
                    )
            elif employee and employee.parent_id:
                person.parent = self.person_ref(employee.parent_id)

    def _person_next(self, ref):
        """The next person up from ``ref`` in the chart the import leaves."""
        if ref[0] == "row":
            person = self.people_by_nip.get(ref[1])
            return person.parent if person else None
        employee = self.Employee.browse(ref[1])
        # the managers above an employee the file does not list, nearest first: the first
        # one the file lists decides the rest of the chain
        above = [int(i) for i in (employee.parent_path or "").split("/")[:-1] if i][:-1]
        for employee_id in reversed(above):
            if employee_id in self.rows_by_employee:
                return ("row", self.rows_by_employee[employee_id].nip)
        return None

    def _find_loops(self):
        # the managers of the people the file names but does not list, read in one query
        outside = {p.parent[1] for p in self.people if p.parent and p.parent[0] == "emp"}
        self.outside = self.Employee.browse(sorted(outside))
        self.outside.fetch(["name", "nip", "parent_path", "job_title", "department_id"])
        starts = [("row", p.nip) for p in self.people_by_nip.values()]
        for cycle in self._cycles(starts, self._person_next):
            names = " → ".join(self.person_label(ref) for ref in [*cycle, cycle[0]])
            for ref in cycle:
                if ref[0] == "row":
                    self.loop_refs.add(ref)
                    self.people_by_nip[ref[1]].errors.append(self._("Supervisor loop: %(chain)s.", chain=names))

    @staticmethod
    def _cycles(starts, following):
        """The cycles met walking up from each of ``starts`` with ``following``."""
        state, cycles = {}, []
        for start in starts:
            path, position = [], {}
            node = start
            while node is not None and node not in state:
                state[node] = "walking"
                position[node] = len(path)
                path.append(node)
                node = following(node)
            if node is not None and state.get(node) == "walking":
                cycles.append(path[position[node] :])
            for visited in path:
                state[visited] = "done"
        return cycles

    def _flag_unsupervised(self):
        alone = [p for p in self.people if not p.parent and not p.errors]
        if len(alone) <= 1:
            return
        for person in alone:
            position_type = person.fields.get("position_type") or (
                person.employee.position_type if person.employee else None
            )
            if position_type != "jpt":
                person.warnings.append(
                    self._(
                        "No supervisor: nobody will approve this employee's SKP. Give the supervisor's NIP "
                        "(NIP_ATASAN), unless he heads the agency."
                    )
                )

    def person_label(self, ref):
        if not ref:
            return self._("(none)")
        if ref[0] == "row":
            person = self.people_by_nip.get(ref[1])
            return (
                f"{person.name or (person.employee.name if person.employee else '')} ({ref[1]})" if person else ref[1]
            )
        employee = self.Employee.browse(ref[1])
        return f"{employee.name} ({employee.nip})" if employee.nip else employee.name

    def _selection(self, fname, value):
        if not value:
            return self._("(none)")
        field = self.env["hr.employee"]._fields[fname]
        return dict(field._description_selection(self.env)).get(value, value)

    def _diff_people(self):
        _ = self._
        for person in self.people:
            if person.errors:
                continue
            employee = person.employee
            new = {}
            if person.name and (not employee or person.name.casefold() != (employee.name or "").casefold()):
                new["name"] = person.name
            if employee and person.nip != employee.nip:
                new["nip"] = person.nip
            if not employee:
                new["nip"] = person.nip
            if person.siasn_id and (not employee or person.siasn_id != employee.siasn_id):
                new["siasn_id"] = person.siasn_id
            for fname in ("rank", "asn_type", "position_type"):
                if fname in person.fields and (not employee or employee[fname] != person.fields[fname]):
                    new[fname] = person.fields[fname]
            if person.job_name and (
                not employee or person.job_name.casefold() != (employee.job_id.name or "").casefold()
            ):
                new["job_id"] = person.job_name
            # the functional level: given, or named in the position of a functional employee
            position_type = person.fields.get("position_type") or (employee.position_type if employee else False)
            level = person.fields.get("functional_level")
            if not level and position_type == "functional" and not person.level_given:
                level = rf.find_level(FUNCTIONAL_LEVELS, person.job_name)
            if position_type and position_type != "functional":
                level = False
            if (
                level is not None
                and (level or employee)
                and (not employee or (employee.functional_level or False) != level)
            ):
                new["functional_level"] = level
            if not employee and not person.name:
                person.errors.append(_("The name is missing."))
                continue
            old_unit = ("dep", employee.department_id.id) if employee and employee.department_id else None
            if person.unit != old_unit:
                new["department_id"] = person.unit
            old_parent = self.person_ref(employee.parent_id) if employee else None
            if person.parent != old_parent:
                new["parent_id"] = person.parent
            if employee and not employee.active:
                new["active"] = True
            for fname in PERSON_FIELDS:
                if fname not in new:
                    continue
                value = new[fname]
                if not employee and not value:
                    continue
                person.change(fname, self._person_text(employee, fname), self._person_text_new(fname, value), value)

    def _person_text(self, employee, fname):
        """The current value of an employee's field, as the preview shows it."""
        if not employee:
            return ""
        if fname in ("rank", "asn_type", "position_type", "functional_level"):
            return self._selection(fname, employee[fname])
        if fname == "parent_id":
            return self.person_label(self.person_ref(employee.parent_id))
        if fname == "active":
            return self._("Active") if employee.active else self._("Archived")
        value = {
            "job_id": employee.job_id.name,
            "department_id": employee.department_id.complete_name,
        }.get(fname, employee[fname] if fname in ("name", "nip", "siasn_id") else False)
        return value or self._("(none)")

    def _person_text_new(self, fname, value):
        if fname in ("rank", "asn_type", "position_type", "functional_level"):
            return self._selection(fname, value)
        if fname == "department_id":
            return self._unit_label(value)
        if fname == "parent_id":
            return self.person_label(value)
        if fname == "active":
            return self._("Active")
        return value or self._("(none)")

    # ------------------------------------------------------------------------------------
    # What the preview shows
    # ------------------------------------------------------------------------------------
    def action(self, entry):
        if entry.errors:
            return "error"
        if entry.record_type == "employee" and not entry.employee:
            return "create"
        if entry.record_type == "unit" and not entry.department:
            return "create"
        if any(change[0] in MOVE_FIELDS for change in entry.changes):
            return "move"
        return "update" if entry.changes else "unchanged"

    def _labels(self, model):
        fields_ = self.env[model]._fields
        return {
            fname: fields_[fname]._description_string(self.env)
            for fname in (*PERSON_FIELDS, "siasn_unor_id")
            if fname in fields_
        }

    def _diff_text(self, entry, labels, create):
        lines = []
        for fname, old, new, _value in entry.changes:
            label = labels.get(fname, fname)
            if fname == "parent_id" and entry.record_type == "unit":
                label = self._("Parent Unit")
            if fname == "parent_id" and entry.record_type == "employee":
                label = self._("Supervisor")
            lines.append(f"{label}: {new}" if create else f"{label}: {old} → {new}")
        return "\n".join(lines)

    @staticmethod
    def signature(record_type, row, action, key, changes):
        """What must not have changed between the preview and the confirmation."""
        payload = repr((record_type, row, action, key, sorted((c[0], repr(c[3])) for c in changes)))
        return hashlib.sha1(payload.encode()).hexdigest()

    def lines(self):
        """The values of the preview's lines: the units, then the people, in file order."""
        employee_labels, unit_labels = self._labels("hr.employee"), self._labels("hr.department")
        result = []
        for unit in self.unit_entries:
            action = self.action(unit)
            if unit.unknown or (unit.origin == "employee" and action == "unchanged"):
                # the units the people's columns name are listed when the import changes them
                continue
            result.append(
                {
                    "record_type": "unit",
                    "row_number": unit.row,
                    "sheet": unit.sheet,
                    "action": action,
                    "key": unit.siasn_id,
                    "name": unit.name,
                    "department_id": unit.department.id if unit.department else False,
                    "unit": self._unit_label(unit.parent) if not unit.errors else False,
                    "diff": self._diff_text(unit, unit_labels, action == "create") or False,
                    "message": "\n".join(unit.errors) or False,
                    "warning": "\n".join(unit.warnings) or False,
                    "signature": self.signature("unit", unit.row, action, unit.key, unit.changes),
                }
            )
        for person in self.people:
            action = self.action(person)
            result.append(
                {
                    "record_type": "employee",
                    "row_number": person.row,
                    "sheet": person.sheet,
                    "action": action,
                    "key": person.nip,
                    "name": person.name or (person.employee.name if person.employee else ""),
                    "siasn_id": person.siasn_id,
                    "employee_id": person.employee.id if person.employee else False,
                    "unit": self._unit_label(person.unit) if person.unit and not person.errors else False,
                    "supervisor": self.person_label(person.parent) if person.parent and not person.errors else False,
                    "supervisor_changed": person.changed("parent_id"),
                    "diff": self._diff_text(person, employee_labels, action == "create") or False,
                    "message": "\n".join(person.errors) or False,
                    "warning": "\n".join(person.warnings) or False,
                    "signature": self.signature("employee", person.row, action, person.nip, person.changes),
                }
            )
        return result

    def errors(self):
        """Every blocking error, prefixed with its sheet and row."""
        entries = [u for u in self.unit_entries if not u.unknown] + self.people
        return [
            self._("Row %(row)s (%(sheet)s): %(error)s", row=entry.row, sheet=entry.sheet, error=error)
            for entry in entries
            for error in entry.errors
        ]

    def chart(self):
        """The org chart the import leaves, as HTML: the units, then the people under their
        supervisors, the loops apart."""
        _ = self._
        children = {}
        for person in self.people_by_nip.values():
            children.setdefault(person.parent, []).append(("row", person.nip))
        budget = [CHART_LIMIT]
        in_loop = self.loop_refs
        drawn = set()

        def person_item(ref):
            budget[0] -= 1
            drawn.add(ref)
            person = self.people_by_nip.get(ref[1]) if ref[0] == "row" else None
            if person:
                details = [person.job_name or (person.employee.job_id.name if person.employee else "")]
                details.append(self._unit_label(person.unit) if person.unit else "")
                badges = []
                if person.errors:
                    badges.append(Markup('<span class="badge text-bg-danger">%s</span>') % _("Error"))
                if person.warnings:
                    badges.append(Markup('<span class="badge text-bg-warning">%s</span>') % _("No supervisor"))
                if not person.employee:
                    badges.append(Markup('<span class="badge text-bg-success">%s</span>') % _("New"))
                elif person.changed("parent_id") or person.changed("department_id"):
                    badges.append(Markup('<span class="badge text-bg-info">%s</span>') % _("Moved"))
                head = Markup("<strong>%s</strong> <small class='text-muted'>%s</small> %s") % (
                    self.person_label(ref),
                    " · ".join(filter(None, details)),
                    Markup(" ").join(badges),
                )
            else:
                head = Markup("<em>%s</em> <small class='text-muted'>%s</small>") % (
                    self.person_label(ref),
                    _("not in the file"),
                )
            below = [c for c in children.get(ref, []) if c not in drawn and c not in in_loop]
            return Markup("<li>%s%s</li>") % (head, tree(below))

        def tree(refs):
            items = []
            for ref in refs:
                if budget[0] <= 0:
                    items.append(Markup("<li>…</li>"))
                    break
                items.append(person_item(ref))
            return Markup("<ul>%s</ul>") % Markup("").join(items) if items else Markup("")

        tops = children.get(None, [])
        outside = sorted({ref for ref in children if ref and ref[0] == "emp"}, key=self.person_label)
        html = [Markup("<h5>%s</h5>") % _("People"), tree(tops + outside)]
        loops = sorted(in_loop - drawn, key=lambda ref: ref[1])
        if loops:
            html.append(Markup("<h5 class='text-danger'>%s</h5>") % _("Supervisor loops"))
            html.append(tree(loops))
        units = [u for u in self.unit_entries if not u.unknown and not u.duplicate]
        if units:
            html.append(Markup("<h5>%s</h5>") % _("Units"))
            html.append(self._units_tree(units))
        if budget[0] <= 0:
            html.append(
                Markup("<p class='text-muted'>%s</p>")
                % _("The chart is cut after %(count)s people: the lines list every row.", count=CHART_LIMIT)
            )
        return Markup("").join(html)

    def _units_tree(self, units):
        keys = {self.unit_ref(("unit", u.key)): u for u in units}
        children = {}
        for ref, unit in keys.items():
            parent = unit.parent if unit.parent in keys else None
            children.setdefault(parent, []).append(ref)
        counts = {}
        for person in self.people:
            if person.unit:
                counts[person.unit] = counts.get(person.unit, 0) + 1
        seen = set()

        def tree(refs):
            items = []
            for ref in refs:
                if ref in seen:
                    continue
                seen.add(ref)
                unit = keys[ref]
                note = self._("people in the file: %(count)s", count=counts.get(ref, 0))
                if not unit.department:
                    note = f"{note} · {self._('new')}"
                above = "" if unit.parent in keys or not unit.parent else f" ← {self._unit_label(unit.parent)}"
                items.append(
                    Markup("<li><strong>%s</strong>%s <small class='text-muted'>%s</small>%s</li>")
                    % (unit.name or unit.siasn_id, above, note, tree(children.get(ref, [])))
                )
            return Markup("<ul>%s</ul>") % Markup("").join(items) if items else Markup("")

        return tree(children.get(None, []))
