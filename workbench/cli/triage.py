"""`workbench triage FILE... | --text "..."`: screen drafts and print per-draft and per-claim
results (text or JSON); verdicts go to the triage log unless --no-log."""

from __future__ import annotations

import json
import sys

from workbench.cli.language import cli_language, print_error
from workbench.domain import AdditionalAnswers, DraftVerdict, Thresholds
from workbench.errors import E901, SettingsError, WorkbenchError
from workbench.messages import cli as C
from workbench.messages import M, msg
from workbench.messages import screening as S

EXIT_OK, EXIT_ERROR, EXIT_PARTIAL = 0, 2, 3


def claim_terms(evidence, lang: str, limit: int = 5) -> list[str]:
    """A claim's evidence terms as a person reads them: each term once, where it first stands
    in the claim (counted from 1) and how many more times it occurs; at most ``limit`` terms."""
    first: dict[str, int] = {}
    count: dict[str, int] = {}
    for e in sorted(evidence, key=lambda e: e.start):
        first.setdefault(e.term, e.start + 1)
        count[e.term] = count.get(e.term, 0) + 1
    return [
        msg(S.I440, term=t, pos=pos).render(lang) if count[t] == 1 else msg(S.I441, term=t, pos=pos, count=count[t]).render(lang)
        for t, pos in list(first.items())[:limit]
    ]


def register(sub) -> None:
    p = sub.add_parser("triage", help="screen draft files (or a text) for the specified technology fields")
    p.add_argument("files", nargs="*", metavar="FILE", help="draft files (PDF, DOCX, TXT/Markdown, USPTO XML) or folders of them")
    p.add_argument("--text", default=None, help="screen this text (a title, an abstract or a claim) instead of a file")
    p.add_argument("--json", action="store_true", help="print one JSON object per draft (JSON Lines for several)")
    p.add_argument("--no-log", action="store_true", help="do not record the verdicts in the triage log")
    from workbench.cli.options import add_db, number

    add_db(p)
    p.add_argument("--defence", choices=("yes", "no"), default=None, help="for Japan's defence or a foreign military's use?")
    p.add_argument("--state", choices=("yes", "no"), default=None, help="from State-commissioned or State-funded R&D?")
    p.add_argument("--review", type=number, default=None, metavar="T", help="review threshold (default: your Settings, else the model card)")
    p.add_argument("--likely", type=number, default=None, metavar="T", help="likely-referral threshold (default: your Settings, else the model card)")
    p.add_argument("--password", default=None, help="password for encrypted PDFs")
    p.add_argument(
        "--ipc", action="append", default=[], metavar="CODE",
        help="an IPC code known for the draft(s), e.g. 'F41H 3/00' (repeat or separate with commas); matched as a fact, not a prediction",
    )
    p.add_argument("--rules-dir", default=None, help="user rules folder overriding/adding fields (default: Settings, as for 'workbench rules')")
    p.set_defaults(func=run)


def _yn(v: str | None) -> bool | None:
    return None if v is None else v == "yes"


def thresholds_from(review: float | None, likely: float | None, base: Thresholds) -> Thresholds:
    from workbench.settings import check_thresholds  # the bounds, one rule with Settings

    r = base.review if review is None else review
    lk = base.likely if likely is None else likely
    return check_thresholds(r, lk, names=("--review", "--likely"))


def effective_thresholds(review: float | None, likely: float | None, saved: Thresholds | None, card: Thresholds) -> Thresholds:
    """Each threshold: its --review/--likely flag, else the user's saved Settings (when they
    set any), else the model card's default (``engine.thresholds``)."""
    return thresholds_from(review, likely, saved if saved is not None else card)


def _saved_thresholds(review: float | None, likely: float | None) -> Thresholds | None:
    """The thresholds saved in Settings (None: not set). Not read when both flags are given;
    a damaged settings file is a coded E901 naming it, never silently ignored."""
    if review is not None and likely is not None:
        return None
    from workbench.settings import load_settings

    return load_settings().thresholds


def _rules_dir(args) -> str | None:
    """The user rules folder 'workbench rules show' lists: --rules-dir, else
    $WORKBENCH_RULES_DIR, else Settings (one resolution for both commands)."""
    from workbench.cli.rules import _user_dir

    folder = _user_dir(args)
    return None if folder is None else str(folder)


def run(args) -> int:
    if not args.files and args.text is None:
        raise SettingsError(E901, name="FILE", value="(none)", detail=msg(M.D906))
    answers = AdditionalAnswers(defence_use=_yn(args.defence), state_commissioned=_yn(args.state))
    from workbench.ingest.discover import expand_paths

    walk_notes: list = []  # links to folders: walked when given, named when not followed
    files = expand_paths(args.files, walk_notes)  # folders: every draft file in them (batch screening)
    for note in walk_notes:
        print(note.render(cli_language()), file=sys.stderr)
    if args.files and not files:
        raise SettingsError(E901, name="FILE", value=" ".join(args.files), detail=msg(M.D911))
    ipc_codes = [c.strip() for arg in args.ipc for c in arg.split(",") if c.strip()]
    from workbench.ipc import parse_ipc

    for code in ipc_codes:  # a typo is one E301 now, not the same failure for every file
        parse_ipc(code)
    return run_paths(
        files,
        json_out=args.json,
        log=not args.no_log,
        db=args.db,
        answers=answers,
        review=args.review,
        likely=args.likely,
        password=args.password,
        rules_dir=_rules_dir(args),
        text=args.text,
        ipc_codes=ipc_codes,
    )


def run_paths(
    paths: list[str],
    json_out: bool,
    log: bool,
    *,
    db: str | None = None,
    answers: AdditionalAnswers = AdditionalAnswers(),
    review: float | None = None,
    likely: float | None = None,
    password: str | None = None,
    rules_dir: str | None = None,
    text: str | None = None,
    ipc_codes: list[str] | tuple[str, ...] = (),
) -> int:
    """Screen ``paths`` (and ``text``) with one engine; print results; record them unless
    ``log`` is false. Returns 0, 2 when every file failed, or 3 when some files failed (each failure is printed
    as a coded error and the rest go on)."""
    from workbench import triage

    engine = triage.get_engine(rules_dir=rules_dir)
    saved = _saved_thresholds(review, likely)
    thr = effective_thresholds(review, likely, saved, engine.thresholds)
    if saved is not None and saved != engine.thresholds:
        card = engine.thresholds
        print(msg(C.I923, review=saved.review, likely=saved.likely, card_review=card.review,
                  card_likely=card.likely).render(cli_language()), file=sys.stderr)
    from workbench.batch import BatchOptions
    from workbench.usecases import LazyLog, screen_and_record

    # Each verdict is recorded the moment it is ready, in its own transaction (the use case,
    # on the batch core): a kill after 10 of 12 drafts keeps those 10. The log opens at the
    # first verdict.
    sink = LazyLog(db) if log else None
    failed = total = 0
    record_error: WorkbenchError | None = None
    options = BatchOptions(answers=answers, thresholds=thr, password=password, rules_dir=rules_dir, ipc_codes=tuple(ipc_codes))
    try:
        for out in screen_and_record(paths, log=sink if sink is not None else False, options=options, text=text):
            total += 1
            if out.verdict is not None:  # screened (a failure here is the log's, not the draft's)
                if out.error is not None and record_error is None:
                    record_error = out.error  # printed once, after every result
                _print(out.path, out.verdict, json_out, out.draft_id)
                continue
            failed += 1
            print_error(out.error)
    finally:
        if sink is not None:
            sink.close()
    if sink is not None and sink.path is not None and record_error is None and not json_out and total > failed:
        print(msg(C.I924, path=str(sink.path)).render(cli_language()))
    if record_error is not None:
        print_error(record_error)
        return EXIT_ERROR
    if failed and failed == total:
        return EXIT_ERROR  # nothing was screened
    return EXIT_PARTIAL if failed else EXIT_OK


def _print(path: str, v: DraftVerdict, json_out: bool, draft_id: int | None = None) -> None:
    from workbench.classify.serialize import verdict_to_dict

    if json_out:
        d = verdict_to_dict(v, file=path)
        if draft_id is not None:
            d["draft_id"] = draft_id  # its id in the triage log
        print(json.dumps(d, ensure_ascii=False))
        return
    from workbench.cli.console import columns, pad
    from workbench.messages import code_of, render
    from workbench.messages import screening as S

    lang = cli_language()

    def say(code: str, **args) -> None:
        print(msg(code, **args).render(lang))

    def status(value: str) -> str:
        return msg(S.STATUS_LABELS.get(value, S.I495)).render(lang)

    top = v.top_field
    from workbench.text import shown_name

    print(f"{shown_name(path)}: {msg(S.LEVEL_LABELS[v.level]).render(lang)}")
    if top:
        name = top.name_ja if lang == "ja" else f"{top.name_en} / {top.name_ja}"
        say(S.I496 if v.level == "clear" else C.I910, id=top.field_id, name=name, likelihood=top.likelihood,
            status=status(top.status), rule=msg(C.I911 if top.verified else C.I912))
    say(C.I913, review=v.thresholds.review, likely=v.thresholds.likely, rules=v.ruleset_version, model=v.model_version)
    for n in v.notes:
        say(C.I914, note=render(n, lang))
    if v.ipc:  # the suggestions that reach the floor; none: say so rather than list noise
        from workbench.classify.suggest_floor import CONFIDENCE_FLOOR, confident

        shown_ipc = confident(v.ipc)
        say(C.I915, codes=tuple(msg(S.I433, symbol=s.code, p=float(s.score)) for s in shown_ipc) if shown_ipc
            else msg(S.I432, floor=CONFIDENCE_FLOOR))
    # the top field always (a cleared draft's nearest field says why it is far), then the others in play
    shown = [f for f in sorted(v.fields, key=lambda f: -f.likelihood) if f is top or f.status != "no" or f.likelihood >= v.thresholds.review][:5]
    width = max((columns(status(f.status)) for f in shown), default=0)
    for f in shown:
        name = (f.name_ja or f.name_en) if lang == "ja" else f.name_en
        say(C.I916, id=f.field_id, name=name, likelihood=f.likelihood, status=pad(status(f.status), width))
        # the rule's reasons (at most four), then the draft-level ones whatever their number
        rule_reasons = [r for r in f.reasons if code_of(r) not in S.DRAFT_REASONS][:4]
        for r in rule_reasons + [r for r in f.reasons if code_of(r) in S.DRAFT_REASONS]:
            print(f"      - {render(r, lang)}")
    if v.claim_verdicts:
        say(S.I434)
    for cv in v.claim_verdicts:
        fl = [f for f in cv.fields if f.status != "no" or f.likelihood >= v.thresholds.review][:3]
        terms = ("、" if lang == "ja" else ", ").join(claim_terms(cv.evidence, lang))
        desc = "; ".join(msg(C.I917, id=f.field_id, likelihood=f.likelihood, status=status(f.status)).render(lang) for f in fl)
        line = msg(C.I919, number=cv.claim_number, fields=desc or msg(C.I918)).render(lang)
        print(line + (msg(C.I920, terms=terms).render(lang) if terms else ""))
    if draft_id is not None:
        say(C.I921, id=draft_id)
    say(C.I922)

