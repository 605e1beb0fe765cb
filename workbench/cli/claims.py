"""`workbench claims FILE [--json] [--password PW]`: the claims of one draft and their tree.

A thin layer: reading is ``workbench.ingest.read_draft``, splitting is
``workbench.claims.extract_claims``; errors are coded WorkbenchErrors that the
dispatcher prints.
"""

from __future__ import annotations

import json
import sys

from workbench.domain import ClaimSet, Draft
from workbench.messages import cli as C
from workbench.messages import M, msg, render


FOLDER_GIVEN = "D908"  # the coded detail (workbench/messages/details.py)


def register(sub) -> None:
    p = sub.add_parser(
        "claims",
        help="print the claims of a draft and their dependency tree",
        description="Read a draft (PDF, DOCX, TXT/Markdown, USPTO XML) and print its claims and claim tree.",
    )
    p.add_argument("file", metavar="FILE", help="the draft file")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    p.add_argument("--password", metavar="PW", default=None, help="password of an encrypted PDF")
    p.set_defaults(func=run)


def run(args) -> int:
    from workbench.claims import claim_set_to_dict, extract_claims
    from workbench.ingest import read_draft

    from pathlib import Path

    try:
        given = Path(args.file)
        from workbench.ingest.detect import SUPPORTED_SUFFIXES

        # a link to a folder named like a draft is given as a file: read_draft refuses it (E116)
        is_dir = given.is_dir() and not (given.is_symlink() and given.suffix.lower() in SUPPORTED_SUFFIXES)
    except (OSError, ValueError):  # a name too long, a NUL byte: read_draft names the problem (E101)
        is_dir = False
    if is_dir:
        from workbench.errors import E901, SettingsError

        raise SettingsError(E901, path=args.file, name="FILE", value=args.file, detail=msg(M.D908))
    draft = read_draft(args.file, password=args.password)
    claim_set = extract_claims(draft)
    if args.json:
        out = {"file": draft.source_path, "sha256": draft.sha256, "title": draft.title, "format": draft.format}
        out.update(claim_set_to_dict(claim_set))
        from workbench.messages import code_of, render_all

        out["notes"] = render_all(draft.notes) + out["notes"]
        out["note_codes"] = [code_of(n) for n in draft.notes] + out["note_codes"]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from workbench.cli.language import cli_language

        sys.stdout.write(format_text(draft, claim_set, cli_language()))
    return 0


def _category(category: str, lang: str) -> str:
    return msg(C.CATEGORY_LABELS.get(category, "I947")).render(lang)


_MAX_INDENT = 30  # levels drawn indented; a deeper chain (a hostile draft) stays at this depth


def _tree_lines(claim_set: ClaimSet, lang: str = "en") -> list[str]:
    """The dependency tree, drawn without recursion (a chain of 20,000 claims, each on the
    previous, must not overflow the stack) and with the indentation capped, so the output
    stays linear in the number of claims."""
    from workbench.claims.extract import ranges

    kids = claim_set.children()
    by_num = {c.number: c for c in claim_set.claims}
    lines: list[str] = []
    drawn: set[int] = set()
    stack: list[tuple] = [("node", root, "", True, True, 0) for root in reversed(list(claim_set.roots()))]
    while stack:
        item = stack.pop()
        if item[0] == "line":
            lines.append(item[1])
            continue
        _, number, prefix, last, top, depth = item
        if number in drawn:  # never expanded twice (no claim can depend on a later one, but be sure)
            continue
        drawn.add(number)
        c = by_num[number]
        label = f"{number} [{_category(c.category, lang)}]"
        if len(c.depends_on) > 1:  # a multiple dependent claim: its parents, as ranges
            label += " ← " + ", ".join(ranges(c.depends_on))
        if top:
            lines.append("  " + label)
            child_prefix = "  "
        else:
            lines.append(f"{prefix}{'└─ ' if last else '├─ '}{label}")
            child_prefix = prefix + ("   " if last else "│  ") if depth < _MAX_INDENT else prefix
        children = [k for k in kids.get(number, ()) if k in by_num]
        actions: list[tuple] = []
        for i, k in enumerate(children):
            # a multiple-dependent claim is drawn under each parent; its subtree once, under the first
            if by_num[k].depends_on and by_num[k].depends_on[0] != number:
                actions.append(("line", f"{child_prefix}{'└─ ' if i == len(children) - 1 else '├─ '}{k} ({msg(C.I940).render(lang)}; ← {', '.join(ranges(by_num[k].depends_on))})"))
                continue
            actions.append(("node", k, child_prefix, i == len(children) - 1, False, depth + 1))
        stack.extend(reversed(actions))
    return lines


def format_text(draft: Draft, claim_set: ClaimSet, lang: str = "en") -> str:
    def say(code: str, **args) -> str:
        return msg(code, **args).render(lang)

    n = len(claim_set.claims)
    n_ind = len(claim_set.roots())
    out = [
        say(C.I930, name=draft.name, n=n, independent=n_ind, language=msg(C.LANGUAGE_LABELS.get(claim_set.language, "I948"))),
        say(C.I931, title=draft.title or msg(C.I932)),
        "",
        say(C.I933),
        *_tree_lines(claim_set, lang),
        "",
        say(C.I934),
    ]
    from workbench.text import reader_line, reader_words

    words = reader_words(draft.text)
    for c in claim_set.claims:
        dep = say(C.I935) if c.independent else say(C.I936, claims=tuple(map(str, c.depends_on)))
        out.append(f"{c.number}. [{_category(c.category, lang)}; {dep}]")
        if c.preamble:
            out.append(say(C.I937, text=c.preamble))
        if c.transition:
            out.append(say(C.I938, text=c.transition))
        out.append("   " + reader_line(c.text, words))  # PDF line breaks and end-of-line hyphens joined
        out.append("")
    for note in (*draft.notes, *claim_set.notes):
        out.append(say(C.I939, note=render(note, lang)))
    return "\n".join(out).rstrip() + "\n"
