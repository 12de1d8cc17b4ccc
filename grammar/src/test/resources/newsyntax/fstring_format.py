width = 10
x = 3.5
a = f"{x!r:>{width}}"
b = f"{x=}"
c = f"{x = :.2f}"
d = f"{x!s:{width}.{2}} and {{braces}}"
