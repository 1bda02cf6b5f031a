"""Evaluation over JSON-RPC, as the demo users: the evaluator rates and signs, the employee
objects, the evaluator's supervisor decides."""

import pytest
from conftest import RpcError


def _evaluation_of(client, login_name):
    [evaluation] = client.call(
        "kinerja.evaluation",
        "search_read",
        [["user_id.login", "=", login_name], ["evaluation_type", "=", "periodic"]],
        ["state", "suggested_result_rating", "predicate", "evaluator_user_id", "objection_deadline"],
        order="period_date_start desc",
        limit=1,
    )
    return evaluation


def test_evaluate_sign_object_decide(login):
    kabid = login("kabid.p2p")
    kasi = login("kasi.imunisasi")
    kadinkes = login("kadinkes.pariaman")
    evaluation = _evaluation_of(kabid, "kasi.imunisasi")
    assert evaluation["state"] == "draft"
    assert evaluation["evaluator_user_id"][0] == kabid.uid
    eid = evaluation["id"]

    # kasi.imunisasi heads his section: his work-result rating is the section's organisation
    # achievement for the period, which he may not set himself; the head of the division does
    [unit] = kabid.call("kinerja.evaluation", "read", [eid], ["department_id", "period_id", "is_unit_head"])
    assert unit["is_unit_head"] is True
    with pytest.raises(RpcError) as waits:
        kabid.call("kinerja.evaluation", "action_done", [eid])
    assert "UserError" in waits.value.name
    assert "Seksi Surveilans dan Imunisasi" in waits.value.message, "the error names the unit"
    org = {"department_id": unit["department_id"][0], "period_id": unit["period_id"][0], "rating": "outstanding"}
    with pytest.raises(RpcError) as own:
        kasi.call("kinerja.org.rating", "create", org)
    assert "AccessError" in own.value.name
    kabid.call("kinerja.org.rating", "create", org)
    evaluation = _evaluation_of(kabid, "kasi.imunisasi")
    assert evaluation["suggested_result_rating"] == "above", "Outstanding sets Above Expectation"

    # bad input: a rating outside the keys, signing without both ratings, the predicate by hand
    with pytest.raises(RpcError) as bad_key:
        kabid.call("kinerja.evaluation", "write", [eid], {"result_rating": "excellent"})
    assert "ValidationError" in bad_key.value.name
    kabid.call("kinerja.evaluation", "write", [eid], {"result_rating": evaluation["suggested_result_rating"]})
    with pytest.raises(RpcError) as half:
        kabid.call("kinerja.evaluation", "action_done", [eid])
    assert "UserError" in half.value.name
    with pytest.raises(RpcError):
        kabid.call("kinerja.evaluation", "write", [eid], {"predicate": "very_good"})
    # only the evaluator rates
    with pytest.raises(RpcError):
        kasi.call("kinerja.evaluation", "write", [eid], {"behavior_rating": "above"})
    with pytest.raises(RpcError):
        kadinkes.call("kinerja.evaluation", "write", [eid], {"behavior_rating": "above"})

    kabid.call("kinerja.evaluation", "write", [eid], {"behavior_rating": "meets", "feedback": "Pertahankan"})
    assert kabid.call("kinerja.evaluation", "action_done", [eid]) is True
    signed = _evaluation_of(kasi, "kasi.imunisasi")
    assert signed["state"] == "done"
    expected = {"below": "needs_improvement", "meets": "good", "above": "good"}[evaluation["suggested_result_rating"]]
    assert signed["predicate"] == expected
    with pytest.raises(RpcError) as locked:
        kabid.call("kinerja.evaluation", "write", [eid], {"behavior_rating": "above"})
    assert "UserError" in locked.value.name

    # the employee objects; nobody else may
    with pytest.raises(RpcError):
        login("perawat.fadli").call("kinerja.objection", "create", {"evaluation_id": eid, "reason": "x"})
    objection = kasi.call(
        "kinerja.objection", "create", {"evaluation_id": eid, "reason": "Capaian Oktober belum termasuk sweeping"}
    )
    # only the evaluator's supervisor decides
    with pytest.raises(RpcError) as not_him:
        kabid.call("kinerja.objection", "action_accept", [objection], result_rating="above")
    assert "AccessError" in not_him.value.name
    kadinkes.call(
        "kinerja.objection", "action_accept", [objection], result_rating="above", behavior_rating="above", reason="Sah"
    )
    decided = _evaluation_of(kasi, "kasi.imunisasi")
    assert decided["predicate"] == "very_good"
    [state] = kasi.call("kinerja.objection", "read", [objection], ["state"])
    assert state["state"] == "accepted"
    with pytest.raises(RpcError):
        kadinkes.call("kinerja.objection", "action_reject", [objection], reason="Berubah")


def test_other_agency_and_colleagues_see_no_evaluation(login):
    for other in ("bkpsdm.andir", "perawat.fadli", "epidemiolog.maya"):
        client = login(other)
        found = client.call("kinerja.evaluation", "search_read", [["user_id.login", "=", "kasi.imunisasi"]], ["id"])
        assert found == [], other
