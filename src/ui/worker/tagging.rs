//! The window's side of the office's tagging: learning again in the background once tags
//! change (so that an import finds it learned), and what the Rules dialog asks.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{Outbox, Reply, spawn_thread};
use crate::archive::Archive;
use crate::archive::edit::Edit;
use crate::archive::rules::Rule;
use crate::search::query::{Query, Sort};
use crate::t;
use crate::vocab::model::Tag;

/// What the Rules dialog asks of the worker.
#[derive(Debug, Clone, PartialEq)]
pub enum RulesRequest {
    /// The rules, with how many clippings each finds now.
    List,
    /// How many clippings a query being typed finds.
    Count(String),
    Save {
        name: String,
        when: String,
        add: Vec<Tag>,
    },
    Remove(String),
    /// Runs a rule on the whole archive now: one tag edit a tag, each with its undo.
    Apply(String),
}

/// What the worker answers the Rules dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum RulesReply {
    List(Vec<(Rule, usize)>),
    Count {
        when: String,
        n: usize,
    },
    /// A rule saved or removed, said for the dialog; or why it was not.
    Done(Result<String, String>),
}

/// Learns again on a thread of its own, unless that is under way already.
pub(super) fn learn_soon(archive: &Arc<Archive>, running: &Arc<AtomicBool>) {
    if running.swap(true, Ordering::AcqRel) {
        return;
    }
    let (archive, done) = (Arc::clone(archive), Arc::clone(running));
    let spawned = spawn_thread("learn", move || {
        // Derived: a failure costs the learned suggestions until the next try, nothing more.
        let _ = archive.learned();
        done.store(false, Ordering::Release);
    });
    if spawned.is_err() {
        running.store(false, Ordering::Release);
    }
}

/// Answers the Rules dialog; for [`RulesRequest::Apply`], the edits to make (the caller makes
/// them as any other, with their undo).
pub(super) fn rules(archive: &Archive, request: RulesRequest, out: &Outbox) -> Vec<Edit> {
    let words = |e: crate::archive::Error| crate::ui::archive_error_text(&e);
    match request {
        RulesRequest::List => send_list(archive, out),
        RulesRequest::Count(when) => {
            let n = archive.rule_matches(&when).unwrap_or(0);
            out.send(Reply::Rules(RulesReply::Count { when, n }));
        }
        RulesRequest::Save { name, when, add } => {
            let done = archive.add_rule(&name, &when, add).map(|r| t!("rules-saved", name = r.name.as_str()));
            out.send(Reply::Rules(RulesReply::Done(done.map_err(words))));
            send_list(archive, out);
        }
        RulesRequest::Remove(name) => {
            let done = archive.remove_rule(&name).map(|r| t!("rules-removed", name = r.name.as_str()));
            out.send(Reply::Rules(RulesReply::Done(done.map_err(words))));
            send_list(archive, out);
        }
        RulesRequest::Apply(name) => {
            let found = archive.rules().map(|rules| rules.into_iter().find(|r| r.name == name));
            if let Ok(Some(rule)) = found {
                let ids = archive.search_ids(&Query::parse(&rule.when), Sort::Newest).unwrap_or_default();
                return rule.add.into_iter().map(|tag| Edit::AddTag { tag, ids: ids.clone() }).collect();
            }
        }
    }
    Vec::new()
}

fn send_list(archive: &Archive, out: &Outbox) {
    let list = archive
        .rules()
        .unwrap_or_default()
        .into_iter()
        .map(|rule| {
            let n = archive.rule_matches(&rule.when).unwrap_or(0);
            (rule, n)
        })
        .collect();
    out.send(Reply::Rules(RulesReply::List(list)));
}
