//! Adding an ISO 8601 duration (`P5Y`, `P18M`, `P1Y6M`, `P90D`) to the issue time, for
//! `validUntil`. Years and months are calendar units: a month added to 31 January ends on the
//! last day of February.

use time::{Date, Month, OffsetDateTime};

/// A duration in whole calendar and clock units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Period {
    months: i64,
    days: i64,
    seconds: i64,
}

impl Period {
    /// Reads `PnYnMnWnDTnHnMnS` with whole numbers; `None` when it is not such a duration or is
    /// zero.
    pub(super) fn parse(text: &str) -> Option<Period> {
        let body = text.strip_prefix('P')?;
        let (date, time) = match body.split_once('T') {
            Some((date, time)) if !time.is_empty() => (date, time),
            Some(_) => return None,
            None => (body, ""),
        };
        let mut period = Period::default();
        let mut any = false;
        for (part, units, is_time) in [(date, "YMWD", false), (time, "HMS", true)] {
            let mut allowed = units;
            let mut number = String::new();
            for c in part.chars() {
                if c.is_ascii_digit() {
                    number.push(c);
                    continue;
                }
                let position = allowed.find(c)?;
                allowed = &allowed[position + 1..];
                let n: i64 = number.parse().ok().filter(|n: &i64| *n <= 1_000_000)?;
                number.clear();
                any = true;
                match (c, is_time) {
                    ('Y', false) => period.months += 12 * n,
                    ('M', false) => period.months += n,
                    ('W', false) => period.days += 7 * n,
                    ('D', false) => period.days += n,
                    ('H', true) => period.seconds += 3600 * n,
                    ('M', true) => period.seconds += 60 * n,
                    ('S', true) => period.seconds += n,
                    _ => return None,
                }
            }
            if !number.is_empty() {
                return None;
            }
        }
        (any && period != Period::default()).then_some(period)
    }

    /// `start` plus the period, when the result is a representable date.
    pub(super) fn after(&self, start: OffsetDateTime) -> Option<OffsetDateTime> {
        let date = add_months(start.date(), self.months)?;
        let shifted = start.replace_date(date);
        shifted
            .checked_add(time::Duration::days(self.days))?
            .checked_add(time::Duration::seconds(self.seconds))
    }
}

fn add_months(date: Date, months: i64) -> Option<Date> {
    let index = i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + months;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let day = date.day().min(time::util::days_in_month(month, year));
    Date::from_calendar_date(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn calendar_units_follow_the_calendar() {
        let start = datetime!(2024-01-31 10:00:00 UTC);
        assert_eq!(
            Period::parse("P1M").and_then(|p| p.after(start)),
            Some(datetime!(2024-02-29 10:00:00 UTC))
        );
        assert_eq!(
            Period::parse("P5Y").and_then(|p| p.after(start)),
            Some(datetime!(2029-01-31 10:00:00 UTC))
        );
        assert_eq!(
            Period::parse("P1Y11M").and_then(|p| p.after(start)),
            Some(datetime!(2025-12-31 10:00:00 UTC))
        );
        assert_eq!(
            Period::parse("P2W").and_then(|p| p.after(start)),
            Some(datetime!(2024-02-14 10:00:00 UTC))
        );
        assert_eq!(
            Period::parse("PT36H").and_then(|p| p.after(start)),
            Some(datetime!(2024-02-01 22:00:00 UTC))
        );
    }

    #[test]
    fn malformed_or_empty_durations_are_refused() {
        for bad in [
            "",
            "P",
            "PT",
            "5Y",
            "P1.5Y",
            "P1H",
            "PT1Y",
            "P1M1Y",
            "P0D",
            "P-1Y",
            "P99999999Y",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }
}
