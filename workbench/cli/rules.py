"""`workbench rules check|show|match`: validate, list and try the sensitive-field rules.

A thin layer over ``workbench.rules``; the user rules folder comes from
``--rules-dir`` (before or after the sub-command), else ``WORKBENCH_RULES_DIR``,
else Settings.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from workbench.cli.language import group_help
from workbench.cli.console import printable
from workbench.cli.language import cli_language
from workbench.cli.console import pad
from workbench.messages import cli as C
from workbench.messages import msg, render_all
from workbench.messages import rules as R
from workbench.messages import screening as S

EXIT_OK = 0
EXIT_INVALID = 2


def _add_rules_dir(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument(
        "--rules-dir",
        metavar="DIR",
        default=default,
        help="user rules folder that overrides or adds fields by id (default: Settings)",
    )


def register(sub) -> None:
    p = sub.add_parser(
        "rules",
        help="check, list and try the sensitive-field rules",
        description=(
            "The rule set of Japan's 25 specified technology fields: validate rule files, list the "
            "fields with their IPC codes and verification status, or see which fields given IPC codes hit."
        ),
    )
    _add_rules_dir(p, None)
    p.add_argument("--ruleset", metavar="NAME", default=None, help="rule-set name (default: jp-specified-fields)")
    p.set_defaults(func=lambda args: group_help(p))
    rsub = p.add_subparsers(dest="rules_command", metavar="SUBCOMMAND")

    c = rsub.add_parser(
        "check",
        help="validate a rule file or folder (exit 0 valid, 2 not)",
        description="Validate a rule file or folder against the schema; problems are reported with their line.",
    )
    c.add_argument("path", metavar="PATH", nargs="?", default=None, help="rule file or folder (default: installed rules + user folder)")
    _add_rules_dir(c, argparse.SUPPRESS)
    c.set_defaults(func=run_check)

    s = rsub.add_parser("show", help="list the fields, their IPC codes and verification status")
    s.add_argument("--json", action="store_true", help="print a JSON list of fields")
    _add_rules_dir(s, argparse.SUPPRESS)
    s.set_defaults(func=run_show)

    m = rsub.add_parser(
        "match",
        help="which fields the given IPC codes hit, and why",
        description="Match IPC codes (and optional evidence terms / text) against the rules.",
    )
    m.add_argument("codes", metavar="CODE", nargs="+", help="IPC codes, e.g. 'F41H 3/02' or F41H0003020000")
    m.add_argument("--defence", choices=("yes", "no"), default=None, help="is it for defence or a foreign military's use?")
    m.add_argument("--state", choices=("yes", "no"), default=None, help="did State-commissioned or State-funded R&D produce it?")
    m.add_argument("--term", action="append", default=None, metavar="TERM", help="an evidence term found in the draft (repeatable)")
    m.add_argument("--text", default=None, metavar="TEXT", help="draft text to search for evidence terms")
    m.add_argument("--json", action="store_true", help='print [{"id", "status", "reason"}] for fields that are not "no"')
    _add_rules_dir(m, argparse.SUPPRESS)
    m.set_defaults(func=run_match)


def _user_dir(args) -> Path | None:
    """--rules-dir, else the folder Settings.active_rules_dir() names (env, Settings, default)."""
    explicit = getattr(args, "rules_dir", None)
    if explicit:
        return Path(explicit).expanduser()
    try:
        from workbench.settings import load_settings

        return load_settings().active_rules_dir()
    except Exception:  # settings are optional for the rules commands
        return Path(os.environ["WORKBENCH_RULES_DIR"]).expanduser() if os.environ.get("WORKBENCH_RULES_DIR") else None


def _load(args):
    from workbench.rules import DEFAULT_RULESET, load_ruleset

    return load_ruleset(getattr(args, "ruleset", None) or DEFAULT_RULESET, _user_dir(args))


def run_check(args) -> int:
    from workbench.rules import check_path, installed_rules_dir

    if args.path:
        targets = [Path(args.path)]
    else:
        targets = [installed_rules_dir()]
        user = _user_dir(args)
        if user is not None:
            targets.append(user)
    problems = []
    for target in targets:
        problems.extend(check_path(target))
    if not problems and not args.path:
        _load(args)  # the merged rule set must build too (raises a coded error if not)
    lang = cli_language()
    for problem in problems:  # each with what to do, in the user's language
        if lang == "ja":
            line = problem.render_in("ja")
        else:
            line = f"{problem.where() or '-'}: [{problem.code}] {problem.message}. {problem.hint}"
        print(printable(line, sys.stdout), file=sys.stdout)
    if problems:
        print(msg(R.I320, n=len(problems)).render(lang), file=sys.stdout)
        return EXIT_INVALID
    names = ", ".join(str(t) for t in targets)
    print(printable(msg(R.I321, names=names).render(lang)))
    return EXIT_OK


def field_summary(field) -> dict:
    """The JSON shape of one field for `rules show --json`."""
    req = field.additional_requirement
    return {
        "id": field.id,
        "name_en": field.name_en,
        "name_ja": field.name_ja,
        "ipc": list(field.codes),
        "ipc_entries": [
            {"code": e.text, "verified": e.verified, "editions": e.editions, "note": e.note} for e in field.ipc
        ],
        "limitation": list(field.limitation.requires_terms) if field.limitation else None,
        "additional_requirement": req.applies,
        "additional_requirement_wording_en": req.wording_en,
        "additional_requirement_wording_ja": req.wording_ja,
        "additional_requirement_verified": req.verified,
        "verified": field.verified,
        "name_verified": field.name_verified,
        "verification": field.verification,
        "terms_en": list(field.terms_en),
        "terms_ja": list(field.terms_ja),
        "source": list(field.source),
        "origin": field.origin,
    }


def run_show(args) -> int:
    rs = _load(args)
    if args.json:
        json.dump([field_summary(f) for f in rs.fields], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    from workbench.messages import Message, bilingual

    lang = cli_language()

    def say(m) -> None:
        print(m.render(lang) if isinstance(m, Message) else m)

    say(msg(R.I301, name=rs.name, version=rs.version, effective=rs.effective_date, edition=rs.ipc_edition))
    say(msg(R.I302, checksum=rs.checksum))
    for src in rs.sources:
        say(msg(R.I303, path=str(src)))
    say("")
    for f in rs.fields:
        flag = {
            "verified": msg(R.I305),
            "partial": msg(R.I306, items=tuple(([msg(R.I307)] if f.name_verified else []) + [e.text for e in f.verified_entries])),
            "unverified": msg(R.I308),
        }[f.verification]
        req = msg(R.I309) if f.additional_requirement.applies else msg(R.I310)
        if not f.additional_requirement.verified:
            req = msg(R.I311, req=req)
        # the English name is shown to an English reader only (a rule-data text, I703)
        name_en = bilingual(f.name_en, "")
        say(msg(R.I304, id=f.id, name_ja=f.name_ja, name_en=name_en, flag=flag, req=req))
        for e in f.ipc:
            mark = msg(R.I313) if e.verified else msg(R.I314)
            edition = msg(R.I315, editions=e.editions).render(lang) if e.editions else ""
            say(f"       {e.text:<34} {mark.render(lang)}{edition}")
        if f.limitation:
            terms = f.limitation.requires_terms
            if lang == "ja":  # the Japanese evidence terms (the English ones match English drafts)
                terms = tuple(t for t in terms if not t.isascii()) or terms
            say(msg(R.I316, terms=tuple(terms)))
    n = len(rs.fields)
    say(msg(R.I317, n=n, full=sum(f.verified for f in rs.fields), names=sum(f.name_verified for f in rs.fields),
            ventries=sum(len(f.verified_entries) for f in rs.fields), entries=sum(len(f.ipc) for f in rs.fields)))
    say(msg(R.I318))
    return EXIT_OK


def run_match(args) -> int:
    from workbench.domain import AdditionalAnswers

    rs = _load(args)
    answers = AdditionalAnswers(
        defence_use=None if args.defence is None else args.defence == "yes",
        state_commissioned=None if args.state is None else args.state == "yes",
    )
    terms = None
    if args.term:
        terms = []
        for term in args.term:
            hits = rs.find_terms(term)
            terms.extend((h.field_id, h.term) for h in hits) if hits else terms.append((0, term))
    results = [m for m in rs.match(args.codes, terms=terms, answers=answers, text=args.text, broader=True) if m.status != "no"]
    if args.json:
        payload = [
            {"id": m.field_id, "status": m.status, "reason": "; ".join(render_all(m.reasons)), "verified": m.verified, "codes": list(m.codes), "terms": list(m.terms)}
            for m in results
        ]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    lang = cli_language()
    if not results:
        print(msg(C.I981, codes=tuple(args.codes)).render(lang))
        return EXIT_OK
    for m in results:
        f = rs.field(m.field_id)
        status = msg(S.STATUS_LABELS[m.status]).render(lang)
        status = pad(status if lang == "ja" else status.upper(), 8)
        name = f.name_ja if lang == "ja" else f"{f.name_ja} / {f.name_en}"
        print(msg(C.I982, status=status, id=f.id, name=name, rule="" if m.verified else msg(C.I983)).render(lang))
        for reason in render_all(m.reasons, lang):
            print(f"           - {reason}")
    print(msg(C.I984, name=rs.name, version=rs.version, checksum=rs.checksum[:12]).render(lang))
    return EXIT_OK
