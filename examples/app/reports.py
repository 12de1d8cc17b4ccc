"""Sales reports, written against the reporting database with the sync driver."""
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import sessionmaker

from app.models import Book

reporting_engine = create_engine("postgresql+psycopg2://reports:reports@warehouse:5432/reports")
ReportSession = sessionmaker(bind=reporting_engine)


async def books_per_author() -> dict[int, int]:
    # GL002: a sync session inside async def: every report query blocks the event loop.
    with ReportSession() as session:
        rows = session.execute(select(Book.author_id, func.count()).group_by(Book.author_id))
        return {author_id: count for author_id, count in rows}
