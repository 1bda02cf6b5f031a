# kinerja_asn: two commands for a newcomer, `make run` and `make test`.
# ODOO_SRC (an Odoo 18.0 source tree) and VENV can be overridden: see README.md.
ODOO_SRC ?= /opt/odoo/18.0
VENV ?= $(CURDIR)/.venv
export ODOO_SRC VENV

.PHONY: setup run test lint i18n clean bench

setup:
	@bash scripts/setup.sh

run: setup
	@bash scripts/run.sh

test: setup
	@bash scripts/test.sh

lint:
	$(VENV)/bin/python -m ruff check kinerja_asn tests scripts setup.py
	$(VENV)/bin/python -m ruff format --check kinerja_asn tests scripts setup.py

# Scale: a government of N employees (default 10000) on the scratch database kinerja_bench.
bench: setup
	@bash scripts/bench.sh

clean:
	rm -rf build dist *.egg-info var

i18n: setup
	@bash scripts/i18n.sh
