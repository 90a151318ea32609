// SIM_VERSION is tied to the golden runs: when a golden hash or score changes, the simulation (or
// its hash) changed, and replays and co-op clients of the old version must be refused by version.
// This test fails until SIM_VERSION is bumped and the new goldens are recorded under it.
import { describe, expect, it } from "vitest";
import { SIM_VERSION } from "../../shared/index.js";
import { GOLDEN } from "../fixtures/goldens.js";

/** The golden runs as each simulation version played them (scenario, hash, score). */
const GOLDENS_BY_VERSION: Record<number, string> = {
  1: "distributed 048754ac 36786 | endless b5942383 16385 | scale-up 74544462 214702 | secured 1aa6e99b 41304 | simple-stack 93cca341 14399",
  // Version 2: the hash tells every value apart; incidents, notes and endings are codes; undo per player.
  2: "distributed 246db23b 36786 | endless 6052a73b 16385 | scale-up 9a603baf 214702 | secured 88029815 41304 | simple-stack 13d43881 14399",
  // Version 3: chapter goals judge the design with the computed audit (a replica must really be able
  // to take over); the scripted chapter 2 player now restarts the demoted primary, and wins.
  3: "distributed e13e2a90 40728 | endless f3453461 16385 | scale-up ca2ed43d 214702 | secured 7871313c 41304 | simple-stack a4f01711 14399",
  // Version 4: the load balancer behaves like HAProxy 2.6 (map-based source hash, health checks with
  // fall/rise and option redispatch, backup servers, least connections by current connections,
  // rolling deploys that drain): traffic changes, older replays differ.
  4: "distributed 9f6af87b 40522 | endless 1b3e7cee 16385 | scale-up 353639bf 213646 | secured 1fc585ed 41257 | simple-stack f6019dd7 14399",
  // Version 5: firewalls filter traffic between servers (rules by host or role, default deny);
  // MySQL read split, stale reads, replication over a link, semi-sync fallback; complaints from what
  // users suffer; DNS connect timeouts; keepalived failover times; backend TLS and sniffing; chapter 1
  // decisions (resize, the release) and role-based host names.
  5: "distributed 64865631 40316 | endless b10f3751 16385 | scale-up f74a2ab2 214078 | secured 9b809f7f 41257 | simple-stack c4745cbe 16387",
};

function fingerprint(goldens: typeof GOLDEN): string {
  return Object.keys(goldens).sort().map((id) => `${id} ${goldens[id].hash} ${goldens[id].score}`).join(" | ");
}

describe("SIM_VERSION and the goldens", () => {
  it("the goldens are the ones recorded for this SIM_VERSION (changed goldens need a new version)", () => {
    expect(GOLDENS_BY_VERSION[SIM_VERSION], `no goldens recorded for SIM_VERSION ${SIM_VERSION}`).toBeDefined();
    expect(fingerprint(GOLDEN), "the golden runs changed: bump SIM_VERSION and record the new goldens under it").toBe(GOLDENS_BY_VERSION[SIM_VERSION]);
  });

  it("SIM_VERSION is the newest recorded version, and every version's goldens differ", () => {
    expect(SIM_VERSION).toBe(Math.max(...Object.keys(GOLDENS_BY_VERSION).map(Number)));
    const recorded = Object.values(GOLDENS_BY_VERSION);
    expect(new Set(recorded).size).toBe(recorded.length);
  });
});
