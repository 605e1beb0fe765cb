"""Qt's own dialogs speak Japanese too: the file dialog's "Look in:" and "Files of type:"
come from qtbase_ja.qm in PySide6's translations folder, loaded with ours."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel

from workbench.ui import i18n


def test_qtbase_japanese_is_found_and_loaded(qapp):
    assert any((d / "qtbase_ja.qm").is_file() for d in i18n.qt_translation_dirs())
    try:
        assert i18n.install_translators(qapp, "ja") == "ja"
        assert any(t.filePath().endswith("qtbase_ja.qm") for t in i18n._installed)
        for text in ("Look in:", "Files of type:", "Folder", "&Open", "Cancel"):
            ctx = "QPlatformTheme" if text == "Cancel" else "QFileDialog"
            assert QCoreApplication.translate(ctx, text) != text, text
        dlg = QFileDialog(None, "x")
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = {w.objectName(): w.text() for w in dlg.findChildren(QLabel)}
        # Qt 6's own labels ("&Look in:", "Files of &type:") are not in qtbase_ja: our supplement
        assert labels["lookInLabel"] == "場所(&L):" and labels["fileTypeLabel"] == "ファイルの種類(&T):"
        assert labels["fileNameLabel"] == QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"
        from PySide6.QtWidgets import QFileIconProvider
        from PySide6.QtCore import QFileInfo

        assert QFileIconProvider().type(QFileInfo(str(Path(__file__).parent))) == "フォルダー"  # the Type column
        dlg.deleteLater()
    finally:
        i18n.install_translators(qapp, "en")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"  # English again
