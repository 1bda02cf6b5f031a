#!/usr/bin/env bash
# Maintainers: refresh kinerja_asn/i18n/kinerja_asn.pot from the code and merge it into id.po
# (translations kept, new terms added empty, vanished ones dropped), then list what still
# needs a translation.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DB=${I18N_DB:-kinerja_i18n}
I18N="$ROOT/kinerja_asn/i18n"
dropdb --if-exists "$DB"
"${ODOO_BIN[@]}" -d "$DB" -i kinerja_asn --without-demo=all --stop-after-init --log-level=warn
"${ODOO_BIN[@]}" -d "$DB" --i18n-export="$I18N/kinerja_asn.pot" --modules=kinerja_asn \
    --stop-after-init --log-level=warn
dropdb --if-exists "$DB"
"$PY" - "$I18N" <<'PYEOF'
import sys
from pathlib import Path

import polib

i18n = Path(sys.argv[1])
pot = polib.pofile(str(i18n / "kinerja_asn.pot"))
po_path = i18n / "id.po"
po = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
po.merge(pot)
po[:] = [e for e in po if not e.obsolete]
po.metadata.update({
    "Project-Id-Version": "Odoo Server 18.0",
    "Language": "id",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "",
    "Plural-Forms": "nplurals=1; plural=0;",
})
po.save(str(po_path))
todo = [e.msgid for e in po if not e.msgstr]
print(f"id.po: {len(po)} terms, {len(todo)} untranslated")
for msgid in todo:
    print("  -", msgid.replace("\n", "\\n")[:120])
PYEOF
