# Shared settings for the project's scripts (sourced, not run).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo/18.0}
VENV=${VENV:-$ROOT/.venv}
PY="$VENV/bin/python"
ODOO_BIN=("$PY" "$ODOO_SRC/odoo-bin" --addons-path="$ODOO_SRC/addons")
VAR="$ROOT/var"
mkdir -p "$VAR"
export ODOO_SRC VENV
