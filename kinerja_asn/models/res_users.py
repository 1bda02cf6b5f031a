from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    kinerja_guide_done = fields.Boolean(
        string="Kinerja Guide Seen",
        help="The guided first steps of the Kinerja home were offered and dismissed (or started): the home "
        "no longer offers them; its Guide button starts them again.",
    )

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return [*super().SELF_WRITEABLE_FIELDS, "kinerja_guide_done"]

    def _recipient_env(self):
        """The environment to write a text for this user (one or none) in: his language, or the current one
        when there is no user. Use it for what lands in a record or a mailbox for someone else
        (reminders, activities, chatter notes), e.g. ``skp.user_id._recipient_env()._("...")``:
        scheduled actions run without a language, and colleagues may work in another one."""
        # self.lang, not self[:1].lang: the record keeps its prefetch set (one query for all
        # the recipients of a batch, not one each)
        return self.env(context=dict(self.env.context, lang=(self.lang if self else None) or self.env.lang))

    def _kinerja_is_officer(self):
        """Whether this user (one) is a performance officer or administrator: the one test of
        the officer's role, used by the workflow and the models that give officers more."""
        return self.has_group("kinerja_asn.group_kinerja_officer")
