// Bump SIM_VERSION when the simulation's behaviour or its state hash changes: replays and co-op
// clients built from other simulation code are refused by version, not left to drift apart
// silently. test/shared/sim-version.test.ts fails when a golden hash changes and this does not.
//
// Version 2: the hash tells every value apart (sign, high bits, null), incidents and notes are
// codes, undo is per player. What happens in a run is unchanged: version 1 replays play alike.
//
// Version 4: the load balancer and firewalls behave like the real tools (HAProxy 2.6 measured in
// shared/reference): traffic runs differently, so older replays no longer play alike.
//
// Version 5: firewalls filter traffic between servers, MySQL reads split and can be stale, users
// complain from what they suffer, DNS and keepalived fail over with real timings, backend TLS,
// chapter 1's decisions: traffic runs differently again.
export const SIM_VERSION = 5;
export const REPLAY_FORMAT = 2;
/** Simulation versions whose replays this build plays to the same outcome and score. */
// Version 3 changed only how chapter goals judge the design (the computed audit), not traffic: older
// replays run under today's rules, and a claimed result that no longer matches is reported as such.
export const REPLAYS_PLAYED_ALIKE: readonly number[] = [5];
