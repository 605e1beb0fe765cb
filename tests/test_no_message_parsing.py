"""Code never parses message text: it compares ``message.code`` (workbench/messages).

A reason, note, warning or error message is rendered at the edges from its code and
arguments; logic that recognises one by its English wording (``r.startswith("evidence
term(s)")``, ``re.match(..., exc.message)``, ``"additional requirement" in reason``)
breaks silently when the sentence is reworded. This test reads every module outside the
renderers and fails on such a use.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "workbench"
# The renderers: they turn codes into words (and may look at the words they made).
RENDERERS = {"messages/__init__.py"}
# What a name must contain to be message text (a reason, note, hint, error message or detail).
TEXTY = ("reason", "note", "hint", "message", "detail", "render(", "str(exc", "warning")
TEXT_METHODS = {"startswith", "endswith", "split", "rsplit", "partition", "find", "index", "count", "removeprefix"}
RE_FUNCS = {"match", "fullmatch", "search", "findall", "finditer", "sub", "subn", "split"}


def _texty(src: str, bound: frozenset[str] = frozenset()) -> bool:
    low = re.sub(r"'[^']*'|\"[^\"]*\"", "''", src).lower()  # a name, not a string literal, says it
    if src in bound:
        return True
    return any(t in low for t in TEXTY) and "messages." not in low and "_message" not in low.replace("message_", "")


def _loop_names(src: str, tree: ast.AST) -> frozenset[str]:
    """Names bound by ``for r in fv.reasons`` (loops and comprehensions): message text too."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.target, ast.Name):
            if _texty(ast.get_source_segment(src, node.iter) or ""):
                names.add(node.target.id)
    return frozenset(names)


def problems(path: Path) -> list[str]:
    src = path.read_text(encoding="utf-8")
    tree = ast.parse(src)
    bound = _loop_names(src, tree)
    _t = _texty

    def _texty_here(s: str) -> bool:
        return _t(s, bound)

    out = []
    for node in ast.walk(tree):
        seg = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            fn = node.func
            base = ast.get_source_segment(src, fn.value) or ""
            if fn.attr in TEXT_METHODS and _texty_here(base):
                seg = ast.get_source_segment(src, node)
            elif fn.attr in RE_FUNCS and (base == "re" or base.endswith("_RE") or base.isupper() or "pattern" in base.lower() or base.startswith("rx")):
                args = node.args[1:] if base == "re" else node.args[:1]
                if any(_texty_here(ast.get_source_segment(src, a) or "") for a in args):
                    seg = ast.get_source_segment(src, node)
        elif isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            left = node.left
            right = node.comparators[0]
            if isinstance(left, ast.Constant) and isinstance(left.value, str) and len(left.value) > 3 and " " in left.value:
                if _texty_here(ast.get_source_segment(src, right) or ""):
                    seg = ast.get_source_segment(src, node)
        if seg:
            out.append(f"{path.relative_to(PKG.parent)}:{node.lineno}: {seg}")
    return out


# Modules that still recognise message text, each being converted (shrink to empty):
STILL_PARSING: dict[str, str] = {}


def _modules():
    for path in sorted(PKG.rglob("*.py")):
        rel = str(path.relative_to(PKG))
        if rel in RENDERERS or rel.startswith("messages/"):
            continue
        yield path


def test_the_modules_still_parsing_really_do():
    """The exemptions above are removed as soon as a module stops parsing text."""
    assert all(problems(PKG / rel) for rel in STILL_PARSING), [r for r in STILL_PARSING if not problems(PKG / r)]


def test_the_check_finds_parsing():
    """The check itself can fail: a module that recognises a reason by its words is caught."""
    import tempfile

    sample = (
        "import re\n"
        "def f(fv, exc):\n"
        "    a = [r for r in fv.reasons if r.startswith('evidence term(s) of this field: ')]\n"
        "    b = re.match(r'claim (\\d+)', exc.message)\n"
        "    c = 'additional requirement' in reason\n"
        "    return a, b, c\n"
    )
    with tempfile.TemporaryDirectory(dir=PKG.parent) as d:
        p = Path(d) / "bad.py"
        p.write_text(sample, encoding="utf-8")
        found = problems(p)
    assert len(found) == 3, found


@pytest.mark.parametrize("path", [p for p in _modules() if str(p.relative_to(PKG)) not in STILL_PARSING],
                         ids=lambda p: str(p.relative_to(PKG)))
def test_no_module_parses_message_text(path):
    found = problems(path)
    assert not found, "message text parsed (compare .code instead):\n" + "\n".join(found)


# Every module that imports ``re`` says what it parses: document text, symbols, file names -
# never a message. A module not listed here may not import ``re``.
RE_PARSES = {
    "claims/components_en.py": "English claim text (preamble, transition, elements)",
    "claims/components_ja.py": "Japanese claim text (前提部, 特徴部)",
    "claims/patterns.py": "claim numbering and headings in draft text",
    "claims/references.py": "claim references in claim text",
    "classify/data.py": "training records (publication numbers, IPC fields)",
    "classify/engine.py": "draft text tokens for the classifier",
    "classify/features.py": "draft text normalised before featurising (line and hyphen wraps, white space)",
    "classify/fulltext.py": "IPC classification elements of the USPTO grant XML (training and evaluation data)",
    "filing/checklist.py": "country codes typed by the user",
    "filing/codes.py": "country codes typed by the user",
    "filing/facts.py": "inventor/applicant facts typed by the user (CODE:place, dates)",
    "filing/plan.py": "statutory periods in the jurisdiction rules (6m, 30d)",
    "cli/clearance.py": "country codes on the command line",
    "ingest/cleanup.py": "page headers, line numbers in extracted text",
    "ingest/detect.py": "the language and layout of a draft",
    "ingest/pdf.py": "PDF text layer",
    "ingest/sections.py": "section headings of a draft",
    "ingest/text.py": "encodings and line ends of text drafts",
    "ingest/uspto_xml.py": "USPTO XML publication text",
    "ipc/code.py": "IPC symbols",
    "rules/loader.py": "IPC ranges and symbols in rule files",
    "rules/schema.py": "key paths of rule files",
    "rules/terms.py": "evidence terms in draft text",
    "store/log.py": "country codes, hash prefixes and dates given by the user",
    "store/report.py": "report cell text cut into words for wrapping (English at spaces, Japanese by character)",
    "store/versions.py": "claim text tokenised to compare two versions of a draft",
    "text.py": "draft text (line wraps, width)",
    "ui/decision_panel.py": "country codes typed in the decision form",
    "ui/draft_view.py": "IPC codes typed by the user",
}
# Still rendering by regex over English (being replaced by catalogue rendering; shrink to empty).
LEGACY: dict[str, str] = {}


def _imports_re(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        (isinstance(n, ast.Import) and any(a.name == "re" for a in n.names))
        or (isinstance(n, ast.ImportFrom) and n.module == "re")
        for n in ast.walk(tree)
    )


def test_only_modules_that_parse_documents_or_symbols_use_re():
    users = {str(p.relative_to(PKG)) for p in _modules() if _imports_re(p)}
    unlisted = users - set(RE_PARSES) - set(LEGACY)
    assert not unlisted, f"these modules use re but parse nothing listed in RE_PARSES: {sorted(unlisted)}"
    stale = (set(RE_PARSES) | set(LEGACY)) - users
    assert not stale, f"listed but no longer using re (remove from the list): {sorted(stale)}"
