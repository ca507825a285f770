//! Go `text/template` source to a tree: text, `{{ pipeline }}` output and
//! `if`/`with` blocks, with `{{- -}}` trimming applied and comments gone.
//! Actions Folio does not run (`range`, `define`, `template`, `block`) are
//! parse errors, so a template is either run whole or not at all.

use super::TemplateError;

/// Deeper parentheses than any hand-written shortcode uses; the limit keeps
/// a hostile template from exhausting the stack.
const MAX_NESTING: usize = 32;

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Text(String),
    Output(Pipeline),
    /// `if`/`with` with any `else if`/`else with` branches and a final `else`.
    Conditional {
        branches: Vec<Branch>,
        otherwise: Vec<Node>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Branch {
    /// `with` sets dot to the pipeline's value; `if` only tests it.
    pub with: bool,
    pub pipeline: Pipeline,
    pub body: Vec<Node>,
}

/// `$x := a | f b`: an optional variable, then commands joined by `|`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    pub variable: Option<Assignment>,
    pub commands: Vec<Vec<Term>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub name: String,
    /// `:=` declares in the current scope; `=` changes an existing variable.
    pub declare: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// `.Get`, `.Site.BaseURL`, `$.Inner`, `$x.Name`, `.` (no fields), `$x`.
    Field {
        variable: Option<String>,
        chain: Vec<String>,
    },
    Text(String),
    Number(i64),
    Bool(bool),
    Nil,
    /// A function name such as `default` or `strings.TrimSpace`.
    Function(String),
    Parenthesized(Pipeline),
}

/// Parses a whole template.
pub fn parse(source: &str) -> Result<Vec<Node>, TemplateError> {
    let items = split_actions(source)?;
    let mut items = items.into_iter();
    let (nodes, end) = parse_block(&mut items)?;
    match end {
        BlockEnd::Eof => Ok(nodes),
        _ => Err(TemplateError::Syntax(
            "`else` or `end` without `if` or `with`".into(),
        )),
    }
}

/// A piece of template source before the tree is built.
enum Item {
    Text(String),
    Action(String),
}

/// Splits the source at `{{ … }}`, applying `{{-`/`-}}` trimming and
/// dropping comments.
fn split_actions(source: &str) -> Result<Vec<Item>, TemplateError> {
    let mut items = Vec::new();
    let mut rest = source;
    let mut trim_next = false;
    while let Some(open) = rest.find("{{") {
        let mut text = &rest[..open];
        if trim_next {
            text = text.trim_start();
        }
        let after = &rest[open + 2..];
        let trim_before = after.starts_with('-') && after[1..].starts_with(char::is_whitespace);
        if trim_before {
            text = text.trim_end();
        }
        if !text.is_empty() {
            items.push(Item::Text(text.to_owned()));
        }
        let inner_start = if trim_before { 1 } else { 0 };
        let close = action_end(&after[inner_start..])
            .ok_or_else(|| TemplateError::Syntax("an action is never closed with `}}`".into()))?;
        let mut inner = &after[inner_start..inner_start + close];
        trim_next = false;
        if let Some(stripped) = inner.strip_suffix('-') {
            if stripped.ends_with(char::is_whitespace) {
                inner = stripped;
                trim_next = true;
            }
        }
        let inner = inner.trim();
        if !(inner.starts_with("/*") && inner.ends_with("*/")) {
            items.push(Item::Action(inner.to_owned()));
        }
        rest = &after[inner_start + close + 2..];
    }
    let text = if trim_next { rest.trim_start() } else { rest };
    if !text.is_empty() {
        items.push(Item::Text(text.to_owned()));
    }
    Ok(items)
}

/// Offset of the `}}` closing an action, skipping strings and comments.
fn action_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            b'`' => at += text[at + 1..].find('`')? + 1,
            b'/' if bytes.get(at + 1) == Some(&b'*') => at += text[at..].find("*/")? + 1,
            b'}' if bytes.get(at + 1) == Some(&b'}') => return Some(at),
            _ => {}
        }
        at += 1;
    }
    None
}

enum BlockEnd {
    Eof,
    End,
    /// `else`, `else if …` or `else with …`: the rest of the action.
    Else(String),
}

fn parse_block(
    items: &mut std::vec::IntoIter<Item>,
) -> Result<(Vec<Node>, BlockEnd), TemplateError> {
    let mut nodes = Vec::new();
    while let Some(item) = items.next() {
        let action = match item {
            Item::Text(text) => {
                nodes.push(Node::Text(text));
                continue;
            }
            Item::Action(action) => action,
        };
        let (keyword, rest) = split_keyword(&action);
        match keyword {
            "end" => return Ok((nodes, BlockEnd::End)),
            "else" => return Ok((nodes, BlockEnd::Else(rest.to_owned()))),
            "if" | "with" => nodes.push(parse_conditional(keyword == "with", rest, items)?),
            "range" | "define" | "template" | "block" | "break" | "continue" => {
                return Err(TemplateError::Unsupported(format!("`{keyword}`")))
            }
            _ => nodes.push(Node::Output(parse_pipeline(&action)?)),
        }
    }
    Ok((nodes, BlockEnd::Eof))
}

fn parse_conditional(
    with: bool,
    condition: &str,
    items: &mut std::vec::IntoIter<Item>,
) -> Result<Node, TemplateError> {
    let mut branches = Vec::new();
    let mut with = with;
    let mut condition = condition.to_owned();
    loop {
        let pipeline = parse_pipeline(&condition)?;
        let (body, end) = parse_block(items)?;
        branches.push(Branch {
            with,
            pipeline,
            body,
        });
        match end {
            BlockEnd::End => {
                return Ok(Node::Conditional {
                    branches,
                    otherwise: Vec::new(),
                })
            }
            BlockEnd::Eof => {
                return Err(TemplateError::Syntax("`if` or `with` without `end`".into()))
            }
            BlockEnd::Else(rest) => {
                let (keyword, tail) = split_keyword(&rest);
                match keyword {
                    "if" | "with" => {
                        with = keyword == "with";
                        condition = tail.to_owned();
                    }
                    "" => {
                        let (otherwise, end) = parse_block(items)?;
                        return match end {
                            BlockEnd::End => Ok(Node::Conditional {
                                branches,
                                otherwise,
                            }),
                            _ => Err(TemplateError::Syntax("`else` without `end`".into())),
                        };
                    }
                    other => {
                        return Err(TemplateError::Syntax(format!(
                            "`else {other}` is not Go template syntax"
                        )))
                    }
                }
            }
        }
    }
}

/// The first word of an action when it is a keyword, and what follows.
fn split_keyword(action: &str) -> (&str, &str) {
    let end = action
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(action.len());
    let word = &action[..end];
    let keywords = [
        "if", "else", "end", "with", "range", "define", "template", "block", "break", "continue",
    ];
    if keywords.contains(&word) {
        (word, action[end..].trim())
    } else {
        ("", action)
    }
}

/// The tokens of one action.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Field(Option<String>, Vec<String>),
    Text(String),
    Number(i64),
    Word(String),
    Open,
    Close,
    Pipe,
    Declare,
    Assign,
}

fn parse_pipeline(action: &str) -> Result<Pipeline, TemplateError> {
    let tokens = tokenize(action)?;
    let mut at = 0;
    let pipeline = pipeline(&tokens, &mut at, 0)?;
    if at != tokens.len() {
        return Err(TemplateError::Syntax(format!(
            "unexpected `)` in `{action}`"
        )));
    }
    Ok(pipeline)
}

fn pipeline(tokens: &[Token], at: &mut usize, depth: usize) -> Result<Pipeline, TemplateError> {
    if depth > MAX_NESTING {
        return Err(TemplateError::Syntax(
            "parentheses nested too deeply".into(),
        ));
    }
    let mut variable = None;
    if let (Some(Token::Field(Some(name), chain)), Some(op)) =
        (tokens.get(*at), tokens.get(*at + 1))
    {
        if chain.is_empty() && matches!(op, Token::Declare | Token::Assign) {
            variable = Some(Assignment {
                name: name.clone(),
                declare: *op == Token::Declare,
            });
            *at += 2;
        }
    }
    let mut commands = Vec::new();
    let mut command = Vec::new();
    while let Some(token) = tokens.get(*at) {
        *at += 1;
        let term = match token {
            Token::Close => {
                *at -= 1;
                break;
            }
            Token::Pipe => {
                if command.is_empty() {
                    return Err(TemplateError::Syntax("empty command before `|`".into()));
                }
                commands.push(std::mem::take(&mut command));
                continue;
            }
            Token::Open => {
                let inner = pipeline(tokens, at, depth + 1)?;
                if tokens.get(*at) != Some(&Token::Close) {
                    return Err(TemplateError::Syntax("unclosed `(`".into()));
                }
                *at += 1;
                Term::Parenthesized(inner)
            }
            Token::Field(variable, chain) => Term::Field {
                variable: variable.clone(),
                chain: chain.clone(),
            },
            Token::Text(text) => Term::Text(text.clone()),
            Token::Number(n) => Term::Number(*n),
            Token::Word(word) => match word.as_str() {
                "true" => Term::Bool(true),
                "false" => Term::Bool(false),
                "nil" => Term::Nil,
                _ => Term::Function(word.clone()),
            },
            Token::Declare | Token::Assign => {
                return Err(TemplateError::Syntax("misplaced `:=` or `=`".into()))
            }
        };
        command.push(term);
    }
    if command.is_empty() {
        return Err(TemplateError::Syntax("empty pipeline".into()));
    }
    commands.push(command);
    Ok(Pipeline { variable, commands })
}

fn tokenize(action: &str) -> Result<Vec<Token>, TemplateError> {
    let chars: Vec<char> = action.chars().collect();
    let mut tokens = Vec::new();
    let mut at = 0;
    let word_char = |c: char| c.is_alphanumeric() || c == '_';
    while at < chars.len() {
        let c = chars[at];
        match c {
            c if c.is_whitespace() => at += 1,
            '(' => {
                tokens.push(Token::Open);
                at += 1;
            }
            ')' => {
                tokens.push(Token::Close);
                at += 1;
            }
            '|' => {
                tokens.push(Token::Pipe);
                at += 1;
            }
            ':' if chars.get(at + 1) == Some(&'=') => {
                tokens.push(Token::Declare);
                at += 2;
            }
            '=' => {
                tokens.push(Token::Assign);
                at += 1;
            }
            '"' => {
                let mut text = String::new();
                at += 1;
                loop {
                    let Some(&c) = chars.get(at) else {
                        return Err(TemplateError::Syntax("unterminated string".into()));
                    };
                    at += 1;
                    match c {
                        '"' => break,
                        '\\' => {
                            let escaped = chars.get(at).copied().unwrap_or('\\');
                            at += 1;
                            text.push(match escaped {
                                'n' => '\n',
                                't' => '\t',
                                other => other,
                            });
                        }
                        other => text.push(other),
                    }
                }
                tokens.push(Token::Text(text));
            }
            '`' => {
                let end = chars[at + 1..]
                    .iter()
                    .position(|&c| c == '`')
                    .ok_or_else(|| TemplateError::Syntax("unterminated raw string".into()))?;
                tokens.push(Token::Text(chars[at + 1..at + 1 + end].iter().collect()));
                at += end + 2;
            }
            '.' | '$' => {
                let mut variable = None;
                if c == '$' {
                    let start = at + 1;
                    at = start;
                    while chars.get(at).is_some_and(|&c| word_char(c)) {
                        at += 1;
                    }
                    variable = Some(chars[start..at].iter().collect::<String>());
                }
                let mut chain = Vec::new();
                while chars.get(at) == Some(&'.') {
                    let start = at + 1;
                    at = start;
                    while chars.get(at).is_some_and(|&c| word_char(c)) {
                        at += 1;
                    }
                    if at > start {
                        chain.push(chars[start..at].iter().collect());
                    } else if variable.is_some() || !chain.is_empty() {
                        return Err(TemplateError::Syntax(
                            "a field name is missing after `.`".into(),
                        ));
                    }
                }
                tokens.push(Token::Field(variable, chain));
            }
            c if c.is_ascii_digit()
                || (c == '-' && chars.get(at + 1).is_some_and(char::is_ascii_digit)) =>
            {
                let start = at;
                at += 1;
                while chars.get(at).is_some_and(char::is_ascii_digit) {
                    at += 1;
                }
                let digits: String = chars[start..at].iter().collect();
                let number = digits
                    .parse()
                    .map_err(|_| TemplateError::Unsupported(format!("the number `{digits}`")))?;
                tokens.push(Token::Number(number));
            }
            c if word_char(c) => {
                let start = at;
                while chars.get(at).is_some_and(|&c| word_char(c) || c == '.') {
                    at += 1;
                }
                tokens.push(Token::Word(chars[start..at].iter().collect()));
            }
            other => {
                return Err(TemplateError::Syntax(format!(
                    "unexpected `{other}` in `{action}`"
                )))
            }
        }
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_markers_remove_the_whitespace_beside_them() {
        let nodes = parse("a  {{- \"b\" -}}  \n c {{/* note */}}d").unwrap();
        assert_eq!(nodes[0], Node::Text("a".into()));
        assert_eq!(nodes[2], Node::Text("c ".into()));
        assert_eq!(nodes[3], Node::Text("d".into()));
    }

    #[test]
    fn else_if_chains_become_one_conditional() {
        let nodes =
            parse(r#"{{ if eq .Get 0 "a" }}A{{ else if .Inner }}B{{ else }}C{{ end }}"#).unwrap();
        let [Node::Conditional {
            branches,
            otherwise,
        }] = nodes.as_slice()
        else {
            panic!("one conditional expected: {nodes:?}");
        };
        assert_eq!(branches.len(), 2);
        assert_eq!(otherwise, &vec![Node::Text("C".into())]);
    }

    #[test]
    fn unsupported_actions_and_broken_syntax_are_errors() {
        assert!(matches!(
            parse("{{ range .Params }}x{{ end }}"),
            Err(TemplateError::Unsupported(_))
        ));
        assert!(matches!(
            parse("{{ if .Inner }}x"),
            Err(TemplateError::Syntax(_))
        ));
        assert!(matches!(parse("{{ end }}"), Err(TemplateError::Syntax(_))));
        assert!(matches!(
            parse("{{ .Get \"x }}"),
            Err(TemplateError::Syntax(_))
        ));
        assert!(parse(&"(".repeat(100)).is_ok());
        assert!(parse(&format!("{{{{ {} }}}}", "(".repeat(100))).is_err());
    }
}
