#pragma once

#include <QString>

namespace weft {

/// Who may read the files Weft writes: state stores (failed records hold customer data and
/// payloads), logs and exports. Owner only by default; owner and group when the environment
/// says WEFT_GROUP_READABLE=1 — the Debian package's service unit does, so that operators
/// in the service's group can read its logs.
///
/// Called once at the start of weft-run and weft-studio: tightens the process's umask (to
/// 077, or 027), so every file the process creates from then on — SQLite's -wal and -shm
/// included — gets 0600 (0640). Never loosens a stricter umask.
void restrictNewFiles();

/// Takes away what restrictNewFiles() would not have given an existing file (one made by an
/// earlier version): its group's write, others' everything, and the group's read unless
/// group-readable. False when the file exists and its permissions could not be changed.
bool restrictFile(const QString &path);

/// Whether files are to be group-readable (WEFT_GROUP_READABLE=1).
bool filesGroupReadable();

} // namespace weft
