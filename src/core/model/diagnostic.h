#pragma once

#include "core/util/jsonlocator.h"

#include <QList>
#include <QString>

namespace weft {

/// One problem found in a project: where (JSON pointer, and line/column when known) and what.
struct Diagnostic {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString pointer; ///< JSON pointer into the project file, "" for the whole file
    QString message; ///< says what is wrong and, where possible, what to do about it
    TextPosition position;

    bool isError() const { return severity == Severity::Error; }
    /// "file:line:col: error: /schemes/0/name: message" (file and position when known).
    QString toString(const QString &file = QString()) const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);
int errorCount(const Diagnostics &diagnostics);

/// Collects diagnostics under a JSON pointer prefix while a loader or validator walks a tree.
class DiagnosticSink final
{
public:
    explicit DiagnosticSink(Diagnostics *out, QString pointer = QString())
        : m_out(out)
        , m_pointer(std::move(pointer))
    {
    }

    /// A sink for a child: key or array index appended to the pointer.
    DiagnosticSink at(const QString &key) const;
    DiagnosticSink at(qsizetype index) const;
    /// A sink for a descendant given as a relative, already escaped pointer ("/a/0/b").
    DiagnosticSink atPointer(const QString &relative) const
    {
        return DiagnosticSink(m_out, m_pointer + relative);
    }

    void error(const QString &message) const;
    void warning(const QString &message) const;
    const QString &pointer() const { return m_pointer; }

private:
    Diagnostics *m_out;
    QString m_pointer;
};

} // namespace weft
