"""Hashed features: what the text normalisation keeps and joins."""

from workbench.classify.features import Featurizer


def test_a_pdf_line_wrap_inside_japanese_words_does_not_change_the_features():
    f = Featurizer()
    whole = "無人航空機の赤外線受光素子であって、量子ドットを備える"
    wrapped = "無人航\n空機の赤外線受光素子であって、量子ド \r\n ットを備える"
    assert (f.transform([whole]) != f.transform([wrapped])).nnz == 0
    # a blank line (a paragraph), and a break between English words, still separate
    assert (f.transform(["無人航空機"]) != f.transform(["無人航\n\n空機"])).nnz > 0
    assert (f.transform(["guided missile"]) != f.transform(["guided\nmissile"])).nnz == 0  # whitespace either way
    assert (f.transform(["guidedmissile"]) != f.transform(["guided\nmissile"])).nnz > 0  # not joined
