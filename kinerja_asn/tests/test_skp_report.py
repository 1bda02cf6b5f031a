import io
import os
import shutil

from PyPDF2 import PdfReader

from odoo.tests import HttpCase, tagged

from .test_skp_flow import SkpCase

REPORT = "kinerja_asn.action_report_kinerja_skp"


@tagged("post_install", "-at_install")
class TestSkpReport(HttpCase, SkpCase):
    """The printed SKP: the agency's letterhead, the three people it names, and the whole
    approval history (returns and their reasons included), read from the tracked changes.
    An HttpCase: wkhtmltopdf fetches the report's assets from the test server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a.write({"name": "Dinas Kesehatan Kota Uji", "street": "Jl. Sudirman 1", "city": "Pariaman"})
        cls.skp_head.sudo().write({"state": "approved"})
        cls.skp_section.sudo().write({"state": "approved"})
        cls._add_result(cls.skp_staff, "Imunisasi di posyandu binaan", parent=cls.rhk_section, target=400)
        # the workflow as the users run it, with the chatter tracking it (the common set-up
        # disables tracking for speed)
        cls.env.flush_all()
        cls.env.cr.precommit.run()  # the drafts were created in an earlier request
        skp = cls.skp_staff.with_context(tracking_disable=False)
        cls._step(skp.with_user(cls.user_staff).action_submit)
        cls._step(skp.with_user(cls.user_section).action_return, reason="Target terlalu rendah: naikkan menjadi 450")
        cls.skp_staff.result_ids.indicator_ids.target_value = 450
        cls._step(skp.with_user(cls.user_staff).action_submit)
        cls._step(skp.with_user(cls.user_section).action_approve)

    @classmethod
    def _step(cls, action, **kwargs):
        """One request: the action, then the tracking written at its commit."""
        action(**kwargs)
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    def _history(self):
        return self.env["report.kinerja_asn.report_skp"]._history(self.skp_staff)

    def _html(self):
        return self.env["ir.actions.report"]._render_qweb_html(REPORT, self.skp_staff.ids)[0].decode()

    def test_history_reads_every_step(self):
        history = self._history()
        self.assertEqual([entry["step"] for entry in history], ["Submitted", "Returned", "Submitted", "Approved"])
        self.assertEqual(
            [entry["who"] for entry in history],
            [self.user_staff.name, self.user_section.name, self.user_staff.name, self.user_section.name],
        )
        self.assertEqual(history[1]["note"], "Target terlalu rendah: naikkan menjadi 450")
        self.assertFalse(history[3]["note"])
        self.assertTrue(all(entry["when"] for entry in history))
        # a withdrawal is not a return
        skp = self.skp_staff.with_context(tracking_disable=False)
        self._step(skp.sudo().write, vals={"state": "draft"})
        self._step(skp.with_user(self.user_staff).action_submit)
        self._step(skp.with_user(self.user_staff).action_draft)
        self.assertEqual([entry["step"] for entry in self._history()][-3:], ["Reopened", "Submitted", "Withdrawn"])

    def test_history_is_not_made_of_comments(self):
        """A comment that looks like an approval is not part of the trail."""
        self.skp_staff.with_user(self.user_staff).message_post(body="Approved by Kepala Dinas", message_type="comment")
        self.assertEqual(len(self._history()), 4)

    def test_html_letterhead_people_and_history(self):
        html = self._html()
        self.assertIn("o_kinerja_letterhead", html)
        self.assertIn("Dinas Kesehatan Kota Uji", html)
        self.assertIn("Jl. Sudirman 1, Pariaman", html)
        if self.company_a.logo:
            self.assertIn('alt="Logo"', html)
        for expected in (
            "EVALUATOR'S SUPERVISOR (ATASAN PEJABAT PENILAI KINERJA)",
            "Kepala Dinas",
            "Kepala Seksi",
            "APPROVAL HISTORY",
            "Returned",
            "Target terlalu rendah: naikkan menjadi 450",
            "450 anak",
        ):
            self.assertIn(expected, html)
        self.assertNotIn("o_report_layout_standard", html, "no header band of the standard layout")

    def test_paperformat_has_a_small_top_margin(self):
        report = self.env.ref(REPORT)
        self.assertLessEqual(report.paperformat_id.margin_top, 15)
        self.assertEqual(report.paperformat_id.format, "A4")

    def test_pdf(self):
        self.assertTrue(shutil.which("wkhtmltopdf"), "wkhtmltopdf prints the PDF reports: run `make setup`")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, self.skp_staff.ids)
        )
        self.assertEqual(kind, "pdf")
        if os.environ.get("KINERJA_REPORT_DUMP"):
            with open(os.environ["KINERJA_REPORT_DUMP"], "wb") as dump:
                dump.write(pdf)
        pages = PdfReader(io.BytesIO(pdf)).pages
        text = " ".join(" ".join(page.extract_text() for page in pages).split())
        for expected in (
            "DINAS KESEHATAN KOTA UJI",
            "PERFORMANCE PLAN",
            "ATASAN PEJABAT PENILAI KINERJA",
            "Kepala Dinas",
            "APPROVAL HISTORY",
            "Returned",
            "Target terlalu rendah: naikkan menjadi 450",
            self.skp_staff.verification_code,
        ):
            self.assertIn(expected, text)
        first_line = " ".join(pages[0].extract_text().strip().splitlines()[0].split())
        self.assertIn("DINAS KESEHATAN KOTA UJI", first_line.upper(), "the letterhead opens the first page")
