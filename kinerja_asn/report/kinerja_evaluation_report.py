from collections import Counter

from odoo import api, models


class ReportKinerjaEvaluation(models.AbstractModel):
    """What the signed evaluation document shows besides the evaluation's own fields: the
    identity of the people and the work results as of the evaluated period."""

    _name = "report.kinerja_asn.report_evaluation"
    _description = "Performance Evaluation Document"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["kinerja.evaluation"].browse(docids)
        skp_report = self.env["report.kinerja_asn.report_skp"]
        return {
            "doc_ids": docids,
            "doc_model": "kinerja.evaluation",
            "docs": docs,
            "data": data,
            "identities": {evaluation.id: skp_report._identity(evaluation.skp_id) for evaluation in docs},
            "result_rows": {evaluation.id: self._result_rows(evaluation) for evaluation in docs},
            "trails": {evaluation.id: self._trail(evaluation) for evaluation in docs},
            "units": {evaluation.id: self._unit(evaluation) for evaluation in docs},
        }

    @api.model
    def _unit(self, evaluation):
        """The organisation achievement (Capaian Kinerja Organisasi) of the unit whose curve the
        evaluation follows, and its distribution pattern: as determined when the unit's
        predicates were confirmed, or as they stand. False when no unit above or of the
        employee is rated for the period."""
        evaluation.ensure_one()
        org_rating = evaluation._org_rating()
        if not org_rating:
            return False
        labels = dict(org_rating._fields["rating"]._description_selection(self.env))
        penetapan = evaluation._penetapan()
        if penetapan:
            rows = penetapan._distribution_table()
        else:
            population = org_rating._population_evaluations()
            signed = population.filtered(lambda e: e.state == "done")
            total, counts = len(population), Counter(signed.mapped("predicate"))
            complete = len(signed) >= total
            lines = [
                dict(line, broken=line["above_maximum"] or (complete and line["below_minimum"]))
                for line in org_rating._rule_lines(total, counts)
            ]
            rows = org_rating._distribution_table(total, counts, lines)
        return {
            "unit": org_rating.department_id.complete_name or org_rating.department_id.name,
            "rating": labels[org_rating.rating],
            "rows": rows,
        }

    @api.model
    def _result_rows(self, evaluation):
        """One row per indicator, with the evaluator's feedback on its work result."""
        evaluation.ensure_one()
        feedback = {line.result_id.id: line.feedback for line in evaluation.result_line_ids}
        indicators = evaluation.skp_id.indicator_ids
        if evaluation.evaluation_type == "periodic":
            figures = indicators._realization_figures(evaluation.period_id, prorate=True)
        else:
            figures = indicators._realization_figures()
        rows = []
        for section in self.env["report.kinerja_asn.report_skp"]._result_sections(evaluation.skp_id):
            for row in section["rows"]:
                # Realisation as of the evaluated period, not as of today.
                values = figures.get(row["skp_indicator_id"], {})
                rows.append(
                    dict(
                        row,
                        realized=f"{values.get('realized', 0.0):g}",
                        achievement=f"{values.get('achievement', 0.0):.1f} %",
                        feedback=(feedback.get(row["result_id"]) or "") if row["result"] else "",
                    )
                )
        return rows

    @api.model
    def _trail(self, evaluation):
        """The SKP's submission and approval, then the evaluation's signature."""
        evaluation.ensure_one()
        trail = self.env["report.kinerja_asn.report_skp"]._trail(evaluation.skp_id)[:2]
        if evaluation.done_by_id:
            trail.append((self.env._("Signed by"), evaluation.done_by_id.name, evaluation.done_date))
        return trail
