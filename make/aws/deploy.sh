#!/usr/bin/env bash
# deploy.sh LAYER...: apply the kustomize overlay of each layer (platform, app, monitoring) and wait
# until its workloads are ready.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

timeout=${CA4_WAIT_TIMEOUT:-300s}
for layer in "$@"; do
  overlay=$(k8s_overlay "$layer")
  info "applying $overlay"
  kc apply -k "$overlay"
done
for layer in "$@"; do
  for ns in $(kc kustomize "$(k8s_overlay "$layer")" 2>/dev/null | sed -n 's/^  namespace: //p' | sort -u); do
    for workload in $(kc -n "$ns" get deployment,statefulset,daemonset -o name 2>/dev/null); do
      kc -n "$ns" rollout status "$workload" --timeout="$timeout" \
        || die "$workload in namespace $ns is not ready after $timeout: see 'kubectl -n $ns describe $workload'."
    done
  done
done
info "ready: $*"
