//! Front matter: parse the block (YAML, TOML or JSON) into a generic tree, then
//! map the many generators' field names onto one set of fields.

pub mod dates;
mod fields;

pub use fields::{FieldProblem, FrontMatter};

use folio_core::markdown::FrontMatterKind;
use serde_json::{Map, Value};

/// A syntax error inside the block, relative to the block's first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub fix: String,
}

/// Parses a block's text into a JSON object.
pub fn parse_block(kind: FrontMatterKind, block: &str) -> Result<Map<String, Value>, SyntaxError> {
    let value = match kind {
        FrontMatterKind::Yaml => parse_yaml(block)?,
        FrontMatterKind::Toml => parse_toml(block)?,
        FrontMatterKind::Json => serde_json::from_str(block).map_err(|err| SyntaxError {
            line: err.line(),
            column: err.column(),
            message: format!("invalid JSON front matter: {err}"),
            fix: "check for a missing comma or quote".to_owned(),
        })?,
    };
    match value {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        other => Err(SyntaxError {
            line: 1,
            column: 1,
            message: format!(
                "front matter is a {}, not a list of fields",
                type_name(&other)
            ),
            fix: "write fields as `name: value` lines".to_owned(),
        }),
    }
}

fn parse_yaml(block: &str) -> Result<Value, SyntaxError> {
    if let Some(index) = block.lines().position(|l| l.starts_with('\t')) {
        return Err(SyntaxError {
            line: index + 1,
            column: 1,
            message: "YAML front matter is indented with a tab".to_owned(),
            fix: "indent with spaces; YAML does not allow tabs".to_owned(),
        });
    }
    serde_yaml_ng::from_str::<Value>(block).map_err(|err| {
        let (line, column) = err.location().map_or((1, 1), |at| (at.line(), at.column()));
        SyntaxError {
            line,
            column,
            message: format!(
                "invalid YAML front matter: {}",
                first_line(&err.to_string())
            ),
            fix: "quote values that contain `:` or start with `[`, `{`, `*` or `@`".to_owned(),
        }
    })
}

fn parse_toml(block: &str) -> Result<Value, SyntaxError> {
    let table: toml::Table = toml::from_str(block).map_err(|err| {
        let (line, column) = err
            .span()
            .map_or((1, 1), |span| crate::config::line_column(block, span.start));
        SyntaxError {
            line,
            column,
            message: format!("invalid TOML front matter: {}", first_line(err.message())),
            fix: "quote string values; dates may be bare (`date = 2024-01-20`)".to_owned(),
        }
    })?;
    Ok(toml_to_json(toml::Value::Table(table)))
}

fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or(text)
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Array(_) => "list",
        Value::String(_) => "string",
        Value::Number(_) => "number",
        Value::Bool(_) => "boolean",
        Value::Null => "null",
        Value::Object(_) => "map",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_toml_and_json_give_the_same_tree() {
        let yaml = parse_block(FrontMatterKind::Yaml, "title: 안녕\ntags: [a, b]\n").expect("yaml");
        let toml = parse_block(
            FrontMatterKind::Toml,
            "title = \"안녕\"\ntags = [\"a\", \"b\"]\n",
        )
        .expect("toml");
        let json = parse_block(
            FrontMatterKind::Json,
            "{\"title\": \"안녕\", \"tags\": [\"a\", \"b\"]}",
        )
        .expect("json");
        assert_eq!(yaml, toml);
        assert_eq!(toml, json);
    }

    #[test]
    fn toml_dates_become_strings() {
        let map =
            parse_block(FrontMatterKind::Toml, "date = 2021-11-03T09:00:00+09:00\n").expect("toml");
        assert_eq!(map["date"], "2021-11-03T09:00:00+09:00");
    }

    #[test]
    fn tab_indentation_is_reported_on_its_line() {
        let err = parse_block(FrontMatterKind::Yaml, "title: a\ntags:\n\t- x\n").expect_err("tab");
        assert_eq!((err.line, err.column), (3, 1));
        assert!(err.fix.contains("spaces"));
    }

    #[test]
    fn yaml_errors_carry_a_line() {
        let err =
            parse_block(FrontMatterKind::Yaml, "title: a\ndate: [unclosed\n").expect_err("bad");
        assert!(err.line >= 2, "{err:?}");
    }

    #[test]
    fn a_scalar_block_is_an_error() {
        assert!(parse_block(FrontMatterKind::Yaml, "just text\n").is_err());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,200}") {
            let _ = parse_block(FrontMatterKind::Yaml, &text);
            let _ = parse_block(FrontMatterKind::Toml, &text);
            let _ = parse_block(FrontMatterKind::Json, &text);
        }
    }
}
