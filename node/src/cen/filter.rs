//! Filters, paging and cursors of CEN searches. Values are checked by the API before they get
//! here; this module only applies them.

use std::fmt;

use ncen_protocol::model::RecordId;
use ncen_protocol::projection::CenSeizure;

/// Page size when the request names none.
pub const DEFAULT_LIMIT: usize = 50;
/// Largest page.
pub const MAX_LIMIT: usize = 500;

/// Which seizures a search or a statistic covers; every filter given must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CenFilter {
    /// The reporting administration (`NL`).
    pub origin: Option<String>,
    /// A commodity code or one of its ancestors: `DRUGS` matches `DRUGS.COCAINE`.
    pub commodity: Option<String>,
    /// The country of the seizure's place.
    pub country: Option<String>,
    /// A country of departure, transit or destination.
    pub route_country: Option<String>,
    /// The seizure year, four digits.
    pub year: Option<String>,
    /// First date included, `YYYY-MM-DD`.
    pub date_from: Option<String>,
    /// Last date included, `YYYY-MM-DD`.
    pub date_to: Option<String>,
}

/// A page request: filters, page size (1 to [`MAX_LIMIT`]) and where the previous page ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CenQuery {
    pub filter: CenFilter,
    pub limit: usize,
    pub cursor: Option<CenCursor>,
}

impl Default for CenQuery {
    fn default() -> Self {
        CenQuery { filter: CenFilter::default(), limit: DEFAULT_LIMIT, cursor: None }
    }
}

/// The position of the last item of a page, written `date~uuid`; orders as the index does.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CenCursor {
    pub date: String,
    pub id: RecordId,
}

impl CenCursor {
    /// Reads a cursor this hub gave out; `None` for anything else.
    pub fn parse(s: &str) -> Option<CenCursor> {
        let (date, id) = s.split_once('~')?;
        let valid_date = date.len() == 10
            && date
                .bytes()
                .enumerate()
                .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        if !valid_date {
            return None;
        }
        Some(CenCursor { date: date.to_owned(), id: RecordId::parse_str(id).ok()? })
    }
}

impl fmt::Display for CenCursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}~{}", self.date, self.id)
    }
}

/// Whether `code` is `ancestor` or lies below it in the dotted hierarchy (`DRUGS` covers
/// `DRUGS.COCAINE` but not `DRUGSTORE`).
pub fn commodity_within(code: &str, ancestor: &str) -> bool {
    code.strip_prefix(ancestor).is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

impl CenFilter {
    /// The inclusive range of dates to scan: the intersection of `year` and `date_from..=date_to`.
    pub(super) fn date_range(&self) -> (String, String) {
        let mut lower = "0000-00-00".to_owned();
        let mut upper = "9999-99-99".to_owned();
        if let Some(y) = &self.year {
            lower = format!("{y}-01-01");
            upper = format!("{y}-12-31");
        }
        if let Some(d) = self.date_from.as_ref().filter(|d| **d > lower) {
            lower = d.clone();
        }
        if let Some(d) = self.date_to.as_ref().filter(|d| **d < upper) {
            upper = d.clone();
        }
        (lower, upper)
    }

    /// Whether a live seizure held for `origin` passes the filters other than its date.
    pub(super) fn matches(&self, origin: &str, s: &CenSeizure) -> bool {
        let route = &s.route;
        self.origin.as_deref().is_none_or(|o| o == origin)
            && self.country.as_deref().is_none_or(|c| s.place.country == c)
            && self
                .commodity
                .as_deref()
                .is_none_or(|c| s.goods.iter().any(|g| commodity_within(&g.commodity, c)))
            && self.route_country.as_deref().is_none_or(|c| {
                route.departure.as_deref() == Some(c)
                    || route.destination.as_deref() == Some(c)
                    || route.transit.iter().any(|t| t == c)
            })
    }
}
