//! Running a parsed shortcode template against one call: dot is the
//! shortcode (`.Get`, `.Inner`, `.Params`, `.Page`, `.Site`), `$` too, and
//! every value is a [`Value`]. Printing escapes text as Hugo's `html/template`
//! does; values marked safe (`.Inner`, `safeHTML`, `markdownify`) print as
//! they are, and the sanitiser sees all of it afterwards anyway.

use super::funcs;
use super::parse::{Branch, Node, Pipeline, Term};
use super::{escape_html, ShortcodeCall, TemplateError, INNER_MARK};

/// A value inside a running template.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Go's nil, or a missing parameter.
    Missing,
    Bool(bool),
    Number(i64),
    /// Text, escaped when printed.
    Text(String),
    /// Markup, printed as it is.
    Html(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
    Shortcode,
    Page,
    Site,
}

impl Value {
    /// Go's truth: false, 0, nil and empty text or collections are false.
    pub fn is_true(&self) -> bool {
        match self {
            Value::Missing => false,
            Value::Bool(b) => *b,
            Value::Number(n) => *n != 0,
            Value::Text(s) | Value::Html(s) => !s.is_empty(),
            Value::List(items) => !items.is_empty(),
            Value::Map(entries) => !entries.is_empty(),
            Value::Shortcode | Value::Page | Value::Site => true,
        }
    }

    /// The value as text, for functions that work on strings.
    pub fn text(&self) -> Result<String, TemplateError> {
        match self {
            Value::Missing => Ok(String::new()),
            Value::Bool(b) => Ok(b.to_string()),
            Value::Number(n) => Ok(n.to_string()),
            Value::Text(s) | Value::Html(s) => Ok(s.clone()),
            _ => Err(TemplateError::Unsupported(
                "a collection or object used as text".into(),
            )),
        }
    }

    /// What `{{ value }}` writes into the page.
    fn printed(&self) -> Result<String, TemplateError> {
        match self {
            Value::Html(s) => Ok(s.clone()),
            Value::Text(s) => Ok(escape_html(s)),
            other => other.text(),
        }
    }
}

/// One run of a template.
pub struct Execution<'a> {
    call: &'a ShortcodeCall<'a>,
    /// Variables, innermost scope last; `$` is always the first.
    variables: Vec<(String, Value)>,
    out: String,
}

impl<'a> Execution<'a> {
    pub fn new(call: &'a ShortcodeCall<'a>) -> Self {
        Execution {
            call,
            variables: vec![(String::new(), Value::Shortcode)],
            out: String::new(),
        }
    }

    pub fn run(mut self, nodes: &[Node]) -> Result<String, TemplateError> {
        self.nodes(nodes, &Value::Shortcode)?;
        Ok(self.out)
    }

    fn nodes(&mut self, nodes: &[Node], dot: &Value) -> Result<(), TemplateError> {
        for node in nodes {
            match node {
                Node::Text(text) => self.out.push_str(text),
                Node::Output(pipeline) => {
                    let value = self.pipeline(pipeline, dot)?;
                    if pipeline.variable.is_none() {
                        let printed = value.printed()?;
                        self.out.push_str(&printed);
                    }
                }
                Node::Conditional {
                    branches,
                    otherwise,
                } => self.conditional(branches, otherwise, dot)?,
            }
        }
        Ok(())
    }

    fn conditional(
        &mut self,
        branches: &[Branch],
        otherwise: &[Node],
        dot: &Value,
    ) -> Result<(), TemplateError> {
        let scope = self.variables.len();
        let mut taken = false;
        for branch in branches {
            let value = self.pipeline(&branch.pipeline, dot)?;
            if value.is_true() {
                let inner_dot = if branch.with { value } else { dot.clone() };
                self.nodes(&branch.body, &inner_dot)?;
                taken = true;
                break;
            }
        }
        if !taken {
            self.nodes(otherwise, dot)?;
        }
        self.variables.truncate(scope);
        Ok(())
    }

    fn pipeline(&mut self, pipeline: &Pipeline, dot: &Value) -> Result<Value, TemplateError> {
        let mut piped: Option<Value> = None;
        for command in &pipeline.commands {
            piped = Some(self.command(command, dot, piped)?);
        }
        let value = piped.unwrap_or(Value::Missing);
        if let Some(assignment) = &pipeline.variable {
            if assignment.declare {
                self.variables
                    .push((assignment.name.clone(), value.clone()));
            } else {
                let slot = self
                    .variables
                    .iter_mut()
                    .rev()
                    .find(|(name, _)| *name == assignment.name)
                    .ok_or_else(|| {
                        TemplateError::Syntax(format!(
                            "`${}` is assigned before it is declared",
                            assignment.name
                        ))
                    })?;
                slot.1 = value.clone();
            }
        }
        Ok(value)
    }

    fn command(
        &mut self,
        terms: &[Term],
        dot: &Value,
        piped: Option<Value>,
    ) -> Result<Value, TemplateError> {
        let Some((head, rest)) = terms.split_first() else {
            return Err(TemplateError::Syntax("empty command".into()));
        };
        let mut args = Vec::with_capacity(rest.len() + 1);
        for term in rest {
            args.push(self.term(term, dot)?);
        }
        args.extend(piped);
        match head {
            Term::Function(name) => funcs::call(name, &args, self.call),
            Term::Field { variable, chain } if !args.is_empty() => {
                let (receiver, method) = match chain.split_last() {
                    Some((method, path)) => (self.field(variable.as_deref(), path, dot)?, method),
                    None => {
                        return Err(TemplateError::Syntax(
                            "a value cannot take arguments".into(),
                        ))
                    }
                };
                self.method(&receiver, method, &args)
            }
            other if args.is_empty() => self.term(other, dot),
            _ => Err(TemplateError::Syntax(
                "a value cannot take arguments".into(),
            )),
        }
    }

    fn term(&mut self, term: &Term, dot: &Value) -> Result<Value, TemplateError> {
        match term {
            Term::Field { variable, chain } => self.field(variable.as_deref(), chain, dot),
            Term::Text(text) => Ok(Value::Text(text.clone())),
            Term::Number(n) => Ok(Value::Number(*n)),
            Term::Bool(b) => Ok(Value::Bool(*b)),
            Term::Nil => Ok(Value::Missing),
            Term::Function(name) => funcs::call(name, &[], self.call),
            Term::Parenthesized(pipeline) => self.pipeline(pipeline, dot),
        }
    }

    /// `.A.B`, `$.A`, `$x.A`: each field looked up on the value before it.
    fn field(
        &mut self,
        variable: Option<&str>,
        chain: &[String],
        dot: &Value,
    ) -> Result<Value, TemplateError> {
        let mut value = match variable {
            None => dot.clone(),
            Some(name) => self
                .variables
                .iter()
                .rev()
                .find(|(declared, _)| declared == name)
                .map(|(_, value)| value.clone())
                .ok_or_else(|| TemplateError::Syntax(format!("`${name}` is not declared")))?,
        };
        for name in chain {
            value = self.method(&value, name, &[])?;
        }
        Ok(value)
    }

    /// A field or method of a value, with the arguments a method was given.
    fn method(
        &mut self,
        receiver: &Value,
        name: &str,
        args: &[Value],
    ) -> Result<Value, TemplateError> {
        let call = self.call;
        let unsupported = || Err(TemplateError::Unsupported(format!("`.{name}`")));
        match (receiver, name) {
            (Value::Shortcode, "Get") => match args {
                [Value::Number(n)] => Ok(usize::try_from(*n)
                    .ok()
                    .and_then(|i| call.args.positional.get(i))
                    .map_or(Value::Missing, |v| Value::Text(v.clone()))),
                [key] => {
                    let key = key.text()?;
                    Ok(call
                        .args
                        .named(&key)
                        .map_or(Value::Missing, |v| Value::Text(v.to_owned())))
                }
                _ => Err(TemplateError::Syntax("`.Get` takes one argument".into())),
            },
            (Value::Shortcode, "Inner" | "InnerDeindent") if args.is_empty() => {
                Ok(Value::Html(if call.has_inner {
                    INNER_MARK.to_owned()
                } else {
                    String::new()
                }))
            }
            (Value::Shortcode, "Params") if args.is_empty() => Ok(params(call)),
            (Value::Shortcode, "IsNamedParams") if args.is_empty() => {
                Ok(Value::Bool(!call.args.named.is_empty()))
            }
            (Value::Shortcode, "Name") if args.is_empty() => Ok(Value::Text(call.name.to_owned())),
            (Value::Shortcode, "Page") if args.is_empty() => Ok(Value::Page),
            (Value::Shortcode | Value::Page, "Site") if args.is_empty() => Ok(Value::Site),
            (Value::Page, "RenderString") => match args.last() {
                Some(value) => funcs::call("markdownify", std::slice::from_ref(value), call),
                None => Err(TemplateError::Syntax(
                    "`.RenderString` needs its text".into(),
                )),
            },
            (Value::Site, "BaseURL") if args.is_empty() => Ok(Value::Text(call.site_base_url())),
            (Value::Map(entries), _) if args.is_empty() => Ok(entries
                .iter()
                .find(|(key, _)| key == name)
                .map_or(Value::Missing, |(_, v)| v.clone())),
            (Value::Missing, _) if args.is_empty() => Ok(Value::Missing),
            _ => unsupported(),
        }
    }
}

/// `.Params`: the positional values as a list, or the named ones as a map.
pub fn params(call: &ShortcodeCall) -> Value {
    if call.args.named.is_empty() {
        Value::List(
            call.args
                .positional
                .iter()
                .map(|v| Value::Text(v.clone()))
                .collect(),
        )
    } else {
        Value::Map(
            call.args
                .named
                .iter()
                .map(|(k, v)| (k.clone(), Value::Text(v.clone())))
                .collect(),
        )
    }
}
