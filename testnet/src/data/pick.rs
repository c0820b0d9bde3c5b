//! Small random helpers: weighted choices, log-normal quantities, rounding and dates.

use rand::RngExt;
use rand::rngs::StdRng;
use time::{Date, Duration, Weekday};

/// One item of `items`, chosen with probability proportional to its weight; `T::default()` if the
/// table is empty (the tables are static and tested non-empty).
pub(crate) fn weighted<T: Copy + Default>(rng: &mut StdRng, items: &[(T, f64)]) -> T {
    let total: f64 = items.iter().map(|(_, w)| w.max(0.0)).sum();
    if total <= 0.0 {
        return items.first().map(|(t, _)| *t).unwrap_or_default();
    }
    let mut r = rng.random::<f64>() * total;
    for (t, w) in items {
        let w = w.max(0.0);
        if r < w {
            return *t;
        }
        r -= w;
    }
    items.iter().rev().find(|(_, w)| *w > 0.0).map(|(t, _)| *t).unwrap_or_default()
}

/// One item of `items`, uniformly; `T::default()` if empty.
pub(crate) fn choose<T: Copy + Default>(rng: &mut StdRng, items: &[T]) -> T {
    choose_ref(rng, items).copied().unwrap_or_default()
}

/// A reference to one item of `items`, uniformly.
pub(crate) fn choose_ref<'a, T>(rng: &mut StdRng, items: &'a [T]) -> Option<&'a T> {
    if items.is_empty() { None } else { items.get(rng.random_range(0..items.len())) }
}

/// The capital letters.
pub(crate) const AZ: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// `n` random decimal digits.
pub(crate) fn digits(rng: &mut StdRng, n: usize) -> String {
    (0..n).map(|_| char::from(b'0' + rng.random_range(0..10u8))).collect()
}

/// `n` random characters of `alphabet`.
pub(crate) fn letters(rng: &mut StdRng, n: usize, alphabet: &[u8]) -> String {
    (0..n).map(|_| char::from(choose(rng, alphabet))).collect()
}

/// A standard normal sample (Box–Muller).
pub(crate) fn normal(rng: &mut StdRng) -> f64 {
    let u1 = 1.0 - rng.random::<f64>();
    let u2 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A log-normal sample around `median`, with the spread `sigma` of its logarithm, cut at three
/// standard deviations so that a rare draw stays plausible.
pub(crate) fn lognormal(rng: &mut StdRng, median: f64, sigma: f64) -> f64 {
    median * (sigma * normal(rng).clamp(-3.0, 3.0)).exp()
}

/// `x` rounded to `digits` significant digits.
pub(crate) fn significant(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let magnitude = x.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits - 1 - magnitude);
    (x * factor).round() / factor
}

/// `x` rounded to `decimals` decimals.
pub(crate) fn decimals(x: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (x * factor).round() / factor
}

/// `YYYY-MM-DD`.
pub(crate) fn iso_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// A date between `from` and `to` (inclusive) chosen so that the months weighted by
/// `month_weight` (January first) come up more often, weekends less often, and recent years a
/// little more often (more cases are recorded as a system is adopted).
pub(crate) fn seasonal_date(rng: &mut StdRng, from: Date, to: Date, month_weight: &[f64; 12]) -> Date {
    let span = (to - from).whole_days().max(0);
    let max_weight = month_weight.iter().copied().fold(0.0, f64::max).max(1e-9);
    let mut candidate = to;
    for _ in 0..64 {
        let offset = rng.random_range(0..=span);
        candidate = from + Duration::days(offset);
        let month = month_weight[usize::from(u8::from(candidate.month())) - 1] / max_weight;
        let weekday = match candidate.weekday() {
            Weekday::Saturday => 0.75,
            Weekday::Sunday => 0.55,
            _ => 1.0,
        };
        let trend = if span > 0 { 0.7 + 0.3 * offset as f64 / span as f64 } else { 1.0 };
        if rng.random::<f64>() < month * weekday * trend {
            return candidate;
        }
    }
    candidate
}
