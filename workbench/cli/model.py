"""`workbench model train|info`: rebuild the IPC model from the real data (optionally with
the attorneys' annotations from the triage log) and show its card."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from workbench.cli.language import group_help
from workbench.cli.options import add_db
from workbench.errors import E404, ModelError
from workbench.cli.language import cli_language
from workbench.messages import cli as C
from workbench.messages import M, Message, from_stored, msg, render


def register(sub) -> None:
    p = sub.add_parser("model", help="rebuild or describe the IPC prediction model")
    msub = p.add_subparsers(dest="model_command", metavar="ACTION")
    t = msub.add_parser("train", help="rebuild the model and its card from the real data")
    t.add_argument("--data", default=None, help="the shared data folder (default: ../shared/data next to the project)")
    t.add_argument("--with-annotations", action="store_true", help="add the attorneys' annotations from the triage log")
    add_db(t)  # the log whose annotations --with-annotations adds
    t.add_argument("-o", "--out", default=None, help="folder to write the model and card to (default: models/)")
    t.add_argument("--rules-dir", default=None, help="user rules folder overriding installed fields")
    t.set_defaults(func=run_train)
    i = msub.add_parser("info", help="print the model card")
    i.add_argument("--json", action="store_true", help="print the whole card as JSON")
    i.add_argument("--dir", default=None, help="model folder (default: models/)")
    i.set_defaults(func=run_info)
    p.set_defaults(func=lambda a: group_help(p))


def default_data_dir() -> Path:
    import os

    env = os.environ.get("WORKBENCH_SHARED_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared" / "data"


def _fmt_scores(s: dict | None) -> "str | Message":
    if not s:
        return msg(C.I932)
    a = s.get("all", {})
    keys = ("recall", "precision", "flag_rate", "true_share", "top1", "top3", "ece")
    return "  ".join(f"{k}={a.get(k):.3f}" for k in keys if isinstance(a.get(k), (int, float)))


def run_train(args) -> int:
    from workbench.classify.model import clear_cache, default_model_dir
    from workbench.classify.train import rebuild
    from workbench.rules import load_ruleset

    data = Path(args.data) if args.data else default_data_dir()
    if not data.is_dir():
        raise ModelError(E404, path=data, detail=msg(M.D402))
    out = Path(args.out) if args.out else default_model_dir()
    rs = load_ruleset(user_dir=args.rules_dir)
    annotations = []
    if args.with_annotations:
        from workbench.store import TriageLog

        log = TriageLog.open(args.db)
        try:
            annotations = list(log.annotation_examples())
        finally:
            log.close()
        print(msg(C.I905, n=len(annotations)).render(cli_language()))
    command = "workbench model train --data " + (args.data or "../shared/data")
    if args.with_annotations:
        command += " --with-annotations" + (f" --db {args.db}" if args.db else "")
    if args.out:
        command += f" --out {args.out}"
    lang = cli_language()
    report = rebuild(data, out, rs, annotations=annotations, guard=args.with_annotations, command=command,
                     log=lambda m: print(render(m, lang), file=sys.stderr))  # the progress lines, coded
    clear_cache()
    print(msg(C.I906, scores=_fmt_scores(report.get("before"))).render(lang))
    print(msg(C.I907, scores=_fmt_scores(report["held_out"])).render(lang))
    print(msg(C.I908, text=report["comparison"]).render(lang))
    card = report["card"]
    print(msg(C.I909, path=str(out / card["model_file"]), mb=card["model_bytes"] / 1e6, sha=card["model_sha256"][:12]).render(lang))
    return 0


def run_info(args) -> int:
    from workbench.classify.model import default_model_dir, read_card

    d = Path(args.dir) if args.dir else default_model_dir()
    card = read_card(d)
    if args.json:
        print(json.dumps(card, indent=2, ensure_ascii=False))
        return 0
    lang = cli_language()
    print(msg(C.I985, name=card.get("name"), version=card.get("version"), size=card.get("model_bytes", 0) / 1e6).render(lang))
    print(f"sha256 {card.get('model_sha256')}")
    print(msg(C.I986, command=card.get("command"), at=card.get("created_utc")).render(lang))
    for f in card.get("data", []):
        print(msg(C.I987, file=f["file"], sha=f["sha256"][:16]).render(lang))
    r = card.get("rules", {})
    print(msg(C.I988, name=r.get("name"), version=r.get("version"), checksum=str(r.get("checksum"))[:12]).render(lang))
    t = card.get("thresholds", {})
    print(msg(C.I989, review=t.get("review"), likely=t.get("likely")).render(lang))
    for name, s in (card.get("held_out") or {}).items():
        label = msg(C.HELD_OUT_LABELS[name]) if name in C.HELD_OUT_LABELS else name
        print(msg(C.I990, name=label, scores="  ".join(f"{k}={v}" for k, v in s.items())).render(lang))
    for n in card.get("notes", []):  # coded notes in the reader's language; an older card's English as it is
        print(msg(C.I939, note=from_stored(n)).render(lang))
    return 0
