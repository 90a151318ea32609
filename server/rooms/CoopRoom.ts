// The co-op room: network in, turns out. Players' messages are parsed strictly and answered with
// `rejected` when refused (never a disconnect); accepted commands wait in the TurnClock, which ten
// times a second applies them and steps the shared simulation. Everything about lockstep lives in
// server/lockstep/; this class only connects it to Colyseus.
import { ClientState, Room, type Client } from "@colyseus/core";
import { findScenario, Game, SCENARIO_IDS, SIM_VERSION, type Role, type ScenarioOverrides } from "../../shared/index.js";
import {
  COMMAND_BURST, COMMAND_RATE_PER_SECOND, CURSOR_RATE_PER_SECOND, isClientMessageType, JoinOptionsSchema, MAX_PLAYERS,
  parseClientMessage, PING_BURST, PING_RATE_PER_SECOND, PROTOCOL_VERSION, RECONNECT_SECONDS, RESYNC_BURST, RESYNC_EVERY_SECONDS,
  TURN_MESSAGES_PER_SECOND, versionMismatch, type ClientMessage, type ClientMessageType, type JoinOptions, type NoticeKind,
  type RejectedMessage, type SnapshotMessage,
} from "../../shared/protocol.js";
import { readableSeq, takeCommand } from "../lockstep/commandIntake.js";
import { describeDesync } from "../lockstep/desync.js";
import { TokenBucket } from "../lockstep/rateLimiter.js";
import { claimRoomCode, releaseRoomCode } from "../lockstep/roomCode.js";
import { TurnClock, type Speed } from "../lockstep/turnClock.js";
import { CoopState, type PlayerState } from "./CoopState.js";
import { readIncoming } from "./messageGate.js";
import { addPlayer, passHost, removePlayer } from "./roster.js";

/** Each player's limits, kept beside (not in) the Schema state. */
interface Seat {
  commands: TokenBucket;
  pings: TokenBucket;
  cursors: TokenBucket;
  resyncs: TokenBucket;
}

type Handler<T extends ClientMessageType> = (client: Client, message: ClientMessage<T>, player: PlayerState) => string | void;

/** Ticks between updates of the room's `tick` metadata. */
const TICK_METADATA_EVERY = 10;

export class CoopRoom extends Room<CoopState> {
  override maxClients = MAX_PLAYERS;
  /** Milliseconds between turn messages. Tests subclass the room to run the same protocol faster. */
  protected turnMs = 1000 / TURN_MESSAGES_PER_SECOND;
  /** Per-player command limit; a faster test clock raises it in proportion. */
  protected commandsPerSecond = COMMAND_RATE_PER_SECOND;

  /** Why a client without a seat may not act (only a subclass lets such clients in). */
  protected unseatedReason = "you have no seat in this room";
  protected clockOfTurns: TurnClock | null = null;
  /** A challenge's changes to the scenario (classroom team rooms); none in a plain co-op room. */
  protected overrides: ScenarioOverrides | undefined;
  private seats = new Map<string, Seat>();
  private timer: NodeJS.Timeout | undefined;

  override async onCreate(rawOptions: unknown): Promise<void> {
    const options = readJoinOptions(rawOptions);
    this.state = new CoopState();
    this.state.code = this.roomId = await claimRoomCode(this.presence);
    this.state.scenario = options.scenario ?? SCENARIO_IDS[0];
    this.state.seed = options.seed ?? randomSeed();
    if (options.scenario) this.startGame(options.scenario, this.state.seed);
    this.onMessage("*", (client, type, message) => this.receive(client, type, message));
    this.timer = setInterval(() => this.turn(), this.turnMs);
  }

  override onJoin(client: Client, rawOptions: unknown): void {
    const options = readJoinOptions(rawOptions);
    this.seats.set(client.sessionId, {
      commands: new TokenBucket(this.commandsPerSecond, COMMAND_BURST),
      pings: new TokenBucket(PING_RATE_PER_SECOND, PING_BURST),
      cursors: new TokenBucket(CURSOR_RATE_PER_SECOND, CURSOR_RATE_PER_SECOND),
      resyncs: new TokenBucket(1 / RESYNC_EVERY_SECONDS, RESYNC_BURST),
    });
    const player = addPlayer(this.state, client.sessionId, options.name, options.colour);
    this.notice("joined", client.sessionId, `${player.name} joined`);
    if (this.clockOfTurns) this.sendSnapshot(client, "join");
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const player = this.state.players.get(client.sessionId);
    if (!player) return;
    if (!consented) {
      player.connected = false;
      this.notice("left", client.sessionId, `${player.name} lost the connection`);
      try {
        const back = await this.allowReconnection(client, RECONNECT_SECONDS);
        player.connected = true;
        this.notice("reconnected", client.sessionId, `${player.name} is back`);
        if (this.clockOfTurns) this.sendSnapshot(back, "join");
        this.announceHost(passHost(this.state));
        return;
      } catch {
        // The seat expired: the player is gone for good.
      }
    } else {
      this.notice("left", client.sessionId, `${player.name} left`);
    }
    this.seats.delete(client.sessionId);
    this.announceHost(removePlayer(this.state, client.sessionId));
  }

  override async onDispose(): Promise<void> {
    clearInterval(this.timer);
    if (this.state.code) await releaseRoomCode(this.presence, this.state.code);
  }

  /**
   * Colyseus disconnects a client whose message does not decode; read room messages here first so
   * an unreadable or oversized one is refused like any other bad message.
   */
  protected override _onMessage(client: Parameters<Room["_onMessage"]>[0], buffer: Buffer): void {
    const incoming = readIncoming(buffer);
    if (incoming.kind === "pass") return super._onMessage(client, buffer);
    if (client.state === ClientState.LEAVING) return;
    if (incoming.kind === "refused") this.refuse(client, { seq: -1, type: incoming.type, reason: incoming.reason });
    else this.receive(client, incoming.type, incoming.message);
  }

  /** Every client message lands here. Never throws: a handler's failure is a `rejected` reply. */
  private receive(client: Client, type: string | number, message: unknown): void {
    const seq = readableSeq(message);
    const player = this.state.players.get(client.sessionId);
    if (!isClientMessageType(type)) {
      this.refuse(client, { seq, type: String(type).slice(0, 40), reason: `unknown message type "${String(type).slice(0, 40)}"` });
      return;
    }
    if (!player) {
      // Someone in the room without a seat (a teacher watching): a command gets a reason, the rest is ignored.
      if (type === "cmd") this.refuse(client, { seq, type, reason: this.unseatedReason });
      return;
    }
    try {
      const reason = this.handle(client, type, message, player);
      if (reason) this.refuse(client, { seq, type, reason });
    } catch (err) {
      console.error(`[coop ${this.roomId}] "${type}" from ${client.sessionId} failed: ${err instanceof Error ? err.message : String(err)}`);
      this.refuse(client, { seq, type, reason: "the room could not handle that message" });
    }
  }

  private handle(client: Client, type: ClientMessageType, message: unknown, player: PlayerState): string | void {
    const refused = this.messageRefused(type);
    if (refused) return refused;
    if (type === "cmd") return this.onCommand(client, message, player);
    const parsed = parseClientMessage(type, message);
    if (!parsed.ok) return parsed.reason;
    const handler = this.handlers[type] as Handler<typeof type>;
    return handler(client, parsed.value, player);
  }

  private onCommand(client: Client, message: unknown, player: PlayerState): void {
    const seat = this.seats.get(client.sessionId)!;
    const intake = takeCommand(message, {
      game: this.clockOfTurns?.game ?? null,
      ended: this.state.phase === "ended",
      actor: { id: client.sessionId, role: this.state.rolesEnabled && player.role ? (player.role as Role) : null },
      bucket: seat.commands,
    });
    if (intake.ok) this.clockOfTurns!.enqueue({ by: client.sessionId, seq: intake.seq, cmd: intake.cmd });
    else this.refuse(client, { seq: intake.seq, type: "cmd", reason: intake.reason });
  }

  /** Handlers for every message but `cmd`; each returns a reason to refuse, or nothing. */
  private readonly handlers: { [T in Exclude<ClientMessageType, "cmd">]: Handler<T> } = {
    cursor: (client, { x, y }, player) => {
      if (!this.seats.get(client.sessionId)!.cursors.take()) return; // a cursor is lossy: extra moves are dropped
      player.cursorX = x;
      player.cursorY = y;
    },
    ping: (client, { x, y }) => {
      if (!this.seats.get(client.sessionId)!.pings.take()) return `too many pings: at most ${PING_RATE_PER_SECOND} a second`;
      this.broadcast("ping", { by: client.sessionId, x, y }, { except: client });
    },
    ready: (_client, { ready }, player) => {
      player.ready = ready;
    },
    setup: (_client, { scenario, seed }, player) => {
      if (!player.isHost) return "only the host chooses the scenario";
      if (this.state.phase !== "lobby") return "the scenario is chosen in the lobby";
      if (!findScenario(scenario)) return unknownScenario(scenario);
      this.state.scenario = scenario;
      if (seed !== undefined) this.state.seed = seed;
    },
    start: (_client, _message, player) => {
      if (!player.isHost) return "only the host starts the game";
      if (this.state.phase !== "lobby") return "the game has already started";
      this.startGame(this.state.scenario, this.state.seed);
      this.broadcastSnapshot("new-game");
    },
    speed: (client, { speed }, player) => {
      const refused = this.timeControlRefused(player, "change the speed");
      if (refused) return refused;
      this.clockOfTurns!.speed = speed as Speed;
      this.state.speed = speed;
      this.notice("speed", client.sessionId, `${player.name} set the speed to ${speed}×`);
    },
    pause: (client, { paused }, player) => {
      const refused = this.timeControlRefused(player, paused ? "pause" : "resume");
      if (refused) return refused;
      if (this.state.paused === paused) return;
      this.clockOfTurns!.paused = paused;
      this.state.paused = paused;
      this.notice(paused ? "paused" : "resumed", client.sessionId, `${player.name} ${paused ? "paused" : "resumed"} the game`);
    },
    roles: (client, { enabled }, player) => {
      if (!player.isHost) return "only the host switches roles on or off";
      this.state.rolesEnabled = enabled;
      this.notice("roles", client.sessionId, enabled ? `${player.name} switched roles on` : `${player.name} switched roles off`);
    },
    assignRole: (client, { player: target, role }, player) => {
      if (!player.isHost) return "only the host gives out roles";
      const who = this.state.players.get(target);
      if (!who) return "there is no such player in this room";
      who.role = role ?? "";
      this.notice("roles", client.sessionId, role ? `${who.name} now holds the ${role} role` : `${who.name} no longer holds a role`);
    },
    hostOnlyPause: (_client, { enabled }, player) => {
      if (!player.isHost) return "only the host decides who may pause";
      this.state.hostOnlyPause = enabled;
    },
    playAgain: (_client, { scenario, seed }, player) => {
      if (!player.isHost) return "only the host starts the next game";
      if (this.state.phase !== "ended") return "the current game is not over yet";
      if (!findScenario(scenario)) return unknownScenario(scenario);
      this.startGame(scenario, seed ?? randomSeed());
      this.broadcastSnapshot("new-game");
    },
    resync: (client, request, player) => {
      if (!this.clockOfTurns) return "there is no game to resync to yet";
      if (!this.seats.get(client.sessionId)!.resyncs.take()) return `too many resync requests: at most one every ${RESYNC_EVERY_SECONDS} seconds`;
      const line = describeDesync(this.clockOfTurns.game.state, `${player.name} (${client.sessionId})`, request);
      if (line) {
        console.warn(`[coop ${this.roomId}] ${line}`);
        this.notice("desync", client.sessionId, `${player.name}'s game drifted from the room's and was reloaded`);
      }
      this.sendSnapshot(client, "resync");
    },
  };

  private timeControlRefused(player: PlayerState, what: string): string | null {
    if (this.state.phase !== "playing" || !this.clockOfTurns) return "the game is not running";
    if (this.state.hostOnlyPause && !player.isHost) return `only the host may ${what} in this room`;
    return null;
  }

  /** A subclass may refuse whole kinds of messages (a classroom's clock belongs to the teacher). */
  protected messageRefused(_type: ClientMessageType): string | null {
    return null;
  }

  /** Called once when this room's game ends by itself (its length reached, or bankruptcy). */
  protected gameEnded(): void {}

  protected startGame(scenario: string, seed: number): void {
    this.clockOfTurns = new TurnClock(Game.create(scenario, seed, this.overrides));
    this.state.scenario = scenario;
    this.state.seed = seed;
    this.state.phase = "playing";
    this.state.speed = 1;
    this.state.paused = false;
    this.state.tick = this.clockOfTurns.game.tick;
    for (const p of this.state.players.values()) p.ready = false;
  }

  /** One turn message (ten a second): the commands, the steps, any hashes and refusals. */
  private turn(): void {
    const clock = this.clockOfTurns;
    if (!clock || this.state.phase !== "playing") return;
    try {
      const { turn, hashes, refused, ended } = clock.flush();
      this.broadcast("turn", turn);
      for (const h of hashes) this.broadcast("hash", h);
      for (const r of refused) {
        const client = this.clients.getById(r.by);
        if (client) this.refuse(client, { seq: r.seq, type: "cmd", reason: r.reason });
      }
      // The room's tick is metadata (lobby lists, spectators): once a second is enough, and a Schema
      // patch every tick would double the room's messages. Players follow the turns, not this.
      if (ended || clock.game.tick - this.state.tick >= TICK_METADATA_EVERY) this.state.tick = clock.game.tick;
      if (ended) {
        this.state.phase = "ended";
        const end = clock.game.state.ended;
        this.notice("ended", "", `The game is over (${end?.outcome ?? "ended"})`);
        this.gameEnded();
      }
    } catch (err) {
      console.error(`[coop ${this.roomId}] turn failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }

  private sendSnapshot(client: Client, reason: SnapshotMessage["reason"]): void {
    const game = this.clockOfTurns!.game;
    client.send("snapshot", { tick: game.tick, snapshot: game.snapshot(), reason } satisfies SnapshotMessage);
  }

  protected broadcastSnapshot(reason: SnapshotMessage["reason"]): void {
    const game = this.clockOfTurns!.game;
    this.broadcast("snapshot", { tick: game.tick, snapshot: game.snapshot(), reason } satisfies SnapshotMessage);
  }

  private refuse(client: Client, rejected: RejectedMessage): void {
    client.send("rejected", rejected);
  }

  protected notice(kind: NoticeKind, by: string, text: string): void {
    this.broadcast("notice", { kind, by, text });
  }

  private announceHost(newHost: string | null): void {
    if (newHost) this.notice("host", newHost, `${this.state.players.get(newHost)?.name ?? "Someone"} is now the host`);
  }
}

/** Join (and create) options, refused with a clear message when invalid, unknown or from other code. */
function readJoinOptions(raw: unknown): JoinOptions {
  const input = raw ?? {};
  if (typeof input !== "object" || Array.isArray(input)) throw new Error("join options must be an object");
  const parsed = JoinOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`bad join options: ${issue?.path.join(".") || "options"}: ${issue?.message ?? "invalid"}`);
  }
  const mismatch = versionMismatch(parsed.data, { simVersion: SIM_VERSION, protocol: PROTOCOL_VERSION });
  if (mismatch) throw new Error(mismatch);
  if (parsed.data.scenario !== undefined && !findScenario(parsed.data.scenario)) throw new Error(unknownScenario(parsed.data.scenario));
  return parsed.data;
}

function unknownScenario(id: string): string {
  return `unknown scenario "${id.slice(0, 40)}" (choose one of: ${SCENARIO_IDS.join(", ")})`;
}

function randomSeed(): number {
  return Math.floor(Math.random() * 0x1_0000_0000);
}

