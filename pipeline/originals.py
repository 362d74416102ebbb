"""Originals kept by content: every uploaded or batch file is stored once under its SHA-256, so a case's
documents can always be shown again exactly as they arrived, whatever happens to the upload folder.

    <root>/ab/cd/abcd...ef     (the file's bytes; the name is its hash)
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


class Originals:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> tuple[str, Path]:
        sha = hashlib.sha256(data).hexdigest()
        dest = self.path(sha)
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            # written beside its place and renamed: a file there is always whole
            fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".incoming-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, dest)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        return sha, dest

    def put_file(self, path: Path) -> tuple[str, Path, int]:
        data = Path(path).read_bytes()
        sha, dest = self.put(data)
        return sha, dest, len(data)

    def get(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()
