#pragma once

#include <QByteArray>
#include <QString>

namespace weft::test {

/// Path of a file under the repository (WEFT_SOURCE_DIR), e.g. "resources/examples".
QString sourcePath(const QString &relative);

/// Reads a whole file; fails the current test (QFAIL-style message in the return) if missing.
QByteArray readFile(const QString &path);

} // namespace weft::test
