from odoo import api, fields, models

RANKS = [
    # PNS: golongan/ruang (PP 99/2000), pangkat in parentheses
    ("i_a", "I/a (Juru Muda)"),
    ("i_b", "I/b (Juru Muda Tingkat I)"),
    ("i_c", "I/c (Juru)"),
    ("i_d", "I/d (Juru Tingkat I)"),
    ("ii_a", "II/a (Pengatur Muda)"),
    ("ii_b", "II/b (Pengatur Muda Tingkat I)"),
    ("ii_c", "II/c (Pengatur)"),
    ("ii_d", "II/d (Pengatur Tingkat I)"),
    ("iii_a", "III/a (Penata Muda)"),
    ("iii_b", "III/b (Penata Muda Tingkat I)"),
    ("iii_c", "III/c (Penata)"),
    ("iii_d", "III/d (Penata Tingkat I)"),
    ("iv_a", "IV/a (Pembina)"),
    ("iv_b", "IV/b (Pembina Tingkat I)"),
    ("iv_c", "IV/c (Pembina Utama Muda)"),
    ("iv_d", "IV/d (Pembina Utama Madya)"),
    ("iv_e", "IV/e (Pembina Utama)"),
    # PPPK: golongan I to XVII (Perpres 98/2020)
] + [
    (f"pppk_{n}", f"PPPK {roman}")
    for n, roman in enumerate("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII".split(), start=1)
]

POSITION_TYPES = [
    ("jpt", "Senior Executive (JPT)"),
    ("administrator", "Administrator"),
    ("supervisor", "Supervisor (Pengawas)"),
    ("executor", "Executor (Pelaksana)"),
    ("functional", "Functional"),
]

FUNCTIONAL_LEVELS = [
    ("pemula", "Pemula"),
    ("terampil", "Terampil"),
    ("mahir", "Mahir"),
    ("penyelia", "Penyelia"),
    ("ahli_pertama", "Ahli Pertama"),
    ("ahli_muda", "Ahli Muda"),
    ("ahli_madya", "Ahli Madya"),
    ("ahli_utama", "Ahli Utama"),
]


class HrEmployeeBase(models.AbstractModel):
    """ASN identity fields shared by hr.employee and hr.employee.public.

    Defining them on the abstract base puts them in the public employee view, so colleagues
    read them through hr.employee.public (NIP, rank and position are printed on every SKP).
    """

    _inherit = "hr.employee.base"

    nip = fields.Char(
        string="NIP",
        index="btree_not_null",
        help="Nomor Induk Pegawai: the 18-digit civil-servant number (birth date, appointment month, gender, serial).",
    )
    siasn_id = fields.Char(
        string="SIASN ID",
        index="btree_not_null",
        copy=False,
        help="The civil servant's identifier (PNS ID) in BKN's national register (SIASN), used to "
        "match the register import and the result export.",
    )
    asn_type = fields.Selection(
        [("pns", "Civil Servant (PNS)"), ("pppk", "Contract Civil Servant (PPPK)")],
        string="ASN Status",
    )
    rank = fields.Selection(RANKS, string="Rank / Grade", help="Pangkat / golongan ruang.")
    position_type = fields.Selection(
        POSITION_TYPES,
        string="Position Type",
        help="Senior executives (JPT) plan with balanced-scorecard perspectives; "
        "the other position types plan with aspects.",
    )
    functional_level = fields.Selection(
        FUNCTIONAL_LEVELS,
        string="Functional Level",
        help="Jenjang of a functional position; it sets the annual credit-point coefficient.",
    )

    # Counted here, not on hr.employee only: colleagues read employees through
    # hr.employee.public, and every field of hr.employee must exist there (or be kept to HR).
    skp_count = fields.Integer(compute="_compute_skp_count", string="SKP Count")
    kinerja_skp_id = fields.Many2one("kinerja.skp", compute="_compute_kinerja_summary", string="Current SKP")
    kinerja_achievement = fields.Float(compute="_compute_kinerja_summary", string="Achievement So Far (%)")
    kinerja_predicate = fields.Selection(
        selection=lambda self: self.env["kinerja.evaluation"]._fields["predicate"].selection,
        compute="_compute_kinerja_summary",
        string="Last Predicate",
    )
    kinerja_last_evaluation_id = fields.Many2one(
        "kinerja.evaluation", compute="_compute_kinerja_summary", string="Last Evaluation"
    )

    @api.depends_context("uid")
    def _compute_skp_count(self):
        """The SKPs (cancelled ones aside) of the employee that the current user may read."""
        counts = {
            employee.id: count
            for employee, count in self.env["kinerja.skp"]._read_group(
                [("employee_id", "in", self.ids), ("state", "!=", "cancelled")], ["employee_id"], ["__count"]
            )
        }
        for employee in self:
            employee.skp_count = counts.get(employee.id, 0)

    @api.depends_context("uid")
    def _compute_kinerja_summary(self):
        """The current SKP, its achievement and the last signed predicate, as far as the
        current user may read them (record rules apply)."""
        today = fields.Date.context_today(self)
        skps = self.env["kinerja.skp"].search(
            [
                ("employee_id", "in", self.ids),
                ("state", "in", ("approved", "done")),
                ("date_start", "<=", today),
            ],
            order="date_start desc",
        )
        evaluations = self.env["kinerja.evaluation"].search(
            [("employee_id", "in", self.ids), ("state", "=", "done")], order="done_date desc"
        )
        current_skp, last_evaluation = {}, {}
        for skp in skps:
            current_skp.setdefault(skp.employee_id.id, skp)
        for evaluation in evaluations:
            last_evaluation.setdefault(evaluation.employee_id.id, evaluation)
        Skp, Evaluation = self.env["kinerja.skp"], self.env["kinerja.evaluation"]
        for employee in self:
            skp = current_skp.get(employee.id, Skp)
            last = last_evaluation.get(employee.id, Evaluation)
            employee.kinerja_skp_id = skp
            employee.kinerja_achievement = skp.achievement
            employee.kinerja_last_evaluation_id = last
            employee.kinerja_predicate = last.predicate

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
