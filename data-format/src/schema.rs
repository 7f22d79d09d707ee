//! The shape of the data files, field by field, checked before the files
//! are read into [`crate::ElectionDef`] and [`crate::SchemeDef`]: every
//! unknown or missing field and every value of the wrong kind is reported at
//! once, in plain words, at its place in the file.
//!
//! The serde types in `lib.rs` stay the definition the app is built from.
//! This description repeats their fields by hand: should the two ever
//! disagree, a file that passes this check but not serde is still rejected,
//! with serde's own message at its position (`check::parse`).

use crate::problem::{Locator, Problem, Seg};
use toml_edit::{ImDocument, Item, TableLike, Value};

/// The kind of value a field holds.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Ty {
    /// Text in quotes.
    Str,
    /// A date in quotes, `YYYY-MM-DD` (or with `THH:MM`).
    Date,
    /// A whole number in a range.
    Int(i64, i64),
    /// A number, whole or not.
    Float,
    /// `true` or `false`.
    Bool,
    /// A list of texts.
    Strs,
    /// One of a fixed list of texts.
    Enum(&'static [&'static str]),
    /// A `[table]`.
    Table(&'static Schema),
    /// `[[entries]]`.
    Tables(&'static Schema),
}

/// A field of a table.
#[derive(Debug)]
pub(crate) struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
}

/// A table's fields, and how messages name the table.
#[derive(Debug)]
pub(crate) struct Schema {
    /// E.g. `this [[orders]] entry`, `the [ballot] table`, `the file`.
    pub what: &'static str,
    /// How messages name a field of a single table: `ballot ` (for
    /// `ballot kind`); empty for entries, whose line says which.
    pub prefix: &'static str,
    pub fields: &'static [Field],
}

const fn req(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: true,
    }
}

const fn opt(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: false,
    }
}

const U8: Ty = Ty::Int(0, 255);
const COUNT: Ty = Ty::Int(0, i64::MAX);

pub(crate) static SCHEME: Schema = Schema {
    what: "the regions file",
    prefix: "",
    fields: &[
        req("scheme", Ty::Str),
        req("title", Ty::Str),
        req("source", Ty::Str),
        req("regions", Ty::Tables(&REGION)),
    ],
};

static REGION: Schema = Schema {
    what: "this [[regions]] entry",
    prefix: "",
    fields: &[
        req("id", Ty::Str),
        req("name", Ty::Str),
        opt("ons_codes", Ty::Strs),
        opt("add_lads", Ty::Strs),
        opt("remove_lads", Ty::Strs),
        req("live_postcodes", COUNT),
        opt("outside_uk", Ty::Bool),
    ],
};

pub(crate) static ELECTION: Schema = Schema {
    what: "the file",
    prefix: "",
    fields: &[
        req("id", Ty::Str),
        req("title", Ty::Str),
        opt("title_cy", Ty::Str),
        req("short_title", Ty::Str),
        req("organisation", Ty::Str),
        req("slate", Ty::Str),
        opt("slate_cy", Ty::Str),
        opt("slate_backers", Ty::Str),
        req("region_scheme", Ty::Str),
        req("version", Ty::Int(1, u32::MAX as i64)),
        req("updated", Ty::Date),
        req("ballot", Ty::Table(&BALLOT)),
        opt("generation", Ty::Table(&GENERATION)),
        req("candidates", Ty::Tables(&CANDIDATE)),
        opt("ballot_list", Ty::Table(&BALLOT_LIST)),
        opt("results", Ty::Table(&RESULTS)),
        opt("orders", Ty::Tables(&ORDER)),
        opt("seats", Ty::Tables(&SEAT)),
        opt("notes", Ty::Strs),
        opt("notes_cy", Ty::Strs),
        req("sources", Ty::Tables(&SOURCE)),
    ],
};

static BALLOT: Schema = Schema {
    what: "the [ballot] table",
    prefix: "ballot ",
    fields: &[
        req("kind", Ty::Enum(&["ranked", "cross"])),
        req("seats", Ty::Int(1, 255)),
        req("held", Ty::Int(0, 65535)),
        opt("opens", Ty::Date),
        opt("closes", Ty::Date),
        opt("ended_by", Ty::Date),
        req("time_zone", Ty::Enum(&["Europe/London"])),
        opt("sources", Ty::Strs),
    ],
};

static GENERATION: Schema = Schema {
    what: "the [generation] table",
    prefix: "generation ",
    fields: &[
        req("method", Ty::Enum(&["balanced-v1"])),
        req("international_weight", COUNT),
        req("description", Ty::Str),
        opt("description_cy", Ty::Str),
    ],
};

static CANDIDATE: Schema = Schema {
    what: "this [[candidates]] entry",
    prefix: "",
    fields: &[
        req("id", Ty::Str),
        req("name", Ty::Str),
        opt("summary", Ty::Str),
        opt("summary_cy", Ty::Str),
        opt("note", Ty::Str),
        opt("note_cy", Ty::Str),
    ],
};

static ORDER: Schema = Schema {
    what: "this [[orders]] entry",
    prefix: "",
    fields: &[
        opt("region", Ty::Str),
        opt("regions", Ty::Strs),
        req("order", Ty::Strs),
        req(
            "provenance",
            Ty::Enum(&["published", "generated", "partly-published"]),
        ),
        opt("source", Ty::Str),
        opt("published_positions", U8),
    ],
};

static SEAT: Schema = Schema {
    what: "this [[seats]] entry",
    prefix: "",
    fields: &[
        req("id", Ty::Str),
        req("name", Ty::Str),
        opt("name_cy", Ty::Str),
        req(
            "electorate",
            Ty::Enum(&["all", "youth", "bame", "disabled", "councillors"]),
        ),
        opt("votes", U8),
        opt("regions", Ty::Strs),
        opt("picks", Ty::Strs),
        req("published", Ty::Bool),
        opt("sources", Ty::Strs),
        opt("note", Ty::Str),
        opt("note_cy", Ty::Str),
        opt("marking", Ty::Enum(&["numbers", "crosses"])),
        opt("marking_sources", Ty::Strs),
        opt("picks_stage", Ty::Enum(&["ballot", "nomination"])),
    ],
};

static SOURCE: Schema = Schema {
    what: "this [[sources]] entry",
    prefix: "",
    fields: &[
        req("id", Ty::Str),
        req("title", Ty::Str),
        opt("publisher", Ty::Str),
        opt("date", Ty::Date),
        opt("url", Ty::Str),
        opt("used_for", Ty::Str),
        opt("used_for_cy", Ty::Str),
    ],
};

static BALLOT_LIST: Schema = Schema {
    what: "the [ballot_list] table",
    prefix: "ballot list ",
    fields: &[
        req("complete", Ty::Bool),
        req("order", Ty::Enum(&["by-surname", "as-listed"])),
        req("names", Ty::Strs),
        req("sources", Ty::Strs),
    ],
};

static RESULTS: Schema = Schema {
    what: "the [results] table",
    prefix: "",
    fields: &[
        req("sources", Ty::Strs),
        opt("announced", Ty::Date),
        req("elected", Ty::Strs),
        opt("rounds", Ty::Tables(&ROUND_ENTRY)),
        opt("changes", Ty::Tables(&CHANGE_ENTRY)),
        opt("quota", Ty::Float),
        opt("counts", Ty::Tables(&COUNT_ENTRY)),
        opt("seats", Ty::Tables(&SEAT_RESULT)),
    ],
};

static ROUND_ENTRY: Schema = Schema {
    what: "this [[results.rounds]] entry",
    prefix: "",
    fields: &[req("name", Ty::Str), req("round", Ty::Int(1, 255))],
};

static CHANGE_ENTRY: Schema = Schema {
    what: "this [[results.changes]] entry",
    prefix: "",
    fields: &[
        opt("date", Ty::Date),
        opt("left", Ty::Str),
        opt("joined", Ty::Str),
        req("note", Ty::Str),
        opt("note_cy", Ty::Str),
        req("sources", Ty::Strs),
    ],
};

static COUNT_ENTRY: Schema = Schema {
    what: "this [[results.counts]] entry",
    prefix: "",
    fields: &[
        req("name", Ty::Str),
        req("votes", Ty::Int(0, u32::MAX as i64)),
    ],
};

static SEAT_RESULT: Schema = Schema {
    what: "this [[results.seats]] entry",
    prefix: "",
    fields: &[
        req("seat", Ty::Str),
        req("elected", Ty::Strs),
        opt("unopposed", Ty::Bool),
    ],
};

/// Checks `doc` against `schema`; every problem found is pushed.
pub(crate) fn check(
    file: &str,
    doc: &ImDocument<&str>,
    loc: &Locator<'_>,
    schema: &Schema,
    out: &mut Vec<Problem>,
) {
    let mut cx = Cx { file, loc, out };
    cx.table(doc.as_table(), schema, &mut Vec::new());
}

struct Cx<'c, 'a> {
    file: &'c str,
    loc: &'c Locator<'a>,
    out: &'c mut Vec<Problem>,
}

impl Cx<'_, '_> {
    fn push(&mut self, (line, column): (usize, usize), message: String, help: Option<String>) {
        let mut p = Problem::new(self.file, line, column, message);
        p.help = help;
        self.out.push(p);
    }

    fn table(&mut self, t: &dyn TableLike, schema: &Schema, path: &mut Vec<Seg>) {
        for (key, item) in t.iter() {
            path.push(Seg::from(key));
            match schema.fields.iter().find(|f| f.name == key) {
                Some(field) => self.item(item, field, schema.prefix, path),
                None => {
                    let names: Vec<&str> = schema.fields.iter().map(|f| f.name).collect();
                    let help = match (welsh_of(key, &names), did_you_mean(key, &names)) {
                        (Some(stem), _) if std::ptr::eq(schema, &CANDIDATE) && stem == "name" => {
                            "a person's name is never translated: Welsh pages show `name` as on the ballot paper".to_owned()
                        }
                        (Some(stem), _) => {
                            format!("`{stem}` has no Welsh form: Welsh pages show it as written")
                        }
                        (None, Some(m)) => format!("did you mean `{m}`?"),
                        (None, None) => {
                            format!("the fields of {} are: {}", schema.what, names.join(", "))
                        }
                    };
                    self.push(
                        self.loc.key_at(path),
                        format!("unknown field `{key}` in {}", schema.what),
                        Some(help),
                    );
                }
            }
            path.pop();
        }
        for field in schema.fields.iter().filter(|f| f.required) {
            if t.get(field.name).is_none() {
                let message = match field.ty {
                    Ty::Table(_) => format!("the [{}] table is missing", field.name),
                    Ty::Tables(_) => format!("there are no [[{}]] entries", field.name),
                    _ => format!("`{}` is missing from {}", field.name, schema.what),
                };
                self.push(self.loc.at(path), message, None);
            }
        }
    }

    fn item(&mut self, item: &Item, field: &Field, prefix: &str, path: &mut Vec<Seg>) {
        match (field.ty, item) {
            (Ty::Table(schema), Item::Table(t)) => self.table(t, schema, path),
            (Ty::Table(schema), Item::Value(Value::InlineTable(t))) => self.table(t, schema, path),
            (Ty::Table(_), _) => self.push(
                self.loc.at(path),
                format!(
                    "`{0}` must be a table: a line `[{0}]` with its fields below it",
                    field.name
                ),
                None,
            ),
            (Ty::Tables(schema), Item::ArrayOfTables(a)) => {
                for (i, t) in a.iter().enumerate() {
                    path.push(Seg::Index(i));
                    self.table(t, schema, path);
                    path.pop();
                }
            }
            (Ty::Tables(schema), Item::Value(Value::Array(a)))
                if a.iter().all(|v| v.is_inline_table()) =>
            {
                for (i, v) in a.iter().enumerate() {
                    if let Value::InlineTable(t) = v {
                        path.push(Seg::Index(i));
                        self.table(t, schema, path);
                        path.pop();
                    }
                }
            }
            (Ty::Tables(_), _) => self.push(
                self.loc.at(path),
                format!(
                    "`{0}` must be a list of entries, each starting with a line `[[{0}]]`",
                    field.name
                ),
                None,
            ),
            (ty, Item::Value(v)) => self.value(v, ty, field, prefix, path),
            (_, _) => self.push(
                self.loc.at(path),
                format!("`{}` must be a single value, not a table", field.name),
                None,
            ),
        }
    }

    fn value(&mut self, v: &Value, ty: Ty, field: &Field, prefix: &str, path: &mut Vec<Seg>) {
        let name = field.name;
        let at = self.loc.at(path);
        let quoted_date = |v: &Value| match v {
            Value::Datetime(d) => format!("\"{}\"", d.value()),
            _ => "\"2022-08-30\"".to_owned(),
        };
        match (ty, v) {
            (Ty::Str | Ty::Date, Value::String(_)) => {}
            (Ty::Str | Ty::Date, Value::Datetime(_)) => self.push(
                at,
                format!(
                    "write the date in quotes, e.g. `{name} = {}`",
                    quoted_date(v)
                ),
                None,
            ),
            (Ty::Date, _) => self.push(
                at,
                format!("`{name}` must be a date in quotes, e.g. \"2022-08-30\""),
                None,
            ),
            (Ty::Str, _) => self.push(
                at,
                format!("`{name}` must be text in quotes, e.g. {name} = \"…\""),
                None,
            ),
            (Ty::Int(min, max), Value::Integer(n)) if (min..=max).contains(n.value()) => {}
            (Ty::Int(min, max), _) => {
                let range = if max == i64::MAX {
                    format!("a whole number, {min} or more")
                } else {
                    format!("a whole number from {min} to {max}")
                };
                let got = match v {
                    Value::Integer(n) => format!(", not {}", n.value()),
                    Value::Float(f) => format!(", not {}", f.value()),
                    _ => String::new(),
                };
                let help = match v {
                    Value::String(s) if s.value().trim().parse::<i64>().is_ok() => {
                        Some("leave out the quotes".to_owned())
                    }
                    _ => None,
                };
                self.push(at, format!("`{name}` must be {range}{got}"), help);
            }
            (Ty::Float, Value::Integer(_) | Value::Float(_)) => {}
            (Ty::Float, _) => self.push(
                at,
                format!("`{name}` must be a number, without quotes"),
                None,
            ),
            (Ty::Bool, Value::Boolean(_)) => {}
            (Ty::Bool, _) => self.push(
                at,
                format!("`{name}` must be true or false, without quotes"),
                None,
            ),
            (Ty::Strs, Value::Array(a)) => {
                for (i, item) in a.iter().enumerate() {
                    if !item.is_str() {
                        path.push(Seg::Index(i));
                        self.push(
                            self.loc.at(path),
                            format!("each item of `{name}` must be text in quotes"),
                            None,
                        );
                        path.pop();
                    }
                }
            }
            (Ty::Strs, _) => self.push(
                at,
                format!("`{name}` must be a list in square brackets, e.g. {name} = [\"…\", \"…\"]"),
                None,
            ),
            (Ty::Enum(values), Value::String(s)) => {
                let s = s.value();
                if !values.contains(&s.as_str()) {
                    let help = did_you_mean(s, values).map(|m| format!("did you mean \"{m}\"?"));
                    self.push(
                        at,
                        format!(
                            "unknown {prefix}{} \"{s}\" (use {})",
                            name.replace('_', " "),
                            quoted_list(values)
                        ),
                        help,
                    );
                }
            }
            (Ty::Enum(values), _) => self.push(
                at,
                format!("`{name}` must be {} in quotes", quoted_list(values)),
                None,
            ),
            (Ty::Table(_) | Ty::Tables(_), _) => {}
        }
    }
}

/// For a Welsh form (`name_cy`) of a field that has none: the field
/// (`name`).
fn welsh_of<'k>(key: &'k str, names: &[&str]) -> Option<&'k str> {
    key.strip_suffix("_cy").filter(|stem| names.contains(stem))
}

/// The closest of `names` to a misspelt `word`, if one is close enough
/// (a few letters apart, or the only name it starts).
pub(crate) fn did_you_mean<'n>(word: &str, names: &[&'n str]) -> Option<&'n str> {
    let starting: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| word.len() >= 3 && n.starts_with(word))
        .collect();
    if let [only] = starting.as_slice() {
        return Some(only);
    }
    names
        .iter()
        .map(|n| (strsim::damerau_levenshtein(&word.to_lowercase(), n), *n))
        .filter(|(d, n)| *d <= 2.max(n.len() / 4))
        .min()
        .map(|(_, n)| n)
}

/// `"a"`, `"a" or "b"`, `"a", "b" or "c"`.
pub(crate) fn quoted_list(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}
