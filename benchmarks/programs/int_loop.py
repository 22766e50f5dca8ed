# 1000 x 1000 nested small-integer loop (CPython equivalent of int_loop.js).
def run():
    s = 0
    i = 0
    while i < 1000:
        j = 0
        while j < 1000:
            s = (s + (i ^ j)) & 4095
            j += 1
        i += 1
    print("int_loop " + str(s))
    return s
