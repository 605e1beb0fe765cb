"""Language and fonts: Qt translators for the UI (English source, Japanese .qm) and a
font fallback so Japanese text renders (IPA Gothic, installed by packaging/setup.sh;
Noto Sans CJK JP is used when present)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from workbench.ui.notifications import set_ui_language

def translations_dir() -> Path:
    """The .qm folder: beside this module, or in a frozen bundle (workbench.resources)."""
    from workbench.resources import TRANSLATIONS, locate

    return locate(TRANSLATIONS)


TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"  # the source folder (.ts, .qm)
CJK_FAMILIES = ("IPAPGothic", "IPAGothic", "Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP")
IPA_FONT_FILES = (
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
)

_installed: list[QTranslator] = []


def resolve_language(setting: str, locale: QLocale | None = None) -> str:
    """'auto' follows the system locale: Japanese for a Japanese locale, else English."""
    if setting in ("en", "ja"):
        return setting
    locale = locale or QLocale.system()
    return "ja" if locale.language() == QLocale.Language.Japanese else "en"


# Qt's own strings that its Japanese translation (qtbase_ja.qm, as PySide6 ships it) does not
# have: Qt 6 renamed them ("&Look in:" for "Look in:"), so the file dialog showed them in English.
QT_SUPPLEMENT_JA: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "場所(&L):",
    ("QFileDialog", "Files of &type:"): "ファイルの種類(&T):",
    ("QAbstractFileIconProvider", "Folder"): "フォルダー",
    ("QAbstractFileIconProvider", "Drive"): "ドライブ",
    ("QAbstractFileIconProvider", "File"): "ファイル",
    ("QAbstractFileIconProvider", "%1 File"): "%1 ファイル",
    ("QAbstractFileIconProvider", "Shortcut"): "ショートカット",
}


class QtSupplement(QTranslator):
    """The few Qt strings :data:`QT_SUPPLEMENT_JA` translates; every other one falls through."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt's virtual
        return QT_SUPPLEMENT_JA.get((context, source))  # None: a null string, the next translator is asked

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own translations (qtbase_ja.qm) may be: Qt's translations path, PySide6's
    wheel folder (``PySide6/Qt/translations``), a frozen bundle's copy of either."""
    import PySide6

    found = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
             Path(PySide6.__file__).resolve().parent / "Qt" / "translations"]
    from workbench.resources import frozen_root

    root = frozen_root()
    if root is not None:
        found += [root / "PySide6" / "Qt" / "translations", root / "PySide6" / "translations"]
    return [p for p in dict.fromkeys(found) if p.is_dir()]


def install_translators(app: QCoreApplication, language: str) -> str:
    """Replace the installed translators with those for ``language`` ('auto'|'en'|'ja');
    returns the resolved language."""
    lang = resolve_language(language)
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "ja":
        ours = QTranslator(app)
        if ours.load(str(translations_dir() / "workbench_ja.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)  # Qt's own dialogs (file dialogs' "Look in:", "Files of type:", OK/Cancel)
        for folder in qt_translation_dirs():
            if qt.load(QLocale(QLocale.Language.Japanese), "qtbase", "_", str(folder)):
                app.installTranslator(qt)
                _installed.append(qt)
                break
        extra = QtSupplement(app)  # installed last, asked first: only the strings qtbase_ja lacks
        app.installTranslator(extra)
        _installed.append(extra)
    set_ui_language(lang)  # coded errors follow the UI (workbench.errors_ja)
    return lang


def cjk_family() -> str | None:
    """The first available CJK font family (loading IPA Gothic from its file if needed)."""
    families = set(QFontDatabase.families())
    for fam in CJK_FAMILIES:
        if fam in families:
            return fam
    for path in IPA_FONT_FILES:
        if Path(path).exists():
            fid = QFontDatabase.addApplicationFont(path)
            if fid >= 0:
                loaded = QFontDatabase.applicationFontFamilies(fid)
                if loaded:
                    return loaded[0]
    return None


def apply_font_fallback(app: QApplication) -> str | None:
    """Keep the platform UI font but fall back to a CJK family for Japanese glyphs."""
    fam = cjk_family()
    font = QFont(app.font())
    if fam:
        resolved = QFontInfo(font).family()  # e.g. "Sans Serif" -> "DejaVu Sans"
        base = resolved if resolved != fam else font.family()
        font.setFamilies([base, fam])
        app.setFont(font)
    return fam
