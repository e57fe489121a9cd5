#include "core/connectors/resolvedconnection.h"

#include "core/log/logging.h"
#include "core/model/secretref.h"

#include <QEventLoop>
#include <QJsonValue>

#include <qt6keychain/keychain.h>

namespace weft {

namespace {

std::optional<QString> readKeychain(const QString &ref, QString *error)
{
    const qsizetype slash = ref.indexOf(u'/');
    const QString service = slash > 0 ? ref.left(slash) : QStringLiteral("weft");
    const QString key = slash > 0 ? ref.mid(slash + 1) : ref;
    QKeychain::ReadPasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(key);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() != QKeychain::NoError) {
        *error = QStringLiteral("cannot read keychain entry %1/%2: %3")
                     .arg(service, key, job.errorString());
        return std::nullopt;
    }
    return job.textData();
}

} // namespace

std::optional<QString> resolveSecret(const SecretRef &ref, QString *error, const EnvLookup &env)
{
    QString value;
    switch (ref.kind) {
    case SecretRef::Kind::Env:
        value = env(ref.key);
        if (value.isEmpty()) {
            *error = QStringLiteral("environment variable %1 is not set").arg(ref.key);
            return std::nullopt;
        }
        break;
    case SecretRef::Kind::Keychain: {
        const auto secret = readKeychain(ref.key, error);
        if (!secret)
            return std::nullopt;
        value = *secret;
        break;
    }
    case SecretRef::Kind::Plain:
        value = ref.key;
        break;
    }
    log::registerSecret(value);
    return value;
}

std::optional<ResolvedConnection> resolveConnection(const Connection &connection,
                                                    QString *error, const EnvLookup &env)
{
    ResolvedConnection r;
    r.config = connection;
    const auto fail = [&](const QString &field, const QString &message) {
        if (error)
            *error = QStringLiteral("connection '%1': %2: %3").arg(connection.name, field,
                                                                  message);
        return std::nullopt;
    };

    if (!connection.baseUrl.isEmpty()) {
        const EnvExpansion e = expandEnv(connection.baseUrl, env);
        if (!e.error.isEmpty())
            return fail(QStringLiteral("baseUrl"), e.error);
        if (!e.missing.isEmpty())
            return fail(QStringLiteral("baseUrl"),
                        QStringLiteral("environment variable %1 is not set")
                            .arg(e.missing.join(QStringLiteral(", "))));
        r.baseUrl = e.text;
        for (const QString &secret : e.secrets)
            log::registerSecret(secret);
        log::registerSecretsInUrl(r.baseUrl);
        while (r.baseUrl.endsWith(u'/'))
            r.baseUrl.chop(1);
    }

    const QList<AccountFieldSpec> specs = accountFieldsFor(connection.type);
    for (const AccountFieldSpec &spec : specs) {
        if (!spec.defaultValue.isEmpty())
            r.account.insert(spec.key, spec.defaultValue);
    }
    for (auto it = connection.account.begin(); it != connection.account.end(); ++it) {
        const QString field = QStringLiteral("account field ") + it.key();
        const QJsonValue v = it.value();
        if (const auto ref = SecretRef::fromJson(v)) {
            QString secretError;
            const auto value = resolveSecret(*ref, &secretError, env);
            if (!value)
                return fail(field, secretError);
            r.account.insert(it.key(), *value);
        } else if (v.isString()) {
            const EnvExpansion e = expandEnv(v.toString(), env);
            if (!e.error.isEmpty())
                return fail(field, e.error);
            if (!e.missing.isEmpty())
                return fail(field, QStringLiteral("environment variable %1 is not set")
                                       .arg(e.missing.join(QStringLiteral(", "))));
            for (const QString &secret : e.secrets)
                log::registerSecret(secret);
            r.account.insert(it.key(), e.text);
        } else if (v.isDouble()) {
            r.account.insert(it.key(), QString::number(v.toDouble(), 'g', 17));
        }
    }
    for (const AccountFieldSpec &spec : specs) {
        // A secret field is redacted however it was given (a reference, ${VAR}, or — with a
        // warning from validate — plain text); so is any field whose name says it is secret.
        if (spec.secret)
            log::registerSecret(r.account.value(spec.key));
    }
    for (auto it = r.account.constBegin(); it != r.account.constEnd(); ++it) {
        if (looksSecret(it.key()))
            log::registerSecret(it.value());
    }
    for (const AccountFieldSpec &spec : specs) {
        if (spec.required && r.account.value(spec.key).isEmpty())
            return fail(QStringLiteral("account field ") + spec.key,
                        QStringLiteral("is required (%1)").arg(spec.label));
    }
    return r;
}

} // namespace weft
