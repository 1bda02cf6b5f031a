#!/usr/bin/env bash
# Set-up for kinerja_asn: Odoo 18.0 source, PostgreSQL, system libraries, Chromium and a
# virtual environment with Odoo, report_xlsx and this addon. Idempotent: every step checks
# first and does nothing when it is already done, so `make run` and `make test` call it freely.
#
# Environment:
#   ODOO_SRC   an Odoo 18.0 source tree (default: /opt/odoo/18.0; downloaded there if missing
#              and the network allows)
#   VENV       the virtual environment (default: .venv in the repository)
#   PYTHON     the interpreter to build it with (default: python3, 3.10 to 3.12)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo/18.0}
VENV=${VENV:-$ROOT/.venv}
PYTHON=${PYTHON:-python3}
ODOO_ARCHIVE_URL=${ODOO_ARCHIVE_URL:-https://github.com/odoo/odoo/archive/refs/heads/18.0.tar.gz}

step() { printf '\033[1;34m==> %s\033[0m\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf '\033[1;31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else return 1
    fi
}

apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 1
    if [ -z "${_APT_UPDATED:-}" ]; then
        as_root apt-get update -qq >/dev/null || return 1
        _APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- 1. Odoo 18.0 source -------------------------------------------------------------------
step "Odoo 18.0 source ($ODOO_SRC)"
if [ ! -f "$ODOO_SRC/odoo-bin" ]; then
    info "not found; downloading Odoo's official 18.0 source"
    tmp=$(mktemp -d)
    if command -v curl >/dev/null 2>&1 && curl -fsSL --max-time 900 -o "$tmp/odoo.tar.gz" "$ODOO_ARCHIVE_URL"; then
        mkdir -p "$ODOO_SRC"
        tar -xzf "$tmp/odoo.tar.gz" -C "$ODOO_SRC" --strip-components=1
        rm -rf "$tmp"
    else
        rm -rf "$tmp"
        die "No Odoo 18.0 source tree at $ODOO_SRC and it could not be downloaded.
       Put an Odoo 18.0 Community source tree there (the folder holding odoo-bin),
       or point ODOO_SRC at one:  ODOO_SRC=/path/to/odoo-18.0 make run"
    fi
fi
grep -q "^version_info = (18, 0," "$ODOO_SRC/odoo/release.py" \
    || die "$ODOO_SRC is not Odoo 18.0 (see $ODOO_SRC/odoo/release.py). Point ODOO_SRC at an 18.0 tree."
info "Odoo 18.0 found"

# --- 2. PostgreSQL -------------------------------------------------------------------------
step "PostgreSQL"
if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then
    info "not installed; installing it from the system packages"
    apt_install postgresql postgresql-client \
        || die "PostgreSQL is not installed and could not be installed. Install PostgreSQL 15 or newer and re-run."
fi
if ! pg_isready -q 2>/dev/null; then
    info "not running; starting it"
    if command -v pg_lsclusters >/dev/null 2>&1; then
        if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
            ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
            as_root pg_createcluster "$ver" main >/dev/null
        fi
        pg_lsclusters -h | while read -r ver name _; do
            as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start || true
        done
    else
        as_root service postgresql start || true
    fi
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
    pg_isready -q || die "PostgreSQL did not start. Start it (e.g. 'service postgresql start') and re-run."
fi
DB_USER=$(id -un)
if ! psql -d postgres -Atc 'select 1' >/dev/null 2>&1; then
    info "creating the database role '$DB_USER'"
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- createuser --superuser "$DB_USER"
    else
        sudo -u postgres createuser --createdb "$DB_USER" \
            || die "Cannot create the PostgreSQL role '$DB_USER'. Run: sudo -u postgres createuser --createdb $DB_USER"
    fi
fi
info "server ready, role '$DB_USER' can connect"

# --- 3. System libraries, Chromium and wkhtmltopdf ------------------------------------------
step "System libraries"
missing=()
for hdr in /usr/include/postgresql/libpq-fe.h:libpq-dev /usr/include/ldap.h:libldap2-dev \
           /usr/include/sasl/sasl.h:libsasl2-dev; do
    [ -f "${hdr%%:*}" ] || missing+=("${hdr##*:}")
done
command -v cc >/dev/null 2>&1 || missing+=(build-essential)
if [ ${#missing[@]} -gt 0 ]; then
    info "installing ${missing[*]}"
    apt_install "${missing[@]}" \
        || die "Missing build libraries: ${missing[*]}. Install them with your package manager and re-run."
fi
info "ok"

step "Chromium (browser tests) and wkhtmltopdf (PDF reports)"
if ! command -v chromium >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1 \
        && ! command -v chromium-browser >/dev/null 2>&1; then
    apt_install chromium || info "WARNING: Chromium could not be installed; the browser tours will FAIL until it is."
fi
if ! command -v wkhtmltopdf >/dev/null 2>&1; then
    apt_install wkhtmltopdf || info "WARNING: wkhtmltopdf could not be installed; PDF reports will print as HTML."
fi
info "chromium: $(command -v chromium || command -v google-chrome || command -v chromium-browser || echo missing)"
info "wkhtmltopdf: $(command -v wkhtmltopdf || echo missing)"

# --- 4. Virtual environment ----------------------------------------------------------------
step "Python virtual environment ($VENV)"
# One set-up at a time per environment (several test runs may start together).
exec 9>"$VENV.lock"
flock 9
stamp="$VENV/.kinerja-setup"
want=$( { echo "$ODOO_SRC"; cat "$ODOO_SRC/requirements.txt" "$ROOT/requirements-dev.txt" "$ROOT/setup.py"; } | sha1sum | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" || die "Could not create a virtual environment with $PYTHON (install python3-venv)."
fi
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check -q)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    # Some of Odoo's pinned sdists still import pkg_resources in their build: keep setuptools<70
    # in every build environment.
    constraints="$VENV/build-constraints.txt"
    echo 'setuptools<70' > "$constraints"
    export PIP_CONSTRAINT="$constraints" PIP_BUILD_CONSTRAINT="$constraints"
    "${PIP[@]}" install 'setuptools<70' wheel
    info "installing Odoo's requirements (first time: a few minutes)"
    "${PIP[@]}" install -r "$ODOO_SRC/requirements.txt"
    info "installing Odoo itself from $ODOO_SRC"
    "${PIP[@]}" install --no-deps --no-build-isolation -e "$ODOO_SRC"
    info "installing test tools"
    "${PIP[@]}" install -r "$ROOT/requirements-dev.txt"
    echo "$want" > "$stamp"
else
    info "up to date"
fi

step "kinerja_asn addon (pip install through setup.py, with report_xlsx)"
PIP_CONSTRAINT="$VENV/build-constraints.txt" PIP_BUILD_CONSTRAINT="$VENV/build-constraints.txt" \
    "${PIP[@]}" install "$ROOT"
"$VENV/bin/python" - <<'EOF'
import odoo.addons, os
paths = [p for p in odoo.addons.__path__ if os.path.isfile(os.path.join(p, "kinerja_asn", "__manifest__.py"))]
assert paths, "kinerja_asn is not importable as odoo.addons.kinerja_asn"
print("    odoo.addons.kinerja_asn ->", paths[0])
EOF
step "Set-up complete"
