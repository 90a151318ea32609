// What every export shares: the file type, where the certificate lives, and small lookups over
// the design (the state plus its derived topology). Pure functions: no file system here; the CLI
// and the browser decide where the text goes.
import type { GameState, Host } from "../model/types.js";
import { topology, type Topology } from "../sim/topology.js";

export interface ExportFile {
  /** Relative path: per-host files sit in a folder named after the host, as on that machine. */
  path: string;
  content: string;
}

export interface ExportOptions {
  /** Where certificates and keys are installed; the checks point this at a temporary folder. */
  certDir?: string;
}

export const DOMAIN = "foobar.com";
export const DEFAULT_CERT_DIR = "/etc/ssl/foobar";
export const certPaths = (o: ExportOptions = {}) => {
  const dir = o.certDir ?? DEFAULT_CERT_DIR;
  // `ca`: the authority that signed the web servers' certificates, which HAProxy checks them against (backend TLS).
  return { pem: `${dir}/www.foobar.com.pem`, crt: `${dir}/www.foobar.com.crt`, key: `${dir}/www.foobar.com.key`, ca: `${dir}/internal-ca.crt` };
};

export function hasValidCert(state: GameState, host: Host): boolean {
  return host.cert !== null && host.cert.expiresAt > state.tick;
}

export function design(state: GameState): { topo: Topology; hosts: Host[]; idx: (h: Host) => number } {
  const topo = topology(state);
  return { topo, hosts: state.hosts, idx: (h) => topo.indexById.get(h.id)! };
}

/** Hosts linked to host index `i`, by index. */
export function neighbours(state: GameState, topo: Topology, i: number): number[] {
  const id = state.hosts[i].id;
  const out: number[] = [];
  for (const l of state.links) {
    const other = l.from === id ? l.to : l.to === id ? l.from : -1;
    const j = other < 0 ? undefined : topo.indexById.get(other);
    if (j !== undefined) out.push(j);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

export const ticksToMs = (ticks: number) => ticks * 100;
export const ticksToSeconds = (ticks: number) => Math.max(1, Math.round(ticks / 10));
