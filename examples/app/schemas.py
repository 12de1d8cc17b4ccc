from pydantic import BaseModel, ConfigDict


class BookCreate(BaseModel):
    title: str
    isbn: str
    author_id: int


class BookRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    isbn: str
    author_id: int


class BookTitle(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str


class AuthorRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    books: list[BookTitle]
