import { registry } from "@web/core/registry";

// The monthly TPP sheet (issue 17): the officer computes, checks and submits January; the
// head of agency approves it from his to-do; an employee opens his own line and reads how it
// was computed. The Python test sets up the month (attendance, signed predicates).
const tours = registry.category("web_tour.tours");
const YEAR = 2026;
const MONTH = `TPP January ${YEAR}`;

function statusIs(state) {
    return {
        content: `The sheet is now ${state}`,
        trigger: `.o_statusbar_status button.o_arrow_button_current[data-value='${state}']`,
    };
}

tours.add("kinerja_asn_tpp_officer", {
    steps: () => [
        { content: "New sheet", trigger: ".o_list_button_add", run: "click" },
        {
            content: "The month: January",
            trigger: ".o_field_widget[name='date_from'] input",
            run: `edit 01/01/${YEAR} && click .o_form_view .oe_title`,
        },
        {
            content: "Compute the month from the signed predicates, the attendance and the sanctions",
            trigger: "button[name='action_compute']:contains('Compute')",
            run: "click",
        },
        { content: "Saved and named after its month", trigger: `.o_field_widget[name='name']:contains('${MONTH}')` },
        {
            content: "Staf Satu: 5,000,000 less 9.25 % of the discipline share, tax and BPJS: 4,526,100 received",
            trigger:
                ".o_field_widget[name='line_ids'] .o_data_row:contains('Staf Satu') td[name='net_amount']:contains('4,526,100')",
        },
        {
            content: "His discipline: 90.75 %",
            trigger:
                ".o_field_widget[name='line_ids'] .o_data_row:contains('Staf Satu') td[name='discipline_percent']:contains('90.75')",
        },
        {
            content: "Staf Dua is on the sheet too",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Staf Dua')",
        },
        {
            content: "Every evaluation of the month is signed: no warning",
            trigger: ".o_form_view:not(:has(.alert-warning:visible))",
        },
        {
            content: "Checked: submit it to the head of agency",
            trigger: "button[name='action_check']",
            run: "click",
        },
        statusIs("checked"),
        {
            content: "The officer cannot approve",
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_approve']))",
        },
    ],
});

tours.add("kinerja_asn_tpp_head", {
    steps: () => [
        {
            content: "The head's to-do",
            trigger: ".o_menu_systray i[aria-label='Activities']",
            run: "click",
        },
        {
            content: "A TPP sheet to approve, within three days",
            trigger: ".o-mail-ActivityGroup[data-model_name='kinerja.tpp.sheet'] span:contains('Future')",
            run: "click",
        },
        {
            content: "Open the month",
            trigger: `.o_data_row:contains('${MONTH}') td[name='name'], .o_kanban_record:contains('${MONTH}')`,
            run: "click",
        },
        {
            content: "The figures the officer checked",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Staf Satu') td[name='net_amount']:contains('4,526,100')",
        },
        { content: "Approve", trigger: "button[name='action_approve']", run: "click" },
        statusIs("approved"),
        {
            content: "Approved by the head",
            trigger: ".o_notebook .nav-link:contains('Approvals')",
            run: "click",
        },
        { content: "His name as the approver", trigger: ".o_field_widget[name='approved_by_id']:contains('kepala')" },
    ],
});

tours.add("kinerja_asn_tpp_employee", {
    steps: () => [
        {
            content: "My TPP: only my own line",
            trigger: `.o_data_row:contains('${MONTH}'):contains('Staf Satu')`,
            run() {
                if (document.querySelectorAll(".o_data_row").length !== 1) {
                    throw new Error("an employee sees his own line only");
                }
                if (document.body.textContent.includes("Staf Dua")) {
                    throw new Error("another employee's line is shown");
                }
            },
        },
        { content: "Open it", trigger: `.o_data_row:contains('${MONTH}') td[name='employee_name']`, run: "click" },
        { content: "What I receive", trigger: ".o_field_widget[name='net_amount']:contains('4,526,100')" },
        { content: "My attendance: 4 days late", trigger: ".o_field_widget[name='late_days']:contains('4')" },
        {
            content: "How it was computed: the performance share",
            trigger: ".o_field_widget[name='explanation']:contains('Performance: 60')",
        },
        {
            content: "The discipline share, with the deductions written out",
            trigger: ".o_field_widget[name='explanation']:contains('= 9.25 %'):contains('Discipline: 40')",
        },
        {
            content: "Contributions, tax and what is received",
            trigger: ".o_field_widget[name='explanation']:contains('PPh 21'):contains('received')",
        },
        { content: "Read only", trigger: ".o_form_view .o_form_readonly, .o_form_view:not(:has(.o_form_button_save:visible))" },
    ],
});
