#!/usr/bin/env python3
"""A boto3 program that gets its credentials as any SDK user's program would under `keyward exec --server`:
from the container endpoint or the instance metadata service named in its environment, never from keys.

Usage: client_program.py CALLS ADVANCE_SECONDS
Calls sts:GetCallerIdentity CALLS times on AWS_ENDPOINT_URL. After the first call it moves botocore's credential
clock ADVANCE_SECONDS ahead (0: never), to let time pass for the credentials without waiting for it.
Prints one JSON line per call: {"accessKeyId": key that signed the call, "arn": caller ARN, "method": provider}.
"""
import datetime
import json
import os
import sys

import boto3
import botocore.session
import botocore.utils


def signing_key(request):
    """The access key ID in a SigV4 Authorization header (Credential=KEY/date/region/service/aws4_request)."""
    header = request.headers.get("Authorization", "")
    if isinstance(header, bytes):
        header = header.decode()
    return header.split("Credential=", 1)[1].split("/", 1)[0]


def advance_clock(credentials, seconds):
    """Moves the two clocks botocore judges credential expiry by, and nothing else (SigV4 keeps real time).

    RefreshableCredentials reads its instance's _time_fetcher; the IMDS fetcher's expiry check reads
    botocore.utils.get_current_datetime.
    """
    offset = datetime.timedelta(seconds=seconds)
    utils_now = botocore.utils.get_current_datetime
    botocore.utils.get_current_datetime = lambda *args, **kwargs: utils_now(*args, **kwargs) + offset
    credentials_now = credentials._time_fetcher
    credentials._time_fetcher = lambda: credentials_now() + offset


def main(calls, advance):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        if name in os.environ:
            sys.exit(f"{name} is set; this program must find credentials through the server")
    core = botocore.session.get_session()
    # IMDS gets one attempt of one second by default; a debug build on a busy machine may need longer.
    core.set_config_variable("metadata_service_timeout", 10)
    core.set_config_variable("metadata_service_num_attempts", 3)
    session = boto3.session.Session(botocore_session=core, region_name="us-east-1")
    sts = session.client("sts")
    keys = []
    sts.meta.events.register("before-send.sts.GetCallerIdentity", lambda request, **_: keys.append(signing_key(request)))
    credentials = session.get_credentials()
    for index in range(calls):
        arn = sts.get_caller_identity()["Arn"]
        print(json.dumps({"accessKeyId": keys[-1], "arn": arn, "method": credentials.method}), flush=True)
        if index == 0 and advance:
            advance_clock(credentials, advance)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
