//! Formatting of counts and ages for the figures: compact numbers ("1.2k") and "N days ago".

/// A count in compact form: up to 999 as is, then one decimal (rounded down, so a count is
/// never overstated) with k, M, B, T, P, E.
pub fn compact(n: u64) -> String {
    const UNITS: [&str; 6] = ["k", "M", "B", "T", "P", "E"];
    if n < 1000 {
        return n.to_string();
    }
    let mut unit = 0;
    let mut scale: u64 = 1000;
    while unit + 1 < UNITS.len() && n / scale >= 1000 {
        scale *= 1000;
        unit += 1;
    }
    let whole = n / scale;
    let tenth = (n % scale) / (scale / 10);
    if tenth == 0 {
        format!("{whole}{}", UNITS[unit])
    } else {
        format!("{whole}.{tenth}{}", UNITS[unit])
    }
}

/// Days since 1970-01-01 of an RFC 3339 timestamp's date (`2026-05-11T09:30:00Z`).
pub fn days_from_rfc3339(stamp: &str) -> Option<i64> {
    let date = stamp.get(..10)?;
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if date.as_bytes().get(4) != Some(&b'-')
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
    {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// "today", "yesterday", "12 days ago", "3 months ago", "2 years ago".
pub fn age(days: i64) -> String {
    match days {
        i64::MIN..=0 => "today".into(),
        1 => "yesterday".into(),
        2..=59 => format!("{days} days ago"),
        60..=729 => format!("{} months ago", days / 30),
        _ => format!("{} years ago", days / 365),
    }
}

/// `2026-11-25` from days since the epoch (for "as of" dates).
pub fn iso_date(days: i64) -> String {
    // Inverse of days_from_civil (same source).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_numbers() {
        let cases: [(u64, &str); 12] = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1k"),
            (1049, "1k"),
            (1234, "1.2k"),
            (12_345, "12.3k"),
            (999_999, "999.9k"),
            (1_000_000, "1M"),
            (1_234_567, "1.2M"),
            (2_000_000_000, "2B"),
            (u64::MAX, "18.4E"),
        ];
        for (n, want) in cases {
            assert_eq!(compact(n), want, "{n}");
        }
    }

    #[test]
    fn dates_and_ages() {
        assert_eq!(days_from_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(days_from_rfc3339("2026-05-11T09:30:00Z"), Some(20_584));
        assert_eq!(days_from_rfc3339("2000-03-01"), Some(11_017));
        for bad in [
            "",
            "2026",
            "2026-13-01",
            "2026-00-10",
            "20260511T",
            "abcd-ef-gh",
        ] {
            assert_eq!(days_from_rfc3339(bad), None, "{bad:?}");
        }
        assert_eq!(iso_date(20_584), "2026-05-11");
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(
            age(-3),
            "today",
            "a clock behind the release date still reads sensibly"
        );
        assert_eq!(age(0), "today");
        assert_eq!(age(1), "yesterday");
        assert_eq!(age(14), "14 days ago");
        assert_eq!(age(90), "3 months ago");
        assert_eq!(age(800), "2 years ago");
    }
}
