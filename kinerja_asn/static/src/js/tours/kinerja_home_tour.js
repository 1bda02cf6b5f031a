import { registry } from "@web/core/registry";

// The home of each role, at desktop and at phone size (the same steps; the Python test sets
// the viewport): every number is clicked through to the records behind it, and back.
const tours = registry.category("web_tour.tours");
const BACK = ".o_breadcrumb .o_back_button:visible";
const RECORDS = ".o_data_row, .o_kanban_record:not(.o_kanban_ghost)";

function back() {
    return [
        { content: "Back to the home", trigger: BACK, run: "click" },
        { content: "The home again", trigger: ".o_kinerja_home .o_kinerja_home_greeting" },
    ];
}

function records(content, count, text) {
    return {
        content,
        trigger: `.o_data_row:contains('${text}'), .o_kanban_record:contains('${text}')`,
        run() {
            const found = document.querySelectorAll(RECORDS).length;
            if (found !== count) {
                throw new Error(`${content}: ${found} records shown, ${count} expected`);
            }
        },
    };
}

function fitsTheScreen() {
    return {
        content: "No horizontal scrolling; the main buttons are big enough to tap",
        trigger: ".o_kinerja_home .o_kinerja_home_greeting",
        run() {
            const page = document.documentElement;
            const content = document.querySelector(".o_action_manager .o_content") || page;
            for (const element of [page, content, document.querySelector(".o_kinerja_home_content")]) {
                if (element.scrollWidth > element.clientWidth + 1) {
                    throw new Error(
                        `${element.className}: ${element.scrollWidth}px wide in ${element.clientWidth}px`
                    );
                }
            }
            for (const button of document.querySelectorAll(
                ".o_kinerja_home_action, .o_kinerja_home_counter, .o_kinerja_home_figure"
            )) {
                const { height, width, right } = button.getBoundingClientRect();
                if (height < 40 || width < 40) {
                    throw new Error(`${button.textContent.trim()}: ${width}x${height}px, too small to tap`);
                }
                if (right > window.innerWidth + 1) {
                    throw new Error(`${button.textContent.trim()}: out of the screen`);
                }
            }
        },
    };
}

function employeeSteps(phone) {
    return [
        {
            content: "The guide is offered the first time",
            trigger: ".o_kinerja_home .o_kinerja_guide_offer .o_kinerja_guide_start",
        },
        {
            content: "Not now",
            trigger: ".o_kinerja_guide_offer .o_kinerja_guide_dismiss",
            run: "click",
        },
        {
            content: "The offer is gone",
            trigger: ".o_kinerja_home:not(:has(.o_kinerja_guide_offer)) .o_kinerja_home_greeting",
        },
        ...(phone ? [fitsTheScreen()] : []),
        {
            content: "My SKP is approved, its next step is to report",
            trigger: ".o_kinerja_home_card[data-card='skp'][data-state='approved'] .o_kinerja_next_step",
        },
        {
            content: "This month: one report waits for review, none is missing",
            trigger: ".o_kinerja_home_card[data-card='report'] [data-figure='missing'] .fs-3:contains('0')",
        },
        {
            content: "Open the report waiting for review",
            trigger: ".o_kinerja_home_card[data-card='report'] [data-figure='submitted']:contains('1')",
            run: "click",
        },
        records("The report waiting for review", 1, "Anak diimunisasi"),
        ...back(),
        {
            content: "One feedback received: open it",
            trigger: ".o_kinerja_home_card[data-card='feedback'] .o_kinerja_home_title:contains('1')",
            run: "click",
        },
        records("The feedback", 1, "Laporan imunisasi rapi"),
        ...back(),
        {
            content: "The coaching note about me",
            trigger: ".o_kinerja_home_card[data-card='coaching'] li:contains('Menyusun bukti dukung') a",
            run: "click",
        },
        {
            content: "The coaching note opens",
            trigger: ".o_form_view .o_field_widget[name='topic']",
        },
        ...back(),
        {
            content: "My last predicate: open the evaluation",
            trigger: ".o_kinerja_home_card[data-card='predicates'] .o_kinerja_predicate[data-predicate='good']",
            run: "click",
        },
        {
            content: "The signed evaluation, with its predicate",
            trigger: ".o_form_view .o_field_widget[name='predicate']",
        },
        ...back(),
        {
            content: "The progress of my indicator, month by month",
            trigger: ".o_kinerja_progress_chart[data-indicator='Anak diimunisasi'] canvas",
        },
        {
            content: "Open the reports behind it",
            trigger: ".o_kinerja_progress_chart[data-indicator='Anak diimunisasi'] .o_kinerja_progress_figure",
            run: "click",
        },
        records("Every report of the indicator", 2, "Anak diimunisasi"),
        ...back(),
        {
            content: "Report this month",
            trigger: ".o_kinerja_home_card[data-card='report'] .o_kinerja_home_action",
            run: "click",
        },
        records("This month's entry grid", 1, "Anak diimunisasi"),
        ...back(),
        {
            content: "Start the guide again with the Guide button",
            trigger: ".o_kinerja_home .o_kinerja_guide_button",
            run: "click",
        },
        {
            content: "The guide points at my SKP",
            trigger: ".o_tour_pointer",
        },
        {
            content: "The guide has started (and Odoo's other onboarding tours stay off)",
            trigger: ".o_kinerja_home[data-guide='employee']",
        },
    ];
}

function supervisorSteps(phone) {
    return [
        ...(phone ? [fitsTheScreen()] : []),
        {
            content: "One SKP waits for my approval",
            trigger: ".o_kinerja_home_counter[data-key='to_approve'] .o_kinerja_count:contains('1')",
            run: "click",
        },
        records("The SKP to approve", 1, "Staf Dua"),
        ...back(),
        {
            content: "One report waits for my review",
            trigger: ".o_kinerja_home_counter[data-key='to_review'] .o_kinerja_count:contains('1')",
            run: "click",
        },
        records("The report to review", 1, "Staf Tur"),
        ...back(),
        {
            content: "My team's grid: January is accepted",
            trigger: ".o_kinerja_team_grid .o_kinerja_cell[data-employee='Staf Tur'][data-state='accepted']",
            run: "click",
        },
        records("January's report", 1, "Anak diimunisasi"),
        ...back(),
        {
            content: "This month is reported, waiting for my review",
            trigger: ".o_kinerja_team_grid .o_kinerja_cell[data-employee='Staf Tur'][data-state='reported']",
        },
        {
            content: "The predicates I signed, against the unit's distribution",
            trigger: ".o_kinerja_team_predicates canvas",
        },
        {
            content: "One Good predicate: open it",
            trigger: ".o_kinerja_team_predicates .o_kinerja_predicate_count[data-predicate='good']:contains('1')",
            run: "click",
        },
        records("The evaluation behind it", 1, "Staf Tur"),
        ...back(),
        {
            content: "The guides of both my roles",
            trigger: ".o_kinerja_home .o_kinerja_guide_button",
            run: "click",
        },
        {
            content: "The supervisor's guide is offered",
            trigger: ".o_kinerja_guide_item[data-guide='supervisor']",
        },
    ];
}

for (const [suffix, phone] of [
    ["", false],
    ["_phone", true],
]) {
    tours.add(`kinerja_asn_home_employee${suffix}`, {
        url: "/odoo/kinerja",
        steps: () => employeeSteps(phone),
    });
    tours.add(`kinerja_asn_home_supervisor${suffix}`, {
        url: "/odoo/kinerja",
        steps: () => supervisorSteps(phone),
    });
}

tours.add("kinerja_asn_home_officer", {
    url: "/odoo/kinerja",
    steps: () => [
        {
            content: "The year is set up",
            trigger: ".o_kinerja_setup_item[data-key='year'][data-done='1']",
        },
        {
            content: "The agency by work unit: the unit's achievement chart",
            trigger: ".o_kinerja_home_agency canvas",
        },
        {
            content: "One SKP to approve in Dinas Tur",
            trigger: ".o_kinerja_unit[data-unit='Dinas Tur'] [data-figure='to_approve']:contains('1')",
            run: "click",
        },
        records("The SKP to approve", 1, "Staf Dua"),
        ...back(),
    ],
});
