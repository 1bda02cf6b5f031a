import { registry } from "@web/core/registry";

// The list open on the page shows every column title whole (the Python test sets a 1440 px
// wide screen and an Indonesian user, and opens each main list in turn).
registry.category("web_tour.tours").add("kinerja_asn_list_headers", {
    steps: () => [
        {
            content: "The list is loaded; a grouped list shows its first group",
            trigger: ".o_list_renderer .o_data_row, .o_list_renderer .o_group_header",
            run() {
                if (!document.querySelector(".o_list_renderer .o_data_row")) {
                    document.querySelector(".o_list_renderer .o_group_header").click();
                }
            },
        },
        {
            content: "No column title is cut",
            trigger: ".o_list_renderer .o_data_row",
            run() {
                const cut = [];
                for (const th of document.querySelectorAll(".o_list_renderer thead th[data-name]")) {
                    const title = th.querySelector(".text-truncate") || th;
                    if (title.getClientRects().length && title.scrollWidth > title.clientWidth + 1) {
                        cut.push(
                            `"${title.textContent.trim()}" (${th.dataset.name}): ${title.scrollWidth}px in ${title.clientWidth}px`
                        );
                    }
                }
                if (cut.length) {
                    throw new Error(`Cut column titles: ${cut.join("; ")}`);
                }
            },
        },
    ],
});
