from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestPeriod(KinerjaCase):
    def _year(self, year=2026, company=None):
        return self.env["kinerja.period"]._create_year(year, company or self.company_a)

    def test_year_generates_monthly_subperiods(self):
        self.company_a.kinerja_frequency = "month"
        self.company_a.kinerja_report_deadline_days = 5
        year = self._year()
        months = year.child_ids.sorted("date_start")
        self.assertEqual(len(months), 12)
        self.assertEqual(set(months.mapped("period_type")), {"month"})
        self.assertEqual((months[0].date_start, months[0].date_end), (date(2026, 1, 1), date(2026, 1, 31)))
        self.assertEqual(months[1].date_end, date(2026, 2, 28))
        self.assertEqual(months[-1].date_end, date(2026, 12, 31))
        self.assertEqual(months[0].report_deadline, date(2026, 2, 5))
        self.assertEqual(year.plan_deadline, date(2026, 1, 31))

    def test_subperiods_are_named_in_the_agency_language(self):
        """A scheduled action runs without a language: the months still read in the agency's."""
        self.env["res.lang"]._activate_lang("id_ID")
        self.company_a.partner_id.lang = "id_ID"
        self.company_a.kinerja_frequency = "month"
        year = self.env["kinerja.period"].with_context(lang=None)._create_year(2028, self.company_a)
        months = year.child_ids.sorted("date_start")
        self.assertEqual(months[0].name, "Januari 2028")
        self.assertEqual(months[7].name, "Agustus 2028")
        self.company_b.partner_id.lang = "en_US"
        self.company_b.kinerja_frequency = "month"
        other = self.env["kinerja.period"].with_context(lang="id_ID")._create_year(2028, self.company_b)
        self.assertEqual(other.child_ids.sorted("date_start")[0].name, "January 2028")

    def test_quarterly_and_semester_frequency(self):
        self.company_a.kinerja_frequency = "quarter"
        quarters = self._year(2027).child_ids.sorted("date_start")
        self.assertEqual(
            [(q.date_start, q.date_end) for q in quarters],
            [
                (date(2027, 1, 1), date(2027, 3, 31)),
                (date(2027, 4, 1), date(2027, 6, 30)),
                (date(2027, 7, 1), date(2027, 9, 30)),
                (date(2027, 10, 1), date(2027, 12, 31)),
            ],
        )
        self.assertEqual(quarters[2].name, "Quarter III 2027")
        self.company_a.kinerja_frequency = "semester"
        semesters = self._year(2028).child_ids.sorted("date_start")
        self.assertEqual(len(semesters), 2)
        self.assertEqual(semesters[1].date_start, date(2028, 7, 1))

    def test_generation_is_idempotent(self):
        year = self._year()
        self.assertFalse(year.action_generate_subperiods())
        self.assertEqual(len(year.child_ids), 12)
        self.assertEqual(self._year(), year, "the same year is returned, not a second one")

    def test_inverted_dates_refused(self):
        with self.assertRaises(ValidationError):
            self.env["kinerja.period"].create(
                {"name": "Salah", "period_type": "year", "date_start": date(2026, 12, 31), "date_end": date(2026, 1, 1)}
            )
        self.assertFalse(self.env["kinerja.period"].search([("name", "=", "Salah")]))

    def test_overlap_refused_same_company_only(self):
        self._year()
        with self.assertRaisesMsg(ValidationError, "overlaps"):
            self.env["kinerja.period"].create(
                {
                    "name": "2026 bis",
                    "period_type": "year",
                    "date_start": date(2026, 6, 1),
                    "date_end": date(2027, 5, 31),
                }
            )
        # another agency has its own calendar
        other = self._year(company=self.company_b)
        self.assertEqual(other.company_id, self.company_b)

    def test_subperiod_must_lie_in_its_year(self):
        year = self._year()
        with self.assertRaisesMsg(ValidationError, "within its year"):
            self.env["kinerja.period"].create(
                {
                    "name": "Bocor",
                    "period_type": "quarter",
                    "parent_id": year.id,
                    "date_start": date(2026, 11, 1),
                    "date_end": date(2027, 1, 31),
                }
            )
        with self.assertRaisesMsg(ValidationError, "must belong to a year"):
            self.env["kinerja.period"].create(
                {
                    "name": "Yatim",
                    "period_type": "quarter",
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 3, 31),
                }
            )

    def test_open_close_flow(self):
        year = self._year()
        january = year.child_ids.sorted("date_start")[0]
        with self.assertRaisesMsg(UserError, "Open the year"):
            january.action_open()
        self.assertEqual(january.state, "draft")
        year.action_open()
        january.action_open()
        self.assertEqual(january.state, "open")
        year.action_close()
        self.assertEqual(january.state, "closed", "closing the year closes its open sub-periods")
        with self.assertRaisesMsg(UserError, "reopen it"):
            january.action_reopen()
        with self.assertRaisesMsg(UserError, "Only draft periods"):
            year.unlink()

    def test_update_states_by_date(self):
        self.company_a.kinerja_report_deadline_days = 5
        self.company_a.kinerja_evaluation_deadline_days = 10
        year = self._year()
        months = year.child_ids.sorted("date_start")
        with freeze_time("2026-03-08"):
            self.env["kinerja.period"]._update_states()
            self.assertEqual(year.state, "open")
            self.assertEqual(months[:3].mapped("state"), ["closed", "open", "open"])
            self.assertEqual(set(months[3:].mapped("state")), {"draft"})
            # a second run changes nothing
            self.env["kinerja.period"]._update_states()
            self.assertEqual(months[:4].mapped("state"), ["closed", "open", "open", "draft"])

    def test_current_filter(self):
        year = self._year()
        with freeze_time("2026-05-20"):
            current = self.env["kinerja.period"].search(
                [("is_current", "=", True), ("company_id", "=", self.company_a.id)]
            )
            self.assertEqual(current, year | year.child_ids.filtered(lambda p: p.date_start.month == 5))
