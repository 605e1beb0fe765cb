#!/usr/bin/env bash
# Run the whole test suite the way CI does: set up (with test tools), check that the
# real patent data is present, then pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/setup.sh --dev

data="${WORKBENCH_SHARED_DATA:-$(cd .. && pwd)/shared/data}"
if [ ! -d "$data/uspto-xml" ] || [ ! -f "$data/patents/first_claims_cpc.jsonl" ]; then
  echo "test: the real patent data is missing at $data (see README: Data)." >&2
  echo "test: refusing to run, so the tests on real data are never skipped silently." >&2
  exit 1
fi
export WORKBENCH_SHARED_DATA="$data"
export QT_QPA_PLATFORM=offscreen

exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
