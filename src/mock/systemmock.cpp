#include "systemmock.h"

#include <QDateTime>
#include <cstdio>

namespace weft::mock {

void MockContext::log(const QString &message) const
{
    if (config.quiet)
        return;
    const QByteArray line = QDateTime::currentDateTime().toString(Qt::ISODateWithMs).toUtf8() +
                            " weft-mock: " + message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

void MockContext::logError(const QString &message)
{
    const QByteArray line = "weft-mock: error: " + message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

} // namespace weft::mock
