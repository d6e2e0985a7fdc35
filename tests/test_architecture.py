"""index/ is a library: it must not import Flask, click or the app."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {"flask", "click", "app", "werkzeug", "jinja2", "flask_htmx"}
WHOOSH_ALLOWED = {"schema.py", "postings.py", "build.py", "search.py", "facets.py", "similar.py", "store.py",
                  "query.py", "articles.py", "snippets.py", "signatures.py", "stories.py", "compare.py",
                  "incremental.py", "ranking.py", "fastwrite.py", "postfile.py", "segments.py"}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_index_imports_no_web_framework():
    offenders = {str(p.relative_to(ROOT)): imports(p) & FORBIDDEN for p in (ROOT / "index").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_whoosh_stays_in_a_few_modules():
    users = {p.name for p in (ROOT / "index").rglob("*.py") if "whoosh" in imports(p)}
    assert users <= WHOOSH_ALLOWED
