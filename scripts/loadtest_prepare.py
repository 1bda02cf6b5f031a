"""What the load test's simulated browsers need to know about the generated government
(written as JSON for scripts/loadtest_locust.py): the logins of ``make bench``'s load-test
users, the ids of the actions and views they open, and the field specifications that the web
client derives from those views (``web_search_read``/``web_read``/``web_save``), computed
here from the views as each kind of user receives them.

Run by scripts/loadtest.py on the copy of the benchmark database.
"""

import argparse
import json
import os
import sys

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import _view_spec


def aggregates(env, model, spec):
    """The ``field:aggregator`` list the list view asks for when it is grouped."""
    fields = env[model]._fields
    return [
        f"{name}:{fields[name].aggregator}"
        for name in spec
        if name in fields and fields[name].aggregator and fields[name].store and name != "id"
    ]


def user_env(env, login):
    user = env["res.users"].search([("login", "=", login)])
    assert user, f"no user {login}: generate the government with `make bench` (LOAD_USERS > 0)"
    context = dict(user.with_user(user).context_get(), allowed_company_ids=user.company_ids.ids[:1])
    return api.Environment(env.cr, user.id, context)


def plan(env):
    info = json.loads(env["ir.config_parameter"].get_param("kinerja_asn.bench_info") or "{}")
    load = info.get("load")
    if not load:
        raise SystemExit("the benchmark database has no load-test users: run `make bench` again (LOAD_USERS > 0)")
    ref = env.ref
    employee = user_env(env, load["employees"][0])
    supervisor = user_env(env, load["supervisors"][0])
    officer = user_env(env, load["officers"][0])
    entry_view = ref("kinerja_asn.kinerja_realization_view_list_entry").id
    review_view = ref("kinerja_asn.kinerja_realization_view_list").id
    approve_view = ref("kinerja_asn.kinerja_skp_view_list_to_approve").id
    indicator_spec = _view_spec(employee, "kinerja.skp.indicator", "list")
    kanban_view = ref("hr.hr_department_view_kanban").id
    return {
        "n": info["n"],
        "database": env.cr.dbname,
        "password": load["password"],
        "employees": load["employees"],
        "supervisors": load["supervisors"],
        "officers": load["officers"],
        "month_id": load["month_id"],
        "year_id": load["year_id"],
        "departments": env["hr.department"].search([("parent_id", "!=", False)]).ids,
        "data_dir": config["data_dir"],
        "actions": {
            "my_performance": ref("kinerja_asn.kinerja_skp_indicator_action_my").id,
            "report_now": ref("kinerja_asn.kinerja_realization_action_report_now").id,
            "my_realisation": ref("kinerja_asn.kinerja_realization_action_my").id,
            "review": ref("kinerja_asn.kinerja_realization_action_review").id,
            "to_approve": ref("kinerja_asn.kinerja_skp_action_to_approve").id,
            "overview": ref("kinerja_asn.hr_department_action_kinerja_overview").id,
            "recap": ref("kinerja_asn.kinerja_recap_wizard_action").id,
        },
        "views": {
            "indicator_search": ref("kinerja_asn.kinerja_skp_indicator_view_search").id,
            "realization_search": ref("kinerja_asn.kinerja_realization_view_search").id,
            "entry_list": entry_view,
            "review_list": review_view,
            "approve_list": approve_view,
            "department_kanban": kanban_view,
            "department_search": ref("hr.view_department_filter").id,
        },
        "specs": {
            "indicator_list": indicator_spec,
            "indicator_aggregates": aggregates(employee, "kinerja.skp.indicator", indicator_spec),
            "entry_list": _view_spec(employee, "kinerja.realization", "list", entry_view),
            "realization_form": _view_spec(employee, "kinerja.realization", "form"),
            "my_realisation_list": _view_spec(employee, "kinerja.realization", "list"),
            "review_list": _view_spec(supervisor, "kinerja.realization", "list", review_view),
            "reject_wizard_form": _view_spec(supervisor, "kinerja.realization.reject.wizard", "form"),
            "approve_list": _view_spec(supervisor, "kinerja.skp", "list", approve_view),
            "department_kanban": _view_spec(officer, "hr.department", "kanban", kanban_view),
            "recap_form": _view_spec(officer, "kinerja.recap.wizard", "form"),
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    config.parse_config(["-d", args.database, "--addons-path", args.addons_path, "--log-level", "warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        result = plan(api.Environment(cr, SUPERUSER_ID, {}))
        cr.rollback()
    with open(args.output, "w") as handle:
        json.dump(result, handle, indent=1)
    print(
        f"    {len(result['employees'])} employees, {len(result['supervisors'])} supervisors, "
        f"{len(result['officers'])} officers with logins"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
