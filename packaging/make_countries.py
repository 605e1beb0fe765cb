"""Write classification_rules/foreign-filing/countries.tsv: the ISO 3166-1 country list
(alpha-2, alpha-3, English short name, Japanese name) from Debian's iso-codes package
(/usr/share/iso-codes/json/iso_3166-1.json and its Japanese gettext catalogue), the same
data pycountry ships. Run when iso-codes publishes a change:

    python3 packaging/make_countries.py

A data file rather than a dependency: the product needs 249 codes and their names, read
offline; the list changes a few times a decade, and a diff of this file shows each change.
"""

from __future__ import annotations

import gettext
import json
import subprocess
from pathlib import Path

SRC = Path("/usr/share/iso-codes/json/iso_3166-1.json")
# Japanese names as Japanese IP departments write them, where the catalogue differs.
JA_NAMES = {"TW": "台湾", "KR": "韓国"}
OUT = Path(__file__).resolve().parents[1] / "classification_rules" / "foreign-filing" / "countries.tsv"


def main() -> int:
    data = json.loads(SRC.read_text(encoding="utf-8"))["3166-1"]
    ja = gettext.translation("iso_3166-1", "/usr/share/locale", ["ja"], fallback=True)
    try:
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"], capture_output=True,
                                 text=True, check=False).stdout.strip() or "unknown"
    except OSError:
        version = "unknown"
    lines = [
        f"# ISO 3166-1 countries from Debian iso-codes {version} (packaging/make_countries.py).",
        "# alpha_2\talpha_3\tname\tname_ja",
    ]
    for c in sorted(data, key=lambda c: c["alpha_2"]):
        name = c.get("common_name") or c["name"]
        lines.append("\t".join((c["alpha_2"], c["alpha_3"], name, JA_NAMES.get(c["alpha_2"], ja.gettext(c["name"])))))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data)} countries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
