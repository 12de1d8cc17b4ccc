# A file whose name needs percent-encoding in a URI.
def close(session):
    await session.close()
