-- Challenges, their rounds, who joined, results per round and stored replays.
-- Times are milliseconds since 1970 (UTC); JSON columns hold what only the application reads.

CREATE TABLE challenges (
  code TEXT PRIMARY KEY,
  -- SHA-256 of the teacher token (hex); the token itself is never stored.
  teacher_token_hash TEXT NOT NULL,
  settings TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'lobby'
    CHECK (status IN ('lobby', 'countdown', 'running', 'paused', 'finished', 'interrupted')),
  -- The round now being played or last played (1 for a new challenge).
  round INTEGER NOT NULL DEFAULT 1,
  -- Locked challenges take no new students.
  locked INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE rounds (
  challenge_code TEXT NOT NULL REFERENCES challenges (code) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  started_at INTEGER,
  ended_at INTEGER,
  PRIMARY KEY (challenge_code, round)
);

CREATE TABLE participants (
  id INTEGER PRIMARY KEY,
  challenge_code TEXT NOT NULL REFERENCES challenges (code) ON DELETE CASCADE,
  name TEXT NOT NULL,
  team INTEGER NOT NULL,
  -- SHA-256 of the rejoin token kept in the student's browser.
  rejoin_token_hash TEXT NOT NULL UNIQUE,
  connection TEXT NOT NULL DEFAULT 'connected'
    CHECK (connection IN ('connected', 'reconnecting', 'gone')),
  removed INTEGER NOT NULL DEFAULT 0,
  joined_at INTEGER NOT NULL
);
-- Names are unique within a challenge among those not removed, whatever their case.
CREATE UNIQUE INDEX participants_name ON participants (challenge_code, name COLLATE NOCASE) WHERE removed = 0;

CREATE TABLE results (
  challenge_code TEXT NOT NULL REFERENCES challenges (code) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  team INTEGER NOT NULL,
  -- Display names of the team's members when the result was recorded (JSON array).
  members TEXT NOT NULL,
  score INTEGER NOT NULL,
  hash TEXT NOT NULL,
  ticks INTEGER NOT NULL,
  uptime_permyriad INTEGER NOT NULL,
  nines INTEGER NOT NULL,
  money INTEGER NOT NULL,
  incidents INTEGER NOT NULL,
  -- Open audit findings at the end (JSON array of { id, title }).
  findings TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (challenge_code, round, team)
);

CREATE TABLE replays (
  id INTEGER PRIMARY KEY,
  challenge_code TEXT REFERENCES challenges (code) ON DELETE CASCADE,
  round INTEGER,
  team INTEGER,
  scenario TEXT NOT NULL,
  seed INTEGER NOT NULL,
  ticks INTEGER NOT NULL,
  hash TEXT NOT NULL,
  score INTEGER NOT NULL,
  -- The replay file itself (JSON), as the verifier accepted it.
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX replays_by_round ON replays (challenge_code, round, team);
