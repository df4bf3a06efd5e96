#!/usr/bin/env python3
"""Moto-issued role credentials for the KeywardServer tests.

Creates, through moto's own IAM API, a user `bootstrap` that may do everything and a role `served` that the
user may assume (moto matches the trust policy's principal by exact ARN), then calls sts:AssumeRole COUNT times
with the user's key, always with session name `keyward`. moto must run with INITIAL_NO_AUTH_ACTION_COUNT=3: the
first three calls create the user, its policy and its key; every later call is signed and checked.

Usage: sts_fixture.py ENDPOINT_URL COUNT
Prints one JSON object on stdout: {"roleArn": ..., "credentials": [{"accessKeyId", "secretAccessKey",
"sessionToken"}, ...]}: COUNT distinct sets of the role's temporary credentials.
"""
import json
import sys

import boto3

ACCOUNT = "123456789012"
ROLE = "served"


def client(service, endpoint, key_id, secret, token=None):
    return boto3.client(
        service, endpoint_url=endpoint, region_name="us-east-1",
        aws_access_key_id=key_id, aws_secret_access_key=secret, aws_session_token=token)


def main(endpoint, count):
    anonymous = client("iam", endpoint, "AKIAIOSFODNN7BOOTSTR", "bootstrap")
    anonymous.create_user(UserName="bootstrap")
    anonymous.put_user_policy(
        UserName="bootstrap", PolicyName="everything",
        PolicyDocument=json.dumps({"Version": "2012-10-17",
                                   "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
    key = anonymous.create_access_key(UserName="bootstrap")["AccessKey"]
    iam = client("iam", endpoint, key["AccessKeyId"], key["SecretAccessKey"])
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:user/bootstrap"}, "Action": "sts:AssumeRole"}]}
    role_arn = iam.create_role(RoleName=ROLE, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    iam.put_role_policy(
        RoleName=ROLE, PolicyName="everything",
        PolicyDocument=json.dumps({"Version": "2012-10-17",
                                   "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
    sts = client("sts", endpoint, key["AccessKeyId"], key["SecretAccessKey"])
    issued = []
    for _ in range(count):
        credentials = sts.assume_role(
            RoleArn=role_arn, RoleSessionName="keyward", DurationSeconds=900)["Credentials"]
        issued.append({"accessKeyId": credentials["AccessKeyId"],
                       "secretAccessKey": credentials["SecretAccessKey"],
                       "sessionToken": credentials["SessionToken"]})
    json.dump({"roleArn": role_arn, "credentials": issued}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
