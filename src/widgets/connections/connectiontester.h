#pragma once

#include "core/model/connection.h"
#include "core/util/envexpand.h"

#include <QObject>

namespace weft {

class ConnectionProbe;
struct ProbeResult;

/// The connection dialog's "Test connection": runs the core's ConnectionProbe (nothing
/// blocks the GUI thread) and says what it found in words a person can act on.
class ConnectionTester final : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTester(QObject *parent = nullptr);

    /// Tests `connection`, its variables resolved through `environment`.
    void start(const Connection &connection, EnvLookup environment = processEnvironment());
    void cancel();
    bool isRunning() const;

    /// The probe's result in the designer's language.
    static QString describe(const ProbeResult &result);

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    ConnectionProbe *m_probe;
};

} // namespace weft
