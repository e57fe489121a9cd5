#include "core/util/envexpand.h"

#include <QRegularExpression>

namespace weft {

EnvLookup processEnvironment()
{
    return [](const QString &name) -> QString {
        const QByteArray key = name.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(key.constData()))
            return {};
        return qEnvironmentVariable(key.constData());
    };
}

bool looksSecret(const QString &name)
{
    // "…key" only at the end: API_KEY, appKey, a WeCom robot's ?key=, not KEYBOARD_LAYOUT.
    static const QRegularExpression secretish(
        QStringLiteral("secret|token|passw|pwd|credential|key$"),
        QRegularExpression::CaseInsensitiveOption);
    return secretish.match(name).hasMatch();
}

EnvExpansion expandEnv(const QString &text, const EnvLookup &lookup)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    EnvExpansion result;
    result.text.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c != u'$') {
            result.text += c;
            ++i;
            continue;
        }
        if (i + 1 < text.size() && text.at(i + 1) == u'$') {
            result.text += u'$';
            i += 2;
            continue;
        }
        if (i + 1 >= text.size() || text.at(i + 1) != u'{') {
            result.text += c; // a lone "$" is literal text
            ++i;
            continue;
        }
        const qsizetype close = text.indexOf(u'}', i + 2);
        if (close < 0) {
            result.error = QStringLiteral("unclosed \"${\" at character %1").arg(i + 1);
            result.text += text.mid(i);
            break;
        }
        const QString inner = text.mid(i + 2, close - i - 2);
        const qsizetype dflt = inner.indexOf(QStringLiteral(":-"));
        const QString name = dflt < 0 ? inner : inner.left(dflt);
        if (!validName.match(name).hasMatch()) {
            result.error = QStringLiteral("\"${%1}\" is not a valid variable reference; write "
                                          "${NAME} or ${NAME:-default}")
                               .arg(inner);
        }
        const QString value = lookup(name);
        if (!value.isEmpty()) {
            result.text += value;
            if (looksSecret(name))
                result.secrets << value;
        } else if (dflt >= 0) {
            result.text += inner.mid(dflt + 2);
        } else {
            result.missing << name;
        }
        i = close + 1;
    }
    return result;
}

} // namespace weft
