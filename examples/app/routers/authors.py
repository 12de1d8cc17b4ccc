from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.database import get_session
from app.models import Author

router = APIRouter(prefix="/authors", tags=["authors"])


@router.get("/by-name/{name}")
async def read_author_by_name(name: str, session: AsyncSession = Depends(get_session)):
    # GL005: a 1.x `Query` kept from the sync version of the route.
    author = session.query(Author).filter(Author.name == name).first()
    if author is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Author not found")
    return author


@router.get("/{author_id}")
async def read_author(author_id: int, session: Session = Depends(get_session)):
    # GL004: the annotation still says `Session`; get_session yields an AsyncSession.
    author = await session.get(Author, author_id)
    if author is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Author not found")
    return {"id": author.id, "name": author.name}


@router.delete("/{author_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_author(author_id: int, session: AsyncSession = Depends(get_session)):
    author = await session.get(Author, author_id)
    if author is not None:
        # GL003: without `await` the delete never happens, and the commit below commits nothing.
        session.delete(author)
        await session.commit()
