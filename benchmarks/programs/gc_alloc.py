# 20,000 short-lived objects holding small lists (CPython equivalent of gc_alloc.js).
def run():
    s = 0
    t = 0
    for i in range(20000):
        o = {"a": i, "b": [i, i + 1, i + 2]}
        s = s + (o["b"][1] - o["a"])
        t = t + (o["b"][2] - o["b"][0]) + 1
    print("gc_alloc " + str(s) + " " + str(t))
    return s
