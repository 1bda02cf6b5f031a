"""Packaging and repository checks that need no server."""

import ast
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "kinerja_asn"


def _manifest():
    return ast.literal_eval((ADDON / "__manifest__.py").read_text())


def test_manifest_version_and_dependencies():
    manifest = _manifest()
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", manifest["version"])
    assert {"hr", "hr_org_chart", "mail", "report_xlsx"} <= set(manifest["depends"])
    assert manifest["license"] == "LGPL-3"


def test_manifest_files_exist():
    manifest = _manifest()
    for key in ("data", "demo"):
        for name in manifest.get(key, []):
            assert (ADDON / name).is_file(), f"{key} file missing: {name}"


def test_wheel_installs_as_odoo_addon(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    [wheel] = tmp_path.glob("odoo_addon_kinerja_asn-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "odoo/addons/kinerja_asn/__manifest__.py" in names
    assert "odoo/addons/kinerja_asn/i18n/id.po" in names
    assert "odoo/addons/kinerja_asn/security/ir.model.access.csv" in names
    assert "odoo/addons/kinerja_asn/static/description/icon.png" in names
    # migration scripts are read by Odoo as files: the wheel must carry them
    migrations = [path.relative_to(ADDON) for path in (ADDON / "migrations").rglob("*.py")]
    assert migrations and all(f"odoo/addons/kinerja_asn/{path}" in names for path in migrations), migrations
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert "Requires-Dist: odoo-addon-report_xlsx" in metadata or "Requires-Dist: odoo-addon-report-xlsx" in metadata


def test_indonesian_translation_complete():
    po = polib.pofile(str(ADDON / "i18n" / "id.po"))
    pot = polib.pofile(str(ADDON / "i18n" / "kinerja_asn.pot"))
    untranslated = [e.msgid for e in po if not e.msgstr and not e.obsolete]
    assert not untranslated, f"untranslated: {untranslated[:10]}"
    assert not [e.msgid for e in po.fuzzy_entries()], "fuzzy translations left"
    missing = {e.msgid for e in pot} - {e.msgid for e in po}
    assert not missing, f"in the template but not translated: {sorted(missing)[:10]}"
