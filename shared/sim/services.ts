// Making services and finding them on hosts.
import { SERVICE_ORDER, SERVICES } from "../content/catalog.js";
import type { AnyService, DbRole, FirewallRule, FirewallService, Host, ServiceKind } from "../model/types.js";
import { openToInternet } from "./firewall-rules.js";

export function newService(kind: ServiceKind, readyAt: number, opts: { dbRole?: DbRole; codeVersion?: number; firewallRules?: FirewallRule[] } = {}): AnyService {
  const base = { status: readyAt > 0 ? ("starting" as const) : ("up" as const), readyAt, note: readyAt > 0 ? { code: "installing" as const } : null };
  switch (kind) {
    case "web": return { kind, ...base };
    case "app": return { kind, ...base, codeVersion: opts.codeVersion ?? 1 };
    case "db": return { kind, ...base, role: opts.dbRole ?? "primary", diskPermille: 100, lagTicks: 0, lastWrites: 0 };
    case "lb": return { kind, ...base, algorithm: "roundrobin", healthCheck: false, checkInterval: 20, fall: 3, rise: 2, redispatch: false, drained: [], backups: [], markedDown: [], checkStreaks: [], rateLimit: 0, backendTls: false };
    case "firewall": return { kind, ...base, rules: opts.firewallRules ?? [] };
    case "monitor": return { kind, ...base };
  }
}

export function findService<K extends ServiceKind>(host: Host, kind: K): Extract<AnyService, { kind: K }> | undefined {
  return host.services.find((s) => s.kind === kind) as Extract<AnyService, { kind: K }> | undefined;
}

export function addService(host: Host, service: AnyService): void {
  host.services.push(service);
  host.services.sort((a, b) => SERVICE_ORDER.indexOf(a.kind) - SERVICE_ORDER.indexOf(b.kind));
}

export function memoryUsedMb(host: Host): number {
  let mb = 0;
  for (const s of host.services) mb += SERVICES[s.kind].memoryMb;
  return mb;
}

/** Ports a service on this host listens on; SSH is always there for the admins. */
export function listeningPorts(host: Host): number[] {
  const ports = [22];
  for (const s of host.services) {
    if (s.kind === "web" || s.kind === "lb") ports.push(80, 443);
    else if (s.kind === "app") ports.push(8080);
    else if (s.kind === "db") ports.push(3306);
  }
  return [...new Set(ports)].sort((a, b) => a - b);
}

/** Ports the internet can reach: listening, on a public address, and open to anywhere if a firewall runs. */
export function exposedPorts(host: Host): number[] {
  if (!host.publicIp) return [];
  const fw = findService(host, "firewall");
  const listening = listeningPorts(host);
  if (!fw || fw.status !== "up") return listening;
  return listening.filter((p) => openToInternet(fw, p));
}

/** Whether the internet reaches `port` on this host, without building port lists (hot path). */
export function isExposed(host: Host, port: number): boolean {
  if (!host.publicIp) return false;
  let listening = port === 22;
  let fw: FirewallService | null = null;
  for (let k = 0; k < host.services.length; k++) {
    const s = host.services[k];
    if (s.kind === "firewall") fw = s;
    else if (!listening) listening = port === 3306 ? s.kind === "db" : port === 8080 ? s.kind === "app" : (port === 80 || port === 443) && (s.kind === "web" || s.kind === "lb");
  }
  if (!listening) return false;
  return !fw || fw.status !== "up" || openToInternet(fw, port);
}

export function isUp(host: Host, service?: AnyService | null): boolean {
  return host.status === "up" && (service === undefined || (service !== null && service.status === "up"));
}
