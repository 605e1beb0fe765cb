"""Sensitive-field rule sets as validated data, and the engine that matches them.

    rs = load_ruleset()                       # or get_ruleset() for the shared cached one
    rs.match(["F41H 3/02"], terms=[(1, "stealth")], answers=AdditionalAnswers())
    rs.find_terms("A stealth coating ...", "en")
"""

from workbench.rules.loader import (
    DEFAULT_RULESET,
    check_file,
    check_path,
    get_ruleset,
    installed_rules_dir,
    load_ruleset,
)
from workbench.rules.model import (
    AdditionalRequirement,
    FieldRule,
    IpcEntry,
    IpcPart,
    Limitation,
    RuleSetInfo,
    TermCondition,
    TermHit,
)
from workbench.rules.ruleset import RuleSet

__all__ = [
    "DEFAULT_RULESET",
    "AdditionalRequirement",
    "FieldRule",
    "IpcEntry",
    "IpcPart",
    "Limitation",
    "RuleSet",
    "RuleSetInfo",
    "TermCondition",
    "TermHit",
    "check_file",
    "check_path",
    "get_ruleset",
    "installed_rules_dir",
    "load_ruleset",
]
