"""Country and route codes as users type them, checked against ISO 3166-1.

- Countries: ISO 3166-1 alpha-2 (``JP``), from ``classification_rules/foreign-filing/
  countries.tsv`` (packaging/make_countries.py). An alpha-3 code (``USA``, ``JPN``) is
  **accepted and stored as its alpha-2** with a note: it is unambiguous (no alpha-3 code is
  also a route code), people type it, and the log keeps one form. ``UK`` is read as ``GB``
  (ISO reserves UK for the United Kingdom). Anything else (``XX``, ``Japan``) is refused,
  with a hint when it is a country's name.
- Routes, never countries: ``EP`` (European patent, EPO), ``PCT`` (``WO`` is its WIPO code;
  both are read as ``PCT``), ``EA`` (Eurasian), ``AP`` (ARIPO), ``OA`` (OAPI).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from workbench.rules.loader import installed_rules_dir

FILE = Path("foreign-filing") / "countries.tsv"
ROUTES = {"EP": "EP", "PCT": "PCT", "WO": "PCT", "EA": "EA", "AP": "AP", "OA": "OA"}
ALIASES = {"UK": "GB"}
_SPLIT = re.compile(r"[,;\s、，]+")


@dataclass(frozen=True)
class Country:
    alpha_2: str
    alpha_3: str
    name: str
    name_ja: str


@lru_cache(maxsize=2)
def countries(path: str | None = None) -> dict[str, Country]:
    """alpha-2 -> Country, from the data file."""
    p = Path(path) if path else installed_rules_dir() / FILE
    out: dict[str, Country] = {}
    for line in p.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a2, a3, name, name_ja = line.split("\t")
        out[a2] = Country(a2, a3, name, name_ja)
    return out


@lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    return {c.alpha_3: c.alpha_2 for c in countries().values()}


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    out = {}
    for c in countries().values():
        out[c.name.upper()] = c.alpha_2
        out[unicodedata.normalize("NFKC", c.name_ja)] = c.alpha_2
    out.update({"USA": "US", "UNITED STATES OF AMERICA": "US", "ENGLAND": "GB", "BRITAIN": "GB"})
    return out


def is_country(code: str) -> bool:
    return code in countries()


def country_name(code: str, language: str = "en") -> str:
    c = countries().get(code)
    if c is None:
        return code
    return c.name_ja if language == "ja" else c.name


@dataclass(frozen=True)
class Read:
    """One token as read: ``code`` (alpha-2 or a route), or None when refused; ``note`` says
    what was converted (alpha-3, UK); ``hint`` the code a refused name probably means."""

    token: str
    code: str | None
    note: str = ""  # "alpha-3" | "alias" | ""
    hint: str | None = None


def read_code(token: str, routes: bool = False) -> Read:
    """Read one token (already upper-cased, NFKC) as a country code (or a route code)."""
    t = token.strip()
    if routes and t in ROUTES:
        return Read(token, ROUTES[t])
    if t in ALIASES:
        return Read(token, ALIASES[t], "alias")
    if len(t) == 2 and is_country(t):
        return Read(token, t)
    if len(t) == 3 and t in _alpha3():
        return Read(token, _alpha3()[t], "alpha-3")
    return Read(token, None, hint=_names().get(t))


def read_codes(text: str, routes: bool = False) -> tuple[Read, ...]:
    """Every token of a typed list ("us, in；JP、ＣＮ"): full-width and Japanese separators too."""
    toks = _SPLIT.split(unicodedata.normalize("NFKC", text or "").upper())
    return tuple(read_code(t, routes) for t in toks if t)


def parse_codes(
    values: str | Iterable[str] | None, routes: bool = False, *, wo_as_given: bool = False
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The one reading of country codes, typed ("us, in；JP、ＣＮ", "USA") or given as a list:
    (codes, de-duplicated in order; tokens that are not codes). Alpha-3 is read as its
    alpha-2, UK as GB; with ``routes`` the route codes (EP, PCT, WO read as PCT ...) too.
    ``wo_as_given`` keeps a WO given as WO (the log stores what an API caller passed)."""
    if values is None:
        return (), ()
    if isinstance(values, str):
        reads = read_codes(values, routes)
    else:
        toks = (unicodedata.normalize("NFKC", str(v)).strip().upper() for v in values if v is not None)
        reads = tuple(read_code(t, routes) for t in toks if t)
    codes, bad = [], []
    for r in reads:
        if r.code is None:
            bad.append(r.token)
        else:
            codes.append(r.token.strip() if wo_as_given and r.code == "PCT" and r.token.strip() == "WO" else r.code)
    return tuple(dict.fromkeys(codes)), tuple(bad)


HOME = "JP"  # the home country of the Act: completion there is "completed in Japan", never a place abroad


def abroad_problem(codes: Iterable[str], instead=None):
    """The one rule that Japan is not abroad: W790 when ``codes`` (places of completion
    abroad) name Japan, else None; ``instead`` (a coded message) says where Japan goes
    instead (default: W791, the choice of a place in Japan). The log refuses such a decision
    (E508); the CLI and the Decision panel ask first (``workbench.usecases.decision_problem``)."""
    from workbench.messages import M, msg

    if HOME not in tuple(codes):
        return None
    return msg(M.W790, instead=instead if instead is not None else msg(M.W791))


def refusal(bad: tuple[str, ...] | list[str], example: str = "JP,US"):
    """The coded message for tokens that are no code: a name's code when it is a name, a
    route given as a country, else the ISO 3166-1 refusal."""
    from workbench.messages import M, msg

    for tok in bad:
        r = read_code(unicodedata.normalize("NFKC", tok).upper())
        if r.hint:
            return msg(M.W702, token=tok, alpha2=r.hint)
        if r.token.upper() in ROUTES:
            return msg(M.W703, route=r.token.upper())
    return msg(M.W701, tokens=tuple(bad), example=example)


def conversions(text: str, routes: bool = False):
    """Coded notes for what was converted while reading (alpha-3 -> alpha-2)."""
    from workbench.messages import M, msg

    return tuple(msg(M.I701, token=r.token, alpha2=r.code) for r in read_codes(text, routes) if r.note == "alpha-3")
