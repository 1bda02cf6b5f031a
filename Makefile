# kinerja_asn: two commands for a newcomer, `make run` and `make test`.
# ODOO_SRC (an Odoo 18.0 source tree) and VENV can be overridden: see README.md.
ODOO_SRC ?= /opt/odoo/18.0
VENV ?= $(CURDIR)/.venv
export ODOO_SRC VENV

.PHONY: setup run test lint i18n clean

setup:
	@bash scripts/setup.sh

run: setup
	@bash scripts/run.sh

test: setup
	@bash scripts/test.sh

lint:
	$(VENV)/bin/python -m ruff check kinerja_asn tests setup.py
	$(VENV)/bin/python -m ruff format --check kinerja_asn tests setup.py

clean:
	rm -rf build dist *.egg-info var

i18n: setup
	@bash scripts/i18n.sh
