//! The output schema every command shares: each model has one serialisable result type
//! ([`crate::diamond::DiamondPoint`], [`crate::cavity::CavityResult`]) whose field names are
//! the JSON keys of every command that prints that model, and this module's one rule turns
//! such a result into a CSV row.
//!
//! # CSV flattening
//! A CSV column is a JSON field's path, nested keys joined by `.` (as `pandas.json_normalize`
//! does): `populations.G` is `{"populations": {"G": …}}`. A JSON `null` is an empty field, a
//! string is written as is (quoted per RFC 4180 when it holds a comma, a quote or a line
//! break), numbers and booleans as JSON writes them; a list is written as its JSON text, quoted.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

/// A result type printed as JSON objects and CSV rows: [`Record::COLUMNS`] lists its JSON
/// field paths in column order (checked against the serialised fields by
/// [`check_columns`]).
pub trait Record: Serialize {
    /// The CSV header: every leaf field path of the JSON object, in column order.
    const COLUMNS: &'static [&'static str];
}

/// The value at `path` (`a.b`) of a JSON object, `Null` where absent.
fn lookup<'a>(value: &'a Value, path: &str) -> &'a Value {
    path.split('.')
        .fold(value, |v, key| v.get(key).unwrap_or(&Value::Null))
}

/// One CSV field of a JSON value (see the module documentation).
fn field(value: &Value) -> String {
    let text = match value {
        Value::Null => return String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// `rows` as CSV: the header [`Record::COLUMNS`] and one row per record.
///
/// # Panics
/// Never for the crate's records (their fields serialise to JSON).
pub fn csv<R: Record>(rows: &[R]) -> String {
    let mut out = R::COLUMNS.join(",");
    out.push('\n');
    for row in rows {
        let value = serde_json::to_value(row).expect("a record serialises to JSON");
        let fields: Vec<String> = R::COLUMNS
            .iter()
            .map(|c| field(lookup(&value, c)))
            .collect();
        let _ = writeln!(out, "{}", fields.join(","));
    }
    out
}

/// Pretty JSON of `value` with a final newline (the form every command prints).
///
/// # Panics
/// Never for the crate's results (no map with non-string keys).
pub fn json<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("results serialise to JSON");
    text.push('\n');
    text
}

/// The leaf field paths of `record`'s JSON object, sorted.
pub fn leaf_paths<R: Record>(record: &R) -> Vec<String> {
    fn walk(prefix: &str, value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(&path, v, out);
                }
            }
            _ => out.push(prefix.to_string()),
        }
    }
    let mut out = Vec::new();
    walk(
        "",
        &serde_json::to_value(record).expect("a record serialises to JSON"),
        &mut out,
    );
    out.sort();
    out
}

/// Whether [`Record::COLUMNS`] names exactly the leaf fields of `record` (used by the tests of
/// every record type, so a field added to the JSON cannot be missing from the CSV).
pub fn check_columns<R: Record>(record: &R) -> bool {
    let mut columns: Vec<String> = R::COLUMNS.iter().map(|c| c.to_string()).collect();
    columns.sort();
    columns == leaf_paths(record)
}
