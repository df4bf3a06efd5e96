"""Sign requests with botocore, for KeywardAWSTests' SigV4 agreement test.

Usage: python3 botocore_signer.py CASES.jsonl

Each input line is one JSON object:
  id, mode ("header" or "query"), service, region, access_key, secret_key, token (or null),
  timestamp (integer seconds since 1970, UTC), method, url, headers ([[name, value], ...]),
  body (base64), expires (seconds, query mode).
Each output line (stdout, same order) is:
  id, canonical_request, and either authorization + headers (header mode) or url (query mode),
  or error when botocore raised.
"""

import base64
import datetime
import json
import sys

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def capturing(signer_class):
    """A subclass of signer_class that remembers the canonical request it signed."""

    class Capturing(signer_class):
        captured = None

        def string_to_sign(self, request, canonical_request):
            self.captured = canonical_request
            return super().string_to_sign(request, canonical_request)

    return Capturing


SIGNERS = {
    ("header", False): capturing(botocore.auth.SigV4Auth),
    ("header", True): capturing(botocore.auth.S3SigV4Auth),
    ("query", False): capturing(botocore.auth.SigV4QueryAuth),
    ("query", True): capturing(botocore.auth.S3SigV4QueryAuth),
}


def sign(case):
    moment = datetime.datetime.fromtimestamp(case["timestamp"], datetime.timezone.utc)
    botocore.auth.get_current_datetime = lambda: moment
    credentials = Credentials(case["access_key"], case["secret_key"], case.get("token"))
    request = AWSRequest(method=case["method"], url=case["url"], data=base64.b64decode(case["body"]))
    for name, value in case["headers"]:
        request.headers[name] = value  # HTTPHeaders appends: order and duplicates are kept
    signer_class = SIGNERS[(case["mode"], case["service"] == "s3")]
    if case["mode"] == "header":
        signer = signer_class(credentials, case["service"], case["region"])
    else:
        signer = signer_class(credentials, case["service"], case["region"], expires=case["expires"])
    signer.add_auth(request)
    result = {"id": case["id"], "canonical_request": signer.captured}
    if case["mode"] == "header":
        result["authorization"] = request.headers["Authorization"]
        result["headers"] = [[name, value] for name, value in request.headers.items()]
    else:
        result["url"] = request.url
    return result


def main():
    with open(sys.argv[1], encoding="utf-8") as cases:
        for line in cases:
            case = json.loads(line)
            try:
                result = sign(case)
            except Exception as error:  # reported per case, so one bad case does not hide the rest
                result = {"id": case["id"], "error": repr(error)}
            sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
