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
