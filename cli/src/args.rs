//! Strict command-line arguments: every option a subcommand does not know
//! is an error (with a suggestion), options take their values from the next
//! argument or after `=`, and `--` ends the options.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

/// A subcommand's arguments, parsed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The switches given (`--write`).
    pub switches: Vec<&'static str>,
    /// The options given, with their values (`--out FILE`).
    pub options: BTreeMap<&'static str, String>,
    /// The other arguments, in order.
    pub positional: Vec<String>,
}

impl Parsed {
    /// Whether switch `name` was given.
    pub fn switch(&self, name: &str) -> bool {
        self.switches.contains(&name)
    }

    /// The value of option `name`, if given.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options.get(name).map(String::as_str)
    }
}

/// Parses `args` of subcommand `command`: `switches` take no value,
/// `options` one; `positional` says how many other arguments it takes.
///
/// # Errors
/// An unknown option (with the nearest known one), an option without its
/// value, a value given to a switch, or too few or too many other arguments.
///
/// ```
/// use slatecard_cli::args::parse;
/// let args: Vec<String> = ["--write", "nec-2026.toml"].map(String::from).to_vec();
/// let p = parse("balance", &args, &["--write"], &[], 1..=1).unwrap();
/// assert_eq!(p.positional, ["nec-2026.toml"]);
/// assert!(p.switch("--write"));
/// let bad: Vec<String> = ["x.toml", "--wirte"].map(String::from).to_vec();
/// let e = parse("balance", &bad, &["--write"], &[], 1..=1).unwrap_err();
/// assert!(e.contains("did you mean `--write`?"), "{e}");
/// ```
pub fn parse(
    command: &str,
    args: &[String],
    switches: &[&'static str],
    options: &[&'static str],
    positional: RangeInclusive<usize>,
) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    let mut rest = args.iter();
    let mut only_positional = false;
    while let Some(arg) = rest.next() {
        if only_positional || !arg.starts_with('-') || arg == "-" {
            parsed.positional.push(arg.clone());
            continue;
        }
        if arg == "--" {
            only_positional = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (arg.as_str(), None),
        };
        if let Some(&s) = switches.iter().find(|&&s| s == name) {
            if inline.is_some() {
                return Err(format!("`{s}` takes no value (in `{arg}`)"));
            }
            parsed.switches.push(s);
        } else if let Some(&o) = options.iter().find(|&&o| o == name) {
            let value = match inline {
                Some(v) => v.to_owned(),
                None => rest
                    .next()
                    .filter(|v| !v.starts_with("--"))
                    .cloned()
                    .ok_or_else(|| format!("`{o}` needs a value, e.g. `{o} FILE`"))?,
            };
            parsed.options.insert(o, value);
        } else {
            let known: Vec<&str> = switches.iter().chain(options).copied().collect();
            let hint = match did_you_mean(name, &known) {
                Some(k) => format!("; did you mean `{k}`?"),
                None if known.is_empty() => format!("; `{command}` takes no options"),
                None => format!("; its options are {}", known.join(", ")),
            };
            return Err(format!(
                "unknown option `{name}` for `slatecard {command}`{hint}"
            ));
        }
    }
    let n = parsed.positional.len();
    if !positional.contains(&n) {
        let want = match (*positional.start(), *positional.end()) {
            (0, 0) => "no file names or other arguments".to_owned(),
            (a, b) if a == b => format!("{a} argument(s)"),
            (a, usize::MAX) => format!("at least {a} argument(s)"),
            (a, b) => format!("{a} to {b} arguments"),
        };
        return Err(format!(
            "`slatecard {command}` takes {want}, not {n}{}",
            if n > 0 {
                format!(" ({})", parsed.positional.join(" "))
            } else {
                String::new()
            }
        ));
    }
    Ok(parsed)
}

/// The closest of `known` to a mistyped `word`, if one is close enough.
pub fn did_you_mean<'k>(word: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::osa_distance(word, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min()
        .map(|(_, k)| k)
}
