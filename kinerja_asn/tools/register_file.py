"""Reading the civil-servant register as SIASN exports it (XLSX or CSV), without the ORM.

SIASN's employee list (*data utama PNS*) names its columns ``PNS_ID``, ``NIP_BARU``, ``NAMA``,
``GELAR_DEPAN``, ``GELAR_BELAKANG``, ``GOL_AKHIR_ID``, ``GOL_AKHIR_NAMA``, ``JENIS_JABATAN_ID``,
``JENIS_JABATAN_NAMA``, ``JABATAN_NAMA``, ``ESELON_ID``, ``ESELON_NAMA``, ``UNOR_ID``,
``UNOR_NAMA``, ``UNOR_INDUK_ID``, ``UNOR_INDUK_NAMA``...; its unit reference (*referensi unor*)
``ID``, ``NAMA_UNOR``, ``DIATASAN_ID``. The supervisor's NIP is not in SIASN's list: agencies add
it as ``NIP_ATASAN``. Headers are matched case-insensitively, spaces, dots and dashes counting as
underscores, and the usual variants are accepted (see ``EMPLOYEE_COLUMNS`` / ``UNIT_COLUMNS``).
"""

import csv
import io
import re
import zipfile

# field -> accepted headers (normalised), the first one being the name the documentation uses
EMPLOYEE_COLUMNS = {
    "nip": ("NIP_BARU", "NIP", "NIPBARU", "NIP_PNS", "NIP_PEGAWAI"),
    "name": ("NAMA", "NAMA_PEGAWAI", "NAMA_LENGKAP", "NAME"),
    "title_front": ("GELAR_DEPAN",),
    "title_back": ("GELAR_BELAKANG", "GELAR_BLK"),
    "siasn_id": ("PNS_ID", "ID_PNS", "SIASN_ID", "ID_SIASN"),
    "grade": ("GOL_AKHIR_NAMA", "GOLONGAN", "GOL", "GOL_RUANG", "GOLONGAN_RUANG", "PANGKAT_GOLONGAN", "PANGKAT"),
    "grade_code": ("GOL_AKHIR_ID", "GOL_ID", "GOLONGAN_ID"),
    "job": ("JABATAN_NAMA", "JABATAN", "NAMA_JABATAN"),
    "position_type": ("JENIS_JABATAN_NAMA", "JENIS_JABATAN"),
    "position_type_code": ("JENIS_JABATAN_ID",),
    "echelon": ("ESELON_NAMA", "ESELON"),
    "echelon_code": ("ESELON_ID",),
    "level": ("JENJANG", "JENJANG_JABATAN", "JENJANG_FUNGSIONAL"),
    "unit_id": ("UNOR_ID", "ID_UNOR", "UNIT_ID", "KODE_UNOR"),
    "unit_name": ("UNOR_NAMA", "NAMA_UNOR", "UNIT_KERJA", "UNIT_ORGANISASI", "UNOR", "UNIT"),
    "unit_parent_id": ("UNOR_INDUK_ID", "UNOR_ATASAN_ID", "DIATASAN_ID"),
    "unit_parent_name": ("UNOR_INDUK_NAMA", "UNOR_ATASAN_NAMA"),
    "supervisor_nip": (
        "NIP_ATASAN",
        "ATASAN_NIP",
        "NIP_ATASAN_LANGSUNG",
        "NIP_PEJABAT_PENILAI",
        "NIP_PENILAI",
    ),
}
EMPLOYEE_REQUIRED = ("nip", "name")

UNIT_COLUMNS = {
    "unit_id": ("ID", "UNOR_ID", "ID_UNOR", "KODE_UNOR"),
    "unit_name": ("NAMA_UNOR", "UNOR_NAMA", "NAMA", "NAMA_UNIT"),
    "unit_parent_id": ("DIATASAN_ID", "UNOR_INDUK_ID", "ID_ATASAN", "PARENT_ID", "INDUK_ID"),
}
UNIT_REQUIRED = ("unit_id", "unit_name")
# a sheet of units is one whose name says so (or whose headers are those of units)
UNIT_SHEET_NAMES = re.compile(r"unor|unit|satuan|organisasi", re.IGNORECASE)

# Structural echelons (I.a ... V.a, ESELON_ID 11 ... 51) by their first level
ECHELON_LEVELS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
ECHELON_POSITION_TYPES = {1: "jpt", 2: "jpt", 3: "administrator", 4: "supervisor", 5: "supervisor"}

# JENIS_JABATAN_ID of SIASN: 1 structural, 2 certain functional (JFT), 4 general functional (executor)
POSITION_TYPE_CODES = {"1": "structural", "2": "functional", "3": "functional", "4": "executor"}
POSITION_TYPE_WORDS = {
    "jpt": "jpt",
    "jabatan pimpinan tinggi": "jpt",
    "pimpinan tinggi": "jpt",
    "senior executive": "jpt",
    "senior executive (jpt)": "jpt",
    "administrator": "administrator",
    "jabatan administrator": "administrator",
    "supervisor": "supervisor",
    "supervisor (pengawas)": "supervisor",
    "pengawas": "supervisor",
    "jabatan pengawas": "supervisor",
    "executor": "executor",
    "executor (pelaksana)": "executor",
    "pelaksana": "executor",
    "jabatan pelaksana": "executor",
    "fungsional umum": "executor",
    "jabatan fungsional umum": "executor",
    "jfu": "executor",
    "functional": "functional",
    "fungsional": "functional",
    "jabatan fungsional": "functional",
    "fungsional tertentu": "functional",
    "jabatan fungsional tertentu": "functional",
    "jft": "functional",
    "struktural": "structural",
    "jabatan struktural": "structural",
}


class RegisterFileError(Exception):
    """The file cannot be read at all (not an XLSX or CSV, no header)."""


def normalise_header(value):
    text = re.sub(r"[\s.\-/]+", "_", str(value or "").strip().upper())
    return text.strip("_")


def cell_text(value):
    """A cell as text: integers without a decimal part, floats kept (a NIP read as a float
    has lost its last digits: the caller says so), dates as ISO, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


class Sheet:
    """One table of the file: its name, headers as found, and its rows as
    ``(row_number, {normalised header: text})``, row numbers as the spreadsheet shows them."""

    def __init__(self, name, headers, rows, header_row=1):
        self.name = name
        self.headers = headers
        self.keys = [normalise_header(h) for h in headers]
        self.rows = rows
        self.header_row = header_row

    def columns(self, spec):
        """field -> index of its column, for the fields of ``spec`` present in the headers."""
        found = {}
        for field, aliases in spec.items():
            for alias in aliases:
                if alias in self.keys:
                    found[field] = self.keys.index(alias)
                    break
        return found

    def records(self, spec):
        """``(row_number, {field: text})`` for each row that has any value."""
        columns = self.columns(spec)
        for number, cells in self.rows:
            values = {field: (cells[index] if index < len(cells) else "") for field, index in columns.items()}
            if any(values.values()):
                yield number, values


def _table(name, raw_rows):
    """Build a Sheet from raw rows (lists of cell values): the first non-empty row is the header."""
    rows = [(number, [cell_text(v) for v in values]) for number, values in raw_rows]
    while rows and not any(rows[0][1]):
        rows.pop(0)
    if not rows:
        return None
    header_row, headers = rows[0]
    return Sheet(name, headers, rows[1:], header_row=header_row)


def read_register(content, file_name=""):
    """The tables of a register file: an XLSX (each sheet) or a CSV (one table; comma,
    semicolon or tab separated, UTF-8 or Windows encoding). Raises RegisterFileError."""
    if not content:
        raise RegisterFileError("empty")
    if content[:2] == b"PK" and zipfile.is_zipfile(io.BytesIO(content)):
        return _read_xlsx(content)
    if content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise RegisterFileError("xls")
    return _read_csv(content, file_name)


def _read_xlsx(content):
    import openpyxl  # Odoo's own requirement, only needed here

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # any corrupt workbook
        raise RegisterFileError(str(error)) from error
    sheets = []
    try:
        for worksheet in workbook.worksheets:
            if hasattr(worksheet, "reset_dimensions"):
                worksheet.reset_dimensions()  # exporters do not always record the used range
            raw = ((number, list(values)) for number, values in enumerate(worksheet.iter_rows(values_only=True), 1))
            table = _table(worksheet.title, raw)
            if table:
                sheets.append(table)
    finally:
        workbook.close()
    return sheets


def _read_csv(content, file_name):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if "\x00" in text:
        raise RegisterFileError("binary")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    table = _table(file_name or "CSV", ((number, row) for number, row in enumerate(reader, 1)))
    return [table] if table else []


# ----------------------------------------------------------------------------------------
# Values
# ----------------------------------------------------------------------------------------
def _word(text):
    return re.sub(r"\s+", " ", str(text or "").strip().lower())


def rank_lookup(ranks):
    """The grades as the register writes them -> rank key: the key itself, the label, the
    golongan alone (``III/a``, ``IIIa``, ``III-A``), the pangkat alone (``Penata Muda``),
    SIASN's GOL_AKHIR_ID (``31`` for III/a) and a PPPK golongan alone (``IX``, ``PPPK IX``)."""
    lookup = {}
    for key, label in ranks:
        lookup[_word(key)] = key
        lookup[_word(label)] = key
        if key.startswith("pppk_"):
            roman = label.split()[-1]
            lookup[_word(roman)] = key
            continue
        golongan, _sep, pangkat = label.partition(" (")
        lookup[_grade_word(golongan)] = key
        lookup[_word(pangkat.rstrip(")"))] = key
        roman, letter = golongan.split("/")
        lookup[f"{ECHELON_LEVELS[roman]}{ord(letter.lower()) - ord('a') + 1}"] = key
    return lookup


def _grade_word(text):
    """``III/a``, ``III a``, ``IIIa``, ``III-A``, ``III.a`` -> ``iii/a``."""
    match = re.fullmatch(r"\s*(I{1,3}|IV)\s*[/\-.]?\s*([A-Ea-e])\s*", str(text or ""))
    if not match:
        return _word(text)
    return f"{match.group(1).lower()}/{match.group(2).lower()}"


def find_rank(lookup, text, code=""):
    """The rank key of a grade cell (or of SIASN's grade id), None if not recognised."""
    for value in (text, code):
        if not value:
            continue
        for candidate in (_grade_word(value), _word(value), _word(re.sub(r"^pppk\s+", "", _word(value)))):
            if candidate in lookup:
                return lookup[candidate]
    return None


def echelon_level(text, code=""):
    """1 ... 5 for an echelon (``II.a``, ``Eselon III/b``, ESELON_ID ``41``), None otherwise."""
    if code and re.fullmatch(r"[1-5][0-9]?", code.strip()):
        return int(code.strip()[0])
    match = re.search(r"\b(IV|V|I{1,3})\s*[./\-]?\s*[ab]?\b", str(text or "").upper().replace("ESELON", " "))
    return ECHELON_LEVELS.get(match.group(1)) if match else None


def find_position_type(labels, text, code="", echelon=None):
    """Position type key from the register's JENIS_JABATAN (name or id), the echelon deciding
    between the structural ones. Returns (key, None) or (None, reason) with reason one of
    ``unknown`` and ``echelon``."""
    words = dict(POSITION_TYPE_WORDS)
    words.update({_word(label): key for key, label in labels})
    words.update({key: key for key, _label in labels})
    kind = (words.get(_word(text)) if text else None) or (POSITION_TYPE_CODES.get(code.strip()) if code else None)
    if kind is None:
        return None, "unknown"
    if kind == "structural":
        if echelon is None:
            return None, "echelon"
        return ECHELON_POSITION_TYPES[echelon], None
    return kind, None


def find_level(levels, text):
    """Functional level key named in ``text`` (``Ahli Pertama``, or a position such as
    ``Perawat Ahli Pertama``), the longest label first; None when none is named."""
    word = _word(text)
    if not word:
        return None
    for key, label in sorted(levels, key=lambda item: -len(item[1])):
        if word == key or re.search(rf"\b{re.escape(_word(label))}\b", word):
            return key
    return None


def clean_nip(text):
    return re.sub(r"[\s.'\-]", "", str(text or ""))
