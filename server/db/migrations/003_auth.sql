-- Accounts, server-side sessions and login lock-out (issue 7).
CREATE TABLE users (
  id            bigserial PRIMARY KEY,
  username      text NOT NULL,
  password_hash text NOT NULL,                 -- argon2id, encoded with its parameters
  role          text NOT NULL CHECK (role IN ('applicant', 'reviewer', 'admin')),
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
-- Usernames are unique regardless of case: "Zhang" and "zhang" are one account.
CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));

-- Sessions live in the database so that they survive restarts. Only a hash of the cookie token
-- is stored: a leaked table does not hand out live sessions.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,               -- sha256 (hex) of the cookie value
  user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,                  -- sent back in X-CSRF-Token on every mutating request
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Failed logins per (lower-cased) username, known or not, so a lock-out reveals nothing about
-- which accounts exist. Kept in the database: a restart does not reset a lock.
CREATE TABLE login_failures (
  username        text PRIMARY KEY,
  failures        integer NOT NULL,
  first_failed_at timestamptz NOT NULL,
  last_failed_at  timestamptz NOT NULL,
  locked_until    timestamptz
);
