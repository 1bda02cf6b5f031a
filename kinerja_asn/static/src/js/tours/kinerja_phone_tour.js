import { registry } from "@web/core/registry";
import { inputFiles } from "@web/../tests/legacy/utils";
import { queryAll } from "@odoo/hoot-dom";

// Everyday use on a phone (the Python tests set a 390x844 touch viewport): the daily log, the
// supervisor's decisions and his feedback, each screen checked to fit the phone.
const tours = registry.category("web_tour.tours");

/**
 * The screen fits the phone: the page and the action's content do not scroll sideways; each
 * of `keys` (CSS selectors) is shown, inside the screen; each of `taps` is also big enough
 * for a thumb: at least 40 px wide and 36 px high (Odoo's own buttons on a touch screen are
 * 37 px high; the addon's decision buttons are 44).
 */
export function fitsThePhone(content, trigger, { keys = [], taps = [] } = {}) {
    return {
        content: `${content}: no horizontal scrolling, the key columns and buttons in sight`,
        trigger,
        run() {
            const page = document.documentElement;
            if (page.scrollWidth > window.innerWidth) {
                throw new Error(`${content}: the page is ${page.scrollWidth}px wide in ${window.innerWidth}px`);
            }
            for (const element of document.querySelectorAll(".o_action_manager .o_content")) {
                if (element.scrollWidth > element.clientWidth + 1) {
                    throw new Error(
                        `${content}: the content scrolls, ${element.scrollWidth}px wide in ${element.clientWidth}px`
                    );
                }
            }
            const inSight = (selector, minimum) => {
                const elements = queryAll(selector).filter((element) => element.getClientRects().length);
                if (!elements.length) {
                    throw new Error(`${content}: ${selector} is not shown`);
                }
                for (const element of elements) {
                    const { left, right, width, height } = element.getBoundingClientRect();
                    if (left < -1 || right > window.innerWidth + 1) {
                        throw new Error(`${content}: ${selector} is out of the screen (${left}-${right}px)`);
                    }
                    if (minimum && (width < 40 || height < 36)) {
                        throw new Error(`${content}: ${selector} is ${width}x${height}px, too small to tap`);
                    }
                }
            };
            keys.forEach((selector) => inSight(selector, false));
            taps.forEach((selector) => inSight(selector, true));
        },
    };
}

// An 8x8 JPEG, as a phone's camera would send (the addon checks files are what they say).
const PHOTO =
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwCSiiivGPWP/9k=";

// The employee notes what he did today for his RHK, with a photo, in a few taps.
tours.add("kinerja_asn_daily_log_phone", {
    url: "/odoo/kinerja-daily-log",
    steps: () => [
        fitsThePhone("My daily log", ".o_kanban_view", { keys: [".o-kanban-button-new"] }),
        {
            content: "Write a new entry",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            content: "The day is proposed",
            trigger: ".o_field_widget[name='date'] input",
        },
        {
            content: "Choose the work result in the phone's own picker",
            trigger: ".o_field_widget[name='result_id'] select",
            run: "selectByLabel Imunisasi rutin terlaksana",
        },
        {
            content: "What I did",
            trigger: ".o_field_widget[name='name'] textarea",
            run: "edit Imunisasi 24 anak di posyandu Melati",
        },
        {
            content: "Attach a photo from the phone",
            trigger: ".o_field_widget[name='attachment_ids'] .o_input_file:not(:visible)",
            async run() {
                const bytes = Uint8Array.from(atob(PHOTO), (c) => c.charCodeAt(0));
                const photo = new File([bytes], "posyandu_melati.jpg", { type: "image/jpeg" });
                await inputFiles(".o_field_widget[name='attachment_ids'] .o_input_file", [photo]);
            },
        },
        {
            content: "The photo is attached",
            trigger: ".o_field_widget[name='attachment_ids'] .o_attachment:contains('posyandu_melati')",
        },
        fitsThePhone("The entry form", ".o_form_view .o_field_widget[name='name']", {
            keys: [
                ".o_field_widget[name='date']",
                ".o_field_widget[name='result_id']",
                ".o_field_widget[name='name'] textarea",
                ".o_form_button_save",
                ".o_field_widget[name='attachment_ids'] .o_attach",
            ],
        }),
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the entry is mine",
            trigger: ".o_form_view .o_field_widget[name='employee_id']:contains('Staf Tur')",
        },
        {
            content: "Back to my log",
            trigger: ".o_breadcrumb .o_back_button:visible",
            run: "click",
        },
        fitsThePhone("The entry in my log", ".o_kanban_record:contains('posyandu Melati')", {
            keys: [
                ".o_kanban_record:contains('posyandu Melati') .o_kinerja_card_date",
                ".o_kanban_record:contains('posyandu Melati') .o_kinerja_card_result:contains('Imunisasi rutin')",
                ".o_kanban_record:contains('posyandu Melati') .o_attachment",
            ],
        }),
    ],
});

const STAF_DUA = ".o_kanban_record:contains('Staf Dua')";
const STAF_TIGA = ".o_kanban_record:contains('Staf Tiga')";

// The supervisor approves one SKP and returns another from their cards.
tours.add("kinerja_asn_to_approve_phone", {
    url: "/odoo/kinerja-skp-to-approve",
    steps: () => [
        fitsThePhone("SKP to approve", `${STAF_DUA} div[name='plan_summary']:contains('400 anak')`, {
            keys: [`${STAF_DUA} .o_kinerja_card_employee`, `${STAF_DUA} .o_kinerja_card_period`],
            taps: [
                `${STAF_DUA} button[name='action_approve']`,
                `${STAF_DUA} button[name='action_open_return_wizard']`,
            ],
        }),
        {
            content: "Approve the SKP of Staf Dua",
            trigger: `${STAF_DUA} button[name='action_approve']`,
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_notification:contains('is approved')",
        },
        {
            content: "It leaves the list",
            trigger: `.o_kanban_view:not(:has(${STAF_DUA})) ${STAF_TIGA}`,
        },
        {
            content: "Return the SKP of Staf Tiga",
            trigger: `${STAF_TIGA} button[name='action_open_return_wizard']`,
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Target terlalu rendah: naikkan menjadi 450 anak",
        },
        fitsThePhone("The return dialog", ".modal .o_field_widget[name='reason'] textarea", {
            taps: [".modal button[name='action_confirm']"],
        }),
        {
            content: "Return it",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_notification:contains('returned')",
        },
        {
            content: "Nothing waits any more",
            trigger: `body:not(:has(.modal)) .o_kanban_view:not(:has(${STAF_TIGA}))`,
        },
    ],
});

const IMMUNISED = ".o_kanban_record:contains('Anak diimunisasi')";
const POSYANDU = ".o_kanban_record:contains('Posyandu aktif')";

// The supervisor reviews: feedback and accept in the report's form, reject from a card.
tours.add("kinerja_asn_to_review_phone", {
    url: "/odoo/kinerja-realization-review",
    steps: () => [
        fitsThePhone("Realisation to review", `${IMMUNISED}:contains('Staf Tur') .o_kinerja_card_value:contains('42')`, {
            keys: [
                `${IMMUNISED} div[name='employee_id']`,
                `${IMMUNISED} .o_kinerja_card_due:contains('100')`,
                `${IMMUNISED} .o_kinerja_card_evidence:contains('1')`,
                `${IMMUNISED} .o_kinerja_card_note:contains('posyandu Melati')`,
            ],
            taps: [
                `${IMMUNISED} button[name='action_accept']`,
                `${IMMUNISED} button[name='action_open_reject_wizard']`,
            ],
        }),
        {
            content: "Open the immunisation report",
            trigger: `${IMMUNISED} .o_kinerja_card_indicator`,
            run: "click",
        },
        {
            content: "Write feedback",
            trigger: ".o_field_widget[name='feedback'] textarea",
            run: "edit Sesuai register posyandu",
        },
        fitsThePhone("The report", ".o_form_view .o_field_widget[name='value']", {
            keys: [".o_field_widget[name='value']", ".o_field_widget[name='period_target']"],
            taps: [
                ".o_kinerja_mobile_actions button[name='action_accept']",
                ".o_kinerja_mobile_actions button[name='action_open_reject_wizard']",
            ],
        }),
        {
            content: "Accept it with the button in sight",
            trigger: ".o_kinerja_mobile_actions button[name='action_accept']:visible",
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_notification:contains('Staf Tur is accepted')",
        },
        {
            content: "Accepted",
            trigger: ".o_field_widget[name='state']:contains('Accepted'), .o_statusbar_status button.o_arrow_button_current[data-value='accepted']",
        },
        {
            content: "Back to the reports to review",
            trigger: ".o_breadcrumb .o_back_button:visible",
            run: "click",
        },
        {
            content: "Only the posyandu report waits",
            trigger: `.o_kanban_view:not(:has(${IMMUNISED})) ${POSYANDU}`,
        },
        {
            content: "Reject the posyandu report from its card",
            trigger: `${POSYANDU} button[name='action_open_reject_wizard']`,
            run: "click",
        },
        {
            content: "Say what to fix",
            trigger: ".modal .o_field_widget[name='feedback'] textarea",
            run: "edit Lampirkan daftar posyandu aktif per kelurahan",
        },
        fitsThePhone("The reject dialog", ".modal .o_field_widget[name='feedback'] textarea", {
            taps: [".modal button[name='action_confirm']"],
        }),
        {
            content: "Reject",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_notification:contains('rejected')",
        },
        {
            content: "Nothing is left to review",
            trigger: `body:not(:has(.modal)) .o_kanban_view:not(:has(${POSYANDU}))`,
        },
    ],
});

// The supervisor gives feedback on a work result of his team member.
tours.add("kinerja_asn_feedback_phone", {
    url: "/odoo/kinerja-feedback",
    steps: () => [
        fitsThePhone("Feedback", ".o_kanban_view", { keys: [".o-kanban-button-new"] }),
        {
            content: "Give feedback",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            content: "Choose the SKP",
            trigger: ".o_field_widget[name='skp_id'] input",
            run: "click",
        },
        fitsThePhone("The SKPs to choose from", ".modal .o_kanban_record:contains('Staf Tur')", {
            keys: [".modal .o_kanban_record:contains('Staf Tur') .o_kinerja_card_employee"],
        }),
        {
            content: "Pick the SKP of Staf Tur",
            trigger: ".modal .o_kanban_record:contains('Staf Tur')",
            run: "click",
        },
        {
            content: "Chosen",
            trigger: "body:not(:has(.modal)) .o_field_widget[name='skp_id'] input:value(/Staf Tur/)",
        },
        {
            content: "For improvement",
            trigger: ".o_field_widget[name='feedback_type'] input[data-value='improvement']",
            run: "click",
        },
        {
            content: "Choose the work result of his SKP",
            trigger: ".o_field_widget[name='result_id'] select:has(option:contains('Imunisasi rutin terlaksana'))",
            run: "selectByLabel Imunisasi rutin terlaksana",
        },
        {
            content: "What to improve and how",
            trigger: ".o_field_widget[name='text'] textarea",
            run: "edit Lampirkan foto kegiatan posyandu setiap minggu",
        },
        fitsThePhone("The feedback form", ".o_form_view .o_field_widget[name='text']", {
            keys: [
                ".o_field_widget[name='skp_id']",
                ".o_field_widget[name='feedback_type']",
                ".o_field_widget[name='result_id']",
                ".o_field_widget[name='text'] textarea",
            ],
        }),
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_status_indicator_buttons.invisible:not(:visible)",
        },
        {
            content: "Back to the feedback",
            trigger: ".o_breadcrumb .o_back_button:visible",
            run: "click",
        },
        fitsThePhone("The feedback given", ".o_kanban_record:contains('foto kegiatan posyandu')", {
            keys: [
                ".o_kanban_record:contains('foto kegiatan posyandu') .o_kinerja_card_employee:contains('Staf Tur')",
                ".o_kanban_record:contains('foto kegiatan posyandu') div[name='feedback_type']",
            ],
        }),
    ],
});
