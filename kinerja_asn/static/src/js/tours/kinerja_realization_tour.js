import { registry } from "@web/core/registry";
import { inputFiles } from "@web/../tests/legacy/utils";

const tours = registry.category("web_tour.tours");
const IMMUNISED = ".o_data_row:contains('Anak diimunisasi')";
const POSYANDU = ".o_data_row:contains('Posyandu aktif')";

function uploadEvidence(name) {
    return [
        {
            content: `Upload ${name} as evidence`,
            trigger: ".o_field_widget[name='attachment_ids'] .o_input_file:not(:visible)",
            async run() {
                const file = new File(["%PDF-1.4 daftar hadir"], name, { type: "application/pdf" });
                await inputFiles(".o_field_widget[name='attachment_ids'] .o_input_file", [file]);
            },
        },
        {
            content: "The file is attached",
            trigger: `.o_field_widget[name='attachment_ids'] .o_attachment:contains('${name.split(".")[0]}')`,
        },
    ];
}

// On a phone: the employee opens this month's report, fills it, attaches evidence and submits
// it with the button the form keeps in sight (the header's buttons fold into a menu there).
tours.add("kinerja_asn_realization_phone", {
    url: "/odoo/kinerja-report-realization",
    steps: () => [
        {
            content: "The entry grid lists my indicator for this month, with what is due",
            trigger: `${IMMUNISED} td[name='period_target']:contains('100.00')`,
        },
        {
            content: "Open the report",
            trigger: `${IMMUNISED} button[name='action_open_form']`,
            run: "click",
        },
        {
            content: "Enter the realisation",
            trigger: ".o_field_widget[name='value'] input",
            run: "edit 42",
        },
        {
            content: "Describe what was done",
            trigger: ".o_field_widget[name='note'] textarea",
            run: "edit Imunisasi di posyandu Melati dan Mawar",
        },
        {
            content: "The realisation so far follows the value typed",
            trigger: ".o_field_widget[name='realized_to_date']:contains('42.00')",
        },
        ...uploadEvidence("daftar_hadir.pdf"),
        {
            content: "Submit it with the button in sight",
            trigger: ".o_kinerja_mobile_actions button[name='action_submit']:visible",
            run: "click",
        },
        {
            content: "The evaluator is named in the confirmation",
            trigger: ".o_notification:contains('Kasi Tur reviews it')",
        },
        {
            content: "It can be withdrawn now, no longer submitted",
            trigger: ".o_kinerja_mobile_actions button[name='action_withdraw']:visible",
        },
    ],
});

// The employee fills his month in the grid (values, notes, a link), submits one report from
// its row, attaches a file and a link to the other in its form and submits it there.
tours.add("kinerja_asn_realization_report", {
    url: "/odoo/kinerja-report-realization",
    steps: () => [
        {
            content: "A yearly total is spread over the months",
            trigger: `${IMMUNISED} td[name='period_target']:contains('100.00')`,
        },
        {
            content: "An average is expected each month",
            trigger: `${POSYANDU} td[name='period_target']:contains('95.00')`,
        },
        {
            content: "Edit the immunisation row",
            trigger: `${IMMUNISED} td[name='value']`,
            run: "click",
        },
        {
            content: "Enter the realisation",
            trigger: ".o_data_row.o_selected_row td[name='value'] input",
            run: "edit 42",
        },
        {
            content: "Describe what was done",
            trigger: ".o_data_row.o_selected_row td[name='note'] textarea",
            run: "edit Imunisasi di posyandu Melati dan Mawar",
        },
        {
            content: "The realisation so far follows the value typed",
            trigger: ".o_data_row.o_selected_row td[name='realized_to_date']:contains('42.00')",
        },
        {
            content: "Edit the posyandu row",
            trigger: `${POSYANDU} td[name='value']`,
            run: "click",
        },
        {
            content: "Enter its realisation",
            trigger: `${POSYANDU}.o_selected_row td[name='value'] input`,
            run: "edit 90",
        },
        {
            content: "Its note",
            trigger: `${POSYANDU}.o_selected_row td[name='note'] textarea`,
            run: "edit Posyandu aktif di 9 dari 10 kelurahan",
        },
        {
            content: "Its evidence link",
            trigger: `${POSYANDU}.o_selected_row td[name='evidence_url'] input`,
            run: "edit https://drive.example.go.id/posyandu",
        },
        {
            content: "Save the grid",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Both rows are saved",
            trigger: `${POSYANDU}:not(.o_selected_row) td[name='value']:contains('90.00')`,
        },
        {
            content: "Submit the posyandu report from its row",
            trigger: `${POSYANDU} button[name='action_submit']`,
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_notification:contains('Kasi Tur reviews it')",
        },
        {
            content: "The row shows it submitted",
            trigger: `${POSYANDU} td[name='state']:contains('Submitted')`,
        },
        {
            content: "Open the immunisation report to attach evidence",
            trigger: `${IMMUNISED} button[name='action_open_form']`,
            run: "click",
        },
        {
            content: "What is due and what is done, beside the value",
            trigger: ".o_field_widget[name='period_target']:contains('100.00')",
        },
        ...uploadEvidence("daftar_hadir.pdf"),
        {
            content: "Give a link to the register as well",
            trigger: ".o_field_widget[name='evidence_url'] input",
            run: "edit https://drive.example.go.id/register-imunisasi",
        },
        {
            content: "Submit it to the evaluator",
            trigger: ".o_statusbar_buttons button[name='action_submit']",
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_notification:contains('Kasi Tur reviews it')",
        },
        {
            content: "It waits for review",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
    ],
});

// The supervisor, in "Realisation to Review": feedback in a row and accept; reject another
// through the reject dialog.
tours.add("kinerja_asn_realization_review", {
    url: "/odoo/kinerja-realization-review",
    steps: () => [
        {
            content: "The report waits with its two pieces of evidence and its figures to date",
            trigger: `${IMMUNISED}:contains('Staf Tur') td[name='evidence_count']:contains('2')`,
        },
        {
            content: "What is due this period sits beside the value",
            trigger: `${IMMUNISED} td[name='period_target']:contains('100.00')`,
        },
        {
            content: "Write feedback in the row",
            trigger: `${IMMUNISED} td[name='feedback']`,
            run: "click",
        },
        {
            content: "Feedback",
            trigger: ".o_data_row.o_selected_row td[name='feedback'] textarea",
            run: "edit Sesuai register posyandu",
        },
        {
            content: "Save the row",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: `${IMMUNISED}:not(.o_selected_row) td[name='feedback']:contains('Sesuai register')`,
        },
        {
            content: "Accept it",
            trigger: `${IMMUNISED} button[name='action_accept']`,
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_notification:contains('Staf Tur is accepted')",
        },
        {
            content: "It leaves the list",
            trigger: `body:not(:has(${IMMUNISED}))`,
        },
        {
            content: "Reject the posyandu report",
            trigger: `${POSYANDU} button[name='action_open_reject_wizard']`,
            run: "click",
        },
        {
            content: "Say what to fix",
            trigger: ".modal .o_field_widget[name='feedback'] textarea",
            run: "edit Lampirkan daftar posyandu aktif per kelurahan",
        },
        {
            content: "Reject",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_notification:contains('of Staf Tur is rejected')",
        },
        {
            content: "Nothing of it is left to review",
            trigger: `body:not(:has(.modal)):not(:has(${POSYANDU}))`,
        },
    ],
});

// The employee reads the feedback, fixes the report and submits it again; then adds a report
// of another month from the form.
tours.add("kinerja_asn_realization_resubmit", {
    url: "/odoo/kinerja-report-realization",
    steps: () => [
        {
            content: "The feedback is in the grid",
            trigger: `${POSYANDU} td[name='feedback']:contains('Lampirkan daftar posyandu aktif')`,
        },
        {
            content: "Open the report",
            trigger: `${POSYANDU} button[name='action_open_form']`,
            run: "click",
        },
        {
            content: "The form says what to fix",
            trigger: ".alert-warning:contains('Lampirkan daftar posyandu aktif')",
        },
        {
            content: "Fix the value",
            trigger: ".o_field_widget[name='value'] input",
            run: "edit 93",
        },
        {
            content: "Say what changed",
            trigger: ".o_field_widget[name='note'] textarea",
            run: "edit Posyandu aktif di 9 dari 10 kelurahan; daftar per kelurahan terlampir",
        },
        {
            content: "The average so far follows",
            trigger: ".o_field_widget[name='realized_to_date']:contains('93.00')",
        },
        {
            content: "Submit it again",
            trigger: ".o_statusbar_buttons button[name='action_submit']",
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_notification:contains('Kasi Tur reviews it')",
        },
        {
            content: "It waits for review",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
        {
            content: "A report of another month",
            trigger: ".o_form_button_create",
            run: "click",
        },
        {
            content: "Choose the indicator",
            trigger: ".o_field_widget[name='skp_indicator_id'] input",
            run: "edit Anak diimunisasi",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains('Anak diimunisasi')",
            run: "click",
        },
        {
            content: "Choose the month",
            trigger: ".o_field_widget[name='period_id'] input",
            run: "edit Bulan Tur",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains('Bulan Tur')",
            run: "click",
        },
        {
            content: "Enter the realisation",
            trigger: ".o_field_widget[name='value'] input",
            run: "edit 30",
        },
        {
            content: "What is due that month shows before saving",
            trigger: ".o_field_widget[name='period_target']:contains('100.00')",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: its month is fixed now",
            trigger: ".o_field_widget[name='period_id'].o_readonly_modifier",
        },
    ],
});
