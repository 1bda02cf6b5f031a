"""The demo's approved TPP sheets seen by their officers: everyone with an approved SKP has his
month signed and is paid its predicate's percentage; the SKPs behind them were moved through
the workflow by the people who make each move."""


def _approved_sheet(officer):
    [sheet] = officer.call("kinerja.tpp.sheet", "search_read", [["state", "=", "approved"]], ["date_from", "date_to"])
    return sheet


def _lines(officer, sheet):
    return officer.call(
        "kinerja.tpp.sheet.line",
        "search_read",
        [["sheet_id", "=", sheet["id"]]],
        ["employee_id", "evaluation_id", "performance_percent", "performance_note"],
    )


# who has no approved SKP in the demo: the SKPs the planning screens show, and the officers
# (no manager in the demo); the other tests may approve some of those SKPs since, the frozen
# sheets keep them unsigned
UNSIGNED = {
    "bkpsdm.pariaman": {
        "Ahmad Fadli, A.Md.Kep",
        "Desi Ramadhani, S.ST",
        "Irwan Syahputra, S.Sos",
        "Maya Sari, S.KM",
        "Yoga Permana, A.Md",
    },
    "bkpsdm.andir": {"Dedi Kurniawan, M.Pd", "Sri Wahyuni, S.Pd, M.Pd", "Yanti Kusmiati, S.Sos"},
}


def test_approved_sheets_pay_the_signed_predicates(login):
    for officer_login, unsigned in UNSIGNED.items():
        officer = login(officer_login)
        lines = _lines(officer, _approved_sheet(officer))
        for line in lines:
            if line["evaluation_id"]:
                assert line["performance_percent"] > 0, line
            else:
                assert line["performance_percent"] == 0 and line["performance_note"], line
        assert {line["employee_id"][1] for line in lines if not line["evaluation_id"]} == unsigned
        assert len(lines) - len(unsigned) >= 10, "most of the agency has a signed predicate"


def test_signed_demo_months_vary_and_pariaman_pays_one_at_80_percent(login):
    officer = login("bkpsdm.pariaman")
    sheet = _approved_sheet(officer)
    lines = _lines(officer, sheet)
    evaluations = officer.call(
        "kinerja.evaluation",
        "read",
        [line["evaluation_id"][0] for line in lines if line["evaluation_id"]],
        ["predicate", "done_by_id", "evaluator_user_id", "evaluator_id"],
    )
    predicates = [evaluation["predicate"] for evaluation in evaluations]
    assert predicates.count("needs_improvement") == 1
    assert predicates.count("very_good") >= 2
    assert predicates.count("good") > len(predicates) / 2, "mostly Baik"
    assert sorted({line["performance_percent"] for line in lines}) == [0, 80, 100]
    for evaluation in evaluations:
        if evaluation["evaluator_user_id"]:
            # signed by the evaluator: the holder of the position, or the acting official who
            # evaluates for him now (the demo's Plh took over after the month was signed)
            signers = {evaluation["evaluator_user_id"][0]}
            signers.update(
                officer.call("res.users", "search", [["employee_ids", "in", [evaluation["evaluator_id"][0]]]])
            )
            assert evaluation["done_by_id"][0] in signers, "signed by the evaluator"


def test_demo_skps_approved_by_their_evaluators(login):
    """The secretary's SKP was submitted by the officer (he has no login) and approved by the
    head of office; analis.fitri submitted hers and kabid.sd approved it."""
    for officer_login, name, approver in (
        ("bkpsdm.pariaman", "Hendra Saputra, S.KM", "kadinkes.pariaman"),
        ("bkpsdm.andir", "Fitri Handayani, S.Pd", "kabid.sd"),
    ):
        officer = login(officer_login)
        [skp] = officer.call(
            "kinerja.skp",
            "search_read",
            [["employee_id.name", "=", name], ["state", "=", "approved"]],
            ["approved_by_id", "verification_code", "result_ids"],
        )
        assert skp["approved_by_id"][0] == login(approver).uid
        assert skp["verification_code"] and skp["result_ids"]
        reports = officer.call(
            "kinerja.realization", "search_read", [["skp_id", "=", skp["id"]]], ["state", "reviewed_by_id"]
        )
        assert reports and {report["state"] for report in reports} == {"accepted"}
