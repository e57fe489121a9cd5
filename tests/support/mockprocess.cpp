#include "support/mockprocess.h"

#include <QElapsedTimer>
#include <QRegularExpression>

namespace weft::test {

MockProcess::~MockProcess()
{
    stop();
}

bool MockProcess::start(const QStringList &arguments, QString *error)
{
    const QString bin = qEnvironmentVariable("WEFT_MOCK_BIN");
    if (bin.isEmpty()) {
        if (error)
            *error = QStringLiteral("WEFT_MOCK_BIN is not set (run the test through CTest)");
        return false;
    }
    m_process.setProgram(bin);
    m_process.setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0")} +
                           arguments);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        if (error)
            *error = QStringLiteral("cannot start %1: %2").arg(bin, m_process.errorString());
        return false;
    }
    static const QRegularExpression ready(
        QStringLiteral("listening on (http://[0-9.]+:[0-9]+)"));
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30000) {
        if (!m_process.waitForReadyRead(200)) {
            if (m_process.state() == QProcess::NotRunning)
                break;
            continue;
        }
        out += m_process.readAllStandardOutput();
        const auto m = ready.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_baseUrl = QUrl(m.captured(1));
            return true;
        }
    }
    if (error)
        *error = QStringLiteral("weft-mock did not report that it listens; output: %1 %2")
                     .arg(QString::fromUtf8(out), QString::fromUtf8(log()));
    stop();
    return false;
}

void MockProcess::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

QByteArray MockProcess::log()
{
    m_log += m_process.readAllStandardError();
    return m_log;
}

} // namespace weft::test
