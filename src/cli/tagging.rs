//! The commands of the office's tagging: `inbox` (what is new and not looked at yet) and
//! `rules` (a query and the tags it gives, run on every import).

use std::io::Write;
use std::process::ExitCode;

use clap::Subcommand;

use super::{Target, catch_up_index, n_clippings, target_ids};
use crate::archive::Archive;
use crate::archive::edit::{Done, Edit};
use crate::vocab::model::{Tag, TagKind};

#[derive(Debug, Subcommand)]
pub enum InboxAction {
    /// The clippings in the inbox, newest first, with their suggestions
    List {
        /// Print one JSON object per clipping
        #[arg(long)]
        json: bool,
    },
    /// Take clippings out of the inbox: they were looked at (`--query in:inbox` for all)
    Done {
        #[command(flatten)]
        target: Target,
    },
}

#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// Keep a rule: every clipping the query finds gets the tags, on every import from now on
    /// (`rules apply` for those archived already); a rule of the same name is replaced
    Add {
        name: String,
        /// The query, as `list --query` takes it: keyword:sunset, "Middle Corridor" lang:ru …
        #[arg(long, allow_hyphen_values = true)]
        when: String,
        /// A tag to give, as KIND:VALUE (topic:energy, country:KZ, event:"Astana Forum")
        #[arg(long, required = true, value_name = "KIND:VALUE")]
        add: Vec<String>,
    },
    /// The rules, with how many clippings each finds now
    List {
        /// Print one JSON object per rule
        #[arg(long)]
        json: bool,
    },
    /// Forget a rule (the tags it gave stay)
    Remove { name: String },
    /// Run a rule on the whole archive
    Apply { name: String },
}

pub(super) fn inbox(archive: &Archive, out: &mut impl Write, action: InboxAction) -> anyhow::Result<ExitCode> {
    catch_up_index(archive)?;
    match action {
        InboxAction::List { json } => {
            for id in archive.inbox()? {
                let c = archive.get(id)?;
                let suggestions = archive.suggestions(id)?;
                if json {
                    let line = serde_json::json!({ "id": id, "title": c.title, "suggestions": suggestions });
                    writeln!(out, "{line}")?;
                    continue;
                }
                let list: Vec<String> = suggestions.iter().map(|s| format!("{} {}", s.tag.kind, s.tag.name)).collect();
                let list = if list.is_empty() { String::new() } else { format!("  [{}]", list.join(", ")) };
                writeln!(out, "{id:>6}  {}{list}", c.title)?;
            }
        }
        InboxAction::Done { target } => {
            let ids = target_ids(archive, &target)?;
            if let Done::MarkedDone { n } = archive.apply(Edit::MarkDone(ids))?.done {
                writeln!(out, "{} out of the inbox; {} left in it", n_clippings(n), archive.inbox()?.len())?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn rules(archive: &Archive, out: &mut impl Write, action: RulesAction) -> anyhow::Result<ExitCode> {
    match action {
        RulesAction::Add { name, when, add } => {
            let tags = add.iter().map(|t| parse_tag(t)).collect::<anyhow::Result<Vec<Tag>>>()?;
            let rule = archive.add_rule(&name, &when, tags)?;
            catch_up_index(archive)?;
            writeln!(
                out,
                "rule {:?} kept; it finds {} now",
                rule.name,
                n_clippings(archive.rule_matches(&rule.when)?)
            )?;
        }
        RulesAction::List { json } => {
            catch_up_index(archive)?;
            for rule in archive.rules()? {
                let n = archive.rule_matches(&rule.when)?;
                if json {
                    let line =
                        serde_json::json!({ "name": rule.name, "when": rule.when, "add": rule.add, "n_found": n });
                    writeln!(out, "{line}")?;
                    continue;
                }
                let tags: Vec<String> = rule.add.iter().map(|t| format!("{}:{}", t.kind, t.value)).collect();
                writeln!(out, "{}: when {} add {} ({} now)", rule.name, rule.when, tags.join(" "), n_clippings(n))?;
            }
        }
        RulesAction::Remove { name } => {
            let rule = archive.remove_rule(&name)?;
            writeln!(out, "rule {:?} removed", rule.name)?;
        }
        RulesAction::Apply { name } => {
            catch_up_index(archive)?;
            let n = archive.apply_rule(&name)?;
            writeln!(out, "rule {name:?} gave {n} tags")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A tag typed as KIND:VALUE.
fn parse_tag(text: &str) -> anyhow::Result<Tag> {
    let (kind, value) = text
        .split_once(':')
        .ok_or_else(|| anyhow::anyhow!("{text:?}: write a tag as KIND:VALUE, e.g. topic:energy"))?;
    let kind: TagKind = kind.parse()?;
    Ok(crate::vocab::tags::resolve(kind, value.trim_matches('"'))?)
}
