"""The planning flow over JSON-RPC, as the demo users: draft, submit, approve, return."""

import pytest
from conftest import RpcError


def _skp_of(client, login_name):
    [skp] = client.call(
        "kinerja.skp",
        "search_read",
        [["user_id.login", "=", login_name], ["state", "!=", "cancelled"]],
        ["state", "evaluator_id", "employee_nip", "result_ids"],
    )
    return skp


def test_employee_submits_and_evaluator_approves(login):
    maya = login("epidemiolog.maya")
    kasi = login("kasi.imunisasi")
    colleague = login("perawat.fadli")
    skp = _skp_of(maya, "epidemiolog.maya")
    assert skp["state"] == "draft"
    assert skp["evaluator_id"][1] == "Siti Rahmawati, S.KM"

    maya.call("kinerja.skp", "action_submit", [skp["id"]])
    waiting = kasi.call("kinerja.skp", "search", [["state", "=", "submitted"], ["evaluator_user_id", "=", kasi.uid]])
    assert skp["id"] in waiting

    # nobody but the evaluator approves, and the state cannot be written directly
    with pytest.raises(RpcError) as own:
        maya.call("kinerja.skp", "action_approve", [skp["id"]])
    assert "AccessError" in own.value.name
    with pytest.raises(RpcError):
        colleague.call("kinerja.skp", "action_approve", [skp["id"]])
    with pytest.raises(RpcError):
        maya.call("kinerja.skp", "write", [skp["id"]], {"state": "approved"})
    assert _skp_of(maya, "epidemiolog.maya")["state"] == "submitted"

    kasi.call("kinerja.skp", "action_approve", [skp["id"]])
    approved = _skp_of(maya, "epidemiolog.maya")
    assert approved["state"] == "approved"
    assert approved["employee_nip"], "the identity snapshot is frozen at approval"
    waiting = kasi.call("kinerja.skp", "search", [["state", "=", "submitted"], ["evaluator_user_id", "=", kasi.uid]])
    assert skp["id"] not in waiting

    # approved results are locked
    with pytest.raises(RpcError) as locked:
        maya.call("kinerja.skp.result", "write", approved["result_ids"], {"name": "Diubah"})
    assert "UserError" in locked.value.name


def test_return_needs_a_reason(login):
    fadli = login("perawat.fadli")
    kasi = login("kasi.imunisasi")
    skp = _skp_of(fadli, "perawat.fadli")
    assert skp["state"] == "submitted", "the demo SKP waits for its evaluator"
    with pytest.raises(RpcError) as refused:
        kasi.call("kinerja.skp", "action_return", [skp["id"]], context={"lang": "id_ID"})
    assert "alasan" in refused.value.message.lower()
    assert _skp_of(fadli, "perawat.fadli")["state"] == "submitted"
    kasi.call("kinerja.skp", "action_return", [skp["id"]], reason="Tambahkan indikator waktu")
    [returned] = fadli.call("kinerja.skp", "read", [skp["id"]], ["state", "return_reason"])
    assert returned == {"id": skp["id"], "state": "draft", "return_reason": "Tambahkan indikator waktu"}


def test_second_skp_is_refused_and_nothing_is_created(login):
    fadli = login("perawat.fadli")
    skp = _skp_of(fadli, "perawat.fadli")
    [year] = fadli.call("kinerja.skp", "read", [skp["id"]], ["period_id"])
    before = fadli.call("kinerja.skp", "search_count", [])
    with pytest.raises(RpcError) as refused:
        fadli.call("kinerja.skp", "create", {"period_id": year["period_id"][0]})
    assert refused.value.name.endswith("ValidationError")
    assert fadli.call("kinerja.skp", "search_count", []) == before


def test_agencies_do_not_see_each_other(login):
    andir = login("kadisdik.andir")
    pariaman = login("kadinkes.pariaman")
    pariaman_ids = pariaman.call("kinerja.skp", "search", [])
    assert pariaman_ids
    assert not set(andir.call("kinerja.skp", "search", [])) & set(pariaman_ids)
    with pytest.raises(RpcError):
        andir.call("kinerja.skp", "read", pariaman_ids[:1], ["name"])


def test_head_sees_the_cascade_below_him(login):
    head = login("kadinkes.pariaman")
    names = {r["employee_id"][1] for r in head.call("kinerja.skp.result", "search_read", [], ["employee_id"])}
    assert {"Siti Rahmawati, S.KM", "Ahmad Fadli, A.Md.Kep"} <= names
    staff = login("perawat.fadli")
    own = {r["employee_id"][1] for r in staff.call("kinerja.skp", "search_read", [], ["employee_id"])}
    assert own == {"Ahmad Fadli, A.Md.Kep"}


def test_demo_plans_cascade_from_pariaman_sehat(admin):
    [program] = admin.call(
        "kinerja.goal", "search_read", [["name", "=", "Pariaman Sehat"]], ["target_ids", "child_ids"]
    )
    assert len(program["target_ids"]) == 3 and len(program["child_ids"]) == 3
    states = {
        s["state"]
        for s in admin.call(
            "kinerja.skp",
            "search_read",
            [],
            ["state"],
            context={"allowed_company_ids": [c["id"] for c in admin.call("res.company", "search_read", [], ["id"])]},
        )
    }
    assert {"draft", "submitted", "approved", "cancelled"} <= states
    # the head of office's result is carried by the results below him, down to the vaccinator
    [head_result] = admin.call(
        "kinerja.skp.result", "search_read", [["goal_id", "=", program["id"]]], ["supporting_result_ids"]
    )
    below = admin.call("kinerja.skp.result", "search_count", [["id", "child_of", head_result["id"]]])
    assert below >= 4
