"""`workbench filing check`: which foreign-filing licences and first-filing duties a plan meets."""

from __future__ import annotations

import json
import sys

from workbench.cli.language import group_help
from workbench.cli.console import pad, printable
from workbench.cli.language import cli_language
from workbench.messages import M, msg

MISSING_COMPLETION = "D909"  # the coded detail (workbench/messages/details.py)


def _say(text: str = "") -> None:
    print(printable(text, sys.stdout))


def _codes(text: str | None, option: str, pattern=None) -> tuple[str, ...]:
    """Codes split as the decision panel splits them (commas, spaces, 、); anything else
    is refused, never read as an unknown country that no rule applies to."""
    from workbench.errors import E901, SettingsError
    from workbench.filing.checklist import COUNTRY, parse_codes

    codes, bad = parse_codes(text or "", pattern or COUNTRY)
    if bad:
        from workbench.filing.codes import refusal

        raise SettingsError(E901, name=option, value=text, detail=refusal(bad))
    return codes


def _tri(text: str | None) -> bool | None:
    return {"yes": True, "no": False}.get((text or "").lower())


def register(sub) -> None:
    p = sub.add_parser("filing", help="what may be filed where: foreign-filing licences and first-filing rules")
    fsub = p.add_subparsers(dest="filing_command", metavar="ACTION")
    c = fsub.add_parser("check", help="list the rules a filing plan meets")
    c.add_argument("--completed-in", default="", metavar="JP,US", help="countries where the invention was made, e.g. JP,US")
    c.add_argument("--residence", default="", metavar="JP,IN", help="countries where inventors/applicant reside, e.g. JP,IN")
    c.add_argument("--plan", default="", metavar="US,EP,CN,PCT", help="planned filings, e.g. US,EP,CN,PCT")
    c.add_argument("--applicant", default="", metavar="JP,US",
                   help="the applicants' residences / seats (Italy's duty; the GB/IN/SG non-resident exemptions)")
    c.add_argument("--first-filing", default="", metavar="US",
                   help="the office of the first filing, when decided (with --applicant: the s.23(2)/s.39(3)/s.34(2) exemptions)")
    c.add_argument("--level", choices=("clear", "review", "likely"), help="the draft's triage level (workbench triage)")
    c.add_argument("--defence", choices=("yes", "no", "unknown"), default="unknown", help="military / security content?")
    c.add_argument("--lang", choices=("en", "ja"), default=None,
                   help="language of the checklist text (en|ja; default: the user's language, as for errors; --json always has both)")
    c.add_argument("--json", action="store_true", help="machine-readable, English and Japanese texts (<key>_ja)")
    c.set_defaults(func=run_check)
    p.set_defaults(func=lambda args: group_help(p))


def run_check(args) -> int:
    from workbench.filing import FilingFacts, filing_checks
    from workbench.filing.checklist import FILING

    if not (args.completed_in or "").strip():  # no place of completion: no first-filing duty could apply
        from workbench.errors import E901, SettingsError

        raise SettingsError(E901, name="--completed-in", value="", detail=msg(M.D909))
    facts = FilingFacts(
        completed_in=_codes(args.completed_in, "--completed-in"), residences=_codes(args.residence, "--residence"),
        planned=_codes(args.plan, "--plan", FILING),
        jp_level=args.level, defence_related=_tri(args.defence),
        applicants=_codes(args.applicant, "--applicant"),
        first_filing=(_codes(args.first_filing, "--first-filing") or (None,))[0],
    )
    from workbench.filing.checklist import screen

    checks, exempted = screen(facts)
    if args.json:
        rows = [c.to_dict() for c in checks] + [
            {"code": e.jurisdiction.code, "applies": "exempt", "why": e.why, "why_ja": e.text("why", "ja"),
             "law": e.jurisdiction.law, "verified": e.jurisdiction.verified, "sources": list(e.jurisdiction.sources)}
            for e in exempted]
        text = json.dumps(rows, ensure_ascii=False, indent=2)
        if printable(text) != text:  # the terminal cannot show it all: \u escapes, still the same JSON
            text = json.dumps(rows, ensure_ascii=True, indent=2)
        print(text)
        return 0
    lang = args.lang or cli_language()
    ja = lang == "ja"
    from workbench.filing.codes import conversions

    for text, routes in ((args.completed_in, False), (args.residence, False), (args.plan, True)):
        for note in conversions(text or "", routes):  # "USA" read as US: said, never silent
            _say(note.render(lang))
    if not checks:
        _say("この事実関係に適用される外国出願許可又は第一国出願義務の規則は、ルールデータにありません。" if ja
              else "No foreign-filing licence or first-filing rule in the rule data applies to these facts.")
    label = ({"why": "理由：", "do": "対応：", "wait": "待機：", "note": "注記："} if ja
             else {"why": "why: ", "do": "do:  ", "wait": "wait: ", "note": "note: "})
    width = 12 if ja else 8  # the longest 'applies' (該当の可能性 / POSSIBLE) in columns
    indent = " " * (width + 3)
    for c in checks:
        j = c.jurisdiction
        if ja:
            mark = "（確認済み）" if j.verified else "（未確認 - 公式の条文を確認してください）"
            applies = "該当" if c.applies == "yes" else "該当の可能性"
        else:
            mark = " (verified)" if j.verified else " (UNVERIFIED - check the official text)"
            applies = c.applies.upper()
        _say(f"[{pad(applies, width)}] {j.code} {c.text('name', lang)} — {c.text('law', lang)}{mark}")
        _say(f"{indent}{label['why']}{c.text('why', lang)}")
        _say(f"{indent}{label['do']}{c.text('requirement', lang)}")
        _say(f"{indent}{label['wait']}{c.text('wait', lang)}")
        if j.note:
            _say(f"{indent}{label['note']}{c.text('note', lang)}")

    for e in exempted:
        j = e.jurisdiction
        _say(f"[{pad(msg(M.I770).render(lang), width)}] {j.code} {e.text('name', lang)} — {e.text('law', lang)}")
        _say(f"{indent}{label['why']}{e.text('why', lang)}")
    _say("\n" + msg(M.I790, path="classification_rules/foreign-filing/jurisdictions.yaml").render(lang))
    return 0
