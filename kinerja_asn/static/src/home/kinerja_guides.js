import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";

// The guided first steps the home offers (its Guide button), one per role, started from the
// home in Odoo's interactive tour mode: each step points at one thing and waits for the click.
// Short on purpose: the home itself says what to do next.
const tours = registry.category("web_tour.tours");
const BACK = ".o_breadcrumb .o_back_button:visible";

function backHome(content) {
    return { trigger: BACK, content, tooltipPosition: "bottom", run: "click" };
}

tours.add("kinerja_asn_guide_employee", {
    steps: () => [
        {
            trigger: ".o_kinerja_home_card[data-card='skp'] .o_kinerja_open_skp",
            content: _t("Everything starts with your SKP, your plan for the year: open it here, or create it."),
            tooltipPosition: "bottom",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_notebook .nav-link[name='results']",
            content: _t(
                "Add your work results (RHK) here, each with its indicators and targets, and link each one to the result of your evaluator it supports."
            ),
            tooltipPosition: "bottom",
            run: "click",
        },
        backHome(
            _t(
                "When your plan is complete, click Submit at the top: your evaluator approves it, or returns it with the reason. Now back to your home."
            )
        ),
        {
            trigger: ".o_kinerja_home_card[data-card='report']",
            content: _t(
                "Once your SKP is approved, you report here each period what you achieved, with its evidence, before the deadline shown."
            ),
            tooltipPosition: "top",
            run: "click",
        },
    ],
});

tours.add("kinerja_asn_guide_supervisor", {
    steps: () => [
        {
            trigger: ".o_kinerja_home_counter[data-key='to_approve']",
            content: _t("The SKPs of your team that wait for your approval: open them."),
            tooltipPosition: "bottom",
            run: "click",
        },
        backHome(
            _t(
                "Select several and click Approve, or open one and Return it with a reason the employee reads. Back to your home."
            )
        ),
        {
            trigger: ".o_kinerja_home_counter[data-key='to_review']",
            content: _t("The realisation reports of your team that wait for your review."),
            tooltipPosition: "bottom",
            run: "click",
        },
        backHome(
            _t(
                "Accept them in bulk, or reject one with feedback saying what to fix: accepted reports count in the achievement. Back to your home."
            )
        ),
        {
            trigger: ".o_kinerja_team_button",
            content: _t(
                "Your team: who has an approved SKP, achievement and missing reports. Below it, each person's reports period by period: click a square to open them."
            ),
            tooltipPosition: "bottom",
            run: "click",
        },
    ],
});

tours.add("kinerja_asn_guide_officer", {
    steps: () => [
        {
            trigger: ".o_kinerja_setup_item[data-key='year']",
            content: _t(
                "Each year starts with its period: create the year, then click Generate Sub-periods in its form (months, quarters or semesters, as set in Settings)."
            ),
            tooltipPosition: "bottom",
            run: "click",
        },
        backHome(_t("The daily job opens and closes the periods by their dates. Back to your home.")),
        {
            trigger: ".o_kinerja_setup_item[data-key='indicators']",
            content: _t(
                "The indicator library, from which the employees pick their indicators: import it from a spreadsheet with Import records."
            ),
            tooltipPosition: "bottom",
            run: "click",
        },
        backHome(_t("Back to your home for the SKPs.")),
        {
            trigger: ".o_kinerja_setup_item[data-key='skps']",
            content: _t("Create the draft SKPs of whole work units at once; each employee then completes his own."),
            tooltipPosition: "bottom",
            run: "click",
        },
        {
            trigger: ".modal .modal-footer button.btn-secondary",
            content: _t("Choose the work units and the year, then Create. Close it for now."),
            tooltipPosition: "top",
            run: "click",
        },
    ],
});
