"""`workbench log`: the triage log from the command line (a thin layer over
workbench.store). Every command takes ``--db PATH`` (default: the per-user log,
or $WORKBENCH_DB)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from workbench.cli.language import group_help
from workbench.cli.console import pad, table
from workbench.cli.language import cli_language
from workbench.messages import cli as C
from workbench.messages import M, msg
from workbench.domain import DECISION_LABELS, DECISIONS, LEVELS
from workbench.domain_dicts import to_dict
from workbench.errors import E504, E508, E512, E530, E534, E901, SettingsError, StoreError


def _open(args):
    from pathlib import Path

    from workbench.store import TriageLog

    from workbench.store.dialect import is_team_url

    # A --db that names no file is a typo, not a wish for a new empty log: 'verify'
    # would report it intact and 'list' empty. (The default log is still created.)
    # A postgresql:// URL is a team log: the server says whether it exists (E556).
    if args.db and not is_team_url(args.db) and not Path(args.db).expanduser().exists():
        raise StoreError(E512, path=args.db)
    return TriageLog.open(args.db, reviewer=getattr(args, "reviewer", None))


def _yes_no(value: str | None) -> bool | None:
    if value is None:
        return None
    v = value.strip().lower()
    if v in ("yes", "y", "true", "1", "はい"):
        return True
    if v in ("no", "n", "false", "0", "いいえ"):
        return False
    if v in ("unknown", "?", ""):
        return None
    raise SettingsError(E508, value=value, what=msg(M.D554), allowed=msg(M.D555))


def _residences(text: str | None) -> tuple[str, ...] | None:
    """--residence as `workbench filing check --residence` and the decision panel read it
    (commas, spaces, 、, full-width letters); None when not given: "not recorded"."""
    from workbench.filing.checklist import COUNTRY, parse_codes

    if text is None:
        return None
    codes, bad = parse_codes(text, COUNTRY)
    if bad:
        from workbench.cli.language import cli_language
        from workbench.filing.codes import refusal

        raise SettingsError(E901, name="--residence", value=text, detail=refusal(bad, "JP,IN"))
    return codes


def _completed_abroad(text: str | None) -> tuple[str, ...] | None:
    """--completed-abroad as `workbench filing check --completed-in` and the decision panel
    read it; None when not given ("not recorded"). Japan is the --completed-in-japan
    answer, so JP here is refused by name too (E901, before the log is opened)."""
    from workbench.filing.checklist import COUNTRY, parse_codes

    if text is None:
        return None
    codes, bad = parse_codes(text, COUNTRY)
    if bad:
        from workbench.cli.language import cli_language
        from workbench.filing.codes import refusal

        raise SettingsError(
            E901, name="--completed-abroad", value=text, detail=refusal(bad, "US,CN")
        )
    from workbench.filing.codes import abroad_problem

    problem = abroad_problem(codes, instead=msg(C.N990))  # Japan is not abroad: the one rule
    if problem is not None:
        raise SettingsError(E901, name="--completed-abroad", value=text, detail=problem)
    return codes


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def _score(x: float) -> str:
    from workbench.domain import percent_text  # one format for likelihoods: the window's, the report's, triage's

    return percent_text(x)


def _t(code: str, **args) -> str:
    return msg(code, **args).render(cli_language())


def _level(level: str | None) -> str:
    from workbench.domain import LEVEL_LABELS_JA

    return (LEVEL_LABELS_JA.get(level or "", level or "-") if cli_language() == "ja" else (level or "-"))


def _decision(decision: str | None) -> str:
    from workbench.domain import DECISION_LABELS_JA

    labels = DECISION_LABELS_JA if cli_language() == "ja" else DECISION_LABELS
    return labels.get(decision or "", decision or "")


def _status(status: str) -> str:
    from workbench.messages import screening as S

    return _t(S.STATUS_LABELS[status]) if status in S.STATUS_LABELS else status


def _codes(codes) -> str:
    from workbench.store.export import codes_text

    if cli_language() == "ja":
        if codes is None:
            return "記録なし"
        return "、".join(codes) if codes else "指定なし"
    return codes_text(codes)


def _name(ja: str, en: str) -> str:
    """A field's name in the user's language (workbench.cli.language), the other one if absent."""
    from workbench.cli.language import cli_language

    return (ja or en) if cli_language() == "ja" else (en or ja)


def _fmt_field(s) -> str:
    if s.top_field_id is None:
        return "-"
    return f"{s.top_field_id} {_name(s.top_field_name_ja, s.top_field_name_en)}".strip()


def _check_period(args) -> None:
    """--since after --until would list or export nothing, as if the log had nothing in
    that time: refused before the log is opened (the use cases' one period check)."""
    from workbench.usecases import check_period

    check_period(args.since, args.until, name="--until")


def msg_override(status: str | None) -> str:
    """The override column of `log list`: 'override: pending approval' (user's language)."""

    return msg(M.I552, status=_override_text(status)).render(_lang())


def _version_tag(s) -> str:
    """' (v2 of 3)' after a draft's name when its matter has more than one version."""
    from workbench.messages import M

    return _t(M.I591, version=s.version, versions=s.versions) if s.versions > 1 else ""


def _top(fv) -> str:
    return "-" if fv is None else f"{fv.field_id} ({_score(fv.likelihood)})"


def _show_versions(rec) -> None:
    """The matter, what changed since the previous version, what to look at again."""
    from workbench.messages import M, msg

    if len(rec.versions) > 1:
        names = tuple(msg(C.I903, version=v.version, id=v.draft_id, name=v.name) for v in rec.versions)
        _say(msg(M.I580, version=rec.version, versions=len(rec.versions), matter=rec.summary.matter_id, names=names))
    if rec.previous is not None:
        from workbench.store.versions import summary_counts

        _say(msg(M.I581, previous=rec.previous.version, **summary_counts(rec.changes)))
        for c in rec.changes:
            if c.kind == "amended":
                _say(msg(M.I582, old=c.old_number, new=c.new_number, before=_top(c.before), after=_top(c.after)))
            elif c.kind == "added":
                _say(msg(M.I583, new=c.new_number, after=_top(c.after)))
            elif c.kind == "removed":
                _say(msg(M.I584, old=c.old_number, before=_top(c.before)))
            elif c.renumbered:
                _say(msg(M.I585, old=c.old_number, new=c.new_number))
    for f in rec.review_flags:
        if not f.open:
            continue
        verdict = _t({"agree": C.I979, "disagree": C.I980}[f.verdict]) if f.verdict in ("agree", "disagree") else f.verdict
        base = dict(field=f.field_id if f.field_id is not None else "-", verdict=verdict, reviewer=f.reviewer or "-",
                    from_version=rec.version_of(f.from_draft_id) or "?", from_claim=f.from_claim_number)
        if f.claim_number is not None:
            _say(msg(M.I586, claim=f.claim_number, **base))
        else:
            _say(msg(M.I587, **base))


def cmd_link(args) -> int:
    from workbench.messages import M, msg

    with _open(args) as log:
        version = log.link_version(args.draft, args.version_of, reviewer=args.reviewer)
        rec = log.draft(args.draft)
    carried = sum(1 for a in rec.annotations if a.carried_from is not None)
    _say(msg(M.I589, draft=rec.id, version=version, matter=rec.summary.matter_id, carried=carried,
             review=sum(1 for f in rec.review_flags if f.open)))
    return 0


def cmd_list(args) -> int:
    _check_period(args)
    with _open(args) as log:
        rows = log.drafts(
            level=args.level, decision=args.decision, reviewer=args.by,
            since=args.since, until=args.until, search=args.search,
            latest_only=not args.all_versions,  # one line per matter: its latest version
        )
    if args.json:
        _print_json([asdict(r) for r in rows])
        return 0
    if not rows:
        _say(msg(C.I950 if any((args.level, args.decision, args.by, args.since, args.until, args.search)) else C.I951))
        return 0
    ja = cli_language() == "ja"
    heads = ("番号", "ハッシュ", "判定区分", "該当可能性", "出願方針", "一次審査期限", "10か月経過") if ja else (
        "id", "hash", "level", "score", "decision", "review due", "free")
    cells = []
    for s in rows:
        score = _score(s.top_likelihood) if s.top_likelihood is not None else "-"
        override = f"  ({msg_override(s.override)})" if s.override else ""
        decision = _decision(s.decision) if s.decision else _t(C.I953)
        cells.append((s.id, s.sha256[:10], _level(s.level), score, decision, s.primary_review_due or "-",
                      s.foreign_filing_free or "-", f"{s.name}{_version_tag(s)}  [{_fmt_field(s)}]{override}"))
    for line in table(cells, (*heads, _t(C.I952)), align=("right", "left", "left", "right")):
        print(line)
    return 0


def cmd_show(args) -> int:
    from workbench.messages import M, msg
    from workbench.store.export import codes_text  # one wording for the report and the CLI

    with _open(args) as log:
        rec = log.draft(args.draft)
        facts = log.filing_facts(rec.id)
    if args.json:
        data = to_dict(rec)  # coded reasons and notes as stored: {code, args, en}
        data["filing_facts"] = facts  # null: none recorded (workbench log facts)
        if data.get("verdict"):
            data["verdict"]["claim_fields"] = {str(k): v for k, v in data["verdict"]["claim_fields"].items()}
        _print_json(data)
        return 0
    s = rec.summary
    from workbench.cli.claims import _category

    lang = cli_language()
    fmt = msg(C.FORMAT_LABELS[s.format]) if s.format in C.FORMAT_LABELS else s.format
    _say(msg(C.I954, id=s.id, name=s.name, format=fmt, language=msg(C.LANGUAGE_LABELS.get(s.language, "I948"))))
    print(f"  sha256      {s.sha256}")
    _say(msg(C.I955, at=s.ingested_at, n=rec.verdict_count, last=s.verdict_at or "-"))
    if rec.verdict:
        v = rec.verdict
        _say(msg(C.I956, level=_level(v.level), rules=v.ruleset_version or "-", model=v.model_version or "-"))
        for f in sorted(v.fields, key=lambda f: -f.likelihood)[:5]:
            _say(msg(C.I957, id=f.field_id, status=pad(_status(f.status), 8), score=_score(f.likelihood),
                     name=_name(f.name_ja, f.name_en), rule=msg(C.I958 if f.verified else C.I959)))
    _show_versions(rec)
    _say(msg(C.I960, n=len(rec.claims)))
    for c in rec.claims:
        dep = _t(C.I935) if c.independent else _t(C.I936, claims=tuple(map(str, c.depends_on)))
        text = " ".join(c.text.split())  # one line per claim: the draft's line breaks go
        text = text if len(text) <= 100 else text[:97] + "..."
        print(f"    {c.number:>3}. [{_category(c.category, lang)}, {dep}] {text}")
        if rec.verdict:
            flags = [f for f in rec.verdict.claim_fields.get(c.number, ()) if f.status != "no"]
            for f in flags:
                _say(msg(C.I961, id=f.field_id, status=_status(f.status), score=_score(f.likelihood)))
    if rec.annotations:
        _say(msg(C.I962))
        for a in rec.annotations:
            ipc = f" IPC {a.corrected_ipc}" if a.corrected_ipc else ""
            verdict = _t({"agree": C.I979, "disagree": C.I980}[a.verdict]) if a.verdict in ("agree", "disagree") else a.verdict
            _say(msg(C.I963, at=a.at, reviewer=a.reviewer, claim=a.claim_number, field=_annotated_field(a.field_id),
                     verdict=verdict, ipc=ipc, note=a.note))
            if a.carried_from is not None:
                _say(msg(M.I590, version=rec.version_of(a.carried_from) or "?"))
    if rec.decisions:
        _say(msg(C.I964))
        for d in rec.decisions:
            where = "-" if d.completed_in_japan is None else _t(C.I977 if d.completed_in_japan else C.I978)
            print(f"    {d.at}  {d.reviewer}: {_decision(d.decision)}")
            _say(msg(C.I965, text=d.rationale))
            if len(rec.versions) > 1:
                _say(msg(M.I588, version=rec.version_of(d.draft_id) or "?"))
            where_args = dict(japan=where, abroad=_codes(d.completed_abroad), countries=",".join(d.planned_countries) or "-",
                              residences=_codes(d.residences))
            if d.jp_filing_date:
                _say(msg(C.I966, **where_args, jp=d.jp_filing_date, due=d.primary_review_due or "-",
                         free=d.foreign_filing_free or "-"))
            else:
                _say(msg(C.I999, **where_args))
            if d.override_reason:
                from workbench.messages import M
                from workbench.store.signoff import risks_message

                print("      " + msg(M.W550, risks=risks_message(d.override_risks, rec.summary.level)).render(_lang()))
                if d.approved_by:
                    print("      " + msg(M.I550, who=d.approved_by, at=d.approved_at).render(_lang())
                          + f" — {d.override_reason}")
                    if d.approval_note:
                        print("      " + msg(M.I646, note=d.approval_note).render(_lang()))
                else:
                    print("      " + msg(M.W551, reason=d.override_reason).render(_lang()))
    else:
        _say(msg(C.I967))
    from workbench.cli.clearance import _facts_lines

    for line in _facts_lines(facts, rec.id, cli_language()):  # the filing facts (workbench log facts)
        print(line if line.startswith("  ") else "  " + line)
    return 0


def cmd_decide(args) -> int:
    from workbench.store.export import codes_text  # one wording for the report and the CLI

    from workbench.filing.checklist import FILING, parse_codes

    codes, bad = parse_codes(args.countries or "", FILING)  # as the decision panel reads them
    countries = [*codes, *bad]  # a token that is no code is refused by the log (E508), naming it
    residences = _residences(args.residence)  # junk is E901 before the log is opened
    abroad = _completed_abroad(args.completed_abroad)  # likewise
    in_japan = _yes_no(args.completed_in_japan)
    _check_future_date(args)
    from workbench.usecases import decide

    d = decide(
        lambda: _open(args), args.draft, decision=args.decision, rationale=args.rationale,
        completed_in_japan=in_japan, planned_countries=countries,
        jp_filing_date=args.jp_filing_date, reviewer=args.reviewer, residences=residences,
        completed_abroad=abroad, override_reason=args.override_reason,
    )
    _say(msg(C.I973, draft=d.draft_id, decision=_decision(d.decision), reviewer=d.reviewer, at=d.at))
    if d.override_status:
        from workbench.messages import M
        from workbench.store.signoff import risks_message

        with _open(args) as lg:  # the level the risk comes from, named in the sentence (it read 「-」)
            level = lg.draft(d.draft_id).summary.level
        print("  " + msg(M.W550, risks=risks_message(d.override_risks, level)).render(_lang()))
        print("  " + msg(M.W551, reason=d.override_reason).render(_lang()))
    if d.jp_filing_date:
        _say(msg(C.I974, due=d.primary_review_due, free=d.foreign_filing_free))
    _say(msg(C.I975, codes=_codes(d.completed_abroad)))
    _say(msg(C.I976, codes=_codes(d.residences)))
    return 0


def _check_future_date(args) -> None:
    """A JP filing date after today is refused (E901) unless --future-date-ok says it is meant."""
    from workbench.cli.language import cli_language
    from workbench.store.dates import future_filing_date

    warning = future_filing_date(args.jp_filing_date)  # a malformed date is E508 here
    if warning is not None and not getattr(args, "future_date_ok", False):
        lang = cli_language()
        raise SettingsError(E901, name="--jp-filing-date", value=args.jp_filing_date,
                            detail=msg(M.D922, warning=warning, then=msg(M.W705)))


def _lang() -> str:
    from workbench.cli.language import cli_language

    return cli_language()


def _override_text(status: str | None) -> str:
    """'pending approval' / 'approved' in the user's language ('' when no override)."""

    if not status:
        return ""
    return msg(M.N552 if status == "pending" else M.N553).render(_lang())


def cmd_approve(args) -> int:

    from workbench.usecases import approve_override

    d = approve_override(lambda: _open(args), args.draft, note=args.note or "", reviewer=args.reviewer)
    print(msg(M.I551, draft_id=d.draft_id, decision=_decision(d.decision),
              who=d.approved_by, at=d.approved_at).render(_lang()))
    return 0


def _users(values) -> list[tuple[str, str]]:
    """--user LOGIN=ROLE (repeatable) -> [(login, role)]."""
    out = []
    for v in values or ():
        name, _, role = str(v).partition("=")
        if not name.strip() or role.strip() not in ("staff", "attorney", "manager"):
            raise SettingsError(E901, name="--user", value=v, detail=msg(M.D919))
        out.append((name.strip(), role.strip()))
    return out


def _need_url(value: str, name: str = "URL") -> str:
    from workbench.store.dialect import is_team_url

    if not is_team_url(value):
        raise SettingsError(E901, name=name, value=value, detail=msg(M.D920))
    return value


def cmd_setup_team(args) -> int:
    """Create (or upgrade) a team log: schema, roles, grants, row-level security."""
    from workbench.store import TriageLog

    url = _need_url(args.url)
    users = _users(args.user)
    with TriageLog.setup_team(url, users=users) as log:
        from workbench.store.dialect import APP_ROLES

        _say(msg(M.I556, where=log.where, schema=log.schema_version, events=log.head()[0], roles=tuple(APP_ROLES.values())))
        for name, role in users:
            from workbench.messages import bilingual
            from workbench.messages.log import ROLE_LABELS_JA

            _say(msg(M.I557, login=name, role=bilingual(role, ROLE_LABELS_JA.get(role, role))))
    return 0


def cmd_migrate_to(args) -> int:
    """Copy the local log (--db) into a new, empty team log, its chain verified on both sides."""

    url = _need_url(args.url)
    users = _users(args.user)
    with _open(args) as local:
        if local.is_team:
            raise SettingsError(E901, name="--db", value=args.db, detail=msg(M.D921))
        with local.migrate_to(url, users=users) as team:
            head_id, head_hash = team.head()
            _say(msg(M.I558, path=local.where, where=team.where, events=head_id, head=head_hash[:16]))
    return 0


def _annotated_field(field_id: int | None):
    """An annotation's field as a line names it: its number, or '(whole claim)' (I592)."""
    return field_id if field_id is not None else msg(M.I592)


def cmd_annotate(args) -> int:
    with _open(args) as log:
        a = log.annotate(
            args.draft, args.claim, args.field, "agree" if args.agree else "disagree",
            note=args.note or "", corrected_ipc=args.ipc, reviewer=args.reviewer,
        )
    verdict = _t({"agree": C.I979, "disagree": C.I980}.get(a.verdict, C.I979)) if a.verdict in ("agree", "disagree") else a.verdict
    _say(msg(C.I972, draft=a.draft_id, claim=a.claim_number, field=_annotated_field(a.field_id),
             verdict=verdict, reviewer=a.reviewer))
    return 0


EXPORT_FORMATS = ("csv", "xlsx", "pdf", "json")


def _export_format(args) -> str:
    """--format, else the --out file's extension; asked for by name when neither says."""
    if args.format:
        return args.format
    suffix = Path(args.out).suffix.lower().lstrip(".")
    if suffix in EXPORT_FORMATS:
        return suffix
    raise SettingsError(
        E901, path=args.out, name="--format", value="", detail=msg(M.D910, formats="|".join(EXPORT_FORMATS))
    )


def cmd_export(args) -> int:
    from workbench.usecases import export

    fmt = _export_format(args)  # before the log is opened: a usage mistake touches nothing
    res = export(  # the period is checked before the log is opened
        lambda: _open(args), fmt, args.out, since=args.since, until=args.until,
        decision=args.decision, level=args.level, reviewer=args.by, period_name="--until",
        # the PDF both languages unless asked; a CSV's / XLSX's column labels the user's language
        language=args.lang or ("both" if fmt == "pdf" else _lang()),
    )
    _say(msg(C.I971, n=res.rows, path=str(res.path)))
    if res.warning is not None:  # a log that fails verify: said on the console, not only in the file
        import sys

        print(msg(C.I992, text=res.warning).render(_lang()), file=sys.stderr)
    return 0


def _say(message) -> None:
    from workbench.cli.language import cli_language

    print(message.render(cli_language()))


def cmd_verify(args) -> int:
    from workbench.store import checkpoint as cpt

    anchor = None
    if args.against:  # read and check the checkpoint before the log is opened
        anchor = cpt.read(args.against)
        fp = cpt.check_signature(anchor, cpt.trusted_keys(args.trust or []), path=args.against)
    with _open(args) as log:
        res = log.verify()
        path = log.path
        if not res.ok:
            if res.first_broken is None:
                raise StoreError(E530, path=path, detail=res.detail_message or res.detail)
            raise StoreError(E504, path=path, event_id=res.first_broken, detail=res.detail_message or res.detail)
        cmp = cpt.compare(log, anchor) if anchor is not None else None
    if cmp is None:
        _say(msg(M.I530, events=res.events, path=str(path)))
        return 0
    at = anchor.get("at", "")
    if cmp.state == "truncated":
        first_gone = cmp.log_head + 1
        detail = (msg(M.N533, log_head=cmp.log_head, event_id=first_gone) if first_gone == cmp.head_event
                  else msg(M.N530, log_head=cmp.log_head, first=first_gone, last=cmp.head_event))
        raise StoreError(E534, path=path, event_id=cmp.head_event, at=at, detail=detail)
    if cmp.state == "rewritten":
        raise StoreError(E534, path=path, event_id=cmp.head_event, at=at, detail=msg(M.N531, event_id=cmp.head_event))
    if cmp.later:
        first = cmp.later[0]
        if not args.allow_later:
            detail = msg(M.N532, count=len(cmp.later), first=first.id, kind=first.kind, who=first.who, at=first.at)
            raise StoreError(E534, path=path, event_id=cmp.head_event, at=at, detail=detail)
        _say(msg(M.W530, count=len(cmp.later), first=first.id, last=cmp.later[-1].id, kind=first.kind, who=first.who, at=first.at))
    # "OK" only once the checkpoint holds too: never an OK line followed by a broken checkpoint
    _say(msg(M.I530, events=res.events, path=str(path)))
    _say(msg(M.I532, event_id=cmp.head_event, at=at, who=anchor.get("who", ""), fingerprint=fp))
    return 0


def cmd_checkpoint(args) -> int:
    from workbench.store import checkpoint as cpt

    key = cpt.load_key(args.key)  # E533 before the log is opened
    with _open(args) as log:
        res = log.verify()  # never sign a broken log
        if not res.ok:
            if res.first_broken is None:
                raise StoreError(E530, path=log.path, detail=res.detail_message or res.detail)
            raise StoreError(E504, path=log.path, event_id=res.first_broken, detail=res.detail_message or res.detail)
        cp = cpt.sign(log, key)
    out = cpt.write(cp, args.out or cpt.default_path(cp))
    _say(msg(M.I531, path=str(out), event_id=cp["head_event"], head=cp["head_hash"][:16], fingerprint=cp["key"]["fingerprint"]))
    return 0


def cmd_due(args) -> int:
    with _open(args) as log:
        rows = log.due_soon(days=args.days, today=args.today)
    if args.json:
        _print_json([asdict(r) for r in rows])
        return 0
    if not rows:
        _say(msg(C.I968, days=args.days))
        return 0
    for s in rows:
        _say(msg(C.I969, id=s.id, name=s.name, decision=_decision(s.decision), jp=s.jp_filing_date or "-",
                 due=s.primary_review_due or "-", free=s.foreign_filing_free or "-"))
    return 0


def cmd_history(args) -> int:
    with _open(args) as log:
        events = log.history(args.draft)
    if args.json:
        _print_json([asdict(e) for e in events])
        return 0
    cells = [(e.id, e.at, e.who, e.kind, _t(C.I991, id=e.draft_id if e.draft_id is not None else "-"), e.hash[:12])
             for e in events]
    for line in table(cells, align=("right",)):
        print(line)
    return 0


def cmd_backup(args) -> int:
    with _open(args) as log:
        out = log.backup(args.out)
    _say(msg(C.I970, path=str(out)))
    return 0


def _days(text: str) -> int:
    """--days for `log due`: a whole number of days ahead (argparse reports anything else)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(msg(C.N901, text=text).render(cli_language())) from None
    if not 1 <= n <= 3660:
        raise argparse.ArgumentTypeError(msg(C.N902, n=n).render(cli_language()))
    return n


DRAFT_HELP = "draft id or sha256 prefix"
JSON_HELP = "print JSON instead of text"
# --db on every command that reads or writes the triage log (log *, triage, clearance): one text
from workbench.cli.options import DB_HELP, WHO_HELP, whole_number  # noqa: E402 - shared with the other commands


def register(sub) -> None:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", metavar="PATH|URL", help=DB_HELP)

    def filters(which: str) -> argparse.ArgumentParser:
        """The filter options of `log list` (drafts) and `log export` (decisions): the same
        names, each help saying what it filters on that command."""
        f = argparse.ArgumentParser(add_help=False)
        if which == "list":
            f.add_argument("--since", metavar="YYYY-MM-DD", help="only drafts first screened on or after this day")
            f.add_argument("--until", metavar="YYYY-MM-DD", help="only drafts first screened on or before this day")
            f.add_argument("--level", choices=LEVELS, help="only drafts whose latest screening has this triage level")
            f.add_argument("--reviewer", "--by", dest="by", metavar="NAME",
                           help="only drafts NAME recorded anything on (screened, annotated, decided)")
        else:
            f.add_argument("--since", metavar="YYYY-MM-DD", help="only decisions recorded on or after this day")
            f.add_argument("--until", metavar="YYYY-MM-DD", help="only decisions recorded on or before this day")
            f.add_argument("--level", choices=LEVELS, help="only decisions on drafts whose latest screening has this triage level")
            f.add_argument("--reviewer", "--by", dest="by", metavar="NAME", help="only decisions recorded by NAME")
        return f

    p = sub.add_parser("log", help="the triage log: list, show, decide, annotate, export, verify, due")
    p.set_defaults(func=lambda args: group_help(p))
    cmds = p.add_subparsers(dest="log_command", metavar="SUBCOMMAND")

    c = cmds.add_parser("list", parents=[db, filters("list")], help="list drafts in the log")
    c.add_argument("--decision", choices=DECISIONS + ("none",), help="only drafts whose current decision is this ('none': undecided)")
    c.add_argument("--search", metavar="TEXT", help="only drafts with TEXT in their file name or title, or whose hash starts with it")
    c.add_argument("--all-versions", action="store_true",
                   help="every version of each matter (default: one line per matter, its latest version)")
    c.add_argument("--json", action="store_true", help=JSON_HELP)
    c.set_defaults(func=cmd_list)

    c = cmds.add_parser("show", parents=[db], help="show one draft: claims, verdict, annotations, decisions")
    c.add_argument("draft", metavar="DRAFT", help=DRAFT_HELP)
    c.add_argument("--json", action="store_true", help=JSON_HELP)
    c.set_defaults(func=cmd_show)

    c = cmds.add_parser("decide", parents=[db], help="record the foreign-filing decision for a draft")
    c.add_argument("draft", metavar="DRAFT", help=DRAFT_HELP)
    c.add_argument("--decision", required=True, choices=DECISIONS, help="the foreign-filing decision")
    c.add_argument("--rationale", required=True, metavar="TEXT", help="why (required: the log is a legal record)")
    c.add_argument("--completed-in-japan", metavar="yes|no|unknown", help="was the invention completed in Japan (yes, no, unknown)")
    c.add_argument(
        "--completed-abroad", metavar="US,CN",
        help="countries other than Japan where the invention was completed, wholly or partly "
             "(stored with the decision; '' = none; JP is --completed-in-japan)",
    )
    c.add_argument("--countries", "--plan", dest="countries", metavar="US,EP",
                   help="planned foreign filings (as 'workbench filing check --plan')")
    c.add_argument(
        "--residence", "--residences", dest="residence", metavar="JP,IN",
        help="countries where the inventors / applicant reside (stored with the decision; '' = none)",
    )
    c.add_argument("--jp-filing-date", metavar="YYYY-MM-DD",
                   help="the Japanese filing date: the review due (+3 months) and 10-months-without-designation dates follow")
    c.add_argument("--future-date-ok", action="store_true",
                   help="record a JP filing date after today (refused without it: most often a typo)")
    c.add_argument(
        "--override-reason", metavar="TEXT",
        help="required when the decision goes against the verdict or the checklist (clear abroad on 'likely', "
             "or where Japan's first-filing duty applies); a manager then approves it with 'log approve'",
    )
    c.add_argument("--reviewer", metavar="NAME", help=WHO_HELP)
    c.set_defaults(func=cmd_decide)

    c = cmds.add_parser("setup-team", help="create a team log on PostgreSQL: schema, roles (staff, attorney, manager), grants")
    c.add_argument("url", metavar="URL", help="postgresql://ADMIN@HOST:PORT/DATABASE (the login used owns the tables)")
    c.add_argument("--user", action="append", metavar="LOGIN=ROLE",
                   help="make LOGIN a staff, attorney or manager user (repeatable; created as a LOGIN role when missing)")
    c.set_defaults(func=cmd_setup_team)

    c = cmds.add_parser("migrate-to", parents=[db], help="copy the local log into a new team log (chain verified on both sides)")
    c.add_argument("url", metavar="URL", help="postgresql://ADMIN@HOST:PORT/DATABASE of an empty database")
    c.add_argument("--user", action="append", metavar="LOGIN=ROLE", help="as for setup-team")
    c.set_defaults(func=cmd_migrate_to)

    c = cmds.add_parser("approve", parents=[db], help="a manager approves the override of a draft's current decision")
    c.add_argument("draft", metavar="DRAFT", help="draft id or sha256 prefix")
    c.add_argument("--note", metavar="TEXT", help="the approver's note, recorded with the approval")
    c.add_argument("--reviewer", metavar="NAME", help=WHO_HELP)
    c.set_defaults(func=cmd_approve)

    from workbench.cli.clearance import register_facts

    register_facts(cmds, db)  # `log facts`: the draft's filing facts (workbench/cli/clearance.py)

    c = cmds.add_parser("link", parents=[db], help="make a draft the next version of another draft's matter")
    c.add_argument("draft", metavar="DRAFT", help=DRAFT_HELP + " of the newer draft")
    c.add_argument("--version-of", required=True, metavar="DRAFT",
                   help="a draft of the matter it continues (its annotations carry over where claims are unchanged)")
    c.add_argument("--reviewer", metavar="NAME", help=WHO_HELP)
    c.set_defaults(func=cmd_link)

    c = cmds.add_parser("annotate", parents=[db],
                        help="an attorney's view of a claim's screening: agree or disagree, per field or for the whole claim")
    c.add_argument("draft", metavar="DRAFT", help=DRAFT_HELP)
    c.add_argument("--claim", type=whole_number, required=True, metavar="N", help="the claim number (as 'log show' lists them)")
    # a whole-claim annotation (no field) is what the window's '(whole claim)' records
    c.add_argument("--field", type=whole_number, metavar="ID",
                   help="the specified field the view is about (1-25): one the draft was screened for, as "
                        "'log show' lists them; omit it for the claim as a whole")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--agree", action="store_true",
                   help="the screening is right: the claim falls in that field (without --field: the claim's verdict is right)")
    g.add_argument("--disagree", action="store_true",
                   help="the screening is wrong: the claim does not fall in that field (give --note, and --ipc when you know the code)")
    c.add_argument("--note", metavar="TEXT", help="why (kept with the annotation)")
    c.add_argument("--ipc", metavar="CODE", help="the corrected IPC code, e.g. 'F41H 3/00'")
    c.add_argument("--reviewer", metavar="NAME", help=WHO_HELP)
    c.set_defaults(func=cmd_annotate)

    c = cmds.add_parser("export", parents=[db, filters("export")], help="export decisions as csv, xlsx, pdf or json")
    c.add_argument("--format", choices=EXPORT_FORMATS, help="default: from the --out file's extension")
    c.add_argument("-o", "--out", required=True, metavar="PATH", help="the file to write, e.g. decisions.xlsx (its ending gives the format)")
    c.add_argument("--decision", choices=DECISIONS, help="only decisions of this kind")
    c.add_argument("--lang", choices=("en", "ja", "both"),
                   help="the PDF report's language (default: both, English over Japanese), and the language of a CSV's "
                        "or XLSX's column labels beside their fixed keys (default: yours)")
    c.set_defaults(func=cmd_export)

    c = cmds.add_parser(
        "verify", parents=[db],
        help="check the history chain, the records and the structure (and a signed checkpoint); exit 2 naming what is broken",
    )
    c.add_argument("--against", metavar="CHECKPOINT", help="a checkpoint file (workbench log checkpoint) or an export of the log")
    c.add_argument("--trust", action="append", metavar="KEY.pub", help="a public key whose checkpoints you trust (repeatable)")
    c.add_argument("--allow-later", action="store_true", help="events recorded after the checkpoint are expected (listed, not an error)")
    c.set_defaults(func=cmd_verify)

    c = cmds.add_parser("checkpoint", parents=[db], help="sign the head of the history chain into a checkpoint file kept apart from the log")
    c.add_argument("-o", "--out", metavar="PATH", help="checkpoint file (default: the checkpoints folder beside your settings)")
    c.add_argument("--key", metavar="KEY.pem", help="signing key (default: $WORKBENCH_SIGNING_KEY or your personal key, created on first use)")
    c.set_defaults(func=cmd_checkpoint)

    c = cmds.add_parser("due", parents=[db], help="drafts whose key dates fall due soon")
    c.add_argument("--days", type=_days, default=30, metavar="N", help="how many days ahead (1-3660; default: 30)")
    c.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    c.add_argument("--json", action="store_true", help=JSON_HELP)
    c.set_defaults(func=cmd_due)

    c = cmds.add_parser("history", parents=[db], help="the event history (of one draft)")
    c.add_argument("draft", metavar="DRAFT", nargs="?", help=DRAFT_HELP + " (default: the whole log)")
    c.add_argument("--json", action="store_true", help=JSON_HELP)
    c.set_defaults(func=cmd_history)

    c = cmds.add_parser("backup", parents=[db], help="copy the log safely (SQLite backup)")
    c.add_argument("-o", "--out", metavar="PATH",
                   help="the backup file to write (default: <log>.backup-<UTC time>.sqlite beside the log)")
    c.set_defaults(func=cmd_backup)

