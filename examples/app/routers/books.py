from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_session
from app.models import Book
from app.schemas import BookCreate, BookRead

router = APIRouter(prefix="/books", tags=["books"])


@router.get("/", response_model=list[BookRead])
async def list_books(limit: int = 50, session: AsyncSession = Depends(get_session)):
    result = await session.scalars(select(Book).order_by(Book.title).limit(limit))
    return result.all()


@router.get("/{book_id}", response_model=BookRead)
def read_book(book_id: int, session: AsyncSession = Depends(get_session)):
    # GL006: the route was ported from a sync Session; the `await` came along, the `async` did not.
    book = await session.get(Book, book_id)
    if book is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Book not found")
    return book


@router.post("/", response_model=BookRead, status_code=status.HTTP_201_CREATED)
async def create_book(payload: BookCreate, session: AsyncSession = Depends(get_session)):
    book = Book(**payload.model_dump())
    session.add(book)
    await session.commit()
    return book
