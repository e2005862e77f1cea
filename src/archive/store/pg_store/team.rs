//! Setting a team archive up and saying who may do what: `team init` makes the tables in an
//! empty database and the three group roles; members are PostgreSQL login roles granted one of
//! them, so the server refuses a reader's write whatever program the reader uses.

use super::schema::{GRANTS, LOG_CHANGE, SCHEMA_VERSION, TABLES, TeamRole, quote_ident};
use super::server::Server;
use crate::vocab::{Error, Result};

/// A member of a team archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub role: String,
    pub access: TeamRole,
}

fn database(c: &mut postgres::Client) -> std::result::Result<String, postgres::Error> {
    Ok(c.query_one("SELECT current_database()", &[])?.get(0))
}

/// Makes the team archive's tables in the server's database, which must hold no tables yet,
/// and makes the role that connects its admin.
pub(crate) fn init(server: &Server) -> Result<()> {
    let outcome = server.with(|c| {
        let n_tables: i64 = c
            .query_one(
                "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
                &[],
            )?
            .get(0);
        if n_tables > 0 {
            let ours = c.query_one("SELECT to_regclass('clippings_meta') IS NOT NULL", &[])?.get::<_, bool>(0);
            return Ok(Err(if ours {
                format!("{} holds a team archive already", server.place())
            } else {
                format!(
                    "{} holds {n_tables} tables of something else: a team archive needs a database of its own \
                     (CREATE DATABASE clippings)",
                    server.place()
                )
            }));
        }
        let db = database(c)?;
        let mut tx = c.transaction()?;
        tx.batch_execute(TABLES)?;
        tx.batch_execute(LOG_CHANGE)?;
        tx.execute("INSERT INTO clippings_meta (key, n) VALUES ('schema_version', $1)", &[&SCHEMA_VERSION])?;
        for role in TeamRole::ALL {
            let group = role.group(&db);
            let exists = tx.query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&group])?.is_some();
            if !exists {
                tx.batch_execute(&format!("CREATE ROLE {} NOLOGIN", quote_ident(&group)))?;
            }
        }
        let grants = GRANTS
            .replace("{reader}", &quote_ident(&TeamRole::Reader.group(&db)))
            .replace("{editor}", &quote_ident(&TeamRole::Editor.group(&db)))
            .replace("{admin}", &quote_ident(&TeamRole::Admin.group(&db)));
        tx.batch_execute(&grants)?;
        // The one who made it may grant every group: it is the archive's first admin.
        for role in TeamRole::ALL {
            tx.batch_execute(&format!("GRANT {} TO CURRENT_USER WITH ADMIN OPTION", quote_ident(&role.group(&db))))?;
        }
        tx.commit()?;
        Ok(Ok(()))
    })?;
    outcome.map_err(Error::Team)
}

/// Gives a login role access to the team archive (replacing what it had).
pub(crate) fn add_member(server: &Server, role: &str, access: TeamRole) -> Result<()> {
    let outcome = server.with(|c| {
        let db = database(c)?;
        if c.query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role])?.is_none() {
            return Ok(Err(format!(
                "the server has no role {role:?}: make it first (CREATE ROLE {} LOGIN PASSWORD '…')",
                quote_ident(role)
            )));
        }
        let mut tx = c.transaction()?;
        for other in TeamRole::ALL {
            tx.batch_execute(&format!("REVOKE {} FROM {}", quote_ident(&other.group(&db)), quote_ident(role)))?;
        }
        tx.batch_execute(&format!("GRANT {} TO {}", quote_ident(&access.group(&db)), quote_ident(role)))?;
        if access == TeamRole::Admin {
            for group in TeamRole::ALL {
                tx.batch_execute(&format!(
                    "GRANT {} TO {} WITH ADMIN OPTION",
                    quote_ident(&group.group(&db)),
                    quote_ident(role)
                ))?;
            }
        }
        tx.commit()?;
        Ok(Ok(()))
    })?;
    outcome.map_err(Error::Team)
}

/// Takes a role's access away; false if it had none.
pub(crate) fn remove_member(server: &Server, role: &str) -> Result<bool> {
    let had = members(server)?.iter().any(|m| m.role == role);
    server.with(|c| {
        let db = database(c)?;
        let mut tx = c.transaction()?;
        for group in TeamRole::ALL {
            tx.batch_execute(&format!("REVOKE {} FROM {}", quote_ident(&group.group(&db)), quote_ident(role)))?;
        }
        tx.commit()
    })?;
    Ok(had)
}

/// Every login role with access, with the most it may do, by name.
pub(crate) fn members(server: &Server) -> Result<Vec<Member>> {
    let rows = server.with(|c| {
        let db = database(c)?;
        let groups: Vec<String> = TeamRole::ALL.iter().map(|r| r.group(&db)).collect();
        let rows = c.query(
            "SELECT r.rolname::text, g.rolname::text FROM pg_auth_members m \
             JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid \
             WHERE g.rolname = ANY($1) AND r.rolcanlogin ORDER BY 1",
            &[&groups],
        )?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                let group: String = r.get(1);
                let access = TeamRole::ALL.into_iter().find(|t| t.group(&db) == group)?;
                Some((r.get::<_, String>(0), access))
            })
            .collect::<Vec<_>>())
    })?;
    let mut members: Vec<Member> = Vec::new();
    for (role, access) in rows {
        match members.iter_mut().find(|m| m.role == role) {
            Some(m) => m.access = m.access.max(access),
            None => members.push(Member { role, access }),
        }
    }
    Ok(members)
}
