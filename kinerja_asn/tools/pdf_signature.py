"""PAdES signatures of PDF documents with pyHanko: pure functions, no Odoo.

The agency's certificate comes as a PKCS#12 file (``.p12`` / ``.pfx``: the private key, its
certificate and the chain of the issuers) protected by a password. ``load_identity`` opens it
and says precisely what is wrong with it (``SignatureSetupError`` and its subclasses, which the
Odoo side turns into translated messages); ``sign_pdf`` adds an invisible PAdES baseline
signature (B-B: ``ETSI.CAdES.detached``, SHA-256) in an incremental update, so the document's
content and its verification code are untouched; ``verify_pdf`` validates every signature of a
document against the given trust roots, offline.
"""

import io
from dataclasses import dataclass
from datetime import datetime, timezone

from asn1crypto import keys as asn1_keys
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, pkcs12
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields as sig_fields
from pyhanko.sign import signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

SIGNATURE_FIELD = "KinerjaASN"


class SignatureSetupError(Exception):
    """The certificate cannot sign; the subclass says why."""


class NotPkcs12Error(SignatureSetupError):
    """The file is not a PKCS#12 archive."""


class WrongPasswordError(SignatureSetupError):
    """The password does not open the PKCS#12 archive."""


class NoPrivateKeyError(SignatureSetupError):
    """The archive holds no private key, or no certificate for it."""


class CertificateNotValidError(SignatureSetupError):
    """The certificate is outside its validity period at the given moment."""

    def __init__(self, not_before, not_after, moment):
        super().__init__(not_before, not_after, moment)
        self.not_before = not_before
        self.not_after = not_after
        self.expired = moment > not_after


class PdfSigningError(Exception):
    """pyHanko could not add the signature to this PDF (a damaged or unusual file)."""


@dataclass(frozen=True)
class SigningIdentity:
    """What a PKCS#12 archive holds, in pyHanko's (asn1crypto) types."""

    certificate: asn1_x509.Certificate
    private_key: asn1_keys.PrivateKeyInfo
    chain: tuple

    @property
    def subject_name(self):
        """The signer as a person reads it: the certificate's common name, or its subject."""
        return common_name(self.certificate)

    @property
    def not_before(self):
        return self.certificate["tbs_certificate"]["validity"]["not_before"].native

    @property
    def not_after(self):
        return self.certificate["tbs_certificate"]["validity"]["not_after"].native

    def check_valid_at(self, moment=None):
        """Raise CertificateNotValidError when the certificate is not valid at ``moment``
        (an aware datetime, or a naive one in UTC; now when omitted)."""
        moment = _aware(moment or datetime.now(timezone.utc))
        if not self.not_before <= moment <= self.not_after:
            raise CertificateNotValidError(self.not_before, self.not_after, moment)
        return self

    def signer(self):
        return signers.SimpleSigner(
            signing_cert=self.certificate,
            signing_key=self.private_key,
            cert_registry=SimpleCertificateStore.from_certs([self.certificate, *self.chain]),
        )


@dataclass(frozen=True)
class SignatureReport:
    """One embedded signature as validated by ``verify_pdf``."""

    field_name: str
    signer_name: str
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_document: bool
    reason: str
    location: str
    signing_time: datetime
    summary: str


def common_name(certificate):
    """The common name of a certificate's subject, or the whole subject when it has none."""
    subject = certificate.subject
    return subject.native.get("common_name") or subject.human_friendly


def _aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _is_pkcs12(data):
    """Whether ``data`` is structurally a PKCS#12 archive (whatever its password)."""
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native in ("data", "signed_data")
    except (ValueError, TypeError, KeyError):
        return False


def load_identity(data, password):
    """Open a PKCS#12 archive (bytes) with its password (str or None).

    :raises NotPkcs12Error, WrongPasswordError, NoPrivateKeyError:
    """
    if not data or not _is_pkcs12(data):
        raise NotPkcs12Error()
    secret = password.encode("utf-8") if password else None
    try:
        key, cert, additional = pkcs12.load_key_and_certificates(data, secret)
    except ValueError:
        if secret is None:
            # an archive protected by an empty password reads with b"" on some versions
            try:
                key, cert, additional = pkcs12.load_key_and_certificates(data, b"")
            except ValueError:
                raise WrongPasswordError() from None
        else:
            raise WrongPasswordError() from None
    if key is None or cert is None:
        raise NoPrivateKeyError()
    key_der = key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
    return SigningIdentity(
        certificate=asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER)),
        private_key=asn1_keys.PrivateKeyInfo.load(key_der),
        chain=tuple(asn1_x509.Certificate.load(extra.public_bytes(Encoding.DER)) for extra in additional or ()),
    )


def sign_pdf(pdf, identity, *, reason=None, location=None, moment=None):
    """Sign ``pdf`` (bytes) with ``identity`` (a SigningIdentity); return the signed bytes.

    The signature is a new, invisible signature field added in an incremental update: the
    original bytes stay as they were and a reader shows the signature in its signature panel.

    :raises CertificateNotValidError: when the certificate is not valid at ``moment`` (now)
    :raises PdfSigningError: when pyHanko cannot update this PDF
    """
    identity.check_valid_at(moment)
    try:
        return _sign(pdf, identity, reason, location)
    except (PdfError, SigningError, ValueError) as exc:
        raise PdfSigningError(str(exc)) from exc


def _sign(pdf, identity, reason, location):
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    field_name = SIGNATURE_FIELD
    existing = {name for name, _value, _ref in sig_fields.enumerate_sig_fields(writer)}
    index = 1
    while field_name in existing:
        index += 1
        field_name = f"{SIGNATURE_FIELD}{index}"
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=sig_fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
        name=identity.subject_name,
    )
    output = signers.PdfSigner(metadata, signer=identity.signer()).sign_pdf(writer)
    return output.getvalue()


def verify_pdf(pdf, trust_roots=(), moment=None):
    """Validate every signature of ``pdf`` (bytes) offline against ``trust_roots`` (asn1crypto
    certificates); return one SignatureReport per signature, in the document's order."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    reports = []
    for embedded in reader.embedded_signatures:
        context_kwargs = {"trust_roots": list(trust_roots), "allow_fetching": False}
        if moment is not None:
            context_kwargs["moment"] = _aware(moment)
        context = ValidationContext(**context_kwargs)
        status = validate_pdf_signature(embedded, context)
        sig_object = embedded.sig_object
        reports.append(
            SignatureReport(
                field_name=embedded.field_name,
                signer_name=common_name(status.signing_cert),
                intact=status.intact,
                valid=status.valid,
                trusted=status.trusted,
                covers_whole_document=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
                reason=str(sig_object.get("/Reason", "")),
                location=str(sig_object.get("/Location", "")),
                signing_time=embedded.self_reported_timestamp,
                summary=status.summary(),
            )
        )
    return reports
