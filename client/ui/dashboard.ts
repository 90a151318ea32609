// The dashboard: revenue against costs per minute, then time-series charts (uPlot) of what the
// monitoring agents report. Only monitored hosts have lines; the others are listed as blind spots.
// uPlot is fetched on first open.
import { isMonitored } from "../../shared/index.js";
import type { HostMetric } from "../logic/metricHistory.js";
import type { GameSession } from "../logic/session.js";
import { CashflowChart } from "./cashflowChart.js";
import { h } from "./dom.js";
import { infoButton } from "./infoDialog.js";

type UPlotCtor = typeof import("uplot");
type UPlot = InstanceType<UPlotCtor>;

const CHARTS: { metric: HostMetric; title: string; unit: string }[] = [
  { metric: "qps", title: "Requests per second (access log)", unit: "req/s" },
  { metric: "errors", title: "Errors per second", unit: "err/s" },
  { metric: "latencyMs", title: "Latency (slowest in each second)", unit: "ms" },
  { metric: "cpuPercent", title: "CPU", unit: "%" },
];
/** Okabe-Ito, in an order where neighbours differ in lightness too; dashes tell lines apart as well. */
const LINE_COLOURS = ["#56b4e9", "#e69f00", "#009e73", "#f0e442", "#cc79a7", "#0072b2", "#d55e00", "#ffffff"];
const DASHES: number[][] = [[], [6, 3], [2, 3], [10, 3, 2, 3]];
const MAX_LINES = 8;

export class Dashboard {
  readonly el: HTMLElement;
  private readonly grid = h("div", { class: "chart-grid" });
  private readonly blind = h("div", { class: "unmonitored" });
  private charts: UPlot[] = [];
  /** Hosts charted now; null forces a rebuild. */
  private hostIds: number[] | null = null;
  private uplot: UPlotCtor | null = null;
  private readonly cashflow: CashflowChart;
  open = false;

  constructor(private readonly session: GameSession, onClose: () => void) {
    this.cashflow = new CashflowChart(session);
    this.el = h("section", { class: "dashboard hidden", "data-panel": "dashboard", "aria-label": "Dashboard: money and monitoring" },
      h("header", null, h("h2", null, "Money"), h("button", { class: "btn small", type: "button", onclick: onClose }, "✕ Close (M)")),
      this.cashflow.el,
      h("h2", null, "Monitoring ", infoButton("monitor")),
      h("div", { class: "small muted" }, "Live numbers from the monitoring agents, one point per second of play. Servers without an agent report nothing."),
      this.grid,
      h("div", null, h("div", { class: "section-title" }, "Not monitored"), this.blind),
    );
  }

  async show(): Promise<void> {
    this.open = true;
    this.el.classList.remove("hidden");
    if (!this.uplot) {
      const [mod] = await Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]);
      this.uplot = mod.default;
    }
    this.hostIds = null;
    this.cashflow.build(this.uplot, Math.max(300, this.el.clientWidth - 40));
    this.refresh();
  }

  hide(): void {
    this.open = false;
    this.el.classList.add("hidden");
    this.destroyCharts();
    this.cashflow.destroy();
  }

  private destroyCharts(): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
  }

  refresh(): void {
    if (!this.open || !this.uplot) return;
    const hosts = this.session.state.hosts;
    const monitored = hosts.filter((x) => isMonitored(x)).slice(0, MAX_LINES);
    const ids = monitored.map((x) => x.id);
    const unmonitored = hosts.filter((x) => !isMonitored(x));
    this.blind.replaceChildren(...(unmonitored.length ? unmonitored.slice(0, 60).map((x) => h("span", { title: "Install a monitoring agent to see this server" }, `◌ ${x.name}: no agent`)) : [h("span", null, "None: every server reports.")]));
    if (this.hostIds === null || ids.join() !== this.hostIds.join()) {
      this.hostIds = ids;
      this.build(monitored.map((x) => x.name));
    }
    this.update();
  }

  private build(names: string[]): void {
    this.destroyCharts();
    if (names.length === 0) {
      const allowed = this.session.game.scenario.allowed.services.includes("monitor");
      this.grid.replaceChildren(h("div", { class: "chart", style: "grid-column: 1 / -1; display: flex; align-items: center; justify-content: center; color: var(--muted)" },
        allowed ? "No server has a monitoring agent: install one (+ monitoring client) to see its charts." : "No monitoring yet: agents unlock in chapter 3. Until then you learn of failures when users complain."));
      return;
    }
    this.grid.replaceChildren();
    const width = Math.max(260, Math.floor((this.el.clientWidth - 60) / 2));
    for (const chart of CHARTS) {
      const box = h("div", { class: "chart", "data-chart": chart.metric }, h("h4", null, `${chart.title} · ${chart.unit}`));
      this.grid.appendChild(box);
      const opts = {
        width, height: 150,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false }, y: { range: (_u: unknown, min: number, max: number): [number, number] => [0, Math.max(chart.metric === "cpuPercent" ? 100 : 1, max * 1.1 || 1, min)] } },
        axes: [
          { stroke: "#93a1b3", grid: { stroke: "#2b3646" }, ticks: { stroke: "#2b3646" }, values: (_u: unknown, v: number[]) => v.map((s) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}`) },
          { stroke: "#93a1b3", grid: { stroke: "#2b3646" }, ticks: { stroke: "#2b3646" }, size: 50 },
        ],
        series: [{ label: "time" }, ...names.map((name, i) => ({ label: name, stroke: LINE_COLOURS[i % LINE_COLOURS.length], width: 2, dash: DASHES[Math.floor(i / 2) % DASHES.length], spanGaps: false, points: { show: false } }))],
      };
      this.charts.push(new this.uplot!(opts as never, this.data(chart.metric) as never, box));
    }
  }

  private data(metric: HostMetric): (number | null)[][] {
    const hist = this.session.history;
    return [hist.seconds, ...(this.hostIds ?? []).map((id) => hist.hosts.get(id)?.[metric] ?? hist.seconds.map(() => null))];
  }

  private update(): void {
    this.cashflow.update();
    this.charts.forEach((c, i) => c.setData(this.data(CHARTS[i].metric) as never));
  }
}
