"""Two processes writing the same log at once lose nothing and keep the chain intact."""

from __future__ import annotations

import multiprocessing as mp

from factories import make_verdict

from workbench.store import TriageLog

PER_PROCESS = 25


def _writer(path: str, name: str, draft_id: int, barrier) -> None:
    with TriageLog.open(path, reviewer=name) as lg:
        barrier.wait()
        for i in range(PER_PROCESS):
            lg.decide(draft_id, "hold", f"{name}-{i}")
            if i % 5 == 0:
                lg.record_verdict(make_verdict(f"{name}-{i}.txt"))


def test_two_processes_writing_at_once_lose_nothing(db_path):
    with TriageLog.open(db_path) as lg:
        did = lg.record_verdict(make_verdict())
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_writer, args=(str(db_path), n, did, barrier)) for n in ("alice", "bob")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    with TriageLog.open(db_path) as lg:
        rationales = [d.rationale for d in lg.draft(did).decisions]
        assert sorted(rationales) == sorted(f"{n}-{i}" for n in ("alice", "bob") for i in range(PER_PROCESS))
        for n in ("alice", "bob"):  # each writer's own order is preserved
            mine = [r for r in rationales if r.startswith(n)]
            assert mine == [f"{n}-{i}" for i in range(PER_PROCESS)]
        assert len(lg.drafts()) == 1 + 2 * (PER_PROCESS // 5)
        res = lg.verify()
        assert res.ok, res.detail
        ids = [e.id for e in lg.history()]
        assert ids == list(range(1, len(ids) + 1))


def test_two_connections_in_one_process_interleave(db_path):
    a = TriageLog.open(db_path, reviewer="a")
    b = TriageLog.open(db_path, reviewer="b")
    did = a.record_verdict(make_verdict())
    for i in range(10):
        (a if i % 2 else b).decide(did, "hold", f"r{i}")
    assert len(b.draft(did).decisions) == 10 and a.verify().ok
    a.close()
    b.close()


def _fresh_writer(path: str, name: str, barrier) -> None:
    barrier.wait()
    with TriageLog.open(path, reviewer=name) as lg:  # both create/migrate the same new file
        did = lg.record_verdict(make_verdict("shared.txt"))
        for i in range(5):
            lg.decide(did, "hold", f"{name}-{i}")


def test_two_processes_creating_the_same_new_log(db_path):
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_fresh_writer, args=(str(db_path), n, barrier)) for n in ("p1", "p2")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    with TriageLog.open(db_path) as lg:
        assert len(lg.drafts()) == 1  # same hash -> one draft, even when created concurrently
        assert len(lg.draft(1).decisions) == 10
        assert [e.kind for e in lg.history()].count("schema.migrated") == 1
        assert lg.verify().ok
