# fib(25), recursive (CPython equivalent of fib.js).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def run():
    r = fib(25)
    print("fib " + str(r))
    return r
