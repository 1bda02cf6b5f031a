import { registry } from "@web/core/registry";
import { inputFiles } from "@web/../tests/legacy/utils";

// The employee reports this month's realisation with an evidence file and submits it.
registry.category("web_tour.tours").add("kinerja_asn_realization_report", {
    url: "/odoo/kinerja-report-realization",
    steps: () => [
        {
            content: "The entry grid lists my indicator for this month",
            trigger: ".o_data_row td[name='indicator_id']:contains('Anak diimunisasi')",
        },
        {
            content: "Open the report to attach evidence",
            trigger: ".o_data_row button[name='action_open_form']",
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
            content: "Upload the attendance list as evidence",
            trigger: ".o_field_widget[name='attachment_ids'] .o_input_file:not(:visible)",
            async run() {
                const file = new File(["%PDF-1.4 daftar hadir"], "daftar_hadir.pdf", { type: "application/pdf" });
                await inputFiles(".o_field_widget[name='attachment_ids'] .o_input_file", [file]);
            },
        },
        {
            content: "The file is attached",
            trigger: ".o_field_widget[name='attachment_ids'] .o_attachment:contains('daftar_hadir')",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit it to the evaluator",
            trigger: ".o_statusbar_buttons button[name='action_submit']",
            run: "click",
        },
        {
            content: "It waits for review",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
    ],
});

// The supervisor accepts it from "Realisation to Review".
registry.category("web_tour.tours").add("kinerja_asn_realization_accept", {
    url: "/odoo/kinerja-realization-review",
    steps: () => [
        {
            content: "The report of my staff waits for me, with its evidence",
            trigger: ".o_data_row:contains('Staf Tur') td[name='evidence_count']:contains('1')",
        },
        {
            content: "Accept it",
            trigger: ".o_data_row:contains('Staf Tur') button[name='action_accept']",
            run: "click",
        },
        {
            content: "Nothing of it is left to review",
            trigger: "body:not(:has(.o_data_row:contains('Staf Tur') button[name='action_accept']))",
        },
    ],
});
