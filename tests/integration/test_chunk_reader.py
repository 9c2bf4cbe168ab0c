"""bulk.chunk_reader reads, for any chunk of ids, the rows SQLAlchemy's own execution reads."""

from __future__ import annotations

import pytest
from sqlalchemy import Integer, select

from desktop_app.bootstrap import App
from desktop_app.db.bulk import chunk_reader, one_of
from desktop_app.db.models import Registration


def test_every_chunk_reads_what_sqlalchemy_reads(demo_app: App) -> None:
    with demo_app.engine.connect() as connection:
        ids = sorted(connection.scalars(select(Registration.registrant_id).distinct()))
        statement = select(
            Registration.registrant_id, Registration.session_id, Registration.minutes
        ).where(one_of(connection, Registration.registrant_id, "people", Integer()))
        chunks = [ids[:1], ids[:4], ids[2:7], ids[1:3] + ids[1:3], [ids[0], -1], [-1]]
        with chunk_reader(connection, statement, "people", 5) as read:
            for chunk in chunks[:-2] + chunks[-1:]:
                expected = connection.execute(statement, {"people": chunk}).all()
                got = read(chunk)
                assert sorted(tuple(r) for r in got) == sorted(tuple(r) for r in expected)
            # The same chunk read twice gives the same rows (the padding is not kept).
            assert sorted(map(tuple, read(ids[:1]))) == sorted(map(tuple, read(ids[:1])))
            assert {r[0] for r in read(chunks[-2])} == {ids[0]}
            assert list(read([-1])) == []
            assert len(read(ids[:5])) > len(read(ids[:1])) > 0


def test_an_empty_or_too_long_chunk_is_refused(demo_app: App) -> None:
    with demo_app.engine.connect() as connection:
        statement = select(Registration.id).where(
            one_of(connection, Registration.registrant_id, "people", Integer())
        )
        with chunk_reader(connection, statement, "people", 3) as read:
            for wrong in ([], [1, 2, 3, 4]):
                with pytest.raises(ValueError, match="between 1 and 3"):
                    read(wrong)
            expected = connection.execute(statement, {"people": [1, 2, 3]}).all()
            assert sorted(tuple(r) for r in read([1, 2, 3])) == sorted(tuple(r) for r in expected)
