"""Typed failures with stable codes. A code is a check id of the catalogue where one fits, so that a failure
becomes a finding on its case rather than a crash of the batch."""
from __future__ import annotations


class ReviewError(Exception):
    """Base of every failure the pipeline reports. `code` is stable; `message` is for a reviewer."""

    code = "review.error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UnreadableDocument(ReviewError):
    """The file cannot be opened or decoded: corrupt, truncated, encrypted, empty, unsupported, too large."""

    code = "document.unreadable"


class InputFolderError(ReviewError):
    """The batch input folder itself cannot be read: the run cannot proceed."""

    code = "batch.input"


class StoreError(ReviewError):
    """The case store cannot be opened or written: the run cannot proceed."""

    code = "batch.store"
