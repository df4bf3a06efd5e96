#!/usr/bin/env python3
"""Creates the seeds' account on a moto_server through its own (AWS) API, with boto3.

Seed 004's set-up: an IAM user `jo` who may do nothing but sts:AssumeRole, with a virtual MFA device, and an
`admin` role whose trust policy lets the account's users in only with MFA (seed 002's pseudo-sudo role).

moto must run with INITIAL_NO_AUTH_ACTION_COUNT=3: the first three calls bootstrap an administrator (user,
policy, key); everything after is signed with that key and checked by moto.

Usage: seed_account.py ENDPOINT_URL  -> prints one JSON object (test credentials) on stdout.
"""
import json
import sys

import boto3

ACCOUNT = "123456789012"


def client(service, endpoint, key=None):
    kwargs = dict(endpoint_url=endpoint, region_name="us-east-1")
    if key:
        kwargs.update(aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"])
    else:
        kwargs.update(aws_access_key_id="AKIAIOSFODNN7BOOTSTR", aws_secret_access_key="bootstrap")
    return boto3.client(service, **kwargs)


def main(endpoint):
    anon = client("iam", endpoint)
    anon.create_user(UserName="bootstrap")
    anon.put_user_policy(
        UserName="bootstrap", PolicyName="everything",
        PolicyDocument=json.dumps({"Version": "2012-10-17",
                                   "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
    boot = anon.create_access_key(UserName="bootstrap")["AccessKey"]
    iam = client("iam", endpoint, boot)

    admin_arn = f"arn:aws:iam::{ACCOUNT}:role/admin"
    iam.create_user(UserName="jo")
    iam.put_user_policy(
        UserName="jo", PolicyName="assume-only",
        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Sid": "AssumeRolesOnly", "Effect": "Allow", "Action": "sts:AssumeRole",
             "Resource": f"arn:aws:iam::{ACCOUNT}:role/*"}]}))
    jo = iam.create_access_key(UserName="jo")["AccessKey"]
    mfa = iam.create_virtual_mfa_device(VirtualMFADeviceName="jo")["VirtualMFADevice"]
    iam.enable_mfa_device(UserName="jo", SerialNumber=mfa["SerialNumber"],
                          AuthenticationCode1="123456", AuthenticationCode2="654321")
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, "Action": "sts:AssumeRole",
        "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
    iam.create_role(RoleName="admin", AssumeRolePolicyDocument=json.dumps(trust), MaxSessionDuration=3600)
    iam.put_role_policy(
        RoleName="admin", PolicyName="administrator",
        PolicyDocument=json.dumps({"Version": "2012-10-17",
                                   "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
    readonly_trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:user/jo"}, "Action": "sts:AssumeRole"}]}
    iam.create_role(RoleName="readonly", AssumeRolePolicyDocument=json.dumps(readonly_trust))
    json.dump({
        "account": ACCOUNT,
        "bootstrap": {"accessKeyId": boot["AccessKeyId"], "secretAccessKey": boot["SecretAccessKey"]},
        "jo": {"accessKeyId": jo["AccessKeyId"], "secretAccessKey": jo["SecretAccessKey"],
               "arn": f"arn:aws:iam::{ACCOUNT}:user/jo", "mfaSerial": mfa["SerialNumber"]},
        "adminRoleArn": admin_arn,
        "readonlyRoleArn": f"arn:aws:iam::{ACCOUNT}:role/readonly",
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
