// The timer queue must hand each tick every host a full scan would find something due on: a boot
// or a restart finishing. A timer set somewhere the queue is not told about would show up here as
// a host the scan finds and the queue misses.
import { describe, expect, it } from "vitest";
import { Game, SCENARIO_IDS, type GameState } from "../../shared/index.js";
import { dueHostsNow } from "../../shared/sim/timer-queue.js";
import { play } from "../fixtures/plays.js";

/** What the old every-tick scan acted on: hosts whose boot is due, or running hosts with a service due. */
function dueByScan(state: GameState): number[] {
  const t = state.tick;
  const due: number[] = [];
  state.hosts.forEach((h, i) => {
    if (h.status === "starting" && h.readyAt <= t) due.push(i);
    else if (h.status === "up" && h.services.some((s) => s.status === "starting" && s.readyAt <= t)) due.push(i);
  });
  return due;
}

describe("timer queue", () => {
  for (const id of SCENARIO_IDS) {
    it(`finds every due boot and restart a full scan finds in ${id}`, () => {
      const { replay } = play(id, 5, 3000);
      const game = Game.create(id, 5);
      let next = 0;
      let fired = 0;
      for (let t = 0; t < 3000 && !game.state.ended; t++) {
        while (next < replay.commands.length && replay.commands[next].tick <= game.tick) game.apply(replay.commands[next++].cmd);
        const scan = dueByScan(game.state);
        const queued = dueHostsNow(game.state);
        const missed = scan.filter((i) => !queued.includes(i));
        if (missed.length > 0) expect.fail(`tick ${game.tick}: the queue misses ${missed.map((i) => game.state.hosts[i].name).join(", ")}`);
        fired += scan.length;
        game.step();
      }
      expect(fired).toBeGreaterThan(0); // the run did boot or restart something
    });
  }

  it("sees a restart a command asks for, due exactly when it finishes", () => {
    const { game } = play("simple-stack", 5, 400);
    const host = game.state.hosts.find((h) => h.services.some((s) => s.kind === "app"))!;
    expect(game.apply({ type: "restartService", host: host.id, service: "app" }).ok).toBe(true);
    const app = host.services.find((s) => s.kind === "app")!;
    expect(app.status).toBe("starting");
    const slot = game.state.hosts.indexOf(host);
    while (game.tick < app.readyAt) {
      expect(dueHostsNow(game.state)).not.toContain(slot);
      game.step();
    }
    expect(dueHostsNow(game.state)).toContain(slot);
    game.step();
    expect(app.status).toBe("up");
  });
});
