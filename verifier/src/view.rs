//! The report's detail panels: the OS image's registers side by side, and "Why is my
//! hash different?" with both generated forms of the pasted app-compose.json.

use crate::app::Match;
use crate::compose::Form;
use crate::html::escape;
use crate::input::hex_encode;
use crate::report::Report;
use core::fmt::Write;

/// Expected against measured, one row per register.
pub fn registers(out: &mut String, r: &Report) {
    let Ok(os) = &r.os_image else { return };
    out.push_str(
        "<div class=\"vr-table vr-regs\" tabindex=\"0\" role=\"region\" aria-label=\"OS image registers\"><table>\
         <caption>Computed from the OS image's measurement material, and measured in the quote</caption>\
         <thead><tr><th scope=\"col\">Register</th><th scope=\"col\">Measures</th><th scope=\"col\">Expected and measured</th><th scope=\"col\">Result</th></tr></thead><tbody>",
    );
    for reg in &os.registers {
        let (class, word) = if reg.matches() {
            ("vr-pass", "Matches")
        } else {
            ("vr-fail", "Differs")
        };
        let _ = write!(
            out,
            "<tr class=\"{class}\"><th scope=\"row\">{}</th><td>{}</td><td><code class=\"vr-hex\">{}</code><br><code class=\"vr-hex\">{}</code></td><td>{word}</td></tr>",
            reg.name,
            reg.what,
            hex_encode(&reg.expected),
            hex_encode(&reg.actual)
        );
    }
    out.push_str("</tbody></table></div>");
}

fn form_block(out: &mut String, f: &Form, matched: bool) {
    let _ = write!(
        out,
        "<div class=\"vr-form\"><h4>The {} form{}</h4><p>SHA-256 <code class=\"vr-hex\">{}</code></p><pre class=\"vr-pre\" tabindex=\"0\"><code>{}</code></pre></div>",
        f.label,
        if matched { ": this one matches" } else { "" },
        hex_encode(&f.hash),
        escape(&f.text)
    );
}

/// "Why is my hash different?": open when the pasted bytes do not match.
pub fn why_different(out: &mut String, r: &Report) {
    let Some(Ok(app)) = &r.app else { return };
    let open = !matches!(app.matched, Match::Raw);
    let _ = write!(
        out,
        "<details class=\"vr-why\"{}><summary>Why is my hash different?</summary>\
         <p>The compose hash is SHA-256 of the exact bytes of app-compose.json as the VMM stored \
         it. The same content written with other spacing, key order or escapes hashes differently. \
         Two tools write the file: dstack's VMM CLI (<code>vmm-cli.py compose</code>: Python \
         <code>json.dumps(indent=4, ensure_ascii=False)</code>, keys in the order written) and \
         the SDKs' normalized form (keys sorted, no whitespace, UTF-8). Here is your file in \
         both forms.</p><p>Your bytes: SHA-256 <code class=\"vr-hex\">{}</code>.",
        if open { " open" } else { "" },
        hex_encode(&app.forms.raw)
    );
    if let Some(h) = app.forms.without_final_newline {
        let _ = write!(
            out,
            " Without the final newline: <code class=\"vr-hex\">{}</code>.",
            hex_encode(&h)
        );
    }
    out.push_str(" A browser's text box turns Windows line ends (CR LF) into LF, so for a file \
                  with CR LF line ends, hash the file itself: <code>sha256sum app-compose.json</code>.</p>");
    match &app.forms.parsed {
        Some(Ok(forms)) => {
            for f in forms {
                form_block(out, f, app.matched == Match::Form(f.label));
            }
        }
        Some(Err(e)) => {
            let _ = write!(
                out,
                "<p class=\"vr-muted\">Your paste is not JSON ({}), so it has no other forms.</p>",
                escape(&e.0)
            );
        }
        None => {}
    }
    out.push_str("</details>");
}

/// The builder's output: warnings, then both forms with their hashes and a button to
/// use each as the app-compose.json to check.
pub fn built(b: &crate::builder::Built) -> String {
    let mut out = String::new();
    if !b.tags.is_empty() {
        out.push_str(
            "<div class=\"vr-warnbox\" role=\"note\"><p><strong>Images by tag, not digest.</strong> \
             The compose hash covers this text, not the image contents: a tag can point at new \
             code after you deploy. Pin each image as <code>name@sha256:…</code>.</p><ul>",
        );
        for t in &b.tags {
            let _ = write!(
                out,
                "<li>Line {}: <code>{}</code></li>",
                t.line,
                escape(&t.image)
            );
        }
        out.push_str("</ul></div>");
    }
    if b.no_services {
        out.push_str(
            "<p class=\"vr-muted\">This file has no top-level <code>services:</code> key; \
             check it is a docker-compose file.</p>",
        );
    }
    for (i, f) in b.forms.iter().enumerate() {
        let _ = write!(
            out,
            "<div class=\"vr-form\"><h4>The {} form</h4><p>Compose hash <code class=\"vr-hex\">{}</code></p>\
             <pre class=\"vr-pre\" tabindex=\"0\"><code>{}</code></pre>\
             <button type=\"button\" class=\"button\" data-action=\"use-built-{i}\">Check this {} form as app-compose.json</button></div>",
            f.label,
            hex_encode(&f.hash),
            escape(&f.text),
            f.label
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::report::{check, Fields};
    use crate::samples;

    #[test]
    fn hostile_app_compose_is_escaped_in_both_forms() {
        let quote = samples::dstack_quote_hex();
        let r = check(
            Fields {
                quote: &quote,
                app_compose: r#"{"name": "<script>alert(1)</script>"}"#,
                ..Fields::default()
            },
            0,
        )
        .unwrap();
        let html = crate::html::report(&r);
        assert!(!html.contains("<script>"), "{html}");
        assert_eq!(
            html.matches("&lt;script&gt;alert(1)&lt;/script&gt;")
                .count(),
            2
        );
        assert!(html.contains("<details class=\"vr-why\" open>"));
    }

    #[test]
    fn built_output_escapes_and_warns() {
        let b = crate::builder::build(
            "services:\n  x:\n    image: evil<img>:latest\n",
            &crate::builder::Options {
                name: "<b>".into(),
                ..crate::builder::Options::default()
            },
        )
        .unwrap();
        let html = super::built(&b);
        assert!(!html.contains("<img>") && !html.contains("<b>"));
        assert!(html.contains("Line 3: <code>evil&lt;img&gt;:latest</code>"));
        assert_eq!(html.matches("data-action=\"use-built-").count(), 2);
    }

    #[test]
    fn the_dstack_sample_shows_four_matching_registers() {
        let r = check(
            Fields {
                quote: samples::DSTACK_GETQUOTE,
                ..Fields::default()
            },
            0,
        )
        .unwrap();
        let html = crate::html::report(&r);
        assert_eq!(html.matches("<td>Matches</td>").count(), 4);
        assert!(!html.contains("vr-why"), "no panel without a pasted file");
    }
}
