# Counter and adder closures over 10,000 iterations (CPython equivalent of closures.js).
def make_counter():
    c = 0

    def counter():
        nonlocal c
        c = c + 1
        return c

    return counter


def make_adder(x):
    def add(y):
        return x + y

    return add


def run():
    counter = make_counter()
    s = 0
    last = 0
    for i in range(10000):
        add = make_adder(i)
        last = counter()
        s = add(s) + last
    print("closures " + str(s) + " " + str(last))
    return s
