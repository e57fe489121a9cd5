#!/usr/bin/env bash
# tst_kubernetes SOURCE_DIR: the Kubernetes manifests build (kubectl kustomize), pass yamllint,
# and say what the service needs: a non-root, read-only container that stops gracefully
# (grace period >= 300 s, a batch's longest), the project as a directory-mounted ConfigMap
# (a subPath mount would not see updates), secrets from a Secret, a liveness probe on the
# health file, and an Indexed Job for backfills whose exit code 1 (records failed, stored)
# does not fail the job.
#
# What this cannot do offline: `kubectl apply --dry-run=client` needs an API server for
# discovery; docs/operations.md says so.
set -euo pipefail
src=$1
k8s=$src/packaging/kubernetes
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v kubectl >/dev/null || fail "kubectl is not installed (the machine image provides it)"
command -v yamllint >/dev/null || fail "yamllint is not installed (scripts/setup-deps does it)"

yamllint -c "$k8s/.yamllint" -s "$k8s" || fail "yamllint"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kubectl kustomize "$k8s/example" >"$work/all.yaml" || fail "kubectl kustomize"
yamllint -d "{extends: relaxed, rules: {line-length: disable}}" "$work/all.yaml" || fail "yamllint of the built manifests"

python3 - "$work/all.yaml" <<'PY' || fail "the manifests' contract"
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
kinds = {(d["kind"], d["metadata"]["name"].split("-")[0] if d["kind"] in ("ConfigMap", "Secret") else d["metadata"]["name"]) for d in docs}
def one(kind, name):
    found = [d for d in docs if d["kind"] == kind and d["metadata"]["name"].startswith(name)]
    assert len(found) == 1, f"expected one {kind} {name}, found {len(found)}"
    return found[0]
deploy = one("Deployment", "weft-serve")
job = one("Job", "weft-backfill")
project = one("ConfigMap", "weft-project")
assert "project.weft.json" in project["data"], "the project file is in the ConfigMap"
one("Secret", "weft-secrets")
for workload in (deploy, job):
    pod = workload["spec"]["template"]["spec"]
    assert pod["terminationGracePeriodSeconds"] >= 300, "grace period >= the longest batch"
    assert pod["securityContext"]["runAsNonRoot"] is True
    c = pod["containers"][0]
    assert c["securityContext"]["readOnlyRootFilesystem"] is True
    assert c["securityContext"]["allowPrivilegeEscalation"] is False
    assert any(e.get("secretRef", {}).get("name", "").startswith("weft-secrets") for e in c["envFrom"])
    mount = [m for m in c["volumeMounts"] if m["name"] == "project"][0]
    assert "subPath" not in mount, "a subPath mount never sees ConfigMap updates"
    vol = [v for v in pod["volumes"] if v["name"] == "project"][0]
    assert vol["configMap"]["name"].startswith("weft-project"), "mounts the generated ConfigMap"
c = deploy["spec"]["template"]["spec"]["containers"][0]
assert c["args"][0] == "serve" and "--state" in c["args"] and "--health-file" in c["args"]
assert "weft-health" in " ".join(c["livenessProbe"]["exec"]["command"])
assert deploy["spec"]["replicas"] >= 2
assert job["spec"]["completionMode"] == "Indexed"
rules = job["spec"]["podFailurePolicy"]["rules"]
assert any(r["action"] == "Ignore" and 1 in r["onExitCodes"]["values"] for r in rules), "exit 1 is not a failed job"
print("manifests: %d objects, contract holds" % len(docs))
PY
echo "ok"
