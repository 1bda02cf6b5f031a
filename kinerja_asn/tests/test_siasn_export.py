import base64
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .test_evaluation import EvaluationCase
from .test_realization import YEAR

# The keys of BKN's two services as the public clients send them
# (kanekescom/laravel-siasn-simpeg-api README: Skp22::postSave, Kinerja::postSave).
SKP22_KEYS = {
    "hasilKinerjaNilai",
    "id",
    "kuadranKinerjaNilai",
    "path",
    "penilaiGolongan",
    "penilaiJabatan",
    "penilaiNama",
    "penilaiNipNrp",
    "penilaiUnorNama",
    "perilakuKerjaNilai",
    "pnsDinilaiOrang",
    "statusPenilai",
    "tahun",
}
KINERJAPERIODIK_KEYS = {
    "bulanMulaiPenilaian",
    "bulanSelesaiPenilaian",
    "hasilKinerjaNilai",
    "id",
    "koefisienId",
    "kuadranKinerjaNilai",
    "path",
    "penilaiGolongan",
    "penilaiJabatanNama",
    "penilaiNama",
    "penilaiNipNrp",
    "penilaiUnorNama",
    "perilakuKerjaNilai",
    "periodikId",
    "pnsDinilaiId",
    "statusPenilai",
    "tahun",
    "tahunMulaiPenilaian",
    "tahunSelesaiPenilaian",
}
STAFF_SIASN = "A5EB03E23BFBF6A0E040640A040252AD"
STAFF2_SIASN = "8AE483A86FE0F5D1016FE1F8A7E3186B"


class FakeSiasn:
    """BKN's API in miniature on 127.0.0.1: the gateway's OAuth2 token endpoint (client
    credentials), the SSO's (password grant) and the two services. It records every request
    and answers as the API does: a record with its new id, a validation error, or 401 for a
    token it no longer honours."""

    client_id, client_secret = "kinerja-client", "rahasia"
    username, password = "199001012020011001", "sandi"

    def __init__(self):
        self.requests = []
        self.expired = set()
        self.refused_ids = set()
        self.issued = 0
        self.saved = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                fake.requests.append({"path": self.path, "headers": dict(self.headers), "body": raw})
                status, answer = fake.answer(self.path, self.headers, raw)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def reset(self):
        self.issued = self.saved = 0
        self.requests.clear()
        self.expired.clear()
        self.refused_ids.clear()

    def answer(self, path, headers, raw):
        if path == "/oauth2/token":
            return self._gateway_token(headers, raw)
        if path == "/sso/token":
            return self._sso_token(raw)
        token = (headers.get("Authorization") or "").removeprefix("Bearer ")
        if not token.startswith("gw-") or token in self.expired:
            return 401, {"fault": {"code": 900901, "message": "Invalid Credentials", "description": "Token expired"}}
        if not (headers.get("Auth") or "").startswith("bearer sso-"):
            return 401, {"code": 0, "message": "Token SSO tidak valid"}
        body = json.loads(raw)
        person = body.get("pnsDinilaiOrang") or body.get("pnsDinilaiId")
        if person in self.refused_ids:
            return 400, {"success": False, "message": f"Data PNS {person} tidak ditemukan"}
        self.saved += 1
        key = "rwSkpId" if path.endswith("/skp22/save") else "rwKinerjaPeriodikId"
        return 200, {"success": True, "message": "Data berhasil disimpan", "mapData": {key: f"rw-{self.saved}"}}

    def _gateway_token(self, headers, raw):
        expected = "Basic " + base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        if headers.get("Authorization") != expected or parse_qs(raw).get("grant_type") != ["client_credentials"]:
            return 401, {"error": "invalid_client", "error_description": "Client Authentication failed."}
        self.issued += 1
        return 200, {"access_token": f"gw-{self.issued}", "token_type": "Bearer", "expires_in": 3600}

    def _sso_token(self, raw):
        form = parse_qs(raw)
        if form.get("username") != [self.username] or form.get("password") != [self.password]:
            return 401, {"error": "invalid_grant"}
        return 200, {"access_token": f"sso-{self.issued}", "expires_in": 1800}

    def saves(self):
        return [r for r in self.requests if r["path"].endswith("/save")]


class SiasnCase(EvaluationCase):
    """The agency of KinerjaCase with SIASN identifiers, and three signed evaluations: the
    annual one of Staf Satu (above / meets: good), January of Staf Dua, a functional
    'terampil' (meets / below: poor), January of Kepala Seksi, evaluated by a head who is not
    a civil servant on record (above / above: very good)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Export = cls.env["kinerja.siasn.export"]
        cls.emp_staff.siasn_id = STAFF_SIASN
        cls.emp_staff2.siasn_id = STAFF2_SIASN
        cls.emp_section.write(
            {"siasn_id": "SECTION-SIASN", "asn_type": "pns", "rank": "iii_d", "job_title": "Kepala Seksi Surveilans"}
        )
        cls.dept.siasn_unor_id = "8AE48366-UNOR"
        (cls.skp_staff | cls.skp_staff2 | cls.skp_section).sudo()._freeze_identity()
        cls.annual = cls._sign(cls.skp_staff, cls.year, "annual", "above", "meets")
        cls.staff2_jan = cls._sign(cls.skp_staff2, cls.month[1], "periodic", "meets", "below")
        cls.section_jan = cls._sign(cls.skp_section, cls.month[1], "periodic", "above", "above")
        cls.fake = FakeSiasn().start()
        cls.addClassCleanup(cls.fake.stop)

    @classmethod
    def _sign(cls, skp, period, evaluation_type, result, behavior):
        evaluation = (
            cls.env["kinerja.evaluation"]
            .with_user(skp.evaluator_user_id)
            .create({"skp_id": skp.id, "period_id": period.id, "evaluation_type": evaluation_type})
        )
        evaluation.write({"result_rating": result, "behavior_rating": behavior, "override_reason": "Pertimbangan"})
        evaluation.action_done(force=True)
        assert evaluation.state == "done"
        return evaluation

    def setUp(self):
        super().setUp()
        self.fake.reset()
        self.env["kinerja.siasn.client"]._clear_tokens()

    def _export(self, kind="annual", period=None, user=None, **values):
        period = period or self.year
        return self.Export.with_user(user or self.user_officer).create({"kind": kind, "period_id": period.id, **values})

    def _generated(self, kind="annual", period=None, **values):
        export = self._export(kind, period, **values)
        export.action_generate()
        return export

    def _configure(self, **values):
        self.company_a.sudo().write(
            {
                "kinerja_siasn_push_enabled": True,
                "kinerja_siasn_base_url": f"{self.fake.url}/api/",
                "kinerja_siasn_token_url": f"{self.fake.url}/oauth2/token",
                "kinerja_siasn_client_id": FakeSiasn.client_id,
                "kinerja_siasn_client_secret": FakeSiasn.client_secret,
                "kinerja_siasn_sso_url": f"{self.fake.url}/sso/token",
                "kinerja_siasn_username": FakeSiasn.username,
                "kinerja_siasn_password": FakeSiasn.password,
                "kinerja_siasn_timeout": 5,
                **values,
            }
        )

    def _document(self, evaluation, dok_id, dok_nama):
        return [
            {
                "dok_id": dok_id,
                "dok_nama": dok_nama,
                "dok_uri": f"{evaluation.get_base_url()}/kinerja/verify/{evaluation.verification_code}",
                "object": f"/kinerja/verify/{evaluation.verification_code}",
                "slug": evaluation.verification_code,
            }
        ]


@tagged("post_install", "-at_install")
class TestSiasnExportShapes(SiasnCase):
    def test_annual_skp22_worked_example(self):
        export = self._generated("annual")
        self.assertEqual(export.state, "generated")
        self.assertEqual(export.name, f"skp22 {YEAR}")
        self.assertEqual(export.line_ids.evaluation_id, self.annual, "the annual evaluations only")
        payload = json.loads(export.line_ids.payload)
        expected = {
            "id": None,
            "tahun": YEAR,
            "hasilKinerjaNilai": 1,  # above expectation
            "perilakuKerjaNilai": 2,  # meets expectation
            "kuadranKinerjaNilai": 2,  # good
            "penilaiNama": "Kepala Seksi",
            "penilaiNipNrp": "198002022005012002",
            "penilaiGolongan": "34",  # III/d
            "penilaiJabatan": "Kepala Seksi Surveilans",
            "penilaiUnorNama": "Dinas Kesehatan",
            "statusPenilai": "ASN",
            "pnsDinilaiOrang": STAFF_SIASN,
            "path": self._document(self.annual, "891", "Dok Realisasi SKP"),
        }
        self.assertEqual(set(payload), SKP22_KEYS, "exactly the keys of BKN's skp22 service")
        for key, value in expected.items():
            with self.subTest(key=key):
                self.assertEqual(payload[key], value)
        # the JSON file holds the records exactly as they are POSTed
        self.assertEqual(json.loads(base64.b64decode(export.json_attachment_id.datas)), [payload])
        self.assertEqual(export.json_attachment_id.mimetype, "application/json")
        action = export.action_download_json()
        self.assertEqual(action["url"], f"/web/content/{export.json_attachment_id.id}?download=true")

    def test_periodic_kinerjaperiodik_worked_example(self):
        export = self._generated("periodic")
        self.assertEqual(export.line_ids.evaluation_id, self.section_jan | self.staff2_jan)
        by_evaluation = {line.evaluation_id: json.loads(line.payload) for line in export.line_ids}
        staff2 = by_evaluation[self.staff2_jan]
        self.assertEqual(set(staff2), KINERJAPERIODIK_KEYS, "exactly the keys of BKN's kinerjaperiodik service")
        expected = {
            "id": None,
            "tahun": YEAR,
            "hasilKinerjaNilai": 2,  # meets
            "perilakuKerjaNilai": 3,  # below
            "kuadranKinerjaNilai": 4,  # poor (misconduct)
            "penilaiNama": "Kepala Seksi",
            "penilaiNipNrp": "198002022005012002",
            "penilaiGolongan": "34",
            "penilaiJabatanNama": "Kepala Seksi Surveilans",
            "penilaiUnorNama": "Dinas Kesehatan",
            "statusPenilai": "ASN",
            "pnsDinilaiId": STAFF2_SIASN,
            "koefisienId": "62",  # a functional position at the 'terampil' level
            "periodikId": "1",  # monthly
            "bulanMulaiPenilaian": 1,
            "tahunMulaiPenilaian": YEAR,
            "bulanSelesaiPenilaian": 1,
            "tahunSelesaiPenilaian": YEAR,
            "path": self._document(self.staff2_jan, "890", "Dokumen Evaluasi Kinerja"),
        }
        for key, value in expected.items():
            with self.subTest(key=key):
                self.assertEqual(staff2[key], value)
        # evaluated by a head who is no civil servant on record: NON ASN, no grade; a
        # supervisor has no coefficient
        section = by_evaluation[self.section_jan]
        self.assertEqual(
            (section["statusPenilai"], section["penilaiGolongan"], section["koefisienId"]), ("NON ASN", "", None)
        )
        self.assertEqual(
            (section["hasilKinerjaNilai"], section["perilakuKerjaNilai"], section["kuadranKinerjaNilai"]), (1, 1, 1)
        )
        self.assertEqual(section["penilaiNama"], "Kepala Dinas")

    def test_scope_of_a_periodic_export(self):
        february = self._sign(self.skp_staff2, self.month[2], "periodic", "above", "meets")
        self.assertEqual(self._generated("periodic", self.month[2]).line_ids.evaluation_id, february)
        other_unit = self.env["hr.department"].create({"name": "Dinas Lain"})
        with self.assertRaisesMsg(UserError, "finds no signed"):
            self._export("periodic", department_id=other_unit.id).action_generate()
        # an explicit choice is exported as chosen
        chosen = self._export("periodic", evaluation_ids=[(6, 0, self.staff2_jan.ids)])
        chosen.action_generate()
        self.assertEqual(chosen.line_ids.evaluation_id, self.staff2_jan)

    def test_the_snapshot_signed_is_what_goes(self):
        """The evaluator as the signed document prints him, whatever changed since."""
        self.emp_section.write({"name": "Kepala Seksi Baru", "job_title": "Jabatan Baru"})
        payload = json.loads(self._generated("annual").line_ids.payload)
        self.assertEqual(
            (payload["penilaiNama"], payload["penilaiJabatan"]), ("Kepala Seksi", "Kepala Seksi Surveilans")
        )

    def test_review_xlsx(self):
        self.skp_staff.sudo().evaluator_position = '=HYPERLINK("http://evil.example","klik")'
        export = self._generated("annual")
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            "kinerja_asn.action_report_kinerja_siasn_export_xlsx", export.ids, None
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        header = rows[3]
        self.assertIn("hasilKinerjaNilai", header)
        record = dict(zip(header, rows[4], strict=True))
        self.assertEqual(record["SIASN ID"], STAFF_SIASN)
        self.assertEqual(record["Unit SIASN ID"], "8AE48366-UNOR")
        self.assertEqual((record["hasilKinerjaNilai"], record["kuadranKinerjaNilai"]), (1, 2))
        self.assertEqual(record["Predicate"], "Good")
        formula = next(c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=HYPERLINK"))
        self.assertEqual(formula.data_type, "s", "user text stays text, never a formula")
        self.assertEqual(export.action_download_xlsx()["report_name"], "kinerja_asn.siasn_export_xlsx")
        # several exports at once, with names a sheet may not carry as they are
        slashed = self.env["hr.department"].create({"name": "Bidang P2P/Kesmas [2026]"})
        several = export | self._export("annual") | self._export("annual", department_id=slashed.id)
        content, _kind = self.env["ir.actions.report"]._render_xlsx(
            "kinerja_asn.action_report_kinerja_siasn_export_xlsx", several.ids, None
        )
        self.assertEqual(len(openpyxl.load_workbook(io.BytesIO(content)).sheetnames), 3)


@tagged("post_install", "-at_install")
class TestSiasnCodes(SiasnCase):
    def test_changing_a_code_changes_the_export(self):
        export = self._generated("annual")
        self.assertEqual(json.loads(export.line_ids.payload)["kuadranKinerjaNilai"], 2)
        self.env.ref("kinerja_asn.siasn_quadrant_good").with_user(self.user_officer).code = "9"
        self.env.ref("kinerja_asn.siasn_grade_iii_d").with_user(self.user_officer).code = "3D"
        export.action_reset_draft()
        self.assertEqual(export.state, "draft")
        self.assertFalse(export.json_attachment_id)
        export.action_generate()
        payload = json.loads(export.line_ids.payload)
        self.assertEqual((payload["kuadranKinerjaNilai"], payload["penilaiGolongan"]), (9, "3D"))

    def test_an_agency_code_overrides_the_shared_one(self):
        Code = self.env["kinerja.siasn.code"].with_user(self.user_officer)
        Code.create({"list_type": "rating", "key": "above", "code": "7", "company_id": self.company_a.id})
        payload = json.loads(self._generated("annual").line_ids.payload)
        self.assertEqual(payload["hasilKinerjaNilai"], 7)
        self.assertEqual(
            self.env["kinerja.siasn.code"]._code_map(self.company_b)[("rating", "above")].code, "1", "not elsewhere"
        )

    def test_bad_codes(self):
        Code = self.env["kinerja.siasn.code"].with_user(self.user_officer)
        with self.assertRaisesMsg(ValidationError, "not a key of the list"):
            Code.create({"list_type": "quadrant", "key": "excellent", "code": "1"})
        with self.assertRaisesMsg(ValidationError, "must be a whole number"):
            Code.create({"list_type": "rating", "key": "above", "code": "A", "company_id": self.company_a.id})
        with self.assertRaisesMsg(ValidationError, "already has a BKN code"):
            Code.create({"list_type": "period", "key": "month", "code": "3"})
        # a half-yearly period is not in BKN's list: the officer adds it
        semester = Code.create({"list_type": "period", "key": "semester", "code": "3"})
        self.assertEqual(semester.key_label, "Semester")


@tagged("post_install", "-at_install")
class TestSiasnBadInput(SiasnCase):
    def test_one_error_lists_every_record_and_nothing_is_generated(self):
        self.emp_staff2.siasn_id = False
        self.env.ref("kinerja_asn.siasn_coefficient_terampil").active = False
        self.env.ref("kinerja_asn.siasn_quadrant_very_good").active = False
        draft = (
            self.env["kinerja.evaluation"]
            .with_user(self.user_section)
            .create({"skp_id": self.skp_staff.id, "period_id": self.month[1].id})
        )
        export = self._export("periodic", evaluation_ids=[(6, 0, (self.staff2_jan | self.section_jan | draft).ids)])
        with self.assertRaises(UserError) as caught:
            export.action_generate()
        message = str(caught.exception)
        self.assertIn("Nothing was generated", message)
        self.assertIn(f"{self.staff2_jan.display_name}: Staf Dua has no SIASN ID", message)
        self.assertIn("no BKN code for the functional level “Terampil”", message)
        self.assertIn(f"{self.section_jan.display_name}: no BKN code for the predicate “Very Good”", message)
        self.assertIn(f"{draft.display_name}: not signed", message)
        self.assertFalse(export.line_ids)
        self.assertEqual(export.state, "draft")
        self.assertFalse(export.json_attachment_id)

    def test_evaluator_without_grade_or_nip(self):
        self.emp_section.rank = "pppk_9"
        with self.assertRaisesMsg(UserError, "no BKN code for the evaluator's grade “PPPK IX”"):
            self._generated("annual")
        self.emp_section.rank = False
        with self.assertRaisesMsg(UserError, "the evaluator Kepala Seksi has no rank / grade"):
            self._generated("annual")

    def test_wrong_period_and_kind(self):
        with self.assertRaisesMsg(ValidationError, "Annual results are exported per year"):
            self._export("annual", self.month[1])
        export = self._export("annual", evaluation_ids=[(6, 0, self.staff2_jan.ids)])
        with self.assertRaisesMsg(UserError, "not an evaluation of the kind this export takes"):
            export.action_generate()
        with self.assertRaisesMsg(UserError, "finds no signed"):
            self._export("periodic", self.month[5]).action_generate()

    def test_pending_objection(self):
        self.env["kinerja.objection"].with_user(self.user_staff).create(
            {"evaluation_id": self.annual.id, "reason": "Hasil kerja saya di atas ekspektasi"}
        )
        with self.assertRaisesMsg(UserError, "an objection waits for its decision"):
            self._generated("annual")

    def test_generated_exports_are_fixed(self):
        export = self._generated("annual")
        with self.assertRaisesMsg(UserError, "already generated"):
            export.action_generate()
        with self.assertRaisesMsg(UserError, "reset it to draft"):
            export.write({"period_id": self.year.id, "kind": "periodic"})
        with self.assertRaisesMsg(UserError, "set by Generate and Send only"):
            export.write({"generated_date": "2020-01-01 00:00:00"})
        with self.assertRaisesMsg(UserError, "set by Generate and Send only"):
            self._export("annual", state="sent")


@tagged("post_install", "-at_install")
class TestSiasnAccess(SiasnCase):
    def test_officers_only(self):
        export = self._generated("annual")
        for user in (self.user_staff, self.user_section, self.user_head):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._export("annual", user=user)
                with self.assertRaises(AccessError):
                    export.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    export.with_user(user).action_generate()
                with self.assertRaises(AccessError):
                    export.with_user(user).action_push()
                with self.assertRaises(AccessError):
                    export.line_ids.with_user(user).read(["payload"])
                with self.assertRaises(AccessError):
                    self.env.ref("kinerja_asn.siasn_rating_above").with_user(user).code = "5"
        # the records are the application's: an officer reads them, never writes them
        with self.assertRaises(AccessError):
            export.line_ids.with_user(self.user_officer).write({"state": "sent"})
        with self.assertRaises(AccessError):
            self.env["kinerja.siasn.export.line"].with_user(self.user_officer).create(
                {"export_id": export.id, "evaluation_id": self.annual.id}
            )
        # the credentials are the administrators'
        with self.assertRaises(AccessError):
            self.company_a.with_user(self.user_officer).read(["kinerja_siasn_client_secret"])

    def test_menus_and_views(self):
        menus = [
            self.env.ref("kinerja_asn.kinerja_siasn_export_menu"),
            self.env.ref("kinerja_asn.kinerja_siasn_code_menu"),
        ]
        Menu = self.env["ir.ui.menu"]
        officer_menus = Menu.with_user(self.user_officer)._visible_menu_ids()
        staff_menus = Menu.with_user(self.user_staff)._visible_menu_ids()
        for menu in menus:
            self.assertIn(menu.id, officer_menus)
            self.assertNotIn(menu.id, staff_menus)
        for model in ("kinerja.siasn.export", "kinerja.siasn.code", "kinerja.siasn.export.line"):
            views = self.env[model].with_user(self.user_officer).get_views([(False, "list"), (False, "form")])
            self.assertEqual(set(views["views"]), {"list", "form"})
        settings = self.env["res.config.settings"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("kinerja_siasn_client_secret", settings)

    def test_agencies_never_see_each_other(self):
        export = self._generated("annual")
        officer_b = new_test_user(
            self.env,
            login="pengelola_b",
            groups="base.group_user,kinerja_asn.group_kinerja_officer",
            company_id=self.company_b.id,
            company_ids=[(6, 0, self.company_b.ids)],
        )
        self.assertFalse(self.Export.with_user(officer_b).search([]))
        self.assertFalse(self.env["kinerja.siasn.export.line"].with_user(officer_b).search([]))
        with self.assertRaises(AccessError):
            export.with_user(officer_b).read(["name"])
        own = self.env["kinerja.siasn.code"].create(
            {"list_type": "rating", "key": "above", "code": "8", "company_id": self.company_a.id}
        )
        self.assertNotIn(own, self.env["kinerja.siasn.code"].with_user(officer_b).search([]))
        self.assertIn(
            self.env.ref("kinerja_asn.siasn_rating_above"),
            self.env["kinerja.siasn.code"].with_user(officer_b).search([]),
        )


@tagged("post_install", "-at_install")
class TestSiasnPush(SiasnCase):
    def test_push_is_off_by_default_and_needs_its_settings(self):
        export = self._generated("annual")
        self.assertFalse(export.push_enabled)
        with self.assertRaisesMsg(UserError, "Sending to SIASN is off"):
            export.action_push()
        self.company_a.sudo().kinerja_siasn_push_enabled = True
        with self.assertRaisesMsg(UserError, "SIASN API base URL, token URL, client ID, client secret"):
            export.action_push()
        self.assertFalse(self.fake.requests)

    def test_success(self):
        self._configure()
        export = self._generated("annual")
        export.action_push()
        line = export.line_ids
        self.assertEqual((line.state, line.http_status, line.siasn_record_id), ("sent", 200, "rw-1"))
        self.assertEqual(line.message, "Data berhasil disimpan")
        self.assertEqual(export.state, "sent")
        paths = [r["path"] for r in self.fake.requests]
        self.assertEqual(paths, ["/oauth2/token", "/sso/token", "/api/skp22/save"])
        save = self.fake.saves()[0]
        self.assertEqual(save["headers"]["Authorization"], "Bearer gw-1")
        self.assertEqual(save["headers"]["Auth"], f"bearer sso-{self.fake.issued}")
        self.assertEqual(save["headers"]["Content-Type"], "application/json")
        self.assertEqual(json.loads(save["body"]), json.loads(line.payload), "the record as generated")
        self.assertIn(f"POST {self.fake.url}/api/skp22/save", line.log)
        self.assertIn("HTTP 200", line.log)
        self.assertNotIn("gw-1", line.log, "never the tokens")
        summary = export.message_ids[0]
        self.assertIn("1 accepted, 0 refused", summary.body)
        self.assertIn("Data berhasil disimpan", summary.body)
        with self.assertRaisesMsg(UserError, "Nothing to send"):
            export.action_push()
        # a later export of the same evaluation updates BKN's record instead of adding one
        again = self._generated("annual")
        self.assertEqual(json.loads(again.line_ids.payload)["id"], "rw-1")
        with self.assertRaisesMsg(UserError, "never deleted"):
            export.unlink()

    def test_validation_error_is_recorded(self):
        self._configure()
        self.fake.refused_ids.add(STAFF2_SIASN)
        export = self._generated("periodic")
        export.action_push()
        refused = export.line_ids.filtered(lambda line: line.evaluation_id == self.staff2_jan)
        accepted = export.line_ids - refused
        self.assertEqual((refused.state, refused.http_status), ("failed", 400))
        self.assertEqual(refused.message, f"Data PNS {STAFF2_SIASN} tidak ditemukan")
        self.assertIn(f"Data PNS {STAFF2_SIASN} tidak ditemukan", refused.answer)
        self.assertFalse(refused.siasn_record_id)
        self.assertEqual((accepted.state, accepted.siasn_record_id), ("sent", "rw-1"))
        self.assertEqual(export.state, "partial")
        self.assertEqual([r["path"] for r in self.fake.saves()], ["/api/kinerjaperiodik/save"] * 2)
        self.assertIn("1 accepted, 1 refused", export.message_ids[0].body)

    def test_expired_token_is_refreshed_once(self):
        self._configure()
        first = self._generated("annual")
        first.action_push()
        self.assertEqual(self.fake.issued, 1)
        # BKN no longer honours the token this process keeps: one 401, a new token, sent
        self.fake.expired.add("gw-1")
        self.fake.requests.clear()
        second = self._generated("periodic", self.month[1], evaluation_ids=[(6, 0, self.staff2_jan.ids)])
        second.action_push()
        self.assertEqual(second.line_ids.state, "sent")
        paths = [r["path"] for r in self.fake.requests]
        self.assertEqual(
            paths, ["/api/kinerjaperiodik/save", "/oauth2/token", "/sso/token", "/api/kinerjaperiodik/save"]
        )
        self.assertEqual([r["headers"]["Authorization"] for r in self.fake.saves()], ["Bearer gw-1", "Bearer gw-2"])
        self.assertIn("HTTP 401", second.line_ids.log)
        # a token refused again is not refreshed twice: the record fails with BKN's answer
        self.fake.expired.update({"gw-2", "gw-3"})
        self.fake.requests.clear()
        third = self._generated("periodic", self.month[1], evaluation_ids=[(6, 0, self.section_jan.ids)])
        third.action_push()
        self.assertEqual((third.line_ids.state, third.line_ids.http_status), ("failed", 401))
        self.assertEqual(len(self.fake.saves()), 2)

    def test_refused_credentials_send_nothing(self):
        self._configure(kinerja_siasn_client_secret="salah")
        export = self._generated("periodic")
        export.action_push()
        self.assertEqual(set(export.line_ids.mapped("state")), {"failed"})
        self.assertEqual(export.state, "failed")
        self.assertFalse(self.fake.saves(), "no record without a token")
        self.assertEqual(len(self.fake.requests), 1, "the token is asked once for the whole run")
        self.assertIn("refused the credentials (HTTP 401)", export.line_ids[0].message)

    def test_retry_cron_sends_only_failed_records(self):
        self._configure()
        self.fake.refused_ids.add(STAFF2_SIASN)
        export = self._generated("periodic")
        export.action_push()
        failed = export.line_ids.filtered(lambda line: line.state == "failed")
        self.assertEqual(failed.evaluation_id, self.staff2_jan)
        # a pending record of another export waits for its officer: the job retries failures only
        pending = self._generated("annual")
        self.fake.refused_ids.clear()
        self.fake.requests.clear()
        retried = self.Export._cron_retry_push()
        self.assertEqual(retried, failed)
        self.assertEqual([json.loads(r["body"]) for r in self.fake.saves()], [json.loads(failed.payload)])
        self.assertEqual((failed.state, failed.attempt_count), ("sent", 2))
        self.assertEqual(export.state, "sent")
        self.assertEqual(pending.line_ids.state, "pending")
        self.assertIn("1 accepted, 0 refused", export.message_ids[0].body)
        # idempotent: nothing failed, nothing sent
        self.fake.requests.clear()
        self.assertFalse(self.Export._cron_retry_push())
        self.assertFalse(self.fake.requests)

    def test_retry_cron_respects_attempts_and_the_switch(self):
        self._configure(kinerja_siasn_max_attempts=2)
        self.fake.refused_ids.add(STAFF_SIASN)
        export = self._generated("annual")
        export.action_push()
        self.Export._cron_retry_push()
        self.assertEqual((export.line_ids.state, export.line_ids.attempt_count), ("failed", 2))
        self.fake.requests.clear()
        self.Export._cron_retry_push()
        self.assertFalse(self.fake.requests, "no attempt beyond the maximum")
        self.company_a.sudo().write({"kinerja_siasn_max_attempts": 5, "kinerja_siasn_push_enabled": False})
        self.Export._cron_retry_push()
        self.assertFalse(self.fake.requests, "nothing is sent while the push is off")
        cron = self.env.ref("kinerja_asn.ir_cron_kinerja_siasn_retry")
        self.assertEqual(cron.code.strip(), "model._cron_retry_push()")

    def test_reading_answers(self):
        Client = self.env["kinerja.siasn.client"]
        cases = [
            (200, '{"success": true, "mapData": {"rwSkpId": "abc"}}', True, "abc"),
            (200, '{"code": 1, "message": "success", "data": {"id": "def"}}', True, "def"),
            (200, '{"code": 0, "message": "gagal"}', False, False),
            (200, '{"Error": "true", "Message": "Token tidak valid"}', False, False),
            (500, "<html>Bad Gateway</html>", False, False),
            (400, '{"success": false, "message": "tidak valid"}', False, False),
        ]
        for status, text, ok, record_id in cases:
            with self.subTest(text=text):
                result = Client._parse_answer(status, text)
                self.assertEqual((result["ok"], result["record_id"]), (ok, record_id))
