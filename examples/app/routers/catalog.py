from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import contains_eager

from app.database import get_session
from app.models import Author, Book, Review
from app.schemas import AuthorRead, BookRead

router = APIRouter(prefix="/catalog", tags=["catalog"])


@router.get("/authors", response_model=list[AuthorRead])
async def list_authors(session: AsyncSession = Depends(get_session)):
    # GL105: AuthorRead lists each author's books, which this statement does not load.
    authors = (await session.scalars(select(Author).order_by(Author.name))).all()
    return authors


@router.patch("/authors/{author_id}/name")
async def rename_author(author_id: int, name: str, session: AsyncSession = Depends(get_session)):
    stmt = select(Author).join(Author.books).options(contains_eager(Author.books)).where(Author.id == author_id)
    author = (await session.scalars(stmt)).unique().one()
    author.name = name
    await session.commit()
    await session.refresh(author)
    # GL108: the refresh expired the books that contains_eager had filled in.
    return {"name": author.name, "books": [book.title for book in author.books]}


@router.get("/books/{book_id}/card")
async def book_card(book_id: int, session: AsyncSession = Depends(get_session)):
    book = await session.get(Book, book_id)
    if book is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Book not found")
    # GL101: `get` loaded the book only; its author is a lazy relationship.
    return {"title": book.title, "author": book.author.name}


@router.get("/books/{book_id}/reviews")
async def book_reviews(book_id: int, session: AsyncSession = Depends(get_session)):
    book = await session.get(Book, book_id)
    if book is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Book not found")
    # GL106: a dynamic relationship runs its query synchronously.
    best = book.reviews.order_by(Review.stars.desc()).limit(5).all()
    return [{"stars": review.stars, "text": review.text} for review in best]


@router.patch("/books/{book_id}/isbn", response_model=BookRead)
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


@router.patch("/books/{book_id}/title")
async def retitle_book(book_id: int, title: str, session: AsyncSession = Depends(get_session)):
    book = await session.get(Book, book_id)
    if book is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Book not found")
    book.title = title
    await session.commit()
    # GL109: `updated_at` is computed by the database on UPDATE; the commit expired it.
    return {"id": book.id, "title": book.title, "updated_at": book.updated_at}
