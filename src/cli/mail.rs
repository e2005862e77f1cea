//! `clippings mail`: the mailboxes clippings come from (`mail/`): add, list, remove, fetch.

use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, bail};
use clap::Subcommand;

use super::progress_bar;
use crate::archive::{Archive, Tag};
use crate::import::ImportProgress;
use crate::mail::{self, Mailbox, Then};

#[derive(Debug, Subcommand)]
pub enum MailAction {
    /// Add a mailbox (or change the one of that name). Its password is asked for and kept in
    /// the system keyring, unless --password-env names a variable that holds it
    Add {
        name: String,
        /// imaps://host[:port], or imap://host:port for a server on this machine
        #[arg(long)]
        server: String,
        #[arg(long)]
        user: String,
        #[arg(long, default_value = "INBOX")]
        folder: String,
        /// Only messages whose sender holds this (any case)
        #[arg(long)]
        from: Option<String>,
        /// Only messages whose subject holds this (any case)
        #[arg(long)]
        subject: Option<String>,
        /// A tag for every clipping that comes from it, as KIND:VALUE (country:KZ, topic:energy)
        #[arg(long = "tag", value_name = "KIND:VALUE")]
        tags: Vec<String>,
        /// What to do with a message once its clippings are in the archive: seen, move:FOLDER
        /// or keep
        #[arg(long, default_value = "seen")]
        then: Then,
        /// The environment variable that holds the password (for scripts)
        #[arg(long, value_name = "VAR")]
        password_env: Option<String>,
    },
    /// List the mailboxes
    List,
    /// Forget a mailbox (and its password in the keyring)
    Remove { name: String },
    /// Fetch what is new in one mailbox, or in all
    Fetch {
        name: Option<String>,
        /// Print one JSON object per file instead of text
        #[arg(long)]
        json: bool,
    },
}

pub(super) fn run(archive: &Archive, out: &mut dyn Write, action: MailAction) -> anyhow::Result<ExitCode> {
    match action {
        MailAction::Add { name, server, user, folder, from, subject, tags, then, password_env } => {
            crate::mail::imap::Server::parse(&server)?;
            let tags = tags.iter().map(|t| tag_of(t)).collect::<anyhow::Result<Vec<Tag>>>()?;
            let mailbox = Mailbox { name, server, user, folder, from, subject, tags, then, password_env };
            if mailbox.password_env.is_none() {
                keep_password(&mailbox)?;
            }
            mail::add_mailbox(archive, mailbox.clone())?;
            writeln!(out, "added {}: {} {} {}", mailbox.name, mailbox.server, mailbox.user, mailbox.folder)?;
        }
        MailAction::List => {
            for m in mail::mailboxes(archive)? {
                let filters: Vec<String> = [("from", &m.from), ("subject", &m.subject)]
                    .iter()
                    .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}:{v:?}")))
                    .chain(m.tags.iter().map(|t| format!("+{}:{}", t.kind.as_str(), t.value)))
                    .collect();
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\tthen {}\t{}",
                    m.name,
                    m.server,
                    m.user,
                    m.folder,
                    m.then,
                    filters.join(" ")
                )?;
            }
        }
        MailAction::Remove { name } => {
            let mailbox = mail::mailboxes(archive)?.into_iter().find(|m| m.name == name);
            if !mail::remove_mailbox(archive, &name)? {
                bail!("no mailbox is called {name:?}");
            }
            if let (Some(m), Some(keyring)) = (mailbox, crate::keyring::Keyring::session()) {
                let _ = keyring.forget(&m.keyring_key());
            }
            writeln!(out, "removed {name}")?;
        }
        MailAction::Fetch { name, json } => return fetch(archive, out, name.as_deref(), json),
    }
    Ok(ExitCode::SUCCESS)
}

fn fetch(archive: &Archive, out: &mut dyn Write, name: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let boxes: Vec<Mailbox> =
        mail::mailboxes(archive)?.into_iter().filter(|m| name.is_none_or(|n| m.name == n)).collect();
    if boxes.is_empty() {
        bail!(
            "{}",
            name.map_or("no mailbox yet: add one with `clippings mail add`".to_owned(), |n| format!(
                "no mailbox is called {n:?}"
            ))
        );
    }
    let mut failed = false;
    for mailbox in boxes {
        let password = match mailbox.password() {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{}: {e}", mailbox.name);
                failed = true;
                continue;
            }
        };
        let bar = progress_bar(0, "importing");
        let mut lines = Vec::new();
        let result = mail::fetch_mailbox(
            archive,
            &mailbox,
            &password,
            &mut |event| match event {
                ImportProgress::Found { n_files } => bar.set_length(n_files as u64),
                ImportProgress::Done { n_done, outcome, .. } => {
                    bar.set_position(n_done as u64);
                    lines.push(if json {
                        serde_json::to_string(outcome).unwrap_or_default()
                    } else {
                        outcome.to_string()
                    });
                }
            },
            &AtomicBool::new(false),
        );
        bar.finish_and_clear();
        for line in lines {
            writeln!(out, "{line}")?;
        }
        match result {
            Ok(report) => {
                failed |=
                    report.import.outcomes.iter().any(|o| matches!(o.outcome, crate::import::Outcome::Failed { .. }));
                eprintln!(
                    "{}: {} new messages, {} wanted; {}",
                    mailbox.name,
                    report.n_messages,
                    report.n_wanted,
                    report.import.summary()
                );
            }
            Err(e) => {
                eprintln!("{}: {e}", mailbox.name);
                failed = true;
            }
        }
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn tag_of(text: &str) -> anyhow::Result<Tag> {
    let (kind, value) = text.split_once(':').with_context(|| format!("{text:?}: write a tag as KIND:VALUE"))?;
    let kind: crate::archive::TagKind = kind.parse()?;
    crate::vocab::tags::resolve(kind, value).map_err(|e| anyhow::anyhow!("{text:?}: {e}"))
}

fn keep_password(mailbox: &Mailbox) -> anyhow::Result<()> {
    let keyring = crate::keyring::Keyring::session()
        .context("no system keyring answers here: give --password-env VAR, a variable that holds the password")?;
    eprint!("Password for {} at {}: ", mailbox.user, mailbox.server);
    let mut password = String::new();
    std::io::stdin().read_line(&mut password)?;
    let password = password.trim_end_matches(['\r', '\n']);
    if password.is_empty() {
        bail!("no password given");
    }
    keyring.keep(&mailbox.keyring_key(), password).map_err(|e| anyhow::anyhow!(e))
}
