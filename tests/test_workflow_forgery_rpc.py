"""A hostile insider over the external API, as the demo users: workflow and audit fields
(state, approver, reviewer, decider, dates, verification codes) are set by the application's
transitions only; what a user sends for them is refused and changes nothing. Runs after the
planning suite, which has the epidemiologist's SKP approved by her evaluator."""

from datetime import date

import pytest
from conftest import RpcError
from test_hardening_rpc import Workers, _clean, _race, _session


def _refused(call, kind="AccessError"):
    with pytest.raises(RpcError) as refused:
        call()
    assert kind in refused.value.name, (refused.value.name, refused.value.message)
    return refused.value


def test_skp_created_approved_or_resigned_is_refused(server, login):
    fadli = login("epidemiolog.maya")
    kasi = login("kasi.imunisasi")
    [skp] = fadli.call(
        "kinerja.skp",
        "search_read",
        [["user_id", "=", fadli.uid], ["state", "=", "approved"]],
        ["period_id", "approved_by_id", "approved_date", "verification_code", "evaluator_id"],
        limit=1,
    )
    count = fadli.call("kinerja.skp", "search_count", [])
    for forged in (
        {"state": "approved"},
        {"approved_by_id": kasi.uid, "verification_code": "feedfacecafebeef"},
        {"approved_date": "2026-01-05 08:00:00"},
    ):
        _refused(
            lambda forged=forged: fadli.call("kinerja.skp", "create", {"period_id": skp["period_id"][0], **forged})
        )
    assert fadli.call("kinerja.skp", "search_count", []) == count
    assert skp["approved_by_id"][0] == kasi.uid and skp["verification_code"]
    page = _session(server, "epidemiolog.maya")
    assert page.get(f"{server}/kinerja/verify/feedfacecafebeef", timeout=60).status_code == 404

    # the signature of his approved SKP cannot be rewritten, not even to the same signer
    for forged in (
        {"approved_by_id": login("kadinkes.pariaman").uid},
        {"approved_date": "2025-12-01 08:00:00"},
        {"verification_code": "0000000000000000"},
        {"evaluator_name": "Bupati Pariaman"},
    ):
        _refused(lambda forged=forged: fadli.call("kinerja.skp", "write", [skp["id"]], forged))
    # nor his evaluator, who comes from the org chart
    error = _refused(
        lambda: fadli.call("kinerja.skp", "write", [skp["id"]], {"evaluator_id": skp["evaluator_id"][0] + 1})
    )
    assert "org chart" in error.message or "bagan organisasi" in error.message
    [after] = fadli.call(
        "kinerja.skp", "read", [skp["id"]], ["approved_by_id", "approved_date", "verification_code", "evaluator_id"]
    )
    assert after == {key: skp[key] for key in after}
    verified = page.get(f"{server}/kinerja/verify/{skp['verification_code']}", timeout=60)
    assert verified.status_code == 200
    assert skp["approved_by_id"][1] in verified.text


def test_review_of_a_report_cannot_be_forged(login):
    fadli = login("kasi.imunisasi")
    kasi = login("kadinkes.pariaman")  # not his evaluator: no review of his carries this name

    def _reports():
        return fadli.call(
            "kinerja.realization",
            "search_read",
            [["user_id", "=", fadli.uid], ["state", "in", ("submitted", "accepted")]],
            ["submitted_date", "reviewed_by_id", "reviewed_date", "is_late", "state"],
            limit=2,
        )

    reports = _reports()
    if not reports:
        # January: no month of the demo year has ended, so the demo has no report yet; the
        # head of immunisation reports this month himself
        [indicator] = fadli.call(
            "kinerja.skp.indicator",
            "search",
            [["skp_id.user_id", "=", fadli.uid], ["skp_id.state", "=", "approved"]],
            limit=1,
        )
        report_id = fadli.call("kinerja.realization", "create", {"skp_indicator_id": indicator, "value": 1})
        fadli.call("kinerja.realization", "action_submit", [report_id])
        reports = _reports()
    assert reports, "the head of immunisation has reports to be reviewed"
    for report in reports:
        for forged in (
            {"reviewed_by_id": kasi.uid},
            {"reviewed_date": "2020-02-01 08:00:00"},
            {"submitted_date": "2020-01-01 08:00:00"},
        ):
            _refused(
                lambda report=report, forged=forged: fadli.call("kinerja.realization", "write", [report["id"]], forged)
            )
        [after] = fadli.call(
            "kinerja.realization",
            "read",
            [report["id"]],
            ["submitted_date", "reviewed_by_id", "reviewed_date", "is_late", "state"],
        )
        assert after == {key: report[key] for key in after}


def test_objection_created_decided_is_refused_and_eight_at_once_make_one(login):
    maya = login("epidemiolog.maya")
    kasi = login("kasi.imunisasi")
    [skp] = kasi.call(
        "kinerja.skp", "search_read", [["user_id", "=", maya.uid], ["state", "=", "approved"]], ["period_id"]
    )
    [month] = kasi.call(
        "kinerja.period",
        "search",
        [
            ["parent_id", "=", skp["period_id"][0]],
            ["period_type", "!=", "year"],
            ["date_start", "<=", date.today().isoformat()],
        ],
        order="date_start desc",
        limit=1,
    )
    eid = kasi.call("kinerja.evaluation", "create", {"skp_id": skp["id"], "period_id": month})
    [evaluation] = kasi.call("kinerja.evaluation", "read", [eid], ["suggestion_note"])
    kasi.call(
        "kinerja.evaluation",
        "write",
        [eid],
        {"result_rating": "below", "behavior_rating": "meets", "override_reason": "Target Oktober tidak tercapai"},
    )
    assert kasi.call("kinerja.evaluation", "action_done", [eid], force=True) is True

    # the evaluator cannot touch the signed figures
    for forged in ({"suggestion_note": "Ditulis ulang"}, {"achievement": 150.0}, {"done_by_id": maya.uid}):
        _refused(lambda forged=forged: kasi.call("kinerja.evaluation", "write", [eid], forged), kind="Error")
    [signed] = kasi.call("kinerja.evaluation", "read", [eid], ["suggestion_note", "predicate", "done_by_id"])
    assert signed["suggestion_note"] == evaluation["suggestion_note"]
    assert signed["done_by_id"][0] == kasi.uid

    # an objection born decided, by the employee: refused
    decider = login("kabid.p2p")
    for forged in (
        {"state": "accepted", "decided_by_id": decider.uid, "revised_result_rating": "above"},
        {"revised_result_rating": "above", "revised_behavior_rating": "above"},
        {"decision_date": "2026-02-01 08:00:00"},
    ):
        _refused(
            lambda forged=forged: maya.call(
                "kinerja.objection", "create", {"evaluation_id": eid, "reason": "Tidak adil", **forged}
            )
        )
    assert maya.call("kinerja.objection", "search", [["evaluation_id", "=", eid]]) == []

    # eight objections at the same moment through a multi-worker server: one is filed
    workers = Workers()
    workers.start()
    try:
        clients = [type(maya)(workers.url, "epidemiolog.maya", "epidemiolog.maya") for _ in range(8)]
        outcomes = _race(
            [
                lambda client=client: client.call(
                    "kinerja.objection", "create", {"evaluation_id": eid, "reason": "Capaian belum dihitung"}
                )
                for client in clients
            ]
        )
    finally:
        workers.stop()
    created = [outcome for outcome in outcomes if isinstance(outcome, int)]
    errors = [outcome for outcome in outcomes if isinstance(outcome, RpcError)]
    assert len(created) == 1, outcomes
    assert len(errors) == 7 and all(_clean(error) for error in errors), [(e.name, e.message) for e in errors]
    assert maya.call("kinerja.objection", "search", [["evaluation_id", "=", eid]]) == created
    [objection] = maya.call("kinerja.objection", "read", created, ["state", "decided_by_id", "original_predicate"])
    assert (objection["state"], objection["decided_by_id"]) == ("submitted", False)
    assert objection["original_predicate"] == signed["predicate"]
