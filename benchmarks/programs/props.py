# 20,000 rounds over 8 attributes of one object (CPython equivalent of props.js).


def run():
    o = type("Obj", (), {})()
    o.a, o.b, o.c, o.d, o.e, o.f, o.g, o.h = 1, 2, 3, 4, 5, 6, 7, 8
    for i in range(20000):
        o.a = (o.b + o.c) & 1023
        o.b = (o.c + o.d) & 1023
        o.c = (o.d + o.e) & 1023
        o.d = (o.e + o.f) & 1023
        o.e = (o.f + o.g) & 1023
        o.f = (o.g + o.h) & 1023
        o.g = (o.h + o.a) & 1023
        o.h = (o.a + i) & 1023
    print("props " + " ".join(str(v) for v in (o.a, o.b, o.c, o.d, o.e, o.f, o.g, o.h)))
    return o.a
