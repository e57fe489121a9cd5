#include "core/engine/alerts.h"

#include "core/connectors/projectenvironment.h"
#include "core/log/logging.h"
#include "core/model/secretref.h"
#include "core/state/statestore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace weft {

QByteArray dingTalkRobotSign(const QByteArray &secret, qint64 timestampMs)
{
    const QByteArray text = QByteArray::number(timestampMs) + '\n' + secret;
    return QUrl::toPercentEncoding(
        QMessageAuthenticationCode::hash(text, secret, QCryptographicHash::Sha256).toBase64());
}

AlertManager::AlertManager(const Project &project, StateStore *state, EnvLookup environment,
                           QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_env(projectEnvironment(project, std::move(environment)))
    , m_network(new QNetworkAccessManager(this))
{
    setProject(project);
}

void AlertManager::setProject(const Project &project)
{
    m_project = project;
    m_rules.clear();
    for (const QJsonValue &v : project.alerts) {
        AlertRule rule;
        QStringList errors;
        if (AlertRule::fromJson(v.toObject(), &rule, &errors))
            m_rules.append(rule);
        else
            log::warn(QStringLiteral("alert rule ignored: %1").arg(errors.join(QStringLiteral("; "))));
    }
}

QString AlertManager::resolve(const QJsonValue &value, QString *error) const
{
    if (const auto ref = SecretRef::fromJson(value)) {
        QString v = ref->kind == SecretRef::Kind::Env ? m_env(ref->key) : ref->key;
        if (ref->kind == SecretRef::Kind::Keychain)
            *error = QStringLiteral("keychain references are not supported for alert channels");
        else if (v.isEmpty())
            *error = QStringLiteral("environment variable %1 is not set").arg(ref->key);
        log::registerSecret(v);
        log::registerSecretsInUrl(v);
        return v;
    }
    const EnvExpansion e = expandEnv(value.toString(), m_env);
    if (!e.missing.isEmpty())
        *error = QStringLiteral("environment variable %1 is not set").arg(e.missing.join(u','));
    // A robot's webhook URL carries its access token (?access_token=…, WeCom ?key=…).
    for (const QString &secret : e.secrets)
        log::registerSecret(secret);
    log::registerSecretsInUrl(e.text);
    return e.text;
}

void AlertManager::send(const AlertRule &rule, const QJsonObject &channel, const QString &message,
                        const QJsonObject &details, std::function<void(bool, QString)> done)
{
    const QString type = channel.value(QLatin1String("type")).toString();
    QString error;
    QString url = resolve(channel.value(type == QLatin1String("webhook") ? QLatin1String("url")
                                                                         : QLatin1String("webhook")),
                          &error);
    QJsonObject body;
    if (type == QLatin1String("dingtalk") || type == QLatin1String("wecom")) {
        body = {{QStringLiteral("msgtype"), QStringLiteral("text")},
                {QStringLiteral("text"), QJsonObject{{QStringLiteral("content"), message}}}};
    } else {
        body = details;
        body.insert(QStringLiteral("rule"), rule.name);
        body.insert(QStringLiteral("message"), message);
    }
    if (type == QLatin1String("dingtalk") && channel.contains(QLatin1String("secret"))) {
        const QString secret = resolve(channel.value(QLatin1String("secret")), &error);
        const qint64 ts = QDateTime::currentMSecsSinceEpoch();
        url += (url.contains(u'?') ? u'&' : u'?') + QStringLiteral("timestamp=%1&sign=%2")
                                                       .arg(ts)
                                                       .arg(QString::fromLatin1(
                                                           dingTalkRobotSign(secret.toUtf8(), ts)));
    }
    if (!error.isEmpty()) {
        done(false, error);
        return;
    }
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(15000);
    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [reply, done, type]() {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            done(false, reply->errorString());
            return;
        }
        if (status >= 300) {
            done(false, QStringLiteral("HTTP %1").arg(status));
            return;
        }
        // The robots answer HTTP 200 with their own error code.
        if ((type == QLatin1String("dingtalk") || type == QLatin1String("wecom")) &&
            answer.value(QLatin1String("errcode")).toInt(0) != 0) {
            done(false, QStringLiteral("errcode %1: %2")
                            .arg(answer.value(QLatin1String("errcode")).toInt())
                            .arg(answer.value(QLatin1String("errmsg")).toString()));
            return;
        }
        done(true, QStringLiteral("ok"));
    });
}

void AlertManager::fire(const AlertRule &rule, const QString &subject, const QString &message,
                        const QJsonObject &details)
{
    if (m_state) {
        const QDateTime last = m_state->alertSentAt(rule.name, subject);
        if (last.isValid() &&
            last.secsTo(QDateTime::currentDateTimeUtc()) < qint64(rule.quietMinutes) * 60) {
            log::info(QStringLiteral("alert '%1' for %2 not repeated (quiet period)").arg(rule.name, subject));
            return;
        }
        m_state->noteAlertSent(rule.name, subject, message);
    }
    for (const QJsonObject &channel : rule.channels) {
        const QString type = channel.value(QLatin1String("type")).toString();
        send(rule, channel, message, details, [this, rule, type](bool ok, const QString &detail) {
            if (ok)
                log::info(QStringLiteral("alert '%1' sent via %2").arg(rule.name, type));
            else
                log::error(QStringLiteral("alert '%1' via %2 failed: %3").arg(rule.name, type, detail));
            Q_EMIT sent(rule.name, type, ok, detail);
        });
    }
}

void AlertManager::runFinished(const RunInfo &info, const QString &abortKind)
{
    const QString project = m_project.name.isEmpty() ? QStringLiteral("Weft") : m_project.name;
    const QJsonObject details{{QStringLiteral("project"), project},
                              {QStringLiteral("scheme"), info.scheme},
                              {QStringLiteral("run_id"), info.runId},
                              {QStringLiteral("outcome"), runOutcomeName(info.outcome)},
                              {QStringLiteral("read"), info.counters.read},
                              {QStringLiteral("written"), info.counters.written},
                              {QStringLiteral("failed"), info.counters.failed},
                              {QStringLiteral("error"), info.message}};
    for (const AlertRule &rule : m_rules) {
        if (!rule.schemes.isEmpty() && !rule.schemes.contains(info.scheme))
            continue;
        QString message;
        switch (rule.when) {
        case AlertRule::When::RunFailed:
            if (info.outcome == RunOutcome::Aborted)
                message = QStringLiteral("【Weft】%1 / %2 运行失败 run failed: %3")
                              .arg(project, info.scheme, info.message);
            break;
        case AlertRule::When::FailedRecords:
            if (info.counters.failed > rule.threshold)
                message = QStringLiteral("【Weft】%1 / %2: %3 条异常数据 failed records (threshold "
                                         "%4). weft-run failed --scheme %2")
                              .arg(project, info.scheme)
                              .arg(info.counters.failed)
                              .arg(rule.threshold);
            break;
        case AlertRule::When::AuthFailure:
            if (abortKind == QLatin1String("auth"))
                message = QStringLiteral("【Weft】%1 / %2 认证失败 authentication failed: %3")
                              .arg(project, info.scheme, info.message);
            break;
        case AlertRule::When::NoSuccess: break;
        }
        if (!message.isEmpty())
            fire(rule, info.scheme, message, details);
    }
}

void AlertManager::checkStale(const QDateTime &now)
{
    for (const AlertRule &rule : m_rules) {
        if (rule.when != AlertRule::When::NoSuccess || !m_state)
            continue;
        for (const Scheme &s : m_project.schemes) {
            if (!s.enabled || (!rule.schemes.isEmpty() && !rule.schemes.contains(s.name)))
                continue;
            const auto lastOk = m_state->lastRun(s.name, true);
            QString message;
            if (lastOk) {
                const qint64 age = lastOk->startedAt.secsTo(now);
                if (age < qint64(rule.minutes) * 60)
                    continue;
                message = QStringLiteral("【Weft】%1 / %2: 已 %3 分钟没有成功运行 no successful run "
                                         "for %3 minutes")
                              .arg(m_project.name, s.name)
                              .arg(age / 60);
            } else {
                // Never succeeded: worth an alert once it has been tried at all.
                if (!m_state->lastRun(s.name))
                    continue;
                message = QStringLiteral("【Weft】%1 / %2: 从未成功运行 never ran successfully")
                              .arg(m_project.name, s.name);
            }
                fire(rule, s.name, message, QJsonObject{{QStringLiteral("scheme"), s.name}});
        }
    }
}

void AlertManager::sendTest(const QString &ruleName, std::function<void(QStringList)> done)
{
    struct State {
        QStringList lines;
        int pending = 0;
        std::function<void(QStringList)> done;
    };
    auto state = std::make_shared<State>();
    state->done = std::move(done);
    QList<std::pair<AlertRule, QJsonObject>> targets;
    for (const AlertRule &rule : m_rules) {
        if (!ruleName.isEmpty() && rule.name != ruleName)
            continue;
        for (const QJsonObject &c : rule.channels)
            targets.append({rule, c});
    }
    if (targets.isEmpty()) {
        state->done({QStringLiteral("no alert channel to test%1")
                         .arg(ruleName.isEmpty() ? QString() : QStringLiteral(" in rule ") + ruleName)});
        return;
    }
    state->pending = int(targets.size());
    for (const auto &[rule, channel] : targets) {
        const QString type = channel.value(QLatin1String("type")).toString();
        send(rule, channel,
             QStringLiteral("【Weft】测试告警 test alert from rule '%1'").arg(rule.name),
             QJsonObject{{QStringLiteral("test"), true}},
             [state, name = rule.name, type](bool ok, const QString &detail) {
                 state->lines << QStringLiteral("%1 / %2: %3").arg(name, type, ok ? QStringLiteral("ok") : detail);
                 if (--state->pending == 0)
                     state->done(state->lines);
             });
    }
}

} // namespace weft
