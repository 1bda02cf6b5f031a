import { registry } from "@web/core/registry";

// The supervisor opens My Team: who has no plan yet, then an indicator's reports, and gives
// feedback on the work result from the indicator.
registry.category("web_tour.tours").add("kinerja_asn_my_team_feedback", {
    url: "/odoo/kinerja-my-team",
    steps: () => [
        {
            content: "The newcomer without an SKP is listed, marked as such",
            trigger: ".o_data_row:contains('Pegawai Baru Tur') td[name='skp_state']:contains('No SKP')",
        },
        {
            content: "Open the indicators of my staff",
            trigger: ".o_data_row:contains('Staf Tur') button[name='action_view_indicators']",
            run: "click",
        },
        {
            content: "Open the reports of the indicator",
            trigger: ".o_data_row:contains('Anak diimunisasi') button[name='action_view_realizations']",
            run: "click",
        },
        {
            content: "The accepted report is there",
            trigger: ".o_data_row td[name='value']:contains('40')",
        },
        {
            content: "Back to the indicators",
            trigger: ".o_breadcrumb .o_back_button",
            run: "click",
        },
        {
            content: "Open the indicator",
            trigger: ".o_data_row:contains('Anak diimunisasi') td[name='name']",
            run: "click",
        },
        {
            content: "Give feedback on its work result",
            trigger: ".o_form_view button[name='action_give_feedback']",
            run: "click",
        },
        {
            content: "The SKP and the work result are filled in",
            trigger: ".o_field_widget[name='result_id'] select",
            run() {
                const select = document.querySelector(".o_field_widget[name='result_id'] select");
                const chosen = select.options[select.selectedIndex]?.textContent || "";
                if (!chosen.includes("Imunisasi rutin terlaksana")) {
                    throw new Error(`The work result is not filled in: "${chosen}"`);
                }
            },
        },
        {
            content: "Choose the period",
            trigger: ".o_field_widget[name='period_id'] input",
            run: "edit January",
        },
        {
            content: "Pick January",
            trigger: ".o-autocomplete--dropdown-item a:contains('January')",
            run: "click",
        },
        {
            content: "For improvement",
            trigger: ".o_field_widget[name='feedback_type'] input[data-value='improvement']",
            run: "click",
        },
        {
            content: "Write the feedback",
            trigger: ".o_field_widget[name='text'] textarea",
            run: "edit Laporkan juga posyandu Mawar",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});

// Feedback on a core value, from the Feedback menu, every field of the form.
registry.category("web_tour.tours").add("kinerja_asn_feedback_core_value", {
    url: "/odoo/kinerja-feedback/new",
    steps: () => [
        {
            content: "The SKP",
            trigger: ".o_field_widget[name='skp_id'] input",
            run: "edit Staf Tur",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item a:contains('Staf Tur')",
            run: "click",
        },
        {
            content: "The employee follows",
            trigger: ".o_field_widget[name='employee_id']:contains('Staf Tur')",
        },
        {
            content: "The period",
            trigger: ".o_field_widget[name='period_id'] input",
            run: "edit February",
        },
        {
            content: "Pick February",
            trigger: ".o-autocomplete--dropdown-item a:contains('February')",
            run: "click",
        },
        {
            content: "Positive",
            trigger: ".o_field_widget[name='feedback_type'] input[data-value='positive']",
            run: "click",
        },
        {
            content: "The core value",
            trigger: ".o_field_widget[name='core_value_id'] select:has(option:contains('Kolaboratif'))",
            run: "selectByLabel Kolaboratif",
        },
        {
            content: "No work result once a core value is chosen",
            trigger: ".o_form_view:not(:has(.o_field_widget[name='result_id']))",
        },
        {
            content: "Write the feedback",
            trigger: ".o_field_widget[name='text'] textarea",
            run: "edit Kerja sama lintas program sangat baik",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});

// A coaching note, every field.
registry.category("web_tour.tours").add("kinerja_asn_coaching_note", {
    url: "/odoo/kinerja-coaching/new",
    steps: () => [
        {
            content: "Topic",
            trigger: ".o_field_widget[name='topic'] input",
            run: "edit Menjangkau posyandu terpencil",
        },
        {
            content: "Employee",
            trigger: ".o_field_widget[name='employee_id'] input",
            run: "edit Staf Tur",
        },
        {
            content: "Pick the employee",
            trigger: ".o-autocomplete--dropdown-item a:contains('Staf Tur')",
            run: "click",
        },
        {
            content: "I am the coach",
            trigger: ".o_field_widget[name='coach_id'] input:value(Kasi Tur)",
        },
        {
            content: "His SKP",
            trigger: ".o_field_widget[name='skp_id'] input",
            run: "edit Staf Tur",
        },
        {
            content: "Pick the SKP",
            trigger: ".o-autocomplete--dropdown-item a:contains('Staf Tur')",
            run: "click",
        },
        {
            content: "Mentoring",
            trigger: ".o_field_widget[name='coaching_type'] input[data-value='mentoring']",
            run: "click",
        },
        {
            content: "Date of the session",
            trigger: ".o_field_widget[name='date'] input",
            run: `edit 01/15/${new Date().getFullYear()}`,
        },
        {
            content: "Follow-up date",
            trigger: ".o_field_widget[name='follow_up_date'] input",
            run: `edit 02/15/${new Date().getFullYear()}`,
        },
        {
            content: "Outcome",
            trigger: ".o_field_widget[name='outcome'] textarea",
            run: "edit Jadwal kunjungan disepakati",
        },
        {
            content: "Follow-up",
            trigger: ".o_field_widget[name='follow_up'] textarea",
            run: "edit Tinjau capaian bulan depan",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});

// The employee reads the feedback and answers in its chatter.
registry.category("web_tour.tours").add("kinerja_asn_feedback_answer", {
    url: "/odoo/kinerja-feedback",
    steps: () => [
        {
            content: "Open the feedback on my work result",
            trigger: ".o_data_row:contains('Laporkan juga posyandu Mawar') td[name='text']",
            run: "click",
        },
        {
            content: "Write a message",
            trigger: "button.o-mail-Chatter-sendMessage",
            run: "click",
        },
        {
            content: "The answer",
            trigger: ".o-mail-Composer-input",
            run: "edit Siap, akan saya lengkapi",
        },
        {
            content: "Send",
            trigger: ".o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The answer is in the chatter",
            trigger: ".o-mail-Message:contains('Siap, akan saya lengkapi')",
        },
    ],
});
