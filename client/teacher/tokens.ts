// Where the teacher's token is found: the teacher link's fragment (#token=…), else this browser's
// memory of challenges it created, so /teacher?code=ABCDEF opens again on the same machine.
const KEY_PREFIX = "nines.teacher.";

export function rememberToken(code: string, token: string): void {
  try {
    localStorage.setItem(KEY_PREFIX + code, token);
  } catch {
    // Private mode or storage full: the teacher link still works.
  }
}

export function tokenFor(code: string, hash: string): string | null {
  const fromLink = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  if (fromLink) {
    rememberToken(code, fromLink);
    return fromLink;
  }
  try {
    return localStorage.getItem(KEY_PREFIX + code);
  } catch {
    return null;
  }
}
