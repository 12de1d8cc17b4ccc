def f[T = int](): pass
class C[T: str = "a", *Ts = *tuple[int], **P = [int, str]]: pass
type A[S = bytes] = S
