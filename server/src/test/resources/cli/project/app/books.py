from fastapi import APIRouter, Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_session
from app.models import Book

router = APIRouter(prefix="/books")


def find_by_isbn(session: AsyncSession, isbn: str) -> Book | None:
    return await session.scalar(select(Book).where(Book.isbn == isbn))


@router.get("/{book_id}")
def read_book(book_id: int, session: AsyncSession = Depends(get_session)):
    book = await session.get(Book, book_id)
    return {"id": book.id, "title": book.title, "café": "☕"}
