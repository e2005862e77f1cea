//! What a team archive keeps on its server: the tables, the change log and its one function,
//! and the three group roles through which PostgreSQL itself enforces who may do what
//! (`<database>_reader`, `_editor`, `_admin`; each holds the rights of the one before).
//!
//! The change log: every change is one `change_sets` row (who, when, what, how many) and one
//! `changes` row per clipping it touched, numbered by `change_seq`. A number is taken by
//! [`LOG_CHANGE`] at the very end of its transaction, under a transaction-wide lock, so numbers
//! become visible in the order they were given: a desktop that asks for "seq > last" can never
//! skip a change that commits late.

/// The schema this build writes and reads.
pub(super) const SCHEMA_VERSION: i64 = 1;

/// The tables, made by `team init` in one transaction.
pub(super) const TABLES: &str = r#"
CREATE TABLE clippings_meta (key text PRIMARY KEY, n bigint);
CREATE TABLE settings (
    name text PRIMARY KEY,
    json bytea NOT NULL,
    changed_by text NOT NULL DEFAULT current_user,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE clipping_ids;
CREATE TABLE clippings (
    id bigint PRIMARY KEY,
    hash text NOT NULL UNIQUE,
    record jsonb NOT NULL,
    version integer NOT NULL DEFAULT 1,
    imported_by text NOT NULL DEFAULT current_user,
    imported_at timestamptz NOT NULL DEFAULT now(),
    changed_by text NOT NULL DEFAULT current_user,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE tags (key text PRIMARY KEY, record jsonb NOT NULL);
CREATE TABLE clipping_tags (
    tag_key text NOT NULL REFERENCES tags (key) ON DELETE CASCADE,
    clipping_id bigint NOT NULL REFERENCES clippings (id) ON DELETE CASCADE,
    tagged_by text NOT NULL DEFAULT current_user,
    tagged_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tag_key, clipping_id)
);
CREATE INDEX clipping_tags_by_clipping ON clipping_tags (clipping_id);
CREATE TABLE suggestions (
    clipping_id bigint PRIMARY KEY REFERENCES clippings (id) ON DELETE CASCADE,
    list jsonb NOT NULL
);
CREATE TABLE signatures (
    clipping_id bigint PRIMARY KEY REFERENCES clippings (id) ON DELETE CASCADE,
    hashes bytea NOT NULL
);
CREATE SEQUENCE change_seq;
CREATE TABLE change_sets (
    seq bigint PRIMARY KEY,
    what text NOT NULL,
    n_clippings integer NOT NULL,
    by_role text NOT NULL DEFAULT current_user,
    -- The desktop that made it: each connects with application_name 'clippings/<desktop>'.
    desktop text NOT NULL DEFAULT current_setting('application_name'),
    at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE changes (
    seq bigint NOT NULL REFERENCES change_sets (seq),
    clipping_id bigint NOT NULL,
    for_index boolean NOT NULL,
    PRIMARY KEY (seq, clipping_id)
);
CREATE INDEX changes_by_clipping ON changes (clipping_id, seq);
CREATE TABLE file_heads (
    role smallint NOT NULL,
    hash text NOT NULL,
    format text NOT NULL,
    n_bytes bigint NOT NULL,
    desktop text NOT NULL,
    put_by text NOT NULL DEFAULT current_user,
    put_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (role, hash)
);
CREATE TABLE file_chunks (
    role smallint NOT NULL,
    hash text NOT NULL,
    chunk integer NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (role, hash, chunk),
    FOREIGN KEY (role, hash) REFERENCES file_heads (role, hash) ON DELETE CASCADE
);
-- Photos and PDFs are compressed already: the server does not try again (a third of an
-- import's time went to trying).
ALTER TABLE file_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
INSERT INTO clippings_meta (key, n) VALUES ('signatures_token', NULL);
"#;

/// The channel `log_change` notifies on.
pub(super) const CHANNEL: &str = "clippings_changes";

/// Appends a change to the log and gives its number. Called last in a change's transaction:
/// the lock it takes is held until the commit, so the next number is taken only once this one
/// is visible.
pub(super) const LOG_CHANGE: &str = r#"
CREATE FUNCTION log_change(ids bigint[], for_index boolean, what text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    s bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(7157314);
    s := nextval('change_seq');
    INSERT INTO change_sets (seq, what, n_clippings) VALUES (s, what, coalesce(array_length(ids, 1), 0));
    INSERT INTO changes (seq, clipping_id, for_index) SELECT DISTINCT s, unnest(ids), for_index;
    -- Wakes the desktops that listen, when this commits.
    PERFORM pg_notify('clippings_changes', s::text);
    RETURN s;
END
$$;
REVOKE ALL ON FUNCTION log_change(bigint[], boolean, text) FROM PUBLIC;
"#;

/// What a member of the team may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TeamRole {
    /// Finds, reads and exports.
    Reader,
    /// Also imports, tags, edits and moves to the trash.
    Editor,
    /// Also empties the trash and manages who may do what.
    Admin,
}

impl TeamRole {
    pub const ALL: [TeamRole; 3] = [TeamRole::Reader, TeamRole::Editor, TeamRole::Admin];

    pub fn name(self) -> &'static str {
        match self {
            TeamRole::Reader => "reader",
            TeamRole::Editor => "editor",
            TeamRole::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<TeamRole> {
        TeamRole::ALL.into_iter().find(|r| r.name() == text.trim().to_lowercase())
    }

    /// The group role that grants it in this database.
    pub(super) fn group(self, database: &str) -> String {
        format!("{database}_{}", self.name())
    }
}

/// The grants of the three groups, for `team init`: `{reader}`, `{editor}`, `{admin}` are
/// replaced by the groups' quoted names.
pub(super) const GRANTS: &str = r#"
GRANT {reader} TO {editor};
GRANT {editor} TO {admin};
GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader};
GRANT INSERT, UPDATE ON clippings, tags, clipping_tags, suggestions, signatures, settings, change_sets, changes,
    file_heads, file_chunks TO {editor};
GRANT UPDATE ON clippings_meta TO {editor};
GRANT DELETE ON clipping_tags, suggestions, signatures, tags, file_heads, file_chunks TO {editor};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {editor};
GRANT EXECUTE ON FUNCTION log_change(bigint[], boolean, text) TO {editor};
GRANT DELETE ON clippings, change_sets, changes TO {admin};
"#;

/// A name quoted for SQL as an identifier.
pub(super) fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
