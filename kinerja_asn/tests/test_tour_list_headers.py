from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from .test_tour_home import HomeTourCase


@tagged("post_install", "-at_install")
class TestListHeadersTour(HomeTourCase):
    """The main lists at 1440 px in Indonesian, with records in them: no column title is cut
    (Indonesian labels run longer than English ones)."""

    browser_size = "1440x900"

    def setUp(self):
        super().setUp()
        env = self.env
        env["res.lang"]._activate_lang("id_ID")
        env["ir.module.module"]._load_module_terms(["base", "mail", "hr", "kinerja_asn"], ["id_ID"], overwrite=True)
        self.users_all = env["res.users"].browse([user.id for user in self.users.values()])
        self.users_all.write({"lang": "id_ID"})
        skp = self.skps["Staf Tur"]
        kasi, staf = self.users["tour_kasi"], self.users["tour_staf"]
        env["kinerja.daily.log"].with_user(staf).create(
            {"result_id": skp.result_ids.id, "name": "Imunisasi di posyandu Melati"}
        )
        env["kinerja.evaluation"].with_user(kasi).create({"skp_id": skp.id, "period_id": skp._current_subperiod().id})
        signed = env["kinerja.evaluation"].search([("skp_id", "=", skp.id), ("state", "=", "done")])
        env["kinerja.objection"].with_user(staf).create(
            {"evaluation_id": signed.id, "reason": "Realisasi bulan ini belum dihitung"}
        )
        # a TPP sheet of last month with a line for Staf Tur
        klass = env["kinerja.tpp.class"].create({"name": "Pelaksana", "grade": 9, "amount": 5_000_000})
        skp.employee_id.write({"kinerja_tpp_class_id": klass.id, "rank": "iii_a"})
        self.sheet = env["kinerja.tpp.sheet"].create(
            {"date_from": fields.Date.today().replace(day=1) - relativedelta(months=1)}
        )
        self.sheet.action_compute()

    def test_no_cut_column_titles(self):
        self.assertTrue(self.sheet.line_ids, "the TPP sheet has lines to show")
        lists = [
            ("tour_staf", "/odoo/kinerja-my-skp"),
            ("tour_staf", "/odoo/kinerja-report-realization"),
            ("tour_staf", "/odoo/kinerja-my-realization"),
            ("tour_staf", "/odoo/kinerja-my-evaluations"),
            ("tour_staf", "/odoo/kinerja-daily-log"),
            ("tour_kasi", "/odoo/kinerja-skp-to-approve"),
            ("tour_kasi", "/odoo/kinerja-realization-review"),
            ("tour_kasi", "/odoo/kinerja-to-evaluate"),
            ("tour_kasi", "/odoo/kinerja-team-daily-log"),
            ("tour_kasi", "/odoo/kinerja-feedback"),
            ("tour_pengelola", "/odoo/kinerja-skp-all"),
            ("tour_pengelola", "/odoo/kinerja-evaluations"),
            ("tour_pengelola", "/odoo/kinerja-objections"),
            ("tour_pengelola", f"/odoo/kinerja-tpp/{self.sheet.id}"),
        ]
        for login, url in lists:
            with self.subTest(list=url, user=login):
                self.start_tour(url, "kinerja_asn_list_headers", login=login)
