from odoo import api, models

from ..models.kinerja_skp import SNAPSHOT_KEYS, SNAPSHOT_ROLES
from ..tools.achievement import target_label


class ReportKinerjaSkp(models.AbstractModel):
    """What the printed SKP shows: the identity of the people, the work results with their
    indicators, the approval history and trail. The PDF, the XLSX and the evaluation document
    read the same methods, so that they are tested once."""

    _name = "report.kinerja_asn.report_skp"
    _description = "SKP Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["kinerja.skp"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "kinerja.skp",
            "docs": docs,
            "data": data,
            "identities": {skp.id: self._identity(skp) for skp in docs},
            "sections": {skp.id: self._result_sections(skp) for skp in docs},
            "histories": {skp.id: self._history(skp) for skp in docs},
            "trails": {skp.id: self._trail(skp) for skp in docs},
        }

    @api.model
    def _identity(self, skp):
        """Name, NIP, rank, position and unit of the employee, the evaluator and the
        evaluator's supervisor: as frozen at approval, or as they are now for a draft."""
        skp.ensure_one()
        if skp.approved_date:
            return {f"{role}_{key}": skp[f"{role}_{key}"] or "-" for role in SNAPSHOT_ROLES for key in SNAPSHOT_KEYS}
        values = {}
        for role in SNAPSHOT_ROLES:
            # _kinerja_identity reads through the org chart (private fields of people)
            person = skp[f"{role}_id"]
            values.update({key: value or "-" for key, value in person._kinerja_identity(role).items()})
        return values

    @api.model
    def _result_sections(self, skp):
        """Main and additional work results, one row per indicator."""
        skp.ensure_one()
        aspects = dict(self.env["kinerja.skp.indicator"]._fields["aspect"]._description_selection(self.env))
        perspectives = dict(self.env["kinerja.skp.result"]._fields["perspective"]._description_selection(self.env))
        sections = []
        for result_type, title in (
            ("main", self.env._("A. MAIN WORK RESULTS")),
            ("additional", self.env._("B. ADDITIONAL WORK RESULTS")),
        ):
            rows = []
            results = skp.result_ids.filtered(lambda r, t=result_type: r.result_type == t)
            for number, result in enumerate(results, start=1):
                indicators = result.indicator_ids or [False]
                for position, indicator in enumerate(indicators):
                    rows.append(
                        {
                            "number": number if position == 0 else "",
                            # As superuser: the supported result belongs to the evaluator's SKP.
                            "parent": (result.sudo().parent_result_id.name or result.goal_id.name or "-")
                            if position == 0
                            else "",
                            "result": result.name if position == 0 else "",
                            "aspect": aspects.get(indicator.aspect, "") if indicator else "",
                            # a senior executive's (JPT) indicators are read by perspective
                            "perspective": perspectives.get(result.perspective, "-") if position == 0 else "",
                            "skp_indicator_id": indicator.id if indicator else False,
                            "result_id": result.id,
                            "indicator": indicator.name if indicator else "-",
                            "target": target_label(
                                skp.approach, indicator.target_value, indicator.unit_label, indicator.target_text
                            )
                            if indicator
                            else "-",
                            "realized": indicator.realized_value if indicator else 0.0,
                            "achievement": indicator.achievement if indicator else 0.0,
                        }
                    )
            sections.append({"title": title, "rows": rows})
        return sections

    @api.model
    def _trail(self, skp):
        """(step, who, when) of the approval, for the printed documents."""
        skp.ensure_one()
        trail = []
        if skp.submitted_date:
            trail.append((self.env._("Submitted by"), skp.employee_id.name, skp.submitted_date))
        if skp.approved_by_id:
            trail.append((self.env._("Approved by"), skp.approved_by_id.name, skp.approved_date))
        if skp.evaluated_date:
            trail.append((self.env._("Evaluated"), skp.evaluator_id.name, skp.evaluated_date))
        return trail

    @api.model
    def _history(self, skp):
        """Every change of state of the SKP, oldest first, with who made it, when, and the
        reason of a return: {"step", "who", "when", "note"}.

        Read from the tracked history: the tracking values are written by the application in
        the same transaction as the change, and only administrators can alter them (users can
        edit their own comments, never these). Labels recorded in the writer's language are
        mapped back to the state keys, so that the document speaks its own language."""
        skp.ensure_one()
        state_field = skp._fields["state"]
        keys = {}
        for lang, _name in self.env["res.lang"].get_installed():
            for key, label in state_field._description_selection(self.with_context(lang=lang).env):
                keys[label] = key
        # As superuser: tracking values are readable by administrators only.
        trackings = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", skp._name),
                    ("mail_message_id.res_id", "=", skp.id),
                    ("field_id.model", "=", skp._name),
                    ("field_id.name", "in", ("state", "return_reason")),
                ]
            )
        )
        steps = {
            ("draft", "submitted"): self.env._("Submitted"),
            ("submitted", "approved"): self.env._("Approved"),
            ("submitted", "draft"): self.env._("Withdrawn"),
            ("approved", "draft"): self.env._("Reopened"),
            ("cancelled", "draft"): self.env._("Reopened"),
            ("approved", "done"): self.env._("Evaluated"),
        }
        history = []
        for message in trackings.mail_message_id.sorted(lambda m: (m.date, m.id)):
            values = message.tracking_value_ids.filtered(lambda t: t in trackings)
            state = values.filtered(lambda t: t.field_id.name == "state")[:1]
            if not state:
                continue
            old, new = keys.get(state.old_value_char), keys.get(state.new_value_char)
            reason = values.filtered(lambda t: t.field_id.name == "return_reason")[:1].new_value_text
            if (old, new) == ("submitted", "draft") and reason:
                step = self.env._("Returned")
            elif new == "cancelled":
                step = self.env._("Cancelled")
            else:
                step = steps.get((old, new)) or f"{state.old_value_char} → {state.new_value_char}"
            history.append(
                {
                    "step": step,
                    "who": message.author_id.name or "-",
                    "when": message.date,
                    "note": reason or "",
                }
            )
        return history
