//! The functions shortcode templates call most: Go's built-ins (`eq`, `and`,
//! `index`, `printf`…) and Hugo's string and URL helpers (`default`,
//! `markdownify`, `safeHTML`, `relURL`, `urlize`…). Any other name makes
//! the template fall back, since guessing what it computes would print
//! something the author never saw.

use super::exec::Value;
use super::{escape_html, ShortcodeCall, TemplateError, INNER_MARK};

pub fn call(name: &str, args: &[Value], call: &ShortcodeCall) -> Result<Value, TemplateError> {
    let text = |i: usize| args.get(i).map_or(Ok(String::new()), Value::text);
    let arity = |n: usize| {
        if args.len() == n {
            Ok(())
        } else {
            Err(TemplateError::Syntax(format!(
                "`{name}` takes {n} arguments, not {}",
                args.len()
            )))
        }
    };
    match name {
        "default" => {
            arity(2)?;
            Ok(if is_set(&args[1]) {
                args[1].clone()
            } else {
                args[0].clone()
            })
        }
        "cond" => {
            arity(3)?;
            Ok(if args[0].is_true() {
                args[1].clone()
            } else {
                args[2].clone()
            })
        }
        "not" => {
            arity(1)?;
            Ok(Value::Bool(!args[0].is_true()))
        }
        "and" => Ok(args
            .iter()
            .find(|v| !v.is_true())
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Missing)),
        "or" => Ok(args
            .iter()
            .find(|v| v.is_true())
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Missing)),
        "eq" => {
            let (first, others) = args
                .split_first()
                .ok_or_else(|| TemplateError::Syntax("`eq` needs two values".into()))?;
            Ok(Value::Bool(others.iter().any(|other| same(first, other))))
        }
        "ne" => {
            arity(2)?;
            Ok(Value::Bool(!same(&args[0], &args[1])))
        }
        "lt" | "le" | "gt" | "ge" => {
            arity(2)?;
            let ordering = compare(&args[0], &args[1])?;
            Ok(Value::Bool(match name {
                "lt" => ordering.is_lt(),
                "le" => ordering.is_le(),
                "gt" => ordering.is_gt(),
                _ => ordering.is_ge(),
            }))
        }
        "len" => {
            arity(1)?;
            let n = match &args[0] {
                Value::List(items) => items.len(),
                Value::Map(entries) => entries.len(),
                Value::Missing => 0,
                other => other.text()?.len(),
            };
            Ok(Value::Number(i64::try_from(n).unwrap_or(i64::MAX)))
        }
        "index" => {
            let (collection, keys) = args
                .split_first()
                .ok_or_else(|| TemplateError::Syntax("`index` needs a collection".into()))?;
            let mut value = if *collection == Value::Shortcode {
                super::exec::params(call)
            } else {
                collection.clone()
            };
            for key in keys {
                value = lookup(&value, key)?;
            }
            Ok(value)
        }
        "isset" => {
            arity(2)?;
            let collection = if args[0] == Value::Shortcode {
                super::exec::params(call)
            } else {
                args[0].clone()
            };
            Ok(Value::Bool(
                lookup(&collection, &args[1])? != Value::Missing,
            ))
        }
        "in" => {
            arity(2)?;
            Ok(Value::Bool(match &args[0] {
                Value::List(items) => items.iter().any(|item| same(item, &args[1])),
                other => other.text()?.contains(&args[1].text()?),
            }))
        }
        "split" => {
            arity(2)?;
            let separator = text(1)?;
            if separator.is_empty() {
                return Err(TemplateError::Unsupported(
                    "`split` with an empty separator".into(),
                ));
            }
            Ok(Value::List(
                text(0)?
                    .split(separator.as_str())
                    .map(|part| Value::Text(part.to_owned()))
                    .collect(),
            ))
        }
        "delimit" => {
            let Some(Value::List(items)) = args.first() else {
                return Err(TemplateError::Unsupported("`delimit` of a non-list".into()));
            };
            let parts: Result<Vec<String>, _> = items.iter().map(Value::text).collect();
            Ok(Value::Text(parts?.join(&text(1)?)))
        }
        "print" => {
            let parts: Result<Vec<String>, _> = args.iter().map(Value::text).collect();
            Ok(Value::Text(parts?.concat()))
        }
        "printf" => printf(args),
        "string" => Ok(Value::Text(text(0)?)),
        "lower" | "strings.ToLower" => Ok(keep_kind(args, text(0)?.to_lowercase())),
        "upper" | "strings.ToUpper" => Ok(keep_kind(args, text(0)?.to_uppercase())),
        "title" | "strings.Title" => Ok(Value::Text(title_case(&text(0)?))),
        "trim" | "strings.Trim" => {
            arity(2)?;
            let cutset = text(1)?;
            Ok(Value::Text(
                text(0)?.trim_matches(|c| cutset.contains(c)).to_owned(),
            ))
        }
        "strings.TrimSpace" => Ok(keep_kind(args, text(0)?.trim().to_owned())),
        "replace" | "strings.Replace" => {
            if args.len() < 3 {
                return Err(TemplateError::Syntax("`replace` takes 3 arguments".into()));
            }
            let old = text(1)?;
            if old.is_empty() {
                return Ok(args[0].clone());
            }
            Ok(keep_kind(args, text(0)?.replace(&old, &text(2)?)))
        }
        "strings.Contains" => Ok(Value::Bool(text(0)?.contains(&text(1)?))),
        "strings.HasPrefix" | "hasPrefix" => Ok(Value::Bool(text(0)?.starts_with(&text(1)?))),
        "strings.HasSuffix" | "hasSuffix" => Ok(Value::Bool(text(0)?.ends_with(&text(1)?))),
        "safeHTML" | "safeHTMLAttr" => Ok(Value::Html(text(0)?)),
        "safeURL" | "safeCSS" | "safeJS" | "htmlUnescape" | "emojify" => Ok(Value::Text(text(0)?)),
        "htmlEscape" => Ok(Value::Html(escape_html(&text(0)?))),
        "plainify" => Ok(Value::Text(strip_tags(&text(0)?))),
        "markdownify" | "transform.Markdownify" => markdownify(args.last()),
        "relURL" | "relLangURL" => Ok(Value::Text(call.relative_url(&text(0)?))),
        "absURL" | "absLangURL" => Ok(Value::Text(call.absolute_url(&text(0)?))),
        "urlize" | "urls.URLize" => Ok(Value::Text(urlize(&text(0)?))),
        "anchorize" | "urls.Anchorize" => Ok(Value::Text(urlize(&text(0)?))),
        _ => Err(TemplateError::Unsupported(format!("the function `{name}`"))),
    }
}

/// Hugo's `default`: a value counts when it is set and not empty or zero.
fn is_set(value: &Value) -> bool {
    match value {
        Value::Bool(_) => true,
        other => other.is_true(),
    }
}

/// Go's `eq` on the kinds a shortcode sees: text against text, numbers
/// against numbers, and a number written as text against a number.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Text(t)) | (Value::Text(t), Value::Number(x)) => {
            t.trim().parse::<i64>().ok() == Some(*x)
        }
        (Value::Text(x) | Value::Html(x), Value::Text(y) | Value::Html(y)) => x == y,
        _ => a == b,
    }
}

fn compare(a: &Value, b: &Value) -> Result<std::cmp::Ordering, TemplateError> {
    let number = |v: &Value| match v {
        Value::Number(n) => Some(*n),
        Value::Text(t) => t.trim().parse::<i64>().ok(),
        _ => None,
    };
    match (number(a), number(b)) {
        (Some(x), Some(y)) => Ok(x.cmp(&y)),
        _ => Ok(a.text()?.cmp(&b.text()?)),
    }
}

fn lookup(collection: &Value, key: &Value) -> Result<Value, TemplateError> {
    match (collection, key) {
        (Value::List(items), Value::Number(n)) => Ok(usize::try_from(*n)
            .ok()
            .and_then(|i| items.get(i))
            .cloned()
            .unwrap_or(Value::Missing)),
        (Value::Map(entries), key) => {
            let key = key.text()?;
            Ok(entries
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(Value::Missing, |(_, v)| v.clone()))
        }
        (Value::List(_) | Value::Missing, _) => Ok(Value::Missing),
        _ => Err(TemplateError::Unsupported(
            "`index` of a non-collection".into(),
        )),
    }
}

/// A string function keeps markup markup (`.Inner | lower` is still markup).
fn keep_kind(args: &[Value], text: String) -> Value {
    match args.first() {
        Some(Value::Html(_)) => Value::Html(text),
        _ => Value::Text(text),
    }
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `printf` with the verbs shortcodes use: `%s`, `%v`, `%d`, `%q`, `%%`.
fn printf(args: &[Value]) -> Result<Value, TemplateError> {
    let (format, values) = args
        .split_first()
        .ok_or_else(|| TemplateError::Syntax("`printf` needs a format".into()))?;
    let format = format.text()?;
    let mut values = values.iter();
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('%') => out.push('%'),
            Some(verb @ ('s' | 'v' | 'd' | 'q')) => {
                let value = values.next().map_or(Ok(String::new()), Value::text)?;
                if verb == 'q' {
                    out.push_str(&format!("{value:?}"));
                } else {
                    out.push_str(&value);
                }
            }
            other => {
                return Err(TemplateError::Unsupported(format!(
                    "the printf verb `%{}`",
                    other.unwrap_or(' ')
                )))
            }
        }
    }
    Ok(Value::Text(out))
}

/// Markdown to markup. The inner content stays a marker: the resolver puts
/// the inner Markdown there, where the rest of Folio's pipeline reads it.
/// Other text is rendered inline, as Hugo does for a single paragraph.
fn markdownify(value: Option<&Value>) -> Result<Value, TemplateError> {
    let text = value.map_or(Ok(String::new()), Value::text)?;
    if text.contains(INNER_MARK) {
        return Ok(Value::Html(text));
    }
    let parser = pulldown_cmark::Parser::new_ext(&text, folio_core::markdown::parser_options());
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    let trimmed = html.trim_end();
    let single_paragraph = trimmed.starts_with("<p>")
        && trimmed.ends_with("</p>")
        && trimmed.matches("<p>").count() == 1;
    if single_paragraph {
        Ok(Value::Html(trimmed[3..trimmed.len() - 4].to_owned()))
    } else {
        Ok(Value::Html(html))
    }
}

/// Hugo's `urlize`: lower case, spaces as hyphens, only characters a path keeps.
fn urlize(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        match c {
            ' ' => out.push('-'),
            c if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | '#' | '+' | '~') => {
                out.push(c)
            }
            _ => {}
        }
    }
    out
}

fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
