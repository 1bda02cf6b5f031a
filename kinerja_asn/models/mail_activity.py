from odoo import api, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    @api.model
    def _create_for_assignees(self, vals_list):
        """Create activities whose summary and note (when not given) are those of their type
        in the language of the user they are assigned to.

        The addon's activities are created by a scheduled action (running without a language)
        or by a colleague who may work in another language than the assignee: copying the
        type's texts in the creator's language would leave English in an Indonesian to-do list.
        """
        user_ids = {vals["user_id"] for vals in vals_list if vals.get("user_id")}
        lang_of = {user.id: user.lang for user in self.env["res.users"].browse(user_ids)}
        Type = self.env["mail.activity.type"]
        for vals in vals_list:
            activity_type = Type.with_context(lang=lang_of.get(vals.get("user_id")) or self.env.lang).browse(
                vals["activity_type_id"]
            )
            if "summary" not in vals:
                vals["summary"] = activity_type.summary
            if "note" not in vals:
                vals["note"] = activity_type.default_note
        return self.create(vals_list)
