"""A field other than the top one that reaches review only through its share of the draft-level
score - no evidence term of its own, no known code - is not flagged by itself (R418), on the real
bundled drafts; a field with a term of its own still is, and the draft's level does not move."""

from __future__ import annotations

from workbench import triage
from workbench.messages import code_of
from workbench.messages import screening as S
from workbench.resources import examples_dir


def _field(v, fid):
    return next(f for f in v.fields if f.field_id == fid)


def test_the_seekers_quantum_dot_field_is_not_flagged_by_its_share_alone():
    v = triage.screen_file(examples_dir() / "draft_ja_ir_seeker.txt")
    assert v.level == "likely" and v.top_field.field_id == 3 and v.top_field.status == "possible"
    f17 = _field(v, 17)
    assert f17.likelihood >= v.thresholds.review  # its share is kept and shown
    assert not [e for e in f17.evidence if e.source != "ipc"]  # no term of its own: H01L 31/0352 at 3 % only
    assert f17.status == "no"
    codes = [code_of(r) for r in f17.reasons]
    assert S.R418 in codes and S.R402 not in codes
    # field 4 has a term of its own (飛しょう体) and keeps its status
    f4 = _field(v, 4)
    assert [e for e in f4.evidence if e.source != "ipc"] and f4.status == "possible"


def test_a_secondary_field_with_its_own_terms_stays_flagged():
    v = triage.screen_file(examples_dir() / "draft_en_underwater_vehicle.txt")
    assert v.level == "likely"
    f14 = _field(v, 14)  # sonar positioning: 'sonar', 'hydrophone' in the draft
    assert f14.likelihood >= v.thresholds.review and f14.status == "possible"
    assert S.R418 not in [code_of(r) for r in f14.reasons]


def test_a_share_only_field_becomes_flagged_again_with_a_known_code_in_it():
    v = triage.screen_file(examples_dir() / "draft_ja_ir_seeker.txt", ipc_codes=["H01L 31/0352"])
    f17 = _field(v, 17)
    assert f17.status != "no" and S.R418 not in [code_of(r) for r in f17.reasons]
