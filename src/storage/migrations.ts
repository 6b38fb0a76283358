/**
 * The database schema as an ordered list of migrations: entry i brings a database from version i
 * to version i + 1 (SQLite's `user_version`). Never edit a shipped entry; append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the question log.
  `CREATE TABLE questions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     asked_at INTEGER NOT NULL,
     chat_type TEXT NOT NULL,
     language TEXT NOT NULL,
     user_hash TEXT NOT NULL,
     question TEXT NOT NULL,
     outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'abstained')),
     reason TEXT,
     latency_ms REAL NOT NULL
   );
   CREATE INDEX questions_by_time ON questions (asked_at);
   CREATE TABLE quotes (
     question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
     rank INTEGER NOT NULL,
     document_id TEXT NOT NULL,
     start INTEGER NOT NULL,
     end INTEGER NOT NULL,
     score REAL NOT NULL,
     text TEXT NOT NULL,
     PRIMARY KEY (question_id, rank)
   ) WITHOUT ROWID;`,
  // 2: feedback. A vote must come from the chat the answer was sent to, so questions record it (hashed);
  // questions logged before this version have none and cannot be voted on.
  `ALTER TABLE questions ADD COLUMN chat_hash TEXT;
   CREATE TABLE votes (
     question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
     user_hash TEXT NOT NULL,
     vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
     voted_at INTEGER NOT NULL,
     PRIMARY KEY (question_id, user_hash)
   ) WITHOUT ROWID;
   CREATE INDEX votes_by_time ON votes (voted_at);`,
  // 3: a third outcome, 'probably' (the best sentence shown under a hedge). SQLite cannot change a
  // CHECK in place, so the table is rebuilt (foreign keys are off while migrating, so quotes and
  // votes stay) and its AUTOINCREMENT counter carried over, so an id is never reused. Abstentions
  // that logged a quote showed it as "the closest sentence": that was this tier, so they become it.
  `CREATE TABLE questions_v3 (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     asked_at INTEGER NOT NULL,
     chat_type TEXT NOT NULL,
     language TEXT NOT NULL,
     user_hash TEXT NOT NULL,
     question TEXT NOT NULL,
     outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'probably', 'abstained')),
     reason TEXT,
     latency_ms REAL NOT NULL,
     chat_hash TEXT
   );
   INSERT INTO questions_v3 (id, asked_at, chat_type, language, user_hash, question, outcome, reason, latency_ms, chat_hash)
     SELECT id, asked_at, chat_type, language, user_hash, question,
       CASE WHEN outcome = 'abstained' AND reason = 'not-covered' AND EXISTS (SELECT 1 FROM quotes t WHERE t.question_id = questions.id) THEN 'probably' ELSE outcome END,
       CASE WHEN outcome = 'abstained' AND reason = 'not-covered' AND EXISTS (SELECT 1 FROM quotes t WHERE t.question_id = questions.id) THEN NULL ELSE reason END,
       latency_ms, chat_hash
     FROM questions;
   DELETE FROM sqlite_sequence WHERE name = 'questions_v3';
   INSERT INTO sqlite_sequence (name, seq) SELECT 'questions_v3', seq FROM sqlite_sequence WHERE name = 'questions';
   DROP TABLE questions;
   ALTER TABLE questions_v3 RENAME TO questions;
   CREATE INDEX questions_by_time ON questions (asked_at);`,
];
