"""Client actions the models return to the web client."""


def notification(message, kind="success"):
    """A confirmation for the web client, which then reloads the form or list that called it
    (or closes the dialog it came from); over the external API, a plain (truthy) description."""
    return {
        "type": "ir.actions.client",
        "tag": "display_notification",
        "params": {
            "message": message,
            "type": kind,
            "sticky": False,
            "next": {"type": "ir.actions.act_window_close"},
        },
    }
