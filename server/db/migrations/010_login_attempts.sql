-- Login lock-out per (username, client address) with attempts counted BEFORE the password is
-- verified, plus a progressive delay per username across all addresses (issue 11 row 6).
-- The old table counted per username after verification: a burst of concurrent guesses was all
-- verified, and five requests from anyone locked any account.
DROP TABLE IF EXISTS login_failures;

CREATE TABLE login_attempts (
  username          text NOT NULL,              -- normalised (NFKC, lower case)
  address           text NOT NULL,              -- client address (IPv6 by /56)
  attempts          integer NOT NULL,           -- reserved in this window, success or not
  window_started_at timestamptz NOT NULL,
  last_attempt_at   timestamptz NOT NULL,
  locked_until      timestamptz,
  PRIMARY KEY (username, address)
);

-- Failed logins for a username from every address: beyond a free allowance each further attempt
-- must wait a doubling delay (capped), which slows a guesser spread over many addresses without
-- ever locking the owner out.
CREATE TABLE login_throttle (
  username        text PRIMARY KEY,
  failures        integer NOT NULL,
  last_failed_at  timestamptz NOT NULL,
  next_attempt_at timestamptz NOT NULL
);
