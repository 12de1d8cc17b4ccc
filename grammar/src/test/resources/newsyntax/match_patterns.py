match command:
    case 1 | -2 | 3.5 + 4j | "s" | b"b" | x.y.z:
        pass
    case None | True | False:
        pass
    case [a, *rest, (b, c)] | (d, *_):
        pass
    case {"k": v, 0: [], **others}:
        pass
    case Point(0, y=yy, z=Point()) as p if p.x > 0:
        pass
    case _:
        pass
