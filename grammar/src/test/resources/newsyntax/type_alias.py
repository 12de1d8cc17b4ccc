type X = int
type L[T] = list[T]
type Pair[K, V] = tuple[K, V]
type Rec = list[Rec] | None
type = type(X)
