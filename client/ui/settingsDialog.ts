// Settings: sound, reduced motion, tutorials, pause on incident. Applied at once and remembered.
import type { Settings } from "../logic/settings.js";
import { h } from "./dom.js";
import { openModal } from "./modal.js";

export function showSettings(settings: Settings, onChange: (s: Settings) => void): void {
  const toggle = (key: keyof Settings, label: string, help: string) => {
    const input = h("input", { type: "checkbox", "data-setting": key }) as HTMLInputElement;
    input.checked = settings[key];
    input.addEventListener("change", () => {
      settings[key] = input.checked;
      onChange(settings);
    });
    return h("div", { style: "margin: 10px 0" }, h("label", { class: "check" }, input, h("b", null, label)), h("div", { class: "muted small", style: "margin-left: 22px" }, help));
  };
  openModal("Settings", h("div", null,
    toggle("sound", "Sound", "Short tones for alerts and finished builds."),
    toggle("reducedMotion", "Reduced motion", "Fewer, slower request dots; no flicker, fire or pulsing."),
    toggle("tutorial", "Tutorials", "Show the step-by-step guide when a chapter starts."),
    toggle("pauseOnIncident", "Pause on incident", "Solo games pause when a new warning or failure becomes known."),
  ));
}
