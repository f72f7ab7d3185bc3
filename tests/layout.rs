//! The source layout: no import circle between modules of `src/` (issue: model → solve →
//! certify reads top-down), checked on the files themselves.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

/// Every `.rs` file under `dir` with its module path (`src/cavity/mod.rs` → `cavity`).
fn modules(root: &Path, dir: &Path, out: &mut BTreeMap<Module, String>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path: PathBuf = entry.expect("a directory entry").path();
        if path.is_dir() {
            modules(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(root)
                .expect("under src/")
                .with_extension("");
            let mut module: Module = rel.iter().map(|c| c.to_string_lossy().into()).collect();
            if matches!(
                module.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).expect("a source file");
            out.insert(module, text);
        }
    }
}

/// The code of a file without line comments and without its `#[cfg(test)]` tail (tests may
/// reach anywhere).
fn code(text: &str) -> String {
    let body = text.split("#[cfg(test)]").next().unwrap_or("");
    body.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths `crate::a::b…` and `super::a…` that `text` names, resolved against
/// `module` (a file's `super` is its parent module).
fn references(module: &Module, text: &str) -> Vec<Module> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    for (start, keyword) in ["crate::", "super::"]
        .iter()
        .flat_map(|k| text.match_indices(k).map(move |(i, _)| (i, *k)))
    {
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            continue;
        }
        let rest = &text[start + keyword.len()..];
        // Leading lower-case segments; a segment followed by anything but `::` ends the path.
        let mut path = Module::new();
        for seg in rest.split("::") {
            let ident: String = seg
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            if ident.is_empty() {
                break;
            }
            let whole = ident.len() == seg.len();
            path.push(ident);
            if !whole {
                break;
            }
        }
        let mut base = if keyword == "super::" {
            module[..module.len().saturating_sub(1)].to_vec()
        } else {
            Vec::new()
        };
        base.extend(path);
        found.push(base);
    }
    found
}

/// Edges between siblings: a reference from `a::x::…` to `a::y::…` is an edge `a::x → a::y`.
fn sibling_edges(files: &BTreeMap<Module, String>) -> BTreeSet<(Module, Module)> {
    let mut edges = BTreeSet::new();
    for (module, text) in files {
        for mut target in references(module, &code(text)) {
            // The longest prefix that is a module of the crate.
            while !target.is_empty() && !files.contains_key(&target) {
                target.pop();
            }
            let common = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if common < module.len() && common < target.len() {
                edges.insert((module[..=common].to_vec(), target[..=common].to_vec()));
            }
        }
    }
    edges
}

/// A cycle of the directed graph, if any (depth-first search with colours).
fn find_cycle(edges: &BTreeSet<(Module, Module)>) -> Option<Vec<Module>> {
    let mut next: BTreeMap<&Module, Vec<&Module>> = BTreeMap::new();
    for (a, b) in edges {
        next.entry(a).or_default().push(b);
    }
    fn visit<'a>(
        v: &'a Module,
        next: &BTreeMap<&'a Module, Vec<&'a Module>>,
        state: &mut BTreeMap<&'a Module, bool>,
        stack: &mut Vec<&'a Module>,
    ) -> Option<Vec<Module>> {
        state.insert(v, true);
        stack.push(v);
        for &w in next.get(v).into_iter().flatten() {
            match state.get(w) {
                Some(true) => {
                    let from = stack.iter().position(|m| *m == w).expect("on the stack");
                    return Some(stack[from..].iter().map(|m| (*m).clone()).collect());
                }
                Some(false) => {}
                None => {
                    if let Some(cycle) = visit(w, next, state, stack) {
                        return Some(cycle);
                    }
                }
            }
        }
        stack.pop();
        state.insert(v, false);
        None
    }
    let mut state = BTreeMap::new();
    for v in next.keys() {
        if !state.contains_key(v)
            && let Some(cycle) = visit(v, &next, &mut state, &mut Vec::new())
        {
            return Some(cycle);
        }
    }
    None
}

#[test]
fn no_import_circle_between_modules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    modules(&root, &root, &mut files);
    let edges = sibling_edges(&files);
    assert!(
        edges.len() > 100,
        "the scan found only {} edges",
        edges.len()
    );
    if let Some(cycle) = find_cycle(&edges) {
        let names: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
        panic!("import circle: {}", names.join(" -> "));
    }
}

/// The scan sees a circle when there is one (two siblings that import each other).
#[test]
fn a_planted_circle_is_found() {
    let mut files = BTreeMap::new();
    files.insert(vec!["a".to_string()], "pub mod x; pub mod y;".to_string());
    files.insert(
        vec!["a".to_string(), "x".to_string()],
        "use super::y::Thing;".to_string(),
    );
    files.insert(
        vec!["a".to_string(), "y".to_string()],
        "use crate::a::x::Other;".to_string(),
    );
    let cycle = find_cycle(&sibling_edges(&files)).expect("x <-> y is a circle");
    assert_eq!(cycle.len(), 2);
    files.insert(vec!["a".to_string(), "y".to_string()], String::new());
    assert_eq!(find_cycle(&sibling_edges(&files)), None);
}
