// The projector view of a created challenge: the join code in large letters, a QR code of the join
// link, the teacher's own link, and who has joined (polled from the API every two seconds).
import QRCode from "qrcode";
import { h, fill, setText } from "../ui/dom.js";
import { ApiError, teacherView, type LobbyParticipant } from "./api.js";

const POLL_MS = 2000;
const CONNECTION_TEXT: Record<LobbyParticipant["connection"], string> = { connected: "connected", reconnecting: "reconnecting…", gone: "gone" };

export function lobbyView(code: string, token: string): { el: HTMLElement; stop: () => void } {
  const origin = location.origin;
  const joinUrl = `${origin}/join?code=${code}`;
  const teacherUrl = `${origin}/teacher?code=${code}#token=${token}`;
  const qr = h("img", { class: "teacher-qr", alt: `QR code of the join link ${joinUrl}`, width: 280, height: 280 });
  QRCode.toDataURL(joinUrl, { margin: 1, width: 560, errorCorrectionLevel: "M" }).then((url) => (qr.src = url), () => qr.remove());

  const summary = h("p", { class: "teacher-summary" });
  const status = h("p", { class: "teacher-status", role: "status" });
  const list = h("ul", { class: "teacher-students" });
  const count = h("span", null, "0");

  const el = h(
    "section",
    { class: "teacher-lobby" },
    h("div", { class: "teacher-join" },
      h("p", null, "Join at ", h("strong", null, `${origin}/join`), " with the code"),
      h("p", { class: "teacher-code", "aria-label": `join code ${code.split("").join(" ")}` }, code),
      qr,
      h("p", { class: "teacher-link" }, h("a", { href: joinUrl }, joinUrl))),
    h("div", { class: "teacher-side" },
      summary,
      status,
      h("h2", null, "Students (", count, ")"),
      list,
      h("details", { class: "teacher-secret" },
        h("summary", null, "Teacher link (keep it private)"),
        h("p", null, "It opens this challenge and its results again, from any browser, days later."),
        h("input", { class: "teacher-secret-link", readonly: true, value: teacherUrl, onclick: (e: Event) => (e.target as HTMLInputElement).select() }))),
  );

  let inFlight = false;
  const refresh = async () => {
    if (inFlight) return;
    inFlight = true;
    try {
      const view = await teacherView(code, token);
      setText(summary, `${view.scenarioTitle} · ${view.durationMinutes} min · ${view.mode === "teams" ? `teams of ${view.teamSize}` : "each student alone"} · seed ${view.settings.seed} · round ${view.round}`);
      setText(status, `Status: ${view.status}${view.locked ? " (locked to new students)" : ""}`);
      const students = view.participants.filter((p) => !p.removed);
      setText(count, String(students.length));
      fill(list, ...(students.length ? students.map((p) => h("li", { class: `teacher-student is-${p.connection}` }, h("span", null, p.name), h("small", null, `${view.mode === "teams" ? `team ${p.team} · ` : ""}${CONNECTION_TEXT[p.connection]}`))) : [h("li", { class: "teacher-empty" }, "Nobody yet: students join with the code.")]));
    } catch (e) {
      setText(status, e instanceof ApiError && (e.status === 401 || e.status === 403) ? "This teacher link is not valid for this challenge." : `Cannot reach the server: ${(e as Error).message}`);
    } finally {
      inFlight = false;
    }
  };
  void refresh();
  const timer = setInterval(refresh, POLL_MS);
  return { el, stop: () => clearInterval(timer) };
}
