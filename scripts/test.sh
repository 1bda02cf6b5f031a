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

echo "==> Odoo tests ($TAGS) on a fresh database '$DB'"
dropdb --if-exists "$DB"
"${ODOO_BIN[@]}" -d "$DB" -i kinerja_asn --without-demo=all --test-enable --test-tags "$TAGS" \
    --stop-after-init --http-port="$PORT" --log-level=test --max-cron-threads=0 \
    > "$log" 2>&1
rc=$?
# The closing line of Odoo's runner: "F failed, E error(s) of N tests when loading database".
summary=$(grep -E "[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database" "$log" | tail -1)
if [ -z "$summary" ]; then
    echo "    no test summary from Odoo (exit code $rc): see $log"
    grep -E " (ERROR|CRITICAL) " "$log" | head -20
    failed=$((failed + 1))
else
    read -r o_failed o_errors o_total < <(sed -E 's/.* ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$summary")
    o_skipped=$(grep -cE "odoo\.addons\.kinerja_asn\.tests.*: skipped " "$log" || true)
    o_bad=$((o_failed + o_errors + o_skipped))
    # An error logged outside a test (e.g. while loading data) fails the run as well.
    stray=$(grep -E " (ERROR|CRITICAL) " "$log" | grep -vcE "odoo\.addons\.kinerja_asn\.tests" || true)
    [ "$stray" -gt 0 ] && [ "$o_bad" -eq 0 ] && o_bad=1
    o_pass=$((o_total - o_failed - o_errors - o_skipped))
    [ "$o_pass" -lt 0 ] && o_pass=0
    passed=$((passed + o_pass)); failed=$((failed + o_bad))
    echo "    $summary"
    [ "$o_skipped" -gt 0 ] && echo "    $o_skipped skipped test(s) counted as failures (a tour without a browser is a failure):" \
        && grep -E "odoo\.addons\.kinerja_asn\.tests.*: skipped " "$log" | head -5
    [ "$stray" -gt 0 ] && echo "    errors logged outside tests:" && grep -E " (ERROR|CRITICAL) " "$log" | grep -vE "odoo\.addons\.kinerja_asn\.tests" | head -10
    if [ $((o_failed + o_errors)) -gt 0 ]; then
        echo "    failures:"; grep -E " (ERROR|FAIL)" "$log" | grep -E "kinerja_asn" | head -40
    fi
    [ "$o_total" -eq 0 ] && failed=$((failed + 1)) && echo "    Odoo ran no test"
    [ "$rc" -ne 0 ] && [ "$o_bad" -eq 0 ] && failed=$((failed + 1)) && echo "    Odoo exited with $rc"
fi
echo "    full log: $log"

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
    summary=$(grep -E "[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database" "$up_log" | tail -1)
    if [ -z "$summary" ]; then
        echo "    no test summary from Odoo (exit code $rc): see $up_log"
        grep -E " (ERROR|CRITICAL) " "$up_log" | head -20
        failed=$((failed + 1))
    else
        read -r u_failed u_errors u_total < <(sed -E 's/.* ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$summary")
        test_logger="odoo\.addons\.($up_modules)\.tests"
        u_skipped=$(grep -cE "$test_logger.*: skipped " "$up_log" || true)
        u_bad=$((u_failed + u_errors + u_skipped))
        stray=$(grep -E " (ERROR|CRITICAL) " "$up_log" | grep -vE "$test_logger" | grep -vcE "odoo\.tests\.result:" || true)
        [ "$stray" -gt 0 ] && [ "$u_bad" -eq 0 ] && u_bad=1
        u_pass=$((u_total - u_failed - u_errors - u_skipped))
        [ "$u_pass" -lt 0 ] && u_pass=0
        passed=$((passed + u_pass)); failed=$((failed + u_bad))
        echo "    $summary"
        [ "$u_skipped" -gt 0 ] && echo "    $u_skipped skipped test(s) counted as failures:" \
            && grep -E "$test_logger.*: skipped " "$up_log" | head -5
        [ "$stray" -gt 0 ] && echo "    errors logged outside tests:" \
            && grep -E " (ERROR|CRITICAL) " "$up_log" | grep -vE "$test_logger" | grep -vE "odoo\.tests\.result:" | head -10
        if [ $((u_failed + u_errors)) -gt 0 ]; then
            echo "    failures:"; grep -E " (ERROR|FAIL)" "$up_log" | grep -E "$test_logger" | head -40
        fi
        [ "$u_total" -eq 0 ] && failed=$((failed + 1)) && echo "    Odoo ran no test"
        [ "$rc" -ne 0 ] && [ "$u_bad" -eq 0 ] && failed=$((failed + 1)) && echo "    Odoo exited with $rc"
    fi
    echo "    full log: $up_log"
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
