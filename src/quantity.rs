//! Figures as intervals (placeholder interface; replaced by the full module).

use serde::{Deserialize, Serialize};

use crate::text::Span;

/// What a figure is measured in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Unit {
    /// A plain count of things.
    Count,
    /// A percentage (`12%`).
    Percent,
    /// Percentage points.
    PercentagePoint,
    /// Basis points (1/100 of a percentage point).
    BasisPoint,
    /// Money, with an ISO-like currency code ("USD", "EUR").
    Money(String),
}

/// A closed or half-open interval of values; `hi` may be infinite.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower bound.
    pub lo: f64,
    /// Upper bound (`f64::INFINITY` when unbounded).
    pub hi: f64,
    /// True when `lo` itself is excluded ("more than").
    pub lo_open: bool,
    /// True when `hi` itself is excluded ("fewer than").
    pub hi_open: bool,
}

impl Interval {
    /// True when no value lies in both intervals.
    pub fn disjoint(&self, other: &Interval) -> bool {
        let below = |a: &Interval, b: &Interval| {
            a.hi < b.lo || (a.hi == b.lo && (a.hi_open || b.lo_open))
        };
        below(self, other) || below(other, self)
    }
}

/// How the figure was qualified in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// A bare figure.
    Bare,
}

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Where the figure (with its qualifier) stands in the text.
    pub span: Span,
    /// The central value, in base units (a percentage as 12.0, bp as bp).
    pub value: f64,
    /// The values the figure allows.
    pub interval: Interval,
    /// The unit.
    pub unit: Unit,
    /// The qualifier.
    pub qualifier: Qualifier,
    /// What is counted ("people", "lethal strikes"), when found.
    pub counted: Option<Span>,
}

/// Finds the figures of a text.
pub fn parse_figures(text: &str) -> Vec<Figure> {
    crate::text::words(text)
        .into_iter()
        .filter(|t| t.is_numeric())
        .filter_map(|t| {
            let v: f64 = t.raw.replace(',', "").parse().ok()?;
            Some(Figure {
                span: Span::new(t.start, t.end),
                value: v,
                interval: Interval { lo: v * 0.98, hi: v * 1.02, lo_open: false, hi_open: false },
                unit: Unit::Count,
                qualifier: Qualifier::Bare,
                counted: None,
            })
        })
        .collect()
}
