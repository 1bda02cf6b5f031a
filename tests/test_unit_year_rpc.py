"""A unit's year over JSON-RPC, from the SKPs to the penetapan (issue 15): a transfer on 1 July,
an objection, credit points counted once and pro rata, the distribution of predicates and the
determination that closes the unit's year.

The suite shares one database, so the test builds its own unit and people in a year that has
ended (2025), as the administrator and the officer of Pariaman; the rest is done by each user.
Expected figures are computed by hand from DOMAIN.md: points = predicate % x the level's annual
coefficient x months held / 12 (Ahli Pertama 12.5, Ahli Muda 25, Terampil 5; Sangat Baik 150 %,
Baik 100 %, Kurang 50 %); a unit rated Baik allows at most 70 % Baik (5 people: 3, rounded down)
and needs at least one Butuh Perbaikan or Kurang.
"""

import pytest
from conftest import RpcError

YEAR = 2025


def _new_user(admin, company_id, login, name):
    return admin.call(
        "res.users",
        "create",
        {
            "name": name,
            "login": login,
            "password": login,
            "email": f"{login}@pariamankota.go.id",
            "company_id": company_id,
            "company_ids": [(6, 0, [company_id])],
        },
    )


def _new_employee(admin, company_id, login, name, nip, **values):
    user_id = _new_user(admin, company_id, login, name)
    employee_id = admin.call(
        "hr.employee",
        "create",
        {"name": name, "nip": nip, "user_id": user_id, "company_id": company_id, **values},
    )
    return employee_id


def _skp(client, employee_id, year_id, *, parent_result_id=None, goal_id=None, skp_id=None):
    """The employee drafts (or completes) his SKP: one main result with one indicator, linked to
    his evaluator's result (or, for a unit head, to the organisation goal), and submits it."""
    if not skp_id:
        skp_id = client.call("kinerja.skp", "create", {"employee_id": employee_id, "period_id": year_id})
    result = {"skp_id": skp_id, "name": "Laporan kegiatan bidang tersusun", "result_type": "main"}
    if parent_result_id:
        result["parent_result_id"] = parent_result_id
    if goal_id:
        result["goal_id"] = goal_id
    result_id = client.call("kinerja.skp.result", "create", result)
    client.call(
        "kinerja.skp.indicator",
        "create",
        {"result_id": result_id, "name": "Jumlah laporan", "target_value": 12, "unit_label": "laporan"},
    )
    client.call("kinerja.skp", "action_submit", [skp_id])
    return skp_id, result_id


def _approve(client, skp_id):
    client.call("kinerja.skp", "action_approve", [skp_id])
    [skp] = client.call("kinerja.skp", "read", [skp_id], ["state"])
    assert skp["state"] == "approved"


def _evaluation(client, skp_id, period_id, evaluation_type="periodic", **ratings):
    """The evaluator opens the evaluation of the SKP for the period and rates it."""
    evaluation_id = client.call(
        "kinerja.evaluation",
        "create",
        {"skp_id": skp_id, "period_id": period_id, "evaluation_type": evaluation_type},
    )
    client.call("kinerja.evaluation", "write", [evaluation_id], {**ratings, "override_reason": "Sesuai bukti kinerja"})
    return evaluation_id


def _read(client, evaluation_id, *fields):
    [row] = client.call("kinerja.evaluation", "read", [evaluation_id], list(fields))
    return row


def test_unit_year_transfer_objection_penetapan(admin, login):
    officer = login("bkpsdm.pariaman")
    [me] = officer.call("res.users", "read", [officer.uid], ["company_id"])
    company = me["company_id"][0]

    # ---- set-up: the year 2025, a unit under an office, its people ------------------------
    year = officer.call(
        "kinerja.period",
        "create",
        {
            "name": f"Tahun Uji {YEAR}",
            "period_type": "year",
            "date_start": f"{YEAR}-01-01",
            "date_end": f"{YEAR}-12-31",
            "company_id": company,
        },
    )
    officer.call("kinerja.period", "action_generate_subperiods", [year])
    months = officer.call(
        "kinerja.period", "search_read", [["parent_id", "=", year]], ["date_start", "date_end"], order="date_start"
    )
    assert len(months) == 12, "Pariaman evaluates monthly"
    officer.call("kinerja.period", "action_open", [year])
    officer.call("kinerja.period", "action_open", [m["id"] for m in months])
    january = months[0]["id"]

    top = _new_employee(admin, company, "uji.kadis", "Kadis Uji", "197001012000031001", position_type="administrator")
    office = admin.call(
        "hr.department", "create", {"name": "Dinas Uji Tahunan", "manager_id": top, "company_id": company}
    )
    admin.call("hr.employee", "write", [top], {"department_id": office, "parent_id": False})
    head = _new_employee(
        admin,
        company,
        "uji.kabid",
        "Kabid Uji",
        "197502022001121002",
        position_type="administrator",
        parent_id=top,
    )
    unit = admin.call(
        "hr.department",
        "create",
        {"name": "Bidang Uji Tahunan", "manager_id": head, "parent_id": office, "company_id": company},
    )
    admin.call("hr.employee", "write", [head], {"department_id": unit, "parent_id": top})
    staff = {
        # login: (name, NIP, level)
        "uji.andi": ("Andi Pindah", "199001012015031003", "ahli_pertama"),
        "uji.budi": ("Budi Muda", "198805052012121004", "ahli_muda"),
        "uji.citra": ("Citra Terampil", "199203032018032005", "terampil"),
        "uji.dewi": ("Dewi Keberatan", "199404042019032006", "ahli_pertama"),
    }
    people = {
        key: _new_employee(
            admin,
            company,
            key,
            name,
            nip,
            position_type="functional",
            functional_level=level,
            department_id=unit,
            parent_id=head,
        )
        for key, (name, nip, level) in staff.items()
    }
    goal = officer.call(
        "kinerja.goal",
        "create",
        {"name": "Meningkatnya kualitas layanan uji", "department_id": unit, "period_id": year, "company_id": company},
    )

    # ---- planning: the head links to the goal, his staff to his result ----------------------
    kadis, kabid = login("uji.kadis"), login("uji.kabid")
    head_skp, head_result = _skp(kabid, head, year, goal_id=goal)
    _approve(kadis, head_skp)
    skps = {}
    for key, employee in people.items():
        skps[key], _result = _skp(login(key), employee, year, parent_result_id=head_result)
        _approve(kabid, skps[key])

    # ---- a new position for Andi from 1 July: his first SKP ends on 30 June ------------------
    wizard = officer.call(
        "kinerja.skp.transfer.wizard",
        "create",
        {"skp_id": skps["uji.andi"], "date": f"{YEAR}-07-01", "department_id": unit},
        context={"active_id": skps["uji.andi"], "active_ids": [skps["uji.andi"]]},
    )
    action = officer.call("kinerja.skp.transfer.wizard", "action_confirm", [wizard])
    andi_second = action["res_id"]
    [first, second] = officer.call(
        "kinerja.skp", "read", [skps["uji.andi"], andi_second], ["state", "date_start", "date_end", "evaluator_id"]
    )
    assert (first["state"], first["date_end"]) == ("approved", f"{YEAR}-06-30"), "the first SKP keeps its approval"
    assert (second["state"], second["date_start"], second["date_end"]) == (
        "draft",
        f"{YEAR}-07-01",
        f"{YEAR}-12-31",
    )
    assert second["evaluator_id"][0] == head
    _skp(login("uji.andi"), people["uji.andi"], year, parent_result_id=head_result, skp_id=andi_second)
    _approve(kabid, andi_second)

    # ---- a periodic evaluation of January: its points count until the annual conversion -----
    andi_january = _evaluation(kabid, skps["uji.andi"], january, result_rating="meets", behavior_rating="meets")
    assert kabid.call("kinerja.evaluation", "action_done", [andi_january]) is True
    row = _read(kabid, andi_january, "predicate", "credit_points", "credit_points_counted")
    assert row["predicate"] == "good"
    assert row["credit_points"] == pytest.approx(12.5 / 12, abs=0.001)
    assert row["credit_points_counted"] == pytest.approx(12.5 / 12, abs=0.001)

    # ---- the organisation rating: set by the leadership above, never by the unit's head -----
    org = {"department_id": unit, "period_id": year, "rating": "good"}
    with pytest.raises(RpcError) as own:
        kabid.call("kinerja.org.rating", "create", org)
    assert "AccessError" in own.value.name
    kadis.call("kinerja.org.rating", "create", org)

    # ---- the annual evaluations, signed by the evaluators -----------------------------------
    head_eval = kadis.call(
        "kinerja.evaluation", "create", {"skp_id": head_skp, "period_id": year, "evaluation_type": "annual"}
    )
    assert _read(kadis, head_eval, "result_rating")["result_rating"] == "meets", "Baik unit: Sesuai Ekspektasi"
    with pytest.raises(RpcError) as fixed:
        kadis.call("kinerja.evaluation", "write", [head_eval], {"result_rating": "above"})
    assert "UserError" in fixed.value.name, "the head's work-result rating is his unit's, not a suggestion"
    kadis.call("kinerja.evaluation", "write", [head_eval], {"behavior_rating": "meets"})
    ratings = {
        "andi1": (skps["uji.andi"], "meets", "meets"),
        "andi2": (andi_second, "meets", "meets"),
        "budi": (skps["uji.budi"], "meets", "meets"),
        "citra": (skps["uji.citra"], "meets", "below"),
        "dewi": (skps["uji.dewi"], "meets", "meets"),
    }
    annual = {
        key: _evaluation(kabid, skp_id, year, "annual", result_rating=result, behavior_rating=behavior)
        for key, (skp_id, result, behavior) in ratings.items()
    }
    annual["head"] = head_eval
    assert kadis.call("kinerja.evaluation", "action_done", [head_eval]) is True
    for key in ("andi1", "andi2", "budi", "citra"):
        assert kabid.call("kinerja.evaluation", "action_done", [annual[key]]) is True, key
    # Dewi would be the fourth Baik of five people (at most 3): a warning to confirm
    warned = kabid.call("kinerja.evaluation", "action_done", [annual["dewi"]])
    assert isinstance(warned, dict) and warned["res_model"] == "kinerja.evaluation.sign.wizard"
    assert _read(kabid, annual["dewi"], "state")["state"] == "draft"
    assert kabid.call("kinerja.evaluation", "action_done", [annual["dewi"]], force=True) is True

    expected = {
        # key: (predicate, credit months, credit points)
        "andi1": ("good", 6.0, 6.25),
        "andi2": ("good", 6.0, 6.25),
        "budi": ("good", 12.0, 25.0),
        "citra": ("poor", 12.0, 2.5),
        "dewi": ("good", 12.0, 12.5),
    }
    for key, (predicate, credit_months, points) in expected.items():
        row = _read(kabid, annual[key], "state", "predicate", "credit_months", "credit_points", "credit_points_counted")
        assert row["state"] == "done", key
        assert row["predicate"] == predicate, key
        assert row["credit_months"] == pytest.approx(credit_months), key
        assert row["credit_points"] == pytest.approx(points), key
        assert row["credit_points_counted"] == pytest.approx(points), key
    assert _read(kadis, head_eval, "predicate")["predicate"] == "good"
    january_row = _read(kabid, andi_january, "credit_points", "credit_points_counted")
    assert january_row["credit_points"] == pytest.approx(12.5 / 12, abs=0.001), "its own conversion stays"
    assert january_row["credit_points_counted"] == 0.0, "January is the annual conversion's"

    # changing Andi's level after signing leaves the signed points as they were
    admin.call("hr.employee", "write", [people["uji.andi"]], {"functional_level": "ahli_muda"})
    for key in ("andi1", "andi2"):
        row = _read(kabid, annual[key], "credit_functional_level", "credit_coefficient", "credit_points")
        assert (row["credit_functional_level"], row["credit_coefficient"]) == ("ahli_pertama", 12.5), key
        assert row["credit_points"] == pytest.approx(6.25), key

    # ---- the penetapan, drafted by the officer: one line per person, a broken maximum -------
    penetapan = officer.call("kinerja.penetapan", "create", {"department_id": unit, "period_id": year})

    def _lines():
        [header] = officer.call(
            "kinerja.penetapan",
            "read",
            [penetapan],
            ["state", "org_rating", "employee_count", "signed_count", "violation", "line_ids", "rule_line_ids"],
        )
        lines = officer.call(
            "kinerja.penetapan.line", "read", header["line_ids"], ["employee_id", "evaluation_id", "predicate"]
        )
        rules = officer.call(
            "kinerja.penetapan.rule", "read", header["rule_line_ids"], ["predicate", "count", "maximum", "broken"]
        )
        return header, lines, rules

    header, lines, rules = _lines()
    assert (header["org_rating"], header["employee_count"], header["signed_count"]) == ("good", 5, 5)
    assert sorted(line["employee_id"][0] for line in lines) == sorted([head, *people.values()]), "each once"
    andi_line = next(line for line in lines if line["employee_id"][0] == people["uji.andi"])
    assert andi_line["evaluation_id"][0] == annual["andi2"], "the SKP that covers 31 December"
    good = next(rule for rule in rules if rule["predicate"] == "good")
    assert (good["count"], good["maximum"], good["broken"]) == (4, 3, True)
    assert header["violation"]
    # the unit's head may not confirm; the leadership above gets a warning to confirm
    with pytest.raises(RpcError) as head_refused:
        kabid.call("kinerja.penetapan", "action_confirm", [penetapan])
    assert "AccessError" in head_refused.value.name
    warned = kadis.call("kinerja.penetapan", "action_confirm", [penetapan])
    assert isinstance(warned, dict) and warned["res_model"] == "kinerja.penetapan.confirm.wizard"
    assert _lines()[0]["state"] == "draft"

    # ---- Dewi objects; the head's supervisor accepts with revised ratings --------------------
    dewi = login("uji.dewi")
    objection = dewi.call(
        "kinerja.objection", "create", {"evaluation_id": annual["dewi"], "reason": "Laporan Desember belum dinilai"}
    )
    with pytest.raises(RpcError):
        kabid.call("kinerja.objection", "action_accept", [objection], result_rating="above")
    kadis.call(
        "kinerja.objection",
        "action_accept",
        [objection],
        result_rating="above",
        behavior_rating="above",
        reason="Bukti lengkap",
    )
    row = _read(dewi, annual["dewi"], "predicate", "credit_points", "credit_points_counted")
    assert row["predicate"] == "very_good"
    assert row["credit_points"] == pytest.approx(18.75), "Sangat Baik: 150 % of 12.5"

    # ---- the totals: each person once, periodic and annual points of a month never both -----
    groups = officer.call(
        "kinerja.evaluation",
        "read_group",
        [["department_id", "=", unit], ["state", "=", "done"]],
        ["credit_points_counted:sum"],
        ["employee_id"],
        lazy=False,
    )
    totals = {group["employee_id"][0]: group["credit_points_counted"] for group in groups}
    assert totals[people["uji.andi"]] == pytest.approx(12.5), "6.25 + 6.25, not 25 nor 12.5 + 1.042"
    assert totals[people["uji.budi"]] == pytest.approx(25.0)
    assert totals[people["uji.citra"]] == pytest.approx(2.5)
    assert totals[people["uji.dewi"]] == pytest.approx(18.75)
    rows = officer.call(
        "kinerja.evaluation",
        "search_read",
        [["employee_id", "in", list(people.values())], ["state", "=", "done"]],
        ["credit_points_counted"],
    )
    assert sum(r["credit_points_counted"] for r in rows) == pytest.approx(12.5 + 25 + 2.5 + 18.75)

    # ---- the penetapan now keeps the curve and is confirmed by the leadership above ---------
    assert kadis.call("kinerja.penetapan", "action_confirm", [penetapan]) is True
    header, lines, rules = _lines()
    assert header["state"] == "confirmed"
    assert not header["violation"]
    predicates = {line["employee_id"][0]: line["predicate"] for line in lines}
    assert predicates == {
        head: "good",
        people["uji.andi"]: "good",
        people["uji.budi"]: "good",
        people["uji.citra"]: "poor",
        people["uji.dewi"]: "very_good",
    }, "Dewi with the predicate of the objection's decision"
    good = next(rule for rule in rules if rule["predicate"] == "good")
    assert (good["count"], good["broken"]) == (3, False)

    # ---- the unit's year is closed: its evaluations are neither changed nor signed ----------
    with pytest.raises(RpcError) as closed:
        kabid.call("kinerja.evaluation", "write", [annual["budi"]], {"feedback": "Diubah"})
    assert closed.value.name.endswith(("UserError", "AccessError", "ValidationError"))
    # a late-comer's evaluation of the year in the unit is neither changed nor signed
    eko = _new_employee(
        admin,
        company,
        "uji.eko",
        "Eko Terlambat",
        "199505052020031007",
        position_type="functional",
        functional_level="ahli_pertama",
        department_id=unit,
        parent_id=head,
    )
    eko_skp, _result = _skp(login("uji.eko"), eko, year, parent_result_id=head_result)
    _approve(kabid, eko_skp)
    late = kabid.call(
        "kinerja.evaluation",
        "create",
        {"skp_id": eko_skp, "period_id": year, "evaluation_type": "annual"},
    )
    with pytest.raises(RpcError) as not_changed:
        kabid.call("kinerja.evaluation", "write", [late], {"result_rating": "meets", "behavior_rating": "meets"})
    assert "UserError" in not_changed.value.name
    assert "Bidang Uji Tahunan" in not_changed.value.message, "the error names the unit"
    with pytest.raises(RpcError) as not_signed:
        kabid.call("kinerja.evaluation", "action_done", [late], force=True)
    assert "Bidang Uji Tahunan" in not_signed.value.message
    assert _read(kabid, late, "state")["state"] == "draft"
    header, lines, _rules = _lines()
    assert len(lines) == 5, "the confirmed determination keeps its lines"
