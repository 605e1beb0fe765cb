"""Build DraftVerdicts directly from domain objects (no classifier needed)."""

from __future__ import annotations

import hashlib

from workbench.domain import (
    Claim,
    ClaimSet,
    ClaimVerdict,
    Draft,
    DraftVerdict,
    Evidence,
    FieldVerdict,
    IpcScore,
)


def make_verdict(
    name: str = "draft.txt",
    *,
    text: str | None = None,
    language: str = "en",
    level: str = "review",
    likelihood: float = 0.42,
    field_id: int = 5,
    claims: tuple[str, ...] = ("An unmanned aerial vehicle comprising a camera.", "The vehicle of claim 1, wherein the camera is infrared."),
    ruleset_version: str = "2024-05-01",
    model_version: str = "m-test-1",
) -> DraftVerdict:
    text = text if text is not None else f"{name}\n" + "\n".join(claims)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    draft = Draft(source_path=f"/drafts/{name}", sha256=sha, format="text", language=language, text=text, title=name.rsplit(".", 1)[0])
    cl = tuple(
        Claim(number=i + 1, text=t, independent=(i == 0), depends_on=() if i == 0 else (1,), category="apparatus")
        for i, t in enumerate(claims)
    )
    ev = Evidence(field_id=field_id, term="unmanned aerial vehicle", source="claim", start=3, end=26, weight=0.8, claim_number=1)
    fv = FieldVerdict(
        field_id=field_id, status="possible", likelihood=likelihood, name_en="Unmanned aerial vehicles",
        name_ja="無人航空機", reasons=("term matched",), evidence=(ev,), verified=False,
    )
    low = FieldVerdict(field_id=field_id + 1, status="no", likelihood=likelihood / 4, name_en="Other", name_ja="その他")
    cvs = tuple(ClaimVerdict(claim_number=c.number, fields=(fv, low), ipc=(IpcScore("B64U", 0.7, "UAV"),), evidence=(ev,)) for c in cl)
    return DraftVerdict(
        draft=draft,
        claims=ClaimSet(claims=cl, language=language),
        level=level,
        fields=(fv, low),
        ipc=(IpcScore("B64U", 0.7, "Unmanned aerial vehicles"), IpcScore("G06T 7/00", 0.2)),
        claim_verdicts=cvs,
        ruleset_version=ruleset_version,
        ruleset_checksum="abc123",
        model_version=model_version,
    )
