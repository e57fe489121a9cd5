#include "core/expr/parser.h"

#include "core/expr/sqlvalue.h"
#include "core/util/textdistance.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace weft::expr {

namespace {

struct ParserName {
    const char *name;
    Parser::Kind kind;
};
constexpr ParserName kParsers[] = {
    {"ConvertObjectParser", Parser::Kind::ConvertObject},
    {"ConvertTwoStageObjectParser", Parser::Kind::ConvertTwoStageObject},
    {"StringToArray", Parser::Kind::StringToArray},
    {"ArrayToString", Parser::Kind::ArrayToString},
    {"ConvertJson", Parser::Kind::ConvertJson},
};

QString paramText(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString();
}

} // namespace

QStringList Parser::names()
{
    QStringList names;
    for (const ParserName &p : kParsers)
        names << QLatin1String(p.name);
    return names;
}

QString Parser::name() const
{
    for (const ParserName &p : kParsers) {
        if (p.kind == m_kind)
            return QLatin1String(p.name);
    }
    return {};
}

Parser Parser::compile(const QJsonValue &spec, ExprError *error)
{
    Parser p;
    if (spec.isUndefined() || spec.isNull())
        return p;
    auto fail = [&](const QString &message, const QString &suggestion) {
        p.m_valid = false;
        if (error)
            *error = {message, -1, 0, suggestion};
        return p;
    };
    QString name;
    QJsonObject object;
    if (spec.isString()) {
        name = spec.toString();
    } else if (spec.isObject()) {
        object = spec.toObject();
        name = object.value(QLatin1String("name")).toString();
    } else {
        return fail(QStringLiteral("a parser is {\"name\": …, \"params\": …}"),
                    QStringLiteral("e.g. {\"name\": \"ConvertObjectParser\", \"params\": "
                                   "\"FNumber\"}"));
    }
    name = name.trimmed();
    bool found = false;
    for (const ParserName &candidate : kParsers) {
        if (name.compare(QLatin1String(candidate.name), Qt::CaseInsensitive) == 0) {
            p.m_kind = candidate.kind;
            found = true;
        }
    }
    if (!found) {
        const QString nearest = nearestName(name, names());
        p.m_kind = Kind::None;
        return fail(name.isEmpty() ? QStringLiteral("the parser has no name")
                                   : QStringLiteral("unknown parser %1").arg(name),
                    nearest.isEmpty()
                        ? QStringLiteral("parsers are %1").arg(names().join(QStringLiteral(", ")))
                        : QStringLiteral("did you mean %1?").arg(nearest));
    }
    const QJsonValue params = object.value(QLatin1String("params"));
    const QJsonObject nested = params.toObject();
    p.m_param1 = paramText(params);
    switch (p.m_kind) {
    case Kind::ConvertObject:
        if (p.m_param1.isEmpty())
            return fail(QStringLiteral("ConvertObjectParser needs the key as params"),
                        QStringLiteral("e.g. \"params\": \"FNumber\""));
        break;
    case Kind::ConvertTwoStageObject: {
        // params1/params2 at the top, inside "params", or "params": "A.B".
        p.m_param1 = paramText(object.value(QLatin1String("params1")));
        p.m_param2 = paramText(object.value(QLatin1String("params2")));
        if (p.m_param1.isEmpty())
            p.m_param1 = paramText(nested.value(QLatin1String("params1")));
        if (p.m_param2.isEmpty())
            p.m_param2 = paramText(nested.value(QLatin1String("params2")));
        if ((p.m_param1.isEmpty() || p.m_param2.isEmpty()) && params.isString()) {
            QString both = params.toString();
            both.replace(QLatin1Char(','), QLatin1Char('.'));
            const QStringList parts = both.split(QLatin1Char('.'));
            if (parts.size() == 2) {
                p.m_param1 = parts[0].trimmed();
                p.m_param2 = parts[1].trimmed();
            }
        }
        if (p.m_param1.isEmpty() || p.m_param2.isEmpty())
            return fail(QStringLiteral("ConvertTwoStageObjectParser needs params1 and params2"),
                        QStringLiteral("e.g. \"params1\": \"FMaterialId\", \"params2\": "
                                       "\"FNumber\""));
        break;
    }
    case Kind::StringToArray:
    case Kind::ArrayToString:
        if (p.m_param1.isEmpty())
            p.m_param1 = QStringLiteral(",");
        break;
    case Kind::ConvertJson:
        if (!p.m_param1.isEmpty() &&
            p.m_param1.compare(QLatin1String("parse"), Qt::CaseInsensitive) != 0 &&
            p.m_param1.compare(QLatin1String("stringify"), Qt::CaseInsensitive) != 0)
            return fail(QStringLiteral("ConvertJson takes params \"parse\" or \"stringify\""),
                        QStringLiteral("leave params out to parse JSON text"));
        break;
    case Kind::None:
        break;
    }
    return p;
}

QJsonValue Parser::apply(const QJsonValue &value, ExprError *error) const
{
    if (!m_valid) {
        if (error)
            *error = {QStringLiteral("invalid parser"), -1, 0, {}};
        return QJsonValue(QJsonValue::Undefined);
    }
    if (m_kind == Kind::None || value.isNull() || value.isUndefined())
        return value;
    switch (m_kind) {
    case Kind::ConvertObject:
        return QJsonObject{{m_param1, value}};
    case Kind::ConvertTwoStageObject:
        return QJsonObject{{m_param1, QJsonObject{{m_param2, value}}}};
    case Kind::StringToArray: {
        if (value.isArray())
            return value;
        const QString text = value.isString() ? value.toString() : detail::jsonToText(value);
        QJsonArray out;
        if (!text.isEmpty()) {
            for (const QString &piece : text.split(m_param1))
                out.append(piece);
        }
        return out;
    }
    case Kind::ArrayToString: {
        if (!value.isArray())
            return value.isString() ? value : QJsonValue(detail::jsonToText(value));
        QStringList pieces;
        for (const QJsonValue &v : value.toArray())
            pieces << detail::jsonToText(v);
        return pieces.join(m_param1);
    }
    case Kind::ConvertJson: {
        if (m_param1.compare(QLatin1String("stringify"), Qt::CaseInsensitive) == 0)
            return value.isString() ? value : QJsonValue(detail::jsonToText(value));
        if (!value.isString())
            return value;
        const QString text = value.toString();
        if (text.trimmed().isEmpty())
            return QJsonValue(QJsonValue::Null);
        QJsonParseError parseError;
        // Wrapped in an array so scalars ("12", "\"x\"") parse too.
        const QByteArray bytes = QByteArrayLiteral("[") + text.toUtf8() + QByteArrayLiteral("]");
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1) {
            if (error) {
                // The offset counts UTF-8 bytes of the wrapped text; characters are close
                // enough for ASCII JSON and the message quotes the problem anyway.
                const int offset = std::max(0, parseError.offset - 1);
                *error = {QStringLiteral("ConvertJson: invalid JSON (%1)")
                              .arg(parseError.error == QJsonParseError::NoError
                                       ? QStringLiteral("more than one value")
                                       : parseError.errorString()),
                          offset, 1,
                          QStringLiteral("the value must be JSON text such as {\"a\": 1}")};
            }
            return QJsonValue(QJsonValue::Undefined);
        }
        return doc.array().first();
    }
    case Kind::None:
        break;
    }
    return value;
}

} // namespace weft::expr
