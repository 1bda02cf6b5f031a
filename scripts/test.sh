#!/usr/bin/env bash
# Run every test of the project and print one closing line "N passed, M failed".
#   1. the addon's Odoo tests (kinerja_asn/tests, tours included) on a fresh database;
#   2. Odoo's own tests of the modules the addon extends (UPSTREAM_MODULES, default hr and
#      hr_org_chart), updated on that database, so with the addon installed;
#   3. the top-level pytest suite (tests/), which starts its own Odoo server over the API.
# Exits non-zero when any test fails, when a tour is skipped (no browser) or when none ran.
# TEST_TAGS narrows the Odoo tests (default /kinerja_asn); PYTEST_ARGS is passed to pytest;
# SKIP_UPSTREAM skips stage 2 and SKIP_PYTEST stage 3 (quick local runs).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DB=${TEST_DB:-kinerja_test}
TAGS=${TEST_TAGS:-/kinerja_asn}
PORT=${TEST_PORT:-8169}
log="$VAR/test-odoo.log"

passed=0; failed=0; skipped_stages=""

# Read one Odoo run's log: its closing line "F failed, E error(s) of N tests when loading
# database", the tests skipped (a tour without a browser), the errors logged outside any test
# (data that fails to load) and Odoo's exit code. Adds to $passed / $failed.
#   odoo_results LOG EXIT_CODE TEST_LOGGER_REGEX [STRAY_IGNORE_REGEX]
odoo_results() {
    local log=$1 rc=$2 test_logger=$3 ignore=${4:-^$}
    local summary n_failed n_errors n_total n_skipped bad stray n_pass
    summary=$(grep -E "[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database" "$log" | tail -1)
    if [ -z "$summary" ]; then
        echo "    no test summary from Odoo (exit code $rc): see $log"
        grep -E " (ERROR|CRITICAL) " "$log" | head -20
        failed=$((failed + 1))
        return
    fi
    read -r n_failed n_errors n_total < <(sed -E 's/.* ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$summary")
    n_skipped=$(grep -cE "$test_logger.*: skipped " "$log" || true)
    bad=$((n_failed + n_errors + n_skipped))
    stray=$(grep -E " (ERROR|CRITICAL) " "$log" | grep -vE "$test_logger" | grep -vcE "$ignore" || true)
    [ "$stray" -gt 0 ] && [ "$bad" -eq 0 ] && bad=1
    n_pass=$((n_total - n_failed - n_errors - n_skipped))
    [ "$n_pass" -lt 0 ] && n_pass=0
    passed=$((passed + n_pass)); failed=$((failed + bad))
    echo "    $summary"
    [ "$n_skipped" -gt 0 ] && echo "    $n_skipped skipped test(s) counted as failures (a tour without a browser is a failure):" \
        && grep -E "$test_logger.*: skipped " "$log" | head -5
    [ "$stray" -gt 0 ] && echo "    errors logged outside tests:" \
        && grep -E " (ERROR|CRITICAL) " "$log" | grep -vE "$test_logger" | grep -vE "$ignore" | head -10
    if [ $((n_failed + n_errors)) -gt 0 ]; then
        echo "    failures:"; grep -E " (ERROR|FAIL)" "$log" | grep -E "$test_logger" | head -40
    fi
    [ "$n_total" -eq 0 ] && failed=$((failed + 1)) && echo "    Odoo ran no test"
    [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ] && failed=$((failed + 1)) && echo "    Odoo exited with $rc"
    echo "    full log: $log"
}


echo "==> Odoo tests ($TAGS) on a fresh database '$DB'"
dropdb --if-exists "$DB"
"${ODOO_BIN[@]}" -d "$DB" -i kinerja_asn --without-demo=all --test-enable --test-tags "$TAGS" \
    --stop-after-init --http-port="$PORT" --log-level=test --max-cron-threads=0 \
    > "$log" 2>&1
rc=$?
odoo_results "$log" "$rc" "odoo\.addons\.kinerja_asn\.tests"

# Odoo's own tests of hr and hr_org_chart (mail's take ~15 minutes more: add it through
# UPSTREAM_MODULES=hr,hr_org_chart,mail when touching mail), on the database the addon was
# just installed in: "-u" runs their at-install tests again, then their post-install ones.
UPSTREAM=$(tr -d ' ' <<<"${UPSTREAM_MODULES:-hr,hr_org_chart}")
if [ -n "${SKIP_UPSTREAM:-}" ]; then
    echo "==> Odoo's own tests of $UPSTREAM skipped (SKIP_UPSTREAM is set)"
    skipped_stages="upstream"
else
    up_log="$VAR/test-upstream.log"
    up_tags=$(sed -E 's#(^|,)#\1/#g' <<<"$UPSTREAM")
    up_modules=$(sed -E 's#^/##; s#,/#|#g' <<<"$up_tags")
    echo "==> Odoo's own tests ($up_tags) with the addon installed, on '$DB'"
    "${ODOO_BIN[@]}" -d "$DB" -u "$UPSTREAM" --test-enable --test-tags "$up_tags" \
        --stop-after-init --http-port="$PORT" --log-level=test --max-cron-threads=0 \
        > "$up_log" 2>&1
    rc=$?
    odoo_results "$up_log" "$rc" "odoo\.addons\.($up_modules)\.tests" "odoo\.tests\.result:"
fi

if [ -n "${SKIP_PYTEST:-}" ]; then
    echo
    echo "kinerja: $passed passed, $failed failed (pytest suite skipped: SKIP_PYTEST is set${skipped_stages:+; upstream tests skipped: SKIP_UPSTREAM is set})"
    [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
    exit
fi

echo "==> pytest suite (tests/) against a running Odoo server"
junit="$VAR/pytest.xml"
rm -f "$junit"
# shellcheck disable=SC2086
"$PY" -m pytest "$ROOT/tests" -p no:cacheprovider -q --junitxml="$junit" ${PYTEST_ARGS:-}
if [ -f "$junit" ]; then
    read -r p_total p_fail p_err p_skip < <("$PY" - "$junit" <<'PYEOF'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else list(root)
t = sum(int(s.get("tests", 0)) for s in suites)
f = sum(int(s.get("failures", 0)) for s in suites)
e = sum(int(s.get("errors", 0)) for s in suites)
k = sum(int(s.get("skipped", 0)) for s in suites)
print(t, f, e, k)
PYEOF
)
    passed=$((passed + p_total - p_fail - p_err - p_skip))
    failed=$((failed + p_fail + p_err + p_skip))
    [ "$p_total" -eq 0 ] && failed=$((failed + 1)) && echo "    pytest ran no test"
else
    failed=$((failed + 1)); echo "    pytest did not run"
fi

echo
echo "kinerja: $passed passed, $failed failed${skipped_stages:+ (upstream tests skipped: SKIP_UPSTREAM is set)}"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
    exit 1
fi
