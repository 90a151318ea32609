// The classroom HTTP API as the teacher page calls it. Errors come back as the server's sentence.
export interface CreatedChallenge {
  code: string;
  teacherToken: string;
  joinUrl: string;
  teacherUrl: string;
}

export interface ChallengeSettingsInput {
  scenario: string;
  durationMinutes: number;
  seed?: number;
  mode?: "individual" | "teams";
  teamSize?: number;
  budget?: number;
  allowedComponents?: string[];
  showStandings?: boolean;
  generatedNames?: boolean;
}

export interface LobbyParticipant {
  name: string;
  team: number;
  connection: "connected" | "reconnecting" | "gone";
  removed: boolean;
}

export interface TeacherView {
  code: string;
  scenario: string;
  scenarioTitle: string;
  durationMinutes: number;
  mode: "individual" | "teams";
  teamSize: number;
  status: string;
  round: number;
  locked: boolean;
  settings: { seed: number };
  participants: LobbyParticipant[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as { error?: string } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error ?? `the server answered ${res.status}`);
  return body as T;
}

export async function createChallenge(settings: ChallengeSettingsInput): Promise<CreatedChallenge> {
  return answer(await fetch("/api/challenges", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(settings) }));
}

export async function teacherView(code: string, token: string): Promise<TeacherView> {
  return answer(await fetch(`/api/challenges/${encodeURIComponent(code)}/results.json`, { headers: { Authorization: `Bearer ${token}` } }));
}
