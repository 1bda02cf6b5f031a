from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _recipient_env(self):
        """The environment to write a text for this user in: his language, or the current one
        when there is no user. Use it for what lands in a record or a mailbox for someone else
        (reminders, activities, chatter notes), e.g. ``skp.user_id._recipient_env()._("...")``:
        scheduled actions run without a language, and colleagues may work in another one."""
        return self.env(context=dict(self.env.context, lang=self[:1].lang or self.env.lang))
