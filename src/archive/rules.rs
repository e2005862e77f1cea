//! Rules: a query and the tags it gives. The query language is the rule language: a rule
//! `--when 'keyword:sunset OR "Middle Corridor"' --add topic:transport` tags what that search
//! would find. Rules run on every import (the window's, the command line's, the mailboxes'),
//! on what the import brought, once it is indexed; `apply` runs one on the whole archive.

use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::search::query::{Query, Sort};
use crate::vocab::model::{ClippingId, Tag};
use crate::vocab::{Error, Result};

const SETTING_RULES: &str = "rules";

/// A rule as the archive keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub name: String,
    /// The query, as typed.
    pub when: String,
    /// The tags a clipping it finds is given.
    pub add: Vec<Tag>,
}

/// What rules did to the clippings of an import: how many each tagged, by name.
pub type RulesApplied = Vec<(String, usize)>;

impl Archive {
    /// The rules, in the order they were made.
    pub fn rules(&self) -> Result<Vec<Rule>> {
        Ok(self.store.setting(SETTING_RULES)?.unwrap_or_default())
    }

    /// Keeps a rule (one of the same name, in any case, is replaced). A rule needs a name, a
    /// query with something in it, and a tag.
    pub fn add_rule(&self, name: &str, when: &str, add: Vec<Tag>) -> Result<Rule> {
        let name = name.trim();
        if name.is_empty() || add.is_empty() || Query::parse(when) == Query::default() {
            return Err(Error::IncompleteRule);
        }
        let rule = Rule { name: name.to_owned(), when: when.trim().to_owned(), add };
        let mut rules = self.rules()?;
        match rules.iter_mut().find(|r| r.name.to_lowercase() == name.to_lowercase()) {
            Some(old) => *old = rule.clone(),
            None => rules.push(rule.clone()),
        }
        self.store.set_setting(SETTING_RULES, &rules)?;
        self.store.flush()?;
        Ok(rule)
    }

    /// Forgets a rule; the tags it gave stay.
    pub fn remove_rule(&self, name: &str) -> Result<Rule> {
        let mut rules = self.rules()?;
        let at = rules
            .iter()
            .position(|r| r.name.to_lowercase() == name.trim().to_lowercase())
            .ok_or_else(|| Error::NoSuchRule(name.trim().to_owned()))?;
        let rule = rules.remove(at);
        self.store.set_setting(SETTING_RULES, &rules)?;
        self.store.flush()?;
        Ok(rule)
    }

    /// How many clippings (out of the trash) a rule's query finds now: the Rules dialog shows
    /// it as the query is typed.
    pub fn rule_matches(&self, when: &str) -> Result<usize> {
        let query = Query::parse(when);
        if query == Query::default() {
            return Ok(0);
        }
        Ok(self.search_ids(&query, Sort::Newest)?.len())
    }

    /// Runs a rule on the whole archive; returns how many tags it added.
    pub fn apply_rule(&self, name: &str) -> Result<usize> {
        let rule = self
            .rules()?
            .into_iter()
            .find(|r| r.name.to_lowercase() == name.trim().to_lowercase())
            .ok_or_else(|| Error::NoSuchRule(name.trim().to_owned()))?;
        let ids = self.search_ids(&Query::parse(&rule.when), Sort::Newest)?;
        self.give_tags(&rule, &ids)
    }

    /// Runs every rule on these clippings (an import's, indexed already).
    pub(crate) fn apply_rules_to(&self, ids: &[ClippingId]) -> Result<RulesApplied> {
        let rules = self.rules()?;
        if rules.is_empty() || ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        let mut applied = Vec::new();
        for rule in rules {
            let found: Vec<ClippingId> = self
                .search_ids(&Query::parse(&rule.when), Sort::Newest)?
                .into_iter()
                .filter(|id| sorted.binary_search(id).is_ok())
                .collect();
            let n = self.give_tags(&rule, &found)?;
            if !found.is_empty() {
                applied.push((rule.name, n));
            }
        }
        Ok(applied)
    }

    fn give_tags(&self, rule: &Rule, ids: &[ClippingId]) -> Result<usize> {
        let mut n = 0;
        for tag in &rule.add {
            n += self.put_tag(tag, ids)?;
        }
        self.store.flush()?;
        self.index_changed(ids)?;
        Ok(n)
    }
}
