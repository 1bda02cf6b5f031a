import { registry } from "@web/core/registry";

// The supervisor rates his staff in the mass evaluation list and signs.
registry.category("web_tour.tours").add("kinerja_asn_evaluation_sign", {
    url: "/odoo/kinerja-to-evaluate",
    steps: () => [
        {
            content: "The evaluation of my staff waits, with its suggestion",
            trigger: ".o_data_row:contains('Staf Tur') td[name='suggested_result_rating']:contains('Below')",
        },
        {
            content: "Edit the row",
            trigger: ".o_data_row:contains('Staf Tur') td[name='result_rating']",
            run: "click",
        },
        {
            content: "Work-result rating: as suggested",
            trigger: ".o_data_row.o_selected_row td[name='result_rating'] select",
            run: 'select "below"',
        },
        {
            content: "Behaviour rating",
            trigger: ".o_data_row.o_selected_row td[name='behavior_rating'] select",
            run: 'select "above"',
        },
        {
            content: "The predicate follows from the quadrant",
            trigger: ".o_data_row.o_selected_row td[name='predicate']:contains('Needs Improvement')",
        },
        {
            content: "Save the row",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Select it",
            trigger: ".o_data_row:contains('Staf Tur'):not(.o_selected_row) .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Sign",
            trigger: "button[name='action_done']",
            run: "click",
        },
        {
            content: "Nothing is left to evaluate",
            trigger: "body:not(:has(.o_data_row:contains('Staf Tur')))",
        },
    ],
});
