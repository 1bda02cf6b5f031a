import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { session } from "@web/session";
import { Layout } from "@web/search/layout";
import { Dropdown } from "@web/core/dropdown/dropdown";
import { DropdownItem } from "@web/core/dropdown/dropdown_item";
import { formatFloat } from "@web/views/fields/formatters";
import { Component, onWillStart, useState } from "@odoo/owl";
import { KinerjaChart } from "./kinerja_chart";

const BLUE = "#3188E6";
const GREY = "#7E8290";
const RED = "#CE4257";
const GREEN = "#00A78D";
export const PREDICATE_COLORS = {
    very_good: "#00A78D",
    good: "#4EA7F2",
    needs_improvement: "#F4A261",
    poor: "#EA6175",
    very_poor: "#982738",
};

/**
 * The Kinerja app's first screen: what the user has to do now (his SKP and its next step, this
 * period's report, what waits for him as evaluator, feedback, coaching and predicates), then
 * the charts of his progress, of his team and of his agency. Every number opens the records
 * behind it. The data comes from `kinerja.home.get_home_data`, read under the user's rights.
 */
export class KinerjaHome extends Component {
    static template = "kinerja_asn.Home";
    static components = { Layout, KinerjaChart, Dropdown, DropdownItem };
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.tourService = useService("tour_service");
        this.state = useState({ data: null, guideStarted: false });
        this.guideLabels = {
            employee: _t("My first SKP and report"),
            supervisor: _t("Approving and reviewing my team"),
            officer: _t("Setting up the year"),
        };
        onWillStart(() => this.load());
    }

    get display() {
        return { controlPanel: {} };
    }

    get data() {
        return this.state.data;
    }

    get greeting() {
        return _t("Hello, %s", this.data.user_name);
    }

    get subtitle() {
        const { job, department } = this.data.employee;
        return [job, department].filter(Boolean).join(" · ");
    }

    async load() {
        const data = await this.orm.call("kinerja.home", "get_home_data", []);
        // The charts' configurations are built once per load: a chart is drawn again only when
        // its data change, not at every rendering of the home.
        const { employee, evaluator, officer } = data;
        this.charts = {
            progress: Object.fromEntries(
                ((employee && employee.progress) || []).map((indicator) => [
                    indicator.id,
                    () => this.progressConfig(indicator),
                ])
            ),
            predicates:
                evaluator && evaluator.predicates
                    ? () => this.predicatesConfig(evaluator.predicates)
                    : null,
            achievement:
                officer && officer.units.rows.length ? () => this.achievementConfig(officer.units) : null,
            unitPredicates:
                officer && officer.units.period && officer.units.rows.length
                    ? () => this.unitPredicatesConfig(officer.units)
                    : null,
        };
        this.state.data = data;
    }

    reportLabel(report) {
        return _t("Report %s", report.period);
    }

    reportTitle(report) {
        return _t("Report of %s", report.period);
    }

    deadlineLabel(report) {
        return _t("Deadline %s", report.deadline_label);
    }

    daysLeftLabel(report) {
        return _t("%s days left to report.", report.days_left);
    }

    progressLabel(indicator) {
        return _t("Realised %(realized)s of %(target)s %(unit)s, achievement %(achievement)s", {
            realized: this.formatNumber(indicator.realized_last),
            target: this.formatNumber(indicator.target),
            unit: indicator.unit,
            achievement: this.formatPercent(indicator.achievement),
        });
    }

    distributionLabel(predicates) {
        return _t("Against the distribution of %(unit)s, whose organisation predicate is %(rating)s.", {
            unit: predicates.unit,
            rating: predicates.org_rating,
        });
    }

    formatPercent(value) {
        return `${formatFloat(value || 0, { digits: [false, 1] })} %`;
    }

    formatNumber(value) {
        return formatFloat(value || 0, { digits: [false, 2] });
    }

    // ----------------------------------------------------------------------------------------
    // Opening the records behind a number
    // ----------------------------------------------------------------------------------------

    /**
     * Open what `spec` describes: a model method (as its button would call it), or a window
     * action by its XML id, narrowed to the domain the number was counted with, or one record.
     */
    async open(spec) {
        if (!spec) {
            return;
        }
        if (spec.method) {
            const action = await this.orm.call(spec.model, spec.method, [spec.res_ids]);
            return this.actionService.doAction(action);
        }
        const action = await this.actionService.loadAction(spec.xmlid);
        const context = {};
        for (const [key, value] of Object.entries(action.context || {})) {
            // the domain says what to show: the action's default filters would hide some of it
            if (!key.startsWith("search_default_") || !spec.domain) {
                context[key] = value;
            }
        }
        Object.assign(context, spec.context || {});
        const next = {
            ...action,
            context,
            views: (action.views || []).filter(([, type]) => type !== "search"),
        };
        if (spec.domain) {
            next.domain = spec.domain;
        }
        if (spec.name) {
            next.name = spec.name;
            next.display_name = spec.name;
        }
        if (spec.view === "form" && action.type === "ir.actions.act_window") {
            const form = action.views.find(([, type]) => type === "form");
            next.views = [[form ? form[0] : false, "form"]];
            next.view_mode = "form";
            if (spec.res_id) {
                next.res_id = spec.res_id;
            }
        }
        return this.actionService.doAction(next);
    }

    // ----------------------------------------------------------------------------------------
    // Guided first steps
    // ----------------------------------------------------------------------------------------
    async dismissGuide() {
        this.state.data.guide_offered = false;
        await this.orm.call("kinerja.home", "action_dismiss_guide", []);
    }

    async startGuide(role) {
        if (this.data.guide_offered) {
            await this.dismissGuide();
        }
        const enabled = session.tour_enabled;
        await this.tourService.startTour(`kinerja_asn_guide_${role}`, {
            mode: "manual",
            redirect: false,
            rainbowManMessage: _t("Well done: you know your way around Kinerja."),
        });
        if (!enabled) {
            // Starting a guide switches Odoo's onboarding on; it stays as the user had it, so
            // that no other application's tour follows this one.
            await this.orm.call("res.users", "switch_tour_enabled", [false]);
        }
        this.state.guideStarted = role;
    }

    // ----------------------------------------------------------------------------------------
    // Charts
    // ----------------------------------------------------------------------------------------
    progressConfig(indicator) {
        return {
            type: "line",
            data: {
                labels: indicator.labels,
                datasets: [
                    {
                        label: _t("Realised to date"),
                        data: indicator.realized,
                        borderColor: BLUE,
                        backgroundColor: BLUE,
                        // a report waiting for review is drawn hollow
                        pointBackgroundColor: indicator.pending.map((pending) => (pending ? "#FFFFFF" : BLUE)),
                        pointRadius: 4,
                    },
                    {
                        label: _t("Target to date"),
                        data: indicator.target_line,
                        borderColor: GREY,
                        backgroundColor: GREY,
                        borderDash: [6, 4],
                        pointRadius: 0,
                    },
                ],
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
                scales: { y: { beginAtZero: true } },
                onClick: () => this.open(indicator.action),
            },
        };
    }

    predicatesConfig(predicates) {
        const bars = predicates.bars;
        const datasets = [
            {
                type: "bar",
                label: _t("My team (%)"),
                data: bars.map((bar) => bar.percent),
                backgroundColor: bars.map((bar) => PREDICATE_COLORS[bar.key]),
            },
        ];
        const limit = (label, key, color) => ({
            type: "line",
            label,
            data: bars.map((bar) => bar[key]),
            showLine: false,
            pointStyle: "line",
            pointRadius: 16,
            pointHoverRadius: 16,
            borderWidth: 3,
            borderColor: color,
            backgroundColor: color,
        });
        if (bars.some((bar) => bar.max !== null)) {
            datasets.push(limit(_t("Unit's maximum (%)"), "max", RED));
        }
        if (bars.some((bar) => bar.min !== null)) {
            datasets.push(limit(_t("Unit's minimum (%)"), "min", GREEN));
        }
        return {
            type: "bar",
            data: { labels: bars.map((bar) => bar.label), datasets },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
                scales: { y: { beginAtZero: true, max: 100 } },
                onClick: (ev, elements) => {
                    if (elements.length) {
                        this.open(bars[elements[0].index].action);
                    }
                },
            },
        };
    }

    achievementConfig(units) {
        const rows = units.rows;
        return {
            type: "bar",
            data: {
                labels: rows.map((row) => row.name),
                datasets: [
                    {
                        label: _t("Average achievement (%)"),
                        data: rows.map((row) => row.achievement),
                        backgroundColor: BLUE,
                    },
                ],
            },
            options: {
                indexAxis: "y",
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: { legend: { display: false } },
                scales: { x: { beginAtZero: true } },
                onClick: (ev, elements) => {
                    if (elements.length) {
                        this.open(rows[elements[0].index].skps_action);
                    }
                },
            },
        };
    }

    unitPredicatesConfig(units) {
        const rows = units.rows;
        return {
            type: "bar",
            data: {
                labels: rows.map((row) => row.name),
                datasets: units.predicate_keys.map((key, index) => ({
                    label: units.predicate_labels[index],
                    data: rows.map((row) => row.predicates[index]),
                    backgroundColor: PREDICATE_COLORS[key],
                })),
            },
            options: {
                indexAxis: "y",
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
                scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } },
                onClick: (ev, elements) => {
                    if (elements.length) {
                        const { index, datasetIndex } = elements[0];
                        this.open(rows[index].predicate_actions[datasetIndex]);
                    }
                },
            },
        };
    }

    unitChartHeight(units) {
        return Math.max(160, 30 * units.rows.length + 70);
    }
}

registry.category("actions").add("kinerja_asn.home", KinerjaHome);
