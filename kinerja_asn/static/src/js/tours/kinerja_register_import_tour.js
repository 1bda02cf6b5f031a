import { registry } from "@web/core/registry";

// The officer reviews a previewed register import (the changes and the org chart it would
// leave), then applies it.
registry.category("web_tour.tours").add("kinerja_asn_register_import", {
    steps: () => [
        {
            content: "The new epidemiologist is to be created",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row.text-success:contains('Rina Wati')",
        },
        {
            content: "The section head moves to the new division",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row.text-warning:contains('Kepala Seksi')",
        },
        {
            content: "Open the org chart",
            trigger: ".o_notebook .nav-link:contains('Org Chart')",
            run: "click",
        },
        {
            content: "The second staff member sits below the new epidemiologist",
            trigger: ".o_field_widget[name='org_chart'] li:contains('Rina Wati') li:contains('Staf Dua')",
        },
        {
            content: "Apply",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The import is applied",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='done']",
        },
    ],
});
