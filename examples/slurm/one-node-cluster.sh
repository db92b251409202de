#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, as root, from Debian's slurm-wlm and munge: start | stop.
# For trying `activebench run --shard` as a job array, and for CI's Slurm test.
set -euo pipefail
conf=/etc/slurm/slurm.conf
case "${1:-}" in
  start)
    command -v slurmctld >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge; }
    [ -s /etc/munge/munge.key ] || { mungekey --create --keyfile=/etc/munge/munge.key 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; }
    chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
    mkdir -p /run/munge /var/log/munge /var/lib/munge && chown munge:munge /run/munge /var/log/munge /var/lib/munge
    pgrep -x munged >/dev/null || runuser -u munge -- /usr/sbin/munged
    host="$(hostname -s)"
    mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
    # RealMemory: 90% of this machine's, so that sbatch --mem can be satisfied (Slurm's default is 1 MB)
    cat >"$conf" <<CONF
ClusterName=activebench
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$host CPUs=$(nproc) RealMemory=$(awk '/^MemTotal:/ {print int($2 / 1024 * 0.9)}' /proc/meminfo) State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
    pgrep -x slurmctld >/dev/null || slurmctld
    pgrep -x slurmd >/dev/null || slurmd
    for _ in $(seq 60); do
      sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix|alloc)' && { sinfo; exit 0; }
      sleep 1
    done
    echo "one-node-cluster: the node did not become idle; see /var/log/slurm/" >&2; exit 1 ;;
  stop)
    scontrol shutdown 2>/dev/null || true
    pkill -x slurmd 2>/dev/null || true
    pkill -x slurmctld 2>/dev/null || true
    pkill -x munged 2>/dev/null || true
    for _ in $(seq 30); do pgrep -x slurmctld >/dev/null || pgrep -x slurmd >/dev/null || pgrep -x munged >/dev/null || exit 0; sleep 1; done
    echo "one-node-cluster: daemons still running after 30 s" >&2; exit 1 ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
