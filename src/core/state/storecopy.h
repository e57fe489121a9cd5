#pragma once

#include <QString>

namespace weft {

/// Copies a SQLite state store to `to` as one consistent snapshot (VACUUM INTO: safe while
/// other connections read or write the source; the WAL's committed pages included). `to` must
/// not exist yet. Used when a project that was never saved gets its file: the runs made before
/// move from the temporary store to the one beside the file.
bool copySqliteStore(const QString &from, const QString &to, QString *error = nullptr);

} // namespace weft
