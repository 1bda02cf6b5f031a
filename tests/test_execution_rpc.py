"""Execution over JSON-RPC, as the demo users: the month's realisation with evidence, its
review by the evaluator, feedback, and who may see what."""

import base64

import pytest
from conftest import RpcError


def _open_month(client):
    """'Report Realisation': the entry grid of the current month, one draft line per indicator."""
    [skp] = client.call(
        "kinerja.skp", "search_read", [["user_id", "=", client.uid], ["state", "=", "approved"]], ["id"]
    )
    action = client.call("kinerja.skp", "action_report_realization", [skp["id"]])
    return skp["id"], client.call(
        "kinerja.realization", "search_read", action["domain"], ["skp_indicator_id", "period_id", "state", "value"]
    )


def _upload(client, name, content):
    return client.call(
        "ir.attachment",
        "create",
        {"name": name, "datas": base64.b64encode(content).decode(), "res_model": "kinerja.realization", "res_id": 0},
    )


def test_employee_reports_with_evidence_and_evaluator_accepts(login):
    kasi = login("kasi.imunisasi")
    kabid = login("kabid.p2p")
    skp_id, lines = _open_month(kasi)
    assert len(lines) == 2, "one line per indicator of the SKP"
    assert {line["state"] for line in lines} == {"draft"}
    line = next(line for line in lines if "anak" in line["skp_indicator_id"][1].lower())
    [before] = kasi.call("kinerja.skp.indicator", "read", [line["skp_indicator_id"][0]], ["realized_value"])

    evidence = _upload(kasi, "register_imunisasi.pdf", b"%PDF-1.4 register")
    kasi.call(
        "kinerja.realization",
        "write",
        [line["id"]],
        {"value": 95, "note": "Sweeping di 4 posyandu", "attachment_ids": [(4, evidence)]},
    )
    kasi.call("kinerja.realization", "action_submit", [line["id"]])

    # the evaluator finds it waiting, with one activity on the SKP whatever the number of reports
    waiting = kabid.call(
        "kinerja.realization", "search", [["evaluator_user_id", "=", kabid.uid], ["state", "=", "submitted"]]
    )
    assert line["id"] in waiting
    activities = kabid.call(
        "mail.activity", "search_read", [["res_model", "=", "kinerja.skp"], ["res_id", "=", skp_id]], ["user_id"]
    )
    assert [a["user_id"][0] for a in activities] == [kabid.uid]

    # nobody else accepts it, and the state cannot be written directly
    with pytest.raises(RpcError) as own:
        kasi.call("kinerja.realization", "action_accept", [line["id"]])
    assert "AccessError" in own.value.name
    with pytest.raises(RpcError):
        kasi.call("kinerja.realization", "write", [line["id"]], {"state": "accepted"})

    kabid.call("kinerja.realization", "action_accept", [line["id"], *waiting])
    [report] = kasi.call("kinerja.realization", "read", [line["id"]], ["state", "reviewed_by_id", "evidence_count"])
    assert report["state"] == "accepted"
    assert report["reviewed_by_id"][0] == kabid.uid
    assert report["evidence_count"] == 1
    [after] = kasi.call(
        "kinerja.skp.indicator", "read", [line["skp_indicator_id"][0]], ["realized_value", "achievement"]
    )
    assert after["realized_value"] > before["realized_value"]
    assert after["realized_value"] >= 95

    # accepted is final
    with pytest.raises(RpcError) as locked:
        kasi.call("kinerja.realization", "write", [line["id"]], {"value": 1})
    assert "UserError" in locked.value.name


def test_who_sees_the_report_and_its_evidence(login):
    kasi = login("kasi.imunisasi")
    reports = kasi.call(
        "kinerja.realization", "search_read", [["user_id", "=", kasi.uid]], ["attachment_ids"], limit=50
    )
    with_file = next(r for r in reports if r["attachment_ids"])
    attachment = with_file["attachment_ids"][0]
    # his supervisors up the chain read it
    for supervisor in ("kabid.p2p", "kadinkes.pariaman"):
        client = login(supervisor)
        assert client.call("kinerja.realization", "search", [["id", "=", with_file["id"]]]) == [with_file["id"]]
        assert client.call("ir.attachment", "read", [attachment], ["name"])[0]["name"] == "register_imunisasi.pdf"
    # a colleague, a subordinate and another agency do not
    for other in ("perawat.fadli", "epidemiolog.maya", "bkpsdm.andir"):
        client = login(other)
        assert client.call("kinerja.realization", "search", [["id", "=", with_file["id"]]]) == []
        with pytest.raises(RpcError):
            client.call("ir.attachment", "read", [attachment], ["datas"])


def test_bad_reports_are_refused(login):
    kasi = login("kasi.imunisasi")
    kabid = login("kabid.p2p")
    _skp_id, lines = _open_month(kasi)
    line = next(line for line in lines if line["state"] == "draft")
    # a second report for the same indicator and month
    with pytest.raises(RpcError) as twice:
        kasi.call(
            "kinerja.realization",
            "create",
            {"skp_indicator_id": line["skp_indicator_id"][0], "period_id": line["period_id"][0], "value": 1},
        )
    assert "ValidationError" in twice.value.name
    # a negative value
    with pytest.raises(RpcError) as negative:
        kasi.call("kinerja.realization", "write", [line["id"]], {"value": -5})
    assert "ValidationError" in negative.value.name
    # a forbidden file type
    exe = _upload(kasi, "program.exe", b"MZ")
    with pytest.raises(RpcError) as bad_file:
        kasi.call("kinerja.realization", "write", [line["id"]], {"attachment_ids": [(4, exe)]})
    assert "ValidationError" in bad_file.value.name
    [unchanged] = kasi.call("kinerja.realization", "read", [line["id"]], ["value", "attachment_ids", "state"])
    assert unchanged["value"] != -5 and exe not in unchanged["attachment_ids"]
    # rejecting without feedback
    kasi.call("kinerja.realization", "write", [line["id"]], {"value": 0.9})
    kasi.call("kinerja.realization", "action_submit", [line["id"]])
    with pytest.raises(RpcError) as no_feedback:
        kabid.call("kinerja.realization", "action_reject", [line["id"]])
    assert "UserError" in no_feedback.value.name
    kabid.call("kinerja.realization", "action_reject", [line["id"]], feedback="Bukti dukung belum dilampirkan")
    [rejected] = kasi.call("kinerja.realization", "read", [line["id"]], ["state", "feedback"])
    assert rejected == {"id": line["id"], "state": "rejected", "feedback": "Bukti dukung belum dilampirkan"}


def test_feedback_reaches_the_employee_only(login):
    kabid = login("kabid.p2p")
    kasi = login("kasi.imunisasi")
    [skp] = kasi.call(
        "kinerja.skp", "search_read", [["user_id", "=", kasi.uid], ["state", "=", "approved"]], ["result_ids"]
    )
    feedback = kabid.call(
        "kinerja.feedback",
        "create",
        {
            "skp_id": skp["id"],
            "result_id": skp["result_ids"][0],
            "feedback_type": "improvement",
            "text": "Percepat entri data",
        },
    )
    assert kasi.call("kinerja.feedback", "read", [feedback], ["text"])[0]["text"] == "Percepat entri data"
    assert login("perawat.fadli").call("kinerja.feedback", "search", [["id", "=", feedback]]) == []
    with pytest.raises(RpcError):
        login("perawat.fadli").call(
            "kinerja.feedback", "create", {"skp_id": skp["id"], "result_id": skp["result_ids"][0], "text": "x"}
        )
