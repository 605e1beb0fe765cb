"""Every error the workbench raises, each with a code and an actionable message.

One catalogue, in the spirit of ``spacy/errors.py``: logs, the CLI and the GUI
cite the code (``[E101]``) so support can find the cause. Each exception carries
what a user interface needs to show it: the file, the page or line, and what the
user can do about it.

Code ranges (add new codes in the range of your area, never reuse one):

- E1xx  ingest: reading files into a Draft
- E2xx  claims: finding and splitting claims
- E3xx  IPC codes and rule sets
- E4xx  classification models
- E5xx  the triage log (database)
- E6xx  exports
- E8xx  batch screening, re-screening, parallel and cluster runs
- E9xx  settings, usage and anything else
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ErrorSpec:
    code: str
    message: str  # may use {placeholders} filled from the raise site
    hint: str  # what the user can do


CATALOGUE: dict[str, ErrorSpec] = {}


def _spec(code: str, message: str, hint: str) -> str:
    if code in CATALOGUE:  # pragma: no cover - programming error caught by tests
        raise RuntimeError(f"duplicate error code {code}")
    CATALOGUE[code] = ErrorSpec(code, message, hint)
    return code


# -- E1xx ingest -------------------------------------------------------------
E101 = _spec("E101", "The file does not exist or cannot be read", "Check the path and your permission to read it.")
E102 = _spec("E102", "The file is empty", "Save the draft again from your editor and retry.")
E103 = _spec("E103", "Unsupported file type '{suffix}'", "Save the draft as PDF, DOCX, TXT or Markdown.")
E104 = _spec("E104", "The PDF is damaged or truncated ({detail})", "Export the PDF again from the source document.")
E105 = _spec("E105", "The PDF is encrypted", "Give the password (--password / the password dialog), or save an unprotected copy.")
E106 = _spec("E106", "The PDF password is wrong", "Check the password with the person who protected the file.")
E107 = _spec(
    "E107",
    "The PDF has no text layer (it looks scanned: {pages} page(s) without text)",
    "Run OCR on it (e.g. in your PDF editor) or use the DOCX/text source of the draft.",
)
E108 = _spec("E108", "The DOCX file is not a Word document ({detail})", "Open it in Word and save it again as .docx.")
E109 = _spec(
    "E109",
    "The text encoding could not be determined (tried {tried})",
    "Save the file as UTF-8 (or Shift_JIS for JPO drafts) and retry.",
)
E110 = _spec(
    "E110",
    "The file looks binary, not text",
    "This is not a text draft; check that the right file was chosen.",
)
E111 = _spec(
    "E111",
    "The file is too large ({size} > limit {limit})",
    "Split the document, or raise the limit in Settings if it really is one draft.",
)
E112 = _spec(
    "E112",
    "Reading the file needed more than {seconds} s of processor time",
    "No real draft needs that much work to read; the file is damaged, huge or built to slow readers down. "
    "Export it again from its source (or save it as DOCX or text) and retry.",
)
E113 = _spec("E113", "The document has no readable text", "Check that the file contains the draft text.")
E114 = _spec("E114", "The USPTO XML file could not be parsed ({detail})", "Check that the file is a complete USPTO publication XML.")
E115 = _spec(
    "E115",
    "The file is nested too deeply ({depth} levels, limit {limit})",
    "No real draft nests its elements this deep; check where the file came from and ask for the draft again.",
)
E116 = _spec(
    "E116",
    "This is not a regular file ({kind})",
    "Give the draft file itself: folders, devices, pipes (FIFOs), sockets and symbolic-link loops are not read.",
)
E117 = _spec(
    "E117",
    "Reading the file failed unexpectedly ({detail})",
    "The file is damaged or built to attack readers; ask for the draft again, and report it if it repeats.",
)

E118 = _spec(
    "E118",
    "Reading the file did not finish within {seconds} s (it used {cpu} s of processor time: it was waiting, not working)",
    "The file may be on a slow or unreachable drive or network share, or the computer is overloaded; "
    "copy the file to a local folder and retry, or retry when the computer is less busy.",
)

# -- E2xx claims ---------------------------------------------------------------
E201 = _spec(
    "E201",
    "No claims section was found",
    "Mark the claims with 'What is claimed is:' / 'Claims' or 【特許請求の範囲】/【請求項１】.",
)
E202 = _spec("E202", "Claim {number} refers to claim {target}, which does not precede it", "Check the claim numbering of the draft.")
E203 = _spec("E203", "The Japanese language pipeline is not available ({detail})", "Reinstall the workbench (SudachiPy and its dictionary are required).")

# -- E3xx IPC codes and rule sets ----------------------------------------------
E301 = _spec("E301", "'{symbol}' is not a valid IPC symbol", "Write it like 'F41H 3/00', 'F41H3/00' or 'F41H0003000000'.")
E302 = _spec("E302", "The rule file cannot be parsed: {detail}", "Fix the YAML/JSON syntax at that line.")
E303 = _spec("E303", "The rule set does not match its schema: {detail}", "Fix the entry named; see classification_rules/README.md.")
E304 = _spec("E304", "Field id {field_id} is defined twice", "Give each field a unique id.")
E305 = _spec("E305", "No rule set named '{name}' was found", "Check the rule-set name or the user rules folder in Settings.")
E306 = _spec("E306", "The IPC range '{text}' is not valid: {detail}", "Write ranges like 'G21C 19/42-19/50' within one main group family.")
E307 = _spec("E307", "The user rules folder cannot be read ({detail})", "Check the folder in Settings or --rules-dir; remove it there to use the installed rules only.")

# -- E4xx models ---------------------------------------------------------------
E401 = _spec("E401", "The model file is missing", "Reinstall the workbench or rebuild it with 'workbench model train'.")
E402 = _spec(
    "E402",
    "The model file does not match its card (hash {actual}, expected {expected})",
    "The file was changed or damaged; restore it or rebuild it with 'workbench model train'.",
)
E403 = _spec("E403", "The model card is missing or unreadable", "Rebuild the model with 'workbench model train'.")
E404 = _spec("E404", "Training data is missing: {detail}", "Check that ../shared/data (or --data) holds the data files.")
E405 = _spec("E405", "The model was not saved: the new model scores worse on held-out data ({detail})", "Keep the current model; review the annotations used for training.")
E406 = _spec(
    "E406",
    "The model file matches its card (hash {sha}) but cannot be loaded ({detail})",
    "Reinstall the workbench or rebuild the model with 'workbench model train'.",
)

# -- E5xx the triage log -------------------------------------------------------
E501 = _spec("E501", "The triage log database is damaged ({detail})", "Open a backup or start a new log file; the damaged file is left untouched.")
E502 = _spec("E502", "The triage log is locked by another program", "Close the other program (or wait) and retry.")
E503 = _spec(
    "E503",
    "The triage log was written by a newer version (schema {found} > {supported})",
    "Update the workbench before opening this log.",
)
E504 = _spec("E504", "The triage log history is broken at event {event_id}: {detail}", "Restore the log from a backup; report the incident to your IP manager.")
E505 = _spec("E505", "The triage log is append-only: {detail}", "Record a correcting event instead of changing or deleting one.")
E506 = _spec("E506", "A decision needs a rationale", "Write why the decision was taken.")
E507 = _spec("E507", "No draft with id or hash '{ref}' is in the log", "List the drafts with 'workbench log list'.")
E508 = _spec("E508", "'{value}' is not a valid {what}", "Use one of: {allowed}.")
E509 = _spec("E509", "The triage log cannot be created at {detail}", "Choose a folder you can write to (--db or Settings).")
E510 = _spec("E510", "The hash prefix '{ref}' matches more than one draft", "Give more characters of the hash, or the draft id.")
E511 = _spec("E511", "The triage log could not be written ({detail})", "Free disk space or check the storage, then retry; nothing of this change was recorded.")
E512 = _spec("E512", "There is no triage log at this path", "Check the path given with --db; a new log is created when drafts are first screened into it (workbench triage --db PATH).")
E513 = _spec("E513", "The backup cannot be written ({detail})", "Give another file name with --out, in a folder you can write to; a backup never overwrites a file.")
# (E530-E539: schema check, signed checkpoints - hostile-input work)
E530 = _spec(
    "E530",
    "The triage log's structure is not the one the workbench made: {detail}",
    "Someone changed the database outside the workbench (tables or append-only triggers); restore it from a backup and report the incident to your IP manager.",
)
E531 = _spec("E531", "The checkpoint cannot be read ({detail})", "Give a checkpoint file written by 'workbench log checkpoint', or an export of the log.")
E532 = _spec("E532", "The checkpoint's signature is not valid: {detail}", "Use an unaltered checkpoint signed by your key or a key you trust (--trust FILE.pub).")
E533 = _spec("E533", "The signing key cannot be used ({detail})", "Check the key file (--key or $WORKBENCH_SIGNING_KEY); a new personal key is created when none exists.")
E534 = _spec(
    "E534",
    "The triage log does not match the checkpoint of event {event_id} ({at}): {detail}",
    "Restore the log from a backup taken before the change; report the incident to your IP manager.",
)

# E550-E569: the team log (sign-off on risky decisions, roles, the PostgreSQL backend)
E550 = _spec(
    "E550",
    "This decision goes against {risks}: it needs an override reason",
    "Write why the draft may still be filed abroad (--override-reason / the Override reason field); a manager must then approve it.",
)
E551 = _spec("E551", "The current decision of draft {draft_id} has no override to approve", "Only a decision recorded with an override reason needs a manager's approval.")
E552 = _spec("E552", "The override of draft {draft_id} is already approved (by {who} at {at})", "Nothing to do; a new decision would need its own approval.")
E553 = _spec(
    "E553",
    "An override cannot be approved by the person who decided it ({who})",
    "Ask another manager to approve it: sign-off needs a second person.",
)

E554 = _spec(
    "E554",
    "Your login to the team log may not do this ({detail})",
    "Each role does its own part: staff screen, attorneys annotate, managers decide, approve and export. "
    "Ask the team log's administrator for the role you need (workbench log setup-team URL --user LOGIN=ROLE).",
)
E555 = _spec(
    "E555",
    "The team log server cannot be reached ({detail})",
    "Check that the PostgreSQL server is running and reachable, then retry; a change that was not confirmed was not recorded.",
)
E556 = _spec(
    "E556",
    "This database holds no team log yet",
    "Have the administrator create it with 'workbench log setup-team URL', or check the database named in the URL.",
)
E557 = _spec(
    "E557",
    "A team log is backed up on its server, not by the workbench",
    "Ask the administrator to back up the database (pg_dump); export the decisions with 'workbench log export' for a record.",
)
E558 = _spec(
    "E558",
    "The team log already holds {events} event(s): a local log can only be copied into an empty one",
    "Create a new, empty team log (workbench log setup-team URL on a new database) and copy into that.",
)
E559 = _spec(
    "E559",
    "The log cannot be copied: {detail}",
    "Nothing was copied. Repair or restore the local log first (workbench log verify), then retry.",
)

# -- E6xx exports --------------------------------------------------------------
E601 = _spec("E601", "The export file cannot be written ({detail})", "Choose another folder or close the file if it is open elsewhere.")
E602 = _spec("E602", "No CJK font was found for the PDF report", "Install a Japanese font (packaging/setup.sh installs IPA Gothic).")
E603 = _spec("E603", "Unknown export format '{fmt}'", "Use csv, xlsx, pdf or json.")


# -- E8xx batch screening, re-screening, clusters ------------------------------------
E801 = _spec(
    "E801",
    "The Dask scheduler {address} cannot be reached ({detail})",
    "Check that the scheduler runs and the address (tcp://host:port); without --scheduler the batch runs on this machine.",
)
E802 = _spec(
    "E802",
    "Dask is not installed, so --scheduler cannot be used ({detail})",
    "Install the cluster extra (pip install 'patent-triage-workbench[cluster]'), or screen on this machine without --scheduler.",
)
E803 = _spec(
    "E803",
    "A worker screened with other rules or another model ({detail})",
    "Install the same workbench, rules and model on every worker; this verdict was not recorded.",
)
E804 = _spec(
    "E804",
    "The file changed while the batch ran (hash {expected} when listed, {found} when read)",
    "Screen the file again once it is saved; nothing was recorded for it.",
)
E805 = _spec(
    "E805",
    "The file of stored draft {draft_id} is missing or changed since it was screened ({detail})",
    "Give the folder where the file is now with --from DIR (it is found by its hash); its stored verdicts are kept.",
)

# -- E9xx settings and usage ---------------------------------------------------
E901 = _spec("E901", "Invalid setting {name}={value}: {detail}", "Fix the setting in Settings or on the command line.")
E902 = _spec("E902", "Operation cancelled", "Nothing was recorded for the unfinished item.")
E903 = _spec(
    "E903",
    "The screening process stopped unexpectedly (exit code {exit_code})",
    "Drafts already screened are recorded; screen the rest again, and report it if it repeats.",
)
E904 = _spec("E904", "Screening failed unexpectedly: {detail}", "Your recorded work is kept; please report this with the file being screened.")
E905 = _spec(
    "E905",
    "The command failed unexpectedly: {detail}",
    "Your recorded work is kept; please report this with the file {report}, which holds what support needs.",
)


class WorkbenchError(Exception):
    """Base of every error the workbench raises on purpose.

    ``code`` names an entry of :data:`CATALOGUE`; ``path``, ``line`` and
    ``page`` say where; keyword ``details`` fill the message placeholders.
    """

    def __init__(
        self,
        code: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        page: int | None = None,
        **details: object,
    ) -> None:
        spec = CATALOGUE[code]
        self.code = code
        self.path = str(path) if path is not None else None
        self.line = line
        self.page = page
        self.details: dict[str, Any] = details  # the placeholders' values (coded details, names, numbers)
        try:
            self.message = spec.message.format(**details)
        except (KeyError, IndexError):
            self.message = spec.message
        try:
            self.hint = spec.hint.format(**details)
        except (KeyError, IndexError):
            self.hint = spec.hint
        if details.get("also") is not None:  # a coded addition to the hint (see extend_hint)
            self.hint = f"{self.hint} {details['also']}"
        super().__init__(self.render())

    def extend_hint(self, also: object) -> "WorkbenchError":
        """Add a coded message to the hint (``msg(M.D318, n=2)``: "(2 more problem(s)...)");
        it is kept in ``details['also']`` so every language renders it from its code."""
        base = self.hint
        if self.details.get("also") is not None:
            base = base[: len(base) - len(str(self.details["also"])) - 1]
        self.details["also"] = also
        self.hint = f"{base} {also}"
        self.args = (self.render(),)
        return self

    def where(self) -> str:
        parts = []
        if self.path:
            from workbench.text import shown_name

            parts.append(shown_name(self.path))  # a newline or an RTL mark in a name shown as an escape
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.page is not None:
            parts.append(f"page {self.page}")
        return ", ".join(parts)

    def render(self) -> str:
        where = self.where()
        prefix = f"[{self.code}] " + (f"{where}: " if where else "")
        return f"{prefix}{self.message}. {self.hint}"

    def render_in(self, lang: str = "en") -> str:
        """What the user reads in ``lang`` ('en' | 'ja', see ``workbench/errors_ja.py``);
        ``render()`` (English) stays what logs and records keep."""
        from workbench.errors_ja import render_error

        return render_error(self.code, lang=lang, path=self.path, line=self.line, page=self.page,
                            details=self.details, message=self.message, hint=self.hint)

    def __reduce__(self):
        """Coded errors pickle as what they are (class, code, where, details, hint), so they
        cross a process boundary (the GUI's screening process, joblib workers) whole."""
        return (_rebuild_error, (type(self), self.code, self.path, self.line, self.page, self.details, self.hint))

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "path": self.path,
            "line": self.line,
            "page": self.page,
            "message": self.message,
            "hint": self.hint,
        }


def _rebuild_error(cls: type[WorkbenchError], code: str, path: str | None, line: int | None, page: int | None,
                   details: dict[str, Any], hint: str) -> WorkbenchError:
    """The unpickling side of :meth:`WorkbenchError.__reduce__`."""
    exc = cls.__new__(cls)
    WorkbenchError.__init__(exc, code, path=path, line=line, page=page, **details)
    if hint != exc.hint:  # a hint extended after the error was raised
        exc.hint = hint
        exc.args = (exc.render(),)
    return exc


class IngestError(WorkbenchError):
    """A draft file could not be read."""


class ClaimsError(WorkbenchError):
    """Claims could not be found or split."""


class IpcError(WorkbenchError):
    """An IPC symbol or range is malformed."""


class RulesError(WorkbenchError):
    """A rule set is malformed or missing; the engine never runs half-loaded."""


class ModelError(WorkbenchError):
    """A model file is missing, tampered with, or cannot be trained."""


class StoreError(WorkbenchError):
    """The triage log cannot be opened, is damaged, or refused a change."""


class ExportError(WorkbenchError):
    """An export could not be written."""


class BatchError(WorkbenchError):
    """A batch, re-screen or cluster run could not screen or record a draft as asked."""


class SettingsError(WorkbenchError):
    """A setting or a command-line value is invalid."""


class Cancelled(WorkbenchError):
    """Long work was cancelled by the user."""

    def __init__(self) -> None:
        super().__init__(E902)
