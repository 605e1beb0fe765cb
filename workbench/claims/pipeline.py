"""The spaCy pipelines behind claim analysis: one lazy accessor per language.

English: ``spacy.blank("en")`` + the rule components of ``components_en``.
Japanese: ``spacy.blank("ja")`` (SudachiPy + sudachidict_core, spaCy's native
Japanese tokenizer) + the rule components of ``components_ja``. GiNZA is not
needed: the components only use Sudachi's part-of-speech tags. Nothing loads
at import time; each pipeline is built once, on first use, thread-safely.
"""

from __future__ import annotations

import threading

from workbench.errors import E203, ClaimsError
from workbench.messages.causes import cause

_PIPELINES: dict[str, object] = {}
_LOCK = threading.Lock()
_RUN_LOCKS = {"en": threading.Lock(), "ja": threading.Lock()}  # the Sudachi tokenizer is not re-entrant

EN_COMPONENTS = ("workbench_claim_transition_v1", "workbench_claim_references_v1", "workbench_claim_category_v1")
JA_COMPONENTS = ("workbench_claim_parts_ja_v1", "workbench_claim_references_ja_v1", "workbench_claim_category_ja_v1")

# SudachiPy refuses inputs over 49,149 bytes; longer claims are analysed as one token.
SUDACHI_MAX_BYTES = 40_000
# An English claim longer than this (no real claim is) is analysed on its first
# MAX_EN_CHARS characters: the preamble and transition are at the start.
MAX_EN_CHARS = 100_000


def _build(language: str):
    import spacy

    if language == "en":
        from workbench.claims import components_en  # noqa: F401  (registers the components)

        nlp = spacy.blank("en")
        names = EN_COMPONENTS
    elif language == "ja":
        from workbench.claims import components_ja  # noqa: F401

        try:
            nlp = spacy.blank("ja")
        except Exception as exc:  # ImportError / missing dictionary: say what to do
            raise ClaimsError(E203, detail=cause(exc, en=f"{type(exc).__name__}: {exc}")) from exc
        names = JA_COMPONENTS
    else:
        raise ValueError(f"unsupported claim language {language!r}")
    for name in names:
        nlp.add_pipe(name)
    return nlp


def get_pipeline(language: str):
    """The claim-analysis pipeline of ``language`` ("en" or "ja"), built once."""
    nlp = _PIPELINES.get(language)
    if nlp is None:
        with _LOCK:
            nlp = _PIPELINES.get(language)
            if nlp is None:
                nlp = _PIPELINES[language] = _build(language)
    return nlp


def analyse(nlp, text: str):
    """Run ``nlp`` over one claim's text; returns the Doc."""
    from spacy.tokens import Doc

    with _RUN_LOCKS.get(nlp.lang, _LOCK):
        if nlp.lang == "ja" and len(text.encode("utf-8")) > SUDACHI_MAX_BYTES:
            doc = Doc(nlp.vocab, words=[text], spaces=[False])
            doc.user_data["workbench.text"] = text
        elif len(text) > MAX_EN_CHARS:
            doc = nlp.make_doc(text[:MAX_EN_CHARS])
            doc.user_data["workbench.truncated"] = len(text)
            doc.user_data["workbench.text"] = text[:MAX_EN_CHARS]
        else:
            doc = nlp.make_doc(text)
            doc.user_data["workbench.text"] = text  # Doc.text rebuilds it from the tokens on every call
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
    return doc
