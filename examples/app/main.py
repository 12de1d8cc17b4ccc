from contextlib import asynccontextmanager

from fastapi import FastAPI

from app.database import Base, engine
from app.routers import authors, books, catalog


@asynccontextmanager
async def lifespan(app: FastAPI):
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield
    await engine.dispose()


app = FastAPI(title="Bookshop", lifespan=lifespan)
app.include_router(books.router)
app.include_router(authors.router)
app.include_router(catalog.router)
