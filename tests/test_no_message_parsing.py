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


# -- an exception's text is message text too ---------------------------------------------------
# ``text = _first_line(exc); if "four eyes" in text`` or ``who = text.rpartition("(")``: an error
# told apart by its words (a trigger's, a library's) instead of its code (``exc.sqlstate``,
# ``sqlite_errorcode``, ``errno``). Exception text is what ``str(exc)``, ``repr(exc)``,
# ``exc.args`` or a helper given the exception returns, any name assigned from it, and the
# parameter of a function of the module that is called with it.
EXC_NAMES = {"exc"}  # besides names bound by ``except ... as`` and parameters typed as an exception
# calls that take an exception and return no text of it
NOT_TEXT = {"cause", "isinstance", "getattr", "hasattr", "type", "id", "StoreError", "msg", "len", "bool"}
# what an exception carries that is no text of it: codes, positions, names, structured fields
EXC_FACTS = {"code", "errno", "sqlstate", "diag", "sqlite_errorcode", "sqlite_errorname", "path", "line", "page",
             "details", "filename", "filename2", "lineno", "colno", "pos", "offset", "winerror", "returncode",
             "problem_mark", "context_mark", "start", "end", "object", "encoding", "__class__", "name"}
EXC_TEXT_METHODS = TEXT_METHODS | {"rpartition", "rfind", "rindex", "__contains__"}
# The one place allowed to read an error's words, and the only words it may read there: Python
# 3.10's sqlite3 gives no result code, so SQLite's own fixed English for its result codes and the
# append-only triggers' machine token (documented in store/log.py ``_store_error_py310``).
LIBRARY_WORDING = {
    ("store/log.py", "_store_error_py310"): {
        "locked", "busy", "unable to open", "readonly", "read-only", "full", "disk i/o", "APPEND_ONLY_ABORT",
    },
}


class _ExcText:
    """Which names hold an exception's text, function by function (a name is local to the
    innermost function that uses it), to a fixed point over the module."""

    def __init__(self, tree: ast.AST) -> None:
        self.owner: dict[int, str] = {}
        funcs = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for f in funcs:  # ast.walk visits outer functions first: the innermost owner wins
            for n in ast.walk(f):
                self.owner[id(n)] = f.name
        self.excs: set[tuple[str, str]] = set()
        self.texts: set[tuple[str, str]] = set()
        for node in ast.walk(tree):
            scope = self.scope(node)
            if isinstance(node, ast.ExceptHandler) and node.name:
                self.excs.add((scope, node.name))
            if isinstance(node, ast.Name) and node.id in EXC_NAMES:
                self.excs.add((scope, node.id))
            if isinstance(node, ast.arg) and node.annotation is not None:
                ann = ast.unparse(node.annotation)
                if "Error" in ann or "Exception" in ann:
                    self.excs.add((scope, node.arg))
        by_name = {f.name: f for f in funcs}
        while True:
            before = len(self.texts)
            for node in ast.walk(tree):
                if isinstance(node, ast.Assign) and self.is_text(node.value):
                    self.texts.update((self.scope(node), t.id) for t in node.targets if isinstance(t, ast.Name))
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in by_name:
                    params = by_name[node.func.id].args.args
                    for i, a in enumerate(node.args[: len(params)]):
                        if self.is_text(a):
                            self.texts.add((node.func.id, params[i].arg))
            if len(self.texts) == before:
                return

    def scope(self, node: ast.AST) -> str:
        return self.owner.get(id(node), "<module>")

    def is_exc(self, node: ast.AST) -> bool:
        return isinstance(node, ast.Name) and (self.scope(node), node.id) in self.excs

    def is_text(self, node: ast.AST) -> bool:
        """True when ``node`` evaluates to (a piece of) an exception's text."""
        if isinstance(node, ast.Name):
            return (self.scope(node), node.id) in self.texts
        if isinstance(node, ast.Attribute):
            if self.is_exc(node.value):  # exc.args, exc.strerror, exc.message, exc.pgerror: its words
                return node.attr not in EXC_FACTS
            return self.is_text(node.value)
        if isinstance(node, ast.Subscript):
            return self.is_text(node.value)
        if isinstance(node, ast.JoinedStr):
            return any(isinstance(v, ast.FormattedValue) and self.is_exc(v.value) for v in node.values)
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and self.is_text(node.func.value):
                return True  # str(exc).lower(), text.strip().splitlines()
            if _func_name(node) in NOT_TEXT:
                return False
            return any(self.is_exc(a) or self.is_text(a) for a in node.args)
        return False


def _func_name(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def exception_text_problems(path: Path, rel: str | None = None) -> list[str]:
    """Where a module tells an error apart by its text (an exception's message, or any text
    taken from it), outside the words LIBRARY_WORDING allows."""
    src = path.read_text(encoding="utf-8")
    tree = ast.parse(src)
    et = _ExcText(tree)
    rel = rel or (str(path.relative_to(PKG)) if path.is_relative_to(PKG) else path.name)
    out = []
    for node in ast.walk(tree):
        hit, words = False, set()
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in EXC_TEXT_METHODS and et.is_text(node.func.value):
                hit = True
                words = {a.value if isinstance(a, ast.Constant) else ast.unparse(a) for a in node.args}
            elif node.func.attr in RE_FUNCS and any(et.is_text(a) for a in node.args):
                hit, words = True, {"<regex>"}
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            consts = [x for x in sides if isinstance(x, ast.Constant) and isinstance(x.value, str)]
            if consts and any(et.is_text(x) for x in sides if x not in consts):
                hit, words = True, {c.value for c in consts}
        if hit:
            if words and words <= LIBRARY_WORDING.get((rel, et.scope(node)), set()):
                continue
            where = path.relative_to(PKG.parent) if path.is_relative_to(PKG.parent) else path
            out.append(f"{where}:{node.lineno}: {ast.get_source_segment(src, node)}")
    return out


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
    return sorted(set(out) | set(exception_text_problems(path)))


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


def test_the_check_finds_an_error_told_apart_by_its_words(tmp_path):
    """The check can fail on what the team log did before v7 (store/dialect.py and the Python
    3.10 fallback of store/log.py at 0afbe34): a trigger's refusal recognised by its English,
    the login cut out of the message - also in the one function allowed SQLite's own words."""
    sample = (
        "def _first_line(exc):\n"
        "    return str(exc).strip().splitlines()[0]\n"
        "def pg_guard(where):\n"
        "    try:\n"
        "        yield\n"
        "    except RaiseException as exc:\n"
        "        text = _first_line(exc)\n"
        "        if 'append-only' in text:\n"
        "            raise StoreError('E505')\n"
        "        if 'four eyes' in text:\n"
        "            raise StoreError('E553', who=_who_of(text))\n"
        "def _who_of(text):\n"
        "    head, _, tail = text.rpartition('(')\n"
        "    return tail\n"
        "def _store_error_py310(path, exc: sqlite3.DatabaseError):\n"
        "    text = str(exc).lower()\n"
        "    if 'append-only' in text:\n"
        "        return 'E505'\n"
        "    if 'locked' in text or 'busy' in text:\n"  # SQLite's own words: allowed here only
        "        return 'E502'\n"
        "def elsewhere(err: OSError):\n"
        "    return 'locked' in str(err) or f'{err}'.startswith('x')\n"
        "def by_facts(exc):\n"
        "    return exc.errno == 13 or exc.sqlstate == 'WB505' or 'denied' in exc.strerror\n"
    )
    p = tmp_path / "log.py"
    p.write_text(sample, encoding="utf-8")
    found = exception_text_problems(p, rel="store/log.py")
    assert [f.split(": ", 1)[1] for f in sorted(found, key=lambda f: int(f.split(":")[1]))] == [
        "'append-only' in text", "'four eyes' in text", "text.rpartition('(')", "'append-only' in text",
        "'locked' in str(err)", "f'{err}'.startswith('x')", "'denied' in exc.strerror",  # codes pass: errno, sqlstate
    ], found


def test_the_only_place_reading_an_errors_words_is_where_it_says():
    """The allowance is for one function; it still exists and still needs it."""
    for (rel, func), _words in LIBRARY_WORDING.items():
        tree = ast.parse((PKG / rel).read_text(encoding="utf-8"))
        assert func in {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}, (rel, func)
        sample = PKG / rel
        assert exception_text_problems(sample, rel="elsewhere.py"), f"{rel}:{func} reads no words: drop its allowance"


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
