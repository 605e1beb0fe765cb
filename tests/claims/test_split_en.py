"""English claim splitting, dependencies, transitions and categories.

The short claim sets here are written for the tests to pin each pattern of the
brief; accuracy on real patent text is measured by test_golden_uspto.py and
benchmarks/claims_accuracy.py.
"""

from __future__ import annotations

import pytest

from workbench.claims import split_claims
from workbench.messages import claims as N
from workbench.messages import code_of


def deps(text: str) -> dict[int, tuple[int, ...]]:
    return {c.number: c.depends_on for c in split_claims(text).claims}


BASE = "1. A widget comprising a frame.\n2. A widget comprising a lid.\n3. A widget comprising a hinge.\n"


@pytest.mark.parametrize(
    ("preamble", "expected"),
    [
        ("The widget according to claim 1", (1,)),
        ("The widget as claimed in claims 1 or 2", (1, 2)),
        ("The widget of claims 1 to 3", (1, 2, 3)),
        ("The widget of any one of claims 1-3", (1, 2, 3)),
        ("The widget of any one of claims 1\u20133", (1, 2, 3)),
        ("The widget of claim 1 or claim 2", (1, 2)),
        ("The widget of claims 1, 2 and 3", (1, 2, 3)),
        ("The widget of claims 2 through 3", (2, 3)),
        ("A widget according to any preceding claim", (1, 2, 3)),
        ("A widget as in any of the preceding claims", (1, 2, 3)),
        ("A widget as claimed in any one of the previous claims", (1, 2, 3)),
        ("The widget of claim 2", (2,)),
    ],
)
def test_dependency_forms(preamble: str, expected: tuple[int, ...]) -> None:
    cs = split_claims(BASE + f"4. {preamble}, wherein the frame is red.\n")
    claim = cs.by_number(4)
    assert claim is not None
    assert claim.depends_on == expected
    assert not claim.independent


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # inside the body, as the office marks them (<claim-ref>) in real grants
        ("A pharmaceutical composition comprising a compound of claim 1 and a carrier.", (1,)),
        ("A method of treating a patient, comprising administering the formulation of claim 3.", (3,)),
        ("A steering wheel having an airbag apparatus according to claim 2, wherein the rim is round.", (2,)),
        # at the end
        ("A method of making a widget, comprising moulding the widget as claimed in claim 1 or 2.", (1, 2)),
        # long alternative lists
        ("The widget of any of claims 1, 2, and 3, wherein the frame is red.", (1, 2, 3)),
        ("The widget of any one of claims 1 to 3.", (1, 2, 3)),
    ],
)
def test_a_reference_anywhere_in_the_claim_is_a_dependency(claim: str, expected: tuple[int, ...]) -> None:
    cs = split_claims(BASE + f"4. {claim}\n")
    assert cs.by_number(4).depends_on == expected
    assert not cs.by_number(4).independent
    assert cs.roots() == (1, 2, 3)


def test_numbers_of_amounts_after_a_reference_are_not_claims() -> None:
    cs = split_claims(BASE + "4. A rubber comprising carbon black and 10-100% by weight of the polymer of claims 1 and 2 to 3 and 90-0% by weight of natural rubber.\n")
    assert cs.by_number(4).depends_on == (1, 2, 3)
    assert not [n for n in cs.notes if getattr(n, "code", "").startswith("W20")]


def test_the_transition_opens_the_body_not_a_having_of_the_preamble() -> None:
    cs = split_claims(BASE + "4. A steering wheel having an airbag apparatus according to claim 1, wherein the rim is round.\n"
                      "5. A steering wheel having an airbag apparatus, wherein the steering wheel comprises: a rim; and a hub.\n")
    c4, c5 = cs.by_number(4), cs.by_number(5)
    assert (c4.preamble, c4.transition) == ("A steering wheel having an airbag apparatus according to claim 1", "wherein")
    assert (c5.preamble, c5.transition) == ("A steering wheel having an airbag apparatus, wherein the steering wheel", "comprises")
    assert [p.text for p in c5.parts if p.kind == "element"] == ["a rim", "a hub"]
    # a "having" right after the subject with no reference still opens the body
    c = split_claims("1. A device having a housing, wherein the housing is red.\n").claims[0]
    assert (c.preamble, c.transition) == ("A device", "having")


def test_wrong_transition_trap_including_in_the_purpose_clause() -> None:
    text = "1. A method for including a widget in a web page, the method comprising: receiving the page; and inserting the widget.\n"
    claim = split_claims(text).claims[0]
    assert claim.transition == "comprising"
    assert claim.preamble == "A method for including a widget in a web page, the method"
    assert claim.category == "method"
    elements = [p.text for p in claim.parts if p.kind == "element"]
    assert elements == ["receiving the page", "inserting the widget"]


@pytest.mark.parametrize(
    ("claim", "transition", "preamble"),
    [
        ("A composition consisting essentially of water and salt.", "consisting essentially of", "A composition"),
        ("A composition consisting of water and salt.", "consisting of", "A composition"),
        ("A device including a housing; and a lid.", "including", "A device"),
        ("A device characterized in that it floats.", "characterized in that", "A device"),
        ("A method for producing a composition comprising salt, the method comprising: mixing.", "comprising", "A method for producing a composition comprising salt, the method"),
        ("In a boat having a hull, the improvement comprising a keel.", "the improvement comprising", "In a boat having a hull"),
    ],
)
def test_transitional_phrases(claim: str, transition: str, preamble: str) -> None:
    c = split_claims("1. " + claim).claims[0]
    assert c.transition == transition
    assert c.preamble == preamble


def test_parts_offsets_point_into_the_claim_text() -> None:
    c = split_claims("1. A lamp comprising: a base; a bulb; and a shade.\n").claims[0]
    assert [p.kind for p in c.parts] == ["preamble", "transition", "element", "element", "element"]
    for p in c.parts:
        assert c.text[p.start : p.end] == p.text
    assert [p.text for p in c.parts][2:] == ["a base", "a bulb", "a shade"]


@pytest.mark.parametrize(
    ("claim", "category"),
    [
        ("A method of operating a drone, comprising flying.", "method"),
        ("A process for making steel, comprising heating.", "method"),
        ("An apparatus comprising a motor.", "apparatus"),
        ("An unmanned aerial vehicle comprising a rotor.", "apparatus"),
        ("A system for tracking, comprising a server.", "system"),
        ("A pharmaceutical composition comprising aspirin.", "composition"),
        ("A non-transitory computer-readable medium storing instructions that cause a processor to fly.", "program"),
        ("A computer program product comprising code.", "program"),
        ("Use of a compound for treating pain.", "use"),
    ],
)
def test_categories(claim: str, category: str) -> None:
    assert split_claims("1. " + claim).claims[0].category == category


def test_dependent_claim_takes_its_category_from_its_head_or_parent() -> None:
    cs = split_claims("1. A gizmo comprising a method selector.\n2. The gizmo of claim 1, wherein the selector is red.\n")
    assert cs.by_number(2).category == cs.by_number(1).category


def test_claim_text_has_no_label_headers_or_abstract() -> None:
    text = (
        "WHAT IS CLAIMED IS:\n\n1. A lamp comprising a base.\n\n2. The lamp of claim 1, wherein the\n"
        "base is heavy.\n\nABSTRACT\n\nA lamp with a heavy base.\n"
    )
    cs = split_claims(text)
    assert [c.number for c in cs.claims] == [1, 2]
    assert cs.claims[0].text == "A lamp comprising a base."
    assert cs.claims[1].text == "The lamp of claim 1, wherein the\nbase is heavy."
    for c in cs.claims:
        assert text[c.start : c.end] == c.text


def test_a_number_starting_a_wrapped_line_is_not_a_claim_label() -> None:
    text = "1. A bolt having a thread angle of\n60. degrees.\n2. The bolt of claim 1, wherein it is steel.\n"
    cs = split_claims(text)
    assert [c.number for c in cs.claims] == [1, 2]
    assert "60. degrees" in cs.claims[0].text


def test_reference_to_a_later_claim_is_ignored_with_a_note() -> None:
    cs = split_claims("1. A cup comprising a handle.\n2. The cup of claim 3, wherein it is blue.\n3. The cup of claim 2, wherein x.\n")
    assert cs.by_number(2).independent
    assert cs.by_number(3).depends_on == (2,)
    note = next(n for n in cs.notes if getattr(n, "code", None) == "W201")
    assert note.get("target") == 3 and note.get("claims") == ("2",)
    assert note.render("en") == "[E202] Claim 2 refers to claim 3, which does not precede it; the reference was ignored"


def test_reference_warnings_are_grouped_and_bounded() -> None:
    """A renumbered draft whose claims all cite later claims: a handful of lines, not a wall."""
    from workbench.claims.extract import MAX_REFERENCE_GROUPS

    text = "1. A cup.\n" + "".join(f"{i}. The cup of claim {200 + i % 9}, wherein it is blue.\n" for i in range(2, 120))
    cs = split_claims(text)
    codes = [getattr(n, "code", None) for n in cs.notes]
    assert codes.count("W202") == MAX_REFERENCE_GROUPS and codes.count("W203") == 1 and len(cs.notes) == MAX_REFERENCE_GROUPS + 1
    first = cs.notes[0]  # the most cited first: claim 202, by claims 2, 11, 20, ... (14 of them)
    assert first.get("target") == 202 and first.get("claims")[:3] == ("2", "11", "20") and first.get("claims")[-1] == "…"
    assert [n.get("target") for n in cs.notes[1:MAX_REFERENCE_GROUPS]] == [200, 201, 203, 204]
    rest = cs.notes[-1]
    assert rest.get("count") == 118 - 14 - 4 * 13
    assert all(len(n.render("en")) < 200 for n in cs.notes)
    assert "無視しました" in rest.render("ja")


def test_cancelled_claims_keep_numbering_but_are_not_claims() -> None:
    cs = split_claims("1-3. (canceled)\n4. A cup comprising a handle.\n5. (cancelled)\n6. The cup of claim 4, wherein x.\n")
    assert [(c.number, c.depends_on) for c in cs.claims] == [(4, ()), (6, (4,))]


def test_claims_on_one_line_after_the_heading() -> None:
    cs = split_claims("What is claimed is: 1. A cup comprising a handle. 2. The cup of claim 1, wherein it is blue.")
    assert [(c.number, c.depends_on) for c in cs.claims] == [(1, ()), (2, (1,))]


def test_tree_children() -> None:
    cs = split_claims(BASE + "4. The widget of claim 1, wherein x.\n5. The widget of claim 4 or 2, wherein y.\n")
    assert cs.children()[1] == (4,)
    assert cs.children()[4] == (5,)
    assert cs.children()[2] == (5,)
    assert cs.roots() == (1, 2, 3)


@pytest.mark.parametrize("text", ["", "   \n", "No claims here at all.", "\x00\x01binary\xff"])
def test_text_without_claims_gives_an_empty_set(text: str) -> None:
    assert split_claims(text).claims == ()


def test_label_on_its_own_line() -> None:
    cs = split_claims("CLAIMS\n1.\nA cup comprising a handle.\n2.\nThe cup of claim 1, wherein it is blue.\n")
    assert [(c.number, c.depends_on) for c in cs.claims] == [(1, ()), (2, (1,))]
    assert cs.claims[0].text == "A cup comprising a handle."


@pytest.mark.parametrize(
    "preamble",
    ["The cup as set forth in claim 1", "The cup as recited in claim 1", "The cup in accordance with claim 1", "The cup as defined in any one of the claims 1"],
)
def test_other_dependency_wordings(preamble: str) -> None:
    cs = split_claims(f"1. A cup comprising a handle.\n2. {preamble}, wherein it is blue.\n")
    assert cs.by_number(2).depends_on == (1,)


def test_analysis_is_thread_safe() -> None:
    from concurrent.futures import ThreadPoolExecutor

    en = BASE + "4. The widget of claims 1 to 3, wherein x.\n"
    ja = "【請求項１】\nＡを備える装置。\n【請求項２】\n請求項１に記載の装置。\n"
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda i: split_claims(en if i % 2 else ja, "en" if i % 2 else "ja"), range(40)))
    assert all(r.claims[-1].depends_on == ((1, 2, 3) if r.language == "en" else (1,)) for r in results)


def test_a_colon_deep_in_the_body_does_not_move_the_preamble() -> None:
    """The body reference stays in the body even when a later 'comprises:' exists; it names a
    later claim, so it is reported (E202) and ignored."""
    text = (
        "1. A method of cooking rice comprising heating the rice, wherein the method of claim 2 is not "
        "required and the heating comprises: boiling; and steaming.\n"
        "2. A method of serving rice, comprising plating it.\n"
    )
    cs = split_claims(text)
    assert cs.by_number(1).transition == "comprising"
    assert cs.by_number(1).independent
    assert [getattr(n, "code", None) for n in cs.notes] == ["W201"]


@pytest.mark.parametrize(
    ("claim", "transition", "preamble"),
    [
        ("A tool for driving a fastener, the tool extending in a plane and comprising: two heads.", "comprising", "A tool for driving a fastener, the tool extending in a plane and"),
        ("A method for fabricating a chuck comprising: forming vias; and curing.", "comprising", "A method for fabricating a chuck"),
        ("A method for representing information, including: defining a structure.", "including", "A method for representing information"),
        ("A method of operating a device having a screen comprising: touching it.", "comprising", "A method of operating a device having a screen"),
    ],
)
def test_more_transition_placements(claim: str, transition: str, preamble: str) -> None:
    c = split_claims("1. " + claim).claims[0]
    assert (c.transition, c.preamble) == (transition, preamble)


def test_first_claim_on_the_heading_line_and_a_claim_run_on() -> None:
    cs = split_claims("I claim: 1. A lamp comprising a base.\n2. The lamp of claim 1, wherein x. 3. The lamp of claim 2, wherein y.\n4. The lamp of claim 3, wherein z.\n")
    assert [(c.number, c.depends_on) for c in cs.claims] == [(1, ()), (2, (1,)), (3, (2,)), (4, (3,))]
    assert cs.notes == ()


def test_figure_reference_inside_a_claim_is_not_a_label() -> None:
    cs = split_claims("1. A lamp comprising a base, as in FIG. 2. The base is heavy.\n2. The lamp of claim 1, wherein x.\n")
    assert [c.number for c in cs.claims] == [1, 2]
    assert cs.claims[0].text.endswith("The base is heavy.")
