# A small JSON round trip, 1,000 times (CPython equivalent of json.js).
import json


def run():
    ok = 0
    text = ""
    for i in range(1000):
        o = {"id": i, "name": "n" + str(i), "tags": ["a", "b", "c"], "pos": {"x": i, "y": -i}, "on": True}
        text = json.dumps(o, separators=(",", ":"))
        back = json.loads(text)
        if back["pos"]["y"] == -i and back["tags"][2] == "c" and back["name"] == "n" + str(i):
            ok += 1
    print("json_rt " + str(ok) + " " + text)
    return ok
