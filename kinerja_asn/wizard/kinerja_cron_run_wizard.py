from odoo import fields, models

JOBS = [
    ("periods", "Open and close periods, create next year"),
    ("evaluations", "Prepare evaluations of ended periods"),
    ("escalation", "Escalate pending approvals"),
    ("reminders", "Remind employees and evaluators"),
    ("acting", "Start and end acting officials (Plt / Plh)"),
]


class KinerjaCronRunWizard(models.TransientModel):
    """Officers run a scheduled job now, for one department (and its sub-units) or all."""

    _name = "kinerja.cron.run.wizard"
    _description = "Run a Kinerja Scheduled Job Now"

    job = fields.Selection(JOBS, required=True, default="reminders")
    department_id = fields.Many2one(
        "hr.department",
        string="Work Unit",
        help="Only this unit and its sub-units; empty for the whole agency. Periods and acting officials "
        "(Plt / Plh) are always agency-wide.",
    )
    result = fields.Text(readonly=True)

    def action_run(self):
        self.ensure_one()
        department = self.department_id
        # The jobs work for the whole agency as the cron does, whatever the officer may read.
        env = self.env(su=True)
        if self.job == "periods":
            env["kinerja.period"]._cron_update_periods()
            result = self.env._("Periods updated.")
        elif self.job == "evaluations":
            done = env["kinerja.evaluation"]._cron_prepare_evaluations(department=department)
            result = self.env._("%s evaluation(s) prepared.", len(done))
        elif self.job == "escalation":
            done = env["kinerja.skp"]._cron_escalate_approvals(department=department)
            result = self.env._("%s approval(s) escalated.", len(done))
        elif self.job == "acting":
            # agency-wide: an assignment routes the people of its position, whatever the unit
            env["kinerja.acting.assignment"]._cron_refresh_routing()
            result = self.env._("Acting officials (Plt / Plh) started and ended.")
        else:
            done = env["kinerja.reminder"]._cron_send_reminders(department=department)
            result = self.env._("%s reminder(s) sent.", len(done))
        self.result = result
        action = self.env["ir.actions.act_window"]._for_xml_id("kinerja_asn.kinerja_cron_run_wizard_action")
        action["res_id"] = self.id
        return action
