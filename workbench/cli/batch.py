"""`workbench batch DIR|FILE... [--jobs N] [--scheduler tcp://host:port]` and
`workbench rescreen [--since DATE] [--level L] [--from DIR]`: the use cases the GUI calls too
(:func:`workbench.usecases.screen_portfolio`, :func:`workbench.usecases.plan_rescreen`, on the
batch core :mod:`workbench.batch`) on the command line, with a progress bar on a terminal
(plain lines otherwise), in the user's language."""

from __future__ import annotations

import os
import sys
import time

from workbench.cli.language import _encodable, cli_language
from workbench.cli.options import add_db, number, whole_number
from workbench.errors import E901, SettingsError, WorkbenchError
from workbench.messages import M, Message, msg

BAR_WIDTH = 24


def _add_screening_options(p) -> None:
    add_db(p)
    p.add_argument("--jobs", "-j", type=whole_number, default=None, metavar="N",
                   help="worker processes on this machine (default: the number of CPUs); each loads the engine once")
    p.add_argument("--scheduler", default=None, metavar="tcp://HOST:PORT",
                   help="screen on this Dask cluster instead (joblib's dask backend; needs the 'cluster' extra, and the files readable by the workers at the same paths)")
    p.add_argument("--review", type=number, default=None, metavar="T", help="review threshold (default: your Settings, else the model card)")
    p.add_argument("--likely", type=number, default=None, metavar="T", help="likely-referral threshold (default: your Settings, else the model card)")
    p.add_argument("--rules-dir", default=None, help="user rules folder overriding/adding fields (default: Settings)")
    p.add_argument("--progress", choices=("auto", "bar", "lines"), default="auto",
                   help="a progress bar (terminal) or one line per draft (default: a bar on a terminal, else lines)")


def register(sub) -> None:
    p = sub.add_parser("batch", help="screen a folder or many files in parallel, recording each verdict as soon as it is ready")
    p.add_argument("files", nargs="+", metavar="DIR|FILE", help="draft files or folders of them")
    _add_screening_options(p)
    p.add_argument("--force", action="store_true", help="screen again drafts already screened with the same rules and model")
    p.add_argument("--defence", choices=("yes", "no"), default=None, help="for Japan's defence or a foreign military's use? (all drafts)")
    p.add_argument("--state", choices=("yes", "no"), default=None, help="from State-commissioned or State-funded R&D? (all drafts)")
    p.add_argument("--password", default=None, help="password for encrypted PDFs")
    p.set_defaults(func=run_batch_cmd)

    r = sub.add_parser("rescreen", help="screen stored drafts again with the current rules and model; report verdicts that changed")
    r.add_argument("--since", default=None, metavar="YYYY-MM-DD", help="only drafts first recorded on or after this day")
    r.add_argument("--level", choices=("clear", "review", "likely"), default=None, help="only drafts whose current level is this")
    r.add_argument("--from", dest="search", action="append", default=[], metavar="DIR",
                   help="folder(s) to find moved draft files in, by their hash (repeatable)")
    _add_screening_options(r)
    r.set_defaults(func=run_rescreen_cmd)


# ---------------------------------------------------------------------- progress display
class Progress:
    """Shows a batch's outcomes: a bar with rate and ETA redrawn in place on a terminal,
    or one plain line per draft. Failures are always printed as their own line."""

    def __init__(self, mode: str = "auto", stream=None, lang: str | None = None) -> None:
        self.stream = stream or sys.stderr
        self.lang = lang or cli_language()
        tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.bar = mode == "bar" or (mode == "auto" and tty)
        self.t0 = time.monotonic()
        self.first: float | None = None
        self.processed = 0
        self._last_draw = 0.0
        self._drawn = False

    def say(self, message: Message | str) -> None:
        self._clear()
        text = message.render(self.lang) if isinstance(message, Message) else str(message)
        print(text, file=self.stream, flush=True)

    def start(self, total: int, workers: int, where: Message) -> None:
        self.say(msg(M.I804, total=total, workers=workers, where=where))
        self.t0 = time.monotonic()

    def update(self, out) -> None:
        if out.status != "skipped":
            self.processed += 1
        if out.status == "failed":
            self.say(msg(M.I811, done=out.done, total=out.total, name=out.name, error=self._error(out.error)))
        elif not self.bar:
            self.say(out.line())
        if self.bar:
            now = time.monotonic()
            if now - self._last_draw >= 0.2 or out.done == out.total:
                self._draw(out.done, out.total)
                self._last_draw = now

    def _error(self, exc) -> str:
        """``[E104] where: message. hint`` in the user's language (the line already says the
        draft was not screened: no "error:" before it); English when the terminal cannot show
        Japanese."""
        if exc is None:
            return ""
        text = exc.render_in(self.lang)
        if self.lang != "en" and not _encodable(text, self.stream):
            text = exc.render()
        return text

    def _draw(self, done: int, total: int) -> None:
        elapsed = max(1e-9, time.monotonic() - self.t0)
        rate = self.processed / elapsed
        left = total - done
        eta = "--:--" if rate <= 0 else _clock(left / rate)
        filled = int(BAR_WIDTH * done / total) if total else BAR_WIDTH
        bar = "[" + "#" * filled + "." * (BAR_WIDTH - filled) + "]"
        text = msg(M.I807, bar=bar, done=done, total=total, pct=f"{done / total:.0%}" if total else "100%",
                   rate=f"{rate:.2f}", eta=eta).render(self.lang)
        self.stream.write("\r" + text + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False


def _clock(seconds: float) -> str:
    s = int(round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


# ---------------------------------------------------------------------- options
def _options(args, answers=None):
    from workbench.batch import BatchOptions
    from workbench.cli.triage import _rules_dir, _saved_thresholds, effective_thresholds
    from workbench.domain import AdditionalAnswers

    thr = None
    saved = _saved_thresholds(args.review, args.likely)
    if args.review is not None or args.likely is not None or saved is not None:
        from workbench.settings import recommended_thresholds

        thr = effective_thresholds(args.review, args.likely, saved, recommended_thresholds().thresholds)
    return BatchOptions(
        answers=answers or AdditionalAnswers(),
        thresholds=thr,
        password=getattr(args, "password", None),
        rules_dir=_rules_dir(args),
    )


def _jobs(args) -> int:
    if args.jobs is None:
        return max(1, os.cpu_count() or 1)
    if args.jobs < 1:
        raise SettingsError(E901, name="--jobs", value=args.jobs, detail=msg(M.D918))
    return args.jobs


def _where(args) -> Message:
    return msg(M.I806, address=args.scheduler) if args.scheduler else msg(M.I805)


def drive(outcomes, progress: Progress, summary, args, workers_hint: int, kept=None) -> None:
    """Run the batch generator, showing each outcome; returns normally, or re-raises
    KeyboardInterrupt after saying what was kept. ``kept()`` counts the drafts recorded, in
    the log itself (a verdict committed as the Ctrl-C came never reached ``summary``). A plain
    loop, not a generator: a Ctrl-C that lands between two outcomes (in the caller's frame of a
    generator) skipped this handler and printed only "error: interrupted"."""
    try:
        for out in outcomes:
            summary.add(out)
            progress.update(out)
    except KeyboardInterrupt:
        summary.interrupted = True
        progress.finish()
        recorded = summary.screened + summary.skipped
        if kept is not None:
            try:
                recorded = max(recorded, kept())
            except WorkbenchError:  # the log cannot be read now: what the outcomes said
                pass
        progress.say(msg(M.W801, recorded=recorded, left=max(0, summary.total - recorded - summary.failed)))
        raise
    finally:
        summary.ended = time.monotonic()
        progress.finish()


def run_batch_cmd(args) -> int:
    from workbench.batch import BatchSummary
    from workbench.cli.triage import _yn
    from workbench.domain import AdditionalAnswers
    from workbench.ingest.discover import expand_paths
    from workbench.store import TriageLog

    walk_notes: list = []  # links to folders: walked when given, named when not followed
    files = expand_paths(args.files, walk_notes)
    for note in walk_notes:
        print(note.render(cli_language()), file=sys.stderr)
    if not files:
        raise SettingsError(E901, name="FILE", value=" ".join(args.files), detail=msg(M.D911))
    options = _options(args, AdditionalAnswers(defence_use=_yn(args.defence), state_commissioned=_yn(args.state)))
    jobs = _jobs(args)
    progress = Progress(args.progress)
    summary = BatchSummary(total=len(files))
    from workbench.usecases import screen_portfolio

    from workbench.batch import Task, file_sha256, recorded_count

    tasks = [Task(f, file_sha256(f)) for f in files]  # hashed once: the batch and the count use them
    started: dict = {}

    def on_start(total, identity, workers):
        started["identity"] = identity
        progress.start(total, workers, _where(args))

    with TriageLog.open(args.db) as log:
        head = log.head()[0]
        outcomes = screen_portfolio(tasks, log=log, options=options, jobs=jobs, scheduler=args.scheduler, force=args.force,
                                    on_start=on_start)
        kept = lambda: recorded_count(log, tasks, since_event=head, identity=started.get("identity"),  # noqa: E731
                                      options=options, force=args.force)
        drive(outcomes, progress, summary, args, jobs, kept)
        for line in summary.lines(str(log.path)):
            print(line.render(progress.lang))
    return summary.exit_code()


def run_rescreen_cmd(args) -> int:
    from workbench.batch import BatchSummary, recorded_count
    from workbench.store import TriageLog
    from workbench.usecases import plan_rescreen

    options = _options(args)
    jobs = _jobs(args)
    progress = Progress(args.progress)
    lang = progress.lang
    with TriageLog.open(args.db) as log:
        run = plan_rescreen(log, since=args.since, level=args.level, search=args.search, options=options,
                            jobs=jobs, scheduler=args.scheduler)
        if not run.tasks and not run.missing:
            print(msg(M.I826).render(lang))
            return 0
        summary = BatchSummary(total=len(run.tasks) + len(run.missing))
        for out in run.missing:  # files gone or changed: reported, their stored verdicts kept
            summary.add(out)
            progress.update(out)
        started = {}

        def on_start(total, identity, workers):
            started["id"] = identity
            progress.say(msg(M.I820, total=total, rules=identity.ruleset_version, model=identity.model_version))
            progress.start(total, workers, _where(args))

        head = log.head()[0]
        kept = lambda: recorded_count(log, run.tasks, since_event=head, force=True)  # noqa: E731
        drive(run.outcomes(on_start=on_start), progress, summary, args, jobs, kept)
        for line in run.changed_lines():
            print(line.render(lang))
        print(run.verdict_line().render(lang))
        for line in summary.lines(str(log.path)):
            print(line.render(lang))
    return summary.exit_code() if summary.total else 0
