#!/usr/bin/env python3
"""An example per-item program for the worker's `exec` computation.

stdin:  {"requestId", "target", "index", "item", "parameters"} as JSON
stdout: the item's result as JSON
exit:   0 on success; anything else fails the item, with the tail of stderr as its cause
"""
import json
import sys

request = json.load(sys.stdin)
item = request["item"]
weight = request["parameters"].get("weight", 1)
if "caseId" not in item:
    print("item has no caseId", file=sys.stderr)
    sys.exit(2)
score = sum(ord(c) for c in str(item["caseId"])) * weight
json.dump({"caseId": item["caseId"], "score": score}, sys.stdout)
