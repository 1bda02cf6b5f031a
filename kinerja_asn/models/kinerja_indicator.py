from odoo import api, fields, models
from odoo.tools import SQL, file_open
from odoo.tools.translate import PoFileReader

ASPECTS = [
    ("quantity", "Quantity"),
    ("quality", "Quality"),
    ("time", "Time"),
    ("cost", "Cost"),
]
PERSPECTIVES = [
    ("stakeholder", "Stakeholder Perspective"),
    ("customer", "Customer Perspective"),
    ("internal_process", "Internal Process Perspective"),
    ("learning_growth", "Learning and Growth Perspective"),
    ("budget", "Budget Perspective"),
]
DIRECTIONS = [("higher", "Higher is better"), ("lower", "Lower is better")]
AGGREGATIONS = [
    ("sum", "Sum"),
    ("average", "Average"),
    ("last", "Last value"),
    ("max", "Maximum"),
]
# Selection columns of a spreadsheet import: by key, or by label in English or Indonesian.
IMPORT_SELECTION_FIELDS = ("aspect", "perspective", "direction", "aggregation")


def _import_key(text):
    return " ".join(text.split()).casefold()


class KinerjaIndicator(models.Model):
    _name = "kinerja.indicator"
    _description = "Performance Indicator"
    _inherit = ["mail.thread"]
    _order = "code, name"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    description = fields.Text(help="How the indicator is measured and what counts as evidence.")
    aspect = fields.Selection(ASPECTS, required=True, default="quantity", tracking=True)
    perspective = fields.Selection(
        PERSPECTIVES,
        help="For senior executives (JPT), the balanced-scorecard perspective of the indicator.",
    )
    direction = fields.Selection(DIRECTIONS, required=True, default="higher", tracking=True)
    aggregation = fields.Selection(
        AGGREGATIONS,
        required=True,
        default="sum",
        tracking=True,
        help="How the values reported per sub-period combine into the realisation of the "
        "year: a count of services adds up (sum), a coverage rate is averaged or the last "
        "value counts.",
    )
    unit_label = fields.Char(string="Unit", help="e.g. people, documents, %, days")
    allow_negative = fields.Boolean(
        string="Allow Negative Values",
        help="Whether realisation values below zero are meaningful for this indicator.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        check_company=True,
        help="Departments for which the indicator is proposed; empty means all.",
    )
    job_ids = fields.Many2many(
        "hr.job",
        string="Job Positions",
        check_company=True,
        help="Job positions for which the indicator is proposed; empty means all.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "An indicator with this code already exists in this company: choose another code.",
        ),
    ]

    @api.depends("name", "code")
    def _compute_display_name(self):
        for indicator in self:
            indicator.display_name = f"[{indicator.code}] {indicator.name}" if indicator.code else indicator.name

    @api.model
    def _applicable_domain(self, employee):
        """Indicators proposed for ``employee``: those of his department and job, or general."""
        return [
            ("company_id", "=", employee.company_id.id),
            "|",
            ("department_ids", "=", False),
            ("department_ids", "in", employee.department_id.ids),
            "|",
            ("job_ids", "=", False),
            ("job_ids", "in", employee.job_id.ids),
        ]

    # Import (Configuration > Indicators > Import records)

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._(
                    "Import Template for Indicators (imported into %(company)s)", company=self.env.company.name
                ),
                "template": "/kinerja_asn/static/xls/kinerja_indicator.xlsx",
            }
        ]

    @api.model
    def load(self, fields, data):
        """Odoo's import, accepting the aspect, perspective, direction and aggregation by key or
        by label in English or Indonesian, whatever the importing user's language and whether
        or not Indonesian is installed. Rows without a company land in the current one."""
        columns = [(index, name) for index, name in enumerate(fields) if name in IMPORT_SELECTION_FIELDS]
        if columns:
            keys = self._import_selection_keys()
            data = [list(row) for row in data]
            for row in data:
                for index, name in columns:
                    if index < len(row) and isinstance(row[index], str) and row[index].strip():
                        row[index] = keys[name].get(_import_key(row[index]), row[index])
        return super().load(fields, data)

    @api.model
    def _import_selection_keys(self):
        """{field: {normalised key or label: key}} from the field definitions, the labels of
        every installed language and the addon's Indonesian translation."""
        keys = {name: {} for name in IMPORT_SELECTION_FIELDS}
        for name in IMPORT_SELECTION_FIELDS:
            for key, label in self._fields[name].selection:
                keys[name][_import_key(key)] = key
                keys[name][_import_key(label)] = key
        rows = self.env.execute_query(
            SQL(
                """SELECT f.name, s.value, s.name
                     FROM ir_model_fields_selection s
                     JOIN ir_model_fields f ON f.id = s.field_id
                    WHERE f.model = %s AND f.name IN %s""",
                self._name,
                IMPORT_SELECTION_FIELDS,
            )
        )
        for name, key, labels in rows:
            for label in (labels or {}).values():
                keys[name].setdefault(_import_key(label), key)
        prefix = f"selection__{self._table}__"
        with file_open("kinerja_asn/i18n/id.po", "rb") as po:
            for entry in PoFileReader(po):
                imd_name = entry.get("imd_name") or ""
                if entry["name"] != "ir.model.fields.selection,name" or not imd_name.startswith(prefix):
                    continue
                name, _sep, key = imd_name[len(prefix) :].partition("__")
                if name in keys and entry["value"]:
                    keys[name].setdefault(_import_key(entry["value"]), key)
        return keys
