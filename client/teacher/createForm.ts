// The form a teacher fills in to create a challenge. The server checks everything again; the form
// only keeps the choices sensible (ranges, team size only for teams).
import { SCENARIOS, SERVICE_ORDER, SERVICES } from "../../shared/index.js";
import { h } from "../ui/dom.js";
import type { ChallengeSettingsInput } from "./api.js";

export function createForm(onSubmit: (settings: ChallengeSettingsInput) => Promise<void>): HTMLFormElement {
  const scenario = h("select", { name: "scenario", id: "t-scenario" }, ...SCENARIOS.map((s) => h("option", { value: s.id }, `${s.chapter ? `Chapter ${s.chapter}: ` : ""}${s.title}`)));
  const duration = h("input", { type: "number", name: "durationMinutes", id: "t-duration", min: 1, max: 180, value: 20, required: true });
  const seed = h("input", { type: "number", name: "seed", id: "t-seed", min: 0, max: 4294967295, placeholder: "random" });
  const mode = h("select", { name: "mode", id: "t-mode" }, h("option", { value: "individual" }, "Each student alone"), h("option", { value: "teams" }, "Teams"));
  const teamSize = h("input", { type: "number", name: "teamSize", id: "t-team-size", min: 2, max: 8, value: 3, disabled: true });
  const budget = h("input", { type: "number", name: "budget", id: "t-budget", min: 0, max: 10000000, step: 100, placeholder: "chapter default" });
  const standings = h("input", { type: "checkbox", name: "showStandings", id: "t-standings", checked: true });
  const generated = h("input", { type: "checkbox", name: "generatedNames", id: "t-generated-names" });
  const components = SERVICE_ORDER.map((kind) => ({ kind, box: h("input", { type: "checkbox", name: "component", value: kind }) }));
  const error = h("p", { class: "teacher-error", role: "alert" });
  const submit = h("button", { class: "btn primary", type: "submit" }, "Create challenge");

  const syncAllowed = () => {
    const s = SCENARIOS.find((x) => x.id === scenario.value)!;
    for (const c of components) c.box.checked = s.allowed.services.includes(c.kind);
  };
  scenario.addEventListener("change", syncAllowed);
  syncAllowed();
  mode.addEventListener("change", () => (teamSize.disabled = mode.value !== "teams"));

  const field = (label: string, control: HTMLElement, hint?: string) =>
    h("label", { class: "teacher-field", for: control.id }, h("span", null, label), control, hint ? h("small", null, hint) : null);

  const form = h(
    "form",
    { class: "teacher-form", novalidate: true },
    field("Scenario", scenario),
    field("Duration (minutes)", duration),
    field("Seed", seed, "Everyone plays the same seed: the same failures at the same second."),
    field("Players", mode),
    field("Team size", teamSize),
    field("Starting budget ($)", budget),
    h("fieldset", { class: "teacher-components" }, h("legend", null, "Allowed components"), ...components.map((c) => h("label", null, c.box, ` ${SERVICES[c.kind].label}`))),
    h("label", { class: "teacher-check" }, standings, " Students see the standings"),
    h("label", { class: "teacher-check" }, generated, " Generated names (a colour and an animal) instead of students' own"),
    error,
    submit,
  );

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    error.textContent = "";
    const settings: ChallengeSettingsInput = { scenario: scenario.value, durationMinutes: Number(duration.value), mode: mode.value as "individual" | "teams", showStandings: standings.checked };
    if (seed.value !== "") settings.seed = Number(seed.value);
    if (generated.checked) settings.generatedNames = true;
    if (mode.value === "teams") settings.teamSize = Number(teamSize.value);
    if (budget.value !== "") settings.budget = Math.round(Number(budget.value) * 100);
    const allowed = components.filter((c) => c.box.checked).map((c) => c.kind);
    const defaults = SCENARIOS.find((x) => x.id === scenario.value)!.allowed.services;
    if (allowed.length !== defaults.length || allowed.some((k) => !defaults.includes(k))) settings.allowedComponents = allowed;
    submit.disabled = true;
    onSubmit(settings)
      .catch((err: Error) => (error.textContent = err.message))
      .finally(() => (submit.disabled = false));
  });
  return form;
}
