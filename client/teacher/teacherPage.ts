// /teacher: create a challenge, then show its lobby. /teacher?code=ABCDEF#token=… (the teacher
// link) opens an existing challenge; the token is remembered in this browser.
import "./teacher.css";
import { h, fill } from "../ui/dom.js";
import { createChallenge } from "./api.js";
import { createForm } from "./createForm.js";
import { lobbyView } from "./lobby.js";
import { rememberToken, tokenFor } from "./tokens.js";

export function mountTeacherPage(root: HTMLElement): void {
  const params = new URLSearchParams(location.search);
  const code = params.get("code")?.toUpperCase().replace(/[^A-Z]/g, "") ?? "";
  const token = code ? tokenFor(code, location.hash) : null;
  const page = h("main", { class: "teacher-page" }, h("h1", null, "Nines — classroom"));
  fill(root, page);

  if (code && token) {
    // Keep the token out of the address bar (and so out of screenshots of the projector).
    history.replaceState(null, "", `${location.pathname}?code=${code}`);
    page.append(lobbyView(code, token).el);
    return;
  }
  if (code) page.append(h("p", { class: "teacher-error" }, `This browser does not hold the teacher link for ${code}. Open the teacher link you were given.`));
  page.append(
    h("p", null, "Create a timed challenge: every student (or team) plays the same scenario and seed."),
    createForm(async (settings) => {
      const created = await createChallenge(settings);
      rememberToken(created.code, created.teacherToken);
      location.assign(`${location.pathname}?code=${created.code}#token=${created.teacherToken}`);
    }),
  );
}
