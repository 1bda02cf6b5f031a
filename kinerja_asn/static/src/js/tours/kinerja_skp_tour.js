import { registry } from "@web/core/registry";

// The employee drafts a work result linked to his evaluator's result, then submits.
registry.category("web_tour.tours").add("kinerja_asn_skp_submit", {
    url: "/odoo/kinerja-my-skp",
    steps: () => [
        {
            content: "Open my draft SKP",
            trigger: ".o_data_row td[name='employee_id']",
            run: "click",
        },
        {
            content: "Add a work result",
            trigger: ".o_field_widget[name='result_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Describe the work result",
            trigger: ".modal .o_field_widget[name='name'] textarea",
            run: "edit Terlaksananya imunisasi di posyandu binaan",
        },
        {
            content: "Link it to the evaluator's result it supports",
            trigger: ".modal .o_field_widget[name='parent_result_id'] input",
            run: "edit Imunisasi",
        },
        {
            content: "Pick the evaluator's result",
            trigger: ".o-autocomplete--dropdown-item a:contains('Imunisasi rutin terlaksana')",
            run: "click",
        },
        {
            content: "Add an indicator",
            trigger: ".modal .o_field_widget[name='indicator_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Name the indicator",
            trigger: ".modal .o_field_widget[name='indicator_ids'] .o_selected_row div[name='name'] textarea",
            run: "edit Jumlah anak yang diimunisasi",
        },
        {
            content: "Set its target",
            trigger: ".modal .o_field_widget[name='indicator_ids'] .o_selected_row div[name='target_value'] input",
            run: "edit 400",
        },
        {
            content: "Save the work result",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The result is in the list",
            trigger: ".o_field_widget[name='result_ids'] .o_data_row:contains('Terlaksananya imunisasi')",
        },
        {
            content: "Save the SKP",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit it",
            trigger: ".o_statusbar_buttons button[name='action_submit']",
            run: "click",
        },
        {
            content: "It waits for approval",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
    ],
});

// The supervisor approves it from his "To Approve" list.
registry.category("web_tour.tours").add("kinerja_asn_skp_approve", {
    url: "/odoo/kinerja-skp-to-approve",
    steps: () => [
        {
            content: "Open the SKP waiting for me",
            trigger: ".o_data_row td[name='employee_id']:contains('Staf Satu')",
            run: "click",
        },
        {
            content: "Approve",
            trigger: ".o_statusbar_buttons button[name='action_approve']",
            run: "click",
        },
        {
            content: "Approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
    ],
});
