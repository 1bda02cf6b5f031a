import { loadBundle } from "@web/core/assets";
import { Component, onWillStart, useEffect, useRef } from "@odoo/owl";

/**
 * A Chart.js chart, loaded as Odoo's graph view loads it (the "web.chartjs_lib" bundle, on
 * demand). `config` returns the chart's configuration; the chart is built again when it changes.
 */
export class KinerjaChart extends Component {
    static template = "kinerja_asn.Chart";
    static props = {
        config: Function,
        height: { type: Number, optional: true },
        label: { type: String, optional: true },
    };
    static defaultProps = { height: 220 };

    setup() {
        this.canvasRef = useRef("canvas");
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            (config) => {
                const chart = new window.Chart(this.canvasRef.el, config());
                return () => chart.destroy();
            },
            () => [this.props.config]
        );
    }
}
