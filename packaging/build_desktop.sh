#!/usr/bin/env bash
# Build the desktop app with PyInstaller: one folder, packaging/dist/workbench/, holding
# `workbench-gui` (the desktop app) and `workbench` (the command line), the rule sets, the
# model, the example drafts, the Japanese UI translation, spaCy's blank en/ja and SudachiPy's
# dictionary. Then smoke-test the frozen app (skip with --no-smoke).
#
#   bash packaging/build_desktop.sh            # build + smoke test
#   bash packaging/build_desktop.sh --no-smoke
#
# PyInstaller runs in its own venv (packaging/.buildenv) so the development .venv stays as
# it is; the workbench is analysed from this checkout (the spec puts it first on the path).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ENV=packaging/.buildenv
PY=${PYTHON:-python3}
smoke=1
[ "${1:-}" = "--no-smoke" ] && smoke=0

if [ ! -f models/ipc_model.joblib ]; then
  echo "build: models/ipc_model.joblib is missing: the bundle would screen without the model (fit it first: see README)." >&2
  exit 1
fi

if [ ! -x "$ENV/bin/python" ]; then
  "$PY" -m venv "$ENV"
fi
# The same versions as the development .venv when there is one (a tested set), else the newest.
constraints=()
if [ -x .venv/bin/python ]; then
  .venv/bin/python -m pip freeze --exclude-editable 2>/dev/null | grep -v -i -E '^(patent-triage-workbench|pip|setuptools|wheel)([=@ ]|$)' | grep -v ' @ ' > "$ENV/constraints.txt" || true
  constraints=(-c "$ENV/constraints.txt")
fi
"$ENV/bin/python" -m pip install -q --upgrade pip
"$ENV/bin/python" -m pip install -q "${constraints[@]}" "pyinstaller>=6.10" ".[gui]"

start=$(date +%s)
nice -n 10 "$ENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath packaging/dist --workpath packaging/build packaging/workbench.spec
APP=packaging/dist/workbench
# spaCy & co. ship their Cython extensions with debug info (~9x their code). Strip only that,
# and only there: PyInstaller's strip-all (strip=True) breaks numpy's bundled OpenBLAS.
if [ "$(uname -s)" = Linux ] && command -v strip >/dev/null 2>&1; then  # GNU strip only (macOS's has no --strip-debug)
  for pkg in spacy thinc blis srsly preshed cymem murmurhash sudachipy; do
    if [ -d "$APP/_internal/$pkg" ]; then
      find "$APP/_internal/$pkg" -name '*.so' -exec strip --strip-debug {} +
    fi
  done
fi
end=$(date +%s)

echo "build: $APP built in $((end - start)) s; size $(du -sh "$APP" | cut -f1) ($(du -sb "$APP" | cut -f1) bytes), $(find "$APP" -type f | wc -l) files"

if [ "$smoke" = 1 ]; then
  bash packaging/smoke_desktop.sh "$APP"
fi
