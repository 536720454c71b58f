"""Named exceptions. Library code raises these; only the CLI prints them."""

from __future__ import annotations


class PlanpipeError(Exception):
    """Base class: a problem the user can fix. `str(err)` is the whole message."""

    def __init__(self, message: str, *, path: str | None = None, page: int | None = None):
        self.path = path
        self.page = page
        self.message = message
        super().__init__(self.format())

    def format(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}: "
        if self.page is not None:
            where += f"page {self.page}: "
        return where + self.message


class NotAPdfError(PlanpipeError):
    pass


class EncryptedPdfError(PlanpipeError):
    @classmethod
    def needs_password(cls, path: object, password: str | None) -> EncryptedPdfError:
        """A PDF that will not open without its password, in the same words whichever reader found it:
        none was given (say how to give it) or the one given is wrong (say to check it)."""
        if password:
            return cls("the password given does not open this encrypted PDF; check it with the publisher", path=str(path))
        return cls("the PDF is encrypted; pass its password with --password", path=str(path))


class NoTextLayerError(PlanpipeError):
    pass


class NoActionTableError(PlanpipeError):
    # The tables seen in the file and how their headings were read (pipeline.explain), for --explain.
    tables_seen: list[dict] | None = None


class ChecksumMismatchError(PlanpipeError):
    pass


class SourceError(PlanpipeError):
    """A registry entry (sources/*.toml) is missing a field or names a missing file."""


class SchemaError(PlanpipeError):
    pass


class OptionError(PlanpipeError):
    """A command-line option has a value planpipe cannot use (the user's option, not the PDF)."""


class OutputError(PlanpipeError):
    """The output folder or the disk refused a write (not the PDF's fault)."""


class LimitExceeded(PlanpipeError):
    """A file needed more than its time budget or memory limit; the message names the option to raise."""


class InputFileError(PlanpipeError):
    """A Parquet or report file given to `summary` or `diff` is not what planpipe wrote, or not one set."""
