# 1,000 objects (dicts, as JS objects are) pushed and summed (CPython equivalent of object_array.js).
def run():
    items = []
    for i in range(1000):
        items.append({"id": i, "v": i * 2, "name": "item" + str(i)})
    ids = 0
    vs = 0
    for i in range(len(items)):
        ids = ids + items[i]["id"]
        vs = vs + items[i]["v"]
    print("object_array " + str(len(items)) + " " + str(ids) + " " + str(vs) + " " + items[999]["name"])
    return ids
