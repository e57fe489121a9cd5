#pragma once

#include "core/expr/exprerror.h"

#include <QList>
#include <QStringList>
#include <Qsci/qsciscintilla.h>

class QTimer;

namespace weft {

class ExpressionLexer;

/// A thin QScintilla wrapper for one mapping value: highlighting,
/// completion of source fields (after `{`) and of functions with their signatures, and
/// compile errors underlined as you type. It knows nothing about where the value is stored.
class ExpressionEditor final : public QsciScintilla
{
    Q_OBJECT
public:
    explicit ExpressionEditor(QWidget *parent = nullptr);

    QString value() const { return text(); }
    /// Replaces the text without emitting edited().
    void setValue(const QString &text);
    /// Source fields offered after `{` and checked by the compiler ("did you mean …").
    void setFields(const QStringList &fields);
    QStringList fields() const { return m_fields; }
    /// The current compile errors (refreshed shortly after each keystroke).
    QList<expr::ExprError> errors() const { return m_errors; }

    /// Shows the completion list for the cursor position (also Ctrl+Space).
    void complete();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The person changed the text (not emitted for setValue()).
    void edited(const QString &text);
    /// Enter or focus out: the value is final for now.
    void committed(const QString &text);
    void errorsChanged(const QList<weft::expr::ExprError> &errors);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    enum class Context { Start, Template, Code, String };
    Context contextAtCursor(QString *prefix) const;
    /// What the completion list shows for the cursor position.
    QStringList completionsAtCursor() const;
    /// Compiles right away (normally debounced while typing).
    void checkNow();
    void onTextChanged();
    void onCharAdded(int ch);
    void insertCompletion(int id, const QString &text);
    void showCallTip();
    void markErrors();

    ExpressionLexer *m_lexer;
    QTimer *m_checkTimer;
    QStringList m_fields;
    QList<expr::ExprError> m_errors;
    bool m_settingValue = false;
    QString m_committed;
};

} // namespace weft
