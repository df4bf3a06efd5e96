#!/usr/bin/env python3
"""Time moto's IAM policy evaluator on the requests keyward's batch simulator answers.

Usage: moto_policy_bench.py --policy policy.json --requests requests.jsonl [--limit N]

moto 5.x evaluates identity policies with moto.iam.access_control.IAMPolicy (one IAMPolicyStatement per
statement and call). The policy is parsed once; each request is evaluated with
IAMPolicy.is_action_permitted(action, resource, principal=None, incoming_condition_values=context).
moto only understands StringEquals conditions and takes one value per key, so the first value of each
context key is passed. Two rates are reported: evaluation of already parsed requests (moto's in-process
rate with the policy parsed once: the strictest baseline), the same including json.loads of each line, and
the rate as moto_server evaluates, building IAMPolicy from the policy JSON on every request.
"""

import argparse
import json
import time

from moto.iam.access_control import IAMPolicy, PermissionResult


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--policy", required=True)
    parser.add_argument("--requests", required=True)
    parser.add_argument("--limit", type=int, default=0, help="evaluate only the first N requests")
    args = parser.parse_args()

    with open(args.policy, encoding="utf-8") as handle:
        policy_text = handle.read()
    policy = IAMPolicy(policy_text)

    with open(args.requests, encoding="utf-8") as handle:
        lines = handle.readlines()
    if args.limit:
        lines = lines[: args.limit]

    start = time.perf_counter()
    parsed = []
    for line in lines:
        request = json.loads(line)
        context = {key: (value[0] if isinstance(value, list) else value) for key, value in request.get("context", {}).items()}
        parsed.append((request["action"], request.get("resource", "*"), context))
    parse_seconds = time.perf_counter() - start

    counts = {PermissionResult.PERMITTED: 0, PermissionResult.DENIED: 0, PermissionResult.NEUTRAL: 0}
    start = time.perf_counter()
    for action, resource, context in parsed:
        counts[policy.is_action_permitted(action, resource, None, context)] += 1
    evaluate_seconds = time.perf_counter() - start

    # moto_server itself builds IAMPolicy(policy) afresh on every request (access_control's
    # check_action_permitted), so its served rate includes json.loads of the policy each time.
    served = 0
    start = time.perf_counter()
    for action, resource, context in parsed:
        if IAMPolicy(policy_text).is_action_permitted(action, resource, None, context) == PermissionResult.PERMITTED:
            served += 1
    served_seconds = time.perf_counter() - start

    count = len(parsed)
    print(f"moto {count} requests: evaluate {evaluate_seconds:.3f} s = {count / evaluate_seconds:,.0f} evaluations/s")
    print(f"moto with json.loads per line: {parse_seconds + evaluate_seconds:.3f} s = "
          f"{count / (parse_seconds + evaluate_seconds):,.0f} requests/s")
    print(f"moto decisions: permitted {counts[PermissionResult.PERMITTED]}, denied {counts[PermissionResult.DENIED]}, "
          f"neutral {counts[PermissionResult.NEUTRAL]}")
    print(f"moto as moto_server evaluates (policy parsed per request): {served_seconds:.3f} s = "
          f"{count / served_seconds:,.0f} evaluations/s")
    print(f"MOTO_RATE={count / evaluate_seconds:.0f}")
    print(f"MOTO_SERVED_RATE={count / served_seconds:.0f}")


if __name__ == "__main__":
    main()
