from workbench import errors


def test_every_code_renders_with_its_code_and_path() -> None:
    for code in errors.CATALOGUE:
        exc = errors.WorkbenchError(code, path="/tmp/x.pdf")
        text = exc.render()
        assert text.startswith(f"[{code}] /tmp/x.pdf: ")
        assert exc.hint and exc.hint in text


def test_placeholders_are_filled() -> None:
    exc = errors.IngestError(errors.E107, path="scan.pdf", pages=3)
    assert "3 page(s)" in exc.message
    assert exc.to_dict()["code"] == "E107"
