# GL000: a syntax error.
def broken(:
    pass
