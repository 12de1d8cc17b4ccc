"""Nightly maintenance, run by the scheduler: `python -m app.maintenance`."""
import asyncio

from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import sessionmaker

from app.database import Base, SessionLocal, engine
from app.models import Author, Book

# GL103: a sync sessionmaker on the async engine: `async with AuditSession()` raises TypeError,
# and a plain `AuditSession()` fails at its first query (AsyncContextNotStarted).
AuditSession = sessionmaker(bind=engine, expire_on_commit=False)


async def missing_tables() -> set[str]:
    # GL104: inspect() takes no AsyncEngine (NoInspectionAvailable); use conn.run_sync.
    inspector = inspect(engine)
    return set(Base.metadata.tables) - set(inspector.get_table_names())


async def normalise_title(session: AsyncSession, book_id: int) -> None:
    book = await session.get(Book, book_id)
    book.title = " ".join(book.title.split())
    await session.flush()


async def normalise_titles() -> None:
    async with SessionLocal() as session:
        book_ids = (await session.scalars(select(Book.id))).all()
        # GL107: every coroutine flushes the one shared session at the same time.
        await asyncio.gather(*(normalise_title(session, book_id) for book_id in book_ids))
        await session.commit()


async def authors_without_books() -> list[str]:
    async with AuditSession() as session:
        return list(await session.scalars(select(Author.name).where(~Author.books.any())))


async def main() -> None:
    print("missing tables:", await missing_tables() or "none")
    await normalise_titles()
    print("authors without books:", await authors_without_books())


if __name__ == "__main__":
    asyncio.run(main())
