import { registry } from "@web/core/registry";

// The employee adds a weighted work result through its dialog (text first), with an
// indicator, its unit and target, links it to his evaluator's result, then submits.
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
            content: "The dialog opens on the result's text, the SKP is not an editable field",
            trigger: ".modal .o_form_view:not(:has(.o_field_widget[name='skp_id'])) .o_field_widget[name='name'] textarea",
        },
        {
            content: "Describe the work result",
            trigger: ".modal .o_field_widget[name='name'] textarea",
            run: "edit Terlaksananya imunisasi di posyandu binaan",
        },
        {
            content: "Try it as an additional result",
            trigger: ".modal .o_field_widget[name='result_type'] input[data-value='additional']",
            run: "click",
        },
        {
            content: "An additional result has no weight",
            trigger: ".modal .o_form_view:not(:has(.o_field_widget[name='weight']))",
        },
        {
            content: "Back to a main result",
            trigger: ".modal .o_field_widget[name='result_type'] input[data-value='main']",
            run: "click",
        },
        {
            content: "Weigh it (the SKP is weighted)",
            trigger: ".modal .o_field_widget[name='weight'] input",
            run: "edit 100",
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
            content: "Its aspect",
            trigger: ".modal .o_field_widget[name='indicator_ids'] .o_selected_row div[name='aspect'] select",
            run: "selectByLabel Quantity",
        },
        {
            content: "Set its target",
            trigger: ".modal .o_field_widget[name='indicator_ids'] .o_selected_row div[name='target_value'] input",
            run: "edit 400",
        },
        {
            content: "The unit is required",
            trigger: ".modal .o_field_widget[name='indicator_ids'] .o_selected_row div[name='unit_label'].o_required_modifier input",
            run: "edit anak",
        },
        {
            content: "Save the work result",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The result is in the list, with its weight",
            trigger: ".o_field_widget[name='result_ids'] .o_data_row:contains('Terlaksananya imunisasi') td[name='weight']:contains('100')",
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
            content: "A confirmation tells who approves it",
            trigger: ".o_notification:contains('Kasi Tur')",
        },
        {
            content: "It waits for approval",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
    ],
});

// The supervisor judges it from To Approve and returns it with a reason.
registry.category("web_tour.tours").add("kinerja_asn_skp_return", {
    url: "/odoo/kinerja-skp-to-approve",
    steps: () => [
        {
            content: "The results, indicators and targets are in the list",
            trigger: ".o_data_row:contains('Staf Satu') td[name='plan_summary']:contains('Jumlah anak yang diimunisasi'):contains('400 anak')",
        },
        {
            content: "Open the SKP",
            trigger: ".o_data_row td[name='employee_id']:contains('Staf Satu')",
            run: "click",
        },
        {
            content: "Return it",
            trigger: ".o_statusbar_buttons button[name='action_open_return_wizard']",
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Target terlalu rendah: naikkan menjadi 450 anak",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "A confirmation",
            trigger: ".o_notification:contains('returned')",
        },
        {
            content: "Back to draft",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='draft']",
        },
    ],
});

// The employee reads the reason, fixes the target and submits again.
registry.category("web_tour.tours").add("kinerja_asn_skp_fix", {
    url: "/odoo/kinerja-my-skp",
    steps: () => [
        {
            content: "Open my SKP",
            trigger: ".o_data_row td[name='employee_id']",
            run: "click",
        },
        {
            content: "The evaluator's reason is on top",
            trigger: ".alert-warning:contains('naikkan menjadi 450 anak')",
        },
        {
            content: "Open the work result",
            trigger: ".o_field_widget[name='result_ids'] .o_data_row td[name='name']:contains('Terlaksananya')",
            run: "click",
        },
        {
            content: "Edit the indicator",
            trigger: ".modal .o_field_widget[name='indicator_ids'] .o_data_row td[name='target_value']",
            run: "click",
        },
        {
            content: "Raise the target",
            trigger: ".modal .o_field_widget[name='indicator_ids'] .o_selected_row div[name='target_value'] input",
            run: "edit 450",
        },
        {
            content: "Save the work result",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "Save the SKP",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit it again",
            trigger: ".o_statusbar_buttons button[name='action_submit']",
            run: "click",
        },
        {
            content: "A confirmation",
            trigger: ".o_notification:contains('Kasi Tur')",
        },
        {
            content: "It waits for approval",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
    ],
});

// The supervisor approves it from the To Approve list, seeing the corrected target.
registry.category("web_tour.tours").add("kinerja_asn_skp_approve", {
    url: "/odoo/kinerja-skp-to-approve",
    steps: () => [
        {
            content: "The corrected target is in the list",
            trigger: ".o_data_row:contains('Staf Satu') td[name='plan_summary']:contains('450 anak')",
        },
        {
            content: "Select the SKP",
            trigger: ".o_data_row:contains('Staf Satu') .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Approve the selection",
            trigger: ".o_control_panel_actions button[name='action_approve']",
            run: "click",
        },
        {
            content: "A confirmation",
            trigger: ".o_notification:contains('approved')",
        },
        {
            content: "Nothing waits any more",
            trigger: ".o_view_nocontent, .o_list_view:not(:has(.o_data_row:contains('Staf Satu')))",
        },
    ],
});

// The supervisor distributes one of his results to a subordinate (Matriks Peran Hasil).
registry.category("web_tour.tours").add("kinerja_asn_skp_distribute", {
    url: "/odoo/kinerja-my-skp",
    steps: () => [
        {
            content: "Open my SKP",
            trigger: ".o_data_row td[name='employee_id']:contains('Kasi Tur')",
            run: "click",
        },
        {
            content: "Distribute to subordinates",
            trigger: ".o_statusbar_buttons button[name='action_open_mph_wizard']",
            run: "click",
        },
        {
            content: "Choose the result to distribute",
            trigger: ".modal .o_field_widget[name='parent_result_id'] input",
            run: "edit Imunisasi",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item a:contains('Imunisasi rutin terlaksana')",
            run: "click",
        },
        {
            content: "Both subordinates are proposed",
            trigger: ".modal .o_field_widget[name='employee_ids'] .o_tag:contains('Staf Satu')",
        },
        {
            content: "Leave out Staf Satu, whose SKP is approved",
            trigger: ".modal .o_field_widget[name='employee_ids'] .o_tag:contains('Staf Satu') .o_delete:not(:visible)",
            run: "click",
        },
        {
            content: "Staf Dua stays",
            trigger: ".modal .o_field_widget[name='employee_ids']:not(:has(.o_tag:contains('Staf Satu'))) .o_tag:contains('Staf Dua')",
        },
        {
            content: "Their work result",
            trigger: ".modal .o_field_widget[name='result_name'] textarea",
            run: "edit Imunisasi kejar di posyandu Melati",
        },
        {
            content: "A library indicator",
            trigger: ".modal .o_field_widget[name='indicator_id'] input",
            run: "edit Cakupan",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item a:contains('Cakupan imunisasi kejar')",
            run: "click",
        },
        {
            content: "The unit comes from the library",
            trigger: ".modal .o_field_widget[name='unit_label'] input:value(balita)",
        },
        {
            content: "Name the indicator",
            trigger: ".modal .o_field_widget[name='indicator_name'] textarea",
            run: "edit Balita diimunisasi kejar",
        },
        {
            content: "Its aspect",
            trigger: ".modal .o_field_widget[name='aspect'] select",
            run: "selectByLabel Quality",
        },
        {
            content: "Its target",
            trigger: ".modal .o_field_widget[name='target_value'] input",
            run: "edit 60",
        },
        {
            content: "Its unit",
            trigger: ".modal .o_field_widget[name='unit_label'] input",
            run: "edit anak balita",
        },
        {
            content: "Distribute",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The distributed result is listed",
            trigger: ".o_data_row:contains('Imunisasi kejar di posyandu Melati')",
        },
    ],
});
