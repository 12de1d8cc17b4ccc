a[*b]
a[*b, c] = 1
def f(*args: *Ts): pass
x: tuple[int, *Ts]
del a[1:2, *c]
