#pragma once

#include "core/model/alertrule.h"
#include "core/model/project.h"
#include "core/state/staterecords.h"
#include "core/util/envexpand.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace weft {

class StateStore;

/// The DingTalk group-robot signature: urlencode(base64(HMAC-SHA256(secret,
/// timestamp + "\n" + secret))), timestamp in milliseconds.
QByteArray dingTalkRobotSign(const QByteArray &secret, qint64 timestampMs);

/// Sends a project's alerts to DingTalk group robots (signed webhooks), WeCom robots and
/// generic JSON webhooks, and keeps quiet periods in the state store so a failing scheme
/// does not flood a group chat. Asynchronous; lives on the runner's thread.
class AlertManager final : public QObject
{
    Q_OBJECT
public:
    AlertManager(const Project &project, StateStore *state,
                 EnvLookup environment = processEnvironment(), QObject *parent = nullptr);

    void setProject(const Project &project);
    /// Checks the rules that react to a finished run.
    void runFinished(const RunInfo &info, const QString &abortKind);
    /// Checks "no successful run for T" rules (call periodically).
    void checkStale(const QDateTime &now);
    /// Sends a test message through every channel of `rule` (all rules when empty);
    /// `done` gets one line per channel ("ok" or why not).
    void sendTest(const QString &rule, std::function<void(QStringList)> done);

    QList<AlertRule> rules() const { return m_rules; }

Q_SIGNALS:
    void sent(const QString &rule, const QString &channel, bool ok, const QString &detail);

private:
    void fire(const AlertRule &rule, const QString &subject, const QString &message,
              const QJsonObject &details);
    void send(const AlertRule &rule, const QJsonObject &channel, const QString &message,
              const QJsonObject &details, std::function<void(bool, QString)> done);
    QString resolve(const QJsonValue &value, QString *error) const;

    Project m_project;
    StateStore *m_state;
    EnvLookup m_env;
    QNetworkAccessManager *m_network;
    QList<AlertRule> m_rules;
};

} // namespace weft
