def test_read_book(session):
    assert await session.get(Book, 1) is None
