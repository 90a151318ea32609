// Revenue against costs, one point per minute of play: do the servers pay for themselves? Two
// lines told apart by more than colour: revenue is solid with round points, costs dashed, each
// named in the legend with its line style, and the last full minute is also written out in words.
import { money, moneyExact, type CashflowMinute } from "../../shared/index.js";
import type { GameSession } from "../logic/session.js";
import { h, setText } from "./dom.js";

type UPlotCtor = typeof import("uplot");
type UPlot = InstanceType<UPlotCtor>;

const REVENUE = { label: "Revenue (solid line)", stroke: "#009e73" };
const COSTS = { label: "Costs (dashed line)", stroke: "#e69f00", dash: [8, 4] };

/** "Minute 3: in $9, out $13, net -$4": the minute in words, for readers and screen readers. */
export function minuteInWords(m: CashflowMinute): string {
  return `Minute ${m.minute + 1}: in ${money(m.revenue)}, out ${money(m.costs)}, net ${money(m.revenue - m.costs)}`;
}

/**
 * The dollar axis's labels: whole dollars, or cents when the ticks are closer than a dollar (an
 * empty first minute's axis runs 0 to 1 in steps of 0.2, which whole dollars write "$0" four times).
 */
export function dollarAxisLabels(ticks: readonly number[]): string[] {
  const fine = ticks.some((d) => !Number.isInteger(Math.round(d * 100) / 100));
  return ticks.map((d) => (fine ? moneyExact(Math.round(d * 100)) : money(Math.round(d * 100))));
}

/** The series uPlot draws: minute numbers (from 1) and dollars. */
export function cashflowSeries(minutes: readonly CashflowMinute[]): [number[], number[], number[]] {
  return [minutes.map((m) => m.minute + 1), minutes.map((m) => m.revenue / 100), minutes.map((m) => m.costs / 100)];
}

export class CashflowChart {
  readonly el: HTMLElement;
  private readonly box = h("div", null);
  private readonly words = h("div", { class: "small", "data-field": "cashflow-words", "aria-live": "polite" });
  private plot: UPlot | null = null;

  constructor(private readonly session: GameSession) {
    this.el = h("div", { class: "chart cashflow", "data-chart": "cashflow" },
      h("h4", null, "Revenue against costs · $ per minute of play"),
      this.box, this.words);
  }

  build(uplot: UPlotCtor, width: number): void {
    this.destroy();
    const opts = {
      width, height: 170,
      legend: { show: true, markers: { width: 3, dash: (u: UPlot, i: number) => (u.series[i].dash?.length ? "dashed" : "solid") } },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: (_u: unknown, _min: number, max: number): [number, number] => [0, Math.max(1, max * 1.1)] } },
      axes: [
        { stroke: "#93a1b3", grid: { stroke: "#2b3646" }, ticks: { stroke: "#2b3646" }, values: (_u: unknown, v: number[]) => v.map((m) => (Number.isInteger(m) ? `min ${m}` : "")) },
        { stroke: "#93a1b3", grid: { stroke: "#2b3646" }, ticks: { stroke: "#2b3646" }, size: 64, values: (_u: unknown, v: number[]) => dollarAxisLabels(v) },
      ],
      series: [
        { label: "minute" },
        { ...REVENUE, width: 2, points: { show: true, size: 6 }, value: (_u: unknown, v: number | null) => (v === null ? "—" : money(Math.round(v * 100))) },
        { ...COSTS, width: 2, points: { show: false }, value: (_u: unknown, v: number | null) => (v === null ? "—" : money(Math.round(v * 100))) },
      ],
    };
    this.plot = new uplot(opts as never, cashflowSeries(this.session.cashflow.complete(this.session.state)) as never, this.box);
    this.update();
  }

  update(): void {
    // The minute under way is still filling: the chart and the words show the minutes that are over.
    const minutes = this.session.cashflow.complete(this.session.state);
    this.plot?.setData(cashflowSeries(minutes) as never);
    const last = minutes[minutes.length - 1];
    setText(this.words, last ? `${minuteInWords(last)}.` : "The first minute is still under way: a point appears for each minute of play.");
  }

  destroy(): void {
    this.plot?.destroy();
    this.plot = null;
  }
}
