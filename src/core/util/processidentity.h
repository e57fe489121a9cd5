#pragma once

#include <QString>

namespace weft {

/// Who holds a lease, and whether that process still exists.
///
/// A lease holder names its process as "host:pid/start[:more]", where `start` is the
/// process's start time (clock ticks since boot on Linux): a pid alone would mistake a new
/// process that got a dead one's pid for the dead one. A runner that finds a lease held by a
/// process of this host that is gone may take the lease over at once instead of waiting for
/// it to expire — the case of a weft-run killed with kill -9 and started again.

/// "host:pid/start@pidspace#instance" of this process: `pidspace` names the boot and the pid
/// namespace the pid belongs to (liveness is checked only within it), `instance` is random
/// per process — unique even among containers with one host name and pid 1.
QString processIdentity();

enum class HolderLiveness {
    Alive,   ///< the process is running (or is this very process)
    Gone,    ///< a process of this host that has ended
    Unknown, ///< another host, or a holder that does not name a process: wait for expiry
};

/// Whether the process a lease holder names still runs. Only processes of this host can be
/// checked; everything else is Unknown.
HolderLiveness holderLiveness(const QString &holder);

} // namespace weft
