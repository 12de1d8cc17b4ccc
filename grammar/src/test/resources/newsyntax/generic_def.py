def f[T: int, *Ts, **P](x: T) -> T: ...
async def g[T: (int, str)](*args: *Ts) -> None:
    pass
class C[T]: ...
@dec
class D[T](Base, metaclass=M):
    x: T
