"""Seeds a development database: `python -m app.scripts.seed`."""
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.config import settings
from app.models import Author, Book

# GL001: the application's URL names asyncpg; a sync engine cannot drive it (MissingGreenlet).
engine = create_engine(settings.database_url)


def main() -> None:
    with Session(engine) as session:
        author = Author(name="Ursula K. Le Guin")
        session.add(author)
        session.add(Book(title="The Dispossessed", isbn="9780060512750", author=author))
        session.commit()


if __name__ == "__main__":
    main()
