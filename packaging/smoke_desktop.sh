#!/usr/bin/env bash
# Smoke-test a built desktop bundle (default packaging/dist/workbench):
#  1. the CLI runs from another directory: --version, then `demo` screens the bundled drafts;
#  2. the GUI starts offscreen, screens an example draft in its child process (the frozen
#     executable started with -m workbench.ui.process_runner) and is still running after 30 s (GUI_SECONDS).
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

draft="$APP/_internal/workbench/examples/draft_ja_quantum_dot_detector.txt"
GUI_SECONDS=${GUI_SECONDS:-30}
set +e
QT_QPA_PLATFORM=offscreen timeout "$GUI_SECONDS" "$APP/workbench-gui" --db "$tmp/log.sqlite" "$draft" > gui.out 2> gui.err
rc=$?
set -e
if [ "$rc" != 124 ]; then
  echo "smoke: FAILED: the GUI exited with $rc before ${GUI_SECONDS}s" >&2; cat gui.out gui.err >&2; exit 1
fi
if grep -q -E "Traceback|stopped unexpectedly" gui.err gui.out; then
  echo "smoke: FAILED: errors from the GUI" >&2; cat gui.err >&2; exit 1
fi
n=$(sqlite3 "$tmp/log.sqlite" "select count(*) from verdicts" 2>/dev/null || echo 0)
if [ "$n" -lt 1 ]; then
  echo "smoke: FAILED: the GUI recorded no verdict for $draft (its screening child process failed?)" >&2
  cat gui.err >&2; exit 1
fi
echo "smoke: GUI started offscreen, screened the example draft in its child process ($n verdict recorded) and ran ${GUI_SECONDS}s without an error"
echo "smoke: OK"
