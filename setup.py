"""Packaging for the kinerja_asn Odoo addon.

Installs the addon as ``odoo.addons.kinerja_asn`` (the layout Odoo and OCA wheels use), so
Odoo finds it on its addons path once the package is installed, together with its Python and
OCA dependencies.
"""

import ast
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent
ADDON = "kinerja_asn"
manifest = ast.literal_eval((HERE / ADDON / "__manifest__.py").read_text(encoding="utf-8"))


def _packages():
    """Every Python package of the addon, mapped under odoo.addons."""
    found = []
    for init in sorted((HERE / ADDON).rglob("__init__.py")):
        rel = init.parent.relative_to(HERE)
        found.append("odoo.addons." + ".".join(rel.parts))
    return found


def _package_data():
    """Every non-Python file of the addon (views, data, security, i18n, static, reports), and
    the migration scripts, which Odoo reads as files (they are not packages)."""
    files = []
    for path in sorted((HERE / ADDON).rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        if path.suffix != ".py" or "migrations" in path.relative_to(HERE / ADDON).parts:
            files.append(str(path.relative_to(HERE / ADDON)))
    return {"odoo.addons." + ADDON: files}


setup(
    name="odoo-addon-" + ADDON,
    version=manifest["version"],
    description=manifest["summary"],
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    author=manifest["author"],
    url=manifest["website"],
    license="LGPL-3",
    packages=_packages(),
    package_dir={"odoo.addons." + ADDON: ADDON},
    package_data=_package_data(),
    include_package_data=False,
    python_requires=">=3.10",
    install_requires=[
        "odoo>=18.0a,<18.1dev",
        "odoo-addon-report_xlsx>=18.0dev,<18.1dev",
        "xlsxwriter",
        "python-dateutil",
        # PAdES signatures of the PDF reports. Odoo 18 pins cryptography 3.4.8 below Python 3.12
        # (pyHanko 0.20 is the last release that accepts it) and 42.0.8 from 3.12 on (pyHanko
        # 0.25.2 and later need cryptography 43).
        "pyhanko>=0.20.1,<0.21 ; python_version < '3.12'",
        "pyhanko>=0.21,<0.25.2 ; python_version >= '3.12'",
    ],
    classifiers=[
        "Programming Language :: Python",
        "Framework :: Odoo",
        "Framework :: Odoo :: 18.0",
        "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)",
    ],
    zip_safe=False,
)
