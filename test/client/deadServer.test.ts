import { describe, expect, it } from "vitest";
import { failHost } from "../../shared/sim/events.js";
import { Game, visibleHostStatus, visibleServiceStatus } from "../../shared/index.js";
import { serviceStatusText } from "../../client/ui/serviceControls.js";

describe("a dead server's software", () => {
  it("reads stopped with its server once the failure is known, never running", () => {
    const game = Game.create("scale-up", 3);
    const s = game.state;
    const host = s.hosts[0];
    failHost(s, host);
    // The failure incident is detected later on an unmonitored host; mark it known as monitoring would.
    for (const i of s.incidents) i.detectedAt = s.tick;
    expect(visibleHostStatus(s, host)).toBe("down");
    for (const svc of host.services) {
      expect(svc.status).toBe("up"); // the simulation leaves the processes as they were...
      const seen = visibleServiceStatus(s, host, svc);
      expect(seen).toBe("down"); // ...but the player sees them stopped with the host
      expect(serviceStatusText(s.tick, host, svc, seen)).toBe("✖ stopped: the server is down");
    }
  });

  it("while the server boots its software waits for it", () => {
    const game = Game.create("scale-up", 3);
    const s = game.state;
    const host = s.hosts[0];
    host.status = "starting";
    host.readyAt = s.tick + 50;
    const svc = host.services[0];
    const seen = visibleServiceStatus(s, host, svc);
    expect(seen).toBe("starting");
    expect(serviceStatusText(s.tick, host, svc, seen)).toBe("◐ waits for the server (5 s)");
  });
});
