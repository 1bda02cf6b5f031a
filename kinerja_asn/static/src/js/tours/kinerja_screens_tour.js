import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Every field a user changes in these screens is changed here, in the browser, so that a
// compute or an onchange that fails on a record not saved yet shows in the tests.
const tours = registry.category("web_tour.tours");
const YEAR = new Date().getFullYear();
const NEXT = YEAR + 2;

function pick(selector, text, item) {
    return [
        { content: `Search ${item || text}`, trigger: `${selector} input`, run: `edit ${text}` },
        {
            content: `Pick ${item || text}`,
            trigger: `.o-autocomplete--dropdown-item a:contains('${item || text}')`,
            run: "click",
        },
    ];
}

function editCell(list, row, field, text) {
    return [
        {
            content: `Edit ${field} of ${row}`,
            trigger: `${list} .o_data_row:contains('${row}') td[name='${field}']`,
            run: "click",
        },
        {
            content: `Write ${field} of ${row}`,
            trigger: `${list} .o_data_row.o_selected_row:contains('${row}') div[name='${field}'] textarea`,
            run: `edit ${text}`,
        },
    ];
}

const saved = [
    { content: "Save", trigger: ".o_form_button_save", run: "click" },
    { content: "Saved", trigger: ".o_form_view .o_form_saved" },
];

// The unit head plans qualitatively: perspective, organisation goal, a library indicator
// with an expectation in words, its direction and aggregation; then the annex.
const RESULT_LINES = ".modal .o_field_widget[name='indicator_ids']";
const ROW = `${RESULT_LINES} .o_selected_row`;
tours.add("kinerja_asn_screens_result", {
    steps: () => [
        { content: "Open my draft SKP", trigger: ".o_data_row td[name='employee_id']", run: "click" },
        {
            content: "Plan qualitatively",
            trigger: ".o_field_widget[name='approach'] input[data-value='qualitative']",
            run: "click",
        },
        { content: "The annex", trigger: ".o_notebook_headers a[name='annex']", run: "click" },
        ...editCell(".o_field_widget[name='annex_ids']", "Resource Support", "description", "Dua vaksinator per puskesmas"),
        ...editCell(".o_field_widget[name='annex_ids']", "Accountability Scheme", "description", "Laporan bulanan ke Bupati"),
        ...editCell(
            ".o_field_widget[name='annex_ids']",
            "Consequences",
            "description",
            "Teguran tertulis bila target tidak tercapai"
        ),
        { content: "The work results", trigger: ".o_notebook_headers a[name='results']", run: "click" },
        {
            content: "A senior executive's results show their perspective",
            trigger: ".o_field_widget[name='result_ids'] th[data-name='perspective']",
        },
        {
            content: "Add a work result",
            trigger: ".o_field_widget[name='result_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Describe it",
            trigger: ".modal .o_field_widget[name='name'] textarea",
            run: "edit Meningkatnya derajat kesehatan masyarakat",
        },
        {
            content: "Its perspective",
            trigger: ".modal .o_field_widget[name='perspective'] select",
            run: "selectByLabel Internal Process Perspective",
        },
        ...pick(".modal .o_field_widget[name='goal_id']", "Pariaman", "Pariaman Sehat"),
        {
            content: "Show the direction and aggregation columns",
            trigger: `${RESULT_LINES} .o_optional_columns_dropdown_toggle`,
            run: "click",
        },
        { content: "Direction", trigger: ".o-dropdown--menu input[name='direction']", run: "click" },
        { content: "Aggregation", trigger: ".o-dropdown--menu input[name='aggregation']", run: "click" },
        {
            content: "Both shown, no target figure in a qualitative plan",
            trigger: `${RESULT_LINES}:not(:has(th[data-name='target_value'])) th[data-name='aggregation']`,
        },
        {
            content: "Add an indicator",
            trigger: `${RESULT_LINES} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        ...pick(`${ROW} div[name='indicator_id']`, "Cakupan", "Cakupan imunisasi dasar lengkap"),
        {
            content: "The library fills the name and the aggregation",
            trigger: `${ROW}:has(div[name='name'] textarea:value(Cakupan imunisasi dasar lengkap)) div[name='aggregation'] select:has(option:selected:contains('Average'))`,
        },
        {
            content: "Name it for this plan",
            trigger: `${ROW} div[name='name'] textarea`,
            run: "edit Imunisasi dasar lengkap merata di semua kelurahan",
        },
        { content: "Its aspect", trigger: `${ROW} div[name='aspect'] select`, run: "selectByLabel Quality" },
        {
            content: "The expectation, in words",
            trigger: `${ROW} div[name='target_text'] textarea`,
            run: "edit Tidak ada kelurahan dengan cakupan di bawah 90 %",
        },
        {
            content: "Its direction",
            trigger: `${ROW} div[name='direction'] select`,
            run: "selectByLabel Lower is better",
        },
        {
            content: "Its aggregation",
            trigger: `${ROW} div[name='aggregation'] select`,
            run: "selectByLabel Last value",
        },
        { content: "Save the work result", trigger: ".modal .o_form_button_save", run: "click" },
        {
            content: "The result is listed with its goal",
            trigger: "body:not(:has(.modal)) .o_field_widget[name='result_ids'] .o_data_row td[name='goal_id']:contains('Pariaman Sehat')",
        },
        ...saved,
    ],
});

// The supervisor writes his specific expectations while the SKP waits for his approval.
const BEHAVIORS = ".o_field_widget[name='behavior_ids']";
tours.add("kinerja_asn_screens_expectations", {
    steps: () => [
        {
            content: "Open the SKP waiting for me",
            trigger: ".o_data_row td[name='employee_id']:contains('Kasi Tur')",
            run: "click",
        },
        { content: "The core values", trigger: ".o_notebook_headers a[name='behaviors']", run: "click" },
        ...editCell(BEHAVIORS, "Berorientasi Pelayanan", "expectation", "Ramah kepada orang tua balita"),
        ...editCell(BEHAVIORS, "Kolaboratif", "expectation", "Bekerja sama dengan kader posyandu"),
        ...saved,
        {
            content: "Still waiting for approval",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']",
        },
    ],
});

// The supervisor reviews a report in its form: feedback, then accept.
tours.add("kinerja_asn_screens_realization_feedback", {
    steps: () => [
        {
            content: "The report is open for review",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_accept']",
        },
        {
            content: "Write feedback",
            trigger: ".o_field_widget[name='feedback'] textarea",
            run: "edit Cocok dengan register kohort bayi",
        },
        { content: "Accept", trigger: ".o_statusbar_buttons button[name='action_accept']", run: "click" },
        {
            content: "Accepted",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='accepted']",
        },
    ],
});

// The officer sets up a goal with its targets and a program under it.
const TARGETS = ".o_field_widget[name='target_ids']";
tours.add("kinerja_asn_screens_goal", {
    steps: () => [
        { content: "New goal", trigger: ".o_list_button_add", run: "click" },
        { content: "Name", trigger: ".o_field_widget[name='name'] input", run: "edit Keluarga Sehat" },
        { content: "Code", trigger: ".o_field_widget[name='code'] input", run: "edit PS-02" },
        {
            content: "Try it as an activity",
            trigger: ".o_field_widget[name='goal_type'] input[data-value='activity']",
            run: "click",
        },
        {
            content: "It is a goal",
            trigger: ".o_field_widget[name='goal_type'] input[data-value='goal']",
            run: "click",
        },
        ...pick(".o_field_widget[name='period_id']", `${YEAR}`),
        ...pick(".o_field_widget[name='department_id']", "Dinas Tur"),
        ...pick(".o_field_widget[name='parent_id']", "Pariaman", "Pariaman Sehat"),
        {
            content: "The head of the unit is shown",
            trigger: ".o_field_widget[name='manager_id']:contains('Kepala Tur'), .o_field_widget[name='manager_id'] input:value(Kepala Tur)",
        },
        { content: "A target", trigger: `${TARGETS} .o_field_x2many_list_row_add a`, run: "click" },
        ...pick(`${TARGETS} .o_selected_row div[name='indicator_id']`, "Cakupan", "Cakupan imunisasi dasar lengkap"),
        {
            content: "Its unit comes from the indicator",
            trigger: `${TARGETS} .o_selected_row div[name='unit_label']:contains('%')`,
        },
        { content: "Its target", trigger: `${TARGETS} .o_selected_row div[name='target_value'] input`, run: "edit 96" },
        { content: "Another target", trigger: `${TARGETS} .o_field_x2many_list_row_add a`, run: "click" },
        ...pick(`${TARGETS} .o_selected_row div[name='indicator_id']`, "Angka", "Angka kematian bayi"),
        { content: "Its target", trigger: `${TARGETS} .o_selected_row div[name='target_value'] input`, run: "edit 12" },
        { content: "Description", trigger: ".o_notebook_headers a[name='description']", run: "click" },
        {
            content: "Where it comes from",
            trigger: ".o_field_widget[name='description'] textarea",
            run: "edit Renstra Dinas Kesehatan, sasaran 2",
        },
        { content: "Programs", trigger: ".o_notebook_headers a[name='children']", run: "click" },
        {
            content: "Add a program",
            trigger: ".o_field_widget[name='child_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        { content: "Name", trigger: ".modal .o_field_widget[name='name'] input", run: "edit Program Imunisasi" },
        { content: "Code", trigger: ".modal .o_field_widget[name='code'] input", run: "edit PS-02.1" },
        {
            content: "A program",
            trigger: ".modal .o_field_widget[name='goal_type'] input[data-value='program']",
            run: "click",
        },
        { content: "Its target", trigger: `.modal ${TARGETS} .o_field_x2many_list_row_add a`, run: "click" },
        ...pick(`.modal ${TARGETS} .o_selected_row div[name='indicator_id']`, "Cakupan", "Cakupan imunisasi dasar lengkap"),
        {
            content: "Its value",
            trigger: `.modal ${TARGETS} .o_selected_row div[name='target_value'] input`,
            run: "edit 95",
        },
        { content: "Save the program", trigger: ".modal .o_form_button_save", run: "click" },
        {
            content: "The program is listed",
            trigger: "body:not(:has(.modal)) .o_field_widget[name='child_ids'] .o_data_row:contains('Program Imunisasi')",
        },
        ...saved,
        { content: "The targets", trigger: ".o_notebook_headers a[name='targets']", run: "click" },
        {
            content: "Correct the first target",
            trigger: `${TARGETS} .o_data_row:contains('Cakupan') td[name='target_value']`,
            run: "click",
        },
        { content: "97", trigger: `${TARGETS} .o_selected_row div[name='target_value'] input`, run: "edit 97" },
        ...saved,
    ],
});

// The officer creates a year with its deadlines, its months, and a month's deadlines.
tours.add("kinerja_asn_screens_periods", {
    steps: () => [
        { content: "New period", trigger: ".o_list_button_add", run: "click" },
        { content: "Name", trigger: ".o_field_widget[name='name'] input", run: `edit Tahun ${NEXT}` },
        {
            content: "Starts",
            trigger: ".o_field_widget[name='date_start'] input",
            run: `edit 01/01/${NEXT} && click .o_form_view .oe_title`,
        },
        {
            content: "Ends",
            trigger: ".o_field_widget[name='date_end'] input",
            run: `edit 12/31/${NEXT} && click .o_form_view .oe_title`,
        },
        {
            content: "SKP deadline",
            trigger: ".o_field_widget[name='plan_deadline'] input",
            run: `edit 01/31/${NEXT} && click .o_form_view .oe_title`,
        },
        {
            content: "Evaluation deadline",
            trigger: ".o_field_widget[name='evaluation_deadline'] input",
            run: `edit 01/31/${NEXT + 1} && click .o_form_view .oe_title`,
        },
        ...saved,
        {
            content: "Generate its months",
            trigger: ".o_statusbar_buttons button[name='action_generate_subperiods']",
            run: "click",
        },
        {
            content: "Twelve months",
            trigger: ".o_field_widget[name='child_ids'] .o_data_row:nth-child(12)",
        },
        {
            content: "Open them",
            trigger: "button[name='action_view_subperiods']",
            run: "click",
        },
        {
            content: "Open January from the list of sub-periods",
            trigger: `body:not(:has(.o_form_view)) .o_list_view .o_data_row td[name='name']:contains('January ${NEXT}')`,
            run: "click",
        },
        {
            content: "Realisation deadline",
            trigger: ".o_field_widget[name='report_deadline'] input",
            run: `edit 02/07/${NEXT} && click .o_form_view .oe_title`,
        },
        {
            content: "Evaluation deadline",
            trigger: ".o_field_widget[name='evaluation_deadline'] input",
            run: `edit 02/20/${NEXT} && click .o_form_view .oe_title`,
        },
        ...saved,
    ],
});

// The officer repairs the evaluators of an approved SKP.
tours.add("kinerja_asn_screens_repair", {
    steps: () => [
        { content: "Open the SKP", trigger: ".o_data_row td[name='employee_id']:contains('Kasi Tur')", run: "click" },
        {
            content: "It is approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
        {
            content: "Repair the evaluators",
            trigger: ".o_statusbar_buttons button[name='action_open_evaluator_wizard']",
            run: "click",
        },
        ...pick(".modal .o_field_widget[name='evaluator_id']", "Sekretaris", "Sekretaris Tur"),
        ...pick(".modal .o_field_widget[name='evaluator_parent_id']", "Bupati", "Bupati Tur"),
        {
            content: "The reason",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Plt. Kepala Seksi berdasarkan SK Bupati",
        },
        { content: "Set them", trigger: ".modal button[name='action_confirm']", run: "click" },
        {
            content: "The reason is in the chatter",
            trigger: ".o-mail-Message:contains('Plt. Kepala Seksi berdasarkan SK Bupati')",
        },
        {
            content: "Still approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
    ],
});

// The officer records a new position from the first of July.
tours.add("kinerja_asn_screens_transfer", {
    steps: () => [
        { content: "Open the SKP", trigger: ".o_data_row td[name='employee_id']:contains('Kasi Tur')", run: "click" },
        {
            content: "New position",
            trigger: ".o_statusbar_buttons button[name='action_open_transfer_wizard']",
            run: "click",
        },
        {
            content: "The current unit is proposed",
            trigger: ".modal .o_field_widget[name='department_id'] input:value(Dinas Tur)",
        },
        {
            content: "From the first of July",
            trigger: ".modal .o_field_widget[name='date'] input",
            run: `edit 07/01/${YEAR} && click .modal .text-muted`,
        },
        ...pick(".modal .o_field_widget[name='department_id']", "Puskesmas", "Puskesmas Tur"),
        ...pick(".modal .o_field_widget[name='job_id']", "Kepala Puskesmas", "Kepala Puskesmas Tur"),
        ...pick(".modal .o_field_widget[name='evaluator_id']", "Bupati", "Bupati Tur"),
        { content: "Start the new SKP", trigger: ".modal button[name='action_confirm']", run: "click" },
        {
            content: "The new SKP is open",
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name='job_id'] input:value(Kepala Puskesmas Tur)",
        },
    ],
});

// The officer creates the missing draft SKPs of the unit.
tours.add("kinerja_asn_screens_generate", {
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Kinerja app",
            trigger: ".o_app[data-menu-xmlid='kinerja_asn.kinerja_menu_root']",
            run: "click",
        },
        {
            content: "Planning",
            trigger: ".o_main_navbar button[data-menu-xmlid='kinerja_asn.kinerja_menu_planning']",
            run: "click",
        },
        {
            content: "Create Draft SKPs",
            trigger: ".dropdown-item[data-menu-xmlid='kinerja_asn.kinerja_skp_generate_menu']",
            run: "click",
        },
        ...pick(".modal .o_field_widget[name='period_id']", `${YEAR}`),
        ...pick(".modal .o_field_widget[name='department_ids']", "Dinas Tur"),
        { content: "Create", trigger: ".modal button[name='action_confirm']", run: "click" },
        {
            content: "The drafts are listed",
            trigger: "body:not(:has(.modal)) .o_data_row:contains('Staf Tur')",
        },
    ],
});
