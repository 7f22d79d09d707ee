//! Problems found in data files, and where they are: `FILE:LINE:COL`.

use std::fmt;
use std::ops::Range;
use toml_edit::{Array, ArrayOfTables, ImDocument, Item, Table, TableLike, Value};

/// One problem in a data file, at the value that is wrong.
///
/// Shown as `FILE:LINE:COL: error: MESSAGE`, then, where one helps, an
/// indented `  help: …` line (for a duplicate, where the first one is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Path of the file, as given to the checker.
    pub file: String,
    /// Line of the value at fault, counted from 1.
    pub line: usize,
    /// Column of the value at fault, in characters, counted from 1.
    pub column: usize,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do, or where the other half of a duplicate is.
    pub help: Option<String>,
}

impl Problem {
    /// A problem at `line`:`column` of `file`.
    pub fn new(file: &str, line: usize, column: usize, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_owned(),
            line,
            column,
            message: message.into(),
            help: None,
        }
    }

    /// `FILE:LINE:COL`, as the problem is shown (and as a help line points
    /// at another problem's place).
    pub fn place(&self) -> String {
        format!("{}:{}:{}", self.file, self.line, self.column)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: error: {}", self.place(), self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// One step of a path into a TOML document: a key or a list index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// A key of a table.
    Key(String),
    /// An index in an array or an array of tables, from 0.
    Index(usize),
}

impl From<&str> for Seg {
    fn from(k: &str) -> Seg {
        Seg::Key(k.to_owned())
    }
}

impl From<&String> for Seg {
    fn from(k: &String) -> Seg {
        Seg::Key(k.clone())
    }
}

impl From<usize> for Seg {
    fn from(i: usize) -> Seg {
        Seg::Index(i)
    }
}

/// `keys!["orders", 3, "order", 2]`: a path into a TOML document.
macro_rules! keys {
    ($($s:expr),* $(,)?) => { vec![$($crate::problem::Seg::from($s)),*] };
}
pub(crate) use keys;

/// `keys_at!["orders", 3]`: the same path as an array, to borrow.
macro_rules! keys_at {
    ($($s:expr),* $(,)?) => { [$($crate::problem::Seg::from($s)),*] };
}
pub(crate) use keys_at;

/// Finds where a path's value is in a file's text.
pub(crate) struct Locator<'a> {
    text: &'a str,
    doc: Option<ImDocument<&'a str>>,
}

/// A step of a walk through a document.
enum Node<'d> {
    Table(&'d dyn TableLike),
    Tables(&'d ArrayOfTables),
    Array(&'d Array),
    Leaf,
}

fn node_of_item(item: &Item) -> (Node<'_>, Option<Range<usize>>) {
    match item {
        Item::Table(t) => (Node::Table(t), t.span()),
        Item::ArrayOfTables(a) => (Node::Tables(a), a.get(0).and_then(Table::span).or(a.span())),
        Item::Value(v) => node_of_value(v),
        Item::None => (Node::Leaf, None),
    }
}

fn node_of_value(v: &Value) -> (Node<'_>, Option<Range<usize>>) {
    match v {
        Value::InlineTable(t) => (Node::Table(t), t.span()),
        Value::Array(a) => (Node::Array(a), a.span()),
        _ => (Node::Leaf, v.span()),
    }
}

impl<'a> Locator<'a> {
    /// Parses `text` for positions; a text that is not TOML locates every
    /// path at its start.
    pub(crate) fn new(text: &'a str) -> Locator<'a> {
        Locator {
            text,
            doc: ImDocument::parse(text).ok(),
        }
    }

    /// Walks `path`: the span of the deepest value found, and the span of
    /// the last key when every step was found.
    fn walk(&self, path: &[Seg]) -> (Option<Range<usize>>, Option<Range<usize>>) {
        let Some(doc) = self.doc.as_ref() else {
            return (None, None);
        };
        let root: &Table = doc;
        let mut node = Node::Table(root);
        let mut best = None;
        let mut key_span = None;
        for seg in path {
            let (next, span) = match (seg, &node) {
                (Seg::Key(k), Node::Table(t)) => match t.get_key_value(k) {
                    Some((key, item)) => {
                        key_span = key.span();
                        node_of_item(item)
                    }
                    None => return (best, None),
                },
                (Seg::Index(i), Node::Tables(a)) => match a.get(*i) {
                    Some(t) => (Node::Table(t), t.span()),
                    None => return (best, None),
                },
                (Seg::Index(i), Node::Array(a)) => match a.get(*i) {
                    Some(v) => node_of_value(v),
                    None => return (best, None),
                },
                _ => return (best, None),
            };
            node = next;
            best = span.or(best);
        }
        (best, key_span)
    }

    /// The span of the value at `path`, or of the nearest enclosing value
    /// that exists (a table's header for a missing key).
    pub(crate) fn span(&self, path: &[Seg]) -> Option<Range<usize>> {
        self.walk(path).0
    }

    /// `(line, column)` of the value at `path`.
    pub(crate) fn at(&self, path: &[Seg]) -> (usize, usize) {
        self.position(self.span(path))
    }

    /// `(line, column)` of the key at the end of `path` (for an unknown
    /// field), else of its value.
    pub(crate) fn key_at(&self, path: &[Seg]) -> (usize, usize) {
        let (value, key) = self.walk(path);
        self.position(key.or(value))
    }

    /// `(line, column)` of a byte offset (1:1 when unknown).
    pub(crate) fn position(&self, span: Option<Range<usize>>) -> (usize, usize) {
        let Some(span) = span else { return (1, 1) };
        line_column(self.text, span.start)
    }
}

/// `(line, column)`, from 1, of byte `offset` of `text`; the column counts
/// characters.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}
