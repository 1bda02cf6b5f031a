"""Penetapan Predikat Kinerja (item 3): the leadership above a unit, or an officer, sets the
predicates of the unit's employees against the curve of its organisation achievement; the
signed determination closes the unit's period."""

import io
import shutil

from PyPDF2 import PdfReader

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .test_distribution import DistributionCase
from .test_realization import YEAR


class PenetapanCase(DistributionCase):
    """Dinas Kesehatan rated Good for January by the Sekretaris Daerah, with the January
    evaluations of its four people ready to sign: at most 70 % Good (2 of 4 people as
    written) and at least one Needs Improvement or Poor."""

    def setUp(self):
        super().setUp()
        self.Penetapan = self.env["kinerja.penetapan"]
        self.org = self._rate_unit("good", user=self.user_top)
        self.evaluations = {
            "head": self.Evaluation.with_user(self.user_top).create(
                {"skp_id": self.skp_head.id, "period_id": self.month[1].id}
            ),
            "section": self._evaluation(self.skp_section),
            "staff": self._evaluation(self.skp_staff),
            "staff2": self._evaluation(self.skp_staff2),
        }

    def _sign_unit(self, skip=(), **ratings):
        """Sign the unit's January: the head Good (his unit's rating), the section head Very
        Good, Staf Satu Good, Staf Dua Needs Improvement, unless ``ratings`` say otherwise."""
        wanted = {
            "head": (None, "meets"),
            "section": ("above", "above"),
            "staff": ("meets", "meets"),
            "staff2": ("below", "meets"),
            **ratings,
        }
        for key, (result, behavior) in wanted.items():
            if key in skip:
                continue
            evaluation = self.evaluations[key]
            values = {"behavior_rating": behavior, "override_reason": "Pertimbangan"}
            if result:
                values["result_rating"] = result
            evaluation.write(values)
            evaluation.action_done(force=True)
            self.assertEqual(evaluation.state, "done", key)

    def _penetapan(self, user=None, month=1):
        return self.Penetapan.with_user(user or self.user_top).create(
            {"department_id": self.dept.id, "period_id": self.month[month].id}
        )


@tagged("post_install", "-at_install")
class TestPenetapan(PenetapanCase):
    def test_the_leadership_confirms_and_closes_the_unit(self):
        self._sign_unit()
        penetapan = self._penetapan()
        self.assertEqual(penetapan.name, f"Dinas Kesehatan - {self.month[1].name}")
        self.assertEqual((penetapan.org_rating, penetapan.employee_count, penetapan.signed_count), ("good", 4, 4))
        self.assertEqual(
            {line.employee_id: line.predicate for line in penetapan.line_ids},
            {
                self.emp_head: "good",
                self.emp_section: "very_good",
                self.emp_staff: "good",
                self.emp_staff2: "needs_improvement",
            },
        )
        rules = {line.rule_id: line for line in penetapan.rule_line_ids}
        good = rules[self.env.ref("kinerja_asn.distribution_good_good")]
        self.assertEqual((good.count, good.maximum, good.percent, good.broken), (2, 2, 50.0, False))
        low = rules[self.env.ref("kinerja_asn.distribution_good_low")]
        self.assertEqual((low.count, low.minimum, low.broken), (1, 1, False))
        self.assertFalse(penetapan.violation)
        activity = self.env.ref("kinerja_asn.mail_act_penetapan")
        to_do = penetapan.activity_ids.filtered(lambda a: a.activity_type_id == activity)
        self.assertEqual(to_do.user_id, self.user_top)

        # the unit's own head and its staff may not confirm; the leadership above does
        with self.assertRaisesMsg(AccessError, "You head Dinas Kesehatan"):
            penetapan.with_user(self.user_head).action_confirm()
        self.assertFalse(penetapan.with_user(self.user_head).can_confirm)
        with self.assertRaises(AccessError):
            penetapan.with_user(self.user_staff).action_confirm()
        self.assertTrue(penetapan.with_user(self.user_top).can_confirm)
        self.assertIs(penetapan.with_user(self.user_top).action_confirm(), True)
        self.assertEqual((penetapan.state, penetapan.confirmed_by_id), ("confirmed", self.user_top))
        self.assertEqual(len(penetapan.verification_code), 16)
        self.assertFalse(penetapan.activity_ids, "the to-do is done")

        # the unit's period is closed: a late evaluation is neither changed nor signed
        [late] = self._staff(1)
        with self.assertRaisesMsg(UserError, "were determined"):
            late.write({"behavior_rating": "meets"})
        with self.assertRaisesMsg(UserError, "were determined"):
            late.action_done(force=True)
        self.assertEqual(late.state, "draft")
        # nor its organisation rating, nor the determination itself
        with self.assertRaisesMsg(UserError, "can no longer change"):
            self.org.with_user(self.user_top).write({"rating": "outstanding"})
        with self.assertRaisesMsg(UserError, "is confirmed"):
            penetapan.with_user(self.user_top).write({"note": "Diubah"})
        with self.assertRaisesMsg(UserError, "never deleted"):
            penetapan.with_user(self.user_officer).unlink()
        with self.assertRaisesMsg(UserError, "its 'Confirm' button"):
            penetapan.with_user(self.user_officer).write({"state": "draft"})

        # an objection still goes through its own decision
        staff = self.evaluations["staff"]
        objection = (
            self.env["kinerja.objection"]
            .with_user(self.user_staff)
            .create({"evaluation_id": staff.id, "reason": "Capaian Januari belum lengkap"})
        )
        objection.with_user(self.user_head).action_accept(result_rating="above", behavior_rating="above", reason="Sah")
        self.assertEqual(staff.predicate, "very_good")
        self.assertEqual(
            penetapan.line_ids.filtered(lambda line: line.employee_id == self.emp_staff).predicate,
            "good",
            "the confirmed determination keeps the predicates it set",
        )

    def test_confirmation_waits_for_the_rating_and_every_signature(self):
        unrated = self._penetapan(user=self.user_officer, month=2)
        self.assertFalse(unrated.line_ids)
        with self.assertRaisesMsg(UserError, "Set the organisation achievement of Dinas Kesehatan"):
            unrated.with_user(self.user_officer).action_confirm()
        self._sign_unit(skip=("staff2",))
        penetapan = self._penetapan(user=self.user_officer)
        self.assertEqual((penetapan.employee_count, penetapan.signed_count), (4, 3))
        with self.assertRaisesMsg(UserError, r"Not every evaluation .*\(Staf Dua\)"):
            penetapan.with_user(self.user_officer).action_confirm()
        self.assertEqual(penetapan.state, "draft")
        self._sign_unit(skip=("head", "section", "staff"))
        self.assertIs(penetapan.with_user(self.user_officer).action_confirm(), True, "the figures are refreshed")
        self.assertEqual((penetapan.state, penetapan.signed_count), ("confirmed", 4))

    def test_a_broken_curve_warns_or_blocks(self):
        # three Good of four: above the 2 allowed, and no Needs Improvement or Poor at all
        self._sign_unit(staff2=("meets", "meets"))
        penetapan = self._penetapan()
        self.assertIn("Good: at most 70.0%: 3 of 4 employees, at most 2 allowed.", penetapan.violation)
        self.assertIn("at least 1 required", penetapan.violation)
        self.assertEqual(len(penetapan.rule_line_ids.filtered("broken")), 2)
        self.company_a.kinerja_distribution_blocking = True
        with self.assertRaisesMsg(UserError, "break the distribution"):
            penetapan.with_user(self.user_top).action_confirm()
        self.assertEqual(penetapan.state, "draft")
        self.company_a.kinerja_distribution_blocking = False
        action = penetapan.with_user(self.user_top).action_confirm()
        self.assertEqual(action["res_model"], "kinerja.penetapan.confirm.wizard", "warned, not confirmed")
        self.assertEqual(penetapan.state, "draft")
        wizard = Form.from_action(self.env(user=self.user_top), action).save()
        self.assertIn("at most 2 allowed", wizard.warning)
        wizard.action_confirm()
        self.assertEqual((penetapan.state, penetapan.confirmed_by_id), ("confirmed", self.user_top))

    def test_who_reads_and_prepares(self):
        with self.assertRaisesMsg(AccessError, "You head Dinas Kesehatan"):
            self._penetapan(user=self.user_head)
        with self.assertRaises(AccessError):
            self._penetapan(user=self.user_staff)
        penetapan = self._penetapan()
        for user, sees in (
            (self.user_top, True),
            (self.user_head, True),
            (self.user_officer, True),
            (self.user_section, False),
            (self.user_staff, False),
            (self.user_other, False),
        ):
            with self.subTest(user=user.login):
                found = self.Penetapan.with_user(user).search([("id", "=", penetapan.id)])
                self.assertEqual(bool(found), sees)
                lines = self.env["kinerja.penetapan.line"].with_user(user).search([("penetapan_id", "=", penetapan.id)])
                self.assertEqual(len(lines), 4 if sees else 0)
        # the lines are the application's
        with self.assertRaises(AccessError):
            penetapan.line_ids[:1].with_user(self.user_top).write({"predicate": "very_good"})
        with self.assertRaisesMsg(AccessError, "cannot be set by hand"):
            penetapan.with_user(self.user_top).write({"org_rating": "outstanding"})
        with self.assertRaisesMsg(AccessError, "You head Dinas Kesehatan"):
            penetapan.with_user(self.user_head).write({"note": "Catatan kepala"})
        penetapan.with_user(self.user_top).write({"note": "Dibahas dalam rapat pimpinan"})
        with self.assertRaisesMsg(UserError, "cannot change"):
            penetapan.with_user(self.user_top).write({"period_id": self.month[2].id})
        with self.assertRaisesMsg(AccessError, "You head Dinas Kesehatan"):
            penetapan.with_user(self.user_head).unlink()
        penetapan.with_user(self.user_top).unlink()
        self.assertFalse(penetapan.exists(), "a draft may be deleted")

    def test_each_unit_its_own_population_and_one_line_per_person(self):
        seksi = self.env["hr.department"].create(
            {"name": "Seksi Imunisasi", "parent_id": self.dept.id, "manager_id": self.emp_section.id}
        )
        in_seksi = self._staff(2, department=seksi)
        self._rate_unit("outstanding", department=seksi, user=self.user_head)
        penetapan = self._penetapan()
        self.assertEqual(len(penetapan.line_ids), 4, "the rated section is not the office's")
        section_penetapan = self.Penetapan.with_user(self.user_head).create(
            {"department_id": seksi.id, "period_id": self.month[1].id}
        )
        self.assertEqual(section_penetapan.line_ids.evaluation_id, in_seksi)
        self.assertEqual(section_penetapan.leader_user_id, self.user_head)
        with self.assertRaisesMsg(AccessError, "You head Seksi Imunisasi"):
            section_penetapan.with_user(self.user_section).action_confirm()
        # a second SKP of the month for Staf Dua (a new position from 16 January): one line,
        # with the predicate of the SKP that covers the end of the month
        skp = self.skp_staff2.sudo()
        skp.write({"date_end": f"{YEAR}-01-15"})
        moved = self._skp_between(self.emp_staff2, skp.date_end.replace(day=16), skp.period_id.date_end)
        self._evaluation(moved, 1)
        penetapan.action_refresh()
        lines = penetapan.line_ids.filtered(lambda line: line.employee_id == self.emp_staff2)
        self.assertEqual(len(lines), 1)
        self.assertEqual(lines.evaluation_id.skp_id, moved)
        self.assertEqual(len(penetapan.line_ids), 4)

    def test_multi_company(self):
        officer_b = new_test_user(
            self.env,
            login="pengelola_b",
            groups="base.group_user,kinerja_asn.group_kinerja_officer",
            company_id=self.company_b.id,
            company_ids=[(6, 0, self.company_b.ids)],
        )
        penetapan = self._penetapan()
        self.assertEqual(penetapan.company_id, self.company_a)
        self.assertFalse(self.Penetapan.with_user(officer_b).search([]))
        with self.assertRaises(AccessError):
            penetapan.with_user(officer_b).action_confirm()


def _pdf_text(case, report, records):
    html = case.env["ir.actions.report"]._render_qweb_html(report, records.ids)[0].decode()
    if not shutil.which("wkhtmltopdf"):
        return html
    pdf, kind = (
        case.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(report, records.ids)
    )
    case.assertEqual(kind, "pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


@tagged("post_install", "-at_install")
class TestPenetapanDocuments(HttpCase, PenetapanCase):
    """The signed PDF of the determination and its verification; the unit on the evaluation
    document (item 9); the perspective on a senior executive's SKP."""

    def test_penetapan_pdf_and_verification(self):
        self._sign_unit()
        penetapan = self._penetapan()
        draft = _pdf_text(self, "kinerja_asn.action_report_kinerja_penetapan", penetapan)
        self.assertIn("this print is a draft", draft)
        penetapan.with_user(self.user_top).action_confirm()
        text = _pdf_text(self, "kinerja_asn.action_report_kinerja_penetapan", penetapan)
        for expected in (
            "DETERMINATION OF EMPLOYEE PERFORMANCE PREDICATES",
            "ORGANISATION ACHIEVEMENT",
            "DISTRIBUTION PATTERN",
            "Staf Dua",
            "199104042016042004",
            "Needs Improvement",
            self.user_top.name,
            penetapan.verification_code,
        ):
            self.assertIn(expected, text)
        response = self.url_open(f"/kinerja/verify/{penetapan.verification_code}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Determination of Performance Predicates", response.text)
        self.assertIn("Dinas Kesehatan", response.text)

    def test_evaluation_document_shows_the_unit(self):
        self._sign_unit()
        staff = self.evaluations["staff"]
        values = self.env["report.kinerja_asn.report_evaluation"]._get_report_values(staff.ids)
        unit = values["units"][staff.id]
        self.assertEqual(unit["rating"], "Good")
        rows = {row["predicate"]: row for row in unit["rows"]}
        self.assertEqual((rows["good"]["count"], rows["good"]["limits"]), (2, "≤ 2"))
        self.assertEqual(rows["needs_improvement"]["limits"], "≥ 1")
        self.assertEqual(rows["very_good"]["percent"], 25.0)
        text = _pdf_text(self, "kinerja_asn.action_report_kinerja_evaluation", staff)
        for expected in ("ORGANISATION ACHIEVEMENT", "Good", "DISTRIBUTION PATTERN", "Very Good"):
            self.assertIn(expected, text)
        # without a rating for the period, the document says so
        other = self._evaluation(self.skp_staff, 2)
        self.assertFalse(
            self.env["report.kinerja_asn.report_evaluation"]._get_report_values(other.ids)["units"][other.id]
        )
        self.assertIn("Not set for the period", _pdf_text(self, "kinerja_asn.action_report_kinerja_evaluation", other))

    def test_skp_pdf_prints_the_perspective_for_senior_executives(self):
        self.rhk_head.sudo().perspective = "customer"
        text = _pdf_text(self, "kinerja_asn.action_report_kinerja_skp", self.skp_head)
        self.assertIn("Perspective", text)
        self.assertIn("Customer Perspective", text)
        staff = _pdf_text(self, "kinerja_asn.action_report_kinerja_skp", self.skp_staff)
        self.assertIn("Aspect", staff)
        self.assertNotIn("Customer Perspective", staff)
