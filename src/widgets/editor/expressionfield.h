#pragma once

#include "core/expr/exprerror.h"

#include <QJsonObject>
#include <QWidget>
#include <optional>

class QLabel;

namespace weft {

class ExpressionEditor;

/// An expression editor with what the value gives beneath it: the compile error, or the
/// value computed for the selected sample record — live, as you type.
class ExpressionField final : public QWidget
{
    Q_OBJECT
public:
    explicit ExpressionField(QWidget *parent = nullptr);

    ExpressionEditor *editor() const { return m_editor; }
    QString value() const;
    void setValue(const QString &value);
    void setFields(const QStringList &fields);
    /// The record the live value is computed for; nullopt: none (a preview provides them).
    void setSample(const std::optional<QJsonObject> &record, const QString &description = {});
    void setTimeZone(const QString &ianaId);

Q_SIGNALS:
    void edited(const QString &text);
    void committed(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    ExpressionEditor *m_editor;
    QLabel *m_result;
    std::optional<QJsonObject> m_sample;
    QString m_sampleDescription;
    QString m_timeZone = QStringLiteral("Asia/Shanghai");
};

} // namespace weft
