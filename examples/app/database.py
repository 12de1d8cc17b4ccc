from collections.abc import AsyncIterator

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase

from app.config import settings

engine = create_async_engine(settings.database_url, echo=settings.echo_sql, pool_pre_ping=True)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)

replica_engine = create_async_engine(settings.replica_url, pool_pre_ping=True)
ReplicaSession = async_sessionmaker(replica_engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


async def get_session() -> AsyncIterator[AsyncSession]:
    async with SessionLocal() as session:
        yield session
