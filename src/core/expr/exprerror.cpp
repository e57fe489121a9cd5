#include "core/expr/exprerror.h"

namespace weft::expr {

namespace {

// Long values are cut around the error so the message stays one readable line.
QString excerpt(const QString &text, int position)
{
    constexpr int kMax = 80;
    if (text.size() <= kMax)
        return text;
    const QString ellipsis = QStringLiteral("…");
    if (position < 0 || position < kMax - 20)
        return text.left(kMax - 1) + ellipsis;
    int start = std::max(0, position - kMax / 2);
    const int end = std::min<int>(int(text.size()), start + kMax - 2);
    start = std::max(0, end - (kMax - 2));
    QString out = text.mid(start, end - start);
    if (start > 0)
        out.prepend(ellipsis);
    if (end < text.size())
        out.append(ellipsis);
    return out;
}

} // namespace

QString ExprError::toString() const
{
    QString out = message;
    if (!suggestion.isEmpty())
        out += QStringLiteral(" (%1)").arg(suggestion);
    if (position >= 0)
        out += QStringLiteral(" at column %1").arg(position + 1);
    return out;
}

QString formatError(const QString &scheme, const QString &field, const QString &text,
                    const ExprError &e)
{
    QString out;
    if (!scheme.isEmpty())
        out += QStringLiteral("scheme '%1': ").arg(scheme);
    // A bare name is a target field (the common case); a caller may pass a described field
    // instead, e.g. "source parameter page_size".
    if (!field.isEmpty() && field.contains(QLatin1Char(' ')))
        out += field + QStringLiteral(": ");
    else if (!field.isEmpty())
        out += QStringLiteral("target field %1: ").arg(field);
    if (!text.isEmpty())
        out += QStringLiteral("`%1`: ").arg(excerpt(text, e.position));
    out += e.toString();
    return out;
}

} // namespace weft::expr
