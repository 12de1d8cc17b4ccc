ys = [y for x in data if (y := f(x)) is not None]
total = 0
sums = [total := total + v for v in values]
any((hit := w) == "é" for w in words)
{k: (n := len(k)) for k in keys if n}
