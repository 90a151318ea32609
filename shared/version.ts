// Bump when the simulation's behaviour changes: replays and co-op clients built from other
// simulation code are refused by version, not left to drift apart silently.
export const SIM_VERSION = 1;
export const REPLAY_FORMAT = 1;
