#include "core/model/diagnostic.h"

#include "core/util/jsonwriter.h"

#include <algorithm>

namespace weft {

QString Diagnostic::toString(const QString &file) const
{
    QString s;
    if (!file.isEmpty()) {
        s += file;
        if (position.isValid())
            s += QStringLiteral(":%1:%2").arg(position.line).arg(position.column);
        s += QStringLiteral(": ");
    } else if (position.isValid()) {
        s += QStringLiteral("line %1, column %2: ").arg(position.line).arg(position.column);
    }
    s += isError() ? QStringLiteral("error: ") : QStringLiteral("warning: ");
    s += pointer.isEmpty() ? QStringLiteral("/") : pointer;
    s += QStringLiteral(": ");
    s += message;
    return s;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.isError(); });
}

int errorCount(const Diagnostics &diagnostics)
{
    return int(std::count_if(diagnostics.begin(), diagnostics.end(),
                             [](const Diagnostic &d) { return d.isError(); }));
}

DiagnosticSink DiagnosticSink::at(const QString &key) const
{
    return DiagnosticSink(m_out, m_pointer + u'/' + jsonPointerToken(key));
}

DiagnosticSink DiagnosticSink::at(qsizetype index) const
{
    return DiagnosticSink(m_out, m_pointer + u'/' + QString::number(index));
}

void DiagnosticSink::error(const QString &message) const
{
    if (m_out)
        m_out->append({Diagnostic::Severity::Error, m_pointer, message, {}});
}

void DiagnosticSink::warning(const QString &message) const
{
    if (m_out)
        m_out->append({Diagnostic::Severity::Warning, m_pointer, message, {}});
}

} // namespace weft
