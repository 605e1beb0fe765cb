"""Run a benchmark's worker in a fresh process of another checkout (the previous release side by
side with this one): the measured tree's ``workbench`` and models come first, the worker function
is loaded from the benchmark script by its path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_worker(root: Path, script: str | Path, items: list, label: str) -> tuple[dict, str, float]:
    """``worker(in_path, out_path)`` of ``script`` run on ``items`` in the tree at ``root``, at a
    lower priority: (its JSON output, its standard error, seconds). A failing worker ends the
    benchmark with its last error lines."""
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp, "in.json"), Path(tmp, "out.json")
        inp.write_text(json.dumps(items), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(root), WORKBENCH_MODEL_DIR=str(root / "models"))
        code = (f"import sys, importlib.util; sys.path.insert(0, {str(root)!r}); "
                f"spec = importlib.util.spec_from_file_location('benchmark_worker', {str(Path(script).resolve())!r}); "
                "mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod); "
                f"sys.exit(mod.worker({str(inp)!r}, {str(out)!r}))")
        t0 = time.time()
        r = subprocess.run(["nice", "-n", "10", sys.executable, "-c", code], env=env, cwd=str(root), capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit(f"{label}: worker failed\n{r.stderr[-3000:]}")
        return json.loads(out.read_text(encoding="utf-8")), r.stderr, time.time() - t0
