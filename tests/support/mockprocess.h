#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace weft::test {

/// Runs weft-mock as a child process on a free port for the lifetime of the object.
///
/// weft-mock prints "weft-mock listening on http://127.0.0.1:PORT" once it accepts
/// connections; start() waits for that line, so tests never race the server.
class MockProcess final
{
public:
    MockProcess() = default;
    ~MockProcess();
    MockProcess(const MockProcess &) = delete;
    MockProcess &operator=(const MockProcess &) = delete;

    /// Starts weft-mock with `arguments` (plus "--port 0"); false and a message on failure.
    bool start(const QStringList &arguments = {}, QString *error = nullptr);
    void stop();

    /// Base URL, e.g. http://127.0.0.1:41234 (each system lives under /jushuitan etc.).
    QUrl baseUrl() const { return m_baseUrl; }
    QString baseUrlString() const { return m_baseUrl.toString(); }
    QProcess &process() { return m_process; }
    /// Everything the mock wrote to stderr so far (for failure messages).
    QByteArray log();

private:
    QProcess m_process;
    QUrl m_baseUrl;
    QByteArray m_log;
};

} // namespace weft::test
