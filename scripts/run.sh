#!/usr/bin/env bash
# Start Odoo with kinerja_asn and its demo data on http://localhost:$PORT (database $DB).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DB=${DB:-kinerja_demo}
PORT=${PORT:-8069}

installed=$(psql -d "$DB" -Atc "select state from ir_module_module where name='kinerja_asn'" 2>/dev/null || true)
if [ "$installed" != "installed" ]; then
    echo "==> Creating database $DB with kinerja_asn, its demo data and Indonesian (a few minutes)"
    dropdb --if-exists "$DB"
    "${ODOO_BIN[@]}" -d "$DB" -i kinerja_asn --load-language=id_ID --stop-after-init \
        --log-level=warn --logfile="$VAR/install-$DB.log" \
        || { echo "Installation failed: see $VAR/install-$DB.log" >&2; exit 1; }
else
    echo "==> Database $DB is ready (drop it with 'dropdb $DB' to start again)"
fi

cat <<MSG

  Kinerja ASN runs on http://localhost:$PORT  (database $DB)

  Demo logins (password = login):
    admin              Administrator of both governments (password: admin)
MSG
psql -d "$DB" -Atc "
    select rpad(u.login, 19) || e.name || ' - ' || coalesce(e.job_title, '') ||
           case when g.uid is not null then '  [officer]' else '' end || '  (' || c.name || ')'
      from res_users u
      join hr_employee e on e.user_id = u.id
      join res_company c on c.id = e.company_id
      left join (select gu.uid from res_groups_users_rel gu
                   join ir_model_data d on d.res_id = gu.gid and d.model = 'res.groups'
                  where d.module = 'kinerja_asn' and d.name = 'group_kinerja_officer') g on g.uid = u.id
     where u.login not in ('admin', 'demo')
     order by c.name, e.parent_id nulls first, u.login" | sed 's/^/    /'
echo
echo "  Stop with Ctrl+C."
exec "${ODOO_BIN[@]}" -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" --log-level=warn
