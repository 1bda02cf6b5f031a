from odoo import fields, models

from .kinerja_acting_assignment import ACTING_TYPES
from .kinerja_evaluation import KinerjaEvaluation as KinerjaEvaluationBase
from .kinerja_skp import SNAPSHOT_KEYS

# Who signed, when an acting official (Plt / Plh) signed: frozen at the signature.
SIGNER_FIELDS = frozenset({"signer_acting_type", *(f"signer_{key}" for key in SNAPSHOT_KEYS)})


class KinerjaEvaluation(models.Model):
    """An evaluation signed by an acting official (Plt / Plh, see kinerja.acting.assignment)
    keeps who signed it and as what: the document prints his name, NIP and rank with
    "Plt." / "Plh." before the title of the position acted in, instead of the evaluator of the
    SKP. An evaluation signed by the evaluator himself keeps none (the SKP's snapshot says)."""

    _inherit = "kinerja.evaluation"

    _workflow_fields = KinerjaEvaluationBase._workflow_fields | SIGNER_FIELDS

    signer_acting_type = fields.Selection(ACTING_TYPES, string="Signed as", readonly=True, copy=False)
    signer_name = fields.Char(string="Signer's Name", readonly=True, copy=False)
    signer_nip = fields.Char(string="Signer's NIP", readonly=True, copy=False)
    signer_rank = fields.Char(string="Signer's Rank", readonly=True, copy=False)
    signer_position = fields.Char(string="Signer's Position", readonly=True, copy=False)
    signer_unit = fields.Char(string="Signer's Unit", readonly=True, copy=False)
    acting_notice = fields.Char(related="skp_id.acting_notice")

    def _workflow_after(self, new_state):
        result = super()._workflow_after(new_state)
        if new_state == "done" and not self.env.su:
            for evaluation in self:
                assignment = evaluation.skp_id._workflow_people().acting_assignment_id
                if assignment and assignment.acting_user_id == self.env.user:
                    evaluation._workflow_write(
                        {"signer_acting_type": assignment.acting_type, **assignment._signer_identity("signer")}
                    )
        return result

    def _workflow_refusal(self, new_state):
        # read through _workflow_people, as the base message: the employee may not read his
        # draft evaluation
        skp = self._workflow_people().skp_id.with_env(self.env)
        return skp._acting_refusal() or super()._workflow_refusal(new_state)

    def _acting_identity(self, identity):
        """The identity the document prints (``identity``, from the SKP) with the acting
        signer in place of the evaluator."""
        self.ensure_one()
        if self.signer_acting_type:
            return dict(identity, **{f"evaluator_{key}": self[f"signer_{key}"] or "-" for key in SNAPSHOT_KEYS})
        # read through _workflow_people: whoever prints may not read the SKP's people
        skp = self._workflow_people().skp_id
        if self.state == "done" and skp.approved_acting_type and skp.evaluator_id:
            # the SKP was approved by an acting official, this evaluation signed by the
            # evaluator of record: the document prints him, not the SKP's snapshot
            holder = skp.evaluator_id._kinerja_identity("evaluator")
            return dict(identity, **{name: value or "-" for name, value in holder.items()})
        return identity

    def _verification_values(self):
        values = super()._verification_values()
        if self.signer_acting_type:
            values["signed_by"] = f"{values['signed_by']}, {self.signer_position}"
        return values
