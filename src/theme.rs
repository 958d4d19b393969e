//! Colour contrast arithmetic (WCAG 2.2 relative luminance) and the check that the design
//! tokens in `style/tokens.css` keep every text and indicator pair readable.

/// An sRGB colour parsed from `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rrggbb` (case-insensitive); anything else is `None`.
    pub fn from_hex(hex: &str) -> Option<Self> {
        let digits = hex.strip_prefix('#')?;
        if digits.len() != 6 || !digits.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// Relative luminance as WCAG defines it, from 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }
}

/// WCAG contrast ratio between two colours, from 1 to 21; order does not matter.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The `--name: #rrggbb;` custom properties of a stylesheet, in order.
pub fn hex_tokens(css: &str) -> Vec<(&str, Rgb)> {
    css.lines()
        .filter_map(|line| {
            let (name, value) = line.trim().strip_prefix("--")?.split_once(':')?;
            let value = value.trim().strip_suffix(';')?.trim();
            Some((name.trim(), Rgb::from_hex(value)?))
        })
        .collect()
}

/// The visitor's theme choice. Dark is the default (the brand); "system" follows the
/// operating system. Stored under [`STORAGE_KEY`]; the inline script in index.html reads
/// the same key before first paint, so the two must agree (tested in e2e).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    #[default]
    Dark,
    Light,
    System,
}

pub const STORAGE_KEY: &str = "dstack-theme";

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Dark, ThemeChoice::Light, ThemeChoice::System];

    /// A stored value; anything unknown (or nothing) is the default.
    pub fn parse(stored: Option<&str>) -> ThemeChoice {
        match stored {
            Some("light") => ThemeChoice::Light,
            Some("system") => ThemeChoice::System,
            _ => ThemeChoice::Dark,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::Dark => "dark",
            ThemeChoice::Light => "light",
            ThemeChoice::System => "system",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::Dark => "Dark",
            ThemeChoice::Light => "Light",
            ThemeChoice::System => "System",
        }
    }

    /// The theme shown (`data-theme`), given whether the system prefers light.
    pub fn resolve(self, system_prefers_light: bool) -> &'static str {
        match self {
            ThemeChoice::Light => "light",
            ThemeChoice::System if system_prefers_light => "light",
            _ => "dark",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKENS: &str = include_str!("../style/tokens.css");
    const LIGHT: &str = ":root[data-theme=\"light\"]";

    /// A token of the dark theme (`:root`) or the light one (its override block).
    fn themed(light: bool, name: &str) -> Rgb {
        let (dark, rest) = TOKENS.split_once(LIGHT).expect("a light theme block");
        let block = if light { rest } else { dark };
        hex_tokens(block)
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| c)
            .unwrap_or_else(|| panic!("token --{name} missing from style/tokens.css"))
    }

    fn token(name: &str) -> Rgb {
        themed(false, name)
    }

    #[test]
    fn theme_choices_round_trip_and_resolve() {
        for c in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::parse(Some(c.as_str())), c);
        }
        assert_eq!(ThemeChoice::parse(None), ThemeChoice::Dark);
        assert_eq!(ThemeChoice::parse(Some("purple")), ThemeChoice::Dark);
        assert_eq!(ThemeChoice::System.resolve(true), "light");
        assert_eq!(ThemeChoice::System.resolve(false), "dark");
        assert_eq!(ThemeChoice::Dark.resolve(true), "dark");
        assert_eq!(ThemeChoice::Light.resolve(false), "light");
    }

    #[test]
    fn both_themes_meet_wcag_aa() {
        for light in [false, true] {
            let t = |n: &str| themed(light, n);
            let which = if light { "light" } else { "dark" };
            for text in ["text", "text-muted", "link", "link-hover"] {
                for surface in ["bg", "surface", "surface-raised", "surface-sunken"] {
                    let r = contrast_ratio(t(text), t(surface));
                    assert!(r >= 4.5, "{which}: --{text} on --{surface}: {r:.2}:1");
                }
            }
            for bg in ["button-primary-bg", "link-hover"] {
                let r = contrast_ratio(t("button-primary-text"), t(bg));
                assert!(r >= 4.5, "{which}: primary button text on --{bg}: {r:.2}:1");
            }
            // Verify-page badges and diagram states.
            for (fg, bg) in [
                ("ok-text", "ok-bg"),
                ("danger-text", "danger-bg"),
                ("text", "ok-bg"),
                ("text", "danger-bg"),
            ] {
                let r = contrast_ratio(t(fg), t(bg));
                assert!(r >= 4.5, "{which}: --{fg} on --{bg}: {r:.2}:1");
            }
            for surface in ["bg", "surface", "surface-raised"] {
                for indicator in ["focus", "accent", "ok-line", "danger-line"] {
                    let r = contrast_ratio(t(indicator), t(surface));
                    assert!(r >= 3.0, "{which}: --{indicator} on --{surface}: {r:.2}:1");
                }
            }
        }
    }

    #[test]
    fn parses_hex_and_rejects_garbage() {
        assert_eq!(Rgb::from_hex("#C4F142"), Some(Rgb(0xc4, 0xf1, 0x42)));
        for bad in ["", "#", "c4f142", "#c4f14", "#c4f1422", "#gggggg", "#ééé"] {
            assert_eq!(Rgb::from_hex(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn contrast_matches_known_values() {
        let black = Rgb(0, 0, 0);
        let white = Rgb(255, 255, 255);
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic lightest grey that passes AA (4.54:1).
        let grey = Rgb::from_hex("#767676").unwrap();
        assert!((contrast_ratio(grey, white) - 4.54).abs() < 0.01);
        assert_eq!(contrast_ratio(grey, white), contrast_ratio(white, grey));
    }

    #[test]
    fn reads_tokens_from_css() {
        let css = "a {\n  --bg: #000000;\n  --x: rgb(1 2 3);\n  --fg: #FFFFFF;\n}";
        assert_eq!(
            hex_tokens(css),
            vec![("bg", Rgb(0, 0, 0)), ("fg", Rgb(255, 255, 255))]
        );
    }

    #[test]
    fn text_colours_meet_wcag_aa_on_every_surface() {
        let surfaces = ["bg", "surface", "surface-raised", "surface-sunken"];
        for text in ["text", "text-muted", "link", "link-hover"] {
            for surface in surfaces {
                let ratio = contrast_ratio(token(text), token(surface));
                assert!(
                    ratio >= 4.5,
                    "--{text} on --{surface}: {ratio:.2}:1 < 4.5:1"
                );
            }
        }
        for bg in ["button-primary-bg", "link-hover"] {
            let ratio = contrast_ratio(token("button-primary-text"), token(bg));
            assert!(ratio >= 4.5, "primary button text on --{bg}: {ratio:.2}:1");
        }
    }

    #[test]
    fn focus_ring_and_current_page_marker_stand_out() {
        // Non-text indicators need 3:1 against what surrounds them (WCAG 1.4.11).
        for surface in ["bg", "surface", "surface-raised"] {
            for indicator in ["focus", "accent"] {
                let ratio = contrast_ratio(token(indicator), token(surface));
                assert!(ratio >= 3.0, "--{indicator} on --{surface}: {ratio:.2}:1");
            }
        }
    }
}
