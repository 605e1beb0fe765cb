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
    "cli/language.py": "quoted commands in help texts, kept whole when wrapped",
    "ingest/cleanup.py": "page headers, line numbers in extracted text",
    "ingest/detect.py": "the language and layout of a draft",
    "ingest/pdf.py": "PDF text layer",
    "ingest/sections.py": "section headings of a draft",
    "ingest/text.py": "encodings and line ends of text drafts",
    "ingest/uspto_xml.py": "USPTO XML publication text",
    "ipc/code.py": "IPC symbols",
    "rules/loader.py": "IPC ranges and symbols in rule files",
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


# -- no regex anywhere matches what the catalogues say ------------------------------------------
# The check above looks at what a regex is applied to; this one looks at the regex itself: no
# pattern in the package may match a sentence of the message or error catalogues (rendered in
# English with stand-in arguments). A table of regexes over English fillers (the old errors_ja)
# or a new ``re.match(r"event (\d+) is missing", detail)`` fails here whatever its variable is
# called. Patterns that match any text at all (``.*``) parse nothing in particular and pass.
_CONTROLS = ("lorem ipsum dolor sit amet", "qz", "Zx 42 yq, wv.")


_REGEX_SYNTAX = re.compile(r"\\[()dsSwWb.]|\(\?P?<|\[\^|\.\*|\.\+")


def _regex_literals(path: Path):
    src = path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(src)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in RE_FUNCS | {"compile"}
                and (ast.get_source_segment(src, node.func.value) or "") == "re"
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            flags = 0
            for a in node.args[1:] + [k.value for k in node.keywords if k.arg == "flags"]:
                seg = ast.get_source_segment(src, a) or ""
                flags |= re.IGNORECASE if "I" in seg.replace("re.", "").split("|") or "IGNORECASE" in seg else 0
            yield node.lineno, node.args[0].value, flags
    if any(isinstance(n, (ast.Import, ast.ImportFrom)) and "re" in {a.name for a in n.names} | {getattr(n, "module", "")}
           for n in ast.walk(ast.parse(src))):
        # a table of patterns compiled later (``_FILLERS = ((r"...", ...), ...)``): any string
        # written in regex syntax
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _REGEX_SYNTAX.search(node.value):
                yield node.lineno, node.value, 0  # (deduplicated with the call above by the caller)


def _catalogue_sentences() -> list[str]:
    from workbench import errors, messages

    out = []
    for spec in messages.CATALOGUE.values():
        args = {name: "X" for name in spec.placeholders("en") | spec.placeholders("ja")}
        formatted = {n.split(".")[0] for _, n, f, _ in messages._FORMATTER.parse(spec.en) if n and f}
        args.update({n: 7 for n in formatted})
        if "[" in spec.en:  # a template indexing its argument ({t[en]}): a rule-data text, no sentence of ours
            continue
        out.append(messages.msg(spec.code, **args).render("en"))
        out.append(messages.msg(spec.code, **{n: 7 for n in args}).render("en"))  # numbers as stand-ins too
    for spec in errors.CATALOGUE.values():
        for template in (spec.message, spec.hint):
            names = {n for _, n, _, _ in messages._FORMATTER.parse(template) if n}
            out.append(template.format(**{n: "X" for n in names}))
            out.append(template.format(**{n: 7 for n in names}))
    return [s for s in out if len(s) > 12]  # a one-word label ("level", "(none)") is no sentence


def _literal_words(pattern: str) -> list[str]:
    """The English words a pattern spells out literally (not escapes, classes or group names)."""
    bare = re.sub(r"\\[A-Za-z]|\[[^\]]*\]|\(\?P?<[^>]*>|\{[^}]*\}", " ", pattern)
    return sorted(set(re.findall(r"[A-Za-z]{4,}", bare)))


def regexes_over_messages(path: Path, sentences: list[str]) -> list[str]:
    found = []
    for lineno, pattern, flags in dict.fromkeys(_regex_literals(path)):
        try:
            rx = re.compile(pattern, flags)
        except re.error:
            continue
        if any(rx.fullmatch(c) for c in _CONTROLS):
            continue
        words = _literal_words(pattern)
        if len(words) < 2:  # a pattern of structure (numbers, brackets, white space), not of wording
            continue
        hit = next((s for s in sentences if rx.search(s) and all(w.lower() in s.lower() for w in words)), None)
        if hit is not None:
            found.append(f"{path.relative_to(PKG.parent)}:{lineno}: {pattern!r} matches the message {hit!r}")
    return found


@pytest.fixture(scope="module")
def sentences():
    return _catalogue_sentences()


def test_the_regex_check_finds_a_filler_table(sentences, tmp_path):
    """The check can fail: the old errors_ja way (a table of patterns over fixed English
    phrases) and a parse of a verify detail are both found."""
    sample = (
        "import re\n"
        "_FILLERS = (re.compile(r'the file does not start like a PDF \\(no %PDF header\\)'),)\n"
        "def f(d):\n"
        "    return re.match(r'event (\\d+) is missing before event (\\d+)', d)\n"
        "WORDS = re.compile(r'\\w+')\n"  # matches anything: parses nothing in particular
    )
    p = PKG / "_regex_check_sample.py"
    p.write_text(sample, encoding="utf-8")
    try:
        found = regexes_over_messages(p, sentences)
    finally:
        p.unlink()
    assert len(found) == 2, found


def test_no_regex_in_the_package_matches_a_message(sentences):
    assert len(sentences) > 400  # both catalogues were read
    found = [f for path in _modules() for f in regexes_over_messages(path, sentences)]
    assert not found, "a regex over message text (compare codes, pass values):\n" + "\n".join(found)


def _phrases() -> set[str]:
    """The catalogue's English texts of two words or more that have no placeholders ("a folder",
    "the file does not exist"): what a comparison with a message's words would spell."""
    from workbench import errors, messages

    out = {spec.en for spec in messages.CATALOGUE.values() if "{" not in spec.en}
    out |= {spec.message for spec in errors.CATALOGUE.values() if "{" not in spec.message}
    return {p for p in out if " " in p.strip()}


def comparisons_with_message_words(path: Path, phrases: set[str]) -> list[str]:
    src = path.read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops):
            for side in [node.left, *node.comparators]:
                if isinstance(side, ast.Constant) and isinstance(side.value, str) and side.value in phrases:
                    found.append(f"{path.relative_to(PKG.parent)}:{node.lineno}: {ast.get_source_segment(src, node)}")
    return found


def test_the_comparison_check_finds_a_words_comparison():
    p = PKG / "_compare_check_sample.py"
    p.write_text('def f(kind):\n    return kind == "a folder" or kind != "level"\n', encoding="utf-8")
    try:
        found = comparisons_with_message_words(p, _phrases())
    finally:
        p.unlink()
    assert len(found) == 1 and "a folder" in found[0], found  # "level" is one word: a code word, not a phrase


def test_no_module_compares_a_value_with_a_messages_words():
    """``kind == "a folder"`` recognises a coded detail by its English: compare the code, or
    the fact itself (the file's mode), instead."""
    phrases = _phrases()
    assert len(phrases) > 150  # both catalogues were read
    found = [f for path in _modules() for f in comparisons_with_message_words(path, phrases)]
    assert not found, "comparisons with a message's words:\n" + "\n".join(found)
