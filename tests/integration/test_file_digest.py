"""A file's digest read in chunks: the same as hashing its bytes, refused like reading it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from desktop_app.domain.errors import UserError
from desktop_app.io.file_guard import read_regular_file, sha256_of_regular_file
from desktop_app.io.table_reader import ImportRefused, file_digest, read_table


def test_the_chunked_digest_is_the_digest_of_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    # Over two chunks of 1 MiB, ending in the middle of one.
    path.write_bytes(b"Email,Name\n" + b"ann@x.example,Ann\n" * 150_000)
    data = read_regular_file(path, 10 << 20, "split it")
    assert sha256_of_regular_file(path, 10 << 20, "split it") == hashlib.sha256(data).hexdigest()
    assert file_digest(path) == read_table(path).sha256


def test_the_digest_refuses_what_reading_refuses(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="is a folder, not a file"):
        file_digest(tmp_path)
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    with pytest.raises(ImportRefused, match=r"pipe\.csv is a pipe, not a file saved on disk"):
        file_digest(pipe)
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(UserError, match=r"big\.csv is larger than .*; split it"):
        sha256_of_regular_file(big, 1024, "split it")
    with pytest.raises(ImportRefused, match=r"gone\.csv does not exist; check the file's name"):
        file_digest(tmp_path / "gone.csv")
