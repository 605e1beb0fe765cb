"""`workbench clearance DRAFT --file-in JP,US,CN,EP,PCT [--json]`: the clearance plan of a
draft (workbench.filing.plan) from its recorded filing facts and decision; and
`workbench log facts DRAFT ...`: record those facts (inventors, applicants, planned
filings, clearances asked for) as an event in the log.

Typed forms (workbench.filing.facts): ``--inventor NAME:RESIDENCE[:NATIONALITY[:MADE_IN,...]]``,
``--applicant NAME:SEAT``, ``--file OFFICE[@RO][:YYYY-MM-DD]`` (``!`` after the date: filed
that day), ``--permit RULE:REQUESTED[:GRANTED]``; each option repeats. Recording replaces
the draft's facts as a whole (the earlier record stays in the history): give all of them.
"""

from __future__ import annotations

import json
import sys
from datetime import date

from workbench.cli.console import printable
from workbench.cli.language import cli_language
from workbench.messages import M, msg


def _say(text: str = "") -> None:
    print(printable(text, sys.stdout))


def register_facts(cmds, db) -> None:
    """`workbench log facts` (called from workbench.cli.log.register)."""
    c = cmds.add_parser("facts", parents=[db], help="record a draft's filing facts: inventors, applicants, planned filings")
    c.add_argument("draft", metavar="DRAFT", help="draft id or sha256 prefix")
    c.add_argument("--inventor", action="append", default=None, metavar="NAME:RES[:NAT[:MADE_IN]]",
                   help="an inventor: name, residence, nationality, where their part was made (repeat), e.g. Yamada:JP:JP:JP")
    c.add_argument("--applicant", action="append", default=None, metavar="NAME:SEAT", help="an applicant and its seat (repeat)")
    c.add_argument("--file", action="append", default=None, metavar="OFFICE[@RO][:DATE]",
                   help="a planned filing (repeat): US, EP@FR, PCT@JP:2027-01-15 (intended date), JP:2026-11-30! (filed)")
    c.add_argument("--permit", action="append", default=None, metavar="RULE:REQUESTED[:GRANTED]",
                   help="a clearance asked for without a home filing (repeat), e.g. US:2026-12-01 (a 5.12(b) petition)")
    c.add_argument("--show", action="store_true", help="only show the recorded facts")
    c.add_argument("--json", action="store_true", help="print the recorded facts as JSON")
    from workbench.cli.options import WHO_HELP

    c.add_argument("--reviewer", metavar="NAME", help=WHO_HELP)
    c.set_defaults(func=cmd_facts)


def register(sub) -> None:
    c = sub.add_parser("clearance", help="the clearance plan: what to clear before each filing, in what order, from when")
    c.add_argument("draft", metavar="DRAFT_ID", help="draft id or sha256 prefix")
    c.add_argument("--plan", "--file-in", dest="file_in", metavar="JP,US,CN,EP,PCT",
                   help="the planned filings (replaces the recorded ones; PCT@JP names the receiving office)")
    c.add_argument("--today", metavar="YYYY-MM-DD", help="the first day anything can be done (default: today)")
    from workbench.cli.options import add_db

    add_db(c)
    c.add_argument("--lang", choices=("en", "ja"), default=None, help="language (default: the user's; --json has both)")
    c.add_argument("--json", action="store_true", help="machine-readable, English and Japanese")
    c.set_defaults(func=cmd_clearance)


def _open(args):
    from workbench.cli.log import _open as open_log

    return open_log(args)


def _facts_lines(facts: dict | None, draft, lang: str) -> list[str]:
    from workbench.filing.facts import applicant_text, filing_text, inventor_text, permit_text

    if facts is None:
        return [msg(M.I765, draft=draft).render(lang)]
    none = msg(M.I769)
    out = []
    for code, key, fn in ((M.I761, "inventors", inventor_text), (M.I762, "applicants", applicant_text),
                          (M.I763, "filings", filing_text), (M.I764, "permits", permit_text)):
        items = tuple(fn(x) for x in facts[key])
        out.append("  " + msg(code, items=items or none).render(lang))
    return out


def cmd_facts(args) -> int:
    from workbench.filing.facts import parse_applicant, parse_filing, parse_inventor, parse_permit

    lang = cli_language()
    with _open(args) as log:
        did = log.resolve(args.draft)
        if args.show or all(getattr(args, k) is None for k in ("inventor", "applicant", "file", "permit")):
            facts = log.filing_facts(did)
        else:
            facts = log.record_facts(
                did,
                inventors=[parse_inventor(t) for t in args.inventor or ()],
                applicants=[parse_applicant(t) for t in args.applicant or ()],
                filings=[parse_filing(t) for t in args.file or ()],
                permits=[parse_permit(t) for t in args.permit or ()],
                reviewer=args.reviewer,
            )
            if not args.json:
                _say(msg(M.I760, draft=did, who=facts["reviewer"], at=facts["at"]).render(lang))
    if args.json:
        print(json.dumps(facts, ensure_ascii=False, indent=2))
        return 0
    for line in _facts_lines(facts, did, lang):
        _say(line)
    return 0


def _file_in(text: str) -> tuple[str, ...]:
    """--file-in tokens (JP,US,EP,PCT or PCT@JP), checked as the log checks filings."""
    import re

    from workbench.errors import E901, SettingsError, StoreError
    from workbench.filing.codes import refusal
    from workbench.filing.facts import facts_payload, parse_filing

    tokens = [t for t in re.split(r"[,;\s、，]+", text or "") if t]
    try:
        facts_payload(filings=[parse_filing(t) for t in tokens])
    except StoreError:
        from workbench.filing.codes import read_code

        bad = [t for t in tokens if read_code(t.split("@")[0].upper(), routes=True).code is None] or tokens
        raise SettingsError(E901, name="--plan", value=text, detail=refusal(bad, "JP,US,EP,PCT")) from None
    return tuple(tokens)


def cmd_clearance(args) -> int:
    from workbench.filing.facts import draft_plan
    from workbench.store.dates import parse_date

    today = parse_date(args.today, "--today (YYYY-MM-DD)")
    file_in = _file_in(args.file_in) if args.file_in else None
    with _open(args) as log:
        plan, stored, record = draft_plan(log, args.draft, file_in, today)
    if args.json:
        data = {"draft": {"id": record.id, "name": record.summary.name, "sha256": record.summary.sha256,
                          "level": record.summary.level},
                "facts": stored, "file_in": list(file_in) if file_in else None, **plan.to_dict()}
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if printable(text) != text:
            text = json.dumps(data, ensure_ascii=True, indent=2)
        print(text)
        return 0
    lang = args.lang or cli_language()
    _say(msg(M.I766, draft=record.id, name=record.summary.name, today=plan.today,
             level=_level(record.summary.level)).render(lang))
    if stored is None:
        _say(msg(M.W761).render(lang))
    else:
        _say(msg(M.I767 if file_in else M.I768, at=stored["at"]).render(lang))
    _say()
    for line in plan.lines(lang):
        _say(line)
    return 0


def _level(level: str | None):
    """The stored level as the reader reads it: the code word in English (as stored), the
    Japanese label in Japanese."""
    from workbench.domain import LEVEL_LABELS_JA
    from workbench.messages import bilingual

    return bilingual(level, LEVEL_LABELS_JA.get(level, level)) if level else "—"
