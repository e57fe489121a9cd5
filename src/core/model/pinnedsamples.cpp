#include "core/model/pinnedsamples.h"

#include "core/log/logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace weft {

namespace {

const QString kFormat = QStringLiteral("weft-samples");
constexpr int kVersion = 1;

/// Field names that hold a credential whatever their value looks like.
bool secretName(const QString &key)
{
    const QString k = key.toLower();
    return k.contains(QLatin1String("password")) || k.contains(QLatin1String("secret")) ||
           k.contains(QLatin1String("token")) || k == QLatin1String("sign") ||
           k == QLatin1String("signature") || k == QLatin1String("apikey") ||
           k == QLatin1String("api_key");
}

QJsonValue redactValue(const QJsonValue &v);

QJsonObject redactObject(const QJsonObject &o)
{
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (secretName(it.key()) && !it.value().isObject() && !it.value().isArray() &&
            !it.value().isNull())
            out.insert(it.key(), QStringLiteral("***"));
        else
            out.insert(it.key(), redactValue(it.value()));
    }
    return out;
}

QJsonValue redactValue(const QJsonValue &v)
{
    if (v.isObject())
        return redactObject(v.toObject());
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray())
            out.append(redactValue(e));
        return out;
    }
    if (v.isString()) {
        const QString text = v.toString();
        const QString clean = log::redact(text);
        return clean == text ? v : QJsonValue(clean);
    }
    return v;
}

QByteArray compact(const QJsonValue &v)
{
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
}

} // namespace

QString PinnedSamples::locationFor(const QString &projectPath)
{
    QString base = projectPath;
    if (base.endsWith(QLatin1String(".json")))
        base.chop(5);
    return base + QStringLiteral(".samples.json");
}

QJsonObject PinnedSamples::redacted(const QJsonObject &record)
{
    return redactObject(record);
}

const PinnedSample *PinnedSamples::sample(const QString &scheme) const
{
    const auto it = m_samples.constFind(scheme);
    return it == m_samples.cend() ? nullptr : &it.value();
}

void PinnedSamples::set(const QString &scheme, const PinnedSample &sample)
{
    PinnedSample clean;
    clean.pinnedAt = sample.pinnedAt;
    clean.records.reserve(sample.records.size());
    for (const QJsonObject &r : sample.records)
        clean.records.append(redacted(r));
    m_samples.insert(scheme, clean);
}

void PinnedSamples::rename(const QString &from, const QString &to)
{
    if (from == to || !m_samples.contains(from))
        return;
    m_samples.insert(to, m_samples.take(from));
}

QByteArray PinnedSamples::toJson() const
{
    // Written by hand rather than by QJsonDocument::Indented: a record per line keeps a diff
    // of an edited or refreshed sample to the records that changed. QJsonObject keeps its keys
    // sorted, so the same records always give the same text.
    QByteArray out;
    out += "{\n  \"format\": " + compact(kFormat) +
           ",\n  \"version\": " + QByteArray::number(kVersion) + ",\n  \"schemes\": {";
    bool firstScheme = true;
    for (auto it = m_samples.cbegin(); it != m_samples.cend(); ++it) {
        out += firstScheme ? "\n" : ",\n";
        firstScheme = false;
        out += "    " + compact(it.key()) + ": {\n";
        out += "      \"pinnedAt\": " + compact(it->pinnedAt) + ",\n";
        out += "      \"records\": [";
        for (qsizetype i = 0; i < it->records.size(); ++i) {
            out += i == 0 ? "\n" : ",\n";
            out += "        " + compact(redacted(it->records.at(i)));
        }
        out += it->records.isEmpty() ? "]\n    }" : "\n      ]\n    }";
    }
    out += firstScheme ? "}\n}\n" : "\n  }\n}\n";
    return out;
}

bool PinnedSamples::fromJson(const QByteArray &text, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("not a JSON object: %1").arg(parse.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != kFormat) {
        *error = QStringLiteral("not a Weft samples file (format is not \"%1\")").arg(kFormat);
        return false;
    }
    if (root.value(QLatin1String("version")).toInt() > kVersion) {
        *error = QStringLiteral("written by a newer Weft (version %1)")
                     .arg(root.value(QLatin1String("version")).toInt());
        return false;
    }
    QMap<QString, PinnedSample> samples;
    const QJsonObject schemes = root.value(QLatin1String("schemes")).toObject();
    for (auto it = schemes.begin(); it != schemes.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        PinnedSample s;
        s.pinnedAt = entry.value(QLatin1String("pinnedAt")).toString();
        for (const QJsonValue &r : entry.value(QLatin1String("records")).toArray()) {
            if (!r.isObject()) {
                *error = QStringLiteral("scheme '%1': a record is not a JSON object").arg(it.key());
                return false;
            }
            s.records.append(r.toObject());
        }
        samples.insert(it.key(), s);
    }
    m_samples = samples;
    return true;
}

bool PinnedSamples::read(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        m_samples.clear();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    QString why;
    if (!fromJson(file.readAll(), &why)) {
        *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    }
    return true;
}

bool PinnedSamples::write(const QString &path, QString *error) const
{
    if (m_samples.isEmpty()) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error = QStringLiteral("%1: could not remove it").arg(path);
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace weft
