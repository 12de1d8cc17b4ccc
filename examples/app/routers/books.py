from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_session
from app.models import Book, Review
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


@router.patch("/{book_id}/isbn", response_model=BookRead)
async def change_isbn(book_id: int, isbn: str, session: AsyncSession = Depends(get_session)):
    book = await session.get(Book, book_id)
    if book is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Book not found")
    book.isbn = isbn
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        # GL102: the rollback expired `book`; reading its title for the message reloads it.
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail=f"{book.title}: ISBN {isbn} is taken")
    return book


@router.get("/{book_id}/card")
async def book_card(book_id: int, session: AsyncSession = Depends(get_session)):
    book = await session.get(Book, book_id)
    if book is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Book not found")
    # GL101: `get` loaded the book only; its author is a lazy relationship.
    return {"title": book.title, "author": book.author.name}


@router.get("/{book_id}/reviews")
async def book_reviews(book_id: int, session: AsyncSession = Depends(get_session)):
    book = await session.get(Book, book_id)
    if book is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Book not found")
    # GL106: a dynamic relationship runs its query synchronously.
    best = book.reviews.order_by(Review.stars.desc()).limit(5).all()
    return [{"stars": review.stars, "text": review.text} for review in best]


@router.patch("/{book_id}/title")
async def retitle_book(book_id: int, title: str, session: AsyncSession = Depends(get_session)):
    book = await session.get(Book, book_id)
    if book is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Book not found")
    book.title = title
    await session.commit()
    # GL109: `updated_at` is computed by the database on UPDATE; the commit expired it.
    return {"id": book.id, "title": book.title, "updated_at": book.updated_at}
