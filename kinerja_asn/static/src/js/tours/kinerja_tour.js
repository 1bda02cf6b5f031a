import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("kinerja_asn_open_app", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Kinerja app",
            trigger: ".o_app[data-menu-xmlid='kinerja_asn.kinerja_menu_root']",
            run: "click",
        },
        {
            content: "Open Configuration",
            trigger: ".o_main_navbar button[data-menu-xmlid='kinerja_asn.kinerja_menu_configuration']",
            run: "click",
        },
        {
            content: "Open the indicator library",
            trigger: ".dropdown-item[data-menu-xmlid='kinerja_asn.kinerja_indicator_menu']",
            run: "click",
        },
        {
            content: "Create an indicator",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Cakupan pemeriksaan ibu hamil",
        },
        {
            content: "Give it a code",
            trigger: ".o_field_widget[name='code'] input",
            run: "edit TOUR-01",
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
