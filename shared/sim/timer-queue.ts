// When something finishes on its own: a host booting, a service starting. Instead of checking every
// host each tick, each host with something starting waits in a queue ordered by due tick (then
// host slot, the order the old full scan visited them in). Hosts with a certificate are kept in a
// short list, since a certificate's clock is read every tick. Both live beside the state (never
// hashed) and are rebuilt from it whenever a timer may have been set behind the queue's back: a
// new state object, a changed topology, or an applied command (`timersChanged`).
import type { GameState } from "../model/types.js";
import { topology } from "./topology.js";

interface TimerQueue {
  version: number;
  hosts: GameState["hosts"];
  dirty: boolean;
  /** Binary min-heap of (due tick, host slot), as parallel arrays. */
  due: number[];
  slot: number[];
  /** Host slots with a certificate, ascending. */
  certSlots: number[];
  /** This tick's hosts to visit, ascending, and those of them that came off the queue (reused). */
  visit: number[];
  popped: number[];
  seen: Uint8Array;
}

const queues = new WeakMap<GameState, TimerQueue>();

/** Something may have set a timer without telling the queue (a command ran): rebuild before the next tick. */
export function timersChanged(state: GameState): void {
  const q = queues.get(state);
  if (q) q.dirty = true;
}

/** A timer was set on host `hostId` (a restart, a boot): it joins the queue at its due tick. */
export function timerSet(state: GameState, hostId: number): void {
  const q = queues.get(state);
  if (!q || q.dirty) return;
  const topo = topology(state);
  if (topo.version !== q.version) { q.dirty = true; return; }
  const i = topo.indexById.get(hostId);
  if (i === undefined) return;
  const due = nextDue(state.hosts[i]);
  if (due >= 0) push(q, due, i);
}

/**
 * The host slots whose timers may fire this tick, in ascending slot order (the order of a full
 * scan): each host due now and each host with a certificate. Call `requeueVisited` after them.
 */
export function hostsToVisit(state: GameState): number[] {
  const q = fresh(state);
  const t = state.tick;
  const visit = q.visit;
  visit.length = 0;
  q.popped.length = 0;
  while (q.due.length > 0 && q.due[0] <= t) {
    const i = pop(q);
    if (q.seen[i] === 0) { q.seen[i] = 1; visit.push(i); q.popped.push(i); }
  }
  // Indexed loops: this runs every tick, most of them (in a fresh process) before V8 optimises it.
  for (let k = 0; k < q.certSlots.length; k++) {
    const i = q.certSlots[k];
    if (q.seen[i] === 0) { q.seen[i] = 1; visit.push(i); }
  }
  for (let k = 0; k < visit.length; k++) q.seen[visit[k]] = 0;
  if (visit.length > 1) visit.sort(ascending);
  return visit;
}

/** After this tick's visits: each host that came off the queue and still waits on something goes back, due then. */
export function requeueVisited(state: GameState): void {
  const q = queues.get(state);
  if (!q) return;
  for (let k = 0; k < q.popped.length; k++) {
    const i = q.popped[k];
    const due = nextDue(state.hosts[i]);
    if (due >= 0) push(q, Math.max(due, state.tick + 1), i);
  }
  q.popped.length = 0;
}

/** The tick the host's next timer is due (its boot, else its earliest starting service), or -1 if none can fire. */
function nextDue(h: GameState["hosts"][number]): number {
  if (h.status === "starting") return h.readyAt;
  if (h.status !== "up") return -1; // a down host waits for the player (a command), not for time
  let due = -1;
  for (const s of h.services) if (s.status === "starting" && (due < 0 || s.readyAt < due)) due = s.readyAt;
  return due;
}

function ascending(a: number, b: number): number {
  return a - b;
}

function fresh(state: GameState): TimerQueue {
  const topo = topology(state);
  const q = queues.get(state);
  if (q && !q.dirty && q.version === topo.version && q.hosts === state.hosts) return q;
  const n = state.hosts.length;
  const built: TimerQueue = { version: topo.version, hosts: state.hosts, dirty: false, due: [], slot: [], certSlots: [], visit: [], popped: [], seen: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const h = state.hosts[i];
    const due = nextDue(h);
    if (due >= 0) push(built, due, i);
    if (h.cert) built.certSlots.push(i);
  }
  queues.set(state, built);
  return built;
}

function before(q: TimerQueue, a: number, b: number): boolean {
  return q.due[a] < q.due[b] || (q.due[a] === q.due[b] && q.slot[a] < q.slot[b]);
}

function swap(q: TimerQueue, a: number, b: number): void {
  const d = q.due[a]; q.due[a] = q.due[b]; q.due[b] = d;
  const s = q.slot[a]; q.slot[a] = q.slot[b]; q.slot[b] = s;
}

function push(q: TimerQueue, due: number, slot: number): void {
  let k = q.due.length;
  q.due.push(due);
  q.slot.push(slot);
  while (k > 0) {
    const parent = (k - 1) >> 1;
    if (!before(q, k, parent)) break;
    swap(q, k, parent);
    k = parent;
  }
}

function pop(q: TimerQueue): number {
  const top = q.slot[0];
  const last = q.due.length - 1;
  swap(q, 0, last);
  q.due.pop();
  q.slot.pop();
  let k = 0;
  for (;;) {
    const l = 2 * k + 1;
    const r = l + 1;
    let m = k;
    if (l < last && before(q, l, m)) m = l;
    if (r < last && before(q, r, m)) m = r;
    if (m === k) break;
    swap(q, k, m);
    k = m;
  }
  return top;
}

/** The host slots the queue would hand to this tick's timers (for tests; changes nothing but a due rebuild). */
export function dueHostsNow(state: GameState): number[] {
  const q = fresh(state);
  const due: number[] = [];
  for (let k = 0; k < q.due.length; k++) if (q.due[k] <= state.tick && !due.includes(q.slot[k])) due.push(q.slot[k]);
  return due.sort((a, b) => a - b);
}
