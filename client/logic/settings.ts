// Player settings, kept in browser storage.
import { readJson, type KeyValueStore } from "./storage.js";

export interface Settings {
  sound: boolean;
  /** Fewer moving dots, no shaking or flicker. Defaults to the system's preference. */
  reducedMotion: boolean;
  /** Show the chapter tutorial when a chapter starts. */
  tutorial: boolean;
  /** Solo: pause when an incident becomes known, so the player can look before it grows. */
  pauseOnIncident: boolean;
}

const KEY = "nines.settings";

export function defaultSettings(prefersReducedMotion: boolean): Settings {
  return { sound: true, reducedMotion: prefersReducedMotion, tutorial: true, pauseOnIncident: false };
}

export function loadSettings(store: KeyValueStore, prefersReducedMotion: boolean): Settings {
  const saved = readJson<Partial<Settings>>(store, KEY) ?? {};
  const base = defaultSettings(prefersReducedMotion);
  return {
    sound: typeof saved.sound === "boolean" ? saved.sound : base.sound,
    reducedMotion: typeof saved.reducedMotion === "boolean" ? saved.reducedMotion : base.reducedMotion,
    tutorial: typeof saved.tutorial === "boolean" ? saved.tutorial : base.tutorial,
    pauseOnIncident: typeof saved.pauseOnIncident === "boolean" ? saved.pauseOnIncident : base.pauseOnIncident,
  };
}

export function saveSettings(store: KeyValueStore, settings: Settings): void {
  try {
    store.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage full or disabled: the settings still apply for this visit.
  }
}
