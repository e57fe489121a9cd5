#include "support/testfiles.h"

#include <QDir>
#include <QFile>

namespace weft::test {

QString sourcePath(const QString &relative)
{
    QString root = qEnvironmentVariable("WEFT_SOURCE_DIR");
    if (root.isEmpty())
        root = QStringLiteral(WEFT_TEST_SOURCE_DIR);
    return QDir(root).filePath(relative);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qWarning("cannot read %s: %s", qPrintable(path), qPrintable(f.errorString()));
    return f.readAll();
}

} // namespace weft::test
