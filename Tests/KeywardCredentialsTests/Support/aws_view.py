"""The AWS CLI's view of config files, for ConfigResolutionTests: for each {dir, profile} on stdin, what
`aws configure list --profile P` reports (first error line, access key type and last four characters) and
`aws configure get KEY --profile P` prints, plus the source_profile links followed with `configure get`.
Runs awscli's driver in this one process, so twenty-odd cases take a second, not a minute."""
import io, json, os, sys, contextlib
from awscli.clidriver import create_clidriver

def run(args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = create_clidriver().main(args)
        except SystemExit as e:
            code = e.code
    return code, out.getvalue(), err.getvalue()

cases = json.load(sys.stdin)
results = []
for case in cases:
    d = case["dir"]
    # awscli puts its own data directory in AWS_DATA_PATH when imported; every other AWS_ variable goes.
    for name in [n for n in os.environ if n.startswith("AWS_") and n != "AWS_DATA_PATH"]:
        del os.environ[name]
    # A closed loopback port: a role profile's STS call fails at once instead of reaching AWS.
    os.environ.update({"HOME": d, "AWS_CONFIG_FILE": d + "/config", "AWS_SHARED_CREDENTIALS_FILE": d + "/credentials",
                       "AWS_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_MAX_ATTEMPTS": "1"})
    p = case["profile"]
    code, out, err = run(["configure", "list", "--profile", p])
    error = next((l.strip() for l in err.splitlines() if l.strip()), "")
    access = None
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == "access_key" and parts[1] != "<not":
            access = {"key": parts[1][-4:], "type": parts[2]}
    get = {}
    for key in ["region", "role_arn", "source_profile", "credential_process", "mfa_serial", "credential_source"]:
        c, o, e = run(["configure", "get", key, "--profile", p])
        get[key] = o.strip() if c == 0 and o.strip() else None
    chain = [p]
    seen = {p}
    while True:
        c, o, e = run(["configure", "get", "source_profile", "--profile", chain[-1]])
        nxt = o.strip()
        if c != 0 or not nxt or nxt in seen:
            if nxt and nxt in seen: chain.append(nxt)
            break
        chain.append(nxt); seen.add(nxt)
    results.append({"error": error, "access": access, "get": get, "chain": chain})
json.dump(results, sys.stdout)
