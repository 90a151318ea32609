// A student's side of the classroom API: what a code opens, and a seat in it. The rejoin token the
// server hands out is kept in localStorage per code, so a reload, a crash or a dropped network
// finds the same seat, name and team again.
import type { KeyValueStore } from "../logic/storage.js";

export interface ClassSummary {
  code: string;
  scenarioTitle: string;
  durationMinutes: number;
  mode: "individual" | "teams";
  teamSize: number;
  status: string;
  locked: boolean;
  generatedNames?: boolean;
}

export interface ClassSeat {
  code: string;
  rejoinToken: string;
  participantId: number;
  name: string;
  team: number;
  roomId: string;
}

const KEY = "nines.class.seats";

export class ClassSeats {
  constructor(private readonly store: KeyValueStore) {}

  private all(): Record<string, string> {
    try {
      const raw = JSON.parse(this.store.getItem(KEY) ?? "{}") as unknown;
      return raw && typeof raw === "object" ? (raw as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  tokenFor(code: string): string | null {
    const t = this.all()[code];
    return typeof t === "string" ? t : null;
  }

  remember(code: string, token: string): void {
    this.store.setItem(KEY, JSON.stringify({ ...this.all(), [code]: token }));
  }

  forget(code: string): void {
    const all = this.all();
    delete all[code];
    this.store.setItem(KEY, JSON.stringify(all));
  }
}

/** A class code as typed: the six letters, any case, spaces and dashes ignored (or a pasted join link). */
export function classCodeFrom(raw: string): string {
  const fromLink = /[?&]code=([A-Za-z-\s]+)/.exec(raw);
  return (fromLink ? fromLink[1] : raw).replace(/[\s-]/g, "").toUpperCase().slice(0, 12);
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as { error?: string } | null;
  if (!res.ok) throw new Error(body?.error ?? `the server answered ${res.status}`);
  return body as T;
}

export async function classSummary(code: string): Promise<ClassSummary> {
  return answer(await fetch(`/api/challenges/${encodeURIComponent(code)}`));
}

export async function takeSeat(code: string, request: { name?: string; rejoinToken?: string }): Promise<ClassSeat> {
  return answer(await fetch(`/api/challenges/${encodeURIComponent(code)}/seat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) }));
}
