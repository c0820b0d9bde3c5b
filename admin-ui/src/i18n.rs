//! The UI's languages: Fluent messages (`locales/<lang>/ui.ftl`), code-list labels, and dates and
//! numbers formatted for the language with ICU4X.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use fixed_decimal::Decimal;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::{YMD, YMDT};
use icu_datetime::input::{Date, DateTime, Time};
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use ncen_protocol::codelists::{Catalog, ListId};
use unic_langid::LanguageIdentifier;

pub use ncen_protocol::codelists::Lang;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Identifiers and codes are wrapped in <bdi> by the templates where direction matters;
        // Fluent's own isolation marks would end up inside form values and copied text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Formatters of one language, built once.
struct Formats {
    date: DateTimeFormatter<YMD>,
    datetime: DateTimeFormatter<YMDT>,
    decimal: DecimalFormatter,
}

fn with_formats<T>(lang: Lang, f: impl FnOnce(&Formats) -> T) -> Option<T> {
    // ICU4X formatters are not `Sync`: each thread builds the ones it uses, once.
    thread_local! {
        static CACHE: RefCell<HashMap<Lang, Option<Rc<Formats>>>> = RefCell::new(HashMap::new());
    }
    let formats = CACHE.with(|cache| {
        cache
            .borrow_mut()
            .entry(lang)
            .or_insert_with(|| {
                let locale: Locale = lang.code().parse().ok()?;
                Some(Rc::new(Formats {
                    date: DateTimeFormatter::try_new((&locale).into(), YMD::medium()).ok()?,
                    datetime: DateTimeFormatter::try_new((&locale).into(), YMDT::medium()).ok()?,
                    decimal: DecimalFormatter::try_new((&locale).into(), Default::default()).ok()?,
                }))
            })
            .clone()
    })?;
    Some(f(&formats))
}

fn langid(lang: Lang) -> LanguageIdentifier {
    lang.code().parse().unwrap_or_default()
}

/// A message argument.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Number(n as f64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(f64::from(n))
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

/// Everything a page needs to speak the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct L10n {
    pub lang: Lang,
    /// The node's code lists in force (newer than the built-in ones once the hub released a
    /// version); `None` for the built-in lists.
    catalog: Option<Arc<Catalog>>,
}

impl L10n {
    pub fn new(lang: Lang) -> Self {
        L10n { lang, catalog: None }
    }

    /// Labels codes from `catalog` rather than the built-in lists.
    pub fn with_catalog(lang: Lang, catalog: Arc<Catalog>) -> Self {
        L10n { lang, catalog: Some(catalog) }
    }

    /// The code lists this page labels codes with.
    pub fn catalog(&self) -> &Catalog {
        self.catalog.as_deref().unwrap_or_else(|| Catalog::builtin())
    }

    /// The message `id`; the id itself if no language has it (a test keeps that from happening).
    pub fn t(&self, id: &str) -> String {
        LOCALES.try_lookup(&langid(self.lang), id).unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` with arguments; numbers are formatted for the language.
    pub fn ta(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Text(s) => FluentValue::from(s.as_str()),
                    Arg::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => {
                        FluentValue::from(self.num(*n as i64))
                    }
                    Arg::Number(n) => FluentValue::from(n.to_string()),
                };
                (Cow::Borrowed(*k), value)
            })
            .collect();
        LOCALES.try_lookup_with_args(&langid(self.lang), id, &map).unwrap_or_else(|| id.to_owned())
    }

    /// One argument, the common case in templates.
    pub fn t1(&self, id: &str, name: &'static str, value: impl Into<Arg>) -> String {
        self.ta(id, &[(name, value.into())])
    }

    /// Two arguments.
    pub fn t2(
        &self,
        id: &str,
        name: &'static str,
        value: impl Into<Arg>,
        name2: &'static str,
        value2: impl Into<Arg>,
    ) -> String {
        self.ta(id, &[(name, value.into()), (name2, value2.into())])
    }

    /// An integer with the language's digits and grouping.
    pub fn num<N: std::borrow::Borrow<i64>>(&self, n: N) -> String {
        let n = *n.borrow();
        with_formats(self.lang, |f| f.decimal.format(&Decimal::from(n)).to_string())
            .unwrap_or_else(|| n.to_string())
    }

    /// An ISO date (`2026-12-31`) as the language writes it; other text is returned as is.
    pub fn date(&self, iso: &str) -> String {
        let parsed = (|| {
            let mut parts = iso.splitn(3, '-');
            let y: i32 = parts.next()?.parse().ok()?;
            let m: u8 = parts.next()?.parse().ok()?;
            let d: u8 = parts.next()?.get(..2)?.parse().ok()?;
            Date::try_new_iso(y, m, d).ok()
        })();
        parsed
            .and_then(|date| with_formats(self.lang, |f| f.date.format(&date).to_string()))
            .unwrap_or_else(|| iso.to_owned())
    }

    /// A moment (milliseconds since the epoch, UTC) as the language writes date and time.
    pub fn datetime(&self, ms: i64) -> String {
        let Ok(t) = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000) else {
            return ms.to_string();
        };
        let value = (|| {
            let date = Date::try_new_iso(t.year(), u8::from(t.month()), t.day()).ok()?;
            let time = Time::try_new(t.hour(), t.minute(), t.second(), 0).ok()?;
            Some(DateTime { date, time })
        })();
        value
            .and_then(|dt| with_formats(self.lang, |f| format!("{} UTC", f.datetime.format(&dt))))
            .unwrap_or_else(|| t.to_string())
    }

    /// The label of a code in this language, or the code itself if the list lacks it.
    pub fn code(&self, list: ListId, code: &str) -> String {
        self.catalog().list(list).label(code, self.lang).unwrap_or(code).to_owned()
    }

    /// The label of a code as a stored record shows it: marked when the hub has deprecated the
    /// value since (the record keeps it; new records cannot use it).
    pub fn code_in_record(&self, list: ListId, code: &str) -> String {
        let label = self.code(list, code);
        if self.catalog().list(list).get(code).is_some_and(|e| e.deprecated) {
            self.t1("code-deprecated", "label", label)
        } else {
            label
        }
    }

    /// `rtl` for Arabic, `ltr` otherwise.
    pub fn dir(&self) -> &'static str {
        if self.lang.is_rtl() { "rtl" } else { "ltr" }
    }

    pub fn code_str(&self) -> &'static str {
        self.lang.code()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids_and_vars(lang: &str) -> Vec<(String, Vec<String>)> {
        let path = format!("{}/locales/{lang}/ui.ftl", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let resource = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{path}: {errors:?}"),
        };
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => {
                    let mut vars: Vec<String> = text_vars(m);
                    vars.sort();
                    vars.dedup();
                    Some((m.id.name.to_owned(), vars))
                }
                _ => None,
            })
            .collect()
    }

    fn text_vars(m: &fluent_syntax::ast::Message<&str>) -> Vec<String> {
        use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
        let mut out = Vec::new();
        if let Some(p) = &m.value {
            for e in &p.elements {
                if let PatternElement::Placeable {
                    expression: Expression::Inline(InlineExpression::VariableReference { id }),
                } = e
                {
                    out.push(id.name.to_owned());
                }
            }
        }
        out
    }

    #[test]
    fn every_language_has_every_message_with_the_same_arguments() {
        let english = ids_and_vars("en");
        assert!(english.len() > 100, "the English file has {} messages", english.len());
        for lang in Lang::ALL.iter().skip(1) {
            let other = ids_and_vars(lang.code());
            let missing: Vec<_> = english
                .iter()
                .filter(|(id, _)| !other.iter().any(|(o, _)| o == id))
                .map(|(id, _)| id)
                .collect();
            let extra: Vec<_> = other
                .iter()
                .filter(|(id, _)| !english.iter().any(|(e, _)| e == id))
                .map(|(id, _)| id)
                .collect();
            assert!(missing.is_empty() && extra.is_empty(), "{lang}: missing {missing:?}, extra {extra:?}");
            for ((id, vars), (_, theirs)) in english.iter().zip(&other) {
                assert_eq!(vars, theirs, "{lang} {id}: arguments differ");
            }
        }
    }

    #[test]
    fn messages_numbers_and_dates_follow_the_language() {
        let en = L10n::new(Lang::En);
        let fr = L10n::new(Lang::Fr);
        let ar = L10n::new(Lang::Ar);
        assert_eq!(en.t("nav-peers"), "Peers");
        assert_ne!(fr.t("nav-peers"), "Peers");
        assert_eq!(en.num(1234567), "1,234,567");
        assert_ne!(fr.num(1234567), en.num(1234567), "French groups digits differently");
        assert!(en.date("2026-12-31").contains("2026"), "{}", en.date("2026-12-31"));
        assert_ne!(en.date("2026-12-31"), fr.date("2026-12-31"));
        assert_eq!(en.date("not a date"), "not a date");
        assert_eq!(ar.dir(), "rtl");
        assert_eq!(en.dir(), "ltr");
        assert_eq!(fr.code(ListId::Country, "NL"), "Pays-Bas");
        assert_eq!(en.t1("peers-added", "admin", "BE"), "Peer BE added.");
        assert!(en.datetime(0).starts_with("Jan 1, 1970"), "{}", en.datetime(0));
    }

    /// Every message id the templates and the node's UI controllers name exists in English (and
    /// so, by the test above, in every language).
    #[test]
    fn every_message_the_ui_names_exists() {
        let english: Vec<String> = ids_and_vars("en").into_iter().map(|(id, _)| id).collect();
        let root = env!("CARGO_MANIFEST_DIR");
        let mut named = Vec::new();
        let calls = [".t(\"", ".t1(\"", ".t2(\"", ".ta(\""];
        for dir in [format!("{root}/templates"), format!("{root}/../node/src/ui")] {
            for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
                let path = entry.map(|e| e.path()).unwrap_or_default();
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let is_rust = path.extension().is_some_and(|e| e == "rs");
                for (i, _) in text.match_indices('"') {
                    let rest = &text[i + 1..];
                    let literal: String = rest.chars().take_while(|c| *c != '"').collect();
                    let before = &text[..i + 1];
                    let called = calls.iter().any(|c| before.ends_with(c));
                    let prefix = literal.split('-').next().unwrap_or_default();
                    let message_like = literal.contains('-')
                        && literal.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
                        && [
                            "app", "role", "nav", "action", "login", "notice", "error", "field", "dash",
                            "peers", "agr", "users", "audit", "account",
                        ]
                        .contains(&prefix);
                    if called || (is_rust && message_like) {
                        named.push((path.display().to_string(), literal));
                    }
                }
            }
        }
        assert!(named.len() > 150, "found {} names", named.len());
        let states = ["proposed", "active", "pending", "expired", "rejected", "revoked"];
        let dynamic = ["administrator", "national_contact_point", "officer", "analyst", "auditor"]
            .iter()
            .map(|r| format!("role-{r}"))
            .chain(states.iter().map(|s| format!("agr-state-{s}")))
            .chain(
                ["active", "blocked", "inactive", "deactivated"].iter().map(|s| format!("users-state-{s}")),
            );
        for id in dynamic {
            named.push(("(built from a code)".into(), id));
        }
        let missing: Vec<_> = named.iter().filter(|(_, id)| !english.contains(id)).collect();
        assert!(missing.is_empty(), "messages used but not defined: {missing:?}");
    }
}
