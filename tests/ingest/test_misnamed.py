"""A draft saved under the wrong extension: a Word document is a Word document whatever
its name says (as a .txt already was), and a real non-PDF named .pdf is still refused."""

from __future__ import annotations

import pytest
from docx import Document

from workbench.errors import IngestError
from workbench.ingest import read_draft


def _docx(path, text):
    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    doc.save(path)
    return path


@pytest.mark.parametrize("name", ["draft.pdf", "draft.txt", "draft"])
def test_a_word_draft_under_another_extension_is_read_as_word(tmp_path, jpo_draft, name):
    d = read_draft(_docx(tmp_path / name, jpo_draft))
    assert d.format == "docx"
    assert "【請求項１】" in d.text


def test_a_zip_that_is_not_word_named_pdf_is_still_refused(tmp_path):
    import zipfile

    p = tmp_path / "draft.pdf"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(IngestError) as ei:
        read_draft(p)
    assert ei.value.code == "E104" and ei.value.path == str(p)
