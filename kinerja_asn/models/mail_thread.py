import functools

from odoo import models
from odoo.tools import file_open
from odoo.tools.translate import PoFileReader, code_translations, get_po_paths


@functools.lru_cache(maxsize=8)
def _model_names(lang):
    """{model xml id: translated description} of the addon's models in ``lang``, read from its
    translation files (as Odoo reads the translations of code)."""
    names = {}
    for path in get_po_paths("kinerja_asn", lang):
        with file_open(path, "rb") as po:
            for entry in PoFileReader(po):
                if entry["name"] == "ir.model,name" and entry["value"]:
                    names[entry["imd_name"]] = entry["value"]
    return names


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _creation_message(self):
        """'<Model> created' in the writer's language, the model's name included.

        A module's translations are loaded after its data: the records an installation
        creates (demo SKPs and evaluations, data of an update) would otherwise be noted
        'Performance Plan (SKP) dibuat'. The translation files give the name meanwhile."""
        lang = self.env.lang
        if self._original_module != "kinerja_asn" or not lang or lang == "en_US":
            return super()._creation_message()
        name = self.env["ir.model"]._get(self._name).name
        if name == self._description:  # not translated in the database (yet)
            name = _model_names(lang).get("model_" + self._name.replace(".", "_"), name)
        created = code_translations.get_python_translations("mail", lang).get("%s created", "%s created")
        return created % name

    # ------------------------------------------------------------------------------------
    # Users without an e-mail address (many civil servants log in with their NIP)
    # ------------------------------------------------------------------------------------
    def _message_compute_author(self, author_id=None, email_from=None, raise_on_email=True):
        """A civil servant without an e-mail address still signs, submits and reviews: his
        message is posted under his name with the agency's sending address, instead of
        mail's 'please configure the sender's email address'."""
        if self._original_module != "kinerja_asn":
            return super()._message_compute_author(author_id, email_from, raise_on_email)
        author_id, email_from = super()._message_compute_author(author_id, email_from, raise_on_email=False)
        if not email_from:
            email_from = self.env["ir.mail_server"]._get_default_from_address() or self.env.company.email_formatted
        return author_id, email_from

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        """Users without an e-mail address who chose e-mail notifications get them in
        Odoo's inbox: an e-mail they cannot receive would be a lost notification."""
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        if self._original_module != "kinerja_asn":
            return recipients
        by_email = [r for r in recipients if r["notif"] == "email" and r.get("uid") and not r.get("ushare")]
        if by_email:
            # internal users' partners: readable by every internal user, whatever the company
            partners = self.env["res.partner"].browse([r["id"] for r in by_email])
            without = set(partners.filtered(lambda p: not p.email).ids)
            for recipient in by_email:
                if recipient["id"] in without:
                    recipient["notif"] = "inbox"
        return recipients
