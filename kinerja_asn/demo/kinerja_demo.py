from odoo import api, fields, models


class KinerjaDemo(models.AbstractModel):
    """Demo data that depends on today's date (the months already ended), so that it cannot
    be written as fixed records. Only the demo data files call it."""

    _name = "kinerja.demo"
    _description = "Kinerja Demo Data"

    @api.model
    def _link_jobs(self, company_ids):
        """Demo data: a job position (hr.job) per position title of the governments' people,
        so that the SKP's position (Jabatan) is filled as in an agency's register."""
        employees = self.env["hr.employee"].search(
            [("company_id", "in", company_ids), ("job_id", "=", False), ("job_title", "!=", False)]
        )
        jobs = {}
        for employee in employees:
            key = (employee.job_title, employee.company_id.id)
            if key not in jobs:
                jobs[key] = self.env["hr.job"].search(
                    [("name", "=", employee.job_title), ("company_id", "=", employee.company_id.id)], limit=1
                ) or self.env["hr.job"].create({"name": employee.job_title, "company_id": employee.company_id.id})
            employee.job_id = jobs[key]

    @api.model
    def _fill_realizations(self, skp_ids, missing_last_skp_ids=()):
        """Demo data: realisation of the given SKPs for every month already ended this year,
        accepted except the latest month, which waits for review (or is missing for the SKPs
        in ``missing_last_skp_ids``)."""
        skps = self.env["kinerja.skp"].browse(skp_ids)
        today = fields.Date.context_today(self)
        vals_list = []
        for skp in skps:
            months = skp.period_id.child_ids.filtered(lambda p: p.date_end < today).sorted("date_start")
            if skp.id in missing_last_skp_ids:
                months = months[:-1]
            for index, month in enumerate(months):
                for indicator in skp.indicator_ids:
                    base = indicator.target_value / 12 if indicator.aggregation == "sum" else indicator.target_value
                    factor = 0.85 + ((indicator.id * 7 + index * 13) % 30) / 100
                    vals_list.append(
                        {
                            "skp_indicator_id": indicator.id,
                            "period_id": month.id,
                            "value": round(base * factor, 2 if base < 10 else 0),
                            "note": self.env._("Reported for %s", month.name),
                            "state": "accepted" if month != months[-1] else "submitted",
                            "submitted_date": fields.Datetime.to_datetime(month.date_end),
                        }
                    )
        reports = self.env["kinerja.realization"].create(vals_list)
        latest = reports.filtered(lambda r: r.state == "submitted")
        latest.skp_id._schedule_review_activity()
        return reports
