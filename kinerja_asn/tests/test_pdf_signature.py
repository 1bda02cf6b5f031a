import base64
import io
import os
import shutil
from datetime import datetime, timedelta, timezone

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from freezegun import freeze_time
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from PyPDF2 import PdfReader, PdfWriter

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from ..tools import pdf_signature
from .common import KinerjaCase
from .test_evaluation import EvaluationCase
from .test_skp_flow import SkpCase

SKP_REPORT = "kinerja_asn.action_report_kinerja_skp"
EVALUATION_REPORT = "kinerja_asn.action_report_kinerja_evaluation"
PASSWORD = "Rahasia-Dinas-2026"
SIGNER = "Dinas Kesehatan Kota Uji"


def make_certificate(common_name=SIGNER, *, days_before=1, days_after=365):
    """A self-signed RSA certificate and its key, valid from ``days_before`` days ago to
    ``days_after`` days from now (negative: already expired)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pemerintah Kota Uji"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        ]
    )
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=days_before))
        .not_valid_after(now + timedelta(days=days_after))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def make_pkcs12(key, certificate, password=PASSWORD, *, with_key=True):
    encryption = serialization.BestAvailableEncryption(password.encode()) if password else serialization.NoEncryption()
    if with_key:
        return pkcs12.serialize_key_and_certificates(b"kinerja", key, certificate, None, encryption)
    return pkcs12.serialize_key_and_certificates(b"kinerja", None, None, [certificate], encryption)


def trust_root(certificate):
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def blank_pdf(text_pages=1):
    writer = PdfWriter()
    for _index in range(text_pages):
        writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def validate(pdf, certificate):
    """pyHanko's own validation of every signature, trusting ``certificate`` only."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    context = ValidationContext(trust_roots=[trust_root(certificate)], allow_fetching=False)
    return [(embedded, validate_pdf_signature(embedded, context)) for embedded in reader.embedded_signatures]


@tagged("post_install", "-at_install")
class TestPdfSignatureTools(TransactionCase):
    """The pure functions: open a PKCS#12 file, sign a PDF, verify it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.key, cls.certificate = make_certificate()
        cls.p12 = make_pkcs12(cls.key, cls.certificate)

    def test_sign_and_verify(self):
        identity = pdf_signature.load_identity(self.p12, PASSWORD)
        self.assertEqual(identity.subject_name, "Dinas Kesehatan Kota Uji")
        original = blank_pdf()
        signed = pdf_signature.sign_pdf(original, identity, reason="Dokumen Kinerja ASN", location="Pariaman")
        self.assertTrue(signed.startswith(original), "an incremental update keeps the original bytes")
        (report,) = pdf_signature.verify_pdf(signed, [trust_root(self.certificate)])
        self.assertTrue(report.intact and report.valid and report.trusted)
        self.assertTrue(report.covers_whole_document)
        self.assertEqual(report.signer_name, "Dinas Kesehatan Kota Uji")
        self.assertEqual((report.reason, report.location), ("Dokumen Kinerja ASN", "Pariaman"))
        # pyHanko's validation directly: the PAdES subfilter, and trusted only with the root
        ((embedded, status),) = validate(signed, self.certificate)
        self.assertEqual(embedded.sig_object["/SubFilter"], "/ETSI.CAdES.detached")
        self.assertTrue(status.bottom_line)
        _other_key, other_certificate = make_certificate("Someone Else")
        with self.assertLogs("pyhanko.sign.validation.generic_cms", level="WARNING"):
            ((_embedded, status),) = validate(signed, other_certificate)
        self.assertFalse(status.trusted, "a certificate that is not trusted is not trusted")

    def test_change_after_signing_is_detected(self):
        identity = pdf_signature.load_identity(self.p12, PASSWORD)
        signed = bytearray(pdf_signature.sign_pdf(blank_pdf(), identity))
        position = signed.index(b"/MediaBox")
        signed[position : position + 20] = signed[position : position + 20].replace(b"595", b"596")
        (report,) = pdf_signature.verify_pdf(bytes(signed), [trust_root(self.certificate)])
        self.assertFalse(report.intact)

    def test_second_signature_keeps_the_first(self):
        identity = pdf_signature.load_identity(self.p12, PASSWORD)
        twice = pdf_signature.sign_pdf(pdf_signature.sign_pdf(blank_pdf(), identity), identity)
        reports = pdf_signature.verify_pdf(twice, [trust_root(self.certificate)])
        self.assertEqual([report.field_name for report in reports], ["KinerjaASN", "KinerjaASN2"])
        self.assertTrue(all(report.intact and report.valid for report in reports))
        self.assertEqual([report.covers_whole_document for report in reports], [False, True])

    def test_bad_files(self):
        with self.assertRaises(pdf_signature.NotPkcs12Error):
            pdf_signature.load_identity(b"-----BEGIN CERTIFICATE-----\nnot a pkcs12\n", PASSWORD)
        with self.assertRaises(pdf_signature.NotPkcs12Error):
            pdf_signature.load_identity(blank_pdf(), PASSWORD)
        with self.assertRaises(pdf_signature.WrongPasswordError):
            pdf_signature.load_identity(self.p12, "salah")
        with self.assertRaises(pdf_signature.WrongPasswordError):
            pdf_signature.load_identity(self.p12, None)
        with self.assertRaises(pdf_signature.NoPrivateKeyError):
            pdf_signature.load_identity(make_pkcs12(self.key, self.certificate, with_key=False), PASSWORD)
        no_password = pdf_signature.load_identity(make_pkcs12(self.key, self.certificate, password=None), None)
        self.assertEqual(no_password.subject_name, "Dinas Kesehatan Kota Uji")

    def test_expired_and_not_yet_valid(self):
        key, expired = make_certificate(days_before=400, days_after=-2)
        identity = pdf_signature.load_identity(make_pkcs12(key, expired), PASSWORD)
        with self.assertRaises(pdf_signature.CertificateNotValidError) as caught:
            pdf_signature.sign_pdf(blank_pdf(), identity)
        self.assertTrue(caught.exception.expired)
        key, future = make_certificate(days_before=-3, days_after=30)
        identity = pdf_signature.load_identity(make_pkcs12(key, future), PASSWORD)
        with self.assertRaises(pdf_signature.CertificateNotValidError) as caught:
            identity.check_valid_at()
        self.assertFalse(caught.exception.expired)

    def test_not_a_pdf(self):
        identity = pdf_signature.load_identity(self.p12, PASSWORD)
        with self.assertRaises(pdf_signature.PdfSigningError):
            pdf_signature.sign_pdf(b"<html>not a pdf</html>", identity)


class SignCase(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_sysadmin = new_test_user(
            cls.env,
            login="sysadmin_kinerja",
            groups="base.group_user,base.group_system,kinerja_asn.group_kinerja_manager",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.key, cls.certificate = make_certificate()
        cls.p12 = make_pkcs12(cls.key, cls.certificate)
        cls.skp_report = cls.env.ref(SKP_REPORT)
        cls.evaluation_report = cls.env.ref(EVALUATION_REPORT)

    def _save_settings(self, user=None, **values):
        """Save Settings > Kinerja as ``user`` (the system administrator) does in the form."""
        settings = self.env["res.config.settings"].with_user(user or self.user_sysadmin).create(values)
        settings.execute()
        return settings

    def _configure(self, **values):
        values = {
            "kinerja_sign_pdf": True,
            "kinerja_sign_certificate": base64.b64encode(self.p12),
            "kinerja_sign_certificate_name": "dinkes.p12",
            "kinerja_sign_password": PASSWORD,
            **values,
        }
        return self._save_settings(**values)


@tagged("post_install", "-at_install")
class TestPdfSignatureSettings(SignCase):
    """The company's certificate, password and signed documents: who may see them, and every
    wrong input refused when the settings are saved."""

    def test_defaults(self):
        self.assertFalse(self.company_a.kinerja_sign_pdf)
        self.assertEqual(self.company_a.kinerja_sign_report_ids, self.skp_report | self.evaluation_report)
        self.assertEqual(self.company_a.kinerja_sign_reason, "Dokumen Kinerja ASN")
        new_company = self.env["res.company"].create({"name": "Pemerintah Kabupaten Baru"})
        self.assertEqual(new_company.kinerja_sign_report_ids, self.skp_report | self.evaluation_report)

    def test_system_administrator_sets_the_certificate(self):
        self._configure(kinerja_sign_location="Kota Pariaman")
        company = self.company_a.with_user(self.user_sysadmin)
        self.assertTrue(company.kinerja_sign_pdf)
        self.assertEqual(base64.b64decode(company.with_context(bin_size=False).kinerja_sign_certificate), self.p12)
        self.assertEqual(company.kinerja_sign_password, PASSWORD)
        self.assertEqual(company.kinerja_sign_signer, SIGNER)
        self.assertTrue(company.kinerja_sign_valid_until > datetime.now() + timedelta(days=360))
        # the settings form shows them back to him
        settings = self.env["res.config.settings"].with_user(self.user_sysadmin).create({})
        self.assertEqual(settings.kinerja_sign_signer, SIGNER)
        self.assertEqual(settings.kinerja_sign_location, "Kota Pariaman")
        # saving other settings leaves the certificate alone
        self._save_settings(kinerja_objection_days=15)
        self.assertEqual(company.kinerja_sign_password, PASSWORD)
        self.assertEqual(self.company_a.kinerja_objection_days, 15)

    def test_employee_and_officer_cannot_read_the_secrets(self):
        self._configure()
        for user in (self.user_staff, self.user_officer):
            company = self.company_a.with_user(user)
            for field in ("kinerja_sign_certificate", "kinerja_sign_password"):
                with self.assertRaises(AccessError, msg=f"{user.login} reads {field}"):
                    company.read([field])
                company.invalidate_recordset()
                with self.assertRaises(AccessError):
                    company[field]
            self.assertNotIn("kinerja_sign_password", company.fields_get())
            self.assertTrue(company.kinerja_sign_pdf, "the switch itself is no secret")
            with self.assertRaises(AccessError):
                company.write({"kinerja_sign_password": "x"})
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.user_staff).create({"kinerja_sign_password": "x"})

    def test_kinerja_administrator_sees_the_certificate_not_the_password(self):
        self._configure()
        company = self.company_a.with_user(self.user_manager)
        self.assertTrue(company.read(["kinerja_sign_certificate"])[0]["kinerja_sign_certificate"])
        self.assertEqual(company.kinerja_sign_signer, SIGNER)
        with self.assertRaises(AccessError):
            company.read(["kinerja_sign_password"])

    def _assert_refused(self, pattern, **values):
        with self.assertRaisesMsg(ValidationError, pattern):
            self._configure(**values)
        company = self.company_a.sudo()
        self.assertFalse(company.kinerja_sign_pdf, "nothing saved")
        self.assertFalse(company.kinerja_sign_certificate, "nothing saved")
        self.assertFalse(company.kinerja_sign_password, "nothing saved")

    def test_wrong_password(self):
        self._assert_refused("password does not open the signing certificate of", kinerja_sign_password="salah")

    def test_not_a_pkcs12_file(self):
        self._assert_refused(
            "not a PKCS#12 file",
            kinerja_sign_certificate=base64.b64encode(self.certificate.public_bytes(serialization.Encoding.PEM)),
        )

    def test_no_private_key(self):
        self._assert_refused(
            "holds no private key",
            kinerja_sign_certificate=base64.b64encode(make_pkcs12(self.key, self.certificate, with_key=False)),
        )

    def test_expired_certificate(self):
        key, expired = make_certificate(days_before=400, days_after=-2)
        self._assert_refused("expired on", kinerja_sign_certificate=base64.b64encode(make_pkcs12(key, expired)))

    def test_signing_on_without_a_certificate(self):
        self._assert_refused("no certificate is uploaded", kinerja_sign_certificate=False, kinerja_sign_password=False)

    def test_wrong_password_later_is_refused_and_keeps_the_good_one(self):
        self._configure()
        with self.assertRaisesMsg(ValidationError, "password does not open"):
            self._save_settings(kinerja_sign_password="salah")
        self.assertEqual(self.company_a.sudo().kinerja_sign_password, PASSWORD)

    def test_signed_documents_are_kinerja_pdf_reports(self):
        xlsx = self.env.ref("kinerja_asn.action_report_kinerja_skp_xlsx")
        with self.assertRaisesMsg(ValidationError, "Only the PDF documents of Kinerja ASN can be signed"):
            self._configure(kinerja_sign_report_ids=[(4, xlsx.id)])
        # a new PDF report of the addon (the future penetapan document) is chosen like the others
        penetapan = self.env["ir.actions.report"].create(
            {
                "name": "Penetapan Predikat Kinerja (PDF)",
                "model": "kinerja.evaluation",
                "report_type": "qweb-pdf",
                "report_name": "kinerja_asn.report_penetapan",
            }
        )
        domain = self.env["res.config.settings"]._fields["kinerja_sign_report_ids"].domain
        self.assertIn(penetapan, self.env["ir.actions.report"].search(domain))
        self.assertNotIn(xlsx, self.env["ir.actions.report"].search(domain))
        self._configure(kinerja_sign_report_ids=[(4, penetapan.id)])
        self.assertIn(penetapan, self.company_a.kinerja_sign_report_ids)


@tagged("post_install", "-at_install")
class TestPdfSignatureReport(HttpCase, SkpCase, SignCase):
    """The printed SKP signed with the agency's certificate, verified with pyHanko.
    An HttpCase: wkhtmltopdf fetches the report's assets from the test server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a.write({"name": "Dinas Kesehatan Kota Uji", "city": "Pariaman"})
        cls.skp_head.sudo().write({"state": "approved"})
        cls.skp_section.sudo().write({"state": "approved"})
        cls._add_result(cls.skp_staff, "Imunisasi di posyandu binaan", parent=cls.rhk_section, target=400)
        cls.skp_staff.with_user(cls.user_staff).action_submit()
        cls.skp_staff.with_user(cls.user_section).action_approve()

    def _print(self, user, records):
        self.assertTrue(shutil.which("wkhtmltopdf"), "wkhtmltopdf prints the PDF reports: run `make setup`")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(SKP_REPORT, records.ids)
        )
        self.assertEqual(kind, "pdf", "wkhtmltopdf is missing: the report came back as HTML")
        return pdf

    def test_signed_skp_is_valid_for_pyhanko(self):
        self.assertEqual(self.skp_staff.state, "approved")
        self._configure()
        pdf = self._print(self.user_staff, self.skp_staff)
        if os.environ.get("KINERJA_SIGNED_REPORT_DUMP"):
            with open(os.environ["KINERJA_SIGNED_REPORT_DUMP"], "wb") as dump:
                dump.write(pdf)
        ((embedded, status),) = validate(pdf, self.certificate)
        self.assertTrue(status.intact, status.pretty_print_details())
        self.assertTrue(status.valid)
        self.assertTrue(status.trusted)
        self.assertTrue(status.bottom_line)
        self.assertEqual(status.coverage.name, "ENTIRE_FILE")
        self.assertEqual(status.signing_cert.subject.native["common_name"], "Dinas Kesehatan Kota Uji")
        self.assertEqual(embedded.sig_object["/Reason"], "Dokumen Kinerja ASN")
        self.assertEqual(embedded.sig_object["/Location"], "Pariaman")
        self.assertEqual(embedded.sig_object["/SubFilter"], "/ETSI.CAdES.detached")
        # the document itself is unchanged: its verification code is still printed
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        self.assertTrue(self.skp_staff.verification_code)
        self.assertIn(self.skp_staff.verification_code, " ".join(text.split()))

    def test_report_not_in_the_list_stays_unsigned(self):
        self._configure(kinerja_sign_report_ids=[(6, 0, self.evaluation_report.ids)])
        pdf = self._print(self.user_staff, self.skp_staff)
        self.assertEqual(PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures, [])
        self.assertEqual(pdf_signature.verify_pdf(pdf, [trust_root(self.certificate)]), [])

    def test_wrong_password_at_printing(self):
        """A password changed behind the settings' back stops the printing with the reason."""
        self._configure()
        self.env.flush_all()
        self.env.cr.execute("UPDATE res_company SET kinerja_sign_password = 'salah' WHERE id = %s", [self.company_a.id])
        self.company_a.invalidate_recordset(["kinerja_sign_password"])
        with self.assertRaisesMsg(UserError, "password does not open the signing certificate of Dinas Kesehatan"):
            self.env["ir.actions.report"].with_user(self.user_staff)._render_qweb_pdf(SKP_REPORT, self.skp_staff.ids)

    def test_certificate_expired_since_saving(self):
        key, short = make_certificate(days_after=10)
        self._configure(kinerja_sign_certificate=base64.b64encode(make_pkcs12(key, short)))
        with freeze_time(datetime.now() + timedelta(days=11)):
            with self.assertRaisesMsg(UserError, "The signing certificate of Dinas Kesehatan Kota Uji expired on"):
                self.env["ir.actions.report"].with_user(self.user_staff)._render_qweb_pdf(
                    SKP_REPORT, self.skp_staff.ids
                )

    def test_documents_of_two_agencies_are_not_signed_together(self):
        self._configure()
        year_b = self.env["kinerja.period"]._create_year(2026, self.company_b, subperiods=False)
        skp_b = (
            self.env["kinerja.skp"]
            .with_company(self.company_b)
            .create({"employee_id": self.emp_other.id, "period_id": year_b.id})
        )
        with self.assertRaisesMsg(UserError, "belong to several agencies"):
            self.env["ir.actions.report"]._render_qweb_pdf(SKP_REPORT, (self.skp_staff | skp_b).ids)


@tagged("post_install", "-at_install")
class TestPdfSignatureEvaluation(HttpCase, EvaluationCase, SignCase):
    """The evaluation document, the other document signed by default."""

    def test_signed_evaluation_document(self):
        self.assertTrue(shutil.which("wkhtmltopdf"), "wkhtmltopdf prints the PDF reports: run `make setup`")
        evaluation = self._signed(month=1, result="above", behavior="meets")
        self._configure()
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(EVALUATION_REPORT, evaluation.ids)
        )
        self.assertEqual(kind, "pdf", "wkhtmltopdf is missing: the report came back as HTML")
        (report,) = pdf_signature.verify_pdf(pdf, [trust_root(self.certificate)])
        self.assertTrue(report.intact and report.valid and report.trusted and report.covers_whole_document)
        self.assertEqual(report.signer_name, SIGNER)
        self.assertEqual(report.location, self.company_a.city or "")
        text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
        self.assertIn(evaluation.verification_code, text)
