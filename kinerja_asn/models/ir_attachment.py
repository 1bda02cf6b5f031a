import os

from odoo import api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.mimetypes import guess_mimetype

# What makes a file the evidence it is: its content and where it belongs.
EVIDENCE_FIELDS = {"datas", "raw", "db_datas", "store_fname", "name", "res_model", "res_id", "url", "type"}

# What the content of a file must look like for its extension (where the format has a
# signature): a script or a web page renamed to .pdf is refused.
SIGNATURES = {
    "pdf": ("application/pdf",),
    "png": ("image/png",),
    "jpg": ("image/jpeg",),
    "jpeg": ("image/jpeg",),
    "gif": ("image/gif",),
    "docx": ("wordprocessingml",),
    "xlsx": ("spreadsheetml",),
    "pptx": ("presentationml",),
    "odt": ("opendocument.text",),
    "ods": ("opendocument.spreadsheet",),
}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _kinerja_evidence_files(self):
        """Named exception (README, privileged methods): these files as superuser, for the evidence rules only:
        whether they are evidence of a submitted or accepted report (of someone else, possibly),
        whether they are accepted evidence (type, content, size: a file the user may not read
        is still refused with a clear message rather than failing), and tying freshly uploaded
        files, which are their uploader's only, to the document they are evidence of."""
        return self.sudo()

    def _kinerja_locked_reports(self):
        """The submitted or accepted realisation reports these files are evidence of."""
        if not self.ids:
            return self.env["kinerja.realization"]
        return (
            self._kinerja_evidence_files()
            .env["kinerja.realization"]
            .search([("attachment_ids", "in", self.ids), ("state", "in", ("submitted", "accepted"))])
        )

    def _kinerja_check_evidence_kept(self):
        if self.env.su:
            return
        report = self._kinerja_locked_reports()[:1]
        if report:
            raise UserError(
                self.env._(
                    "This file is evidence of the realisation report %(report)s, which is %(state)s: it is kept "
                    "as it is. Withdraw the report (or ask for it to be returned) to change its evidence.",
                    report=report.display_name,
                    state=dict(report._fields["state"]._description_selection(self.env))[report.state],
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_kinerja_evidence(self):
        self._kinerja_check_evidence_kept()

    def write(self, vals):
        if EVIDENCE_FIELDS & set(vals):
            self._kinerja_check_evidence_kept()
        return super().write(vals)

    # ------------------------------------------------------------------------------------
    # Evidence of realisation reports and daily log entries
    # ------------------------------------------------------------------------------------
    def _kinerja_check_evidence(self, company):
        """Refuse files that are not accepted evidence in ``company``: type, real content
        behind the extension, size."""
        allowed = self.env["res.company"]._kinerja_evidence_extensions()
        max_mb = company.kinerja_evidence_max_size or 10
        for attachment in self._kinerja_evidence_files():
            extension = os.path.splitext(attachment.name or "")[1].lower().lstrip(".")
            if allowed and extension not in allowed:
                raise ValidationError(
                    self.env._(
                        "The file “%(file)s” is not an accepted type of evidence. Accepted types: %(types)s.",
                        file=attachment.name,
                        types=", ".join(sorted(allowed)),
                    )
                )
            expected = SIGNATURES.get(extension)
            if expected:
                found = guess_mimetype(attachment.raw or b"", default="")
                if not any(kind in found for kind in expected):
                    raise ValidationError(
                        self.env._(
                            "The file “%(file)s” is not a real .%(extension)s file (its content is %(found)s): "
                            "attach the document itself, saved in that format.",
                            file=attachment.name,
                            extension=extension,
                            found=found or self.env._("unknown"),
                        )
                    )
            if attachment.file_size > max_mb * 1024 * 1024:
                raise ValidationError(
                    self.env._(
                        "The file “%(file)s” is %(size).1f MB: evidence files may be at most %(max)s MB. "
                        "Compress it or share it as a link.",
                        file=attachment.name,
                        size=attachment.file_size / 1024 / 1024,
                        max=max_mb,
                    )
                )

    def _kinerja_attach_to(self, record):
        """Tie freshly uploaded files to ``record``, so that only those who may read it read
        them (ir.attachment follows res_model/res_id); another document's files are refused."""
        loose = self._kinerja_evidence_files().filtered(lambda a: a.res_model != record._name or a.res_id != record.id)
        if not loose:
            return
        if not self.env.su:
            foreign = loose.filtered(lambda a: a.res_id or a.create_uid != self.env.user)
            if foreign:
                raise AccessError(
                    self.env._(
                        "Attach evidence by uploading it: “%s” belongs to another document.",
                        foreign[0].name,
                    )
                )
        loose.write({"res_model": record._name, "res_id": record.id})
