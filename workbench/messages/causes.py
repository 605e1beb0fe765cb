"""What the operating system or a library reported, as a coded cause (D0xx) in the reader's
language.

An ``OSError`` says "Permission denied", SQLite "database is locked", PyYAML "mapping values
are not allowed here": English from below the workbench. A raise site that puts such a text
into an error's placeholder passes ``cause(exc)`` instead: the cause is chosen from what the
exception *is* - its ``errno`` (``errno.EACCES``), SQLite's result code
(``sqlite_errorcode``), PostgreSQL's SQLSTATE, the exception's type - never from its words.

- Japanese: a Japanese phrase, with the symbol support looks up (``EACCES``,
  ``SQLITE_BUSY``, an SQLSTATE) where there is one.
- English (what logs and stored records keep, and ``WORKBENCH_LANG=en`` shows): the
  exception's own text exactly as the raise site passed it before (``en=``), so the audit
  copy loses nothing.

D0xx belongs to this module (the rest of the D-codes are in details.py).
"""

from __future__ import annotations

import errno as _errno
import sys
from typing import Any

from workbench.messages import Message, define, msg

_AUDIT = ("x", "sym")  # the library's own English, the error's symbol (see define)


def _cause(code: str, ja: str, en: str = "{x}", *, also: tuple[str, ...] = ()) -> str:
    return define(code, en, ja, audit=_AUDIT + also)


# -- D00x-D02x the operating system (by errno) --------------------------------------------------
D001 = _cause("D001", "オペレーティングシステムがエラーを返しました（{sym}）", en="{x} ({sym})")
D002 = _cause("D002", "アクセスする権限がありません（{sym}）")
D003 = _cause("D003", "ファイルまたはフォルダーが存在しません（{sym}）")
D004 = _cause("D004", "ファイルではなくフォルダーです（{sym}）")
D005 = _cause("D005", "パスの途中にフォルダーではないものがあります（{sym}）")
D006 = _cause("D006", "ディスクの空き容量が足りません（{sym}）")
D007 = _cause("D007", "ディスクの使用量の上限（クォータ）に達しました（{sym}）")
D008 = _cause("D008", "読み取り専用の記憶装置で、書き込めません（{sym}）")
D009 = _cause("D009", "同じ名前のファイルが既にあります（{sym}）")
D010 = _cause("D010", "ファイルが他のプログラムに使用されています（{sym}）")
D011 = _cause("D011", "同時に開けるファイルの数の上限に達しました（{sym}）")
D012 = _cause("D012", "ファイル名またはパスが長すぎます（{sym}）")
D013 = _cause("D013", "シンボリックリンクが循環しています（{sym}）")
D014 = _cause("D014", "記憶装置の読み書きに失敗しました（入出力エラー、{sym}）")
D015 = _cause("D015", "資源が一時的に使えません。少し待ってからお試しください（{sym}）")
D016 = _cause("D016", "別の記憶装置の間では移動できません（{sym}）")
D017 = _cause("D017", "オペレーティングシステムが引数を受け付けません（ファイル名に使えない文字など、{sym}）")
D018 = _cause("D018", "装置が存在しないか、接続されていません（{sym}）")
D019 = _cause("D019", "応答がなく、時間切れになりました（{sym}）")
D020 = _cause("D020", "接続を拒否されました。相手のサーバーが起動していない可能性があります（{sym}）")
D021 = _cause("D021", "相手のコンピューターまたはネットワークに到達できません（{sym}）")
D022 = _cause("D022", "接続が相手側から切断されました（{sym}）")
D023 = _cause("D023", "ファイルが大きすぎます（{sym}）")
D024 = _cause("D024", "メモリーが足りません（{sym}）")
D025 = _cause("D025", "処理が中断されました（{sym}）")
D026 = _cause("D026", "ネットワーク上のファイルの参照が無効になりました（{sym}）")
D027 = _cause("D027", "オペレーティングシステムの操作に失敗しました")

_BY_ERRNO: dict[str, str] = {
    "EACCES": D002, "EPERM": D002, "ENOENT": D003, "EISDIR": D004, "ENOTDIR": D005, "ENOSPC": D006,
    "EDQUOT": D007, "EROFS": D008, "EEXIST": D009, "EBUSY": D010, "ETXTBSY": D010, "EMFILE": D011,
    "ENFILE": D011, "ENAMETOOLONG": D012, "ELOOP": D013, "EIO": D014, "EAGAIN": D015, "EWOULDBLOCK": D015,
    "EXDEV": D016, "EINVAL": D017, "ENXIO": D018, "ENODEV": D018, "ETIMEDOUT": D019, "ECONNREFUSED": D020,
    "EHOSTUNREACH": D021, "ENETUNREACH": D021, "ENETDOWN": D021, "EHOSTDOWN": D021, "ECONNRESET": D022,
    "EPIPE": D022, "ECONNABORTED": D022, "EFBIG": D023, "ENOMEM": D024, "EINTR": D025, "ESTALE": D026,
}
ERRNO_CAUSES: dict[int, str] = {getattr(_errno, name): code for name, code in _BY_ERRNO.items() if hasattr(_errno, name)}

# -- D03x-D04x SQLite (by its result code, sqlite3.Error.sqlite_errorcode) ---------------------------
D030 = _cause("D030", "SQLite がエラーを返しました（{sym}）")
D031 = _cause("D031", "データベースが他の接続によってロックされています（{sym}）")
D032 = _cause("D032", "データベースが読み取り専用で、書き込めません（{sym}）")
D033 = _cause("D033", "ディスクの読み書きに失敗しました（{sym}）")
D034 = _cause("D034", "データベースファイルの中身が壊れています（{sym}）")
D035 = _cause("D035", "ディスクの空きが足りないか、データベースが大きさの上限に達しました（{sym}）")
D036 = _cause("D036", "データベースファイルを開けません（フォルダーがない、権限がない、など。{sym}）")
D037 = _cause("D037", "SQLite のデータベースファイルではありません（{sym}）")
D038 = _cause("D038", "データベースへのアクセスを拒否されました（{sym}）")
D039 = _cause("D039", "追記専用の記録を変更・削除しようとしたため、拒否されました（{sym}）")
D040 = _cause("D040", "記録の制約に反するため、変更を拒否しました（{sym}）")
D041 = _cause("D041", "SQLite のメモリーが足りません（{sym}）")
D042 = _cause("D042", "データベースの処理が中断されました（{sym}）")
D043 = _cause("D043", "処理中にデータベースの構造が変わりました（{sym}）")
D044 = _cause("D044", "データベースに入れる値が大きすぎます（{sym}）")
D045 = _cause("D045", "データベースの処理に失敗しました（表や列がない、など。{sym}）")
D046 = _cause("D046", "SQLite の操作に失敗しました")

_SQLITE_PRIMARY: dict[str, str] = {
    "SQLITE_BUSY": D031, "SQLITE_LOCKED": D031, "SQLITE_READONLY": D032, "SQLITE_IOERR": D033,
    "SQLITE_CORRUPT": D034, "SQLITE_FULL": D035, "SQLITE_CANTOPEN": D036, "SQLITE_NOTADB": D037,
    "SQLITE_PERM": D038, "SQLITE_AUTH": D038, "SQLITE_CONSTRAINT": D040, "SQLITE_NOMEM": D041,
    "SQLITE_INTERRUPT": D042, "SQLITE_ABORT": D042, "SQLITE_SCHEMA": D043, "SQLITE_TOOBIG": D044,
    "SQLITE_ERROR": D045, "SQLITE_PROTOCOL": D031,
}
SQLITE_CONSTRAINT_TRIGGER = 1811  # SQLITE_CONSTRAINT | (7 << 8): RAISE(ABORT, ...) in a trigger


def _sqlite_primary() -> dict[int, str]:
    import sqlite3

    return {getattr(sqlite3, name): code for name, code in _SQLITE_PRIMARY.items() if hasattr(sqlite3, name)}


# -- D05x-D06x PostgreSQL (by SQLSTATE, psycopg.Error.sqlstate) --------------------------------------
D050 = _cause("D050", "PostgreSQL サーバーがエラーを返しました（エラーコード {sym}）")
D051 = _cause("D051", "PostgreSQL サーバーに接続できないか、接続が切れました")
D052 = _cause("D052", "PostgreSQL サーバーとの接続に失敗しました（エラーコード {sym}）")
D053 = _cause("D053", "ログインの認証に失敗しました（エラーコード {sym}）")
D054 = _cause("D054", "指定したデータベースがサーバーにありません（エラーコード {sym}）")
D055 = _cause("D055", "このログインには、この操作の権限がありません（エラーコード {sym}）")
D056 = _cause("D056", "PostgreSQL サーバーが停止中、または再起動中です（エラーコード {sym}）")
D057 = _cause("D057", "サーバーの資源（ディスク・メモリー・接続数）が足りません（エラーコード {sym}）")
D058 = _cause("D058", "PostgreSQL が受け付けない値です（文字列の中のヌル文字など。エラーコード {sym}）")
D059 = _cause("D059", "同時に行われた別の処理と競合しました。もう一度お試しください（エラーコード {sym}）")
D060 = _cause("D060", "記録が他の接続によってロックされています（エラーコード {sym}）")
D061 = _cause("D061", "判定記録のトリガーが変更を拒否しました（エラーコード {sym}）")
D062 = _cause("D062", "PostgreSQL サーバーとの接続は既に閉じられています")

_SQLSTATE_EXACT = {"3D000": D054, "42501": D055, "40001": D059, "40P01": D059, "55P03": D060, "P0001": D061}
_SQLSTATE_CLASS = {"08": D052, "28": D053, "57": D056, "53": D057, "22": D058}

# -- D07x YAML (by the PyYAML error's type; the line is the error's own, the column is here) -----------
D070 = _cause("D070", "{column} 文字目で、字句（記号・引用符・字下げ）を読み取れません", en="a token cannot be read at column {column}")
D071 = _cause("D071", "{column} 文字目で、構造（字下げ・区切り・括弧の対応）が崩れています",
              en="the structure breaks at column {column}")
D072 = _cause("D072", "{column} 文字目の別名（エイリアス）またはアンカーが正しくありません",
              en="an alias or anchor is wrong at column {column}")
D073 = _cause("D073", "{column} 文字目の値を組み立てられません（未知のタグなど）", en="the value at column {column} cannot be built")
D074 = _cause("D074", "YAML に使えない文字が含まれています", en="a character YAML does not allow")
D075 = _cause("D075", "YAML の書式の誤りです", en="a YAML error")

# -- D08x-D09x file formats and the program itself (by the exception's type) ---------------------
D080 = _cause("D080", "ZIP の目録（中央ディレクトリ）が壊れているか、見つかりません")
D081 = _cause("D081", "圧縮されたデータが壊れています")
D082 = _cause("D082", "PDF の構造を読み取れません")
D083 = _cause("D083", "PDF のデータ（ストリーム）が途中で切れているか、壊れています")
D084 = _cause("D084", "ファイルが空です")
D085 = _cause("D085", "PDF の構文を解析できません")
D086 = _cause("D086", "PDF の暗号化を解除できません")
D087 = _cause("D087", "PDF の暗号化を扱う部品がインストールされていません")
D088 = _cause("D088", "PDF が読み込みの上限を超えました")
D089 = _cause("D089", "文字コードの変換に失敗しました")
D090 = _cause("D090", "JSON の書式が正しくありません（{line} 行 {column} 文字目）", also=("line", "column"))
D091 = _cause("D091", "メモリーが足りません")
D092 = _cause("D092", "入れ子が深すぎて処理できません")
D093 = _cause("D093", "必要なモジュールを読み込めません（インストールが不完全です）")
D094 = _cause("D094", "保存されたデータを復元できません（途中で切れているか、形式が違います）")
D095 = _cause("D095", "データが、プログラムの想定した形式ではありません")
D096 = _cause("D096", "XML の構文が正しくありません（{line} 行 {column} 文字目）", also=("line", "column"))
D097 = _cause("D097", "対応していない方式です")
D098 = _cause("D098", "予期しない種類のエラーです（詳細は英語の表示 'WORKBENCH_LANG=en' で確認できます）")
D099 = _cause("D099", "処理が時間切れになりました")
# what the desktop app says of an exception the core did not raise on purpose (ui/notifications.py)
D029 = define("D029", "{x}", "予期しないエラーが起きました：{cause}", audit=("x", "cause"))


def _english(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return str(exc.strerror)
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _module(name: str) -> Any:
    """A library's module if the program has loaded it (never imported here just to compare)."""
    return sys.modules.get(name)


def _is(exc: BaseException, module: str, *names: str) -> bool:
    mod = _module(module)
    return mod is not None and any(isinstance(exc, t) for t in (getattr(mod, n, None) for n in names) if isinstance(t, type))


def cause(exc: BaseException, *, en: str | None = None) -> Message:
    """``exc`` as a coded cause: Japanese chosen from what the exception is, English ``en``
    (the exception's own text when not given) kept for the audit copy."""
    x = en if en is not None else _english(exc)
    # the operating system: by errno
    if isinstance(exc, OSError) and isinstance(exc.errno, int) and exc.errno:
        sym = _errno.errorcode.get(exc.errno, str(exc.errno))
        return msg(ERRNO_CAUSES.get(exc.errno, D001), x=x, sym=sym)
    # SQLite: by its result code (Python 3.11+; without it the type still says SQLite)
    if _is(exc, "sqlite3", "Error"):
        code = getattr(exc, "sqlite_errorcode", None)
        if not isinstance(code, int):
            return msg(D046, x=x, sym="")
        sym = getattr(exc, "sqlite_errorname", None) or str(code)
        if code == SQLITE_CONSTRAINT_TRIGGER:
            return msg(D039, x=x, sym=sym)
        return msg(_sqlite_primary().get(code & 0xFF, D030), x=x, sym=sym)
    # PostgreSQL: by SQLSTATE
    if _is(exc, "psycopg", "Error"):
        state = getattr(exc, "sqlstate", None)
        if not state:
            interface = _is(exc, "psycopg", "InterfaceError")
            return msg(D062 if interface else D051, x=x, sym="")
        found = _SQLSTATE_EXACT.get(state) or _SQLSTATE_CLASS.get(state[:2], D050)
        return msg(found, x=x, sym=state)
    # YAML: by the error's type, with the column where the parser stopped
    if _is(exc, "yaml", "YAMLError"):
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        column = mark.column + 1 if mark is not None else "?"
        for module, name, code in (("yaml.scanner", "ScannerError", D070), ("yaml.parser", "ParserError", D071),
                                   ("yaml.composer", "ComposerError", D072),
                                   ("yaml.constructor", "ConstructorError", D073)):
            if _is(exc, module, name):
                return msg(code, x=x, sym="", column=column)
        if _is(exc, "yaml.reader", "ReaderError"):
            return msg(D074, x=x, sym="")
        return msg(D075, x=x, sym="")
    # PDF (pypdf), most specific first
    for name, code in (("EmptyFileError", D084), ("WrongPasswordError", D086), ("FileNotDecryptedError", D086),
                       ("DependencyError", D087), ("LimitReachedError", D088), ("PdfStreamError", D083),
                       ("ParseError", D085), ("PdfReadError", D082), ("PyPdfError", D082)):
        if _is(exc, "pypdf.errors", name):
            return msg(code, x=x, sym="")
    if _is(exc, "zipfile", "BadZipFile", "LargeZipFile"):
        return msg(D080, x=x, sym="")
    if _is(exc, "zlib", "error"):
        return msg(D081, x=x, sym="")
    if _is(exc, "json", "JSONDecodeError"):
        return msg(D090, x=x, sym="", line=getattr(exc, "lineno", "?"), column=getattr(exc, "colno", "?"))
    if _is(exc, "xml.parsers.expat", "ExpatError") or _is(exc, "xml.etree.ElementTree", "ParseError"):
        line, column = getattr(exc, "position", None) or (getattr(exc, "lineno", "?"), getattr(exc, "offset", "?"))
        return msg(D096, x=x, sym="", line=line, column=column)
    if _is(exc, "pickle", "UnpicklingError") or isinstance(exc, EOFError):
        return msg(D094, x=x, sym="")
    if _is(exc, "cryptography.exceptions", "UnsupportedAlgorithm"):
        return msg(D097, x=x, sym="")
    if isinstance(exc, UnicodeError):
        return msg(D089, x=x, sym="")
    if isinstance(exc, MemoryError):
        return msg(D091, x=x, sym="")
    if isinstance(exc, RecursionError):
        return msg(D092, x=x, sym="")
    if isinstance(exc, ImportError):
        return msg(D093, x=x, sym="")
    if isinstance(exc, TimeoutError):
        return msg(D099, x=x, sym="")
    if isinstance(exc, OSError):  # raised without an errno
        return msg(D027, x=x, sym="")
    if isinstance(exc, (KeyError, IndexError, ValueError, TypeError, AttributeError, AssertionError, LookupError)):
        return msg(D095, x=x, sym="")
    return msg(D098, x=x, sym="")
