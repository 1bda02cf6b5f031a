import { registry } from "@web/core/registry";

const CORE_VALUES = 7;

function confirmDialog() {
    return {
        content: "Confirm",
        trigger: ".modal .modal-footer button.btn-primary",
        run: "click",
    };
}

function statusIs(state) {
    return {
        content: `The record is now ${state}`,
        trigger: `.o_statusbar_status button.o_arrow_button_current[data-value='${state}']`,
    };
}

// The supervisor rates a member of his staff in the mass evaluation list of a unit with an
// organisation rating (distribution rules in force), and signs.
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
            content: "Work-result rating: above expectations",
            trigger: ".o_data_row.o_selected_row td[name='result_rating'] select",
            run: 'select "above"',
        },
        {
            content: "Behaviour rating: above expectations",
            trigger: ".o_data_row.o_selected_row td[name='behavior_rating'] select",
            run: 'select "above"',
        },
        {
            content: "Very Good: the unit's distribution allows none, the row turns red",
            trigger: ".o_data_row.o_selected_row.text-danger td[name='predicate']:contains('Very Good')",
        },
        {
            content: "Work-result rating: meets expectations after all",
            trigger: ".o_data_row.o_selected_row td[name='result_rating'] select",
            run: 'select "meets"',
        },
        {
            content: "The predicate follows from the quadrant, within the distribution",
            trigger: ".o_data_row.o_selected_row:not(.text-danger) td[name='predicate']:contains('Good')",
        },
        {
            content: "Explain why not the suggestion",
            trigger: ".o_data_row.o_selected_row td[name='override_reason'] textarea",
            run: "edit Realisasi Januari belum dilaporkan tepat waktu, tetapi target tercapai",
        },
        {
            content: "General feedback",
            trigger: ".o_data_row.o_selected_row td[name='feedback'] textarea",
            run: "edit Pertahankan, laporkan tepat waktu",
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
            content: "It is signed: no longer to evaluate",
            trigger: "body:not(:has(.o_data_row:contains('Staf Tur')))",
        },
    ],
});

// The supervisor opens an evaluation in its form: both ratings, the override reason, the
// feedback on every work result and core value, the general feedback; he sees the
// distribution warning and signs through the distribution dialog.
registry.category("web_tour.tours").add("kinerja_asn_evaluation_form", {
    url: "/odoo/kinerja-to-evaluate",
    steps: () => [
        {
            content: "Open the evaluation of Staf Dua in its form",
            trigger: ".o_data_row:contains('Staf Dua') td.o_list_record_open_form_view button",
            run: "click",
        },
        {
            content: "Work-result rating",
            trigger: ".o_form_view .o_field_widget[name='result_rating'] select",
            run: 'select "above"',
        },
        {
            content: "Behaviour rating",
            trigger: ".o_form_view .o_field_widget[name='behavior_rating'] select",
            run: 'select "above"',
        },
        {
            content: "Very Good, and the warning that the unit's distribution allows none",
            trigger: ".o_form_view .alert-warning .o_field_widget[name='distribution_warning']:contains('at most 0 allowed')",
        },
        {
            content: "The override reason is asked for: rated above the suggestion",
            trigger: ".o_form_view .o_field_widget[name='override_reason'] textarea",
            run: "edit Menangani KLB campak di luar target",
        },
        {
            content: "Feedback on the work result",
            trigger: ".o_field_widget[name='result_line_ids'] .o_data_row:first td[name='feedback']",
            run: "click",
        },
        {
            content: "Write it",
            trigger: ".o_field_widget[name='result_line_ids'] .o_data_row.o_selected_row td[name='feedback'] textarea",
            run: "edit Cakupan imunisasi melampaui target",
        },
        {
            content: "The core values",
            trigger: ".o_notebook .nav-link:contains('Core Values')",
            run: "click",
        },
        ...Array.from({ length: CORE_VALUES }, (_, index) => [
            {
                content: `Feedback on core value ${index + 1}`,
                trigger: `.o_field_widget[name='behavior_line_ids'] .o_data_row:eq(${index}) td[name='feedback']`,
                run: "click",
            },
            {
                content: `Write it (${index + 1})`,
                trigger: `.o_field_widget[name='behavior_line_ids'] .o_data_row:eq(${index}).o_selected_row td[name='feedback'] textarea`,
                run: `edit Nilai ${index + 1} ditunjukkan dengan baik`,
            },
        ]).flat(),
        {
            content: "General feedback",
            trigger: ".o_notebook .nav-link:contains('General Feedback')",
            run: "click",
        },
        {
            content: "Write it",
            trigger: ".o_notebook .tab-pane.active .o_field_widget[name='feedback'] textarea",
            run: "edit Teladan bagi tim imunisasi",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Sign",
            trigger: ".o_form_saved .o_statusbar_buttons button[name='action_done']",
            run: "click",
        },
        confirmDialog(),
        {
            content: "The distribution dialog repeats what is broken",
            trigger: ".modal .o_field_widget[name='warning']:contains('at most 0 allowed')",
        },
        {
            content: "Sign anyway",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        statusIs("done"),
    ],
});

// The employee opens his signed evaluation from "My Evaluations" and objects to it.
registry.category("web_tour.tours").add("kinerja_asn_objection_file", {
    url: "/odoo/kinerja-my-evaluations",
    steps: () => [
        {
            content: "My signed evaluation",
            trigger: ".o_data_row:first td[name='predicate']:contains('Good')",
            run: "click",
        },
        {
            content: "Object to it",
            trigger: ".o_statusbar_buttons button[name='action_open_objection']",
            run: "click",
        },
        {
            content: "The grounds",
            trigger: ".o_form_view .o_field_widget[name='reason'] textarea",
            run: "edit Realisasi Januari sudah dilaporkan, bukti terlampir di sistem",
        },
        {
            content: "File it",
            trigger: ".o_form_button_save",
            run: "click",
        },
        statusIs("submitted"),
    ],
});

// The employee files an objection from the Objections menu, choosing the evaluation.
registry.category("web_tour.tours").add("kinerja_asn_objection_new", {
    url: "/odoo/kinerja-objections",
    steps: () => [
        {
            content: "New objection",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the evaluation",
            trigger: ".o_field_widget[name='evaluation_id'] input",
            run: "edit Staf Dua",
        },
        {
            content: "My signed evaluation",
            trigger: ".o-autocomplete--dropdown-item a:contains('Staf Dua')",
            run: "click",
        },
        {
            content: "The grounds",
            trigger: ".o_form_view .o_field_widget[name='reason'] textarea",
            run: "edit Perilaku kerja belum dinilai dari bukti kegiatan",
        },
        {
            content: "File it",
            trigger: ".o_form_button_save",
            run: "click",
        },
        statusIs("submitted"),
    ],
});

// The evaluator's supervisor accepts an objection with revised ratings...
registry.category("web_tour.tours").add("kinerja_asn_objection_accept", {
    url: "/odoo/kinerja-objections",
    steps: () => [
        {
            content: "The objection of Staf Tur waits for my decision",
            trigger: ".o_data_row:contains('Staf Tur') td[name='state']:contains('Submitted')",
            run: "click",
        },
        {
            content: "Revised work-result rating",
            trigger: ".o_form_view .o_field_widget[name='revised_result_rating'] select",
            run: 'select "above"',
        },
        {
            content: "Revised behaviour rating",
            trigger: ".o_form_view .o_field_widget[name='revised_behavior_rating'] select",
            run: 'select "above"',
        },
        {
            content: "The reasons of the decision",
            trigger: ".o_form_view .o_field_widget[name='decision_reason'] textarea",
            run: "edit Bukti laporan Januari sah",
        },
        {
            content: "Accept",
            trigger: ".o_statusbar_buttons button[name='action_accept']",
            run: "click",
        },
        confirmDialog(),
        statusIs("accepted"),
    ],
});

// ... and rejects another with the reason.
registry.category("web_tour.tours").add("kinerja_asn_objection_reject", {
    url: "/odoo/kinerja-objections",
    steps: () => [
        {
            content: "The objection of Staf Dua waits for my decision",
            trigger: ".o_data_row:contains('Staf Dua') td[name='state']:contains('Submitted')",
            run: "click",
        },
        {
            content: "The reason for rejecting it",
            trigger: ".o_form_view .o_field_widget[name='decision_reason'] textarea",
            run: "edit Penilaian perilaku sudah berdasarkan bukti",
        },
        {
            content: "Reject",
            trigger: ".o_statusbar_buttons button[name='action_reject']",
            run: "click",
        },
        confirmDialog(),
        statusIs("rejected"),
    ],
});

// The performance officer enters a unit's organisation rating in the list, then its basis in
// the form; the distribution of the unit is computed as he types.
registry.category("web_tour.tours").add("kinerja_asn_org_rating", {
    url: "/odoo/kinerja-org-ratings",
    steps: () => [
        {
            content: "New rating",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The unit",
            trigger: ".o_data_row.o_selected_row td[name='department_id'] input",
            run: "edit Dinas Tur",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item a:contains('Dinas Tur')",
            run: "click",
        },
        {
            content: "The period",
            trigger: ".o_data_row.o_selected_row td[name='period_id'] input",
            run: "edit February",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item a:contains('February')",
            run: "click",
        },
        {
            content: "The organisation predicate",
            trigger: ".o_data_row.o_selected_row td[name='rating'] select",
            run: 'select "good"',
        },
        {
            content: "Save the row",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Open it in its form",
            trigger: ".o_data_row:contains('February'):not(.o_selected_row) td.o_list_record_open_form_view button",
            run: "click",
        },
        {
            content: "The basis of the rating",
            trigger: ".o_form_view .o_field_widget[name='note'] textarea",
            run: "edit LKjIP Februari: 9 dari 10 sasaran tercapai",
        },
        {
            content: "Rated Outstanding after all",
            trigger: ".o_form_view .o_field_widget[name='rating'] select",
            run: 'select "outstanding"',
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved .o_field_widget[name='rating'] select",
        },
    ],
});
