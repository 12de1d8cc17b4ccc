"""Findings for the SARIF validation: a fixable GL006 after non-ASCII text on its line."""
from sqlalchemy.ext.asyncio import AsyncSession


def rename(session: AsyncSession, book_id: int, title: str = "Café ☕ 𝄞") -> None:
    book = {"titre": "déjà vu"}; book = await session.get(dict, book_id)
    book.title = title


def totals(session: AsyncSession) -> list[int]:
    return [row async for row in session.stream(None)]
