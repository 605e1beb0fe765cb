#!/usr/bin/env bash
# Smoke-test a built desktop bundle (default packaging/dist/workbench):
#  1. the CLI runs from another directory: --version, then `demo` screens the bundled drafts;
#  2. `workbench batch --jobs 2` on the examples: loky's worker processes frozen;
#  3. the GUI starts offscreen on an example draft, screens it in its child process (the frozen
#     executable started with -m workbench.ui.process_runner), records it and exits 0.
# Per-user settings and the triage log go to a temporary HOME, never the real one.
set -euo pipefail
APP=$(cd "${1:-$(dirname "$0")/dist/workbench}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
unset WORKBENCH_INSTALLED_RULES WORKBENCH_MODEL_DIR
cd "$tmp"

"$APP/workbench" --version
start=$(date +%s.%N)
if ! "$APP/workbench" demo > demo.txt 2> demo.err; then
  echo "smoke: FAILED: workbench demo" >&2; cat demo.txt demo.err >&2; exit 1
fi
end=$(date +%s.%N)
cat demo.txt
for draft in draft_en_coffee_grinder draft_en_underwater_vehicle draft_ja_quantum_dot_detector; do
  grep -q "$draft" demo.txt || { echo "smoke: FAILED: demo output does not name $draft" >&2; exit 1; }
done
if grep -q "Traceback" demo.err; then echo "smoke: FAILED: traceback from demo" >&2; cat demo.err >&2; exit 1; fi
printf 'smoke: demo OK in %.1f s (cold start of the frozen CLI included)\n' "$(echo "$end - $start" | bc)"

# 2. the batch core frozen: two loky worker processes started as the executable itself
#    (packaging/launcher.py honours loky's command lines), each verdict recorded as it is ready
start=$(date +%s.%N)
if ! "$APP/workbench" batch "$APP/_internal/workbench/examples" --jobs 2 --db "$tmp/batch.sqlite" --progress lines > batch.txt 2> batch.err; then
  echo "smoke: FAILED: workbench batch --jobs 2" >&2; cat batch.txt batch.err >&2; exit 1
fi
end=$(date +%s.%N)
n_examples=$(ls "$APP/_internal/workbench/examples"/draft_* | wc -l)
n=$(sqlite3 "$tmp/batch.sqlite" "select count(*) from verdicts")
if [ "$n" != "$n_examples" ] || grep -q "Traceback" batch.err; then
  echo "smoke: FAILED: batch recorded $n verdicts for $n_examples examples" >&2; cat batch.txt batch.err >&2; exit 1
fi
cat batch.txt
printf 'smoke: batch --jobs 2 OK in %.1f s (%s verdicts)\n' "$(echo "$end - $start" | bc)" "$n"

# 3. the desktop app offscreen on the bundled example: it screens it in its screening child
#    process (the executable started with -m workbench.ui.process_runner), records the verdict
#    and quits (--exit-after-screening): exit 0, within GUI_SECONDS
draft="$APP/_internal/workbench/examples/draft_ja_quantum_dot_detector.txt"
GUI_SECONDS=${GUI_SECONDS:-120}
set +e
start=$(date +%s.%N)
QT_QPA_PLATFORM=offscreen timeout "$GUI_SECONDS" "$APP/workbench-gui" --exit-after-screening --db "$tmp/log.sqlite" "$draft" > gui.out 2> gui.err
rc=$?
end=$(date +%s.%N)
set -e
if [ "$rc" != 0 ]; then
  echo "smoke: FAILED: the GUI exited with $rc (124: still running after ${GUI_SECONDS}s)" >&2; cat gui.out gui.err >&2; exit 1
fi
if grep -q -E "Traceback|stopped unexpectedly" gui.err gui.out; then
  echo "smoke: FAILED: errors from the GUI" >&2; cat gui.err >&2; exit 1
fi
n=$(sqlite3 "$tmp/log.sqlite" "select count(*) from verdicts" 2>/dev/null || echo 0)
if [ "$n" -lt 1 ]; then
  echo "smoke: FAILED: the GUI recorded no verdict for $draft (its screening child process failed?)" >&2
  cat gui.err >&2; exit 1
fi
printf 'smoke: GUI offscreen screened the example in its child process, recorded %s verdict and exited 0 in %.1f s\n' "$n" "$(echo "$end - $start" | bc)"
echo "smoke: OK"
