# 1,000 appends of 'abc', checked against 100 pieces of 10 (CPython equivalent of concat.js).
def run():
    s = ""
    for i in range(1000):
        s = s + "abc"
    piece = ""
    for i in range(10):
        piece = piece + "abc"
    t = ""
    for i in range(100):
        t = t + piece
    print("concat " + ("true" if s == t else "false"))
    return s == t
