from datetime import date, datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

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
        """Demo data: realisation of the given SKPs for every month of their year already ended,
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

    # ------------------------------------------------------------------------------------
    # The SKPs of the rest of the civil servants, approved through the workflow
    # ------------------------------------------------------------------------------------
    # employee -> (work result, its indicator, target, unit, aspect, aggregation) of the SKP
    # written for him (added to his draft when it has no work result yet)
    _TEAM_PLANS = {
        # a draft SKP of the demo files, without a work result yet
        "emp_adr_analis_sd": (
            "Tersusunnya kurikulum operasional sekolah dasar binaan",
            "Dokumen kurikulum operasional yang ditelaah",
            24,
            "dokumen",
            "quantity",
            "sum",
        ),
        "emp_pmn_sekdin": (
            "Terselenggaranya administrasi umum, kepegawaian, dan keuangan Dinas Kesehatan yang tertib",
            "Laporan keuangan dan kepegawaian disampaikan tepat waktu",
            100,
            "%",
            "time",
            "average",
        ),
        "emp_pmn_kasi_promkes": (
            "Terlaksananya penyuluhan Pariaman Sehat di posyandu dan sekolah",
            "Jumlah kegiatan penyuluhan kesehatan",
            48,
            "kegiatan",
            "quantity",
            "sum",
        ),
        "emp_pmn_bidan": (
            "Terlaksananya pemeriksaan kehamilan dan balita di posyandu binaan",
            "Jumlah pemeriksaan ibu hamil dan balita",
            960,
            "pemeriksaan",
            "quantity",
            "sum",
        ),
        "emp_pmn_nutrisionis": (
            "Terlaksananya pemantauan status gizi balita di posyandu",
            "Jumlah balita yang dipantau status gizinya",
            1440,
            "balita",
            "quantity",
            "sum",
        ),
        "emp_pmn_penyuluh": (
            "Tersampaikannya penyuluhan imunisasi dan gizi kepada masyarakat",
            "Jumlah sesi penyuluhan kepada masyarakat",
            36,
            "sesi",
            "quantity",
            "sum",
        ),
        "emp_pmn_analis": (
            "Tersusunnya dokumen perencanaan dan laporan kinerja Dinas Kesehatan",
            "Dokumen perencanaan dan laporan yang disusun",
            12,
            "dokumen",
            "quantity",
            "sum",
        ),
        "emp_pmn_bendahara": (
            "Tertibnya penatausahaan belanja Dinas Kesehatan",
            "Surat pertanggungjawaban (SPJ) diverifikasi tepat waktu",
            100,
            "%",
            "time",
            "average",
        ),
        "emp_adr_sekdin": (
            "Terselenggaranya administrasi umum, kepegawaian, dan keuangan Dinas Pendidikan yang tertib",
            "Laporan keuangan dan kepegawaian disampaikan tepat waktu",
            100,
            "%",
            "time",
            "average",
        ),
        "emp_adr_kabid_smp": (
            "Meningkatnya mutu layanan sekolah menengah pertama",
            "Jumlah SMP yang datanya dimutakhirkan di Dapodik",
            30,
            "sekolah",
            "quantity",
            "sum",
        ),
        "emp_adr_kabid_gtk": (
            "Meningkatnya kompetensi guru dan tenaga kependidikan",
            "Jumlah guru yang mengikuti pengembangan kompetensi",
            240,
            "guru",
            "quantity",
            "sum",
        ),
        "emp_adr_pengawas_sd2": (
            "Terlaksananya supervisi manajerial di sekolah dasar binaan",
            "Jumlah sekolah yang disupervisi",
            12,
            "sekolah",
            "quantity",
            "sum",
        ),
        "emp_adr_pengawas_smp": (
            "Terlaksananya supervisi akademik di SMP binaan",
            "Jumlah sekolah yang disupervisi",
            12,
            "sekolah",
            "quantity",
            "sum",
        ),
        "emp_adr_pranata": (
            "Termutakhirkannya data Dapodik SMP",
            "Sekolah dengan data Dapodik valid",
            98,
            "%",
            "quality",
            "last",
        ),
        "emp_adr_analis_gtk": (
            "Tersusunnya analisis kebutuhan pengembangan kompetensi guru",
            "Dokumen analisis kebutuhan yang disusun",
            4,
            "dokumen",
            "quantity",
            "sum",
        ),
        "emp_adr_staf_umum": (
            "Tertibnya administrasi persuratan dan kearsipan Dinas Pendidikan",
            "Surat masuk dan keluar yang diagendakan",
            1200,
            "surat",
            "quantity",
            "sum",
        ),
    }

    @api.model
    def _fill_team_skps(self, period_ids, officer_user_ids):
        """Demo data: an approved SKP for every civil servant of ``_TEAM_PLANS``, in the year
        of ``period_ids`` (one per government, its officer at the same index in
        ``officer_user_ids``), moved through the workflow by the people who make each move:
        written (when he has none yet) and submitted by the employee (by the officer for those
        without a login), approved by the evaluator (by the data loader where the evaluator
        has no login either); then the realisation of every month already ended: the months
        closed since as history (reported at their end, accepted), the open one reported and
        accepted the same way. Managers come before their staff: a new work result supports
        the first main result of the evaluator's SKP."""
        today = fields.Date.context_today(self)
        Skp = self.env["kinerja.skp"]
        years = self.env["kinerja.period"].browse(period_ids)
        officers = dict(zip(years.company_id.ids, officer_user_ids, strict=True))
        plans = {self.env.ref(f"kinerja_asn.{xmlid}"): plan for xmlid, plan in self._TEAM_PLANS.items()}

        def depth(employee):
            levels = 0
            while employee.parent_id:
                employee, levels = employee.parent_id, levels + 1
            return levels

        for employee in sorted(plans, key=lambda e: (depth(e), e.id)):
            company = employee.company_id
            year = years.filtered(lambda y, c=company: y.company_id == c)
            author = employee.user_id or self.env["res.users"].browse(officers[company.id])
            active = [("period_id", "=", year.id), ("state", "!=", "cancelled")]
            skp = Skp.search([("employee_id", "=", employee.id), *active], limit=1)
            if not skp:
                skp = (
                    Skp.with_user(author)
                    .with_company(company)
                    .create({"employee_id": employee.id, "period_id": year.id, "company_id": company.id})
                )
            skp = skp.with_user(author).with_company(company)
            if not skp.result_ids:
                manager_skp = Skp.search([("employee_id", "=", employee.parent_id.id), *active], limit=1)
                result, indicator, target, unit, aspect, aggregation = plans[employee]
                line = {
                    "name": indicator,
                    "target_value": target,
                    "unit_label": unit,
                    "aspect": aspect,
                    "direction": "higher",
                    "aggregation": aggregation,
                }
                self.env["kinerja.skp.result"].with_user(author).with_company(company).create(
                    {
                        "skp_id": skp.id,
                        "sequence": 10,
                        "name": result,
                        "result_type": "main",
                        "parent_result_id": manager_skp.result_ids.filtered(lambda r: r.result_type == "main")[:1].id,
                        "indicator_ids": [(0, 0, line)],
                    }
                )
            if skp.state == "draft":
                skp.action_submit()
            evaluator = skp.sudo().evaluator_user_id
            (skp.with_user(evaluator) if evaluator else skp.with_env(self.env)).with_company(company).action_approve()
            # the realisation of the months already ended: a month closed since (its deadlines
            # passed) is history, written as the loader writes the heads' (reported at the
            # month's end, accepted); an open one is reported and accepted now, by the people
            months = year.child_ids.filtered(lambda p: p.date_end < today).sorted("date_start")
            history, open_months = [], []
            for index, month in enumerate(months):
                for line in skp.indicator_ids:
                    base = line.target_value / 12 if line.aggregation == "sum" else line.target_value
                    factor = 0.9 + ((employee.id * 7 + index * 13) % 25) / 100
                    value = round(base * factor, 2 if base < 10 else 0)
                    vals = {
                        "skp_indicator_id": line.id,
                        "period_id": month.id,
                        "value": value if line.unit_label != "%" else min(value, 100.0),
                        "note": self.env._("Reported for %s", month.name),
                    }
                    if month.state == "closed":
                        vals.update(state="accepted", submitted_date=fields.Datetime.to_datetime(month.date_end))
                        history.append(vals)
                    else:
                        open_months.append(vals)
            self.env["kinerja.realization"].create(history)
            reports = self.env["kinerja.realization"].with_user(author).with_company(company).create(open_months)
            reports.action_submit()
            (reports.with_user(evaluator) if evaluator else reports.with_env(self.env)).with_company(
                company
            ).action_accept()

    # ------------------------------------------------------------------------------------
    # TPP: position classes, attendance of the demo months, the sheet of the last ended month
    # ------------------------------------------------------------------------------------
    _TPP_CLASSES = {
        # position type -> (kelas jabatan, name, monthly amount)
        "jpt": (14, "Jabatan Pimpinan Tinggi Pratama", 16_500_000),
        "administrator": (12, "Administrator", 11_000_000),
        "supervisor": (9, "Pengawas", 7_500_000),
        "functional": (8, "Jabatan Fungsional", 6_250_000),
        "executor": (6, "Pelaksana", 4_500_000),
    }

    @api.model
    def _fill_tpp(self, company_ids, head_user_ids, officer_user_ids, waiting_company_ids=()):
        """Demo data: the table of position classes of each government, a class for each of
        its civil servants by position type, and attendance from the first month of a sheet
        to today (a few late arrivals, one absence, one official assignment). The unsigned
        evaluations pay the performance share at 0 % (the people without an approved SKP
        have none): the sheets name them and give the reason on their lines.

        The TPP sheet of the demo year's last ended month (``_last_ended_month``) is
        computed, checked and, once its evaluators have signed the month's evaluations,
        approved by the head of agency. In the governments of ``waiting_company_ids`` the
        evaluations of the last ended month wait for their evaluators: the month before it is
        the one signed and approved, and the last ended month's sheet is checked, listing
        whose evaluation is not signed yet."""
        today = fields.Date.context_today(self)
        last_month = self._last_ended_month(today)
        for company_id, head_id, officer_id in zip(company_ids, head_user_ids, officer_user_ids, strict=True):
            company = self.env["res.company"].browse(company_id)
            company.write({"kinerja_tpp_head_user_id": head_id, "kinerja_tpp_unsigned_policy": "zero"})
            classes = {
                key: self.env["kinerja.tpp.class"].create(
                    {"grade": grade, "name": name, "amount": amount, "company_id": company.id}
                )
                for key, (grade, name, amount) in self._TPP_CLASSES.items()
            }
            employees = self.env["hr.employee"].search(
                [("company_id", "=", company.id), "|", ("asn_type", "!=", False), ("nip", "!=", False)], order="id"
            )
            for employee in employees:
                employee.kinerja_tpp_class_id = classes.get(employee.position_type or "executor", classes["executor"])
            months = [last_month]
            if company.id in waiting_company_ids:
                months.insert(0, last_month - relativedelta(months=1))
            self._fill_attendance(company, employees, months[0], today)
            officer = self.env["res.users"].browse(officer_id)
            for month in months:
                signed = month != last_month or company.id not in waiting_company_ids
                if signed:
                    self._sign_month(company, month)
                sheet = self.env["kinerja.tpp.sheet"].create({"company_id": company.id, "date_from": month})
                sheet.with_user(officer).with_company(company).action_check()
                if signed:
                    sheet.with_user(head_id).with_company(company).action_approve()

    @api.model
    def _last_ended_month(self, today):
        """The first day of the demo year's last ended month. The demo year (the periods'
        demo file) is the year of the month two months before ``today``'s: the current year
        from March, the previous one in January and February, so that it always has two ended
        months (the one signed and approved, and the last ended one). In February the previous
        year's December is its last ended month."""
        last_month = today.replace(day=1) - relativedelta(months=1)
        demo_year = (today - relativedelta(months=2)).year
        return min(last_month, date(demo_year, 12, 1))

    @api.model
    def _fill_attendance(self, company, employees, date_from, date_to):
        """Demo data: attendance of ``employees`` against each one's schedule, in his time
        zone, from ``date_from`` to the day before ``date_to``: a few late arrivals, the first
        employee absent without leave on the tenth working day, the second on an official
        assignment on the fifth."""
        start = datetime.combine(date_from, time.min).replace(tzinfo=pytz.utc)
        end = datetime.combine(date_to, time.min).replace(tzinfo=pytz.utc)
        vals_list = []
        for index, employee in enumerate(employees):
            calendar = employee.resource_calendar_id or company.resource_calendar_id
            if not calendar:
                continue
            intervals = calendar._work_intervals_batch(start, end, employee.resource_id)[employee.resource_id.id]
            days = {}
            for begin, stop, _meta in intervals:
                day = begin.date()
                first, last = days.get(day, (begin, stop))
                days[day] = (min(first, begin), max(last, stop))
            for number, (day, (begin, stop)) in enumerate(sorted(days.items())):
                if index == 0 and number == 9:
                    continue  # the one absence without leave
                if index == 1 and number == 4:
                    self.env["kinerja.tpp.correction"].create(
                        {
                            "employee_id": employee.id,
                            "kind": "assignment",
                            "date_from": day,
                            "date_to": day,
                            "reason": self.env._(
                                "Assignment letter 800/%s: coordination meeting at the province", number
                            ),
                        }
                    )
                    continue
                late = 0
                if (index * 7 + number * 3) % 17 == 0:
                    late = (20, 45, 75, 100)[(index + number) % 4]
                check_in = begin + timedelta(minutes=late - (index + number) % 9)
                check_out = stop + timedelta(minutes=(index * 3 + number) % 20)
                vals_list.append(
                    {
                        "employee_id": employee.id,
                        "check_in": check_in.astimezone(pytz.utc).replace(tzinfo=None),
                        "check_out": check_out.astimezone(pytz.utc).replace(tzinfo=None),
                    }
                )
        self.env["hr.attendance"].create(vals_list)

    # employee -> (work-result rating, behaviour rating) of his signed demo months
    _SIGNED_RATINGS = {
        "emp_pmn_bidan": ("above", "above"),
        "emp_pmn_penyuluh": ("above", "above"),
        "emp_pmn_analis": ("below", "meets"),
        "emp_adr_pengawas_sd2": ("above", "above"),
        "emp_adr_pranata": ("above", "above"),
    }

    @api.model
    def _sign_month(self, company, month_start):
        """Demo data: the evaluations of the month, prepared and signed by their evaluators."""
        period = self.env["kinerja.period"].search(
            [("company_id", "=", company.id), ("period_type", "!=", "year"), ("date_start", "=", month_start)], limit=1
        )
        if not period:
            return
        evaluations = self.env["kinerja.evaluation"]._prepare(period.id)
        evaluations |= self.env["kinerja.evaluation"].search([("period_id", "=", period.id), ("state", "=", "draft")])
        # The units whose heads are evaluated get their organisation achievement of the month
        # first (set by the leadership above): it is the heads' work-result rating.
        OrgRating = self.env["kinerja.org.rating"]
        for department in evaluations.filtered("is_unit_head").department_id:
            if not OrgRating.search_count([("department_id", "=", department.id), ("period_id", "=", period.id)]):
                OrgRating.create({"department_id": department.id, "period_id": period.id, "rating": "good"})
        evaluations.invalidate_recordset()
        # mostly Baik; a few Sangat Baik (above expectation in both) and one Butuh Perbaikan
        # (work results below expectation), never for the heads, who are rated by their unit
        ratings = {}
        for xmlid, pair in self._SIGNED_RATINGS.items():
            employee = self.env.ref(f"kinerja_asn.{xmlid}", raise_if_not_found=False)
            if employee:
                ratings[employee.id] = pair
        for evaluation in evaluations:
            rating = evaluation.suggested_result_rating or "meets"
            behavior = "meets"
            if not evaluation.is_unit_head and evaluation.employee_id.id in ratings:
                rating, behavior = ratings[evaluation.employee_id.id]
            signer = evaluation.with_user(evaluation.evaluator_user_id) if evaluation.evaluator_user_id else evaluation
            signer.write(
                {
                    "result_rating": rating,
                    "behavior_rating": behavior,
                    "override_reason": self.env._("Rated from the month's realisation"),
                }
            )
            signer.action_done(force=True)
