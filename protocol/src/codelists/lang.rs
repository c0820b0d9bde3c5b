//! The seven languages every code-list label is given in, and their codes.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A language of the network's user interface: the six official languages of the United Nations
/// less Chinese, plus Portuguese and German, as used by the WCO's member administrations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Es,
    Pt,
    Ru,
    De,
    Ar,
}

impl Lang {
    /// Every language, English first (the fallback when a label is missing).
    pub const ALL: [Lang; 7] = [Lang::En, Lang::Fr, Lang::Es, Lang::Pt, Lang::Ru, Lang::De, Lang::Ar];

    /// The ISO 639-1 code, as used in JSON label maps: `"en"`, `"fr"`, ...
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Pt => "pt",
            Lang::Ru => "ru",
            Lang::De => "de",
            Lang::Ar => "ar",
        }
    }

    /// Parses an ISO 639-1 code or a BCP 47 tag whose primary subtag is one (`"fr"`, `"FR"`,
    /// `"pt-BR"`, `"ar_MA"`); anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    /// Whether the language is written right to left (Arabic).
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }

    /// The language's name in itself, for a language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Pt => "Português",
            Lang::Ru => "Русский",
            Lang::De => "Deutsch",
            Lang::Ar => "العربية",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
            let json = serde_json::to_string(&lang).expect("serialise");
            assert_eq!(json, format!("\"{}\"", lang.code()));
        }
    }

    #[test]
    fn parse_accepts_tags_and_rejects_others() {
        assert_eq!(Lang::parse("pt-BR"), Some(Lang::Pt));
        assert_eq!(Lang::parse(" AR_ma "), Some(Lang::Ar));
        assert_eq!(Lang::parse("zh"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::parse("eng"), None);
    }

    #[test]
    fn only_arabic_is_rtl() {
        let rtl: Vec<Lang> = Lang::ALL.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, vec![Lang::Ar]);
    }
}
