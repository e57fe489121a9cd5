#pragma once

#include <QString>

namespace weft {

/// Who holds a lease, and whether that process still exists.
///
/// A lease holder names its process as "host:pid/start@pidspace#instance[:more]": `start` is
/// the process's start time (clock ticks since boot on Linux) — a pid alone would mistake a
/// new process that got a dead one's pid for the dead one; `pidspace` names the boot and the
/// pid namespace the pid belongs to (containers repeat host names and pid 1): only a holder
/// of this pid space can be checked here; `instance` is random per process. A runner that
/// finds a lease held by a process of its pid space that is gone may take the lease over at
/// once instead of waiting for it to expire — the case of a weft-run killed with kill -9 and
/// started again.

/// "host:pid/start@pidspace#instance" of this process, the same for its whole life.
QString processIdentity();
/// "host:pid/start@pidspace" of the process `pid` of this host; "" when there is no such
/// process (or it has ended) or the platform cannot say.
QString processIdentityOf(qint64 pid);

enum class HolderLiveness {
    Alive,   ///< the process is running (or is this very process)
    Gone,    ///< a process of this host that has ended
    Unknown, ///< another host, or a holder that does not name a process: wait for expiry
};

/// Whether the process a lease holder names still runs. Only processes of this host can be
/// checked; everything else is Unknown. A process that has ended but was not yet reaped by
/// its parent (a zombie) has ended: it is Gone, though its pid and start time still show.
HolderLiveness holderLiveness(const QString &holder);

} // namespace weft
