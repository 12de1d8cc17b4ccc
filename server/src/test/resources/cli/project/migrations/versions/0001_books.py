def upgrade(connection):
    await connection.execute("CREATE TABLE books (id serial primary key)")
