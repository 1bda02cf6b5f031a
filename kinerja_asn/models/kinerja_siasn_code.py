from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The reference lists of BKN's SIASN API that the result export needs. Each row maps one of
# our keys (a selection key of this addon) to BKN's code; the codes themselves are data
# (data/kinerja_siasn_code_data.xml, editable by officers), never written here.
LIST_TYPES = [
    ("rating", "Rating (perilakuDanKinerja)"),
    ("quadrant", "Quadrant / Predicate (kuadranNilai)"),
    ("period", "Period Type (periodik)"),
    ("coefficient", "Coefficient (koefisien)"),
    ("grade", "Grade (golonganPns)"),
    ("evaluator_status", "Evaluator Status (statusPenilai)"),
    ("document", "Document Type (dokumen)"),
]
# The evaluator's status, our keys: a civil servant (PNS or PPPK) or not (e.g. a head of region).
EVALUATOR_STATUSES = [("asn", "ASN"), ("non_asn", "Non-ASN")]
# BKN's API takes these codes as integers (hasilKinerjaNilai, perilakuKerjaNilai, kuadranKinerjaNilai).
INTEGER_LISTS = ("rating", "quadrant")


class KinerjaSiasnCode(models.Model):
    """One entry of a BKN reference list: our key -> BKN's code, as the SIASN API expects it.
    Shipped with the codes seen in public clients of the API; an officer corrects or adds
    codes when BKN changes them. An agency's own entry overrides the shared one."""

    _name = "kinerja.siasn.code"
    _description = "SIASN Reference Code"
    _order = "list_type, sequence, id"

    sequence = fields.Integer(default=10)
    list_type = fields.Selection(LIST_TYPES, string="List", required=True, index=True)
    key = fields.Char(
        required=True,
        help="Our key the code stands for: a rating ('above', 'meets', 'below'), a predicate "
        "('very_good', ...), a period type ('month', 'quarter'), a functional level "
        "('ahli_pertama', ...), a grade ('iii_d', ...), 'asn' / 'non_asn', or the evaluation "
        "type ('annual', 'periodic') of the signed document.",
    )
    key_label = fields.Char(compute="_compute_key_label", string="Stands For")
    code = fields.Char(string="BKN Code", required=True, help="The value sent to SIASN.")
    name = fields.Char(string="BKN Label", help="BKN's name of the code, as its reference list gives it.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to use the code in every agency; an agency's own code overrides it.",
    )

    @api.model
    def _valid_keys(self, list_type):
        """{key: label} of our keys a list maps, in the current language."""
        if list_type == "evaluator_status":
            return dict(EVALUATOR_STATUSES)
        model, fname = {
            "rating": ("kinerja.evaluation", "result_rating"),
            "quadrant": ("kinerja.evaluation", "predicate"),
            "period": ("kinerja.period", "period_type"),
            "coefficient": ("hr.employee", "functional_level"),
            "grade": ("hr.employee", "rank"),
            "document": ("kinerja.evaluation", "evaluation_type"),
        }[list_type]
        return dict(self.env[model]._fields[fname]._description_selection(self.env))

    @api.depends("list_type", "key")
    def _compute_key_label(self):
        for code in self:
            keys = self._valid_keys(code.list_type) if code.list_type else {}
            code.key_label = keys.get(code.key, False)

    @api.constrains("list_type", "key", "code", "active", "company_id")
    def _check_code(self):
        for code in self:
            keys = self._valid_keys(code.list_type)
            if code.key not in keys:
                raise ValidationError(
                    self.env._(
                        "“%(key)s” is not a key of the list %(list)s: use one of %(keys)s.",
                        key=code.key,
                        list=dict(self._fields["list_type"]._description_selection(self.env))[code.list_type],
                        keys=", ".join(keys),
                    )
                )
            if code.list_type in INTEGER_LISTS and not code.code.strip().isdigit():
                raise ValidationError(
                    self.env._(
                        "The BKN code of %(key)s must be a whole number (SIASN takes it as a number), not “%(code)s”.",
                        key=code.key_label or code.key,
                        code=code.code,
                    )
                )
            if code.active and self.search_count(
                [
                    ("id", "!=", code.id),
                    ("list_type", "=", code.list_type),
                    ("key", "=", code.key),
                    ("company_id", "=", code.company_id.id),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "%(key)s already has a BKN code in this list: correct that one, or archive it first.",
                        key=code.key_label or code.key,
                    )
                )

    @api.model
    def _code_map(self, company):
        """{(list type, key): code record} of the active codes for ``company``: its own codes
        over the shared ones."""
        # read by an officer (who has the access) and by the scheduled job; the company filter is explicit
        codes = self.with_context(active_test=True).search([("company_id", "in", [False, company.id])])
        result = {}
        for code in codes.sorted(lambda c: bool(c.company_id)):
            result[(code.list_type, code.key)] = code
        return result
