//! The studio's core: what the organiser has open, what the checks say of
//! it, and what each thing they do changes ([`update`], returning the
//! [`Effect`]s the shell performs). Pure, so every flow is tested natively;
//! the checks, `balance` and the template are the data format's, the code
//! `slatecard check`, `slatecard balance` and `slatecard new` run.

use slatecard_data_format::organise::{read_for_balance, report, rewrite, template};
use slatecard_data_format::{self as data, Problem, Reference, SchemeDef, SourceFile};

/// The regions file the app is built with: election files are checked
/// against it, as `slatecard check` checks them against the repository's.
pub const SCHEME_TEXT: &str = include_str!("../../data/regions/labour.toml");

/// The largest file the studio reads, in bytes (1 MB): the bundled election
/// files are 10–40 KB, so anything much larger is the wrong file.
pub const MAX_BYTES: usize = 1_000_000;

/// What `balance` did, as the command line reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Balanced {
    /// The report (Markdown, as `slatecard balance` prints it) and the
    /// regions whose order was written (empty: nothing changed).
    Done {
        /// The evenness report.
        report: String,
        /// Regions whose order changed or was added.
        changed: Vec<String>,
    },
    /// Why it could not (the file's problems, or a slate too large).
    Failed(String),
}

/// A file with no problems, as the checks read it: what the preview draws
/// and the release line names.
#[derive(Clone, Debug, PartialEq)]
pub struct Passed {
    /// The election, parsed.
    pub def: data::ElectionDef,
    /// The regions it was checked against (the bundled ones).
    pub scheme: SchemeDef,
    /// Its fingerprint, as `slatecard check` prints it.
    pub fingerprint: String,
}

/// What the organiser has open.
#[derive(Clone, Debug, PartialEq)]
pub struct Studio {
    /// The file's path as `slatecard check` would show it, once saved in the
    /// repository: `data/elections/NAME.toml`.
    pub file: String,
    /// Its text.
    pub text: String,
    /// Why the last file opened was not read (too large, binary, not
    /// UTF-8): said instead of its problems. The text is left as it was.
    pub refused: Option<String>,
    /// Every problem `slatecard check` finds in the text, in its order.
    pub problems: Vec<Problem>,
    /// With no problems: the file as the checks read it.
    pub passed: Option<Passed>,
    /// What the last `balance` did, until the text changes.
    pub balanced: Option<Balanced>,
    /// The year it is (UTC), for the checks and the template.
    pub year: u16,
    /// Today, `YYYY-MM-DD` (UTC), for the template.
    pub today: String,
}

/// What the organiser does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A file was opened (picked or dropped): its name and bytes.
    Opened {
        /// The file's name, e.g. `nec-2028.toml`.
        name: String,
        /// Its contents.
        bytes: Vec<u8>,
    },
    /// The text was edited (typed or pasted).
    Edited(String),
    /// Start a new file with this election id, as `slatecard new ID`.
    Started(String),
    /// Work out the missing orders, as `slatecard balance FILE --write`.
    Balance,
    /// Save the file.
    Save,
}

/// What the shell does for the core.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Offer `text` as a download named `name`.
    Download {
        /// The file's name, e.g. `nec-2028.toml`.
        name: String,
        /// Its contents.
        text: String,
    },
}

impl Studio {
    /// An empty studio on `today` (`YYYY-MM-DD`, UTC).
    pub fn new(today: &str) -> Studio {
        let year = today.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
        Studio {
            file: String::new(),
            text: String::new(),
            refused: None,
            problems: Vec::new(),
            passed: None,
            balanced: None,
            year,
            today: today.to_owned(),
        }
    }

    /// The file's name alone, `NAME.toml`, as it is saved.
    pub fn name(&self) -> &str {
        self.file.rsplit('/').next().unwrap_or(&self.file)
    }

    /// The bundled regions, parsed (they pass their checks: the app is
    /// built with them).
    pub fn scheme() -> Result<SchemeDef, String> {
        data::parse_scheme(data::SCHEME_PATH, SCHEME_TEXT).map_err(|e| e.to_string())
    }

    /// With no problems: `FILE: version V, updated D, fingerprint F`, the
    /// line `slatecard check` prints.
    pub fn release(&self) -> Option<String> {
        self.passed.as_ref().map(|p| {
            format!(
                "{}: version {}, updated {}, fingerprint {}",
                self.file, p.def.version, p.def.updated, p.fingerprint
            )
        })
    }

    /// Checks the text as `slatecard check FILE` does, once; keeps the
    /// parsed file when it passes.
    fn check(&mut self) {
        self.balanced = None;
        let reference = Reference {
            current_year: self.year,
            ons: None,
        };
        let scheme = SourceFile {
            file: data::SCHEME_PATH.to_owned(),
            text: SCHEME_TEXT.to_owned(),
        };
        let election = SourceFile {
            file: self.file.clone(),
            text: self.text.clone(),
        };
        (self.problems, self.passed) = match data::load_sources(&scheme, &[election], &reference) {
            Err(problems) => (problems, None),
            Ok((scheme, mut elections)) => {
                let passed = elections.pop().and_then(|(_, def)| {
                    let fingerprint = data::fingerprint(&self.text, SCHEME_TEXT).ok()?;
                    Some(Passed {
                        def,
                        scheme,
                        fingerprint,
                    })
                });
                (Vec::new(), passed)
            }
        };
    }
}

/// Why `bytes` cannot be an election file, in words an organiser acts on.
pub fn refuse(name: &str, bytes: &[u8]) -> Option<String> {
    if bytes.len() > MAX_BYTES {
        return Some(format!(
            "{name} is {:.1} MB: an election file is a few tens of KB, so this is not one. \
             Open the .toml file from data/elections/.",
            bytes.len() as f64 / 1_000_000.0
        ));
    }
    if bytes.contains(&0) {
        return Some(format!(
            "{name} is not a text file (it holds binary data): open the election's .toml file."
        ));
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        let (line, column) = data::line_column(
            &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
            e.valid_up_to(),
        );
        return Some(format!(
            "{name} is not UTF-8 text (at line {line}, column {column}): save it as UTF-8 in \
             your editor, or paste its text here."
        ));
    }
    None
}

/// The path `slatecard check` shows for a file named `name` in the
/// repository's elections folder.
fn path_of(name: &str) -> String {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    format!("{}/{name}", data::ELECTIONS_PATH)
}

/// The `id = "…"` a pasted file gives itself, if it is a valid id: the
/// file is named after it, as the checks want.
fn id_in(text: &str) -> Option<&str> {
    text.lines().find_map(|line| {
        let rest = line
            .trim()
            .strip_prefix("id")?
            .trim_start()
            .strip_prefix('=')?;
        let id = rest.trim().strip_prefix('"')?.split('"').next()?;
        data::is_valid_id(id).then_some(id)
    })
}

/// The year an election id names (`nec-2028`: 2028), as `slatecard new`
/// reads it.
fn year_of(id: &str) -> Option<u16> {
    id.rsplit('-')
        .next()
        .and_then(|y| y.parse::<u16>().ok())
        .filter(|y| (2018..=2100).contains(y))
}

/// Applies `event` to `studio`; returns what the shell must do.
pub fn update(studio: &mut Studio, event: Event) -> Vec<Effect> {
    match event {
        Event::Opened { name, bytes } => {
            if let Some(why) = refuse(&name, &bytes) {
                studio.refused = Some(why);
                return Vec::new();
            }
            studio.refused = None;
            studio.file = path_of(&name);
            studio.text = String::from_utf8_lossy(&bytes).into_owned();
            studio.check();
        }
        Event::Edited(text) => {
            studio.refused = None;
            if studio.file.is_empty() {
                studio.file = path_of(&format!("{}.toml", id_in(&text).unwrap_or("new-election")));
            }
            if text.len() > MAX_BYTES {
                studio.refused = Some(refuse("The text", text.as_bytes()).unwrap_or_default());
                return Vec::new();
            }
            studio.text = text;
            studio.check();
        }
        Event::Started(id) => {
            let id = id.trim();
            if !data::is_valid_id(id) {
                studio.refused = Some(format!(
                    "\"{id}\" cannot be an election id: use lower-case letters, digits and inner \
                     hyphens, e.g. nec-2028"
                ));
                return Vec::new();
            }
            let Some(year) = year_of(id) else {
                studio.refused = Some(format!(
                    "\"{id}\" does not end in the year it is held: e.g. nec-2028"
                ));
                return Vec::new();
            };
            let Ok(scheme) = Studio::scheme() else {
                return Vec::new();
            };
            let regions: Vec<&str> = scheme.regions.iter().map(|r| r.id.as_str()).collect();
            studio.refused = None;
            studio.file = path_of(&format!("{id}.toml"));
            studio.text = template(id, year, &studio.today, &scheme.scheme, &regions);
            studio.check();
        }
        Event::Balance => {
            let outcome = balance(studio);
            if let Ok((text, _)) = &outcome {
                studio.text.clone_from(text);
                studio.check();
            }
            studio.balanced = Some(match outcome {
                Ok((_, done)) => done,
                Err(why) => Balanced::Failed(why),
            });
        }
        Event::Save => {
            if !studio.file.is_empty() {
                return vec![Effect::Download {
                    name: studio.name().to_owned(),
                    text: studio.text.clone(),
                }];
            }
        }
    }
    Vec::new()
}

/// `slatecard balance FILE --write`: the new text and what to report.
fn balance(studio: &Studio) -> Result<(String, Balanced), String> {
    if studio.file.is_empty() {
        return Err("Open or start a file first.".to_owned());
    }
    let scheme = Studio::scheme()?;
    let e = read_for_balance(&studio.file, &studio.text, &scheme)?;
    let orders = data::generate(&e, &scheme)?;
    let report = report(&e, &scheme, &orders);
    let (new, changed) =
        rewrite(&studio.text, &orders).map_err(|e| format!("{}: {e}", studio.file))?;
    // Never write a file that would not pass the build's checks.
    data::parse_election(&studio.file, &new, &scheme).map_err(|e| e.to_string())?;
    Ok((new, Balanced::Done { report, changed }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of docs/organisers.md, before `balance`.
    fn example() -> String {
        let doc = include_str!("../../docs/organisers.md");
        let start = doc
            .find("<!-- walkthrough: write data/elections/nec-2028.toml -->")
            .expect("the worked example");
        let body = &doc[start..];
        let open = body.find("```toml\n").expect("its block") + "```toml\n".len();
        let close = body[open..].find("```").expect("its end");
        body[open..open + close].to_owned()
    }

    fn opened(text: &str) -> Studio {
        let mut s = Studio::new("2026-12-06");
        update(
            &mut s,
            Event::Opened {
                name: "nec-2028.toml".into(),
                bytes: text.as_bytes().to_vec(),
            },
        );
        s
    }

    #[test]
    fn a_file_is_checked_as_check_names_it() {
        let s = opened(&example());
        assert_eq!(s.file, "data/elections/nec-2028.toml");
        assert!(s.refused.is_none());
        // Its orders are still to make: one problem per region but London.
        assert_eq!(s.problems.len(), 12, "{:?}", s.problems);
        assert!(s
            .problems
            .iter()
            .all(|p| p.file == s.file && p.message.contains("has no order")));
        assert!(s.release().is_none() && s.passed.is_none());
    }

    #[test]
    fn balance_fills_every_missing_order_and_the_file_then_passes() {
        let mut s = opened(&example());
        update(&mut s, Event::Balance);
        let Some(Balanced::Done { changed, report }) = &s.balanced else {
            panic!("{:?}", s.balanced);
        };
        assert_eq!(changed.len(), 12);
        assert!(report.starts_with("# Balance report: "));
        assert!(s.problems.is_empty(), "{:?}", s.problems);
        assert!(s
            .release()
            .as_deref()
            .is_some_and(|r| r.contains("fingerprint ")));
        assert!(s.text.contains("provenance = \"generated\""));
        // Balanced again: nothing changes.
        let before = s.text.clone();
        update(&mut s, Event::Balance);
        assert_eq!(s.text, before);
        assert!(matches!(&s.balanced, Some(Balanced::Done { changed, .. }) if changed.is_empty()));
        // And the preview's tables can be made from it.
        let p = s.passed.as_ref().expect("no problems");
        let e = crate::lower::election(&p.def, &p.scheme, &p.fingerprint).expect("lowers");
        assert_eq!(e.orders.len(), 13);
    }

    #[test]
    fn a_slate_too_large_for_balance_says_why() {
        let mut text = example();
        for (i, name) in ["Eve Ezra", "Fay Fox", "Gus Gray", "Hal Hart", "Ivy Ives"]
            .iter()
            .enumerate()
        {
            text = text.replace(
                "[[orders]]",
                &format!(
                    "[[candidates]]\nid = \"x{i}\"\nname = \"{name}\"\nsummary = \"Made up.\"\n\n[[orders]]"
                ),
            );
        }
        let mut s = opened(&text);
        update(&mut s, Event::Balance);
        match &s.balanced {
            // Why, and what to do (the data format's words).
            Some(Balanced::Failed(why)) => assert!(
                why.contains("handles up to 8") && why.contains("help: give every region's order"),
                "{why}"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bad_files_are_refused_in_words_and_the_text_is_kept() {
        let mut s = opened(&example());
        let text = s.text.clone();
        for (bytes, words) in [
            (vec![0x89, b'P', b'N', b'G', 0, 0], "not a text file"),
            (b"id = \"caf\xe9\"".to_vec(), "not UTF-8"),
            (vec![b'a'; MAX_BYTES + 1], "MB"),
        ] {
            update(
                &mut s,
                Event::Opened {
                    name: "x.toml".into(),
                    bytes,
                },
            );
            assert!(
                s.refused.as_deref().is_some_and(|w| w.contains(words)),
                "{:?}",
                s.refused
            );
            assert_eq!(s.text, text);
        }
        // Not TOML: problems at their place, not a refusal.
        update(
            &mut s,
            Event::Opened {
                name: "x.toml".into(),
                bytes: b"this is [not toml".to_vec(),
            },
        );
        assert!(s.refused.is_none());
        assert!(!s.problems.is_empty() && s.problems[0].line == 1);
    }

    #[test]
    fn start_writes_the_template_new_writes() {
        let mut s = Studio::new("2026-12-06");
        update(&mut s, Event::Started("nec-2030".into()));
        let scheme = Studio::scheme().unwrap();
        let regions: Vec<&str> = scheme.regions.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            s.text,
            template("nec-2030", 2030, "2026-12-06", &scheme.scheme, &regions)
        );
        assert_eq!(s.file, "data/elections/nec-2030.toml");
        assert!(
            !s.problems.is_empty(),
            "its empty fields are the to-do list"
        );
        update(&mut s, Event::Started("NEC 2030".into()));
        assert!(s
            .refused
            .as_deref()
            .is_some_and(|w| w.contains("cannot be an election id")));
        update(&mut s, Event::Started("nec-next".into()));
        assert!(s.refused.as_deref().is_some_and(|w| w.contains("year")));
    }

    #[test]
    fn pasted_text_is_named_after_its_id_and_saved_under_that_name() {
        let mut s = Studio::new("2026-12-06");
        update(&mut s, Event::Edited(example()));
        assert_eq!(s.file, "data/elections/nec-2028.toml");
        assert_eq!(
            update(&mut s, Event::Save),
            vec![Effect::Download {
                name: "nec-2028.toml".into(),
                text: example()
            }]
        );
        let mut empty = Studio::new("2026-12-06");
        assert!(update(&mut empty, Event::Save).is_empty());
    }
}
