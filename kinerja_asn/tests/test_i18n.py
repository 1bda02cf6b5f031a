import re
from datetime import datetime

from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import file_open, html2plaintext
from odoo.tools.translate import PoFileReader

from .test_realization import YEAR, RealizationCase

# Words of English that no Indonesian sentence uses: one of them in a text meant for an
# Indonesian reader is a sentence left untranslated.
ENGLISH_WORDS = re.compile(
    r"\b(the|your|you|has|have|been|must|since|waiting|created|approved|returned|submitted|signed|"
    r"escalated|review|approve|evaluate|not|yet|may|until|dear|this|once|with|and|for|of|by|is|it)\b",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(r"%\(\w+\)s|%s|\{\{.*?\}\}|<[^>]*>|\n")


@tagged("post_install", "-at_install")
class TestIndonesianTexts(RealizationCase):
    """What the addon writes for an Indonesian reader (activities, chatter notes, reminders
    and their e-mails) is Indonesian, whoever writes it: the reader's colleague working in
    English, or a scheduled action running without a language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"]._load_module_terms(["base", "mail", "hr", "kinerja_asn"], ["id_ID"], overwrite=True)
        cls.users = cls.user_head | cls.user_section | cls.user_staff | cls.user_staff2
        cls.users.write({"lang": "id_ID"})
        cls.english_sentences = cls._english_sentences()
        cls.user_new = new_test_user(cls.env, login="baru", name="Pegawai Baru", lang="id_ID")
        cls.emp_new = cls.env["hr.employee"].create(
            {
                "name": "Pegawai Baru",
                "user_id": cls.user_new.id,
                "parent_id": cls.emp_section.id,
                "department_id": cls.dept.id,
                "position_type": "executor",
            }
        )

    @classmethod
    def _english_sentences(cls):
        """The addon's English texts (of two words or more) that have another Indonesian
        translation, cut at their placeholders."""
        sentences = set()
        with file_open("kinerja_asn/i18n/id.po", "rb") as po:
            for entry in PoFileReader(po):
                if not entry["value"] or entry["value"] == entry["src"]:
                    continue
                for piece in (p.strip(" .,:;()") for p in PLACEHOLDER.split(entry["src"])):
                    if len(piece.split()) >= 2 and piece not in entry["value"]:
                        sentences.add(piece)
        return sentences

    def _as(self, user):
        """``user``'s environment as in a request from his browser: his language, no test flags."""
        return self.env(user=user, context={"lang": user.lang})

    def _cron_env(self):
        """A scheduled action's environment: the root user, no language."""
        return self.env(user=self.env.ref("base.user_root"), context={})

    def assertIndonesian(self, texts, what):
        texts = [text for text in texts if text]
        self.assertTrue(texts, f"nothing to check in {what}")
        for text in texts:
            with self.subTest(what=what, text=text):
                self.assertNotRegex(text, ENGLISH_WORDS, f"English in {what}")
                found = [sentence for sentence in self.english_sentences if sentence in text]
                self.assertFalse(found, f"English in {what}")

    def _activity_texts(self, records, user):
        activities = records.activity_ids.filtered(lambda a: a.user_id == user)
        self.assertTrue(activities, f"no activity for {user.name}")
        texts = []
        for activity in activities.with_context(lang=user.lang):
            texts += [activity.summary, html2plaintext(activity.note or ""), activity.activity_type_id.name]
        return texts

    def _chatter_texts(self, records, lang="id_ID"):
        messages = self.env["mail.message"].search(
            [("model", "=", records._name), ("res_id", "in", records.ids), ("message_type", "!=", "user_notification")]
        )
        texts = []
        for message in messages.with_context(lang=lang):
            texts.append(html2plaintext(message.body or ""))
            texts += [message.subtype_id.name if message.subtype_id.internal else ""]
            for tracking in message.sudo().tracking_value_ids:
                texts += [tracking.field_id.field_description, tracking.old_value_char, tracking.new_value_char]
        return texts

    def test_skp_created_submitted_returned_approved(self):
        env = self._as(self.user_new)
        skp = env["kinerja.skp"].create({"employee_id": self.emp_new.id, "period_id": self.year.id})
        env["kinerja.skp.result"].create(
            {
                "skp_id": skp.id,
                "name": "Laporan imunisasi tersusun",
                "parent_result_id": self.rhk_section.id,
                "indicator_ids": [(0, 0, {"name": "Laporan tersusun", "target_value": 12, "unit_label": "laporan"})],
            }
        )
        skp.action_submit()
        # The evaluator's to-do, whoever submitted it, is in the evaluator's language.
        self.assertIndonesian(self._activity_texts(skp, self.user_section), "the approval activity")
        # An evaluator working in English returns it: the employee reads why in Indonesian.
        self.user_section.lang = "en_US"
        skp.with_env(self._as(self.user_section)).action_return(reason="Target belum sesuai Renstra")
        self.user_section.lang = "id_ID"
        returned = skp.message_ids.filtered(lambda m: "Renstra" in (m.body or ""))
        self.assertIn("dikembalikan", html2plaintext(returned.body).lower())
        skp.action_submit()
        skp.with_env(self._as(self.user_section)).action_approve()
        self.assertEqual(skp.state, "approved")
        texts = self._chatter_texts(skp)
        self.assertIn("Sasaran Kinerja Pegawai (SKP) dibuat", "\n".join(texts), "the creation note names the model")
        self.assertIndonesian(texts, "the SKP's chatter")

    def test_creation_note_while_the_module_installs(self):
        """Data created while the addon installs (its demo SKPs) comes before its translations
        are loaded: the creation note still names the model in Indonesian."""
        self.env.cr.execute("UPDATE ir_model SET name = name - 'id_ID' WHERE model = 'kinerja.skp'")
        self.env["ir.model"].invalidate_model(["name"])
        skp = self._as(self.user_new)["kinerja.skp"].create({"employee_id": self.emp_new.id, "period_id": self.year.id})
        self.assertEqual(html2plaintext(skp.message_ids[-1].body), "Sasaran Kinerja Pegawai (SKP) dibuat")
        # In English, Odoo's own note.
        english = self.env(context={"lang": "en_US"})["kinerja.skp"].browse(skp.id)
        self.assertEqual(english._creation_message(), "Performance Plan (SKP) created")

    def test_realisation_submitted_and_rejected(self):
        report = self._report(self.ind_staff, 1, 10, user=self.user_staff)
        report = report.with_env(self._as(self.user_staff))
        self.assertIndonesian(self._activity_texts(self.skp_staff, self.user_section), "the review activity")
        report.with_env(self._as(self.user_section)).action_reject(feedback="Bukti dukung belum dilampirkan")
        self.assertEqual(report.state, "rejected")
        self.assertIndonesian(self._chatter_texts(report), "the report's chatter")

    def test_evaluation_prepared_by_the_job_and_signed(self):
        with freeze_time(f"{YEAR}-02-01"):
            evaluations = self.env["kinerja.evaluation"].with_env(self._cron_env())._cron_prepare_evaluations()
        evaluation = evaluations.filtered(lambda e: e.skp_id == self.skp_staff)
        self.assertIndonesian(self._activity_texts(evaluation, self.user_section), "the evaluation activity")
        evaluation = evaluation.with_env(self._as(self.user_section))
        evaluation.write({"result_rating": "meets", "behavior_rating": "meets", "override_reason": "Sesuai"})
        evaluation.action_done(force=True)
        signed = evaluation.message_ids.filtered(lambda m: m.subtype_id == self.env.ref("mail.mt_comment"))
        self.assertTrue(signed)
        self.assertIndonesian([html2plaintext(m.body) for m in signed], "the signed evaluation's note")

    def _reminder_texts(self, reminders):
        """Texts of the reminders sent to Indonesian users (and their e-mails)."""
        reminders = reminders.filtered(lambda r: r.user_id.lang == "id_ID")
        self.assertTrue(reminders)
        texts = []
        for reminder in reminders:
            texts.append(reminder.summary)
            texts.append(reminder.with_context(lang="id_ID").display_name)
        mails = self.env["mail.mail"].search([("model", "=", "kinerja.reminder"), ("res_id", "in", reminders.ids)])
        self.assertEqual(len(mails), len(reminders), "one e-mail per reminder")
        for mail in mails:
            texts += [mail.subject, html2plaintext(mail.body_html)]
        return texts

    @freeze_time(f"{YEAR}-02-03")
    def test_reminders_of_the_job(self):
        self._report(self.ind_staff, 1, 10)
        reminders = self.env["kinerja.reminder"].with_env(self._cron_env())._cron_send_reminders()
        self.assertLessEqual({"report_due", "review"}, set(reminders.mapped("purpose")))
        self.assertIndonesian(self._reminder_texts(reminders), "the reminders and their e-mails")
        self.assertIndonesian(self._activity_texts(self.skp_staff2, self.user_staff2), "the reminder activity")

    @freeze_time(f"{YEAR}-01-29")
    def test_plan_reminder_of_the_job(self):
        self.skp_staff2.sudo().write({"state": "draft"})
        reminders = self.env["kinerja.reminder"].with_env(self._cron_env())._cron_send_reminders()
        plan = reminders.filtered(lambda r: r.purpose == "plan")
        self.assertIn(self.user_staff2, plan.user_id)
        self.assertIndonesian(self._reminder_texts(plan), "the planning reminders")
        self.assertIndonesian(self._activity_texts(self.skp_staff2, self.user_staff2), "the planning activity")

    def test_escalation_of_the_job(self):
        self.skp_staff2.sudo().write({"state": "submitted", "submitted_date": datetime(YEAR, 1, 5, 9, 0)})
        with freeze_time(f"{YEAR}-01-13"):
            escalated = self.env["kinerja.skp"].with_env(self._cron_env())._cron_escalate_approvals()
        self.assertEqual(escalated.user_id, self.user_head)
        self.assertIndonesian(self._reminder_texts(escalated), "the escalation and its e-mail")
        self.assertIndonesian(self._activity_texts(self.skp_staff2, self.user_head), "the escalation activity")

    def test_menus_and_labels(self):
        """Model descriptions, menus and selection labels of the addon have Indonesian names."""
        env = self._as(self.user_staff)
        menus = env["ir.ui.menu"].search([("id", "child_of", env.ref("kinerja_asn.kinerja_menu_root").id)])
        self.assertIndonesian(menus.mapped("name"), "the menus")
        self.assertNotIn("Coaching", menus.mapped("name"))
        self.assertNotIn("Cascading", menus.mapped("name"))
        models = env["ir.model"].sudo().search([("model", "like", "kinerja.%")])
        self.assertIndonesian(models.mapped("name"), "the model descriptions")
        selections = env["ir.model.fields.selection"].sudo().search([("field_id.model_id", "in", models.ids)])
        self.assertIndonesian(selections.mapped("name"), "the selection labels")

    def test_module_records_have_indonesian_names(self):
        """Every activity type, mail template, message subtype, menu, action, scheduled job and
        group of the addon has an Indonesian name, not its English one (the few names that are
        the same in both languages are listed)."""
        same_in_both = {"Kinerja", "SKP", "TPP", "Administrator", "SKP (PDF)", "SKP (XLSX)"}
        fields_of = {
            "mail.activity.type": ["name", "summary"],
            "mail.template": ["name", "subject", "body_html"],
            "mail.message.subtype": ["name", "description"],
            "ir.ui.menu": ["name"],
            "ir.actions.act_window": ["name", "help"],
            "ir.actions.server": ["name"],
            "ir.actions.report": ["name"],
            "ir.actions.client": ["name"],
            "res.groups": ["name", "comment"],
        }
        data = self.env["ir.model.data"].search([("module", "=", "kinerja_asn"), ("model", "in", list(fields_of))])
        checked = dict.fromkeys(fields_of, 0)
        for entry in data:
            record = self.env[entry.model].browse(entry.res_id).exists()
            for name in fields_of[entry.model] if record else ():
                english = record.with_context(lang="en_US")[name]
                words = PLACEHOLDER.sub(" ", str(english or "")).strip()
                if not words or words in same_in_both:
                    continue
                checked[entry.model] += 1
                with self.subTest(record=entry.complete_name, field=name):
                    self.assertNotEqual(
                        record.with_context(lang="id_ID")[name],
                        english,
                        f"{entry.complete_name}: English in Indonesian",
                    )
        for model in ("mail.activity.type", "mail.template", "mail.message.subtype", "ir.ui.menu", "ir.actions.server"):
            self.assertTrue(checked[model], f"no {model} of the addon checked")
        # The scheduled jobs are named by their server actions (Odoo keeps ir.cron's own
        # cron_name in English): those names are Indonesian.
        crons = self.env["ir.model.data"].search([("module", "=", "kinerja_asn"), ("model", "=", "ir.cron")])
        self.assertTrue(crons)
        for cron in self.env["ir.cron"].browse(crons.mapped("res_id")):
            action = cron.ir_actions_server_id
            self.assertNotEqual(
                action.with_context(lang="id_ID").name, action.with_context(lang="en_US").name, cron.cron_name
            )
