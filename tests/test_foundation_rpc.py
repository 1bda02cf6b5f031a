"""The foundation seen from outside: demo users log in over JSON-RPC and see what they may."""

import pytest
from conftest import RpcError


def test_admin_and_demo_users_log_in(admin, login):
    assert admin.uid
    nurse = login("perawat.fadli")
    assert nurse.uid != admin.uid
    [user] = nurse.call("res.users", "read", [nurse.uid], ["lang", "company_id"])
    assert user["lang"] == "id_ID", "demo users work in Indonesian"
    assert user["company_id"][1] == "Pemerintah Kota Pariaman"


def test_demo_data_two_governments(admin):
    companies = admin.call("res.company", "search_read", [], ["name"])
    names = {c["name"] for c in companies}
    assert {"Pemerintah Kota Pariaman", "Pemerintah Kecamatan Andir"} <= names
    employees = admin.call(
        "hr.employee",
        "search_count",
        [["nip", "!=", False]],
        context={"allowed_company_ids": [c["id"] for c in companies]},
    )
    assert employees >= 25
    years = admin.call("kinerja.period", "search_read", [["period_type", "=", "year"]], ["state", "child_ids"])
    assert years and all(len(y["child_ids"]) == 12 for y in years)
    assert any(y["state"] == "open" for y in years)


def test_employee_sees_only_his_agency_indicators(login):
    nurse = login("perawat.fadli")
    codes = {i["code"] for i in nurse.call("kinerja.indicator", "search_read", [], ["code"])}
    assert "KES-01" in codes
    assert not any(code.startswith("DIK-") for code in codes), "Andir's library is invisible in Pariaman"


def test_employee_cannot_create_or_change_indicators(login):
    nurse = login("perawat.fadli")
    with pytest.raises(RpcError) as denied:
        nurse.call("kinerja.indicator", "create", {"name": "Injected", "code": "X-1"})
    assert "AccessError" in denied.value.name
    [indicator] = nurse.call("kinerja.indicator", "search", [["code", "=", "KES-01"]])
    with pytest.raises(RpcError):
        nurse.call("kinerja.indicator", "write", [indicator], {"name": "Changed"})


def test_officer_manages_the_library(login):
    officer = login("bkpsdm.pariaman")
    new_id = officer.call(
        "kinerja.indicator",
        "create",
        {"name": "Jumlah posyandu aktif", "code": "KES-99", "aggregation": "last", "unit_label": "posyandu"},
    )
    [row] = officer.call("kinerja.indicator", "read", [new_id], ["company_id", "display_name"])
    assert row["company_id"][1] == "Pemerintah Kota Pariaman"
    assert row["display_name"] == "[KES-99] Jumlah posyandu aktif"


def test_bad_nip_gets_a_clear_translated_error(admin):
    with pytest.raises(RpcError) as refused:
        admin.call("hr.employee", "create", {"name": "Salah NIP", "nip": "12345"}, context={"lang": "id_ID"})
    assert refused.value.name.endswith("ValidationError")
    assert "18 digit" in refused.value.message
    assert admin.call("hr.employee", "search_count", [["name", "=", "Salah NIP"]]) == 0


def test_interface_speaks_indonesian(login):
    nurse = login("perawat.fadli")
    fields = nurse.call(
        "kinerja.indicator",
        "fields_get",
        ["aspect", "aggregation"],
        attributes=["string", "selection"],
        context={"lang": "id_ID"},
    )
    assert fields["aspect"]["string"] == "Aspek"
    assert dict(fields["aspect"]["selection"])["quantity"] == "Kuantitas"
