"""Scores one ComputeCase item: an example program for the worker's `exec` computation.

stdin:  {"requestId", "target", "index", "item": {...}, "parameters": {...}}
stdout: one JSON document, the item's result.
Exit code non-zero = the item failed; the tail of stderr becomes the failure's cause.
"""
import hashlib
import json
import sys


def score(case_id: str, rounds: int) -> float:
    # Deterministic, so a result can be checked and a redelivered item computes the same answer.
    digest = case_id.encode()
    for _ in range(rounds):
        digest = hashlib.sha256(digest).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


def main() -> int:
    document = json.load(sys.stdin)
    item = document.get("item") or {}
    parameters = document.get("parameters") or {}
    case_id = item.get("caseId")
    if case_id is None:
        print("item has no caseId; send items like {\"caseId\": \"42\"}", file=sys.stderr)
        return 2
    rounds = int(parameters.get("rounds", 1000))
    if rounds < 1:
        print(f"parameters.rounds must be at least 1 but is {rounds}", file=sys.stderr)
        return 2
    json.dump({"caseId": case_id, "score": score(str(case_id), rounds), "rounds": rounds}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
