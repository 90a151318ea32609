-- Each team's incident timeline at the end of a round (JSON: [{ tick, title, severity }]), so a
-- teacher link opened after a restart shows the whole debrief, not only the scores.
ALTER TABLE results ADD COLUMN timeline TEXT NOT NULL DEFAULT '[]';
