// The teacher page's connection to the challenge's teacher room: the lobby, standings and results
// come in; the teacher's actions go out. It reconnects by itself after a drop (the room is found
// again by its code, and the token is checked again).
import { Client, type Room } from "colyseus.js";
import { CLASSROOM_ROOM, type ClassPhase, type ResultsMessage, type StandingsMessage } from "../../shared/index.js";

export interface ClassView {
  code: string;
  phase: ClassPhase;
  round: number;
  locked: boolean;
  startsInMs: number;
  endTick: number;
  seed: number;
  settings: { scenario: string; durationMinutes: number; mode: "individual" | "teams"; teamSize: number; showStandings: boolean; generatedNames: boolean };
  students: { id: number; name: string; team: number; connection: "connected" | "reconnecting" | "gone" }[];
  teamRooms: { team: number; roomId: string }[];
}

export interface ClassHandlers {
  view(view: ClassView): void;
  standings(message: StandingsMessage): void;
  results(message: ResultsMessage): void;
  rejected(reason: string): void;
  status(text: string | null): void;
}

export class ClassLink {
  private room: Room | null = null;
  private closed = false;

  constructor(private readonly code: string, private readonly token: string, private readonly handlers: ClassHandlers) {}

  async connect(): Promise<void> {
    const room = await new Client().joinOrCreate(CLASSROOM_ROOM, { code: this.code, teacherToken: this.token });
    this.room = room;
    room.onMessage("class", (m: ClassView) => this.handlers.view(m));
    room.onMessage("standings", (m: StandingsMessage) => this.handlers.standings(m));
    room.onMessage("results", (m: ResultsMessage) => this.handlers.results(m));
    room.onMessage("rejected", (m: { reason: string }) => this.handlers.rejected(m.reason));
    room.onLeave(() => void this.dropped());
    this.handlers.status(null);
  }

  send(action: string, payload: Record<string, unknown> = {}): void {
    this.room?.send(action, payload);
  }

  close(): void {
    this.closed = true;
    void this.room?.leave(true);
  }

  private async dropped(): Promise<void> {
    this.room = null;
    for (let attempt = 0; !this.closed; attempt++) {
      this.handlers.status("Connection to the server lost: reconnecting…");
      await new Promise((r) => setTimeout(r, Math.min(8000, 500 * 2 ** attempt)));
      try {
        await this.connect();
        return;
      } catch {
        // the server may be restarting: try again
      }
    }
  }
}
